"use strict";
(function () {
  const $ = (id) => document.getElementById(id);

  function say(text, isError) {
    $("status").textContent = text;
    $("status").className = isError ? "error" : "";
  }

  async function call(url, options) {
    const response = await fetch(url, options);
    const body = await response.json().catch(() => ({ error: response.statusText }));
    if (!response.ok) { throw new Error(body.error || ("HTTP " + response.status)); }
    return body;
  }

  async function refresh() {
    const list = await call("/api/articles");
    const ul = $("articles");
    ul.replaceChildren();
    for (const a of list) {
      const li = document.createElement("li");
      li.textContent = (a.outlet ? a.outlet + ": " : "") + (a.title || a.id) + " (" + a.chars + " characters)";
      ul.appendChild(li);
    }
    $("brief").disabled = list.length === 0;
  }

  async function upload(files) {
    if (!files.length) { return; }
    const form = new FormData();
    for (const f of files) { form.append("files", f, f.name); }
    say("Uploading " + files.length + " file(s)…");
    try {
      const result = await call("/api/articles", { method: "POST", body: form });
      const fresh = result.articles.filter((a) => a.added).length;
      say("Added " + fresh + " article(s)" + (fresh < result.articles.length ? " (others were already stored)" : "") + ".");
    } catch (err) { say(err.message, true); }
    await refresh();
  }

  async function addPasted() {
    const text = $("paste").value;
    if (!text.trim()) { say("Paste an article first.", true); return; }
    try {
      await call("/api/articles/text", {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text: text, title: $("paste-title").value || null }),
      });
      $("paste").value = "";
      say("Added the pasted article.");
    } catch (err) { say(err.message, true); }
    await refresh();
  }

  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  async function brief() {
    $("brief").disabled = true;
    $("progress").hidden = false;
    try {
      let job = await call("/api/briefings", {
        method: "POST", headers: { "Content-Type": "application/json" }, body: "{}",
      });
      while (job.status === "queued" || job.status === "running") {
        say("Building the briefing (" + job.status + ")…");
        await sleep(400);
        job = await call("/api/jobs/" + encodeURIComponent(job.id));
      }
      if (job.status !== "done") { throw new Error(job.error || "the briefing failed"); }
      say("Briefing " + job.briefing + " is ready.");
      $("open-report").href = job.html_url;
      $("open-json").href = job.json_url;
      $("report").src = job.html_url;
      $("result").hidden = false;
    } catch (err) { say(err.message, true); }
    $("progress").hidden = true;
    $("brief").disabled = false;
  }

  document.addEventListener("DOMContentLoaded", () => {
    const drop = $("drop");
    drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
    drop.addEventListener("dragleave", () => drop.classList.remove("over"));
    drop.addEventListener("drop", (e) => { e.preventDefault(); drop.classList.remove("over"); upload(e.dataTransfer.files); });
    $("files").addEventListener("change", (e) => { upload(e.target.files); e.target.value = ""; });
    $("paste-add").addEventListener("click", addPasted);
    $("brief").addEventListener("click", brief);
    refresh().catch((err) => say(err.message, true));
  });
})();

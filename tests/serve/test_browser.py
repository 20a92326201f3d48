"""The web page in headless Chromium: upload articles, build a briefing, click a citation, see its words lit."""

from __future__ import annotations

import shutil
from pathlib import Path

import httpx
import pytest
from serve_helpers import DAM_REPORTS, Server

#: Flags for a headless Chromium in a container with no network services to talk to.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _articles_to_upload(tmp_path: Path) -> list[Path]:
    """The bundled example when there is one, else our own two reports."""
    bundled = sorted(p for p in EXAMPLES.rglob("*") if p.is_file() and p.suffix in (".txt", ".html", ".htm"))
    if bundled:
        return bundled
    out = []
    for name, body in DAM_REPORTS.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
        out.append(tmp_path / name)
    return out


def test_upload_brief_and_follow_a_citation(server: Server, tmp_path: Path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    files = _articles_to_upload(tmp_path)
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone's width
            page.goto(server.url + "/")
            page.set_input_files("#files", [str(f) for f in files])
            # Locators, not wait_for_function: the page's CSP rightly forbids the eval that needs.
            page.locator("#articles li").nth(len(files) - 1).wait_for()
            page.click("#brief")
            page.wait_for_selector("#result:not([hidden])", timeout=90_000)
            assert "error" not in (page.get_attribute("#status", "class") or "")

            report = page.frame_locator("#report")
            link = report.locator("a.cite").first
            cited = link.get_attribute("title")
            link.click()
            lit = report.locator("mark.on")
            lit.first.wait_for()
            shown = "".join(lit.all_text_contents())
            assert cited and shown == cited
            # :target alone (no script) lands on the same words when the span is one piece.
            target = report.locator(link.get_attribute("href"))
            assert cited.startswith(target.text_content())
            page.screenshot(path=str(tmp_path / "briefing.png"), full_page=True)
        finally:
            browser.close()

    job_briefing = httpx.get(server.url + "/api/briefings").json()[-1]
    page_json = httpx.get(f"{server.url}/api/briefings/{job_briefing['id']}").json()
    spans = {
        e["text"] for s in page_json["stories"] for key in ("claims", "quotes", "summary", "timeline")
        for item in s[key] for e in item["evidence"]
    } | {v["evidence"]["text"] for s in page_json["stories"] for f in s["figures"] for v in f["values"]}
    assert cited in spans
    assert (tmp_path / "briefing.png").stat().st_size > 1000

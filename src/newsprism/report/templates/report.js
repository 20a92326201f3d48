(function () {
  "use strict";
  function show(key) {
    var old = document.querySelectorAll("mark.on");
    for (var i = 0; i < old.length; i++) { old[i].classList.remove("on"); }
    var marks = document.querySelectorAll("mark[data-k]");
    var first = null;
    for (var j = 0; j < marks.length; j++) {
      if (marks[j].getAttribute("data-k") === key) {
        marks[j].classList.add("on");
        if (!first) { first = marks[j]; }
      }
    }
    if (first) { first.scrollIntoView({ block: "center" }); }
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.cite") : null;
    if (link) { show(link.getAttribute("href").slice(1)); }
  });
  window.addEventListener("hashchange", function () { show(location.hash.slice(1)); });
  if (location.hash) { show(location.hash.slice(1)); }
})();

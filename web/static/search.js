// Answers as you type: the search form works without this script (it is a
// plain GET form); with it, the page asks the server for the same page as
// the typed question and swaps in its answer. The answer is server-rendered
// and escaped HTML from this site, parsed with DOMParser, whose scripts
// never run, so nothing typed is ever executed.
(function () {
  "use strict";
  var form = document.querySelector("form[data-live]");
  var input = form && form.querySelector("input[name=q]");
  var area = document.getElementById("answer");
  if (!form || !input || !area || !window.fetch || !window.DOMParser) {
    return;
  }
  var lang = form.querySelector("input[name=lang]").value;
  // Says the script is on (the browser test checks it is not, with
  // JavaScript disabled).
  form.setAttribute("data-live", "on");
  var timer = 0;
  var inflight = null;
  var last = input.value.trim();

  function ask(q) {
    if (inflight) {
      inflight.abort();
    }
    inflight = new AbortController();
    var params = new URLSearchParams({ q: q, lang: lang });
    var url = "/?" + params.toString();
    fetch(url, { signal: inflight.signal, headers: { Accept: "text/html" } })
      .then(function (res) { return res.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.getElementById("answer");
        if (!fresh) {
          return;
        }
        area.replaceChildren.apply(area, Array.prototype.slice.call(document.adoptNode(fresh).childNodes));
        history.replaceState(null, "", url);
      })
      .catch(function () { /* aborted or offline: the form still works */ });
  }

  input.addEventListener("input", function () {
    var q = input.value.trim();
    clearTimeout(timer);
    if (q === last) {
      return;
    }
    last = q;
    if (q.length < 3) {
      return;
    }
    timer = setTimeout(function () { ask(q); }, 300);
  });
})();

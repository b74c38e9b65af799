// Staff clause search: results as you type, keyboard navigation and one-click
// citation copying. Text from the server is inserted with textContent only;
// highlighted words become <mark> elements built here, never parsed HTML.
(function () {
  "use strict";
  var form = document.getElementById("clause-search");
  var box = document.getElementById("q");
  var list = document.getElementById("results");
  var summary = document.getElementById("result-summary");
  var status = document.getElementById("copy-status");
  if (!form || !box || !list) return;
  var endpoint = form.getAttribute("data-endpoint");
  var versionChoice = form.querySelector("select[name=version]");
  if (versionChoice) versionChoice.addEventListener("change", function () { form.submit(); });
  var timer = null;
  var pending = null;
  var lastQuery = box.value.trim();

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function announce(message) {
    if (!status) return;
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  function copyText(text, input) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      if (!input) { reject(new Error("nothing to select")); return; }
      input.focus();
      input.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      if (ok) { resolve(); } else { reject(new Error("copy failed")); }
    });
  }

  function copyFrom(button) {
    var item = button.closest(".result");
    var input = item ? item.querySelector("input.citation") : null;
    var text = button.getAttribute("data-citation");
    copyText(text, input).then(function () {
      button.textContent = "Copied";
      window.setTimeout(function () { button.textContent = "Copy citation"; }, 1500);
      announce("Copied: " + text);
      button.focus();
    }).catch(function () {
      if (input) { input.focus(); input.select(); }
      announce("Could not copy automatically. The citation is selected: press Ctrl+C or Cmd+C.");
    });
  }

  function buttons() {
    return Array.prototype.slice.call(list.querySelectorAll("button.copy"));
  }

  function render(data) {
    list.textContent = "";
    data.results.forEach(function (item) {
      var li = el("li", "result");
      var label = el("p", "label");
      var a = el("a", null, item.label);
      a.href = item.path;
      label.appendChild(a);
      label.appendChild(document.createTextNode(" "));
      label.appendChild(el("span", "score", "score " + item.score));
      li.appendChild(label);
      var quote = el("blockquote");
      item.parts.forEach(function (part) {
        quote.appendChild(part.mark ? el("mark", null, part.text) : document.createTextNode(part.text));
      });
      li.appendChild(quote);
      var row = el("div", "copy-row");
      var input = el("input", "citation");
      input.type = "text";
      input.readOnly = true;
      input.value = item.citation;
      input.setAttribute("aria-label", "Citation for " + item.label);
      row.appendChild(input);
      var button = el("button", "copy", "Copy citation");
      button.type = "button";
      button.setAttribute("data-citation", item.citation);
      button.setAttribute("aria-label", "Copy citation: " + item.label);
      row.appendChild(button);
      li.appendChild(row);
      list.appendChild(li);
    });
    if (!data.query) {
      summary.textContent = "";
    } else if (!data.results.length) {
      summary.textContent = "No clause contains those words. Try other words, or check the spelling.";
    } else {
      var n = data.results.length;
      summary.textContent = n + (n === 1 ? " clause" : " clauses") + " for \u201c" + data.query + "\u201d" +
        (data.confidence < 0.5 ? " \u2014 weak match: check the clause says what you need" : "");
    }
  }

  function run() {
    var q = box.value.trim();
    if (q === lastQuery) return;
    lastQuery = q;
    if (pending) pending.abort();
    var url = new URL(window.location.href);
    if (q) { url.searchParams.set("q", q); } else { url.searchParams.delete("q"); }
    window.history.replaceState(null, "", url.pathname + url.search);
    if (!q) { render({ query: "", results: [], confidence: 0 }); return; }
    pending = window.AbortController ? new AbortController() : null;
    var version = form.querySelector("select[name=version]");
    fetch(endpoint + "?q=" + encodeURIComponent(q) + (version && version.value ? "&version=" + encodeURIComponent(version.value) : ""), {
      headers: { "Accept": "application/json" },
      credentials: "same-origin",
      signal: pending ? pending.signal : undefined
    }).then(function (r) {
      if (r.status === 401) { window.location.reload(); throw new Error("signed out"); }
      if (!r.ok) throw new Error("search failed");
      return r.json();
    }).then(render).catch(function (err) {
      if (err && err.name === "AbortError") return;
      summary.textContent = "Search is not available right now; press Enter to try again.";
    });
  }

  box.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(run, 150);
  });

  form.addEventListener("submit", function (event) {
    if (!window.fetch) return;
    event.preventDefault();
    window.clearTimeout(timer);
    lastQuery = null;
    run();
  });

  box.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") {
      var all = buttons();
      if (all.length) { event.preventDefault(); all[0].focus(); }
    }
  });

  list.addEventListener("click", function (event) {
    var button = event.target.closest("button.copy");
    if (button) copyFrom(button);
  });

  list.addEventListener("keydown", function (event) {
    var all = buttons();
    var i = all.indexOf(document.activeElement);
    if (event.key === "Escape") { event.preventDefault(); box.focus(); box.select(); return; }
    if (i < 0) return;
    if (event.key === "ArrowDown" && i < all.length - 1) { event.preventDefault(); all[i + 1].focus(); }
    else if (event.key === "ArrowUp") { event.preventDefault(); if (i > 0) { all[i - 1].focus(); } else { box.focus(); } }
  });

  document.addEventListener("keydown", function (event) {
    var t = event.target;
    var typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      box.focus();
      box.select();
    }
  });
})();

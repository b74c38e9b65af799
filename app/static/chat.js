// Progressive enhancement of the chat page: ask through /api/ask without a page
// load, keep the conversation on screen and offer thumbs up/down. Every piece of
// visitor or answer text is inserted with textContent, never as HTML.
(function () {
  "use strict";
  var form = document.getElementById("ask");
  var input = document.getElementById("question");
  var transcript = document.getElementById("transcript");
  if (!form || !input || !transcript || !window.fetch) return;
  var session = null;
  try {
    session = window.sessionStorage.getItem("pa-session");
    if (!session) {
      session = Math.random().toString(36).slice(2) + Date.now().toString(36);
      window.sessionStorage.setItem("pa-session", session);
    }
  } catch (e) { session = null; }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function link(href, text) {
    var a = el("a", null, text);
    a.href = href;
    return a;
  }

  function feedback(questionId) {
    var box = el("div", "feedback");
    box.appendChild(el("span", null, "Was this helpful?"));
    var status = el("span", "visually-hidden");
    status.setAttribute("role", "status");
    [["Yes", true], ["No", false]].forEach(function (pair) {
      var b = el("button", null, pair[0]);
      b.type = "button";
      b.setAttribute("aria-pressed", "false");
      b.addEventListener("click", function () {
        fetch("/api/feedback", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ question_id: questionId, helpful: pair[1] })
        }).then(function (r) {
          if (!r.ok) throw new Error("feedback failed");
          box.querySelectorAll("button").forEach(function (x) { x.setAttribute("aria-pressed", "false"); });
          b.setAttribute("aria-pressed", "true");
          status.textContent = "Thank you for your feedback.";
        }).catch(function () { status.textContent = "Sorry, your feedback could not be saved."; });
      });
      box.appendChild(b);
    });
    box.appendChild(status);
    return box;
  }

  function render(data) {
    var msg = el("div", "msg assistant " + (data.kind || ""));
    if (data.answered && data.citations.length) {
      var first = data.citations[0];
      if (data.note) msg.appendChild(el("p", "note", data.note));
      var quote = el("blockquote");
      quote.cite = first.url;
      quote.appendChild(el("p", "quote", data.answer.text));
      msg.appendChild(quote);
      var cite = el("p", "cite", "From ");
      cite.appendChild(link(first.url, first.label));
      msg.appendChild(cite);
      if (data.citations.length > 1) {
        var more = el("p", "more", "See also: ");
        data.citations.slice(1).forEach(function (c, i) {
          if (i) more.appendChild(document.createTextNode("; "));
          more.appendChild(link(c.url, c.label));
        });
        msg.appendChild(more);
      }
    } else if (data.contact) {
      msg.appendChild(el("p", "plain", data.message.split("\n")[0]));
      var dl = el("dl", "contact");
      Object.keys(data.contact).forEach(function (label) {
        var value = data.contact[label];
        dl.appendChild(el("dt", null, label));
        var dd = el("dd");
        if (label === "Email") dd.appendChild(link("mailto:" + value, value));
        else if (label === "Phone") dd.appendChild(link("tel:" + value.replace(/\s+/g, ""), value));
        else dd.textContent = value;
        dl.appendChild(dd);
      });
      msg.appendChild(dl);
    } else {
      msg.appendChild(el("p", "plain", data.message));
    }
    if (data.handoff) {
      var h = el("p", "handoff");
      var a = link(data.handoff.url, data.handoff.label + ": open the request form");
      a.className = "button";
      h.appendChild(a);
      msg.appendChild(h);
    } else if (data.offer) {
      var o = el("p", "offer", "Want to go ahead? ");
      o.appendChild(link(data.offer.url, data.offer.label));
      msg.appendChild(o);
    }
    if (data.kind !== "smalltalk") msg.appendChild(feedback(data.question_id));
    return msg;
  }

  form.addEventListener("submit", function (event) {
    var question = input.value.trim();
    event.preventDefault();
    if (!question) { input.focus(); return; }
    var button = form.querySelector("button[type=submit]");
    transcript.appendChild(el("div", "msg visitor", null)).appendChild(el("p", null, question));
    input.value = "";
    button.disabled = true;
    fetch("/api/ask", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify({ question: question, session: session })
    }).then(function (r) {
      return r.json().then(function (body) { return { ok: r.ok, body: body }; });
    }).then(function (res) {
      if (!res.ok) throw new Error(res.body && res.body.error ? res.body.error : "Something went wrong.");
      transcript.appendChild(render(res.body));
    }).catch(function (err) {
      var m = el("div", "msg error");
      m.setAttribute("role", "alert");
      m.appendChild(el("p", null, err.message || "Something went wrong. Please try again."));
      transcript.appendChild(m);
    }).then(function () {
      button.disabled = false;
      input.focus();
      transcript.lastElementChild.scrollIntoView({ block: "nearest" });
    });
  });
})();

// Progressive enhancement of the chat page: ask through /api/ask without a page
// load, keep the conversation on screen and offer thumbs up/down. Every piece of
// visitor or answer text is inserted with textContent, never as HTML.
// The conversation (each question and the JSON reply) is kept in sessionStorage
// so that a reload or Back from the policy shows it again; nothing more is stored.
(function () {
  "use strict";
  var form = document.getElementById("ask");
  var input = document.getElementById("question");
  var transcript = document.getElementById("transcript");
  var suggestions = document.getElementById("suggestions");
  if (!form || !input || !transcript || !window.fetch) return;
  var session = null;
  try {
    session = window.sessionStorage.getItem("pa-session");
    if (!session) {
      session = Math.random().toString(36).slice(2) + Date.now().toString(36);
      window.sessionStorage.setItem("pa-session", session);
    }
  } catch (e) { session = null; }

  var STORE_KEY = "pa-conversation";
  var MAX_EXCHANGES = 50; // bounded: older exchanges drop off
  // The question that handed off to the request form, read once by intake.js to prefill "details":
  // carried in the tab's storage, never in the URL (which would land in access logs).
  var HANDOFF_KEY = "pa-handoff-details";
  var OFFLINE = "Couldn't reach the assistant. Check your connection and try again.";

  function loadConversation() {
    try {
      var items = JSON.parse(window.sessionStorage.getItem(STORE_KEY) || "[]");
      return Array.isArray(items) ? items : [];
    } catch (e) { return []; }
  }
  var conversation = loadConversation();

  function saveConversation() {
    conversation = conversation.slice(-MAX_EXCHANGES);
    try {
      if (conversation.length) window.sessionStorage.setItem(STORE_KEY, JSON.stringify(conversation));
      else window.sessionStorage.removeItem(STORE_KEY);
    } catch (e) { /* storage full or disabled: the conversation simply won't survive a reload */ }
  }

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

  function carryQuestion(a, question) {
    a.addEventListener("click", function () {
      try {
        if (question) window.sessionStorage.setItem(HANDOFF_KEY, question);
      } catch (e) { /* storage disabled: the form simply starts empty */ }
    });
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

  // Several quotes are a lead-in ending with ":" and its list items, or list items alone (as on the page without JS).
  function quoteBlock(answer, url) {
    var quote = el("blockquote");
    quote.cite = url;
    var quotes = answer.quotes || [];
    if (quotes.length > 1) {
      var items = quotes;
      if (/:$/.test(quotes[0].text)) {
        quote.appendChild(el("p", "quote", quotes[0].text));
        items = quotes.slice(1);
      }
      var list = el("ul", "quote-list");
      items.forEach(function (q) { list.appendChild(el("li", null, q.text)); });
      quote.appendChild(list);
    } else {
      quote.appendChild(el("p", "quote", answer.text));
    }
    return quote;
  }

  var choiceCount = 0;
  // "Did you mean one of these?": one button per choice, named by its label and described by the clause.
  function renderChoices(msg, data, question) {
    choiceCount += 1;
    var prefix = "choice" + choiceCount + "-";
    var prompt = el("p", "plain", data.message);
    prompt.id = prefix + "prompt";
    msg.appendChild(prompt);
    var group = el("div", "choices");
    group.setAttribute("role", "group");
    group.setAttribute("aria-labelledby", prompt.id);
    data.clarify.forEach(function (choice, i) {
      var b = el("button", "choice");
      b.type = "button";
      var name = b.appendChild(el("span", "choice-label", choice.label));
      name.id = prefix + i;
      var text = b.appendChild(el("span", "choice-text", choice.text));
      text.id = prefix + i + "-text";
      b.setAttribute("aria-labelledby", name.id);
      b.setAttribute("aria-describedby", text.id);
      b.addEventListener("click", function () { pick(group, b, choice, question, data.question_id); });
      group.appendChild(b);
    });
    msg.appendChild(group);
  }

  function setDisabled(group, disabled) {
    group.querySelectorAll("button").forEach(function (x) { x.disabled = disabled; });
  }

  function pick(group, chosen, choice, question, questionId) {
    setDisabled(group, true);
    chosen.classList.add("picked");
    send({ question: question, choice: choice.clause_id, clarifies: questionId }, choice.label)
      .then(function (ok) {
        // After a failure the visitor can pick again.
        if (!ok) { setDisabled(group, false); chosen.classList.remove("picked"); }
      });
  }

  // `question` is what was asked: a choice after "did you mean" is sent with it.
  function render(data, question) {
    var msg = el("div", "msg assistant " + (data.kind || ""));
    if (data.answered && data.citations.length) {
      var first = data.citations[0];
      if (data.note) msg.appendChild(el("p", "note", data.note));
      msg.appendChild(quoteBlock(data.answer, first.url));
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
    } else if (data.kind === "clarify" && data.clarify && data.clarify.length) {
      renderChoices(msg, data, question);
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
      h.appendChild(carryQuestion(a, question));
      msg.appendChild(h);
    } else if (data.offer) {
      var o = el("p", "offer", "Want to go ahead? ");
      o.appendChild(carryQuestion(link(data.offer.url, data.offer.label), question));
      msg.appendChild(o);
    }
    // A "did you mean" reply is not an answer to rate: the answer to the visitor's pick is.
    if (data.kind !== "smalltalk" && data.kind !== "clarify") msg.appendChild(feedback(data.question_id));
    return msg;
  }

  function showVisitor(shown) {
    transcript.appendChild(el("div", "msg visitor", null)).appendChild(el("p", null, shown));
    showSuggestions();
  }

  // Ask (a question, or the choice picked after "did you mean"), show `shown` as the visitor's message and
  // then the reply; resolves to whether it worked. `again` resends after a failure, without repeating the question.
  function send(body, shown, again) {
    var button = form.querySelector("button[type=submit]");
    if (!again) showVisitor(shown);
    button.disabled = true;
    // Said in the live transcript, so a screen reader hears that something is happening.
    var pending = transcript.appendChild(el("div", "pending", null));
    pending.appendChild(el("p", null, "Looking in the policy\u2026"));
    pending.scrollIntoView({ block: "nearest" });
    var sent = { question: body.question, choice: body.choice, clarifies: body.clarifies, session: session };
    var reached = false;
    var started = generation;
    return fetch("/api/ask", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify(sent)
    }).then(function (r) {
      reached = true;
      // A proxy's error page is not JSON: the status still says what happened.
      return r.json().catch(function () { return {}; }).then(function (json) {
        return { ok: r.ok, status: r.status, body: json || {} };
      });
    }).then(function (res) {
      if (!res.ok) {
        var refused = new Error(res.body.error || "Something went wrong. Please try again.");
        // Too many questions at once, or the server busy: the same question can simply be sent again.
        refused.retryable = res.status === 429 || res.status >= 500;
        throw refused;
      }
      pending.remove();
      if (started !== generation) return false; // "New conversation" was pressed meanwhile
      transcript.appendChild(render(res.body, body.question));
      conversation.push({ shown: shown, body: { question: body.question, choice: body.choice, clarifies: body.clarifies },
                          reply: res.body });
      saveConversation();
      newButton.hidden = false;
      return true;
    }).catch(function (err) {
      pending.remove();
      if (started !== generation) return false;
      var m = el("div", "msg error");
      m.setAttribute("role", "alert");
      m.appendChild(el("p", null, reached ? err.message || "Something went wrong. Please try again." : OFFLINE));
      if (!reached || err.retryable) {
        // fetch itself failed (offline, the server down), or a limit or a busy server answered:
        // the question is kept for a one-click retry.
        var retry = m.appendChild(el("button", "retry", "Try again"));
        retry.type = "button";
        retry.addEventListener("click", function () {
          m.remove();
          send(body, shown, true);
        });
      }
      transcript.appendChild(m);
      return false;
    }).then(function (ok) {
      button.disabled = false;
      input.focus();
      if (transcript.lastElementChild) transcript.lastElementChild.scrollIntoView({ block: "nearest" });
      return ok;
    });
  }

  // Suggested questions are offered only while the conversation is empty.
  function showSuggestions() {
    if (suggestions) suggestions.hidden = transcript.children.length > 0;
  }
  if (suggestions) {
    suggestions.querySelectorAll("a.suggestion").forEach(function (a) {
      a.addEventListener("click", function (event) {
        event.preventDefault();
        send({ question: a.textContent }, a.textContent);
      });
    });
  }

  // "New conversation": forget what is on screen and the stored copy.
  var newButton = el("button", "link new-conversation", "New conversation");
  newButton.type = "button";
  newButton.hidden = !conversation.length && !transcript.children.length;
  var generation = 0; // a reply to a question asked before "New conversation" is not shown
  newButton.addEventListener("click", function () {
    generation += 1;
    conversation = [];
    saveConversation();
    transcript.textContent = "";
    newButton.hidden = true;
    showSuggestions();
    input.value = "";
    input.focus();
  });
  form.insertBefore(newButton, form.firstChild);

  // Show the stored conversation again, before anything the server rendered for ?q= (without JavaScript).
  var rendered = document.createDocumentFragment();
  var existing = Array.prototype.slice.call(transcript.childNodes);
  try {
    conversation.forEach(function (item) {
      rendered.appendChild(el("div", "msg visitor", null)).appendChild(el("p", null, item.shown));
      rendered.appendChild(render(item.reply, item.body && item.body.question));
    });
  } catch (e) {
    // A stored copy this script cannot draw (edited, or from an older version): start afresh.
    rendered = document.createDocumentFragment();
    conversation = [];
    saveConversation();
    newButton.hidden = !transcript.children.length;
  }
  transcript.insertBefore(rendered, existing[0] || null);
  showSuggestions();
  if (transcript.lastElementChild) transcript.lastElementChild.scrollIntoView({ block: "nearest" });
  input.focus();

  form.addEventListener("submit", function (event) {
    var question = input.value.trim();
    event.preventDefault();
    if (!question) { input.focus(); return; }
    input.value = "";
    send({ question: question }, question);
  });
})();

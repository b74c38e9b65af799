/*
 * Blue Messaggio privacy assistant: the embeddable chat widget.
 *
 *   <script src="https://ASSISTANT/widget.js" defer
 *           data-title="Privacy questions" data-color="#0b5cad"
 *           data-position="right" data-greeting="Ask me about our privacy policy."
 *           data-lang="hi"></script>
 *
 * Language: the visitor's own choice in the widget (kept in this site's localStorage), else
 * data-lang, else the browser's languages; the server sends the fixed texts (GET api/strings) and
 * answers each call in that language (sent as Accept-Language). data-title and data-greeting are shown as given.
 *
 * Everything lives in a shadow root, so the host page's CSS cannot reach in and
 * ours cannot leak out. Visitor and server text is only ever set with
 * textContent. The assistant's address is taken from this script's own src;
 * requests carry no cookies. No framework, no build step. The conversation
 * (questions and the JSON replies) is kept in the tab's sessionStorage only,
 * so it survives a reload; "New conversation" or closing the tab forgets it.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || !script.src || !window.fetch || !Element.prototype.attachShadow) return;
  if (window.__bmPolicyWidget) return; // the tag was added twice
  window.__bmPolicyWidget = true;

  var SRC = new URL(script.src, document.baseURI);
  var ORIGIN = SRC.origin;
  // The API sits beside widget.js, so an assistant served under a path prefix works too.
  var BASE = new URL("./", SRC).href;
  var data = script.dataset;
  // The fixed texts in the visitor's language, by their English text: t("Ask"). English until api/strings answers.
  var STRINGS = {};
  function t(text, values) {
    var s = typeof STRINGS[text] === "string" ? STRINGS[text] : text;
    return values ? s.replace(/%\((\w+)\)s/g, function (m, k) { return k in values ? String(values[k]) : m; }) : s;
  }
  var LANG_KEY = "bm-policy-assistant:lang";
  function storedLang() {
    try { return window.localStorage.getItem(LANG_KEY) || ""; } catch (e) { return ""; }
  }
  // What the server is asked for; the language it settles on comes back from api/strings.
  var lang = storedLang() || (typeof data.lang === "string" ? data.lang.slice(0, 16) : "");
  var TITLE = (data.title || "").slice(0, 80);
  var GREETING = data.greeting || "";
  var POSITION = data.position === "left" ? "left" : "right";
  var COLOR = data.color && window.CSS && CSS.supports("color", data.color) ? data.color : "";
  var MAX_QUESTION = 500;
  var STORE_KEY = "bm-policy-assistant:conversation";
  var MAX_EXCHANGES = 50; // bounded: older exchanges drop off
  var OFFLINE = "Couldn't reach the assistant. Check your connection and try again.";
  // Nodes whose text follows the language: [node, English text, attribute or null, custom text or ""].
  var labelled = [];
  function say(node, text, attr, custom) {
    labelled.push([node, text, attr || null, custom || ""]);
    var value = custom || t(text);
    if (attr) node.setAttribute(attr, value); else node.textContent = value;
    return node;
  }
  // Texts built from parts (a date, a link) are drawn again by their own function when the language changes.
  var redraws = [];
  function relabel() {
    labelled.forEach(function (item) {
      var value = item[3] || t(item[1]);
      if (item[2]) item[0].setAttribute(item[2], value); else item[0].textContent = value;
    });
    redraws.forEach(function (draw) { draw(); });
  }

  // The host page may forbid storage (sandboxed, privacy settings): then the conversation lasts the page view.
  function readStore() {
    try {
      var stored = JSON.parse(window.sessionStorage.getItem(STORE_KEY) || "null");
      if (stored && typeof stored === "object" && Array.isArray(stored.exchanges)) return stored;
    } catch (e) { /* unreadable or forbidden */ }
    return null;
  }
  var stored = readStore() || { exchanges: [] };
  // One id per tab groups a conversation on the server.
  var SESSION = typeof stored.session === "string" && stored.session ? stored.session
    : Math.random().toString(36).slice(2) + Date.now().toString(36);
  var exchanges = stored.exchanges.slice(-MAX_EXCHANGES);
  var generation = 0; // a reply to a question asked before "New conversation" is not shown
  function writeStore() {
    exchanges = exchanges.slice(-MAX_EXCHANGES);
    try {
      if (exchanges.length) {
        window.sessionStorage.setItem(STORE_KEY, JSON.stringify({ session: SESSION, exchanges: exchanges }));
      } else {
        window.sessionStorage.removeItem(STORE_KEY);
      }
    } catch (e) { /* storage forbidden or full */ }
  }

  var CSS_TEXT = [
    ":host{all:initial;position:fixed;bottom:16px;z-index:2147483000;font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1d2733;--accent:#0b5cad;--accent-text:#fff}",
    ":host([data-position=right]){right:16px}:host([data-position=left]){left:16px}",
    "*,*::before,*::after{box-sizing:border-box}",
    "[hidden]{display:none!important}",
    "button,input,textarea,select{font:inherit;color:inherit}",
    ".launcher{display:flex;align-items:center;gap:.5em;border:0;border-radius:999px;padding:.75em 1.1em;background:var(--accent);color:var(--accent-text);font-weight:600;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25)}",
    ".launcher svg{width:1.3em;height:1.3em;fill:currentColor}",
    "button:focus-visible,a:focus-visible,input:focus-visible,textarea:focus-visible,select:focus-visible{outline:3px solid #f5a623;outline-offset:2px}",
    ".panel{position:fixed;bottom:80px;width:min(380px,calc(100vw - 16px));max-width:100vw;height:min(600px,calc(100vh - 96px));display:flex;flex-direction:column;background:#fff;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.3);overflow:hidden}",
    ":host([data-position=right]) .panel{right:8px}:host([data-position=left]) .panel{left:8px}",
    // On a phone the open panel takes the whole screen: nothing of the host page shows above it.
    "@media (max-width:480px){.panel{left:0!important;right:0!important;top:0;bottom:0;width:100vw;height:auto;max-height:none;border-radius:0}}",
    ".bar{display:flex;align-items:center;justify-content:space-between;gap:.5em;padding:.6em .9em;background:var(--accent);color:var(--accent-text)}",
    "h2{margin:0;font-size:1.05em;font-weight:600;overflow-wrap:anywhere}",
    ".langs{display:flex;gap:.25em}.lang{border:1px solid currentColor;border-radius:6px;background:transparent;color:inherit;font-size:.8em;padding:.2em .45em;cursor:pointer}.lang[aria-pressed=true]{background:var(--accent-text);color:var(--accent)}",
    ".close{border:0;background:transparent;color:inherit;font-size:1.5em;line-height:1;padding:0 .25em;cursor:pointer}",
    ".log{flex:1;overflow-y:auto;padding:.8em;display:flex;flex-direction:column;gap:.6em;background:#f6f8fa}",
    ".msg{max-width:92%;padding:.55em .75em;border-radius:10px;background:#fff;border:1px solid #dde3ea;overflow-wrap:anywhere}",
    ".msg p{margin:0 0 .4em}.msg p:last-child{margin-bottom:0}",
    ".visitor{align-self:flex-end;background:#e6f0fb;border-color:#c6dbf3;white-space:pre-wrap}",
    ".error{border-color:#e0a0a0;background:#fff3f3;color:#8a1c1c}",
    "blockquote{margin:0 0 .4em;padding-left:.6em;border-left:3px solid var(--accent)}",
    "blockquote ul{margin:.2em 0 0;padding-left:1.2em}blockquote li{margin:.15em 0}",
    ".choices{display:flex;flex-direction:column;gap:.4em;margin-top:.4em}",
    ".choice{display:flex;flex-direction:column;gap:.15em;width:100%;text-align:left;border:1px solid #c5ced8;border-radius:8px;padding:.5em .65em;background:#fff;cursor:pointer}",
    ".choice:hover:not([disabled]){border-color:var(--accent);background:#f3f7fc}",
    ".choice-label{font-weight:600;color:#0b5cad}",
    ".choice-text{font-size:.88em;color:#4a5663;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}",
    ".choice[disabled]{cursor:default;opacity:.55}.choice.picked{opacity:1;border-color:var(--accent);box-shadow:inset 3px 0 0 var(--accent)}",
    ".cite,.more,.hint{font-size:.88em;color:#4a5663}",
    "a{color:#0b5cad}",
    "dl{margin:.3em 0 0;display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.1em .6em}dt{font-weight:600}dd{margin:0}",
    // An address or a reference breaks only where it was given a place to (after "@"), never mid-word.
    ".contact dd,.confirm dd{overflow-wrap:normal}.reference,.due{white-space:nowrap}",
    ".feedback{display:flex;align-items:center;gap:.4em;margin-top:.4em;font-size:.88em;color:#4a5663}",
    ".feedback button{border:1px solid #c5ced8;background:#fff;border-radius:6px;padding:.1em .5em;cursor:pointer}",
    ".feedback button[aria-pressed=true]{background:#e6f0fb;border-color:#0b5cad;color:#0b5cad}",
    ".feedback svg{width:1.1em;height:1.1em;fill:currentColor;vertical-align:-.2em}.feedback svg.down{transform:rotate(180deg)}",
    ".action{border:0;border-radius:6px;padding:.45em .8em;background:var(--accent);color:var(--accent-text);cursor:pointer;font-weight:600}",
    // Disabled (a request already sent from this answer) stays readable: no faded opacity.
    ".action[disabled]{background:#e3e8ee;color:#1d2733;cursor:default}",
    ".secondary{border:1px solid #c5ced8;border-radius:6px;padding:.45em .8em;background:#fff;cursor:pointer}",
    ".pending{align-self:flex-start;color:#4a5663;font-style:italic;padding:0 .75em}.pending p{margin:0}",
    ".new{border:1px solid currentColor;border-radius:6px;background:transparent;color:inherit;font-size:.8em;padding:.2em .5em;cursor:pointer;margin-left:auto;white-space:nowrap}",
    ".retry{margin-top:.4em}",
    ".ask{display:flex;gap:.4em;padding:.6em;border-top:1px solid #dde3ea;background:#fff}",
    ".ask input{flex:1;min-width:0;padding:.45em .6em;border:1px solid #c5ced8;border-radius:6px}",
    ".request{display:flex;flex-direction:column;gap:.45em}.legend{font-weight:600}",
    ".request label{display:flex;flex-direction:column;gap:.15em;font-size:.9em;font-weight:600}",
    ".request .lead,.request .field-help{font-weight:400;color:#4a5663;margin:0}.request .field-help{font-size:.95em}",
    ".request input,.request textarea,.request select{font-weight:400;padding:.4em .5em;border:1px solid #c5ced8;border-radius:6px;width:100%}",
    ".request [aria-invalid=true]{border-color:#b42318}",
    ".field-error{color:#b42318;font-weight:400;font-size:.95em}",
    ".buttons{display:flex;gap:.5em;flex-wrap:wrap}",
    ".suggestions{display:flex;flex-wrap:wrap;gap:.4em;margin:0;padding:0;list-style:none}",
    ".policy-notice{border-left:3px solid #b35900;background:#fff6ec;padding:.3em .5em}",
    ".suggestion{border:1px solid var(--accent);border-radius:999px;background:#fff;color:#0b5cad;padding:.25em .7em;cursor:pointer;text-align:left}",
    ".confirm{border-color:#8cc79a;background:#f1fbf3}",
    ".vh{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}"
  ].join("\n");

  // The form's fields come with the handoff (from intents.yaml on the server); these serve an older server.
  var FALLBACK_FIELDS = [
    { name: "name", label: "Your name", type: "text" },
    { name: "email", label: "Your e-mail address", type: "email" },
    { name: "details", label: "Your request", type: "textarea" }
  ];
  var AUTOCOMPLETE = { name: "name", email: "email" };

  // Drawn as SVG paths: emoji need a font the visitor may not have.
  var BUBBLE = "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z";
  var THUMB = "M2 10h4v11H2zM8 21h9.5a2 2 0 0 0 1.9-1.4l2.4-7A2 2 0 0 0 19.9 10H14.5l1-4.4A2 2 0 0 0 13.2 3L8 10z";

  // ---- small DOM helpers: text only, never HTML ----
  function icon(d, className) {
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    if (className) svg.setAttribute("class", className);
    var shape = document.createElementNS("http://www.w3.org/2000/svg", "path");
    shape.setAttribute("d", d);
    svg.appendChild(shape);
    return svg;
  }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function link(href, text, newTab) {
    var a = el("a", null, text);
    a.href = href;
    if (newTab) { a.target = "_blank"; a.rel = "noopener noreferrer"; }
    return a;
  }
  function button(text, className) {
    var b = el("button", className, text);
    b.type = "button";
    return b;
  }
  // A form's row of buttons: the one that submits it, and a secondary one beside it.
  function formButtons(form, submitText, otherText) {
    var row = el("p", "buttons");
    var submit = el("button", "action", submitText);
    submit.type = "submit";
    var other = button(otherText, "secondary");
    row.appendChild(submit);
    row.appendChild(other);
    form.appendChild(row);
    return { submit: submit, other: other };
  }
  // Server paths become links to the assistant; anything pointing elsewhere is dropped.
  // A page of the assistant opened from the widget shows in the widget's language.
  function inLanguage(href) {
    if (!href || !lang || lang === "en") return href;
    var url = new URL(href);
    url.searchParams.set("lang", lang);
    return url.href;
  }
  function assistantUrl(path) {
    try {
      var url = new URL(path, ORIGIN);
      return url.origin === ORIGIN ? url.href : null;
    } catch (e) { return null; }
  }

  // A random key for one submission: sent again (Try again after a lost answer), it is stored once.
  function randomKey() {
    var bytes = new Uint8Array(18);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function post(path, body) {
    var headers = { "Content-Type": "application/json", "Accept": "application/json" };
    // The visitor's language for the fixed texts of the reply (a CORS-safelisted header: no extra preflight).
    if (lang) headers["Accept-Language"] = lang;
    return fetch(new URL(path.replace(/^\//, ""), BASE).href, {
      method: "POST",
      mode: "cors",
      credentials: "omit",
      referrerPolicy: "no-referrer", // the host page's address may itself say something about the visitor
      headers: headers,
      body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (json) {
        return { status: r.status, ok: r.ok, body: json || {} };
      });
    }, function () {
      // Offline, the server down, or this page's origin refused: fetch cannot tell these apart.
      var err = new Error(t(OFFLINE));
      err.unreachable = true;
      throw err;
    });
  }
  function problem(res) {
    if (res.body && typeof res.body.error === "string") return res.body.error;
    if (res.status === 429) return t("Too many requests. Please wait a moment and try again.");
    if (res.status === 503) return t("The service is busy right now. Please try again shortly.");
    return t("Something went wrong (%(status)s). Please try again.", { status: res.status });
  }

  // ---- the widget's skeleton ----
  var host = el("bm-policy-assistant");
  host.setAttribute("data-position", POSITION);
  // Setting a custom property through the CSSOM is allowed under a host page's strict CSP.
  if (COLOR) host.style.setProperty("--accent", COLOR);
  var root = host.attachShadow({ mode: "open" });
  if (root.adoptedStyleSheets !== undefined && window.CSSStyleSheet) {
    // A constructed stylesheet needs no 'unsafe-inline' in the host page's CSP.
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS_TEXT);
    root.adoptedStyleSheets = [sheet];
  } else {
    root.appendChild(el("style", null, CSS_TEXT));
  }

  var launcher = button(null, "launcher");
  launcher.setAttribute("aria-expanded", "false");
  launcher.setAttribute("aria-controls", "bm-panel");
  launcher.appendChild(icon(BUBBLE));
  launcher.appendChild(say(el("span"), "Privacy questions", null, TITLE));

  var panel = el("section", "panel");
  panel.id = "bm-panel";
  panel.hidden = true;
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-labelledby", "bm-title");
  // Not a <header>: in the host page that would be a second banner landmark. The dialog's name is the title.
  var header = el("div", "bar");
  var heading = say(el("h2"), "Privacy questions", null, TITLE);
  heading.id = "bm-title";
  var close = button("\u00d7", "close");
  say(close, "Close", "aria-label");
  var fresh = say(button(null, "new"), "New conversation");
  // The language switcher: filled in when api/strings says which languages there are.
  var langs = el("div", "langs");
  langs.setAttribute("role", "group");
  say(langs, "Language", "aria-label");
  langs.hidden = true;
  header.appendChild(heading);
  header.appendChild(langs);
  header.appendChild(fresh);
  header.appendChild(close);

  var log = el("div", "log");
  log.setAttribute("role", "log");
  log.setAttribute("aria-live", "polite");
  say(log, "Conversation", "aria-label");
  var greeting = el("div", "msg assistant greeting");
  greeting.appendChild(say(el("p"), "Hello! Ask me anything about Blue Messaggio's privacy policy. " +
    "I answer with the policy's own words.", null, GREETING));
  // In another language: the quotes stay the published English text, and the assistant reads English letters.
  var englishNote = greeting.appendChild(say(el("div", "hint"), "The privacy policy is published in English, so " +
    "answers quote it in English. Ask in English, or in Hindi typed in English letters (for example \"kya aap mera " +
    "data bechte ho?\")."));
  englishNote.hidden = true;
  log.appendChild(greeting);
  // Suggested questions in the visitor's language (corpus/suggestions*.yaml), while the conversation is empty.
  var suggestions = el("ul", "suggestions");
  say(suggestions, "Suggested questions", "aria-label");
  suggestions.hidden = true;
  greeting.appendChild(suggestions);

  var form = el("form", "ask");
  form.noValidate = true;
  var label = say(el("label", "vh"), "Your question");
  label.htmlFor = "bm-question";
  var input = el("input");
  input.id = "bm-question";
  input.type = "text";
  input.name = "question";
  input.maxLength = MAX_QUESTION;
  input.autocomplete = "off";
  say(input, "e.g. Do you sell my data?", "placeholder");
  var send = say(el("button", "action"), "Ask");
  send.type = "submit";
  form.appendChild(label);
  form.appendChild(input);
  form.appendChild(send);

  panel.appendChild(header);
  panel.appendChild(log);
  panel.appendChild(form);
  root.appendChild(launcher);
  root.appendChild(panel);
  // Without `defer` in <head> there is no body yet.
  if (document.body) document.body.appendChild(host);
  else document.addEventListener("DOMContentLoaded", function () { document.body.appendChild(host); });

  // ---- opening, closing, keyboard ----
  function open() {
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    var requestField = form.hidden && log.querySelector(".request-box input");
    (requestField || input).focus();
  }
  function shut() {
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    launcher.focus();
  }
  launcher.addEventListener("click", function () { if (panel.hidden) open(); else shut(); });
  close.addEventListener("click", shut);
  // Esc closes from anywhere in the widget, the launcher included.
  root.addEventListener("keydown", function (event) {
    if ((event.key === "Escape" || event.key === "Esc") && !panel.hidden) { event.preventDefault(); shut(); }
  });

  function append(node) {
    log.appendChild(node);
    node.scrollIntoView({ block: "nearest" });
    return node;
  }
  function showError(message, where) {
    var m = el("div", "msg error", null);
    m.setAttribute("role", "alert");
    m.appendChild(el("p", null, message));
    return where ? where.appendChild(m) : append(m);
  }
  function showAsk() {
    form.hidden = false;
  }
  function showVisitor(shown) {
    var mine = el("div", "msg visitor");
    mine.appendChild(el("p", null, shown));
    append(mine);
    suggestions.hidden = true;
    return mine;
  }

  // ---- answers ----
  function feedback(questionId) {
    var box = el("div", "feedback");
    box.appendChild(el("span", null, t("Helpful?")));
    var status = el("span", "vh");
    status.setAttribute("role", "status");
    [["up", t("Yes, helpful"), true], ["down", t("Not helpful"), false]].forEach(function (spec) {
      var b = button(null);
      b.appendChild(icon(THUMB, spec[0]));
      b.setAttribute("aria-label", spec[1]);
      b.setAttribute("aria-pressed", "false");
      b.addEventListener("click", function () {
        post("/api/feedback", { question_id: questionId, helpful: spec[2] }).then(function (res) {
          if (!res.ok) throw new Error(problem(res));
          box.querySelectorAll("button").forEach(function (x) { x.setAttribute("aria-pressed", "false"); });
          b.setAttribute("aria-pressed", "true");
          status.textContent = t("Thank you for your feedback.");
        }).catch(function (err) { status.textContent = err.message; });
      });
      box.appendChild(b);
    });
    box.appendChild(status);
    return box;
  }

  // An e-mail address may wrap after its "@" (a <wbr>), nowhere else; its text stays the address.
  function emailLink(address) {
    var a = link("mailto:" + address);
    var at = address.lastIndexOf("@");
    a.appendChild(document.createTextNode(at > 0 ? address.slice(0, at + 1) : address));
    if (at > 0) {
      a.appendChild(el("wbr"));
      a.appendChild(document.createTextNode(address.slice(at + 1)));
    }
    return a;
  }

  function contactList(contact) {
    var dl = el("dl", "contact");
    dl.lang = "en"; // the policy's own contact lines
    Object.keys(contact).forEach(function (key) {
      var value = String(contact[key]);
      dl.appendChild(el("dt", null, key));
      var dd = el("dd");
      if (key === "Email") dd.appendChild(emailLink(value));
      else if (key === "Phone") dd.appendChild(link("tel:" + value.replace(/[^\d+]/g, ""), value));
      else dd.textContent = value;
      dl.appendChild(dd);
    });
    return dl;
  }

  // Several quotes are a lead-in ending with ":" and its list items, or list items alone (as on the chat page).
  function quoteBlock(answer, url) {
    var quote = el("blockquote");
    quote.cite = url;
    quote.lang = "en"; // the published text
    var quotes = Array.isArray(answer.quotes) ? answer.quotes : [];
    if (quotes.length > 1) {
      var items = quotes;
      if (/:$/.test(String(quotes[0].text))) {
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
  function renderChoices(msg, body, question) {
    choiceCount += 1;
    var prefix = "bm-choice" + choiceCount + "-";
    var prompt = el("p", null, body.message || t("Did you mean one of these?"));
    prompt.id = prefix + "prompt";
    msg.appendChild(prompt);
    var group = el("div", "choices");
    group.setAttribute("role", "group");
    group.setAttribute("aria-labelledby", prompt.id);
    body.clarify.forEach(function (choice, i) {
      var b = button(null, "choice");
      b.lang = "en"; // the policy's own titles and text
      var name = b.appendChild(el("span", "choice-label", choice.label));
      name.id = prefix + i;
      var text = b.appendChild(el("span", "choice-text", choice.text));
      text.id = prefix + i + "-text";
      b.setAttribute("aria-labelledby", name.id);
      b.setAttribute("aria-describedby", text.id);
      b.addEventListener("click", function () {
        group.querySelectorAll("button").forEach(function (x) { x.disabled = true; });
        b.classList.add("picked");
        ask({ question: question, choice: String(choice.clause_id), clarifies: body.question_id }, choice.label)
          .then(function (ok) {
            if (ok) return;
            // After a failure the visitor can pick again.
            group.querySelectorAll("button").forEach(function (x) { x.disabled = false; });
            b.classList.remove("picked");
          });
      });
      group.appendChild(b);
    });
    msg.appendChild(group);
  }

  // `question` is what was asked: a choice after "did you mean" is sent with it.
  function render(body, question) {
    var msg = el("div", "msg assistant " + (body.kind || ""));
    var citations = (body.citations || []).filter(function (c) { return assistantUrl(c.url); });
    if (body.note) msg.appendChild(el("p", "note", body.note));
    if (body.answered && body.answer && citations.length) {
      var first = citations[0];
      msg.appendChild(quoteBlock(body.answer, assistantUrl(first.url)));
      var cite = el("p", "cite", t("From") + " ");
      cite.appendChild(link(inLanguage(assistantUrl(first.url)), first.label, true)).lang = "en";
      msg.appendChild(cite);
      if (citations.length > 1) {
        var more = el("p", "more", t("See also:") + " ");
        citations.slice(1).forEach(function (c, i) {
          if (i) more.appendChild(document.createTextNode("; "));
          more.appendChild(link(inLanguage(assistantUrl(c.url)), c.label, true)).lang = "en";
        });
        msg.appendChild(more);
      }
    } else if (body.kind === "clarify" && Array.isArray(body.clarify) && body.clarify.length) {
      renderChoices(msg, body, question);
    } else if (body.contact && typeof body.contact === "object") {
      msg.appendChild(el("p", null, String(body.message || "").split("\n")[0]));
      msg.appendChild(contactList(body.contact));
    } else {
      msg.appendChild(el("p", null, body.message || ""));
    }
    // A request hands off to the form; a question about a right may offer it.
    var request = requestSpec(body.handoff) || requestSpec(body.offer);
    if (request) msg.appendChild(handoff(request, body.question_id, question));
    // A "did you mean" reply is not an answer to rate: the answer to the visitor's pick is.
    if (body.kind !== "smalltalk" && body.kind !== "clarify" && body.question_id) msg.appendChild(feedback(body.question_id));
    return msg;
  }

  // ---- handing off to a request ----
  // `handoff` is {type, url, label} (or just the type's name).
  function requestSpec(value) {
    if (typeof value === "string" && value) return { type: value };
    if (value && typeof value === "object" && typeof value.type === "string") return value;
    return null;
  }

  function handoff(spec, questionId, question) {
    var p = el("p", "buttons");
    var start = button(spec.label || t("Make a request here"), "action start-request");
    start.setAttribute("aria-expanded", "false");
    start.addEventListener("click", function () {
      if (start.getAttribute("aria-expanded") === "true") return;
      start.setAttribute("aria-expanded", "true");
      // One form at a time: the question box comes back when the request is sent or cancelled.
      log.querySelectorAll(".request-box").forEach(function (other) { other.remove(); });
      log.querySelectorAll(".start-request[aria-expanded=true]").forEach(function (b) {
        if (b !== start) b.setAttribute("aria-expanded", "false");
      });
      form.hidden = true;
      append(requestForm(spec, questionId, start, question));
    });
    p.appendChild(start);
    var pageUrl = spec.url && inLanguage(assistantUrl(spec.url));
    if (pageUrl) p.appendChild(link(pageUrl, t("or use the form on our site"), true));
    return p;
  }

  // "2026-12-24" -> "24 Dec 2026": the same text the server shows (app/platform/timefmt.py, format_date), built from the
  // parts and the server's month names for the language (api/strings), so the browser's own locale cannot change it;
  // the ISO date if it does not parse.
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  function shortDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso));
    if (!m || +m[2] < 1 || +m[2] > 12 || +m[3] < 1 || +m[3] > 31) return String(iso);
    return (+m[3]) + " " + MONTHS[+m[2] - 1] + " " + m[1];
  }

  var formCount = 0;
  // `question` (what the visitor asked before the handoff) starts the "details" field.
  function requestForm(spec, questionId, opener, question) {
    var type = spec.type;
    formCount += 1;
    var prefix = "bm-req" + formCount + "-";
    var box = el("div", "msg request-box");
    box.setAttribute("aria-live", "off"); // focus moves into it; reading the whole form out would be noise
    var f = el("form", "request");
    f.noValidate = true;
    var legend = el("p", "legend", spec.label || t("Your request"));
    legend.id = prefix + "legend";
    f.setAttribute("aria-labelledby", legend.id);
    f.appendChild(legend);
    // The same texts as /request: the type's description and each field's help, from intents.yaml via the server.
    if (typeof spec.description === "string" && spec.description) f.appendChild(el("p", "lead", spec.description));
    var controls = {};
    var fields = Array.isArray(spec.fields) && spec.fields.length ? spec.fields : FALLBACK_FIELDS;
    var numbers = {};
    fields.forEach(function (field) {
      var name = String(field.name);
      var l = el("label", null, String(field.label || name));
      var tag = field.type === "textarea" ? "textarea" : field.type === "choice" ? "select" : "input";
      var c = el(tag);
      c.name = name;
      c.id = prefix + name;
      if (tag === "input") c.type = field.type === "email" ? "email" : "text";
      if (field.type === "integer") { c.inputMode = "numeric"; numbers[name] = true; }
      if (tag === "textarea") c.rows = 3;
      if (field.max_length) c.maxLength = Number(field.max_length);
      if (tag === "select") {
        c.appendChild(el("option", null, t("Choose\u2026"))).value = "";
        var shown = Array.isArray(field.choice_labels) ? field.choice_labels : [];
        (field.choices || []).forEach(function (choice, i) {
          c.appendChild(el("option", null, String(shown[i] || choice))).value = String(choice);
        });
      }
      if (AUTOCOMPLETE[name]) c.autocomplete = AUTOCOMPLETE[name];
      var err = el("span", "field-error");
      err.id = c.id + "-error";
      var described = [err.id];
      if (typeof field.help === "string" && field.help) {
        var help = l.appendChild(el("span", "field-help", field.help));
        help.id = c.id + "-help";
        described.unshift(help.id);
      }
      c.setAttribute("aria-describedby", described.join(" "));
      l.appendChild(c);
      l.appendChild(err);
      f.appendChild(l);
      controls[field.name] = { input: c, error: err };
    });
    if (controls.details && typeof question === "string") {
      var details = controls.details.input;
      details.value = details.maxLength > 0 ? question.slice(0, details.maxLength) : question;
    }
    var general = el("div");
    f.appendChild(general);
    var buttons = formButtons(f, t("Send request"), t("Cancel"));
    var submit = buttons.submit, cancel = buttons.other;
    var submissionKey = randomKey(); // one per form: a retry of the same submission is stored once
    box.appendChild(f);

    function clearErrors() {
      general.textContent = "";
      Object.keys(controls).forEach(function (k) {
        controls[k].error.textContent = "";
        controls[k].input.removeAttribute("aria-invalid");
      });
    }
    cancel.addEventListener("click", function () {
      box.remove();
      showAsk();
      opener.setAttribute("aria-expanded", "false");
      opener.focus();
    });
    f.addEventListener("submit", function (event) {
      event.preventDefault();
      clearErrors();
      var payload = { type: type, submission_key: submissionKey };
      if (questionId) payload.question_id = questionId;
      Object.keys(controls).forEach(function (k) { payload[k] = controls[k].input.value.trim(); });
      Object.keys(numbers).forEach(function (k) {
        if (/^\d{1,6}$/.test(payload[k] || "")) payload[k] = Number(payload[k]);
      });
      submit.disabled = true;
      post("/api/requests", payload).then(function (res) {
        if (res.status === 201) return showConfirmation(res.body);
        var fieldErrors = res.body && res.body.fields;
        var firstBad = null;
        var message = problem(res);
        if (res.status === 400 && fieldErrors && typeof fieldErrors === "object") {
          Object.keys(fieldErrors).forEach(function (k) {
            var target = controls[k];
            // A field this widget does not show (added on the server later) is named in the summary.
            if (!target) { message += " " + k + ": " + fieldErrors[k]; return; }
            target.error.textContent = String(fieldErrors[k]);
            target.input.setAttribute("aria-invalid", "true");
            firstBad = firstBad || target.input;
          });
        }
        showError(message, general);
        if (firstBad) firstBad.focus();
      }).catch(function (err) {
        showError(err.message, general);
      }).then(function () { submit.disabled = false; });
    });

    function showConfirmation(body) {
      var done = el("div", "msg confirm");
      done.tabIndex = -1;
      done.setAttribute("role", "status");
      done.appendChild(el("p", null, t("Thank you. We have received your request.")));
      var dl = el("dl");
      dl.appendChild(el("dt", null, t("Reference")));
      dl.appendChild(el("dd", "reference", body.reference));
      if (body.due) {
        // A child's data report is handled first: the date is the latest one, not when to expect an answer.
        dl.appendChild(el("dt", null, body.urgent ? t("We will respond by (at the latest)") : t("We will reply by")));
        var due = el("time", "due", shortDate(body.due));
        due.dateTime = String(body.due);
        dl.appendChild(el("dd")).appendChild(due);
      }
      done.appendChild(dl);
      if (body.urgent) {
        done.appendChild(el("p", null, t("Reports about a child's data are handled first: our privacy team looks " +
          "at yours straight away, well before the latest date above.")));
      }
      done.appendChild(el("p", "hint", t("Keep the reference: quote it if you contact us about this request.")));
      if (body.verified === false && body.verification) done.appendChild(codeForm(body));
      box.replaceWith(done);
      showAsk();
      opener.disabled = true;
      done.focus();
    }

    // The address is proven with the 6-digit code we e-mail (POST verification.confirm); a new one can be sent.
    function codeForm(body) {
      var v = body.verification;
      var wrap = el("div", "verify");
      var cf = el("form", "request");
      cf.noValidate = true;
      var intro = el("p", null, t("We have e-mailed you a 6-digit code. Enter it here to confirm your address " +
        "(it works for %(minutes)s minutes); we start once it is confirmed.",
        { minutes: Number(v.code_minutes || 10) }));
      intro.id = prefix + "code-intro";
      cf.setAttribute("aria-labelledby", intro.id);
      cf.appendChild(intro);
      var l = el("label", null, t("Code from the e-mail"));
      var input = el("input");
      input.name = "code";
      input.id = prefix + "code";
      input.type = "text";
      input.inputMode = "numeric";
      input.autocomplete = "one-time-code";
      input.maxLength = 6;
      var err = el("span", "field-error");
      err.id = input.id + "-error";
      input.setAttribute("aria-describedby", err.id);
      l.appendChild(input);
      l.appendChild(err);
      cf.appendChild(l);
      var row = formButtons(cf, t("Confirm"), t("Send a new code"));
      var confirm = row.submit, again = row.other;
      var note = el("p", "hint");
      note.setAttribute("role", "status");
      cf.appendChild(note);
      wrap.appendChild(cf);

      cf.addEventListener("submit", function (event) {
        event.preventDefault();
        err.textContent = "";
        note.textContent = "";
        input.removeAttribute("aria-invalid");
        confirm.disabled = true;
        post(v.confirm, { reference: body.reference, code: input.value.trim() }).then(function (res) {
          if (res.status === 200 && res.body.verified) {
            var ok = el("div", "verified");
            ok.setAttribute("role", "status");
            ok.tabIndex = -1;
            ok.appendChild(el("p", null, t("Your e-mail address is confirmed. We have sent you a receipt.")));
            var statusUrl = assistantUrl(res.body.status_url || "/request/status");
            if (statusUrl) {
              var p = el("p");
              p.appendChild(link(inLanguage(statusUrl), t("See the status of your request"), true));
              ok.appendChild(p);
            }
            wrap.replaceWith(ok);
            ok.focus();
            return;
          }
          err.textContent = problem(res);
          input.setAttribute("aria-invalid", "true");
          input.focus();
        }).catch(function (e) {
          err.textContent = e.message;
        }).then(function () { confirm.disabled = false; });
      });
      again.addEventListener("click", function () {
        again.disabled = true;
        note.textContent = "";
        post(v.resend, { reference: body.reference }).then(function (res) {
          note.textContent = res.status === 202 ? t("We have sent a new code. Earlier codes no longer work.")
            : problem(res);
        }).catch(function (e) {
          note.textContent = e.message;
        }).then(function () { again.disabled = false; });
      });
      return wrap;
    }

    setTimeout(function () { controls.name.input.focus(); }, 0);
    return box;
  }

  // ---- asking ----
  // Ask (a question, or the choice picked after "did you mean"), show `shown` as the visitor's message and
  // then the reply; resolves to whether it worked.
  // `again` resends after a failure, without repeating the visitor's message.
  function ask(payload, shown, again) {
    if (!again) showVisitor(shown);
    send.disabled = true;
    // Said in the live log, so a screen reader hears that something is happening.
    var pending = el("div", "pending");
    pending.appendChild(el("p", null, t("Looking in the policy\u2026")));
    append(pending);
    var asked = { question: payload.question, choice: payload.choice, clarifies: payload.clarifies };
    var started = generation;
    return post("/api/ask", { question: asked.question, choice: asked.choice, clarifies: asked.clarifies,
                              session: SESSION }).then(function (res) {
      if (!res.ok) {
        var refused = new Error(problem(res));
        // Too many questions at once, or the server busy: the same question can simply be sent again.
        refused.retryable = res.status === 429 || res.status >= 500;
        throw refused;
      }
      pending.remove();
      if (started !== generation) return false; // "New conversation" was pressed meanwhile
      append(render(res.body, payload.question));
      exchanges.push({ shown: shown, asked: asked, reply: res.body });
      writeStore();
      fresh.hidden = false;
      return true;
    }).catch(function (err) {
      pending.remove();
      if (started !== generation) return false;
      var m = showError(err.message);
      if (err.unreachable || err.retryable) {
        // The question is kept: one click sends it again.
        var retry = m.appendChild(button(t("Try again"), "action retry"));
        retry.addEventListener("click", function () {
          m.remove();
          ask(payload, shown, true);
        });
      }
      return false;
    }).then(function (ok) {
      send.disabled = false;
      input.focus();
      return ok;
    });
  }

  // ---- the visitor's language ----
  function loadStrings(wanted) {
    var url = new URL("api/strings", BASE);
    if (wanted) url.searchParams.set("lang", wanted);
    var loaded = fetch(url.href, { mode: "cors", credentials: "omit", referrerPolicy: "no-referrer" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (body) {
        if (!body || typeof body.strings !== "object" || typeof body.lang !== "string") return;
        STRINGS = body.strings;
        lang = body.lang;
        if (Array.isArray(body.months) && body.months.length === 12) MONTHS = body.months.map(String);
        host.setAttribute("lang", lang);
        englishNote.hidden = lang === "en";
        relabel();
        showLanguages(Array.isArray(body.languages) ? body.languages : []);
      })
      .catch(function () { /* the assistant is unreachable: English until it answers */ });
    loaded.then(loadSuggestions);
    return loaded;
  }
  function showLanguages(list) {
    langs.textContent = "";
    list.forEach(function (item) {
      if (!item || typeof item.code !== "string" || typeof item.name !== "string") return;
      var b = button(item.name, "lang");
      b.lang = item.code;
      b.setAttribute("aria-pressed", item.code === lang ? "true" : "false");
      b.addEventListener("click", function () {
        if (item.code === lang) return;
        try { window.localStorage.setItem(LANG_KEY, item.code); } catch (e) { /* remembered for this page only */ }
        loadStrings(item.code).then(function () {
          redrawConversation();
          var again = langs.querySelector("[lang=" + lang + "]");
          if (again) again.focus();
        });
      });
      langs.appendChild(b);
    });
    langs.hidden = list.length < 2;
  }
  host.setAttribute("lang", "en");
  // The stored conversation is drawn once the texts of the visitor's language are here (or could not be had),
  // so a reload in Hindi does not bring the earlier answers back with English labels.
  loadStrings(lang).then(restoreConversation);

  // ---- suggested questions, in the visitor's language (corpus/suggestions.<code>.yaml, else English) ----
  function showSuggestions() {
    suggestions.hidden = exchanges.length > 0 || log.lastChild !== greeting || !suggestions.children.length;
  }
  var noticeShown = false;
  function loadSuggestions() {
    var url = new URL("api/suggestions", BASE);
    if (lang) url.searchParams.set("lang", lang);
    var asked = lang;
    return fetch(url.href, { mode: "cors", credentials: "omit", referrerPolicy: "no-referrer" })
      .then(function (r) { return r.ok ? r.json() : {}; })
      .then(function (body) {
        if (asked !== lang) return;  // the visitor switched language meanwhile: that list is on its way
        fillSuggestions(body || {});
      })
      .catch(function () { /* no suggestions: the visitor can still type a question */ });
  }
  function fillSuggestions(body) {
    var up = body.policy_update, upUrl = !noticeShown && up && typeof up.url == "string" && assistantUrl(up.url);
    if (upUrl) {  // a new policy version: "updated on 30 Nov 2026: see what changed"
      noticeShown = true;
      var notice = greeting.insertBefore(el("p", "policy-notice"), suggestions);
      var drawNotice = function () {  // again once the language's texts and month names arrive
        var when = { date: shortDate(up.effective) };
        notice.textContent = t("Our privacy policy was updated on %(date)s:", when) + " ";
        notice.appendChild(link(inLanguage(upUrl), t("see what changed"), true));
      };
      drawNotice();
      redraws.push(drawNotice);
    }
    var list = Array.isArray(body.suggestions) ? body.suggestions : [];
    // Each question is marked with the language it is written in, as the assistant reads it: English, or
    // Hinglish ("hi-Latn") for Hindi; the list's own name stays in the interface's language.
    var written = typeof body.lang === "string" && /^[a-z]{2,3}(-[A-Z][a-z]{3})?$/.test(body.lang) ? body.lang : "en";
    suggestions.textContent = "";
    list.slice(0, 8).forEach(function (question) {
      if (typeof question !== "string" || !question) return;
      var b = button(question, "suggestion");
      b.lang = written;
      b.addEventListener("click", function () { ask({ question: question }, question); });
      suggestions.appendChild(el("li")).appendChild(b);
    });
    showSuggestions();
  }

  // ---- the conversation kept for the tab ----
  fresh.hidden = !exchanges.length;
  fresh.addEventListener("click", function () {
    generation += 1;
    exchanges = [];
    writeStore();
    while (log.lastChild !== greeting) log.removeChild(log.lastChild);
    showAsk();
    fresh.hidden = true;
    showSuggestions();
    input.value = "";
    input.focus();
  });
  // After a language switch, the answers on screen are drawn again with the new language's labels ("Helpful?",
  // "From", the request button); what the server wrote in them stays as it was sent. Only when the screen shows
  // exactly the stored exchanges: a request form being filled in, a confirmation or a pending question is kept.
  function redrawConversation() {
    var shown = [];
    for (var node = greeting.nextSibling; node; node = node.nextSibling) shown.push(node);
    if (stored.length || !exchanges.length || shown.length !== exchanges.length * 2) return;
    if (shown.some(function (node) { return !/\bmsg (visitor|assistant)\b/.test(node.className); })) return;
    if (log.querySelector("form, .confirm, .pending")) return;
    try {
      var drawn = drawExchanges(exchanges);
      shown.forEach(function (node) { node.remove(); });
      log.appendChild(drawn);
      log.scrollTop = log.scrollHeight;
    } catch (e) { /* left as it was: still readable, in the earlier language */ }
  }
  // The visitor's messages and the replies of stored exchanges, as nodes for the log.
  function drawExchanges(list) {
    var drawn = document.createDocumentFragment();
    list.forEach(function (item) {
      var mine = el("div", "msg visitor");
      mine.appendChild(el("p", null, item.shown));
      drawn.appendChild(mine);
      drawn.appendChild(render(item.reply, item.asked && item.asked.question));
    });
    return drawn;
  }
  var stored = exchanges.slice(), storedGeneration = generation;
  function restoreConversation() {
    // Not after "New conversation"; before anything asked meanwhile, which is already on screen.
    if (!stored.length) return;
    if (storedGeneration !== generation) { stored = []; return; }
    try {
      log.insertBefore(drawExchanges(stored), greeting.nextSibling);
    } catch (e) {
      // A stored copy this script cannot draw (edited, or from an older version): start afresh.
      exchanges = exchanges.slice(stored.length);
      writeStore();
      fresh.hidden = !exchanges.length;
    }
    stored = [];
    showSuggestions();
    if (!panel.hidden) log.scrollTop = log.scrollHeight;
  }
  // Opening the panel shows the latest exchange.
  launcher.addEventListener("click", function () {
    if (!panel.hidden) log.scrollTop = log.scrollHeight;
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var question = input.value.trim();
    if (!question) { input.focus(); return; }
    input.value = "";
    ask({ question: question }, question);
  });
})();

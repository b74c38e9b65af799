"""The visitor's side: the chat page, the JSON API and the health check."""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import secrets
import time
from pathlib import Path
from urllib.parse import quote

from flask import Blueprint, Response, current_app, render_template, request, url_for
from flask_babel import gettext as _

from ..platform import db as storage
from ..platform import health, i18n, limits, questionlog, timefmt
from ..engine.answering import Reply
from ..platform.csrf import csrf
from ..platform.errors import error_response
from ..engine.redact import redact
from . import answers
from .wording import fixed_text, interface_strings, note_text

bp = Blueprint("chat", __name__)
log = logging.getLogger(__name__)

# What url_for(..., _anchor=...) leaves unquoted in the fragment (flask.Flask.url_for).
_ANCHOR_SAFE = "%!#$&'()*+,/:;=?@"
_UPSERT_FEEDBACK = ("INSERT INTO feedback (question_id, helpful, given_at) VALUES (:question_id, :helpful, :given_at) "
                    "ON CONFLICT (question_id) DO UPDATE SET helpful = excluded.helpful, given_at = excluded.given_at")
MAX_SESSION_LENGTH = 128
MAX_ID_LENGTH = 64


# Control characters no store should be given (tab, line feed and carriage return are text).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class InvalidInput(ValueError):
    """The request's content is not acceptable; the message says why."""


def assistant():
    return current_app.extensions["assistant"]


def clean_question(value, name: str = "'question'") -> str:
    """Check a question from a visitor and return it stripped, or raise InvalidInput (`name` says whose)."""
    limit = current_app.config["MAX_QUESTION_LENGTH"]
    if value is None:
        raise InvalidInput(_("%(name)s is required", name=name))
    if not isinstance(value, str):
        raise InvalidInput(_("%(name)s must be a string", name=name))
    if not is_text(value):
        raise InvalidInput(_("%(name)s must be valid Unicode text", name=name))
    # A control character means nothing in a question, and PostgreSQL refuses NUL in text: one such ask would
    # otherwise stop its log row, and every row spooled after it, from ever being stored.
    value = CONTROL.sub(" ", value).strip()
    if not value:
        raise InvalidInput(_("%(name)s must not be empty", name=name))
    if len(value) > limit:
        raise InvalidInput(_("%(name)s is too long: at most %(limit)s characters", name=name, limit=limit))
    return value


def clean_choice(value) -> str | None:
    """Check the clause a visitor picked from "did you mean ...": None, or the id of a clause of the policy."""
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > MAX_ID_LENGTH or not assistant().index.policy.has_clause(value):
        raise InvalidInput(_("'choice' must be the clause_id of one of the choices offered"))
    return value


def is_text(value: str) -> bool:
    """Whether `value` can be stored: JSON's "\\ud800" escapes give lone surrogates that UTF-8 cannot encode."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def is_plain(value: str) -> bool:
    """Whether `value` (an id a client sends back) can be stored: text, and no control characters."""
    return is_text(value) and not CONTROL.search(value)


def json_object() -> dict:
    """The request body as a JSON object, or raise InvalidInput (an oversized body is 413: limits.read_body)."""
    try:
        data = request.get_json(force=True, silent=True)
    except RecursionError:
        # Deeply nested arrays ("[[[[...") exhaust the parser, not the body limit: still just a bad body.
        data = None
    if not isinstance(data, dict):
        raise InvalidInput(_("the request body must be a JSON object"))
    return data


def citation_json(hit, policy_url: str | None = None) -> dict:
    """One citation as JSON; `policy_url` is `policy_url_of(clause)`, passed in when citing several clauses."""
    clause = hit.clause
    return {
        "version": clause.version,
        "section": clause.section,
        "title": clause.section_title,
        "subsection": clause.subsection,
        "clause_id": clause.id,
        "url": clause_url(clause, policy_url),
        "score": round(hit.score, 4),
        "label": citation_label(clause),
    }


def citation_label(clause) -> str:
    """How a person cites the clause: "Privacy Policy §6 Your Rights and Choices — Correction and Deletion"."""
    label = f"Privacy Policy §{clause.section} {clause.section_title}"
    return f"{label} — {clause.subsection}" if clause.subsection else label


def form_link(request_type: str | None, question_id: str) -> dict | None:
    """Where the request form for `request_type` is and what it asks: {"type", "label", "description", "url", "fields"}.

    `description` and `fields` (with their help texts) come from intents.yaml, so a client such as
    the widget builds the same form as /request, with the same texts, without a copy of its own.
    """
    if request_type is None:
        return None
    intent = assistant().intents.get(request_type)
    return {"type": request_type, "label": _(intent.label), "description": _(intent.description),
            "url": url_for("intake.form", type=request_type, q=question_id or None),
            "fields": [field_json(f) for f in intent.fields]}


def field_json(field) -> dict:
    """One form field as JSON: name, label, type ("text", "email", "textarea", "integer", "choice"), limits.

    `label`, `help` and `choice_labels` are in the request's language; `choices` are the values to send.
    """
    out = {"name": field.name, "label": _(field.label), "type": field.type, "required": True}
    for key in ("max_length", "min", "max"):
        if getattr(field, key) is not None:
            out[key] = getattr(field, key)
    if field.help is not None:
        out["help"] = _(field.help)
    if field.choices:
        out["choices"] = list(field.choices)
        out["choice_labels"] = [_(c) for c in field.choices]
    return out


def clause_url(clause, policy_url: str | None = None) -> str:
    """The link to a clause in the version it belongs to: /policy/v/<version>#<anchor>, true after later versions."""
    return f"{policy_url or policy_url_of(clause)}#{quote(clause.anchor, safe=_ANCHOR_SAFE)}"


def policy_url_of(clause) -> str:
    """The page of the policy version `clause` belongs to (/policy for a clause of no published version)."""
    # Built once per version and mount point (SCRIPT_NAME), not once an answer: url_for costs 10 us.
    key = (request.script_root, clause.version)
    urls = current_app.extensions.setdefault("policy_urls", {})
    url = urls.get(key)
    if url is None:
        url = url_for("policy.archived", number=clause.version) if clause.version else url_for("policy.show")
        if len(urls) < 1000:  # bounded: a client cannot grow it by sending odd mount points
            urls[key] = url
    return url


def quote_json(quoted, policy_url: str | None = None) -> dict:
    return {"clause_id": quoted.clause.id, "text": quoted.text, "url": clause_url(quoted.clause, policy_url)}


def choice_json(hit, policy_url: str | None = None) -> dict:
    """One "did you mean ..." choice: the clause, what it is about, and its text."""
    clause = hit.clause
    return {"clause_id": clause.id, "label": choice_label(clause), "text": clause.text,
            "url": clause_url(clause, policy_url)}


def choice_label(clause) -> str:
    """A choice as a visitor reads it: "Cookies and Tracking Technologies: Types of Cookies We Use"."""
    if clause.subsection:
        return f"{clause.section_title}: {clause.subsection}"
    return f"{clause.section_title}: {clause.label}" if clause.label else clause.section_title


def reply_json(reply: Reply, question_id: str) -> dict:
    clause = reply.clause
    cited = (reply.citations or reply.choices or [None])[0]
    policy_url = policy_url_of(cited.clause) if cited else None  # one URL build, not one per link
    return {
        "question_id": question_id,
        "answered": reply.answered,
        # `text` and `clause_id`: the first clause, as before; `quotes`: everything quoted, in order.
        "answer": {"text": reply.message, "clause_id": clause.id,
                   "quotes": [quote_json(q, policy_url) for q in reply.quotes]} if clause else None,
        "citations": [citation_json(hit, policy_url) for hit in reply.citations],
        "intent": reply.intent,
        "handoff": form_link(reply.handoff, question_id),
        "offer": form_link(reply.offer, question_id),
        "kind": reply.kind,
        "message": fixed_text(reply),
        "note": note_text(reply),
        # the part of the question the policy does not cover, set aside while the rest is answered (its topic)
        "uncovered": reply.uncovered.topic if reply.uncovered else None,
        "confidence": round(reply.confidence, 4),
        "contact": reply.contact,
        "reason": reply.reason,
        "clarify": [choice_json(hit, policy_url) for hit in reply.choices],
        "policy_version": cited.clause.version if cited else None,
    }


def session_key(session: str | None) -> str | None:
    """A keyed hash of the client's session id: groups a conversation without storing the id."""
    if not session:
        return None
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, session.encode(), hashlib.sha256).hexdigest()[:16]


def new_question_id() -> str:
    """32 hex digits, as a UUID's: the time in milliseconds, then 80 random bits (which no one can guess).

    Ids that grow with time go to the end of the question log's primary-key index instead of a random page of
    it, so each ask's commit writes fewer pages (about 10 us less on SQLite; less again when asks are written
    together, see questionlog.py).
    """
    return f"{time.time_ns() // 1_000_000:012x}{secrets.token_hex(10)}"


def ask(question: str, session: str | None, channel: str, choice: str | None = None,
        clarifies: str | None = None) -> tuple[Reply, str]:
    """Answer a question (with the clause a visitor chose, if any) and log it; the answer is returned even if logging fails."""
    started = time.perf_counter()
    answering = assistant()  # one assistant for the answer and the version logged with it
    redacted = redact(question)
    reply = answering.answer_with(question, choice) if choice else answers.answer(answering, question, redacted)
    question_id = new_question_id()
    row = {
        "id": question_id,
        "asked_at": storage.now_iso(),
        "question": redacted,
        "kind": reply.kind,
        "answered": int(reply.answered),
        "top_clause": reply.top.clause.id if reply.top else None,
        "top_score": round(reply.top.score, 4) if reply.top else None,
        "confidence": round(reply.confidence, 4),
        "intent": reply.intent,
        "latency_ms": round((time.perf_counter() - started) * 1000, 3),
        "session": session_key(session),
        "channel": channel,
        "reason": reply.reason,
        "choice": choice,
        "clarifies": clarifies,
        "topic": next(iter(reply.topics), None),
        "policy_version": answering.index.policy.version,
    }
    # The answer never waits on the log: the row is queued in the spool and written with the others of the
    # next batch (app/platform/questionlog.py); /healthz reports "degraded" while rows are held up there.
    questionlog.record(row)
    return reply, question_id


@bp.post("/api/ask")
@csrf.exempt
@limits.limit(lambda: current_app.config["RATELIMIT_ASK"])
def api_ask():
    try:
        data = json_object()
        question = clean_question(data.get("question"))
        session = data.get("session")
        if session is not None and (not isinstance(session, str) or len(session) > MAX_SESSION_LENGTH
                                    or not is_text(session)):
            raise InvalidInput(_("'session' must be a string of at most %(limit)s characters",
                                 limit=MAX_SESSION_LENGTH))
        choice = clean_choice(data.get("choice"))
        clarifies = data.get("clarifies")
        if clarifies is not None and (not isinstance(clarifies, str) or len(clarifies) > MAX_ID_LENGTH
                                      or not is_plain(clarifies)):
            raise InvalidInput(_("'clarifies' must be the question_id of the reply that asked back"))
    except InvalidInput as exc:
        return error_response(400, str(exc))
    reply, question_id = ask(question, session, "api", choice, clarifies)
    return reply_json(reply, question_id)


@bp.post("/api/feedback")
@csrf.exempt
def api_feedback():
    try:
        data = json_object()
        question_id = data.get("question_id")
        helpful = data.get("helpful")
        if (not isinstance(question_id, str) or not question_id or len(question_id) > MAX_ID_LENGTH
                or not is_plain(question_id)):
            raise InvalidInput(_("'question_id' must be the id returned by /api/ask"))
        if not isinstance(helpful, bool):
            raise InvalidInput(_("'helpful' must be true or false"))
    except InvalidInput as exc:
        return error_response(400, str(exc))
    try:
        try:
            _store_feedback(question_id, helpful)
        except storage.IntegrityError:
            # Feedback sent the moment the answer arrived can come before the next batch writes its row.
            if not questionlog.wait_written(current_app, question_id):
                raise
            _store_feedback(question_id, helpful)
    except storage.IntegrityError:
        if questionlog.is_spooled(current_app, question_id):
            # The answer was given but its row still waits in the spool (the database was busy or down):
            # the question exists, its feedback just cannot be stored before it.
            response = error_response(503, _("that answer has not been saved yet, so feedback on it cannot be; "
                                             "please try again in a minute"))
            response.headers["Retry-After"] = "30"
            return response
        return error_response(404, _("no question with that id"))
    except Exception:
        log.exception("could not record feedback for %s", question_id)
        return error_response(503, _("feedback could not be saved right now; please try again later"))
    return {"question_id": question_id, "helpful": helpful, "recorded": True}


def _store_feedback(question_id: str, helpful: bool) -> None:
    db = storage.get_db()
    with storage.write(db):
        # A plain upsert; the foreign key refuses a question_id that has no row.
        db.execute(_UPSERT_FEEDBACK, {"question_id": question_id, "helpful": int(helpful),
                                      "given_at": storage.now_iso()})


def suggestions() -> tuple[list[str], str]:
    """The suggested questions for this request's language and the `lang` they are written in.

    A language with its own list (corpus/suggestions.hi.yaml) gets it, else the English one. A list written in
    Latin letters for a language that is not (Hinglish for Hindi) is tagged with the script: "hi-Latn".
    """
    lists = current_app.extensions["suggestions"]
    code = i18n.current_language()
    if code not in lists:
        code = i18n.SOURCE_LANGUAGE
    questions = lists.get(code, [])
    if code != i18n.SOURCE_LANGUAGE and _latin(" ".join(questions)) and not _latin(i18n.language_name(code)):
        return questions, f"{code}-Latn"
    return questions, code


def _latin(text: str) -> bool:
    """Whether every letter of `text` is a Latin one (ASCII or Latin with accents)."""
    return all(ch < "\u0250" for ch in text if ch.isalpha())


@bp.get("/api/suggestions")
def api_suggestions():
    """The suggested questions in the visitor's language (`?lang=`, else Accept-Language), for the widget."""
    from .policy_page import recent_update

    questions, written_in = suggestions()
    return {"suggestions": questions, "lang": written_in, "policy_update": recent_update()}


@bp.get("/api/strings")
def api_strings():
    """The widget's fixed texts in the visitor's language (`?lang=hi`, else Accept-Language), and the languages."""
    return {"lang": i18n.current_language(),
            "languages": [{"code": code, "name": i18n.language_name(code)} for code in i18n.languages()],
            "months": timefmt.month_names(i18n.current_language()), "strings": interface_strings()}


@bp.get("/favicon.ico")
def favicon():
    """The site's icon, which every page links to; browsers and crawlers ask for /favicon.ico anyway.

    Served from memory (read once): a browser often drops this request half-way, and a file response left
    unread keeps its file open until the garbage collector closes it.
    """
    icon = current_app.extensions.get("favicon")
    if icon is None:
        icon = current_app.extensions["favicon"] = (Path(current_app.static_folder) / "favicon.svg").read_bytes()
    return Response(icon, mimetype="image/svg+xml", headers={"Cache-Control": "public, max-age=86400"})


@bp.get("/healthz")
def healthz():
    """Whether the database can be written now (see app/platform/health.py); answers are given either way."""
    return {**health.check(current_app), "clauses": len(assistant().index.clauses)}


@bp.get("/")
def index():
    """The chat page. Without JavaScript, `?q=` answers on the page itself."""
    reply = question_id = error = None
    q = request.args.get("q")
    if q is not None:
        try:
            q = clean_question(q, name=_("Your question"))
            try:
                choice = clean_choice(request.args.get("choice") or None)
            except InvalidInput:
                raise InvalidInput(_("Please pick one of the choices offered")) from None
            clarifies = request.args.get("clarifies", "")[:MAX_ID_LENGTH]
            reply, question_id = ask(q, None, "page", choice, clarifies if clarifies and is_plain(clarifies) else None)
        except InvalidInput as exc:
            error = str(exc)
    from .policy_page import recent_update

    return render_template("chat/index.html", q=q or "", reply=reply, question_id=question_id, error=error,
                           notice=recent_update(),
                           citation=citation_json, form_link=form_link, choice_label=choice_label, max_length=current_app.config["MAX_QUESTION_LENGTH"],
                           suggestions=suggestions(), fixed_text=fixed_text, note_text=note_text,
                           interface_strings=interface_strings)

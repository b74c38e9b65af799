"""Proving the requester's e-mail address: one-time codes and signed links.

    POST /request/verify            the confirmation page's code form (the browser's last submission)
    POST /request/resend            a new code for it
    GET  /request/confirm/<token>   the link from the mail: a page with a "Confirm my address" button
    POST /request/confirm/<token>   confirms (a button, so mail scanners that open links confirm nothing)
    POST /api/requests/verify       {"reference", "code"} -> 200 {"reference", "verified": true}
    POST /api/requests/resend       {"reference"} -> 202

A request is stored at once, unverified; a code (6 digits, stored as a keyed
hash, compared in constant time) and a signed link are mailed. A code lives
VERIFY_CODE_MINUTES and allows VERIFY_MAX_ATTEMPTS tries; a new one replaces
it, at most VERIFY_CODES_PER_HOUR an hour and one per VERIFY_RESEND_SECONDS.
A wrong, expired, used-up or unknown code, and an unknown reference, all get
the same answer, so the API tells nothing about which references exist.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from flask import (Blueprint, current_app, redirect, render_template, request, session, url_for)
from flask_babel import gettext as _, lazy_gettext as _l
from itsdangerous import BadSignature, URLSafeTimedSerializer

from ..platform import db as storage
from ..platform import mail
from ..platform.events import record_event
from ..platform.csrf import csrf
from ..platform.errors import error_response
from ..platform.limits import limiter, wait_text
from .chat import InvalidInput, json_object

bp = Blueprint("verification", __name__)

DEFAULTS = {
    # How long a mailed code works, how many tries it allows, and how often a new one may be sent.
    "VERIFY_CODE_MINUTES": 10,
    "VERIFY_MAX_ATTEMPTS": 3,
    "VERIFY_CODES_PER_HOUR": 4,
    "VERIFY_RESEND_SECONDS": 60,
    # How long the signed link in the mail works (it cannot be guessed, so it may outlive the code).
    "VERIFY_LINK_HOURS": 24,
    # Unverified requests received more than this many days ago are stale: one button in the queue closes them.
    "VERIFY_STALE_DAYS": 7,
    # Per client address, for the code and re-send endpoints (form and API together).
    "RATELIMIT_VERIFY": "10/minute;60/hour",
}

# In the request's language when shown (str() them: a session or JSON needs the text, not the lazy string).
WRONG_CODE = _l("That code is not right, or it has expired or been used up. Check the latest e-mail from us, or "
                "ask for a new code.")
RESENT = _l("If that reference is waiting for a code, a new one is on its way: check your inbox (and spam folder).")
_LINK_SALT = "request-verify-link"


class TooSoon(Exception):
    """A new code was asked for too soon; `retry_after` says in how many seconds one may be."""

    def __init__(self, retry_after: int):
        super().__init__(f"retry in {retry_after} s")
        self.retry_after = retry_after


def normalise_reference(value) -> str | None:
    """"bm-7kq2-9xhd " -> "BM-7KQ2-9XHD"; None if it cannot be a reference."""
    if not isinstance(value, str) or len(value) > 40:
        return None
    text = value.strip().upper()
    return text if len(text) == 12 and text.startswith("BM-") and text.replace("-", "").isalnum() else None


def find_request(db, reference: str | None) -> dict | None:
    if not reference:
        return None
    return db.one("select * from requests where reference = :reference", {"reference": reference})


def _hash(request_id: int, purpose: str, code: str) -> str:
    key = current_app.config["SECRET_KEY"].encode("utf-8")
    return hmac.new(key, f"{request_id}:{purpose}:{code}".encode(), hashlib.sha256).hexdigest()


def _now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class NewCode:
    """A code and its rendered mail, made before the write transaction that stores them (see `compose_code`)."""

    purpose: str
    code: str
    message: dict


def compose_code(row: dict, purpose: str = "verify", language: str | None = None) -> NewCode:
    """Draw a code for `row` and render its mail, outside any transaction; `issue_code(..., new=...)` stores it.

    The intake renders first: rendering under the SQLite write lock made every other writer wait for it.
    """
    config = current_app.config
    code = f"{secrets.randbelow(1_000_000):06d}"
    context = {"code": code, "minutes": config["VERIFY_CODE_MINUTES"], "purpose": purpose}
    if purpose == "verify":
        context["link"] = mail.public_url("verification.confirm_link", token=make_link_token(row["reference"]))
        context["link_hours"] = config["VERIFY_LINK_HOURS"]
    message = mail.compose_mail("code", row["email"], row, language=language or row.get("language") or "en",
                                **context)
    return NewCode(purpose, code, message)


def issue_code(db, row: dict, purpose: str = "verify", language: str | None = None,
               new: NewCode | None = None, first: bool = False) -> str:
    """Create a code for `row`, replacing any earlier one of that purpose, and queue its mail.

    Runs inside the caller's write transaction. Raises TooSoon over the re-send limits. `new`: the code and
    mail from `compose_code` (made before the transaction); by default they are made here. `first`: the
    request was inserted in this same transaction, so it has no earlier code to count or replace (three
    statements fewer while the intake holds the write lock).
    """
    if new is not None and new.purpose != purpose:
        raise ValueError(f"a {new.purpose!r} code given to issue a {purpose!r} code")
    config = current_app.config
    now = _now()
    recent = []
    if not first:
        db.get("requests", row["id"], for_update=True)  # PostgreSQL: one code operation of a request at a time
        recent = db.execute(
            "select created_at from request_codes where request_id = :request_id and purpose = :purpose "
            "and created_at > :since order by created_at desc",
            {"request_id": row["id"], "purpose": purpose, "since": (now - timedelta(hours=1)).isoformat()}
        ).fetchall()
    if recent:
        last = datetime.fromisoformat(recent[0][0])
        wait = config["VERIFY_RESEND_SECONDS"] - (now - last).total_seconds()
        if wait > 0:
            raise TooSoon(max(1, int(wait + 0.999)))
        if len(recent) >= config["VERIFY_CODES_PER_HOUR"]:
            oldest = datetime.fromisoformat(recent[-1][0])
            raise TooSoon(max(1, int((oldest + timedelta(hours=1) - now).total_seconds() + 0.999)))
    if new is None:
        new = compose_code(row, purpose, language)
    if not first:
        db.execute("update request_codes set used_at = :used_at where request_id = :request_id "
                   "and purpose = :purpose and used_at is null",
                   {"used_at": now.isoformat(), "request_id": row["id"], "purpose": purpose})
    db.insert("request_codes", {
        "request_id": row["id"], "purpose": purpose, "code_hash": _hash(row["id"], purpose, new.code),
        "created_at": now.isoformat(), "attempts": 0,
        "expires_at": (now + timedelta(minutes=config["VERIFY_CODE_MINUTES"])).isoformat()})
    mail.queue_composed(db, new.message, row["id"])
    record_event(db, row["id"], "system", "code_sent", new=purpose)
    return new.code


def check_code(db, row: dict, purpose: str, code) -> bool:
    """Whether `code` is the live code of `row` for `purpose`; a wrong one uses up a try.

    Runs inside the caller's write transaction. The newest unused code counts, if it has not
    expired and has tries left; a right code is used up.
    """
    if not isinstance(code, str):
        return False
    code = code.strip().replace(" ", "")
    now = _now()
    db.get("requests", row["id"], for_update=True)  # PostgreSQL: two tries at once both count
    live = db.execute(
        "select id, code_hash, attempts, expires_at from request_codes where request_id = :request_id "
        "and purpose = :purpose and used_at is null order by id desc limit 1",
        {"request_id": row["id"], "purpose": purpose}).fetchone()
    if live is None:
        return False
    code_id, stored, attempts, expires_at = live
    if attempts >= current_app.config["VERIFY_MAX_ATTEMPTS"] or datetime.fromisoformat(expires_at) <= now:
        return False
    candidate = _hash(row["id"], purpose, code) if len(code) == 6 and code.isdigit() else "0" * 64
    if hmac.compare_digest(candidate, stored):
        db.execute("update request_codes set used_at = :used_at, attempts = :attempts where id = :id",
                   {"used_at": now.isoformat(), "attempts": attempts + 1, "id": code_id})
        return True
    db.execute("update request_codes set attempts = :attempts where id = :id", {"attempts": attempts + 1, "id": code_id})
    record_event(db, row["id"], "requester", "code_wrong", new=f"{purpose}: try {attempts + 1}")
    return False


def mark_verified(db, row: dict, by: str, how: str, note: str | None = None) -> None:
    """Record that the address is proven (by the requester, or an agent with a reason) and mail the receipt."""
    if row["verified"]:
        return
    at = storage.now_iso("seconds")
    db.execute("update requests set verified = 1, verified_at = :at, verified_by = :by, verify_note = :note "
               "where id = :id", {"at": at, "by": by, "note": note or how, "id": row["id"]})
    db.execute("update request_codes set used_at = :used_at where request_id = :request_id and purpose = 'verify' "
               "and used_at is null", {"used_at": at, "request_id": row["id"]})
    record_event(db, row["id"], by, "verified", new=how, public=True)
    row = {**row, "verified": 1}
    intents = current_app.extensions["assistant"].intents
    intent = intents.get(row["type"])
    mail.queue_mail(db, "receipt", row["email"], row, language=row.get("language") or "en",
                    type_label=intent.label if intent else row["type"],
                    status_url=mail.public_url("status.lookup"))


def make_link_token(reference: str) -> str:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_LINK_SALT).dumps({"r": reference})


def load_link_token(token: str) -> str | None:
    """The reference a link was made for, or None if it is forged, damaged or too old."""
    serializer = URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_LINK_SALT)
    try:
        data = serializer.loads(token, max_age=current_app.config["VERIFY_LINK_HOURS"] * 3600)
    except (BadSignature, UnicodeError, ValueError):
        return None
    return normalise_reference(data.get("r")) if isinstance(data, dict) else None


# One budget per client address for all these forms and endpoints together.
_shared_limit = limiter.shared_limit(lambda: current_app.config["RATELIMIT_VERIFY"], scope="request-verify",
                                     methods=["POST"])


# ---- the confirmation page (the browser that sent the form) -------------------------------------------------------

def grant_status_access(reference: str) -> None:
    """This browser proved the address for `reference`: it may see the status page without another code."""
    session["status_reference"] = reference
    session["status_until"] = (_now() + timedelta(minutes=30)).isoformat()


@bp.post("/request/verify")
@_shared_limit
def verify_form():
    reference = session.get("request_reference")
    db = storage.get_db()
    with storage.write(db, durable=True):
        row = find_request(db, reference)
        if row is None:
            return redirect(url_for("intake.form"), code=303)
        if row["verified"]:
            return redirect(url_for("intake.received"), code=303)
        ok = check_code(db, row, "verify", request.form.get("code"))
        if ok:
            mark_verified(db, row, "requester", "code")
    if not ok:
        session["verify_message"] = ("error", str(WRONG_CODE))
        return redirect(url_for("intake.received", _anchor="code"), code=303)
    grant_status_access(row["reference"])
    return redirect(url_for("intake.received"), code=303)


@bp.post("/request/resend")
@_shared_limit
def resend_form():
    reference = session.get("request_reference")
    db = storage.get_db()
    try:
        with storage.write(db, durable=True):
            row = find_request(db, reference)
            if row is None:
                return redirect(url_for("intake.form"), code=303)
            if not row["verified"]:
                issue_code(db, row, "verify")
        session["verify_message"] = ("success", _("We have sent a new code: check your inbox (and spam folder). "
                                                  "Earlier codes no longer work."))
    except TooSoon as exc:
        session["verify_message"] = ("error", wait_message(exc.retry_after))
    return redirect(url_for("intake.received", _anchor="code"), code=303)


def wait_message(seconds: int) -> str:
    """"Please wait 45 seconds before asking for another code." in the request's language."""
    return _("Please wait %(wait)s before asking for another code.", wait=wait_text(seconds))


@bp.get("/request/confirm/<token>")
def confirm_link(token: str):
    reference = load_link_token(token)
    row = find_request(storage.get_db(), reference)
    if row is None:
        return render_template("intake/confirm.html", valid=False), 400
    return render_template("intake/confirm.html", valid=True, reference=row["reference"],
                           verified=bool(row["verified"]), token=token)


@bp.post("/request/confirm/<token>")
@_shared_limit
def confirm_link_post(token: str):
    reference = load_link_token(token)
    db = storage.get_db()
    with storage.write(db, durable=True):
        row = find_request(db, reference)
        if row is not None:
            mark_verified(db, row, "requester", "link")
    if row is None:
        return render_template("intake/confirm.html", valid=False), 400
    session["request_reference"] = row["reference"]
    grant_status_access(row["reference"])
    return redirect(url_for("intake.received"), code=303)


# ---- the API (the widget, other clients) ---------------------------------------------------------------------------

@bp.post("/api/requests/verify")
@csrf.exempt
@_shared_limit
def api_verify():
    try:
        data = json_object()
    except InvalidInput as exc:
        return error_response(400, str(exc), fields={})
    code = data.get("code")
    if not isinstance(code, str) or not code.strip():
        return error_response(400, _("Please correct the fields listed."),
                              fields={"code": _("Enter the 6-digit code.")})
    db = storage.get_db()
    with storage.write(db, durable=True):
        row = find_request(db, normalise_reference(data.get("reference")))
        ok = row is not None and not row["verified"] and check_code(db, row, "verify", code)
        if ok:
            mark_verified(db, row, "requester", "code")
    if not ok:
        return error_response(400, str(WRONG_CODE), fields={"code": str(WRONG_CODE)})
    return {"reference": row["reference"], "verified": True, "status_url": url_for("status.lookup")}, 200


@bp.post("/api/requests/resend")
@csrf.exempt
@_shared_limit
def api_resend():
    try:
        data = json_object()
    except InvalidInput as exc:
        return error_response(400, str(exc), fields={})
    db = storage.get_db()
    try:
        with storage.write(db, durable=True):
            row = find_request(db, normalise_reference(data.get("reference")))
            if row is not None and not row["verified"]:
                issue_code(db, row, "verify")
    except TooSoon as exc:
        response = error_response(429, wait_message(exc.retry_after), retry_after=exc.retry_after)
        response.headers["Retry-After"] = str(exc.retry_after)
        return response
    return {"message": str(RESENT)}, 202


def init_app(app) -> None:
    for key, value in DEFAULTS.items():
        app.config.setdefault(key, value)
    app.register_blueprint(bp)

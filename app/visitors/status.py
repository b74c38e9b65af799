"""The requester's status page: reference and e-mail address, a mailed code, then the status and its history.

    GET  /request/status          the form, the code form, or the status (for 30 minutes after a right code)
    POST /request/status          reference + e-mail: a code is mailed if they belong together
    POST /request/status/code     the code from that mail
    POST /request/status/forget   start over (another reference)

The reply to a lookup is the same whether or not the reference exists, whether
or not the address is the one on it, and whether or not a code could be sent
(re-send limits): "if they match, a code is on its way". Only the code, sent
to the address on the request, shows anything. Lookups and codes are rate
limited per client address (RATELIMIT_STATUS). The history shows only public
events (received, verified, status changes, extension, the outcome); never
staff notes or who handled it.
"""

from __future__ import annotations

import hmac
from datetime import date, datetime, timezone

from flask import Blueprint, current_app, redirect, render_template, request, session, url_for
from flask_babel import gettext as _, lazy_gettext as _l

from ..platform import db as storage
from ..platform.limits import limiter
from ..platform.timefmt import format_date
from . import verification

bp = Blueprint("status", __name__)

DEFAULTS = {
    # Per client address, for status lookups and codes together.
    "RATELIMIT_STATUS": "5/minute;20/hour",
}

SENT = _l("If that reference and e-mail address belong to the same request, we have just e-mailed a 6-digit code "
           "to that address. Enter it below.")
MAX_EMAIL = 254

# A request's status as the requester reads it; the stored value (and the staff pages) stay English.
STATUS_NAMES = {
    # TRANSLATORS: the status of a privacy request that nobody has started on yet.
    "new": _l("new"),
    "in progress": _l("in progress"),
    # TRANSLATORS: the privacy team is waiting for an answer from the person who made the request.
    "waiting for requester": _l("waiting for requester"),
    # TRANSLATORS: the privacy request has been carried out.
    "done": _l("done"),
    # TRANSLATORS: the privacy team cannot act on the request (the reason is shown with it).
    "refused": _l("refused"),
}


def status_name(status: str) -> str:
    """`status` ("in progress") in the request's language; an unknown one as stored."""
    return str(STATUS_NAMES[status]) if status in STATUS_NAMES else status


def _extended_to(value: str | None) -> str:
    if not value:
        return _("Due date extended")
    try:
        shown = format_date(value)
    except ValueError:
        shown = value  # an older event with free text in place of the date
    return _("Due date extended to %(date)s", date=shown)


# The events a requester sees, and how they read (in the request's language; the history's first line,
# "Request received", is translated where it is shown: status/show.html). Anything else (notes, codes, mail)
# stays with the staff.
PUBLIC_EVENTS = {
    "verified": lambda e: _("E-mail address confirmed"),
    "status": lambda e: _("Status: %(status)s", status=status_name(e["new"])),
    # The extension's event holds the new due date (its reason is on the page beside the date).
    "extended": lambda e: _extended_to(e["new"]),
}


# One budget per client address for all these forms and endpoints together.
_shared_limit = limiter.shared_limit(lambda: current_app.config["RATELIMIT_STATUS"], scope="request-status",
                                     methods=["POST"])


def _access() -> str | None:
    """The reference this browser may see now (a right code in the last 30 minutes), else None."""
    reference, until = session.get("status_reference"), session.get("status_until")
    try:
        if reference and until and datetime.fromisoformat(until) > datetime.now(timezone.utc):
            return reference
    except (TypeError, ValueError):
        pass
    return None


def public_history(db, row: dict) -> list[dict]:
    """What happened to the request, oldest first, as the requester may see it."""
    items = [{"at": row["received_at"], "text": "Request received"}]
    for at, field, new in db.execute("select at, field, new from request_events where request_id = :request_id "
                                     "order by at, id", {"request_id": row["id"]}):
        if field in PUBLIC_EVENTS:
            items.append({"at": at, "text": PUBLIC_EVENTS[field]({"new": new})})
    return items


def extension_of(row: dict) -> dict | None:
    """The extension of the due date, if the request has one: {"due": date, "reason": str}.

    Hook for the extension workflow (lifecycle branch): it reads the columns that branch adds
    (`extended_due`, `extension_reason`) when they exist, and shows nothing otherwise.
    """
    if row.get("extended_due"):
        return {"due": row["extended_due"], "reason": row.get("extension_reason") or ""}
    return None


@bp.get("/request/status")
def lookup():
    db = storage.get_db()
    reference = _access()
    if reference:
        row = verification.find_request(db, reference)
        if row is not None:
            intent = current_app.extensions["assistant"].intents.get(row["type"])
            return render_template("status/show.html", row=row, intent=intent, history=public_history(db, row),
                                   extension=extension_of(row), due=date.fromisoformat(row["due_date"][:10]),
                                   status=status_name(row["status"]))
    message = session.pop("status_message", None)
    pending = session.get("status_pending")
    return render_template("status/lookup.html", pending=pending, message=message,
                           minutes=current_app.config["VERIFY_CODE_MINUTES"], reference="", email="")


@bp.post("/request/status")
@_shared_limit
def start():
    raw_reference, email = request.form.get("reference", ""), request.form.get("email", "")
    reference = verification.normalise_reference(raw_reference)
    problems = {}
    if reference is None:
        problems["reference"] = _("Enter the reference from your confirmation, like BM-7KQ2-9XHD.")
    if not isinstance(email, str) or "@" not in email or len(email) > MAX_EMAIL or not email.strip():
        problems["email"] = _("Enter the e-mail address you gave with the request.")
    if problems:
        return render_template("status/lookup.html", pending=None, message=None, problems=problems,
                               reference=raw_reference[:40], email=email[:MAX_EMAIL],
                               minutes=current_app.config["VERIFY_CODE_MINUTES"]), 400
    db = storage.get_db()
    with storage.write(db, durable=True):
        row = verification.find_request(db, reference)
        if row is not None and hmac.compare_digest(row["email"].strip().casefold().encode(),
                                                   email.strip().casefold().encode()):
            try:
                verification.issue_code(db, row, "status")
            except verification.TooSoon:
                pass  # the same reply: the code sent a moment ago still works
    for key in ("status_reference", "status_until"):
        session.pop(key, None)
    session["status_pending"] = reference
    session["status_message"] = ("success", str(SENT))
    return redirect(url_for("status.lookup", _anchor="code"), code=303)


@bp.post("/request/status/code")
@_shared_limit
def enter_code():
    reference = session.get("status_pending")
    if not reference:
        return redirect(url_for("status.lookup"), code=303)
    db = storage.get_db()
    with storage.write(db, durable=True):
        row = verification.find_request(db, reference)
        ok = row is not None and verification.check_code(db, row, "status", request.form.get("code"))
        if ok and not row["verified"]:
            # The code went to the address on the request: that proves it as well as the first code would.
            verification.mark_verified(db, row, "requester", "status page code")
    if not ok:
        session["status_message"] = ("error", str(verification.WRONG_CODE))
        return redirect(url_for("status.lookup", _anchor="code"), code=303)
    session.pop("status_pending", None)
    verification.grant_status_access(reference)
    return redirect(url_for("status.lookup"), code=303)


@bp.post("/request/status/forget")
def forget():
    for key in ("status_pending", "status_reference", "status_until", "status_message"):
        session.pop(key, None)
    return redirect(url_for("status.lookup"), code=303)


def init_app(app) -> None:
    for key, value in DEFAULTS.items():
        app.config.setdefault(key, value)
    app.register_blueprint(bp)

"""The outbox for staff: every message the service has queued, its delivery state, and failures to act on.

    GET  /staff/outbox               newest first; ?status=queued|sending|sent|failed|all
    GET  /staff/outbox/<id>          one message as it was (or will be) sent
    POST /staff/outbox/<id>/retry    send a failed message again (attempts start over)

Without a mail server (FLASK_MAIL_SERVER unset, the `make run` default) this
is where messages stay, so the whole flow, codes included, works on a laptop.
A delivered code message keeps no code (the worker clears its body).
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..platform import db as storage
from ..platform import mail
from ..platform.events import record_event
from .auth import require_staff
from .paging import ROW_ID, Page

bp = Blueprint("outbox", __name__, url_prefix="/staff")
bp.before_request(require_staff)

STATES = ("queued", "sending", "sent", "failed")
PAGE_SIZE = 100  # messages on one page of the outbox


def failed_count(db) -> int:
    """Messages the worker gave up on (shown on the queue so agents notice)."""
    return db.execute("select count(*) from outbox where status = 'failed'").fetchone()[0]


def _rows(result) -> list[dict]:
    return [dict(r) for r in result.mappings()]


@bp.get("/outbox")
def index():
    status = request.args.get("status", "all")
    if status not in ("all", *STATES):
        abort(400, f"Unknown status. Choose all or one of: {', '.join(STATES)}.")
    db = storage.get_db()
    where = "" if status == "all" else "where o.status = :status"
    counts = dict(db.execute("select status, count(*) from outbox group by status").fetchall())
    total = sum(counts.values()) if status == "all" else counts.get(status, 0)
    page = Page.of(request.args, total, PAGE_SIZE)
    rows = _rows(db.execute(
        "select o.id, o.kind, o.to_addr, o.subject, o.status, o.attempts, o.created_at, o.next_attempt_at, "
        "o.sent_at, o.last_error, o.request_id, r.reference from outbox o left join requests r on r.id = o.request_id "
        f"{where} order by o.id desc limit :limit offset :offset",
        {"status": status, "limit": page.size, "offset": page.start}))
    return render_template("staff/outbox.html", rows=rows, status=status, states=STATES, counts=counts,
                           configured=bool(current_app.config.get("MAIL_SERVER")), page=page)


def _message(db, message_id: int) -> dict:
    rows = _rows(db.execute("select o.*, r.reference from outbox o left join requests r on r.id = o.request_id "
                            "where o.id = :id", {"id": message_id}))
    if not rows:
        abort(404, "No message with that number.")
    return rows[0]


@bp.get(f"/outbox/<{ROW_ID}:message_id>")
def show(message_id: int):
    return render_template("staff/message.html", m=_message(storage.get_db(), message_id))


@bp.post(f"/outbox/<{ROW_ID}:message_id>/retry")
def retry(message_id: int):
    db = storage.get_db()
    with storage.write(db):
        m = _message(db, message_id)
        if m["status"] != "failed":
            flash(f"Message {message_id} is {m['status']}, not failed: nothing to retry.", "error")
            return redirect(url_for("outbox.show", message_id=message_id))
        db.execute("update outbox set status = 'queued', attempts = 0, next_attempt_at = :next_attempt_at where id = :id",
                   {"next_attempt_at": storage.now_iso(), "id": message_id})
        if m["request_id"] is not None:
            record_event(db, m["request_id"], current_user.username, "mail_retry",
                         new=f"{m['kind']} (message {m['id']})")
    flash(f"Message {message_id} will be sent again by the mail worker.")
    return redirect(url_for("outbox.show", message_id=message_id))

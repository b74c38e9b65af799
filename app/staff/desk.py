"""Support agents' pages: clause search and the queue of rights requests.

Every view needs a signed-in agent or editor (see `auth.require_staff`) and is
never cached. Visitors' text (request names, details, notes) is only ever
rendered through Jinja's autoescaping or inserted by JavaScript as text.
"""

from __future__ import annotations

import json
import re
import time
from datetime import date, datetime
from urllib.parse import urlsplit

from flask import (Blueprint, abort, current_app, flash, redirect, render_template, request, url_for)
from flask_login import current_user

from ..platform import db as storage
from .auth import require_staff
from ..engine.answering import find_clauses
from ..visitors.chat import citation_label
from .csvexport import csv_response
from .paging import Page
from ..visitors.intake import BUSINESS_TZ

bp = Blueprint("staff", __name__, url_prefix="/staff")
bp.before_request(require_staff)


@bp.record_once
def _set_defaults(state) -> None:
    for key, value in DEFAULTS.items():
        state.app.config.setdefault(key, value)

STATUSES = ("new", "in progress", "waiting for requester", "done", "refused")
CLOSED = ("done", "refused")
TYPES = {
    "access": "Access",
    "portability": "Portability",
    "correction": "Correction",
    "deletion": "Deletion",
    "objection": "Objection",
    "marketing_opt_out": "Marketing opt-out",
    "child_data": "Child's data",
}
MAX_QUERY_LENGTH = 500
MAX_NOTES_LENGTH = 5000
MAX_RESULTS = 10
DEFAULTS = {
    # Requests on one page of the queue (the CSV export has them all).
    "QUEUE_PAGE_SIZE": 50,
}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


# --- clause search ----------------------------------------------------------------------------------------------


def search_clauses(q: str) -> dict:
    """Ranked clauses for an agent, with highlights and ready-to-copy citations, timed."""
    started = time.perf_counter()
    found = find_clauses(current_app.extensions["assistant"], q, k=MAX_RESULTS)
    items = []
    for match in found.matches:
        clause = match.clause
        label = citation_label(clause)
        url = url_for("policy.show", _anchor=clause.anchor, _external=True)
        items.append({
            "clause_id": clause.id,
            "label": label,
            "url": url,
            "path": url_for("policy.show", _anchor=clause.anchor),
            "citation": f"{label} ({url})",
            "score": round(match.score, 2),
            "parts": match.parts,
        })
    return {"query": q, "confidence": round(found.confidence, 2), "results": items,
            "ms": (time.perf_counter() - started) * 1000}


def _query() -> str:
    return request.args.get("q", "").strip()[:MAX_QUERY_LENGTH]


def _timed(response, found: dict | None):
    if found is not None:
        response.headers["Server-Timing"] = f"search;dur={found['ms']:.2f}"
    return response


@bp.get("/search")
def search():
    q = _query()
    found = search_clauses(q) if q else None
    response = current_app.make_response(render_template("staff/search.html", q=q, found=found))
    return _timed(response, found)


@bp.get("/search.json")
def search_json():
    q = _query()
    found = search_clauses(q) if q else {"query": "", "confidence": 0, "results": [], "ms": 0.0}
    payload = dict(found)
    payload["results"] = [dict(item, parts=[{"text": p, "mark": m} for p, m in item["parts"]])
                          for item in found["results"]]
    del payload["ms"]
    return _timed(current_app.make_response(payload), found)


# --- request queue ----------------------------------------------------------------------------------------------


def today() -> date:
    """Today's date where Blue Messaggio works: the calendar that due dates use (see intake.due_date)."""
    return datetime.now(BUSINESS_TZ).date()


def _days_left(due: str, on: date) -> int | None:
    try:
        return (date.fromisoformat(due[:10]) - on).days
    except (TypeError, ValueError):
        return None


def _decorate(row: dict, on: date) -> dict:
    row = dict(row)
    row["open"] = row["status"] not in CLOSED
    row["days_left"] = _days_left(row["due_date"], on)
    row["overdue"] = row["open"] and row["days_left"] is not None and row["days_left"] < 0
    row["urgent"] = bool(row["urgent"])
    row["type_label"] = TYPES.get(row["type"], row["type"])
    return row


def _filters() -> tuple[str, str]:
    status = request.args.get("status", "open")
    kind = request.args.get("type", "all")
    if status not in ("open", "all", *STATUSES):
        abort(400, f"Unknown status filter. Choose open, all or one of: {', '.join(STATUSES)}.")
    if len(kind) > 40:
        abort(400, "Unknown request type.")
    return status, kind


def list_requests(db, status: str = "open", kind: str = "all", on: date | None = None, limit: int | None = None,
                  offset: int = 0) -> list[dict]:
    """Requests for the queue: urgent or overdue open ones first, then by due date; `limit` from `offset`."""
    return list(iter_requests(db, status, kind, on, limit=limit, offset=offset))


def _where(status: str, kind: str) -> tuple[str, dict]:
    where, params = [], {}
    if status == "open":
        where.append("status not in ('done', 'refused')")
    elif status != "all":
        where.append("status = :status")
        params["status"] = status
    if kind != "all":
        where.append("type = :type")
        params["type"] = kind
    return (("where " + " and ".join(where)) if where else ""), params


def count_requests(db, status: str = "open", kind: str = "all") -> int:
    """How many requests the queue's filters match."""
    where, params = _where(status, kind)
    return db.execute(f"select count(*) from requests {where}", params).fetchone()[0]


def iter_requests(db, status: str = "open", kind: str = "all", on: date | None = None, limit: int | None = None,
                  offset: int = 0):
    """Every request that matches, in queue order, read in batches (the CSV export streams them all)."""
    on = on or today()
    where, params = _where(status, kind)
    params.update({"today": on.isoformat(), "limit": -1 if limit is None else limit, "offset": offset})
    sql = (
        "select id, reference, type, status, urgent, name, email, received_at, due_date, updated_at, updated_by, "
        "notes from requests " + where +
        # Open: overdue or child's data first, then by due date. Closed: most recent first.
        " order by case when status in ('done', 'refused') then 2"
        " when urgent = 1 or due_date < :today then 0 else 1 end,"
        " case when status in ('done', 'refused') then due_date end desc, due_date, received_at, id"
        " limit :limit offset :offset"
    )
    cursor = db.execute(sql, params)
    names = [c[0] for c in cursor.description]
    while batch := cursor.fetchmany(500):
        for r in batch:
            yield _decorate(dict(zip(names, r)), on)


def _types(db) -> dict[str, str]:
    found = {r[0] for r in db.execute("select distinct type from requests")}
    return {**TYPES, **{t: t for t in sorted(found - set(TYPES))}}


@bp.get("/requests")
def queue():
    status, kind = _filters()
    db = storage.get_db()
    page = Page.of(request.args, count_requests(db, status, kind), current_app.config["QUEUE_PAGE_SIZE"])
    rows = list_requests(db, status, kind, limit=page.size, offset=page.start)
    return render_template("staff/requests.html", rows=rows, status=status, kind=kind, statuses=STATUSES,
                           types=_types(db), page=page)


@bp.get("/requests.csv")
def requests_csv():
    status, kind = _filters()
    # All of them, not one page of the queue: an export that stops short without a word
    # is worse than none. Streamed, so thousands of rows never sit in memory at once.
    rows = iter_requests(storage.get_db(), status, kind)
    header = ["reference", "type", "urgent", "status", "name", "email", "received_at", "due_date", "days_left",
              "overdue", "updated_at", "updated_by", "notes"]
    body = ([r["reference"], r["type"], int(r["urgent"]), r["status"], r["name"], r["email"], r["received_at"],
             r["due_date"], r["days_left"], int(r["overdue"]), r["updated_at"], r["updated_by"], r["notes"]]
            for r in rows)
    return csv_response(f"requests-{today().isoformat()}.csv", header, body)


def _get_request(db, request_id: int) -> dict:
    rows = list(db["requests"].rows_where("id = ?", [request_id], limit=1))
    if not rows:
        abort(404, "No request with that number.")
    return _decorate(rows[0], today())


@bp.get("/requests/<int:request_id>")
def request_detail(request_id: int):
    db = storage.get_db()
    row = _get_request(db, request_id)
    try:
        extra = json.loads(row.get("extra") or "{}")
    except ValueError:
        extra = {"extra": row.get("extra")}
    if not isinstance(extra, dict):
        extra = {"extra": extra}
    events = list(db["request_events"].rows_where("request_id = ?", [request_id], order_by="at desc, id desc"))
    return render_template("staff/request.html", row=row, extra=extra, events=events, statuses=STATUSES)


def _return_to(default: str) -> str:
    """Where to go after a change: the form's `return_to` if it is a queue page, else `default`.

    Checked before anything is saved. Control characters are refused first: urlsplit()
    drops CR and LF, and Werkzeug would refuse them in Location after the change was committed.
    """
    target = request.form.get("return_to", "")
    if _CONTROL.search(target):
        return default
    parts = urlsplit(target)
    if not parts.scheme and not parts.netloc and parts.path.startswith("/staff/requests") and "\\" not in target:
        return target
    return default


@bp.post("/requests/<int:request_id>")
def update_request(request_id: int):
    """Change a request's status and/or notes, recording who and when."""
    status = request.form.get("status")
    notes = request.form.get("notes")
    if status is not None and status not in STATUSES:
        abort(400, f"Unknown status. Choose one of: {', '.join(STATUSES)}.")
    if notes is not None:
        notes = notes.replace("\r\n", "\n").strip()
        if len(notes) > MAX_NOTES_LENGTH:
            abort(400, f"Notes are limited to {MAX_NOTES_LENGTH} characters.")
    back = _return_to(url_for("staff.request_detail", request_id=request_id))
    db = storage.get_db()
    with storage.write(db, durable=True):
        row = _get_request(db, request_id)
        seen = request.form.get("seen")
        if seen is not None and seen != (row["updated_at"] or ""):
            flash(f"{row['reference']} was changed by {row['updated_by']} at {row['updated_at']} while you had "
                  "it open, so your change was not saved. Check it and try again.", "error")
            return redirect(back)
        at, by = storage.now_iso("seconds"), current_user.username
        changes = {}
        if status is not None and status != row["status"]:
            changes["status"] = status
        if notes is not None and notes != (row["notes"] or ""):
            changes["notes"] = notes
        for field, new in changes.items():
            db["request_events"].insert({"request_id": request_id, "at": at, "by": by, "field": field,
                                         "old": row[field], "new": new})
        if changes:
            db["requests"].update(request_id, {**changes, "updated_at": at, "updated_by": by})
    if changes:
        flash(f"{row['reference']}: saved ({', '.join(changes)}).")
    return redirect(back)

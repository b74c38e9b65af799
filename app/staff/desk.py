"""Support agents' pages: clause search and the queue of rights requests.

Every view needs a signed-in agent or editor (see `auth.require_staff`) and is
never cached. Visitors' text (request names, details, notes) is only ever
rendered through Jinja's autoescaping or inserted by JavaScript as text.
"""

from __future__ import annotations

import json
from pathlib import Path
import re
import time
from datetime import date, datetime, timedelta, timezone
from urllib.parse import urlsplit

from flask import (Blueprint, abort, current_app, flash, redirect, render_template, request, url_for)
from flask_login import current_user

from ..platform import db as storage
from ..platform import mail
from ..platform.events import list_events, record_event, record_events
from ..platform import policystore
from ..platform.timefmt import format_date, format_datetime
from .auth import require_staff
from .children import child_guidance
from ..engine.answering import find_clauses
from ..engine.intents import SHORT_LABELS
from ..visitors.chat import citation_label
from .csvexport import csv_response
from .paging import MAX_ROW_ID, ROW_ID, Page
from .extension import MAX_REASON_LENGTH, effective_due, extension_problem, latest_extension
from ..visitors.intake import BUSINESS_TZ

bp = Blueprint("staff", __name__, url_prefix="/staff")
bp.before_request(require_staff)


@bp.record_once
def _set_defaults(state) -> None:
    for key, value in DEFAULTS.items():
        state.app.config.setdefault(key, value)

STATUSES = ("new", "in progress", "waiting for requester", "done", "refused")
CLOSED = ("done", "refused")
TYPES = SHORT_LABELS
MAX_QUERY_LENGTH = 500
MAX_NOTES_LENGTH = 5000
MAX_OUTCOME_LENGTH = 2000
MAX_RESULTS = 10
QUEUE_LIMIT = 1000
DEFAULTS = {
    # Requests on one page of the queue (the CSV export has them all).
    "QUEUE_PAGE_SIZE": 50,
}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


# --- clause search ----------------------------------------------------------------------------------------------


def search_clauses(q: str, version: int | None = None) -> dict:
    """Ranked clauses for an agent, with highlights and ready-to-copy citations, timed.

    `version`: search that published version of the policy instead of the one in force.
    """
    started = time.perf_counter()
    found = find_clauses(_searcher(version), q, k=MAX_RESULTS)
    items = []
    for match in found.matches:
        clause = match.clause
        label = citation_label(clause)
        url = url_for("policy.archived", number=clause.version, _anchor=clause.anchor, _external=True)
        items.append({
            "clause_id": clause.id,
            "version": clause.version,
            "label": label,
            "url": url,
            "path": url_for("policy.archived", number=clause.version, _anchor=clause.anchor),
            "citation": f"{label} ({url})",
            "score": round(match.score, 2),
            "parts": match.parts,
        })
    return {"query": q, "confidence": round(found.confidence, 2), "results": items,
            "ms": (time.perf_counter() - started) * 1000}


def _searcher(version: int | None):
    """The assistant of the version in force, or a search-only one for an earlier version (built once per worker)."""
    assistant = current_app.extensions["assistant"]
    if version is None or version == assistant.index.policy.version:
        return assistant
    cache = current_app.extensions.setdefault("version_search", {})
    if version not in cache:
        from ..engine.answering import Assistant
        from ..engine.lexicon import load_lexicons
        from ..engine.retrieval import build_index, load_gaps, load_synonyms

        corpus = Path(current_app.config["CORPUS_DIR"])
        policy = policystore.policy_of(current_app, storage.get_db(), version)
        lexicon = load_lexicons(corpus)
        cache[version] = Assistant(build_index(policy, load_synonyms(corpus / "synonyms.yaml", lexicon),
                                               load_gaps(corpus / "gaps.yaml"), {}, lexicon=lexicon))
    return cache[version]


def _version() -> tuple[int | None, list]:
    """The version asked for (?version=n; None: the one in force) and every published version."""
    versions = policystore.versions(storage.get_db())
    value = request.args.get("version", "")
    if value.isdigit() and len(value) < 8 and any(v.number == int(value) for v in versions):
        return int(value), versions
    return None, versions


def _query() -> str:
    return request.args.get("q", "").strip()[:MAX_QUERY_LENGTH]


def _timed(response, found: dict | None):
    if found is not None:
        response.headers["Server-Timing"] = f"search;dur={found['ms']:.2f}"
    return response


@bp.get("/search")
def search():
    q = _query()
    version, versions = _version()
    found = search_clauses(q, version) if q else None
    response = current_app.make_response(render_template("staff/search.html", q=q, found=found, version=version,
                                                         versions=versions))
    return _timed(response, found)


@bp.get("/search.json")
def search_json():
    q = _query()
    found = search_clauses(q, _version()[0]) if q else {"query": "", "confidence": 0, "results": [], "ms": 0.0}
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
    row["due"] = effective_due(row)  # overdue and days left count from an extended due date
    row["extended"] = bool(row.get("extended_due"))
    row["days_left"] = _days_left(row["due"], on)
    row["overdue"] = row["open"] and row["days_left"] is not None and row["days_left"] < 0
    row["urgent"] = bool(row["urgent"])
    row["type_label"] = TYPES.get(row["type"], row["type"])
    row["verified"] = bool(row.get("verified", 1))
    row["awaiting_verification"] = row["open"] and not row["verified"]
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
                  offset: int = 0, awaiting: bool | None = None) -> list[dict]:
    """Requests for the queue: urgent or overdue open ones first, then by due date; `limit` from `offset`."""
    return list(iter_requests(db, status, kind, on, limit=limit, offset=offset, awaiting=awaiting))


_AWAITING = "(verified = 0 and status not in ('done', 'refused'))"


def _where(status: str, kind: str, awaiting: bool | None = None) -> tuple[str, dict]:
    """The queue's filters as SQL; `awaiting`: only (True) or none (False) of the requests awaiting verification."""
    where, params = [], {}
    if awaiting is not None:
        where.append(_AWAITING if awaiting else f"not {_AWAITING}")
    if status == "open":
        where.append("status not in ('done', 'refused')")
    elif status != "all":
        where.append("status = :status")
        params["status"] = status
    if kind != "all":
        where.append("type = :type")
        params["type"] = kind
    return (("where " + " and ".join(where)) if where else ""), params


def count_requests(db, status: str = "open", kind: str = "all", awaiting: bool | None = None) -> int:
    """How many requests the queue's filters match."""
    where, params = _where(status, kind, awaiting)
    return db.execute(f"select count(*) from requests {where}", params).fetchone()[0]


def iter_requests(db, status: str = "open", kind: str = "all", on: date | None = None, limit: int | None = None,
                  offset: int = 0, awaiting: bool | None = None):
    """Every request that matches, in queue order, read in batches (the CSV export streams them all)."""
    on = on or today()
    where, params = _where(status, kind, awaiting)
    # No limit: the largest one both databases take (PostgreSQL refuses SQLite's -1).
    params.update({"today": on.isoformat(), "limit": 2 ** 62 if limit is None else limit, "offset": offset})
    sql = (
        "select id, reference, type, status, urgent, name, email, received_at, due_date, extended_due, "
        "extension_reason, closed_at, updated_at, updated_by, notes, verified from requests " + where +
        # Open: overdue or child's data first, then by (extended) due date. Closed: most recent first.
        " order by case when status in ('done', 'refused') then 2"
        " when urgent = 1 or coalesce(extended_due, due_date) < :today then 0 else 1 end,"
        " case when status in ('done', 'refused') then coalesce(extended_due, due_date) end desc,"
        " coalesce(extended_due, due_date), received_at, id limit :limit offset :offset"
    )
    result = db.execute(sql, params).mappings()
    while batch := result.fetchmany(500):
        for r in batch:
            yield _decorate(dict(r), on)


def _types(db) -> dict[str, str]:
    found = {r[0] for r in db.execute("select distinct type from requests")}
    return {**TYPES, **{t: t for t in sorted(found - set(TYPES))}}


@bp.get("/requests")
def queue():
    status, kind = _filters()
    db = storage.get_db()
    # The requests to act on, a page at a time; those whose address is not proven yet are listed apart (the
    # first QUEUE_LIMIT), as nobody should act on them yet.
    page = Page.of(request.args, count_requests(db, status, kind, awaiting=False),
                   current_app.config["QUEUE_PAGE_SIZE"])
    rows = list_requests(db, status, kind, limit=page.size, offset=page.start, awaiting=False)
    unverified = list_requests(db, status, kind, limit=QUEUE_LIMIT, awaiting=True)
    from .outbox import failed_count

    return render_template("staff/requests.html", rows=rows, unverified=unverified, status=status, kind=kind,
                           statuses=STATUSES, types=_types(db), limit=QUEUE_LIMIT, failed_mail=failed_count(db),
                           stale_days=current_app.config["VERIFY_STALE_DAYS"], page=page)


CSV_COLUMNS = ["reference", "type", "urgent", "status", "name", "email", "received_at", "due_date", "extended_due",
               "extension_reason", "days_left", "overdue", "closed_at", "updated_at", "updated_by", "notes", "history"]


@bp.get("/requests.csv")
def requests_csv():
    status, kind = _filters()
    db = storage.get_db()
    # The export itself is an event of each exported request's life (who took personal data out, and when),
    # recorded before the file is sent, in one transaction.
    with storage.write(db, durable=True):
        ids = [r["id"] for r in iter_requests(db, status, kind)]
        record_events(db, ids, current_user.username, "export", new=f"requests-{today().isoformat()}.csv")
    # All of them, not one page of the queue: an export that stops short without a word
    # is worse than none. Streamed, so thousands of rows never sit in memory at once.
    return csv_response(f"requests-{today().isoformat()}.csv", CSV_COLUMNS, _csv_rows(status, kind))


def _csv_rows(status: str, kind: str):
    # Streaming runs after the view's teardown has returned its connection to the pool, so the rows are read
    # on a connection taken here (the context streaming pushes again closes it when the download ends).
    db = storage.get_db()
    for r in iter_requests(db, status, kind):
        yield [r["reference"], r["type"], int(r["urgent"]), r["status"], r["name"], r["email"], r["received_at"],
               r["due_date"], r["extended_due"], r["extension_reason"], r["days_left"], int(r["overdue"]),
               r["closed_at"], r["updated_at"], r["updated_by"], r["notes"],
               "\n".join(e.summary() for e in list_events(db, r["id"]))]


def _get_request(db, request_id: int, lock: bool = False) -> dict:
    """The request, decorated for the pages; `lock` (inside a write) holds its row until the commit (PostgreSQL)."""
    row = db.get("requests", request_id, for_update=lock)
    if row is None:
        abort(404, "No request with that number.")
    return _decorate(row, today())


@bp.get(f"/requests/<{ROW_ID}:request_id>")
def request_detail(request_id: int):
    db = storage.get_db()
    row = _get_request(db, request_id)
    try:
        extra = json.loads(row.get("extra") or "{}")
    except ValueError:
        extra = {"extra": row.get("extra")}
    if not isinstance(extra, dict):
        extra = {"extra": extra}
    guidance = child_guidance(extra) if row["type"] == "child_data" else None
    due = _parse_date(row["due_date"])
    can_extend = (row["open"] and not row["extended"] and due is not None and today() <= due)
    mails = list(db.execute("select id, kind, status, attempts, last_error, created_at, sent_at from outbox "
                            "where request_id = :request_id order by id desc", {"request_id": request_id}).fetchall())
    return render_template("staff/request.html", row=row, extra=extra, events=list_events(db, request_id),
                           statuses=STATUSES, guidance=guidance, can_extend=can_extend,
                           latest_extension=latest_extension(due) if due else None,
                           max_reason=MAX_REASON_LENGTH, mails=mails)


def _parse_date(value) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


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


def _reason() -> str:
    """The form's `reason`: what the requester is told, one paragraph, without control characters."""
    reason = request.form.get("reason", "")
    reason = " ".join(reason.split()) if isinstance(reason, str) else ""
    if len(reason) > MAX_REASON_LENGTH:
        abort(400, f"The reason is limited to {MAX_REASON_LENGTH} characters.")
    if _CONTROL.search(reason):
        abort(400, "The reason contains control characters that can't be stored. Please retype it.")
    return reason


@bp.post(f"/requests/<{ROW_ID}:request_id>")
def update_request(request_id: int):
    """Change a request's status and/or notes, recording who and when (and the reason for a refusal)."""
    status = request.form.get("status")
    notes = request.form.get("notes")
    outcome = request.form.get("outcome")
    if status is not None and status not in STATUSES:
        abort(400, f"Unknown status. Choose one of: {', '.join(STATUSES)}.")
    if notes is not None:
        notes = notes.replace("\r\n", "\n").strip()
        if len(notes) > MAX_NOTES_LENGTH:
            abort(400, f"Notes are limited to {MAX_NOTES_LENGTH} characters.")
    if outcome is not None:
        outcome = outcome.replace("\r\n", "\n").strip() or None
        if outcome and len(outcome) > MAX_OUTCOME_LENGTH:
            abort(400, f"The message to the requester is limited to {MAX_OUTCOME_LENGTH} characters.")
        if outcome and _CONTROL.search(outcome.replace("\n", "")):
            abort(400, "The message to the requester contains control characters.")
    back = _return_to(url_for("staff.request_detail", request_id=request_id))
    db = storage.get_db()
    with storage.write(db, durable=True):
        row = _get_request(db, request_id, lock=True)
        seen = request.form.get("seen")
        if seen is not None and seen != (row["updated_at"] or ""):
            flash(f"{row['reference']} was changed by {row['updated_by']} at {format_datetime(row['updated_at'])} while you had "
                  "it open, so your change was not saved. Check it and try again.", "error")
            return redirect(back)
        at, by = storage.now_iso("seconds"), current_user.username
        changes = {}
        if status is not None and status != row["status"]:
            changes["status"] = status
        if notes is not None and notes != (row["notes"] or ""):
            changes["notes"] = notes
        if changes.get("status") == "refused" and not (outcome or row.get("outcome")):
            # GDPR Art. 12(4): a requester who is refused is told why.
            abort(400, "Refusing a request needs the reason the requester will be told: write it in \u201cMessage "
                       "to the requester\u201d on the request's page.")
        if outcome is not None and outcome != (row.get("outcome") or None):
            changes["outcome"] = outcome  # shown to the requester once the request is done or refused
        closing = changes.get("status") in CLOSED
        said = outcome if outcome is not None else row.get("outcome")
        if "status" in changes:
            record_event(db, request_id, by, "status", old=row["status"], new=status, at=at, public=closing,
                         reason=said if closing and said else None)
        if "notes" in changes:
            # Who and when only: the text stays in the notes (an agent who removes personal data from them
            # removes it everywhere), never copied into the trail.
            record_event(db, request_id, by, "note", at=at)
        if "outcome" in changes and "status" not in changes:  # with a status change, its event carries the words
            record_event(db, request_id, by, "outcome", at=at)
        if changes:
            closed = {"closed_at": at if status in CLOSED else None} if "status" in changes else {}
            db.update("requests", request_id, {**changes, **closed, "updated_at": at, "updated_by": by})
        mailed = False
        if closing and row["verified"]:
            # Told at once, in the same transaction: the mail exists exactly when the change does.
            stored = db.get("requests", request_id)
            mail.queue_mail(db, "status", stored["email"], stored, language=stored.get("language") or "en",
                            status=stored["status"], outcome=stored.get("outcome"),
                            status_url=mail.public_url("status.lookup"))
            mailed = True
    if changes:
        if mailed:
            told = "; the requester is told by e-mail."
        elif changes.get("status") in CLOSED:
            told = "; not e-mailed: the address is not verified."
        else:
            told = "."
        flash(f"{row['reference']}: saved ({', '.join(changes)}){told}")
    return redirect(back)


@bp.post(f"/requests/<{ROW_ID}:request_id>/extend")
def extend_request(request_id: int):
    """Extend a request's due date once, by up to two months, with the reason the requester is told at once."""
    reason = _reason()
    new_due = _parse_date(request.form.get("extended_due"))
    if new_due is None and request.form.get("extended_due"):
        abort(400, "The new due date must be a date like 2027-01-31.")
    db = storage.get_db()
    with storage.write(db, durable=True):
        row = _get_request(db, request_id, lock=True)
        problem = extension_problem(row, new_due, reason, today())
        if problem:
            abort(400, problem)
        at, by = storage.now_iso("seconds"), current_user.username
        db.update("requests", request_id, {"extended_due": new_due.isoformat(), "extension_reason": reason,
                                           "extended_at": at, "extended_by": by, "updated_at": at,
                                           "updated_by": by})
        record_event(db, request_id, by, "extended", old=row["due_date"], new=new_due.isoformat(), at=at,
                     public=True, reason=reason)
        mailed = _notify_extension(db, row, new_due, reason)
    told = ("the requester is being told by e-mail" if mailed else
            "not e-mailed: the address is not verified; tell the requester another way, with the reason")
    flash(f"{row['reference']}: extended to {format_date(new_due)}; {told}.")
    return redirect(url_for("staff.request_detail", request_id=request_id))


def _notify_extension(db, row: dict, new_due: date, reason: str) -> bool:
    """Queue the "extension" e-mail to the requester (new due date and reason), in the caller's transaction.

    Only to an address the requester has confirmed (as every status mail); False when it is not.
    """
    if not row["verified"]:
        return False
    mail.queue_mail(db, "extension", row["email"], row, language=row.get("language") or "en",
                    new_due=new_due.isoformat(), reason=reason)
    return True


@bp.post(f"/requests/<{ROW_ID}:request_id>/verify")
def verify_request(request_id: int):
    """Mark a request's address verified by other means (a phone call, a signed letter), with the reason."""
    from ..visitors import verification

    reason = (request.form.get("reason") or "").replace("\r\n", "\n").strip()
    if not reason or len(reason) > MAX_REASON_LENGTH or _CONTROL.search(reason.replace("\n", "")):
        abort(400, f"Say how the requester was verified (1 to {MAX_REASON_LENGTH} characters).")
    db = storage.get_db()
    with storage.write(db, durable=True):
        row = db.get("requests", request_id, for_update=True)
        if row is None:
            abort(404, "No request with that number.")
        if row["verified"]:
            flash(f"{row['reference']} is already verified.", "error")
        else:
            verification.mark_verified(db, row, current_user.username, "agent", note=reason)
            db.update("requests", request_id, {"updated_at": storage.now_iso("seconds"),
                                               "updated_by": current_user.username})
            flash(f"{row['reference']}: marked verified; the receipt is e-mailed to the requester.")
    return redirect(url_for("staff.request_detail", request_id=request_id))


def close_unverified(db, request_ids: list[int], by: str, reason: str) -> int:
    """Refuse open, unverified requests (inside the caller's transaction); returns how many were closed."""
    at, closed = storage.now_iso("seconds"), 0
    for request_id in request_ids:
        row = db.get("requests", request_id, for_update=True)
        if row is None or row["verified"] or row["status"] in ("done", "refused"):
            continue
        db.update("requests", request_id, {"status": "refused", "outcome": reason, "closed_at": at,
                                           "updated_at": at, "updated_by": by})
        record_event(db, request_id, by, "status", old=row["status"], new="refused", at=at, public=True,
                     reason=reason)
        record_event(db, request_id, by, "closed_unverified", new="address never confirmed", at=at)
        closed += 1
    return closed


UNVERIFIED_OUTCOME = "Closed because the e-mail address was never confirmed. You are welcome to make the request again."


@bp.post("/requests/close-unverified")
def close_stale_unverified():
    """Close one unverified request (`request_id`), or all received more than VERIFY_STALE_DAYS ago."""
    db = storage.get_db()
    with storage.write(db, durable=True):
        if request.form.get("request_id"):
            raw = request.form["request_id"].strip()
            if not (raw.isascii() and raw.isdigit() and len(raw) <= 10) or not 1 <= int(raw) <= MAX_ROW_ID:
                abort(400, "Not a request number.")
            ids = [int(raw)]
        else:
            cutoff = (datetime.now(BUSINESS_TZ) - timedelta(days=current_app.config["VERIFY_STALE_DAYS"]))
            ids = [r[0] for r in db.execute(
                "select id from requests where verified = 0 and status not in ('done', 'refused') "
                "and received_at < :received_at", {"received_at": cutoff.astimezone(timezone.utc).isoformat(timespec="seconds")})]
        closed = close_unverified(db, ids, current_user.username, UNVERIFIED_OUTCOME)
    flash(f"Closed {closed} unverified request{'' if closed == 1 else 's'}.")
    return redirect(_return_to(url_for("staff.queue")))

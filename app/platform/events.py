"""A rights request's audit trail: one row of `request_events` per event of its life.

    >>> with write(db, durable=True):
    ...     ...  # the change itself
    ...     record_event(db, request_id, "asha", "status", old="new", new="done", public=True)
    >>> [e.kind for e in list_events(db, request_id)]
    ['created', 'status']

Every event is written in the same write transaction as the change it records, so the trail and the
request never disagree. `by` is who acted: "requester", "system" or an agent's username. `kind` (the
`field` column) says what happened: created, status, note, extended, export, and the mail side's
code_sent, verified, mail_delivered, mail_failed. `old` and `new` are short values that show nothing
staff do not already see (never a note's text, never a code). `public` events (received, verified,
extended, done or refused) are the history the requester may see; internal notes never are.
"""

from __future__ import annotations

from dataclasses import dataclass

from .db import Database, now_iso

REQUESTER, SYSTEM = "requester", "system"
# What each kind of event reads as on the staff timeline and in the CSV export.
LABELS = {
    "created": "Request received",
    "status": "Status changed",
    "note": "Notes edited",
    "extended": "Due date extended",
    "export": "Included in a CSV export",
    "code_sent": "Verification code sent",
    "verified": "E-mail address verified",
    "mail_queued": "E-mail queued",
    "mail_delivered": "E-mail delivered",
    "mail_failed": "E-mail delivery failed",
    "mail_retry": "E-mail sent again",
    "code_wrong": "Wrong code entered",
    "outcome": "Message to the requester written",
    "closed_unverified": "Closed: address never confirmed",
}


@dataclass(frozen=True)
class Event:
    """One event of a request's life, as stored."""

    id: int
    request_id: int
    at: str  # ISO 8601, UTC
    by: str
    kind: str
    old: str | None
    new: str | None
    public: bool
    reason: str | None

    @property
    def label(self) -> str:
        return LABELS.get(self.kind, self.kind.replace("_", " ").capitalize())

    def summary(self) -> str:
        """One line of plain text: "2026-11-30T08:00:00+00:00 asha: Status changed (new -> done)"."""
        change = ""
        if self.kind == "note":
            change = ""  # a note's text is in the notes, never repeated in the trail
        elif self.old and self.new:
            change = f" ({self.old} -> {self.new})"
        elif self.new:
            change = f" ({self.new})"
        reason = f": {self.reason}" if self.reason else ""
        return f"{self.at} {self.by}: {self.label}{change}{reason}"


def record_event(db: Database, request_id: int, by: str, kind: str, *, old: str | None = None,
                 new: str | None = None, public: bool = False, reason: str | None = None,
                 at: str | None = None) -> None:
    """Add one event to a request's trail; call it inside the write transaction of the change."""
    db.execute('insert into request_events (request_id, at, "by", field, old, new, public, reason) '
               "values (:request_id, :at, :by, :kind, :old, :new, :public, :reason)",
               {"request_id": request_id, "at": at or now_iso("seconds"), "by": by, "kind": kind, "old": old,
                "new": new, "public": int(public), "reason": reason})


def record_events(db: Database, request_ids, by: str, kind: str, *, new: str | None = None) -> int:
    """The same event for many requests at once (a CSV export); returns how many were recorded."""
    at = now_iso("seconds")
    rows = [{"request_id": request_id, "at": at, "by": by, "kind": kind, "new": new} for request_id in request_ids]
    if rows:
        db.execute('insert into request_events (request_id, at, "by", field, new, public) '
                   "values (:request_id, :at, :by, :kind, :new, 0)", rows)
    return len(rows)


def list_events(db: Database, request_id: int, public_only: bool = False) -> list[Event]:
    """A request's events, oldest first; `public_only` for the requester's own view."""
    sql = ('select id, request_id, at, "by", field, old, new, public, reason from request_events '
           "where request_id = :request_id" + (" and public = 1" if public_only else "") + " order by at, id")
    return [Event(*row[:7], bool(row[7]), row[8]) for row in db.execute(sql, {"request_id": request_id})]

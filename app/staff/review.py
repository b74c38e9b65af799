"""What editors review, and the alternate phrasings they link to clauses.

Questions the assistant could not answer, answered with low confidence, or that
a visitor marked unhelpful are grouped by a normalised form of their text, so
that the same question asked 40 times is one row:

    >>> review_key("  Can I   DELETE my data?! ")
    'can i delete my data'
    >>> pending = [g for g in collect_groups(db, low_confidence=0.7) if g.pending]

An editor decides each group once: link it to a clause (its text becomes an
alternate phrasing of that clause), dismiss it, or mark it "not covered by the
policy" (the gap list). Linked phrasings live in the database; a counter row
("phrasings") goes up with every change, and each worker compares it with the
version its index was built from before handling a request, rebuilding the
index (about 50 ms) when another worker changed it.
"""

from __future__ import annotations

import logging
import threading
import unicodedata
from dataclasses import dataclass, field

from flask import current_app, request
from sqlite_utils import Database

from ..platform import db as storage

log = logging.getLogger(__name__)

ACTIONS = ("linked", "dismissed", "not_covered")
REASONS = ("unanswered", "low_confidence", "thumbs_down")
DEFAULTS = {
    # Answered questions whose confidence is below this are shown to editors too.
    "REVIEW_CONFIDENCE_BELOW": 0.7,
    # Rows shown on one review page (the CSV export has them all).
    "REVIEW_PAGE_SIZE": 50,
}
_rebuild_lock = threading.Lock()


def review_key(text: str) -> str:
    """The form that groups questions: case-folded, punctuation removed, whitespace collapsed."""
    out = []
    for ch in unicodedata.normalize("NFKC", text or "").casefold():
        category = unicodedata.category(ch)
        if ch in "'’-":
            continue  # "what's" and "whats", "e-mail" and "email" group together
        out.append(" " if category[0] in "PSZC" else ch)
    return " ".join("".join(out).split())


@dataclass
class Group:
    """One normalised question with how often and why it needs review."""

    key: str
    text: str = ""  # the most recent wording
    count: int = 0
    last_seen: str = ""
    reasons: dict[str, int] = field(default_factory=lambda: dict.fromkeys(REASONS, 0))
    decision: dict | None = None
    earlier: int = 0  # asks before the decision (already handled)

    @property
    def pending(self) -> bool:
        """Needs an editor: undecided, or linked but still failing after the link."""
        if self.count == 0:
            return False
        return self.decision is None or self.decision["action"] == "linked"


def decisions(db: Database) -> dict[str, dict]:
    return {row["review_key"]: row for row in db["review_decisions"].rows}


def collect_groups(db: Database, low_confidence: float) -> list[Group]:
    """Every question needing review, grouped; most asked first, then most recent."""
    decided = decisions(db)
    groups: dict[str, Group] = {}
    cursor = db.execute(
        "select q.question, q.asked_at, q.kind, q.answered, q.confidence, f.helpful "
        "from questions q left join feedback f on f.question_id = q.id "
        # A request handed off to the form (intent set) is answered by the form, whatever its confidence.
        "where (q.kind = 'no_answer' and q.answered = 0) "
        "or (q.answered = 1 and q.confidence < ? and q.intent is null) "
        "or f.helpful = 0 order by q.asked_at", [low_confidence])
    for question, asked_at, kind, answered, confidence, helpful in cursor:
        key = review_key(question)
        group = groups.get(key)
        if group is None:
            group = groups[key] = Group(key, decision=decided.get(key))
        if group.decision and asked_at <= group.decision["decided_at"]:
            group.earlier += 1
            continue
        group.count += 1
        group.text, group.last_seen = question, asked_at
        if kind == "no_answer" and not answered:
            group.reasons["unanswered"] += 1
        elif answered and confidence is not None and confidence < low_confidence:
            group.reasons["low_confidence"] += 1
        if helpful == 0:
            group.reasons["thumbs_down"] += 1
    for key, decision in decided.items():
        groups.setdefault(key, Group(key, text=decision["text"], decision=decision))
    ordered = sorted(groups.values(), key=lambda g: g.last_seen, reverse=True)
    ordered.sort(key=lambda g: g.count, reverse=True)  # stable: most asked, then most recent
    return ordered


class ReviewError(ValueError):
    """An editor's action cannot be carried out; the message says why."""


def decide(db: Database, text: str, action: str, by: str, count: int = 0, clause_id: str | None = None) -> dict:
    """Record an editor's decision on the question `text`; linking also adds the phrasing."""
    if action not in ACTIONS:
        raise ReviewError(f"unknown action {action!r}")
    key = review_key(text)
    if not key:
        raise ReviewError("this question has no words to link; dismiss it instead")
    if action == "linked" and not clause_id:
        raise ReviewError("choose the clause that answers this question")
    now = storage.now_iso()
    with storage.write(db):
        previous = list(db["review_decisions"].rows_where("review_key = ?", [key]))
        if previous:
            _undo(db, previous[0])
        phrasing_id = None
        if action == "linked":
            phrasing_id = db["phrasings"].insert({"clause_id": clause_id, "phrasing": text.strip(),
                                                  "review_key": key, "created_by": by, "created_at": now}).last_pk
        if action in ("linked", "not_covered"):
            _bump(db)  # every worker answers (or abstains on) this question from its next request
        row = {"review_key": key, "action": action, "text": text.strip(), "clause_id": clause_id,
               "phrasing_id": phrasing_id, "count": count, "decided_by": by, "decided_at": now}
        db["review_decisions"].insert(row)
    return row


def reopen(db: Database, key: str) -> dict | None:
    """Undo a decision: the question is back on the review list, a linked phrasing is removed."""
    with storage.write(db):
        rows = list(db["review_decisions"].rows_where("review_key = ?", [key]))
        if not rows:
            return None
        _undo(db, rows[0])
    return rows[0]


def _undo(db: Database, decision: dict) -> None:
    if decision["phrasing_id"] is not None:
        db["phrasings"].delete_where("id = ?", [decision["phrasing_id"]])
    if decision["phrasing_id"] is not None or decision["action"] == "not_covered":
        _bump(db)
    db["review_decisions"].delete(decision["review_key"])


def _bump(db: Database) -> None:
    db.execute("update counters set value = value + 1 where name = 'phrasings'")


def move_to_successors(db: Database, successors: dict[str, str]) -> dict[str, int]:
    """Point linked phrasings and decisions at the successors of clauses a new policy version replaced.

    `successors`: old clause id -> the id carrying it on. Called by `flask policy publish` inside its write
    transaction; returns how many rows of each table moved.
    """
    moved = {"phrasings": 0, "review_decisions": 0}
    for old, new in successors.items():
        for table in moved:
            moved[table] += db.execute(f"update {table} set clause_id = ? where clause_id = ?", [new, old]).rowcount
    return moved


def recent_decisions(db: Database, limit: int = 20) -> list[dict]:
    return list(db["review_decisions"].rows_where(order_by="decided_at desc", limit=limit))


# --- linked phrasings in retrieval ------------------------------------------------------------------------------


def phrasings_version(db: Database) -> tuple[int, int]:
    """What the index depends on in the database: the phrasings counter and the policy-version counter."""
    values = dict(db.execute("select name, value from counters where name in ('phrasings', 'policy')").fetchall())
    return values.get("phrasings", 0), values.get("policy", 0)


def load_phrasings(db: Database) -> dict[str, list[str]]:
    """Editors' linked phrasings by clause id, oldest first."""
    out: dict[str, list[str]] = {}
    for clause_id, phrasing in db.execute("select clause_id, phrasing from phrasings order by id"):
        out.setdefault(clause_id, []).append(phrasing)
    return out


def load_not_covered(db: Database) -> list[str]:
    """The questions editors marked "not covered by the policy", oldest first."""
    return [row[0] for row in db.execute(
        "select text from review_decisions where action = 'not_covered' order by decided_at")]


def refresh_assistant(app, db: Database) -> bool:
    """Rebuild `app.extensions["assistant"]` if the linked phrasings or "not covered" decisions changed; True if so."""
    version = phrasings_version(db)
    if version == app.extensions.get("phrasings_version"):
        return False
    with _rebuild_lock:
        if version == app.extensions.get("phrasings_version"):
            return False
        from ..platform.policystore import build_assistant

        # Read after the version, so a change in between only costs one more rebuild.
        app.extensions["assistant"] = build_assistant(app, db, load_phrasings(db), load_not_covered(db))
        app.extensions["phrasings_version"] = version
    return True


def _check_phrasings():
    if request.endpoint in (None, "static"):
        return
    app = current_app._get_current_object()
    try:
        refresh_assistant(app, storage.get_db())
    except Exception:
        # Answer with the index we have rather than fail the request.
        log.exception("could not check the linked phrasings; answering with the current index")


def init_app(app) -> None:
    """Use the linked phrasings from the start, and pick up other workers' changes per request."""
    for key, value in DEFAULTS.items():
        app.config.setdefault(key, value)
    db = storage.connect(storage.database_path(app), app.config["DATABASE_TIMEOUT"])
    try:
        if phrasings_version(db) == (0, 0):
            app.extensions["phrasings_version"] = (0, 0)  # nothing linked or published yet: the start-up index is current
        else:
            refresh_assistant(app, db)
    finally:
        db.conn.close()
    app.before_request(_check_phrasings)

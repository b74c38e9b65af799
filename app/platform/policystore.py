"""The published versions of the policy: kept in the database, one of them in force in every worker.

    record_first_version(db, corpus_dir)     # at start-up: corpus/privacy-policy.md becomes version 1
    current_number(db)                       # the version in force (the highest)
    policy_of(app, db, 3)                    # version 3, parsed, under its lasting clause ids
    build_assistant(app, db)                 # the assistant for the version in force (review.refresh_assistant)

Versions are written once and never changed (`app/staff/publish.py` adds them).
Each worker's assistant answers from the version in force; a publish bumps the
"policy" counter and every worker rebuilds before its next request, the way linked
phrasings reach them (`app/staff/review.py`).
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from .db import Database

from ..engine.corpus import Policy, load_policy, parse_policy, with_ids
from ..engine.lineage import carry, compare
from . import db as storage
from .locks import ForkSafeLock
from .timefmt import india_today

log = logging.getLogger(__name__)

POLICY_FILE = "privacy-policy.md"
_cache_lock = ForkSafeLock()


@dataclass(frozen=True)
class Version:
    """One published version (without its text)."""

    number: int
    effective: str  # ISO date
    published_by: str
    published_at: str  # ISO 8601, UTC
    sha256: str
    report: dict | None

    @property
    def accepted_changes(self) -> bool:
        return bool(self.report and self.report.get("accepted"))


def sha256_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _version(row) -> Version:
    number, effective, by, at, sha, report = row
    return Version(number, effective, by, at, sha, json.loads(report) if report else None)


_COLUMNS = "number, effective, published_by, published_at, sha256, report"


def versions(db: Database) -> list[Version]:
    """Every published version, oldest first."""
    return [_version(r) for r in db.execute(f"select {_COLUMNS} from policy_versions order by number")]


def version(db: Database, number: int) -> Version | None:
    row = db.execute(f"select {_COLUMNS} from policy_versions where number = :number", {"number": number}).fetchone()
    return _version(row) if row else None


def current_number(db: Database) -> int:
    """The version in force: the last published (0 before version 1 is recorded)."""
    return db.execute("select coalesce(max(number), 0) from policy_versions").fetchone()[0]


def policy_version_counter(db: Database) -> int:
    row = db.execute("select value from counters where name = 'policy'").fetchone()
    return row[0] if row else 0


def record_first_version(db: Database, corpus_dir: str | Path) -> bool:
    """Record corpus/privacy-policy.md as version 1 when no version is recorded yet; True if it was recorded now.

    Safe when several workers start at once: one insert wins, the others find the row.
    """
    if current_number(db):
        return False
    path = Path(corpus_dir) / POLICY_FILE
    policy = load_policy(path)  # a malformed policy stops start-up here, naming the line
    text = path.read_text(encoding="utf-8")
    row = {"number": 1, "effective": india_today().isoformat(), "published_by": "first start",
           "published_at": storage.now_iso(), "sha256": sha256_of(text), "text": text,
           "ids": json.dumps([c.id for c in policy.clauses]), "successors": "{}", "report": None}
    with storage.write(db):
        return db.insert("policy_versions", row, on_conflict="ignore") is not None


def _steps(db: Database, after: int, upto: int) -> list[tuple[set[str], dict[str, list[str]]]]:
    """(ids, successors) of versions after+1 .. upto, for `carry`."""
    rows = db.execute("select ids, successors from policy_versions where number > :after and number <= :upto "
                      "order by number", {"after": after, "upto": upto})
    return [(set(json.loads(ids)), json.loads(successors)) for ids, successors in rows]


def text_of(db: Database, number: int) -> str | None:
    row = db.execute("select text from policy_versions where number = :number", {"number": number}).fetchone()
    return row[0] if row else None


def policy_of(app, db: Database, number: int) -> Policy | None:
    """Version `number` parsed, its clauses under their lasting ids; None when there is no such version.

    Versions never change once published, so each worker parses one at most once.
    """
    cache = app.extensions.setdefault("policy_versions", {})
    found = cache.get(number)
    if found is not None:
        return found
    row = db.execute("select text, ids from policy_versions where number = :number", {"number": number}).fetchone()
    if row is None:
        return None
    text, ids = row
    policy = with_ids(parse_policy(text, f"policy version {number}"), json.loads(ids), number)
    with _cache_lock:
        cache[number] = policy
    return policy


def aliases(db: Database, upto: int) -> tuple[dict[str, str], frozenset[str]]:
    """Every clause id of versions before `upto` that is not in it -> its closest successor in `upto`; and the
    ids that have none (removed)."""
    rows = list(db.execute("select number, ids, successors from policy_versions where number <= :number order by number",
                           {"number": upto}))
    where: dict[str, str | None] = {}  # id ever given -> what carries it on in the version reached so far
    for number, ids, successors in rows:
        ids, successors = set(json.loads(ids)), json.loads(successors)
        for old, target in where.items():
            if target is not None and target not in ids:
                nxt = successors.get(target) or []
                where[old] = nxt[0] if nxt else None
        for clause_id in ids:
            where[clause_id] = clause_id
    return ({old: target for old, target in where.items() if target is not None and target != old},
            frozenset(old for old, target in where.items() if target is None))


def successors_in(db: Database, clause_id: str, since: int, upto: int) -> list[str]:
    """The clauses of version `upto` that carry on clause `clause_id` of version `since` (itself when unchanged)."""
    return carry([clause_id], _steps(db, since, upto))


def changed_in(db: Database, clause_id: str, since: int) -> int | None:
    """The first version after `since` without clause `clause_id`; None when every later version has it."""
    for number, ids in db.execute("select number, ids from policy_versions where number > :number order by number",
                                  {"number": since}):
        if clause_id not in json.loads(ids):
            return number
    return None


def current_policy(app, db: Database) -> Policy:
    """The version in force, with aliases for the ids of earlier versions."""
    number = current_number(db)
    policy = policy_of(app, db, number)
    return with_ids(policy, [c.id for c in policy.clauses], number, *aliases(db, number))


def build_assistant(app, db: Database, phrasings: dict[str, list[str]], not_covered: list[str]):
    """The assistant for the version in force, with editors' linked phrasings and "not covered" questions."""
    from ..engine.answering import load_assistant

    policy = current_policy(app, db)
    assistant = load_assistant(app.config["CORPUS_DIR"], extra_phrasings=phrasings,
                               intents_file=app.config["INTENTS_FILE"], policy=policy)
    assistant.add_editor_gaps(not_covered)
    assistant.published = version(db, policy.version)  # pages show it without asking the database again
    if policy.version > 1:
        assistant.tell_changes(update_of(app, db, policy.version))
    return assistant


def update_of(app, db: Database, number: int):
    """What version `number` changed from the one before, for the assistant's "what changed?" answer."""
    from ..engine.answering import PolicyUpdate
    from .timefmt import format_date

    old, new = policy_of(app, db, number - 1), policy_of(app, db, number)
    successors = {c.id: successors_in(db, c.id, number - 1, number) for c in old.clauses if not new.has_clause(c.id)}
    # In English, as the rest of the engine's reply: the assistant is built once for every visitor, whatever the
    # language of the request that happened to rebuild it.
    effective = format_date(version(db, number).effective, locale="en")
    return PolicyUpdate(number, effective, tuple(compare(old, new, successors)))


def init_app(app):
    """Record version 1 on the first start; return the assistant for the version in force.

    Logs a warning when corpus/privacy-policy.md differs from the version in force (edited, not yet published).
    """
    db = storage.connect_app(app)
    try:
        if record_first_version(db, app.config["CORPUS_DIR"]):
            log.info("recorded %s as policy version 1", Path(app.config["CORPUS_DIR"]) / POLICY_FILE)
        number = current_number(db)
        path = Path(app.config["CORPUS_DIR"]) / POLICY_FILE
        current = version(db, number)
        try:
            edited = sha256_of(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            edited = None
        if edited != current.sha256:
            log.warning("%s differs from policy version %d, which stays in force until `flask policy publish`",
                        path, number)
        return build_assistant(app, db, {}, [])
    finally:
        db.close()

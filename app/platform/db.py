"""SQLite storage: one long-lived connection per worker, schema by migrations, one write path.

    >>> db = connect("instance/policy-assistant.sqlite")
    >>> with write(db):
    ...     db["questions"].insert({...})

Several gunicorn workers share the file. WAL mode lets readers and one writer
work at once; every write runs in `write()`, which takes the write lock up front
(BEGIN IMMEDIATE) and waits up to DATABASE_TIMEOUT for it, so no worker sees
"database is locked" in the middle of a transaction.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import weakref
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from flask import current_app, g
from sqlite_utils import Database, Migrations

migrations = Migrations("policy_assistant")


@migrations()
def m001_questions(db: Database):
    db["questions"].create(
        {
            "id": str,  # question_id returned to the client
            "asked_at": str,  # ISO 8601, UTC
            "question": str,  # redacted before storage
            "kind": str,  # answer, no_answer, smalltalk
            "answered": int,
            "top_clause": str,
            "top_score": float,
            "confidence": float,
            "intent": str,
            "latency_ms": float,
            "session": str,  # keyed hash of the client's session id, never the id itself
            "channel": str,  # api, page
        },
        pk="id",
        not_null={"asked_at", "question", "kind", "answered"},
    )
    db["questions"].create_index(["asked_at"])


@migrations()
def m002_feedback(db: Database):
    db["feedback"].create(
        {"question_id": str, "helpful": int, "given_at": str},
        pk="question_id",
        foreign_keys=[("question_id", "questions", "id")],
        not_null={"helpful", "given_at"},
    )


@migrations()
def m003_requests(db: Database):
    # Rights requests and child's-data reports (see intake). Never deleted by purges.
    db["requests"].create(
        {
            "id": int,
            "reference": str,  # human-friendly, unique, e.g. "BM-7KQ2-9XHD"
            "type": str,  # access, portability, correction, deletion, objection, marketing_opt_out, child_data
            "status": str,  # new, in progress, waiting for requester, done, refused
            "urgent": int,  # 1 for child's-data reports
            "name": str,
            "email": str,
            "details": str,
            "extra": str,  # JSON object of type-specific fields (child_age, relationship, ...)
            "received_at": str,  # ISO 8601, UTC
            "due_date": str,  # ISO date: min(received + 30 days, received + 1 calendar month)
            "updated_at": str,
            "updated_by": str,
            "notes": str,
            "question_id": str,  # the ask that handed off, if any
        },
        pk="id",
        not_null={"reference", "type", "status", "urgent", "name", "email", "details", "received_at", "due_date"},
        defaults={"status": "new", "urgent": 0, "extra": "{}"},
    )
    db["requests"].create_index(["reference"], unique=True)
    db["requests"].create_index(["status", "due_date"])


# Staff side (issue 4): migrations m010+ so they never clash with other areas' names.
@migrations()
def m010_users(db: Database):
    # Staff accounts. Usernames are stored case-folded; passwords only as argon2id hashes.
    db["users"].create(
        {"id": int, "username": str, "role": str, "password_hash": str, "created_at": str,
         "password_changed_at": str},
        pk="id",
        not_null={"username", "role", "password_hash", "created_at"},
    )
    db["users"].create_index(["username"], unique=True)
    # One row per signed-in browser: the cookie carries a random token, this table its
    # hash. Deleting the row (logout, password change) makes the cookie worthless.
    db["staff_sessions"].create(
        {"token_hash": str, "user_id": int, "created_at": str},
        pk="token_hash",
        foreign_keys=[("user_id", "users", "id")],
        not_null={"user_id", "created_at"},
    )
    db["staff_sessions"].create_index(["user_id"])


@migrations()
def m011_request_events(db: Database):
    # Who changed what on a rights request, and when (the queue's history).
    db["request_events"].create(
        {"id": int, "request_id": int, "at": str, "by": str, "field": str, "old": str, "new": str},
        pk="id",
        foreign_keys=[("request_id", "requests", "id")],
        not_null={"request_id", "at", "by", "field"},
    )
    db["request_events"].create_index(["request_id", "at"])


@migrations()
def m012_review(db: Database):
    # Alternate phrasings linked by editors; retrieval indexes them with their clause.
    db["phrasings"].create(
        {"id": int, "clause_id": str, "phrasing": str, "review_key": str, "created_by": str, "created_at": str},
        pk="id",
        not_null={"clause_id", "phrasing", "created_by", "created_at"},
    )
    # What an editor decided about a (normalised) question: linked, dismissed, not_covered.
    db["review_decisions"].create(
        {"review_key": str, "action": str, "text": str, "clause_id": str, "phrasing_id": int,
         "count": int, "decided_by": str, "decided_at": str},
        pk="review_key",
        not_null={"action", "text", "decided_by", "decided_at"},
    )
    # Monotonic counters; "phrasings" tells every worker when to rebuild its index.
    db["counters"].create({"name": str, "value": int}, pk="name", not_null={"value"})
    db["counters"].insert({"name": "phrasings", "value": 0})


# Answering (issue 11): migrations m020+.
@migrations()
def m020_question_outcomes(db: Database):
    # Why a question was not answered, which clause a visitor picked from "did you mean ...",
    # and the question that asked back; the question model's likeliest topic.
    db["questions"].add_column("reason", str)
    db["questions"].add_column("choice", str)
    db["questions"].add_column("clarifies", str)
    db["questions"].add_column("topic", str)


# Health (issue 12): migrations m030+.
@migrations()
def m030_health(db: Database):
    # One row that /healthz updates (at most once a second per worker) to prove a write commits now.
    db["health"].create({"id": int, "probed_at": str, "probes": int}, pk="id", not_null={"probes"})
    db["health"].insert({"id": 1, "probed_at": None, "probes": 0})


# Mail and verification (issue 14, part A): migrations m050+.
@migrations()
def m050_verification_and_outbox(db: Database):
    # A request is stored at once, unverified, until the requester proves the address (code or link),
    # or an agent marks it verified by other means (verified_by their username, verify_note the reason).
    # Requests stored before this migration were accepted without it and count as verified.
    db["requests"].add_column("verified", int, not_null_default=0)
    db["requests"].add_column("verified_at", str)
    db["requests"].add_column("verified_by", str)
    db["requests"].add_column("verify_note", str)
    db["requests"].add_column("language", str, not_null_default="en")
    # What the requester is told when the request is closed (done or refused): mailed and shown on the
    # status page, unlike the staff-only notes.
    db["requests"].add_column("outcome", str)
    db.execute("update requests set verified = 1, verified_by = 'system', verify_note = 'received before e-mail "
               "verification existed'")
    db["requests"].create_index(["verified", "received_at"])
    # One-time codes, stored only as a keyed hash. purpose: verify (the address) or status (a status lookup).
    db["request_codes"].create(
        {"id": int, "request_id": int, "purpose": str, "code_hash": str, "created_at": str, "expires_at": str,
         "attempts": int, "used_at": str},
        pk="id",
        foreign_keys=[("request_id", "requests", "id")],
        not_null={"request_id", "purpose", "code_hash", "created_at", "expires_at", "attempts"},
        defaults={"attempts": 0},
    )
    db["request_codes"].create_index(["request_id", "purpose", "created_at"])
    # Messages waiting for the mail worker (flask mail send), and what became of them.
    # status: queued, sending (claimed by a worker), sent, failed (gave up; agents see it).
    db["outbox"].create(
        {"id": int, "kind": str, "request_id": int, "to_addr": str, "subject": str, "body_text": str,
         "body_html": str, "language": str, "status": str, "attempts": int, "created_at": str,
         "next_attempt_at": str, "claimed_at": str, "sent_at": str, "last_error": str},
        pk="id",
        foreign_keys=[("request_id", "requests", "id")],
        not_null={"kind", "to_addr", "subject", "body_text", "status", "attempts", "created_at", "next_attempt_at"},
        defaults={"status": "queued", "attempts": 0, "language": "en"},
    )
    db["outbox"].create_index(["status", "next_attempt_at"])
    db["outbox"].create_index(["request_id"])


# A request's life (issue 14, part B): migrations m055+.
@migrations()
def m055_request_lifecycle(db: Database):
    # An extension (GDPR Art. 12(3)): once, by up to two months, with the reason the requester is told.
    for column in ("extended_due", "extension_reason", "extended_at", "extended_by"):
        db["requests"].add_column(column, str)
    # When the request was last closed (done or refused), for the public record's "days to close" and "on time".
    db["requests"].add_column("closed_at", str)
    # `public`: the requester may see this event on the status page (received, verified, extended, closed);
    # `reason`: the words shown with it (an extension's or a refusal's reason). Never internal notes.
    db["request_events"].add_column("public", int, not_null_default=0)
    db["request_events"].add_column("reason", str)
    db.execute("update request_events set field = 'note' where field = 'notes'")
    db.execute("update request_events set public = 1 where field = 'status' and new in ('done', 'refused')")
    # Requests stored before events existed get the event that opened them, so every trail starts there.
    db.execute("insert into request_events (request_id, at, by, field, new, public) "
               "select id, received_at, 'requester', 'created', type, 1 from requests where not exists "
               "(select 1 from request_events e where e.request_id = requests.id and e.field = 'created')")
    db.execute("update requests set closed_at = coalesce(updated_at, received_at) "
               "where status in ('done', 'refused') and closed_at is null")
    db["requests"].create_index(["received_at"])


# Editors' insight (issue 15): migrations m060+.
@migrations()
def m060_review_batches(db: Database):
    # One editor action on a cluster decides each of its wordings; they share a batch id, and undo undoes them all.
    db["review_decisions"].add_column("batch", str)
    db["review_decisions"].create_index(["batch"])
    db["review_decisions"].create_index(["action", "decided_at"])


@migrations()
def m061_review_splits(db: Database):
    # Wordings an editor split off their cluster: each is reviewed on its own until rejoined.
    db["review_splits"].create({"review_key": str, "split_by": str, "split_at": str}, pk="review_key",
                               not_null={"split_by", "split_at"})


@migrations()
def m062_insight_indexes(db: Database):
    # The review list reads the questions needing review (not answered, asked back, unsure answers) and the
    # dashboard counts by day: both without a scan of a large log.
    db["questions"].create_index(["answered", "kind", "asked_at"])
    db["questions"].create_index(["answered", "confidence"])
    db["feedback"].create_index(["helpful", "question_id"])


# Policy versions (issue 16): migrations m070+.
@migrations()
def m070_policy_versions(db: Database):
    # Every published text of the policy, never changed once written. Version 1 is recorded from
    # corpus/privacy-policy.md at the first start (app/platform/policystore.py).
    db["policy_versions"].create(
        {
            "number": int,
            "effective": str,  # ISO date the version takes effect (India)
            "published_by": str,
            "published_at": str,  # ISO 8601, UTC
            "sha256": str,  # of the text, as UTF-8
            "text": str,  # the Markdown source, verbatim
            "ids": str,  # JSON list: the lasting id of each clause, in document order (app/engine/lineage.py)
            "successors": str,  # JSON object: previous version's clause id -> ids here that carry it on
            "report": str,  # JSON: the publish check's report, as stored with the version
        },
        pk="number",
        not_null={"effective", "published_by", "published_at", "sha256", "text", "ids", "successors"},
    )
    # Goes up with every publish: each worker reloads the version in force before its next request.
    db["counters"].insert({"name": "policy", "value": 0}, ignore=True)


@migrations()
def m071_question_policy_version(db: Database):
    # The policy version a question was answered from: its clause ids are that version's.
    db["questions"].add_column("policy_version", int)


def now_iso(timespec: str = "milliseconds") -> str:
    """The current UTC time as stored in every table: ISO 8601, e.g. "2026-11-25T09:38:00.123+00:00"."""
    return datetime.now(timezone.utc).isoformat(timespec=timespec)


class StorageError(RuntimeError):
    """The database could not be written."""


class DatabaseMissing(StorageError):
    """The database file is not where DATABASE says (deleted or moved while the app runs)."""


class SchemaError(StorageError):
    """The database file is not one this app can migrate (half-made, or made by something else)."""


# What a request's connection may never do: a write to a table that is not there must fail,
# not create a makeshift table (sqlite-utils' insert() would) that later blocks the migrations.
_SCHEMA_CHANGES = frozenset(getattr(sqlite3, name) for name in (
    "SQLITE_CREATE_TABLE", "SQLITE_CREATE_INDEX", "SQLITE_CREATE_VIEW", "SQLITE_CREATE_TRIGGER",
    "SQLITE_DROP_TABLE", "SQLITE_DROP_INDEX", "SQLITE_DROP_VIEW", "SQLITE_DROP_TRIGGER", "SQLITE_ALTER_TABLE"))


def _refuse_schema_changes(action, *_args):
    return sqlite3.SQLITE_DENY if action in _SCHEMA_CHANGES else sqlite3.SQLITE_OK


def connect(path: str | Path, timeout: float = 5.0, create: bool = False) -> Database:
    """Open the database at `path` with the settings every connection needs.

    By default the file must exist (a deleted database is an error, never a new
    empty file) and the connection cannot change the schema. `create=True` is for
    start-up and tools that run the migrations: it creates the file if needed.
    """
    uri = Path(path).absolute().as_uri() + ("?mode=rwc" if create else "?mode=rw")
    conn = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")
    if not create:
        conn.set_authorizer(_refuse_schema_changes)
    db = Database(conn)
    db.file_id, db.timeout = _file_id(path), timeout
    return db


def _file_id(path: str | Path) -> tuple[int, int] | None:
    """(device, inode) of the file at `path`, None if there is none: tells a replaced or deleted database."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def is_current(db: Database, path: str | Path) -> bool:
    """Whether `db` is still connected to the file at `path` (not to a deleted or replaced one)."""
    current = _file_id(path)
    return current is not None and getattr(db, "file_id", current) == current


@contextmanager
def waiting(db: Database, seconds: float):
    """Within the block, wait at most `seconds` for another process's write lock."""
    db.conn.execute(f"PRAGMA busy_timeout = {max(0, int(seconds * 1000))}")
    try:
        yield db
    finally:
        db.conn.execute(f"PRAGMA busy_timeout = {int(getattr(db, 'timeout', 5.0) * 1000)}")


@contextmanager
def write(db: Database, durable: bool = False):
    """Run the block as one write transaction, holding the write lock from the start.

    Connections run with synchronous=NORMAL, the usual setting for WAL: a commit
    survives the process crashing, but the last commits before a power cut or an
    OS crash may be lost. That is accepted for the question log. `durable=True`
    (rights requests, which the visitor is given a reference for) makes this
    commit wait until it is on disk (synchronous=FULL; about 0.1 ms more).
    """
    if durable:
        db.conn.execute("PRAGMA synchronous = FULL")  # not allowed inside a transaction
    try:
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            raise
        else:
            try:
                db.conn.execute("COMMIT")
            except BaseException:
                if db.conn.in_transaction:  # a failed COMMIT keeps the transaction open: end it here
                    db.conn.execute("ROLLBACK")
                raise
    finally:
        if durable:
            db.conn.execute("PRAGMA synchronous = NORMAL")


def migrate(db: Database, path: str | Path = "the database") -> None:
    """Bring the schema up to date; safe when several processes start at once.

    Raises SchemaError, naming the file, when the file holds tables but no record
    of our migrations (half-made by something else) or a migration fails.
    """
    db.enable_wal()
    with write(db):
        tables = set(db.table_names())
        if tables and Migrations.migrations_table not in tables:
            raise SchemaError(
                f"{path}: has tables ({', '.join(sorted(tables))}) but no record of migrations, so it was not made "
                "by this app (or a write created tables in an empty file). Move it aside and restore a backup, "
                "or remove it to start with an empty database.")
        try:
            migrations.apply(db)
        except sqlite3.Error as exc:
            raise SchemaError(f"{path}: the schema could not be brought up to date ({exc}). The file is left "
                              "as it was; restore a backup or move it aside.") from exc


def database_path(app) -> Path:
    return Path(app.config["DATABASE"])


def get_db() -> Database:
    """The request's connection: this worker's own, opened on first use and kept for the next requests."""
    if "db" not in g:
        app = current_app._get_current_object()
        _hold_open(app)
        g.db = _worker_connection(app)
    return g.db


def _worker_connection(app) -> Database:
    """This process's and thread's connection, reopened when DATABASE or DATABASE_TIMEOUT changed.

    Opening a connection costs more than answering a question: the first statement
    on it reads and parses the whole schema (about 0.15 ms of the 0.6 ms a health
    check took). Kept per thread, as a connection must serve one transaction at a
    time, and per process, as it must never cross a fork.
    """
    local = app.extensions.get("db_local")
    if local is None:
        local = app.extensions.setdefault("db_local", threading.local())
    settings = (os.getpid(), database_path(app), app.config["DATABASE_TIMEOUT"])
    current = getattr(local, "db", None)
    # One stat() per request: a database deleted or replaced under us is noticed at once,
    # instead of writing on into an unlinked file.
    if current is not None and local.settings == settings and is_current(current, settings[1]):
        return current
    if current is not None and local.settings[0] == os.getpid():
        current.conn.close()
    local.db = local.settings = None
    local.db = connect(settings[1], settings[2])
    local.settings = settings
    return local.db


def _hold_open(app) -> None:
    """Keep one idle connection to the database open in this process for the app's lifetime.

    When the last connection to a WAL database closes, SQLite checkpoints the WAL
    and deletes it, and the next connection creates it again: about 1.5 ms.
    The request connections are kept too (see _worker_connection), but are
    reopened when the settings change; this one keeps the WAL in between.
    (SQLite still checkpoints automatically every 1000 pages.) Opened lazily, in
    the process that serves requests: a connection must never cross a fork.
    """
    held = app.extensions.setdefault("db_held", {})
    pid = os.getpid()
    if pid in held and not is_current(held[pid], database_path(app)):
        held.pop(pid).conn.close()  # the file was deleted or replaced: let go of the old one
    if pid not in held:
        # An entry inherited through fork() is kept referenced, never closed here.
        db = connect(database_path(app), app.config["DATABASE_TIMEOUT"])
        db.execute("PRAGMA schema_version").fetchone()  # opens the file and the WAL
        held[pid] = db
        weakref.finalize(app, _close_in, pid, db)


def _close_in(pid: int, db: Database) -> None:
    if os.getpid() == pid:
        db.conn.close()


def close_db(_exc=None) -> None:
    """End of a request: the connection stays open for the next one, never inside a transaction."""
    db = g.pop("db", None)
    if db is not None and db.conn.in_transaction:
        db.conn.execute("ROLLBACK")


def init_app(app) -> None:
    """Create the database file and schema if needed, and close connections after requests."""
    path = database_path(app)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = connect(path, app.config["DATABASE_TIMEOUT"], create=True)
    try:
        migrate(db, path)
    finally:
        db.conn.close()
    app.teardown_appcontext(close_db)

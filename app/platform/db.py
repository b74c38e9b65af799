"""Storage: SQLite by default, PostgreSQL when FLASK_DATABASE is a postgresql:// URL; one code path for both.

    >>> db = get_db()                       # in a request: this worker's pooled connection
    >>> with write(db):
    ...     db.insert("questions", {...})
    ...     db.execute("update counters set value = value + 1 where name = :name", {"name": "phrasings"})

SQLAlchemy Core speaks both dialects: statements are written once, as `text()` with named parameters or as Core
constructs over the tables in app/platform/schema.py, and Alembic migrations (app/platform/alembic/) build the
same schema on both. Connections run in autocommit mode; every write runs in `write()`, one transaction:

- SQLite: `BEGIN IMMEDIATE` takes the one write lock up front and waits up to DATABASE_TIMEOUT for it, so no
  worker sees "database is locked" in the middle of a transaction. WAL mode lets readers work meanwhile.
- PostgreSQL: a READ COMMITTED transaction. Writers do not queue behind one lock; the few read-then-write steps
  lock the rows they change (`select ... for update`, written with Core's `with_for_update()`, which SQLite's
  dialect leaves out since its write lock already covers them), counters are bumped with one atomic UPDATE, and
  references stay unique by the unique index and a retry (app/visitors/intake.py). `lock_timeout` is
  DATABASE_TIMEOUT.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import sqlite3
import threading
import time
import weakref
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from flask import current_app, g
from sqlalchemy import exc as sa_exc
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.pool import NullPool, QueuePool

from . import schema
from .config import number_problem
from .locks import ForkSafeLock

# What a database fault looks like from either driver: SQLAlchemy wraps the driver's errors in DBAPIError;
# sqlite3's own errors reach us from the SQLite-only tools (backups, the legacy migrations).
ERRORS = (sa_exc.DBAPIError, sqlite3.Error)
IntegrityError = sa_exc.IntegrityError
DataError = sa_exc.DataError  # a value the database cannot hold (PostgreSQL: NUL in text)


def now_iso(timespec: str = "milliseconds") -> str:
    """The current UTC time as stored in every table: ISO 8601, e.g. "2026-11-25T09:38:00.123+00:00"."""
    return datetime.now(timezone.utc).isoformat(timespec=timespec)


class StorageError(RuntimeError):
    """The database could not be written."""


class DatabaseMissing(StorageError):
    """The database file is not where DATABASE says (deleted or moved while the app runs)."""


class SchemaError(StorageError):
    """The database is not one this app can migrate (half-made, or made by something else)."""


class DatabaseUnreachable(StorageError):
    """Start-up could not connect to the database (a server that is down, a wrong host, port, name or password)."""


class DatabaseURLError(ValueError):
    """FLASK_DATABASE names a kind of database this app cannot use."""


@dataclass(frozen=True)
class Target:
    """Where the data lives: a SQLite file (`path`) or a PostgreSQL server (`url`)."""

    kind: str  # "sqlite" or "postgresql"
    url: str  # for SQLAlchemy
    path: Path | None = None  # SQLite only

    @property
    def shown(self) -> str:
        """For messages and logs: the file, or the URL without its password."""
        if self.path is not None:
            return str(self.path)
        return sa.engine.make_url(self.url).set(drivername="postgresql").render_as_string(hide_password=True)


_URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
_POSTGRES_SCHEMES = {"postgresql", "postgres", "postgresql+psycopg"}


def parse_target(value: str | Path) -> Target:
    """FLASK_DATABASE as a Target: a path (or sqlite:///path) is a SQLite file, postgresql://... a server."""
    if not isinstance(value, (str, Path)):
        # str() of anything else is no name: a Database passed by mistake made a SQLite file named "<app.platform...>"
        raise DatabaseURLError(f"FLASK_DATABASE must be a path or a URL; a database is not named by a "
                               f"{type(value).__name__}")
    return _parse_target(str(value))


@functools.lru_cache(maxsize=64)
def _parse_target(value: str) -> Target:
    # Cached: every request looks its database up (a regex and a Path each time).
    match = _URL.match(value)
    if match is None:
        return Target("sqlite", "sqlite://", Path(value))
    scheme = match.group(1).lower()
    if scheme == "sqlite":
        # SQLAlchemy's form: sqlite:///relative/path, sqlite:////absolute/path (no host between // and /).
        rest = value[match.end():]
        path = rest[1:] if rest.startswith("/") else ""
        if not path:
            raise DatabaseURLError(f"FLASK_DATABASE={value!r}: a SQLite URL needs a file, e.g. "
                                   "sqlite:////var/lib/pa.sqlite (four slashes before an absolute path)")
        return Target("sqlite", "sqlite://", Path(path))
    if scheme in _POSTGRES_SCHEMES:
        try:
            url = sa.engine.make_url(value).set(drivername="postgresql+psycopg")
        except (sa_exc.ArgumentError, ValueError):  # ValueError: a port that is not a number
            # Not the URL itself in the message: it may hold a password.
            raise DatabaseURLError("FLASK_DATABASE: not a valid PostgreSQL URL; the form is "
                                   "postgresql://user:password@host:port/database (the port a number, special "
                                   "characters in the password %-encoded)") from None
        if not url.database:
            raise DatabaseURLError("FLASK_DATABASE: the PostgreSQL URL names no database, e.g. "
                                   "postgresql://assistant@db.internal/assistant")
        return Target("postgresql", url.render_as_string(hide_password=False))
    raise DatabaseURLError(
        f"FLASK_DATABASE is a {scheme}:// URL, which this app cannot use. Give a path to a SQLite file "
        "(e.g. /var/lib/policy-assistant/pa.sqlite) or a postgresql:// URL.")


# The storage settings that are numbers: what each one measures, whether 0 is allowed, whether it must be whole.
NUMBER_SETTINGS = {
    "DATABASE_TIMEOUT": ("seconds", False, False),
    "QUESTION_LOG_WAIT": ("seconds", True, False),
    "QUESTION_LOG_BATCH": ("seconds", True, False),
    "QUESTION_SPOOL_MAX_BYTES": ("bytes", True, True),
    "HEALTH_PROBE_INTERVAL": ("seconds", True, False),
    "HEALTH_WAIT": ("seconds", True, False),
    "HEALTH_MIN_FREE_BYTES": ("bytes", True, True),
}


class SettingError(ValueError):
    """A storage setting that cannot work (a timeout that is not a number, a negative size)."""


def check_settings(config) -> None:
    """Raise SettingError, naming the FLASK_ variable, for a storage number that cannot work.

    A bad value would otherwise surface later, deep inside a driver (a TypeError at the first connection) or as
    a PostgreSQL lock_timeout of 0, which means waiting for ever.
    """
    for key, (unit, zero_allowed, whole) in NUMBER_SETTINGS.items():
        if key not in config:
            continue  # the module's default, set when it starts
        problem = number_problem(key, config[key], unit, zero_allowed, whole)
        if problem:
            raise SettingError(problem)


def target_of(app) -> Target:
    return parse_target(app.config["DATABASE"])


def database_path(app) -> Path:
    """The SQLite file (the SQLite-only tools: backups, fault checks). Raises for a PostgreSQL database."""
    target = target_of(app)
    if target.path is None:
        raise StorageError("this command works on a SQLite file; FLASK_DATABASE is a PostgreSQL URL")
    return target.path


# What a request's connection may never do: a write to a table that is not there must fail,
# not create a makeshift table that later blocks the migrations.
_SCHEMA_CHANGES = frozenset(getattr(sqlite3, name) for name in (
    "SQLITE_CREATE_TABLE", "SQLITE_CREATE_INDEX", "SQLITE_CREATE_VIEW", "SQLITE_CREATE_TRIGGER",
    "SQLITE_DROP_TABLE", "SQLITE_DROP_INDEX", "SQLITE_DROP_VIEW", "SQLITE_DROP_TRIGGER", "SQLITE_ALTER_TABLE"))


def _refuse_schema_changes(action, *_args):
    return sqlite3.SQLITE_DENY if action in _SCHEMA_CHANGES else sqlite3.SQLITE_OK


def sqlite_connect(path: str | Path, timeout: float = 5.0, create: bool = False) -> sqlite3.Connection:
    """A raw SQLite connection with the settings every connection needs (the engine's `creator`).

    By default the file must exist (a deleted database is an error, never a new empty file) and the
    connection cannot change the schema. `create=True` is for the migrations: it creates the file if needed.
    """
    uri = Path(path).absolute().as_uri() + ("?mode=rwc" if create else "?mode=rw")
    conn = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")
    if not create:
        conn.set_authorizer(_refuse_schema_changes)
    return conn


# Connections a worker's pool keeps open between requests: one for each thread that may hold one at once.
# serving.ThreadWorker sets it to gunicorn's --threads. Each request takes one, and more are opened whenever
# more threads need one (the pool has no upper bound), but a pool smaller than the threads closed the spare
# ones as their requests ended: under the load test one worker opened 206 SQLite connections in a few seconds
# (each reads and parses the whole schema at its first statement), and with 32 kept none after its first 20.
POOL_SIZE = 16


def keep_connections(threads: int) -> None:
    """Keep up to `threads` connections open in each pool made from now on (the serving worker's thread count)."""
    global POOL_SIZE
    POOL_SIZE = max(1, int(threads))


def make_engine(target: Target, timeout: float = 5.0, create: bool = False, pooled: bool = True) -> sa.Engine:
    """An engine in autocommit mode (transactions are `write()`'s), pooled for a worker, or not for a tool."""
    pool = dict(poolclass=QueuePool, pool_size=POOL_SIZE, max_overflow=-1) if pooled else dict(poolclass=NullPool)
    if target.kind == "sqlite":
        path = target.path
        # Looked up at each connect, so a test can put a faulty connection in its place.
        engine = sa.create_engine("sqlite://", creator=lambda: sqlite_connect(path, timeout, create),
                                  isolation_level="AUTOCOMMIT", **pool)
        engine.file_id = _file_id(path)
        return engine
    options = f"-c lock_timeout={int(timeout * 1000)} -c idle_in_transaction_session_timeout=60000"
    return sa.create_engine(target.url, isolation_level="AUTOCOMMIT", pool_pre_ping=pooled,
                            connect_args={"connect_timeout": max(1, round(timeout)), "options": options}, **pool)


def _file_id(path: str | Path) -> tuple[int, int] | None:
    """(device, inode) of the file at `path`, None if there is none: tells a replaced or deleted database."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


@functools.lru_cache(maxsize=1024)
def _text(sql: str) -> sa.TextClause:
    return sa.text(sql)


@functools.lru_cache(maxsize=256)
def _driver_sql(dialect: sa.Dialect, sql: str) -> str:
    """`sql` (named parameters, `:name`) as the driver takes it: sqlite3 reads `:name` itself, psycopg `%(name)s`."""
    if dialect.name == "sqlite":
        return sql
    return str(_text(sql).compile(dialect=dialect))


class Database:
    """One connection, with the few helpers every module uses. Statements take named parameters (:name)."""

    def __init__(self, conn: sa.Connection, target: Target, timeout: float = 5.0, engine: sa.Engine | None = None):
        self.conn, self.target, self.timeout = conn, target, timeout
        self.wait = timeout  # how long the next write waits for the lock (`waiting()` changes it for a block)
        self._own_engine = engine  # disposed on close (a tool's unpooled engine)

    @property
    def kind(self) -> str:
        return self.target.kind

    def execute(self, statement, params: dict | list | None = None) -> sa.CursorResult:
        if isinstance(statement, str):
            statement = _text(statement)
        return self.conn.execute(statement, params or {})

    def run(self, sql: str, params: dict | None = None):
        """Run one statement straight on the driver's connection; returns its DB-API cursor (rows are tuples).

        For the few statements of every request (BEGIN, COMMIT and the lock wait's PRAGMAs in `write()`, the
        question log's INSERT, the index's version check): SQLAlchemy's `execute` costs 15 to 30 us a statement in
        Python, more than SQLite takes to run most of them. The SQL is the same named-parameter text `execute`
        takes, on both databases; a driver's error is raised as SQLAlchemy's (`IntegrityError`,
        `OperationalError`, ... with `.orig`), and a connection the server dropped is thrown away, as `execute`
        would.
        """
        return self._on_driver(sql, params or {}, "execute")  # always parameters: psycopg then reads "%%" as "%"

    def run_many(self, sql: str, rows: list[dict]) -> None:
        """`run` for many rows at once (the driver's executemany): the question log's batches."""
        self._on_driver(sql, rows, "executemany").close()

    def _on_driver(self, sql: str, params, method: str):
        dialect = self.conn.dialect
        raw = self.conn.connection.dbapi_connection
        statement = _driver_sql(dialect, sql)
        cursor = raw.cursor()
        try:
            getattr(cursor, method)(statement, params)
        except dialect.loaded_dbapi.Error as exc:
            disconnected = dialect.is_disconnect(exc, raw, cursor)
            if disconnected:
                self.conn.invalidate(exc)
            raise sa_exc.DBAPIError.instance(statement, params, exc, dialect.loaded_dbapi.Error,
                                             connection_invalidated=disconnected, dialect=dialect) from exc
        return cursor

    def query(self, statement, params: dict | None = None) -> list[dict]:
        """Every row, as dicts."""
        return [dict(row) for row in self.execute(statement, params).mappings()]

    def one(self, statement, params: dict | None = None) -> dict | None:
        row = self.execute(statement, params).mappings().first()
        return dict(row) if row is not None else None

    def scalar(self, statement, params: dict | None = None) -> Any:
        return self.execute(statement, params).scalar()

    def insert(self, table: str, row: dict, on_conflict: str | None = None) -> Any:
        """Insert `row`; returns its primary key (None when `on_conflict="ignore"` skipped it).

        on_conflict: None (a duplicate key raises IntegrityError), "ignore" or "replace" (the row wins).
        """
        t = schema.metadata.tables[table]
        dialect = pg_dialect if self.kind == "postgresql" else sqlite_dialect
        statement = dialect.insert(t).values(row)
        keys = [c.name for c in t.primary_key.columns]
        if on_conflict == "ignore":
            statement = statement.on_conflict_do_nothing(index_elements=keys)
        elif on_conflict == "replace":
            statement = statement.on_conflict_do_update(
                index_elements=keys, set_={name: statement.excluded[name] for name in row if name not in keys})
        elif on_conflict is not None:
            raise ValueError(f"on_conflict: {on_conflict!r}")
        key = self.conn.execute(statement.returning(*t.primary_key.columns)).first()
        return None if key is None else key[0]

    def update(self, table: str, key: Any, values: dict) -> int:
        t = schema.metadata.tables[table]
        (pk,) = t.primary_key.columns
        return self.conn.execute(sa.update(t).where(pk == key).values(values)).rowcount

    def delete(self, table: str, key: Any) -> int:
        t = schema.metadata.tables[table]
        (pk,) = t.primary_key.columns
        return self.conn.execute(sa.delete(t).where(pk == key)).rowcount

    def get(self, table: str, key: Any, for_update: bool = False) -> dict | None:
        """The row with this primary key; `for_update` locks it until the transaction ends (PostgreSQL)."""
        t = schema.metadata.tables[table]
        (pk,) = t.primary_key.columns
        statement = sa.select(t).where(pk == key)
        if for_update:
            statement = statement.with_for_update()
        return self.one(statement)

    def count(self, table: str) -> int:
        return self.scalar(sa.select(sa.func.count()).select_from(schema.metadata.tables[table]))

    def table_names(self) -> list[str]:
        return sorted(sa.inspect(self.conn).get_table_names())

    def in_transaction(self) -> bool:
        if self.conn.invalidated:
            return False  # the server dropped the connection, and its transaction with it
        raw = self.conn.connection.dbapi_connection
        if self.kind == "sqlite":
            return raw.in_transaction
        import psycopg

        return raw.info.transaction_status != psycopg.pq.TransactionStatus.IDLE

    def close(self) -> None:
        try:
            if not self.conn.closed and self.in_transaction():
                self.run("ROLLBACK")
        except ERRORS:
            pass
        finally:
            self.conn.close()
            if self._own_engine is not None:
                self._own_engine.dispose()


def connect(target: Target | str | Path, timeout: float = 5.0, create: bool = False) -> Database:
    """A connection of its own, for tools, commands and threads outside requests; `close()` it when done."""
    if not isinstance(target, Target):
        target = parse_target(target)
    engine = make_engine(target, timeout, create=create, pooled=False)
    try:
        conn = engine.connect()
    except BaseException:
        engine.dispose()
        raise
    return Database(conn, target, timeout, engine=engine)


def connect_app(app) -> Database:
    return connect(target_of(app), app.config["DATABASE_TIMEOUT"])


@contextmanager
def waiting(db: Database, seconds: float):
    """Within the block, `write()` waits at most `seconds` for another writer's lock.

    On SQLite that is all it changes: `write()` sets the connection's busy timeout itself (in slices, see
    `_begin_immediate`) and puts it back after the transaction, so no statement is needed here.
    """
    if db.kind != "sqlite":
        db.run(f"SET lock_timeout = {max(1, int(seconds * 1000))}")
    db.wait = seconds
    try:
        yield db
    finally:
        db.wait = db.timeout
        if db.kind != "sqlite":
            db.run(f"SET lock_timeout = {int(db.timeout * 1000)}")


@contextmanager
def write(db: Database, durable: bool = False):
    """Run the block as one write transaction (on SQLite, holding the write lock from the start).

    SQLite connections run with synchronous=NORMAL, the usual setting for WAL: a commit survives the process
    crashing, but the last commits before a power cut or an OS crash may be lost. That is accepted for the
    question log. `durable=True` (rights requests, which the visitor is given a reference for) makes this commit
    wait until it is on disk (synchronous=FULL; about 0.1 ms more). PostgreSQL commits are durable already.
    """
    sqlite = db.kind == "sqlite"
    if db.conn.invalidated:
        db.conn.rollback()  # the server dropped the last connection (a restart): this transaction takes a new one
    if durable and sqlite:
        db.run("PRAGMA synchronous = FULL")  # not allowed inside a transaction
    try:
        if sqlite:
            turn = _begin_immediate(db)
        else:
            turn = None
            db.run("BEGIN")
        try:
            try:
                yield db
            except BaseException:
                if db.in_transaction():
                    db.run("ROLLBACK")
                raise
            else:
                try:
                    db.run("COMMIT")
                except BaseException:
                    if db.in_transaction():  # a failed COMMIT keeps the transaction open: end it here
                        db.run("ROLLBACK")
                    raise
        finally:
            if turn is not None:
                turn.release()
                _restore_busy_timeout(db)
    finally:
        if durable and sqlite:
            db.run("PRAGMA synchronous = NORMAL")


def _begin_immediate(db: Database) -> threading.Lock:
    """Take this process's turn to write the SQLite file, then its write lock; returns the turn to release.

    The threads of one process queue for their turn on a lock of the process, which wakes the next one the
    moment a write ends, so only one thread per process at a time waits in SQLite's busy handler. That handler
    polls with growing sleeps, up to 100 ms apart: with every thread of every worker polling, a writer that had
    waited a while slept through each short gap between other writers' transactions, and timed out after
    DATABASE_TIMEOUT (a rights request answered 503 under load) while newer writers went first.
    """
    turn = _writer_turn(db.target.path)
    started = time.monotonic()
    if not turn.acquire(timeout=max(0.0, db.wait)):
        raise sa_exc.OperationalError("BEGIN IMMEDIATE", {}, sqlite3.OperationalError(
            f"database is locked (other writers of this process held it for {db.wait:g} s)"))
    try:
        # SQLite's own wait for the other processes' writers, in slices: its busy handler's sleeps grow to 100 ms
        # within one call, and a writer sleeping that long misses the gaps between the others' transactions.
        deadline = started + db.wait
        busy_ms = None
        while True:
            slice_ms = min(_BUSY_SLICE_MS, max(0, int((deadline - time.monotonic()) * 1000)))  # ends by the deadline
            if slice_ms != busy_ms:
                db.run(f"PRAGMA busy_timeout = {slice_ms}")
                busy_ms = slice_ms
            try:
                db.run("BEGIN IMMEDIATE")
                return turn
            except sa_exc.OperationalError as exc:
                if "locked" not in str(exc.orig) or time.monotonic() >= deadline:
                    raise
    except BaseException:
        turn.release()
        _restore_busy_timeout(db)
        raise


_BUSY_SLICE_MS = 20


def _restore_busy_timeout(db: Database) -> None:
    """The connection's own busy timeout (DATABASE_TIMEOUT) again, for what runs outside `write()`."""
    # Never in place of the error being raised: a connection the driver gave up on refuses every statement.
    with contextlib.suppress(*ERRORS, sa_exc.InvalidRequestError):
        db.run(f"PRAGMA busy_timeout = {int(db.timeout * 1000)}")


_writer_turns: dict[str, threading.Lock] = {}
_writer_turns_lock = threading.Lock()


def _writer_turn(path: Path) -> threading.Lock:
    """The lock this process's writers of the SQLite file at `path` queue on."""
    key = _turn_key(path)
    turn = _writer_turns.get(key)  # made once per database: no lock needed to find it
    if turn is not None:
        return turn
    with _writer_turns_lock:
        turn = _writer_turns.get(key)
        if turn is None:
            turn = _writer_turns[key] = threading.Lock()
        return turn


def _turn_key(path: Path) -> str:
    return _absolute_key(path) or str(Path(path).absolute())  # a relative path: from the directory of the moment


@functools.lru_cache(maxsize=64)
def _absolute_key(path: Path) -> str | None:
    return str(path) if Path(path).is_absolute() else None  # once per database, not once a write


def _forget_writer_turns() -> None:
    # A fork copies a lock that another thread held at that moment, and never releases it in the child.
    global _writer_turns_lock
    _writer_turns_lock = threading.Lock()
    _writer_turns.clear()


os.register_at_fork(after_in_child=_forget_writer_turns)


# --- migrations -----------------------------------------------------------------------------------------------

ALEMBIC_BASELINE = "0001"  # the schema the legacy sqlite-utils migrations end at
# The newest revision in app/platform/alembic/versions/ (a test keeps them equal): a database already there
# starts without loading Alembic at all.
ALEMBIC_HEAD = "0004"
_MIGRATION_LOCK = 7_051_998  # PostgreSQL advisory lock key: one process migrates at a time


def alembic_config(db: Database):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "app.platform:alembic")
    config.attributes["connection"] = db.conn
    if not db.conn.in_transaction():
        # Alembic begins and commits a transaction of its own unless SQLAlchemy's connection is in one. It runs
        # inside write()'s, whose BEGIN went to the driver directly (Database.run), unseen by SQLAlchemy:
        # begin SQLAlchemy's (sends nothing in autocommit mode) so that Alembic leaves the transaction to write().
        db.conn.begin()
    return config


def migrate(target: Target | str | Path, timeout: float = 5.0) -> None:
    """Bring the schema up to date with Alembic; safe when several processes start at once.

    A SQLite file made before Alembic (by the sqlite-utils migrations in app/platform/legacy.py) is first
    brought to their last migration and stamped with the baseline revision. Raises SchemaError, naming the
    database, when it holds tables but no record of migrations, or a migration fails; DatabaseUnreachable when
    it cannot connect.
    """
    if not isinstance(target, Target):
        target = parse_target(target)
    try:
        db = connect(target, timeout, create=True)
    except ERRORS as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise DatabaseUnreachable(f"{target.shown}: cannot connect to the database ({reason}). Check FLASK_DATABASE "
                                  "and that the database server is running.") from exc
    try:
        if current_revision(db) == ALEMBIC_HEAD:
            return  # the usual start: up to date, and no write lock taken (others may be writing)
        if db.kind == "sqlite":
            _use_wal(db, timeout)
        with write(db):
            if db.kind == "postgresql":
                db.execute("select pg_advisory_xact_lock(:key)", {"key": _MIGRATION_LOCK})
            tables = set(db.table_names())
            if "alembic_version" in tables and current_revision(db) == ALEMBIC_HEAD:
                return
            from alembic import command

            config = alembic_config(db)
            try:
                if "alembic_version" not in tables and "_sqlite_migrations" in tables and db.kind == "sqlite":
                    _upgrade_legacy(db)
                    command.stamp(config, ALEMBIC_BASELINE)
                elif tables and "alembic_version" not in tables:
                    raise SchemaError(
                        f"{target.shown}: has tables ({', '.join(sorted(tables))}) but no record of migrations, so "
                        "it was not made by this app (or a write created tables in an empty database). Move it "
                        "aside and restore a backup, or remove it to start with an empty database.")
                command.upgrade(config, "head")
            except ERRORS as exc:
                raise SchemaError(f"{target.shown}: the schema could not be brought up to date ({exc}). It is left "
                                  "as it was; restore a backup or move it aside.") from exc
    finally:
        db.close()


def _use_wal(db: Database, timeout: float) -> None:
    """Put a SQLite file in WAL mode, waiting up to `timeout` seconds for another process's write to end.

    On a new file (still in rollback-journal mode) the pragma reads the header and then asks for the write
    lock. If another process holds it, SQLite answers "database is locked" at once, without its busy
    handler (waiting while holding a read lock could deadlock), so the wait is here.
    """
    deadline = time.monotonic() + timeout
    delay = 0.005
    while True:
        try:
            db.conn.exec_driver_sql("PRAGMA journal_mode = WAL")
            return
        except sa_exc.OperationalError as exc:
            if "locked" not in str(exc.orig) or time.monotonic() + delay > deadline:
                raise
        time.sleep(delay)
        delay = min(delay * 2, 0.1)


def _upgrade_legacy(db: Database) -> None:
    from sqlite_utils import Database as SqliteUtilsDatabase

    from .legacy import migrations as legacy_migrations

    legacy_migrations.apply(SqliteUtilsDatabase(db.conn.connection.dbapi_connection))


def india_date(db: Database, column: str) -> str:
    """SQL for the date in India (UTC+05:30, no summer time) of a stored UTC time (ISO 8601 text), "YYYY-MM-DD".

    The one expression the two databases spell differently; `column` is the caller's constant, never input.
    """
    if db.kind == "sqlite":
        return f"date({column}, '+330 minutes')"
    return f"to_char(({column})::timestamptz at time zone 'Asia/Kolkata', 'YYYY-MM-DD')"


def distinct_list(db: Database, expression: str) -> str:
    """SQL aggregating the distinct values of `expression` into one comma-separated text (the caller's constant)."""
    if db.kind == "sqlite":
        return f"group_concat(distinct {expression})"
    return f"string_agg(distinct {expression}, ',')"


def current_revision(db: Database) -> str | None:
    """The Alembic revision the database is at (None: not made by Alembic)."""
    if not sa.inspect(db.conn).has_table("alembic_version"):
        return None
    return db.scalar("select version_num from alembic_version")


# --- a request's connection -----------------------------------------------------------------------------------

def get_db() -> Database:
    """The request's connection, from this worker's pool (opened on first use and kept for the next requests)."""
    if "db" not in g:
        app = current_app._get_current_object()
        engine, target = _worker_engine(app)
        g.db = Database(engine.connect(), target, app.config["DATABASE_TIMEOUT"])
    return g.db


@contextmanager
def pooled(app):
    """A connection from this worker's pool for a thread outside requests (the question log's writer).

    `connect_app` opens a connection of its own, whose first statement reads the whole schema: fine for a tool,
    too dear for a thread that writes a few times a second.
    """
    engine, target = _worker_engine(app)
    db = Database(engine.connect(), target, app.config["DATABASE_TIMEOUT"])
    try:
        yield db
    finally:
        db.close()


def _worker_engine(app) -> tuple[sa.Engine, Target]:
    """This process's engine, made again when DATABASE or DATABASE_TIMEOUT changed or the file was replaced.

    Opening a SQLite connection costs more than answering a question (the first statement reads and parses
    the whole schema), so the pool keeps them open; and an open connection keeps the WAL file, which SQLite
    would otherwise checkpoint and delete whenever the last connection closes. An engine never crosses a fork.
    """
    engines = app.extensions.setdefault("db_engines", {})
    target = target_of(app)
    key = (os.getpid(), target, app.config["DATABASE_TIMEOUT"])
    # One stat() per request: a database deleted or replaced under us is noticed at once, instead of writing on
    # into an unlinked file. The usual case needs no lock: with 16 threads a worker, every request queued for it
    # (the stat() lets go of the interpreter while holding it).
    engine = engines.get(key)
    if engine is not None and (target.path is None or _file_id(target.path) == engine.file_id):
        return engine, target
    with _engines_lock:
        engine = engines.get(key)
        if engine is not None and target.path is not None and _file_id(target.path) != engine.file_id:
            engines.pop(key).dispose()
            engine = None
        if engine is None:
            for old in [k for k in engines if k[0] == os.getpid()]:
                engines.pop(old).dispose()
            engine = engines[key] = make_engine(target, key[2])
            weakref.finalize(app, _dispose_in, os.getpid(), engine)
    return engine, target


_engines_lock = ForkSafeLock()  # engines are per process already (keyed by pid); the lock must be too


def _dispose_in(pid: int, engine: sa.Engine) -> None:
    if os.getpid() == pid:
        engine.dispose()


def reset_connections(app) -> None:
    """Close this process's pooled connections: the next request opens new ones (tests of faults use it)."""
    with _engines_lock:
        engines = app.extensions.get("db_engines", {})
        for key in [k for k in engines if k[0] == os.getpid()]:
            engines.pop(key).dispose()


def close_db(_exc=None) -> None:
    """End of a request: the connection goes back to the pool, never inside a transaction."""
    db = g.pop("db", None)
    if db is not None:
        db.close()


def init_app(app) -> None:
    """Create the database (a SQLite file, if that is the kind) and schema if needed."""
    target = target_of(app)
    if target.path is not None:
        target.path.parent.mkdir(parents=True, exist_ok=True)
    migrate(target, app.config["DATABASE_TIMEOUT"])
    app.teardown_appcontext(close_db)

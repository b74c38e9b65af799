"""Storage: the question log (one row per question, personal data redacted), FLASK_DATABASE, the Alembic
migrations, concurrent workers and processes; on SQLite and again on PostgreSQL (marker `storage`)."""

import multiprocessing
import os
import re
import socket
import sqlite3
import threading
import time
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from app import ConfigurationError, create_app
from app.platform import db as storage
from app.platform import questionlog
from app.platform.db import connect, current_revision, migrate
from app.platform.schema import metadata

pytestmark = pytest.mark.storage
TABLES = {"questions", "feedback", "requests"}
AADHAAR = "2341 2341 2346"  # made up, with a valid Verhoeff check digit (see test_redact.py)


def ask(client, question, **extra):
    response = client.post("/api/ask", json={"question": question, **extra})
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.json


def test_each_ask_logs_one_row_with_its_fields(client, db):
    before = datetime.now(timezone.utc)
    data = ask(client, "Can I delete my account?")
    after = datetime.now(timezone.utc)
    rows = db.query("select * from questions")
    assert len(rows) == 1
    row = rows[0]
    assert row["id"] == data["question_id"]
    asked_at = datetime.fromisoformat(row["asked_at"])
    assert asked_at.utcoffset() == timedelta(0)
    assert before - timedelta(seconds=1) <= asked_at <= after
    assert row["question"] == "Can I delete my account?"
    assert (row["answered"], row["kind"]) == (1, "answer")
    assert row["top_clause"] == data["answer"]["clause_id"]
    assert row["top_score"] == data["citations"][0]["score"]
    assert row["intent"] == data["intent"]
    assert 0 < row["latency_ms"] < 5000
    assert row["channel"] == "api"


@pytest.mark.parametrize("question, answered, kind", [
    ("what's the capital of France", 0, "no_answer"),
    ("hello", 0, "smalltalk"),
    ("Do you sell my data?", 1, "answer"),
])
def test_unanswered_and_smalltalk_are_logged_too(client, db, question, answered, kind):
    data = ask(client, question)
    row = db.get("questions", data["question_id"])
    assert (row["answered"], row["kind"]) == (answered, kind)
    assert db.count("questions") == 1


def test_page_questions_are_logged_with_their_channel(client, db):
    client.get("/", query_string={"q": "Do you sell my data?"})
    assert db.query("select question, channel from questions") == [{"question": "Do you sell my data?",
                                                                     "channel": "page"}]


def test_session_is_stored_as_a_keyed_hash(client, db):
    first = ask(client, "Do you sell my data?", session="visitor-session-123")
    again = ask(client, "Can I delete my account?", session="visitor-session-123")
    other = ask(client, "Can I delete my account?", session="someone-else")
    none = ask(client, "Can I delete my account?")
    stored = {k: db.get("questions", v["question_id"])["session"]
              for k, v in {"first": first, "again": again, "other": other, "none": none}.items()}
    assert re.fullmatch(r"[0-9a-f]{16}", stored["first"])
    assert stored["first"] == stored["again"] != stored["other"]
    assert stored["none"] is None
    assert "visitor-session-123" not in stored.values()


@pytest.mark.parametrize("question, stored", [
    ("my email is priya.k@example.com, can I delete my account",
     "my email is [email], can I delete my account"),
    ("call me on +91 98765 43210 about my data", "call me on [phone] about my data"),
    ("call me on 98765 43210 about my data", "call me on [phone] about my data"),
    ("my UK number +44 20 7946 0958 got spam", "my UK number [phone] got spam"),
    ("is card 4111 1111 1111 1111 stored securely", "is card [card] stored securely"),
    (f"why do you need my aadhaar {AADHAAR}", "why do you need my aadhaar [aadhaar]"),
    ("what did section 6 say in 2023 about 30 days", "what did section 6 say in 2023 about 30 days"),
])
def test_personal_data_is_redacted_before_storage(client, db, app, question, stored):
    data = ask(client, question)
    assert db.get("questions", data["question_id"])["question"] == stored


@pytest.mark.sqlite_only
def test_raw_personal_data_never_reaches_the_database_files(client, app):
    ask(client, "I am priya.k@example.com, +91 98765 43210, card 4111 1111 1111 1111: delete my data")
    path = Path(app.config["DATABASE"])
    # The database, its WAL and the question spool (rows that wait there are redacted too).
    contents = b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*") if p.is_file())
    contents += b"".join(p.read_bytes() for p in path.parent.glob(path.name + ".spool/*"))
    assert b"delete my data" in contents  # the question is there ...
    for secret in (b"priya.k@example.com", b"98765 43210", b"4111 1111 1111 1111"):
        assert secret not in contents  # ... its personal data is not


@pytest.mark.sqlite_only
def test_database_is_in_wal_mode(db):
    assert db.scalar("PRAGMA journal_mode") == "wal"


# --- FLASK_DATABASE: a SQLite file or a PostgreSQL server ------------------------------------------------------

@pytest.mark.parametrize("value, path", [
    ("/var/lib/policy-assistant/pa.sqlite", "/var/lib/policy-assistant/pa.sqlite"),
    ("instance/pa.sqlite", "instance/pa.sqlite"),
    ("sqlite:////var/lib/policy-assistant/pa.sqlite", "/var/lib/policy-assistant/pa.sqlite"),  # SQLAlchemy's form
    ("sqlite:///instance/pa.sqlite", "instance/pa.sqlite"),
    ("SQLite:///pa.sqlite", "pa.sqlite"),
])
def test_a_path_or_a_sqlite_url_is_a_sqlite_file(value, path):
    target = storage.parse_target(value)
    assert (target.kind, target.path, target.shown) == ("sqlite", Path(path), path)


def test_something_that_names_no_database_is_refused_not_made_a_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for value in (object(), 5, None):
        with pytest.raises(storage.DatabaseURLError, match="must be a path or a URL"):
            storage.connect(value, create=True)
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(ConfigurationError, match="FLASK_DATABASE must be a path or a URL"):
        create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": 5})


@pytest.mark.parametrize("value, url, shown", [
    ("postgresql://assistant:s3cret@db.internal:5433/assistant",
     "postgresql+psycopg://assistant:s3cret@db.internal:5433/assistant",
     "postgresql://assistant:***@db.internal:5433/assistant"),
    ("postgres://assistant@db.internal/pa", "postgresql+psycopg://assistant@db.internal/pa",
     "postgresql://assistant@db.internal/pa"),
    ("postgresql+psycopg://db.internal/pa?sslmode=require", "postgresql+psycopg://db.internal/pa?sslmode=require",
     "postgresql://db.internal/pa?sslmode=require"),
])
def test_a_postgresql_url_is_a_server_and_its_password_is_never_shown(value, url, shown):
    target = storage.parse_target(value)
    assert (target.kind, target.path, target.url, target.shown) == ("postgresql", None, url, shown)


@pytest.mark.parametrize("value, message", [
    ("mysql+pymysql://pa:s3cret@localhost/pa", r"is a mysql\+pymysql:// URL, which this app cannot use"),
    ("mongodb://localhost/pa", "is a mongodb:// URL, which this app cannot use"),
    ("file:///var/lib/pa.sqlite", "is a file:// URL, which this app cannot use"),
    ("sqlite://", "a SQLite URL needs a file"),
    ("sqlite://db.internal/pa.sqlite", "a SQLite URL needs a file"),
    ("postgresql://assistant:s3cret@db.internal", "the PostgreSQL URL names no database"),
    ("postgresql://assistant:s3cret@db.internal:5432/", "the PostgreSQL URL names no database"),
    ("postgresql://assistant:s3cret@db.internal:port/pa", "not a valid PostgreSQL URL"),
])
def test_a_database_that_cannot_be_used_stops_start_up_with_a_clear_message(tmp_path, monkeypatch, value, message):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FLASK_DATABASE", value)
    with pytest.raises(ConfigurationError, match=message) as refused:
        create_app({"TESTING": True, "SECRET_KEY": "t"})
    assert "s3cret" not in str(refused.value)
    assert list(tmp_path.iterdir()) == []  # nothing made on the way (no folder named "postgresql:")


@pytest.mark.parametrize("name, value, message", [
    ("FLASK_DATABASE_TIMEOUT", "abc", "FLASK_DATABASE_TIMEOUT must be a number of seconds, more than 0 (got 'abc')"),
    ("FLASK_DATABASE_TIMEOUT", "0", "FLASK_DATABASE_TIMEOUT must be a number of seconds, more than 0 (got 0)"),
    ("FLASK_DATABASE_TIMEOUT", "-1", "more than 0 (got -1)"),
    ("FLASK_DATABASE_TIMEOUT", "Infinity", "more than 0 (got inf)"),
    ("FLASK_DATABASE_TIMEOUT", "true", "more than 0 (got True)"),
    ("FLASK_QUESTION_LOG_WAIT", "soon", "FLASK_QUESTION_LOG_WAIT must be a number of seconds, 0 or more (got 'soon')"),
    ("FLASK_QUESTION_LOG_BATCH", "fast", "FLASK_QUESTION_LOG_BATCH must be a number of seconds, 0 or more (got 'fast')"),
    ("FLASK_QUESTION_LOG_BATCH", "-0.1", "FLASK_QUESTION_LOG_BATCH must be a number of seconds, 0 or more (got -0.1)"),
    ("FLASK_QUESTION_SPOOL_MAX_BYTES", "16MB", "FLASK_QUESTION_SPOOL_MAX_BYTES must be a whole number of bytes"),
    ("FLASK_QUESTION_SPOOL_MAX_BYTES", "1.5", "must be a whole number of bytes, 0 or more (got 1.5)"),
    ("FLASK_HEALTH_PROBE_INTERVAL", "[1]", "FLASK_HEALTH_PROBE_INTERVAL must be a number of seconds, 0 or more"),
    ("FLASK_HEALTH_WAIT", "-0.5", "FLASK_HEALTH_WAIT must be a number of seconds, 0 or more (got -0.5)"),
    ("FLASK_HEALTH_MIN_FREE_BYTES", "lots", "FLASK_HEALTH_MIN_FREE_BYTES must be a whole number of bytes"),
])
def test_a_storage_number_that_cannot_work_stops_start_up_naming_it(tmp_path, monkeypatch, name, value, message):
    # Without the check, DATABASE_TIMEOUT=abc failed at the first connection with sqlite3's "TypeError: must be
    # real number, not str", and 0 would be PostgreSQL's lock_timeout 0: wait for ever.
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigurationError) as refused:
        create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "pa.sqlite")})
    assert message in str(refused.value)
    assert list(tmp_path.iterdir()) == []  # stopped before anything was made


@pytest.mark.parametrize("name, value", [("FLASK_DATABASE_TIMEOUT", "0.5"), ("FLASK_QUESTION_LOG_WAIT", "0"),
                                         ("FLASK_QUESTION_SPOOL_MAX_BYTES", "0"), ("FLASK_HEALTH_WAIT", "1"),
                                         ("FLASK_QUESTION_LOG_BATCH", "0.25")])
def test_storage_numbers_that_can_work_are_taken(tmp_path, monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "pa.sqlite")})
    assert app.config[name.removeprefix("FLASK_")] == float(value)
    assert app.test_client().post("/api/ask", json={"question": "Do you sell my data?"}).status_code == 200


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens there once the socket is closed


def test_start_up_on_a_postgresql_server_that_is_not_there_stops_and_says_which(tmp_path):
    url = f"postgresql://assistant:s3cret@127.0.0.1:{free_port()}/pa"
    with pytest.raises(ConfigurationError, match="cannot connect to the database") as refused:
        create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": url, "DATABASE_TIMEOUT": 1})
    message = str(refused.value)
    assert storage.parse_target(url).shown in message and "Connection refused" in message
    assert "s3cret" not in message


@pytest.mark.postgresql
def test_start_up_on_a_database_the_server_does_not_have_stops_and_says_so(postgresql_server):
    url = postgresql_server.url.rsplit("/", 1)[0] + "/never_created"
    with pytest.raises(ConfigurationError, match='cannot connect.*database "never_created" does not exist'):
        create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": url})


@pytest.mark.postgresql
def test_a_connection_the_server_dropped_reconnects_for_the_next_write_and_closes_quietly(postgresql_server):
    """A background job (the review list's refresh) whose connection the server ends mid-query: the error is one
    of storage.ERRORS, the job's next write runs on a new connection, and closing raises nothing."""
    import psycopg

    url = postgresql_server.new_database()
    migrate(url)
    db = connect(url)
    pid = db.scalar("select pg_backend_pid()")
    with psycopg.connect(f"host=127.0.0.1 port={postgresql_server.port} user=postgres dbname=postgres",
                         autocommit=True) as admin:
        admin.execute("select pg_terminate_backend(%s)", (pid,))
    with pytest.raises(storage.ERRORS):
        with storage.write(db):
            db.execute("update review_boards set refreshing_since = null where id = 1")
    with storage.write(db):
        db.execute("update review_boards set refreshing_since = null where id = 1")
    assert db.scalar("select pg_backend_pid()") != pid
    with psycopg.connect(f"host=127.0.0.1 port={postgresql_server.port} user=postgres dbname=postgres",
                         autocommit=True) as admin:
        admin.execute("select pg_terminate_backend(%s)", (db.scalar("select pg_backend_pid()"),))
    with pytest.raises(storage.ERRORS):
        db.scalar("select 1")
    db.close()


# --- Alembic migrations ------------------------------------------------------------------------------------------

def head_revision(db) -> str:
    return ScriptDirectory.from_config(storage.alembic_config(db)).get_current_head()


def schema_differences(db) -> list[tuple]:
    """What Alembic's autogenerate would change to make the database match app/platform/schema.py, one per item."""
    context = MigrationContext.configure(db.conn, opts={"compare_type": True, "compare_server_default": True})
    found = []
    for difference in compare_metadata(context, metadata):
        found.extend(difference if isinstance(difference, list) else [difference])  # column changes come in lists
    return found


def test_a_new_database_gets_the_head_revision_and_exactly_the_schema_of_schema_py(db):
    assert current_revision(db) == head_revision(db) is not None
    assert db.query("select * from alembic_version") == [{"version_num": head_revision(db)}]
    assert schema_differences(db) == []
    # What the migrations store besides tables: the reload counters and the row /healthz writes.
    assert db.query("select name, value from counters order by name") == [{"name": "phrasings", "value": 0},
                                                                          {"name": "policy", "value": 0},
                                                                          {"name": "review", "value": 0}]
    assert db.query("select id, probes from health") == [{"id": 1, "probes": 0}]


def test_migrations_can_be_rerun_without_losing_rows(app, client, db):
    question_id = ask(client, "Do you sell my data?")["question_id"]
    migrate(app.config["DATABASE"])
    create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": app.config["DATABASE"]})
    assert TABLES <= set(db.table_names())
    assert db.get("questions", question_id)["question"] == "Do you sell my data?"
    assert db.query("select * from alembic_version") == [{"version_num": head_revision(db)}]
    assert db.count("counters") == 3 and db.count("health") == 1  # the seeded rows were not added again


def test_start_up_on_a_database_with_tables_but_no_migrations_stops_and_names_it(database_url):
    db = connect(database_url, create=True)
    try:  # e.g. a makeshift table a write made, or another application's database
        db.execute("create table requests (reference text, type text, name text)")
        db.execute("insert into requests values ('BM-0000-0001', 'access', 'Asha')")
    finally:
        db.close()
    shown = storage.parse_target(database_url).shown
    with pytest.raises(ConfigurationError, match=re.escape(f"{shown}: has tables (requests) but no record of "
                                                           "migrations")):
        create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": database_url})
    db = connect(database_url)
    try:
        assert db.table_names() == ["requests"] and db.count("requests") == 1  # left as it was
    finally:
        db.close()


# The legacy sqlite-utils migrations, as an earlier version of the assistant ran them (app/platform/legacy.py).
LEGACY_ROWS = {
    "questions": {"id": "q1", "asked_at": "2026-01-01T00:00:00+00:00", "question": "do you sell my data?",
                  "kind": "answer", "answered": 1, "top_clause": "6.1", "top_score": 7.25, "channel": "api"},
    "feedback": {"question_id": "q1", "helpful": 1, "given_at": "2026-01-01T00:01:00+00:00"},
    "requests": {"id": 7, "reference": "BM-7KQ2-9XHD", "type": "deletion", "status": "in progress", "urgent": 0,
                 "name": "Asha Rao", "email": "asha@example.com", "details": "Please delete my account.",
                 "received_at": "2026-01-02T09:00:00+00:00", "due_date": "2026-02-01", "verified": 1},
    "request_events": {"id": 3, "request_id": 7, "at": "2026-01-02T10:00:00+00:00", "by": "agent",
                       "field": "status", "old": "new", "new": "in progress", "public": 1},
    "users": {"id": 2, "username": "agent", "role": "agent", "password_hash": "$argon2id$...",
              "created_at": "2026-01-01T00:00:00+00:00"},
}


def legacy_database(path: Path, stop_before: str | None) -> dict[str, dict]:
    """A file as the sqlite-utils migrations left it (up to `stop_before`), with a row in each table it had."""
    from sqlite_utils import Database as SqliteUtilsDatabase

    from app.platform.legacy import migrations as legacy_migrations

    old = SqliteUtilsDatabase(path)
    legacy_migrations.apply(old, stop_before=stop_before)
    stored = {}
    for table, row in LEGACY_ROWS.items():
        if table in old.table_names():
            stored[table] = {k: v for k, v in row.items() if k in old[table].columns_dict}
            old[table].insert(stored[table])
    old.close()
    return stored


def _made_differently_by_sqlite_utils(difference: tuple) -> bool:
    """Differences SQLite does not act on: sqlite-utils' own bookkeeping table, REAL for Float (the same
    affinity), and primary keys declared without NOT NULL."""
    kind = difference[0]
    if kind in ("remove_table", "remove_index"):
        table = difference[1] if kind == "remove_table" else difference[1].table
        return table.name == "_sqlite_migrations"
    if kind == "modify_type":
        return type(difference[5]).__name__ == "REAL" and type(difference[6]).__name__ == "Float"
    if kind == "modify_nullable":
        return metadata.tables[difference[2]].c[difference[3]].primary_key
    return False


@pytest.mark.sqlite_only
@pytest.mark.parametrize("stop_before", [None, "m002_feedback", "m050_verification_and_outbox"])
def test_a_sqlite_file_of_the_legacy_migrations_is_upgraded_stamped_and_keeps_its_rows(tmp_path, stop_before):
    path = tmp_path / "old.sqlite"
    kept = legacy_database(path, stop_before)
    assert "questions" in kept and ("feedback" in kept) == (stop_before != "m002_feedback")
    create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(path)})
    db = connect(path)
    try:
        assert current_revision(db) == head_revision(db)
        assert set(metadata.tables) <= set(db.table_names())
        assert [d for d in schema_differences(db) if not _made_differently_by_sqlite_utils(d)] == []
        for table in metadata.tables:
            stored = db.query(f"select * from {table}")
            if table in kept:  # kept as it was (a later legacy migration may add rows, e.g. a "created" event)
                assert kept[table] in [{k: r[k] for k in kept[table]} for r in stored], table
            elif table not in ("counters", "health", "policy_versions"):  # start-up writes these
                assert stored == [], table
        assert db.count("counters") == 3 and db.count("health") == 1  # phrasings, policy, review
    finally:
        db.close()
    create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(path)})  # and it starts again as it is


def _migrate(url: str, barrier, results) -> None:
    try:
        barrier.wait(timeout=60)
        migrate(url)
        results.put("migrated")
    except Exception as exc:  # reported to the parent, which fails the test with it
        results.put(repr(exc))


def _at_once(target, database_url: str, timeout: float) -> list:
    """Run `target(database_url, barrier, results)` in WORKERS forked processes released together; their results."""
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(WORKERS), context.Queue()
    processes = [context.Process(target=target, args=(database_url, barrier, results)) for _ in range(WORKERS)]
    for process in processes:
        process.start()
    outcomes = [results.get(timeout=timeout) for _ in processes]
    for process in processes:
        process.join(timeout=10)
        assert process.exitcode == 0
    return outcomes


@pytest.mark.sqlite_only
def test_migrating_a_new_file_waits_for_another_process_writing_to_it(tmp_path):
    """On a new file, SQLite refuses the switch to WAL at once while another connection writes; migrate waits."""
    path = tmp_path / "new.sqlite"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another process, first to start, holds the write lock on the new file
    threading.Timer(0.3, other.execute, ["COMMIT"]).start()
    migrate(path)
    other.close()
    db = connect(path)
    try:
        assert db.scalar("PRAGMA journal_mode") == "wal"
        assert db.query("select * from alembic_version") == [{"version_num": head_revision(db)}]
    finally:
        db.close()


@pytest.mark.slow
def test_several_processes_migrating_a_new_database_at_once_build_it_once(database_url):
    """Web servers on several hosts, or the web and mail worker, starting together on a new, empty database."""
    outcomes = _at_once(_migrate, database_url, timeout=120)
    assert outcomes == ["migrated"] * WORKERS
    db = connect(database_url)
    try:
        assert db.query("select * from alembic_version") == [{"version_num": head_revision(db)}]
        assert schema_differences(db) == []
        assert db.count("counters") == 3 and db.count("health") == 1  # phrasings, policy, review
    finally:
        db.close()
    create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": database_url})


# --- Database.insert: what a duplicate key does -------------------------------------------------------------------

@pytest.mark.parametrize("on_conflict, returned, stored", [
    (None, storage.IntegrityError, {"action": "dismissed", "text": "first", "count": 1}),
    ("ignore", None, {"action": "dismissed", "text": "first", "count": 1}),
    ("replace", "k1", {"action": "linked", "text": "second", "count": 3}),
])
def test_insert_of_a_duplicate_key_fails_is_skipped_or_replaces(db, on_conflict, returned, stored):
    first = {"review_key": "k1", "action": "dismissed", "text": "first", "count": 1, "decided_by": "editor",
             "decided_at": "2026-01-01T00:00:00+00:00", "batch": "b1"}
    second = {"review_key": "k1", "action": "linked", "text": "second", "count": 3, "decided_by": "editor2",
              "decided_at": "2026-01-02T00:00:00+00:00"}
    with storage.write(db):
        assert db.insert("review_decisions", first) == "k1"
    if returned is storage.IntegrityError:
        with pytest.raises(storage.IntegrityError), storage.write(db):
            db.insert("review_decisions", second, on_conflict=on_conflict)
    else:
        with storage.write(db):
            assert db.insert("review_decisions", second, on_conflict=on_conflict) == returned
    [row] = db.query("select * from review_decisions")
    assert {k: row[k] for k in stored} == stored
    # "replace" sets only the columns given: the batch of the first decision stays.
    assert row["batch"] == "b1"
    assert not db.in_transaction()
    with storage.write(db):  # the connection goes on working after the duplicate
        assert db.insert("review_decisions", {**second, "review_key": "k2"}, on_conflict=on_conflict) == "k2"


def test_insert_returns_the_new_row_id_and_refuses_an_unknown_conflict_rule(db):
    phrasing = {"clause_id": "6.1", "phrasing": "do you sell my data", "created_by": "editor",
                "created_at": "2026-01-01T00:00:00+00:00"}
    with storage.write(db):
        first = db.insert("phrasings", phrasing)
        second = db.insert("phrasings", phrasing, on_conflict="ignore")  # no conflict: stored like any other
    assert second > first and [r["id"] for r in db.query("select id from phrasings order by id")] == [first, second]
    with pytest.raises(ValueError, match="on_conflict: 'update'"), storage.write(db):
        db.insert("phrasings", phrasing, on_conflict="update")
    assert db.count("phrasings") == 2


def test_run_sends_named_parameter_sql_to_the_driver_inside_write_and_raises_sqlalchemys_errors(db):
    """`Database.run`, the hot statements' way past SQLAlchemy: same SQL and errors as `execute`, same transaction."""
    sql = ("insert into counters (name, value) values (:name, :value) "
           "on conflict (name) do update set value = counters.value + :value")
    with storage.write(db):
        db.run(sql, {"name": "percent%s", "value": 2})  # "%" and a psycopg placeholder in a value are data
        db.run(sql, {"name": "percent%s", "value": 3})
    assert db.run("select value from counters where name = :name", {"name": "percent%s"}).fetchall() == [(5,)]
    with pytest.raises(RuntimeError), storage.write(db):  # one transaction with write(): all or nothing
        db.run(sql, {"name": "rolled back", "value": 1})
        raise RuntimeError("the block failed")
    assert db.scalar("select count(*) from counters where name = 'rolled back'") == 0
    with pytest.raises(storage.IntegrityError) as raised, storage.write(db):
        db.run("insert into feedback (question_id, helpful, given_at) values (:q, 1, :at)",
               {"q": "no such question", "at": storage.now_iso()})
    assert raised.value.orig is not None and not db.in_transaction()


# --- a failing log must not cost the visitor the answer (a read-only database: see test_hardening.py) ----------


def test_unreachable_database_still_answers_and_reports_it(app, client, tmp_path, database_kind):
    app.config["DATABASE"] = (str(tmp_path / "missing-dir" / "gone.sqlite") if database_kind == "sqlite"
                              else f"postgresql://postgres@127.0.0.1:{free_port()}/gone")
    data = ask(client, "Do you sell my data?")
    assert data["answered"] is True
    health = client.get("/healthz")
    assert health.status_code == 200
    assert (health.json["status"], health.json["database"]) == ("degraded", "unavailable")
    feedback = client.post("/api/feedback", json={"question_id": data["question_id"], "helpful": True})
    assert feedback.status_code == 503 and "try again" in feedback.json["error"]


# --- several worker processes writing at once ----------------------------------------------------------------

WORKERS = 4
QUESTIONS_EACH = 40


def _worker(url, barrier, results):
    """One gunicorn-like worker: its own app and connections on the shared database."""
    try:
        app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": url, "RATELIMIT_ENABLED": False})
        client = app.test_client()
        barrier.wait(timeout=30)
        ids, failures = [], []
        for i in range(QUESTIONS_EACH):
            question = ["Can I delete my account?", "Do you sell my data?", "what's the capital of France"][i % 3]
            response = client.post("/api/ask", json={"question": question})
            if response.status_code == 200:
                ids.append(response.json["question_id"])
            else:
                failures.append(response.get_data(as_text=True))
        spooled = app.extensions.get("log_failures", 0)
        # What a gunicorn worker does as it exits: write what it spooled (every worker's, here, so that none is
        # still draining when the parent counts the rows).
        deadline = time.monotonic() + 60
        while questionlog.backlog(app) and time.monotonic() < deadline:
            questionlog.drain(app)
            time.sleep(0.1)
        results.put((ids, failures, spooled))
    except Exception as exc:  # reported to the parent, which fails the test with it
        results.put(([], [repr(exc)], -1))


@pytest.mark.slow
def test_concurrent_worker_processes_lose_no_rows(database_url):
    # Forked like gunicorn's workers (and fast: no re-import); each still builds its own app and connections.
    outcomes = _at_once(_worker, database_url, timeout=120)
    # An ask whose log row waited QUESTION_LOG_WAIT (50 ms) goes to the spool, and so do the asks after it: on a
    # loaded 2-CPU machine 30 of a worker's 40 did (a holder of the lock off the CPU that long). That is the
    # spool at work, so it is counted, not refused; what may not happen is a failure or a row lost.
    print(f"\nspooled by each worker: {[spooled for _, _, spooled in outcomes]}")
    assert [(failures, spooled >= 0) for _, failures, spooled in outcomes] == [([], True)] * WORKERS
    ids = [i for worker_ids, _, _ in outcomes for i in worker_ids]
    assert len(ids) == len(set(ids)) == WORKERS * QUESTIONS_EACH
    db = connect(database_url)
    stored = [row["id"] for row in db.query("select id from questions")]
    db.close()
    assert sorted(stored) == sorted(ids)


SUBMISSIONS_EACH = 50


def _submitter(url, barrier, results):
    """One worker process filing rights requests through its own app."""
    try:
        app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": url, "RATELIMIT_ENABLED": False})
        client = app.test_client()
        barrier.wait(timeout=60)
        references, failures = [], []
        for i in range(SUBMISSIONS_EACH):
            response = client.post("/api/requests", json={
                "type": "deletion", "name": "Asha Rao", "email": f"asha.{os.getpid()}.{i}@example.com",
                "details": f"Please delete my account ({os.getpid()}, {i})."})
            if response.status_code == 201:
                references.append(response.json["reference"])
            else:
                failures.append((response.status_code, response.get_data(as_text=True)))
        results.put((references, failures))
    except Exception as exc:  # reported to the parent, which fails the test with it
        results.put(([], [repr(exc)]))


@pytest.mark.slow
def test_concurrent_submissions_from_several_processes_get_unique_references_and_lose_no_row(database_url):
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(WORKERS), context.Queue()
    workers = [context.Process(target=_submitter, args=(database_url, barrier, results)) for _ in range(WORKERS)]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=240) for _ in workers]
    for worker in workers:
        worker.join(timeout=10)
        assert worker.exitcode == 0
    assert [failures for _, failures in outcomes] == [[]] * WORKERS
    references = [reference for worker_references, _ in outcomes for reference in worker_references]
    assert len(references) == len(set(references)) == WORKERS * SUBMISSIONS_EACH
    db = connect(database_url)
    try:
        stored = db.query("select id, reference, email from requests")
        assert sorted(r["reference"] for r in stored) == sorted(references)
        assert len({r["email"] for r in stored}) == len(stored)  # each submission once, none twice
        # Each request was stored whole, in its one transaction: its "created" event and its code mail.
        ids = sorted(r["id"] for r in stored)
        assert sorted(r["request_id"] for r in db.query(
            "select request_id from request_events where field = 'created'")) == ids
        assert sorted(r["request_id"] for r in db.query("select request_id from outbox where kind = 'code'")) == ids
        assert sorted(r["request_id"] for r in db.query(
            "select request_id from request_codes where purpose = 'verify'")) == ids
    finally:
        db.close()


@pytest.mark.sqlite_only
def test_requests_leave_the_write_ahead_log_open(app, client):
    # Closing the last connection would checkpoint and delete the WAL on every
    # request (about 1.5 ms each); the process keeps its pool of connections open instead.
    wal = Path(app.config["DATABASE"] + "-wal")
    assert client.post("/api/ask", json={"question": "Can I delete my account?"}).status_code == 200
    assert client.get("/healthz").json["status"] == "ok"
    assert wal.exists()
    [(pid, _, _)] = app.extensions["db_engines"]
    assert pid == os.getpid()


def test_a_worker_keeps_its_connection_across_requests_and_reopens_it_when_the_settings_change(app, client):
    # Opening a connection parses the schema: more than answering a question costs.
    from app.platform import db as storage

    seen = []
    app.after_request(lambda response: seen.append(storage.get_db().conn.connection.dbapi_connection) or response)
    client.get("/healthz")
    client.post("/api/ask", json={"question": "Can I delete my account?"})
    app.config["DATABASE_TIMEOUT"] = 0.5
    client.get("/healthz")
    assert seen[0] is seen[1] and seen[2] is not seen[0]


def test_no_request_leaves_a_transaction_open(app, client):
    from app.platform import db as storage

    @app.get("/_opens-a-transaction")
    def opens_a_transaction():
        db = storage.get_db()
        db.conn.exec_driver_sql("BEGIN IMMEDIATE" if db.kind == "sqlite" else "BEGIN")
        db.execute("update counters set value = value + 1 where name = 'policy'")
        return "left open"

    with app.app_context():
        before = storage.get_db().scalar("select value from counters where name = 'policy'")
    assert client.get("/_opens-a-transaction").status_code == 200
    with app.app_context():
        db = storage.get_db()
        assert not db.in_transaction()
        assert db.scalar("select value from counters where name = 'policy'") == before  # rolled back
    ask(client, "Do you sell my data?")  # and the next write is not refused


@pytest.mark.sqlite_only
@pytest.mark.parametrize("durable,during", [(False, 1), (True, 2)])
def test_durable_writes_sync_to_disk_and_the_log_stays_on_normal(tmp_path, durable, during):
    # synchronous: 1 = NORMAL (the question log), 2 = FULL (rights requests)
    from app.platform.db import write

    migrate(tmp_path / "t.sqlite")
    db = connect(tmp_path / "t.sqlite")
    with write(db, durable=durable):
        assert db.scalar("PRAGMA synchronous") == during
    assert db.scalar("PRAGMA synchronous") == 1
    db.close()


@contextmanager
def _write_held_by_another_thread(path, seconds: float):
    """Another thread of this process holds a write on `path` until the block ends (or `seconds` pass)."""
    started, done = threading.Event(), threading.Event()

    def hold():
        db = connect(path)
        try:
            with storage.write(db):
                db.execute("update counters set value = value + 1 where name = 'policy'")
                started.set()
                done.wait(seconds)
        finally:
            db.close()

    holder = threading.Thread(target=hold)
    holder.start()
    assert started.wait(10)
    try:
        yield
    finally:
        done.set()
        holder.join()


@pytest.mark.sqlite_only
def test_a_write_behind_another_thread_of_the_process_waits_no_longer_than_its_wait(tmp_path):
    """The threads of a process take turns to write; a turn not given within the wait is "database is locked"."""
    path = tmp_path / "t.sqlite"
    migrate(path)
    db = connect(path, timeout=5.0)
    try:
        with _write_held_by_another_thread(path, 10):
            began = time.monotonic()
            with pytest.raises(storage.ERRORS, match="locked"), storage.waiting(db, 0.2), storage.write(db):
                pass
            waited = time.monotonic() - began
        assert 0.2 <= waited < 2.0  # the caller's 0.2 s, not DATABASE_TIMEOUT's 5
        with storage.write(db):  # and the turn is free again
            db.execute("update counters set value = value + 1 where name = 'policy'")
        assert db.scalar("select value from counters where name = 'policy'") == 2
    finally:
        db.close()


@pytest.mark.sqlite_only
def test_a_thread_waiting_for_its_turn_writes_as_soon_as_the_other_write_ends(tmp_path):
    path = tmp_path / "t.sqlite"
    migrate(path)
    outcome = []

    def writer():
        db = connect(path, timeout=10.0)
        try:
            with storage.write(db):
                db.execute("update counters set value = value + 10 where name = 'policy'")
            outcome.append("written")
        except storage.ERRORS as exc:
            outcome.append(str(exc))
        finally:
            db.close()

    with _write_held_by_another_thread(path, 10):
        waiting = threading.Thread(target=writer)
        waiting.start()
        time.sleep(0.3)
        assert outcome == []  # still waiting for its turn
    waiting.join(10)
    assert outcome == ["written"]
    db = connect(path)
    try:
        assert db.scalar("select value from counters where name = 'policy'") == 11
    finally:
        db.close()


def _write_in_child(path, results):
    db = connect(path, timeout=10.0)
    try:
        with storage.write(db):
            db.execute("update counters set value = value + 100 where name = 'policy'")
        results.put("written")
    except Exception as exc:  # reported to the parent, whatever it is
        results.put(repr(exc))
    finally:
        db.close()


@pytest.mark.sqlite_only
def test_a_process_forked_while_a_thread_waits_to_write_can_write(tmp_path):
    """gunicorn forks its workers from a process where another thread may be about to write: the copy of that
    thread's turn, which nothing in the child would ever give back, must not block the child's writes.
    (The turn alone is held here: SQLite's own locks must not be held across a fork at all.)"""
    path = tmp_path / "t.sqlite"
    migrate(path)
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    turn = storage._writer_turn(path)
    assert turn.acquire(timeout=10)
    try:
        child = context.Process(target=_write_in_child, args=(path, results))
        child.start()
        outcome = results.get(timeout=30)
    finally:
        turn.release()
    child.join(10)
    assert outcome == "written" and child.exitcode == 0


def test_rights_requests_are_committed_durably(app, client, monkeypatch):
    from app.platform import db as storage

    levels = []
    real_write = storage.write
    me = threading.get_ident()

    def spying_write(db, durable=False):
        if threading.get_ident() == me:  # not the browser tests' mail thread, which polls the outbox all session
            levels.append(durable)
        return real_write(db, durable)

    monkeypatch.setattr(storage, "write", spying_write)
    response = client.post("/api/requests", json={"type": "deletion", "name": "Asha Rao",
                                                  "email": "asha@example.com", "details": "Please delete my account"})
    assert response.status_code == 201
    assert levels == [True]
    question_id = ask(client, "Do you sell my data?")["question_id"]
    # The question log's write is not durable (on a busy machine it may have gone to the spool: no write yet).
    assert levels[1:] == ([] if questionlog.is_spooled(app, question_id) else [False])


def test_each_question_is_logged_once_with_its_outcome(app, client, db):
    ids = [client.post("/api/ask", json={"question": q, "session": "s1"}).json["question_id"]
           for q in ["Can I delete my account?", "hello"]]
    rows = {row["id"]: row for row in db.query("select * from questions")}
    assert sorted(rows) == sorted(ids) and len(ids) == 2
    answer, hello = rows[ids[0]], rows[ids[1]]
    assert (answer["question"], answer["kind"], answer["answered"], answer["channel"]) == \
        ("Can I delete my account?", "answer", 1, "api")
    assert answer["top_clause"] and answer["latency_ms"] > 0 and answer["asked_at"].endswith("+00:00")
    assert answer["session"] == hello["session"] != "s1"  # grouped by a keyed hash, not the id itself
    assert (hello["kind"], hello["answered"], hello["top_clause"]) == ("smalltalk", 0, None)


def test_a_worker_keeps_a_connection_for_each_of_its_threads(app, monkeypatch):
    """Requests that ran at the same moment leave their connections open for the next ones (no reconnects)."""
    import sqlalchemy as sa

    monkeypatch.setattr(storage, "POOL_SIZE", storage.POOL_SIZE)  # put back after the test
    storage.keep_connections(12)
    storage.reset_connections(app)
    opened = []
    engine, _target = storage._worker_engine(app)
    sa.event.listen(engine, "connect", lambda *_: opened.append(1))

    def burst():
        together = threading.Barrier(12)

        def request():
            with app.app_context():
                storage.get_db().scalar("select 1")
                together.wait(timeout=10)  # all twelve hold a connection at once

        threads = [threading.Thread(target=request) for _ in range(12)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

    burst()
    assert len(opened) == 12
    burst()
    assert len(opened) == 12, "the second burst opened connections again"
    assert engine.pool.checkedin() == 12

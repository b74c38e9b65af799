"""The question log: one row per question, personal data redacted, WAL, migrations, concurrent workers."""

import multiprocessing
import os
import re
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from app import create_app
from app.platform.db import connect, migrate, migrations
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
    rows = list(db["questions"].rows)
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
    row = db["questions"].get(data["question_id"])
    assert (row["answered"], row["kind"]) == (answered, kind)
    assert db["questions"].count == 1


def test_page_questions_are_logged_with_their_channel(client, db):
    client.get("/", query_string={"q": "Do you sell my data?"})
    assert [(r["question"], r["channel"]) for r in db["questions"].rows] == [("Do you sell my data?", "page")]


def test_session_is_stored_as_a_keyed_hash(client, db):
    first = ask(client, "Do you sell my data?", session="visitor-session-123")
    again = ask(client, "Can I delete my account?", session="visitor-session-123")
    other = ask(client, "Can I delete my account?", session="someone-else")
    none = ask(client, "Can I delete my account?")
    stored = {k: db["questions"].get(v["question_id"])["session"]
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
    assert db["questions"].get(data["question_id"])["question"] == stored


def test_raw_personal_data_never_reaches_the_database_files(client, app):
    ask(client, "I am priya.k@example.com, +91 98765 43210, card 4111 1111 1111 1111: delete my data")
    path = Path(app.config["DATABASE"])
    # The database, its WAL and the question spool (rows that wait there are redacted too).
    contents = b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*") if p.is_file())
    contents += b"".join(p.read_bytes() for p in path.parent.glob(path.name + ".spool/*"))
    assert b"delete my data" in contents  # the question is there ...
    for secret in (b"priya.k@example.com", b"98765 43210", b"4111 1111 1111 1111"):
        assert secret not in contents  # ... its personal data is not


def test_database_is_in_wal_mode(db):
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_migrations_can_be_rerun_without_losing_rows(app, client, db):
    question_id = ask(client, "Do you sell my data?")["question_id"]
    migrate(db)
    create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": app.config["DATABASE"]})
    assert TABLES <= set(db.table_names())
    assert db["questions"].get(question_id)["question"] == "Do you sell my data?"
    names = [m.name for m in migrations.applied(db)]
    assert len(names) == len(set(names)) and migrations.pending(db) == []


def test_an_older_database_is_upgraded(tmp_path):
    path = tmp_path / "old.sqlite"
    old = connect(path, create=True)
    migrations.apply(old, stop_before="m002_feedback")
    old["questions"].insert({"id": "q1", "asked_at": "2026-01-01T00:00:00+00:00", "question": "hi",
                             "kind": "smalltalk", "answered": 0})
    assert "feedback" not in old.table_names()
    old.conn.close()
    create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(path)})
    db = connect(path)
    assert TABLES <= set(db.table_names()) and db["questions"].count == 1
    db.conn.close()


# --- a failing log must not cost the visitor the answer (a read-only database: see test_hardening.py) ----------


def test_unreachable_database_still_answers_and_reports_it(app, client, tmp_path):
    app.config["DATABASE"] = str(tmp_path / "missing-dir" / "gone.sqlite")
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


def _worker(path, barrier, results):
    """One gunicorn-like worker: its own app and connections on the shared file."""
    try:
        app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": path, "RATELIMIT_ENABLED": False})
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
        results.put((ids, failures, app.extensions.get("log_failures", 0)))
    except Exception as exc:  # reported to the parent, which fails the test with it
        results.put(([], [repr(exc)], -1))


@pytest.mark.slow
def test_concurrent_worker_processes_lose_no_rows(tmp_path):
    path = str(tmp_path / "shared.sqlite")
    # Forked like gunicorn's workers (and fast: no re-import); each still builds its own app and connections.
    context = multiprocessing.get_context("fork")
    barrier, results = context.Barrier(WORKERS), context.Queue()
    workers = [context.Process(target=_worker, args=(path, barrier, results)) for _ in range(WORKERS)]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=60) for _ in workers]
    for worker in workers:
        worker.join(timeout=10)
        assert worker.exitcode == 0
    assert [(failures, log_failures) for _, failures, log_failures in outcomes] == [([], 0)] * WORKERS
    ids = [i for worker_ids, _, _ in outcomes for i in worker_ids]
    assert len(ids) == len(set(ids)) == WORKERS * QUESTIONS_EACH
    db = connect(path)
    stored = [row["id"] for row in db["questions"].rows]
    db.conn.close()
    assert sorted(stored) == sorted(ids)


def test_requests_leave_the_write_ahead_log_open(app, client):
    # Closing the last connection would checkpoint and delete the WAL on every
    # request (about 1.5 ms each); the process keeps one connection open instead.
    wal = Path(app.config["DATABASE"] + "-wal")
    assert client.post("/api/ask", json={"question": "Can I delete my account?"}).status_code == 200
    assert client.get("/healthz").json["status"] == "ok"
    assert wal.exists()
    assert list(app.extensions["db_held"]) == [os.getpid()]


def test_a_worker_keeps_its_connection_across_requests_and_reopens_it_when_the_settings_change(app, client):
    # Opening a connection parses the schema: more than answering a question costs.
    from app.platform import db as storage

    seen = []
    app.after_request(lambda response: seen.append(id(storage.get_db())) or response)
    client.get("/healthz")
    client.post("/api/ask", json={"question": "Can I delete my account?"})
    app.config["DATABASE_TIMEOUT"] = 0.5
    client.get("/healthz")
    assert seen[0] == seen[1] != seen[2]


def test_no_request_leaves_a_transaction_open(app, client):
    from app.platform import db as storage

    @app.get("/_opens-a-transaction")
    def opens_a_transaction():
        storage.get_db().conn.execute("BEGIN IMMEDIATE")
        return "left open"

    assert client.get("/_opens-a-transaction").status_code == 200
    with app.app_context():
        assert not storage.get_db().conn.in_transaction
    ask(client, "Do you sell my data?")  # and the next write is not refused


@pytest.mark.parametrize("durable,during", [(False, 1), (True, 2)])
def test_durable_writes_sync_to_disk_and_the_log_stays_on_normal(tmp_path, durable, during):
    # synchronous: 1 = NORMAL (the question log), 2 = FULL (rights requests)
    from app.platform.db import write

    db = connect(tmp_path / "t.sqlite", create=True)
    migrate(db)
    with write(db, durable=durable):
        assert db.execute("PRAGMA synchronous").fetchone()[0] == during
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 1
    db.conn.close()


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
    ask(client, "Do you sell my data?")
    assert levels == [True, False]


def test_each_question_is_logged_once_with_its_outcome(app, client, db):
    ids = [client.post("/api/ask", json={"question": q, "session": "s1"}).json["question_id"]
           for q in ["Can I delete my account?", "hello"]]
    rows = {row["id"]: row for row in db["questions"].rows}
    assert list(rows) == ids
    answer, hello = rows[ids[0]], rows[ids[1]]
    assert (answer["question"], answer["kind"], answer["answered"], answer["channel"]) == \
        ("Can I delete my account?", "answer", 1, "api")
    assert answer["top_clause"] and answer["latency_ms"] > 0 and answer["asked_at"].endswith("+00:00")
    assert answer["session"] == hello["session"] != "s1"  # grouped by a keyed hash, not the id itself
    assert (hello["kind"], hello["answered"], hello["top_clause"]) == ("smalltalk", 0, None)

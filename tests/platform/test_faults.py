"""Storage faults (issue 12): a deleted, read-only, full or locked database, through the test client.

Each fault checks the same things: answers keep coming, no reference without a row, /healthz tells the truth,
staff get a clear 503 that says nothing was saved, and the service recovers without a restart (and restarts).
They run on SQLite and on PostgreSQL (tests/dbfaults.py acts out each fault on either); a deleted file and a
full disk are SQLite's alone. The same faults against the Procfile's gunicorn with several workers are in
tests/platform/test_faults_server.py.
"""

import json
import os
import shutil
import sqlite3
import time
from contextlib import ExitStack
from pathlib import Path

import pytest

from app import create_app
from app.platform import db as storage
from app.platform import questionlog
from conftest import PASSWORD, add_request, csrf_token
from dbfaults import make_full, make_read_only, rows, write_lock_held  # noqa: F401  (fixtures)

pytestmark = pytest.mark.storage
GOOD = {"type": "deletion", "name": "Asha Rao", "email": "asha@example.com", "details": "Please delete my data."}
QUESTION = {"question": "do you sell my data?"}


def delete_database(path: str) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(path + suffix).unlink(missing_ok=True)


def backup(path: str, to: Path) -> None:
    source, target = sqlite3.connect(path), sqlite3.connect(to)
    source.backup(target)
    source.close()
    target.close()


def sign_in(client, password=PASSWORD):
    return client.post("/login", data={"username": "agent", "password": password, "csrf_token": csrf_token(client)})


@pytest.fixture
def read_only(app):
    """The database can be read but not written (a read-only mount; on PostgreSQL, a standby)."""
    clear = make_read_only(app)
    yield clear
    clear()


@pytest.fixture
def full_disk(app):
    """SQLite: no room left, the file cannot grow and the disk reports no free space."""
    clear = make_full(app)
    yield clear
    clear()


# ---- a deleted database (item 1) --------------------------------------------------------------------------------

@pytest.mark.sqlite_only
def test_a_deleted_database_takes_no_requests_and_is_not_recreated(app, client, auth, tmp_path):
    auth.create()
    path = app.config["DATABASE"]
    assert client.post("/api/requests", json=GOOD).status_code == 201
    backup(path, tmp_path / "backup.sqlite")
    delete_database(path)

    response = client.post("/api/requests", json=GOOD)
    assert response.status_code == 503 and "reference" not in response.get_json()
    response = client.post("/request", data={**GOOD, "csrf_token": csrf_token(client, "/request")})
    assert response.status_code == 503 and "has not been received" in response.get_data(as_text=True)
    asked = client.post("/api/ask", json=QUESTION)
    assert asked.status_code == 200 and asked.get_json()["answered"]
    assert client.get("/healthz").get_json() == {"status": "degraded", "database": "unavailable",
                                                  "reason": "missing", "log_backlog": 1, "clauses": 71}
    signed_in = sign_in(client)
    assert signed_in.status_code == 503 and "nothing was saved" in signed_in.get_data(as_text=True)
    assert not Path(path).exists()  # nothing made a new, empty database

    # Recovery without a restart: the backup is put back.
    shutil.copy(tmp_path / "backup.sqlite", path)
    assert client.get("/healthz").get_json() == {"status": "ok", "database": "ok", "clauses": 71}
    assert [r["id"] for r in rows(path, "questions")] == [asked.get_json()["question_id"]]  # the spooled row
    assert client.post("/api/requests", json=GOOD).status_code == 201
    assert sign_in(client).status_code == 302
    assert len(rows(path, "requests")) == 2
    # ... and a restart on it works.
    create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": path})


@pytest.mark.sqlite_only
def test_writes_never_create_tables_in_an_empty_file(app, client):
    path = app.config["DATABASE"]
    delete_database(path)
    sqlite3.connect(path).close()  # an empty database in its place (what sqlite3.connect used to make)
    assert client.post("/api/requests", json=GOOD).status_code == 503
    assert client.post("/api/ask", json=QUESTION).status_code == 200
    health = client.get("/healthz").get_json()
    assert (health["status"], health["reason"]) == ("degraded", "no schema")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    assert conn.execute("select * from sqlite_master").fetchall() == []
    conn.close()
    # A restart finishes the schema on the empty file, and writes the spooled row.
    create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": path})
    assert len(rows(path, "questions")) == 1


# ---- health tells the truth (item 3) ------------------------------------------------------------------------------

def test_health_reports_a_database_that_cannot_be_written(app, client, request):
    assert client.get("/healthz").get_json()["status"] == "ok"
    request.getfixturevalue("read_only")
    health = client.get("/healthz").get_json()
    assert (health["status"], health["database"], health["reason"]) == ("degraded", "unavailable", "read-only")


@pytest.mark.sqlite_only
def test_health_reports_a_full_disk(app, client, request):
    assert client.get("/healthz").get_json()["status"] == "ok"
    request.getfixturevalue("full_disk")
    health = client.get("/healthz").get_json()
    assert (health["status"], health["database"], health["reason"]) == ("degraded", "unavailable", "full")


def test_health_reports_a_held_write_lock_without_waiting_for_it(app, client):
    with write_lock_held(app.config["DATABASE"]):
        started = time.perf_counter()
        health = client.get("/healthz").get_json()
        assert time.perf_counter() - started < 1.0
        assert health["reason"] == "locked"
    assert client.get("/healthz").get_json()["status"] == "ok"


def test_health_is_checked_at_most_once_a_second_per_worker(app, client, monkeypatch):
    from app.platform import health

    app.config["HEALTH_PROBE_INTERVAL"] = 1.0
    probes = []
    real = health._write_problem
    monkeypatch.setattr(health, "_write_problem", lambda a: probes.append(1) or real(a))
    for _ in range(5):
        client.get("/healthz")
    assert len(probes) == 1
    assert rows(app.config["DATABASE"], "health")[0]["probes"] == 1  # the probe is a real committed write


# ---- a held write lock: answers do not wait, the log loses nothing (item 9) --------------------------------------

def test_answers_do_not_wait_on_a_held_lock_and_every_row_is_written_after(app, client, caplog):
    path = app.config["DATABASE"]
    reference = client.post("/api/ask", json=QUESTION).get_json()["question_id"]  # logged at once
    with write_lock_held(path):
        ids, latencies = [], []
        for i in range(20):
            started = time.perf_counter()
            response = client.post("/api/ask", json={**QUESTION, "session": "s1"})
            latencies.append(time.perf_counter() - started)
            assert response.status_code == 200 and response.get_json()["answered"]
            ids.append(response.get_json()["question_id"])
        # The first ask waits QUESTION_LOG_WAIT (50 ms) for the lock; every later one goes straight to the spool.
        # That count is the product's; the time an answer takes besides is the machine's (an ask of 2 ms alone
        # took up to 0.19 s on a loaded 2-CPU machine), so the times are held only to what waiting would cost.
        waited = [r for r in caplog.records if r.getMessage().startswith("could not log question ")]
        assert len(waited) == 1 and waited[0].getMessage().startswith(f"could not log question {ids[0]} now")
        assert sorted(latencies)[len(latencies) // 2] < app.config["QUESTION_LOG_WAIT"] and max(latencies) < 2.5
        health = client.get("/healthz").get_json()
        assert (health["reason"], health["log_backlog"]) == ("locked", 20)

    assert client.get("/healthz").get_json()["status"] == "ok"  # it catches up first
    stored = {r["id"]: r for r in rows(path, "questions")}
    assert set(stored) == {reference, *ids}
    volatile = {"id", "asked_at", "latency_ms", "session"}
    same = {k: v for k, v in stored[reference].items() if k not in volatile}
    for question_id in ids:  # the spooled rows have every column the direct write has
        assert {k: v for k, v in stored[question_id].items() if k not in volatile} == same
        assert stored[question_id]["session"] and stored[question_id]["latency_ms"] > 0


def test_rows_left_by_a_worker_that_died_are_written_at_the_next_start(app, client):
    spool = questionlog.spool_dir(app)
    row = {"id": "f" * 32, "asked_at": storage.now_iso(), "question": "is my data safe?", "kind": "answer",
           "answered": 1, "channel": "api"}
    # pid 999999 is not running; its last line was cut off by the crash.
    (spool / "999999.jsonl").write_text(json.dumps(row) + "\n" + '{"id": "half')
    create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": app.config["DATABASE"]})
    assert [r["id"] for r in rows(app.config["DATABASE"], "questions")] == ["f" * 32]
    assert list(spool.iterdir()) == []


def test_a_row_written_twice_is_stored_once(app, client):
    with write_lock_held(app.config["DATABASE"]):
        question_id = client.post("/api/ask", json=QUESTION).get_json()["question_id"]
    spooled = questionlog.spool_dir(app) / f"{os.getpid()}.jsonl"
    copy = spooled.read_text()
    with app.app_context():
        questionlog.drain(app)
    (questionlog.spool_dir(app) / "999999.jsonl").write_text(copy)  # as if a crash came before the delete
    with app.app_context():
        questionlog.drain(app)
    assert [r["id"] for r in rows(app.config["DATABASE"], "questions")] == [question_id]


def test_the_spool_is_bounded_and_says_so(app, client, caplog):
    app.config["QUESTION_SPOOL_MAX_BYTES"] = 1000
    with write_lock_held(app.config["DATABASE"]):
        for _ in range(5):
            assert client.post("/api/ask", json=QUESTION).status_code == 200
    assert "the row is lost" in caplog.text
    assert sum(p.stat().st_size for p in questionlog.spool_dir(app).iterdir()) <= 1000


# ---- staff writes on a database that cannot be written (item 10) -------------------------------------------------

def check_a_staff_change_is_refused(app, client, auth, db, set_fault) -> None:
    request_id = add_request(db, reference="BM-FULL-0001", notes="x" * 3000)
    assert auth.login().status_code == 302
    token = csrf_token(client, f"/staff/requests/{request_id}")
    set_fault()
    response = client.post(f"/staff/requests/{request_id}",
                           data={"status": "done", "notes": "y" * 4900, "csrf_token": token})
    assert response.status_code == 503
    assert "nothing was saved" in response.get_data(as_text=True)
    assert response.headers["Retry-After"]
    stored = rows(app.config["DATABASE"], "requests")[0]
    assert (stored["status"], stored["notes"]) == ("new", "x" * 3000)
    assert rows(app.config["DATABASE"], "request_events") == []


def test_a_staff_change_on_a_read_only_database_is_a_clear_503(app, client, auth, db, request):
    check_a_staff_change_is_refused(app, client, auth, db, lambda: request.getfixturevalue("read_only"))


@pytest.mark.sqlite_only
def test_a_staff_change_on_a_full_disk_is_a_clear_503(app, client, auth, db, request):
    check_a_staff_change_is_refused(app, client, auth, db, lambda: request.getfixturevalue("full_disk"))


def test_a_correct_sign_in_that_cannot_be_saved_is_a_clear_503(app, client, auth, request):
    auth.create()
    request.getfixturevalue("read_only")
    response = sign_in(client)
    assert response.status_code == 503 and "nothing was saved" in response.get_data(as_text=True)


# ---- feedback on an answer whose row is not written (item 11) ----------------------------------------------------

def test_feedback_on_an_answer_that_could_not_be_logged_is_503_not_404(app, client, read_only):
    question_id = client.post("/api/ask", json=QUESTION).get_json()["question_id"]
    response = client.post("/api/feedback", json={"question_id": question_id, "helpful": True})
    assert response.status_code == 503 and "try again" in response.get_json()["error"]


def test_feedback_on_a_spooled_answer_writes_its_row_first(app, client):
    with write_lock_held(app.config["DATABASE"]):
        question_id = client.post("/api/ask", json=QUESTION).get_json()["question_id"]
    assert questionlog.is_spooled(app, question_id)
    # The database takes writes again: feedback writes the row it is about first, without waiting for the drain.
    assert client.post("/api/feedback", json={"question_id": question_id, "helpful": True}).status_code == 200
    assert client.post("/api/feedback", json={"question_id": "0" * 32, "helpful": True}).status_code == 404


def test_feedback_on_an_answer_spooled_by_another_worker_asks_to_try_again(app, client):
    """The row waits in a live worker's spool file, which only that worker writes: a 503 with Retry-After, not a
    404, and the feedback is taken once the row is written."""
    with write_lock_held(app.config["DATABASE"]):
        question_id = client.post("/api/ask", json=QUESTION).get_json()["question_id"]
    directory = questionlog.spool_dir(app)
    (own,) = directory.iterdir()
    other = directory / f"{os.getppid()}.jsonl"  # a process that is alive: its file is not ours to take
    own.rename(other)
    response = client.post("/api/feedback", json={"question_id": question_id, "helpful": True})
    assert response.status_code == 503 and response.headers["Retry-After"]
    other.rename(own)
    client.get("/healthz")  # the spool is written (the drain thread would do it within half a second)
    assert client.post("/api/feedback", json={"question_id": question_id, "helpful": True}).status_code == 200


# ---- every fault, the same checks ----------------------------------------------------------------------------------

def check_a_fault_keeps_answers_gives_no_reference_and_recovers(app, client, request, fault, reason) -> None:
    path = app.config["DATABASE"]
    with ExitStack() as faulty:
        if fault == "locked":
            app.config["DATABASE_TIMEOUT"] = 0.2
            faulty.enter_context(write_lock_held(path))
        else:
            faulty.callback(request.getfixturevalue(fault))  # ends the fault: writable again, no restart
        asked = [client.post("/api/ask", json=QUESTION) for _ in range(3)]
        assert {r.status_code for r in asked} == {200}  # answers keep coming
        filed = client.post("/api/requests", json={**GOOD, "details": "x" * 4000})
        assert filed.status_code == 503 and "reference" not in filed.get_json()  # no reference without a row
        health = client.get("/healthz").get_json()
        assert (health["status"], health["reason"]) == ("degraded", reason)
    assert client.get("/healthz").get_json()["status"] == "ok"
    assert client.post("/api/requests", json=GOOD).status_code == 201
    assert {r["id"] for r in rows(path, "questions")} == {r.get_json()["question_id"] for r in asked}
    assert len(rows(path, "requests")) == 1
    create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": path})  # and a restart works


@pytest.mark.parametrize("fault,reason", [("read_only", "read-only"), ("locked", "locked")])
def test_each_fault_keeps_answers_gives_no_reference_without_a_row_and_recovers(app, client, request, fault, reason):
    check_a_fault_keeps_answers_gives_no_reference_and_recovers(app, client, request, fault, reason)


@pytest.mark.sqlite_only
def test_a_full_disk_keeps_answers_gives_no_reference_without_a_row_and_recovers(app, client, request):
    check_a_fault_keeps_answers_gives_no_reference_and_recovers(app, client, request, "full_disk", "full")


@pytest.mark.sqlite_only
def test_a_staff_page_on_a_deleted_database_is_a_clear_503(app, client, auth):
    assert auth.login().status_code == 302
    delete_database(app.config["DATABASE"])
    for path in ("/staff/requests", "/staff/search?q=cookies", "/login"):
        response = client.get(path)
        assert response.status_code == 503, path
        assert "nothing was saved" in response.get_data(as_text=True)

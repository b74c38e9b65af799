"""The question log under concurrency: asks that arrive together while the lock is briefly held all get their row."""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from app import create_app
from app.platform import questionlog
from dbfaults import rows, write_lock_held

pytestmark = pytest.mark.storage

ROOT = Path(__file__).resolve().parents[2]


def _ask_at_once(app, count: int, wording: str):
    """Start `count` threads that ask `wording.format(their number)` at the same moment; returns the threads
    (running) and the list each puts its question id in."""
    start = threading.Barrier(count + 1)
    results = []

    def ask(number: int):
        client = app.test_client()
        start.wait()
        response = client.post("/api/ask", json={"question": wording.format(number)})
        results.append(response.get_json()["question_id"])

    threads = [threading.Thread(target=ask, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    start.wait()
    return threads, results


def _asked_while_stuck(app, count: int, wording: str) -> list[str]:
    """`count` asks at the same moment while another process holds the write lock (so past QUESTION_LOG_WAIT
    every row goes to the spool); returns their question ids once all have answered."""
    with write_lock_held(app.config["DATABASE"]):
        threads, results = _ask_at_once(app, count, wording)
        for thread in threads:
            thread.join()
    return results


@pytest.mark.parametrize("held", [0.0, 0.03])
def test_many_threads_logging_at_once_are_all_written_without_spooling(app, held):
    """16 threads ask at the same moment, while another process holds the write lock for `held` seconds
    (on PostgreSQL: locks every table against writes).

    Each thread's answer returns only once its row is written. (The budget is 1 s here,
    not 50 ms: on a busy 2-CPU machine the main thread itself can take a few hundred
    milliseconds to get the CPU and the GIL back and release the lock.)
    """
    app.config["QUESTION_LOG_WAIT"] = 1.0
    path = app.config["DATABASE"]
    with write_lock_held(path):
        threads, results = _ask_at_once(app, 16, "do you sell my data? ({})")
        time.sleep(held)
    for thread in threads:
        thread.join()
    stored = {row["id"] for row in rows(path, "questions")}
    assert stored == set(results) and len(results) == 16
    assert questionlog.backlog(app) == 0 and app.extensions.get("log_failures", 0) == 0


def test_asks_written_together_while_the_database_is_stuck_are_each_spooled_and_stored_once(app):
    """Threads of one worker write their rows in one transaction; when that transaction cannot start (another
    process holds the write lock past QUESTION_LOG_WAIT), every row of it goes to the spool, none is lost, and
    the drain stores each exactly once."""
    app.config["QUESTION_LOG_WAIT"] = 0.05
    path = app.config["DATABASE"]
    results = _asked_while_stuck(app, 8, "how long do you keep my data? ({})")
    assert len(results) == 8 and questionlog.backlog(app) == 8
    assert rows(path, "questions") == []
    assert questionlog.drain(app) == 8
    assert sorted(row["id"] for row in rows(path, "questions")) == sorted(results)
    assert questionlog.backlog(app) == 0


def _drain_files_away(directory: str, stop) -> None:
    """What another worker's drain does to the spool folder, as fast as it can: its files come and go."""
    number = 0
    while not stop.is_set():
        number += 1
        path = os.path.join(directory, f"{os.getpid()}.{number}.draining")
        with open(path, "wb") as f:
            f.write(b"\n")
        os.unlink(path)


@pytest.mark.slow
def test_rows_are_spooled_while_another_process_drains_its_files_away(app, client, caplog):
    """Listing the spool and sizing its files races with other workers deleting theirs: no row may be lost to it
    (a load run lost one so: the file was gone between the listing and its size)."""
    directory = questionlog.spool_dir(app)
    context = multiprocessing.get_context("spawn")
    stop = context.Event()
    other = context.Process(target=_drain_files_away, args=(str(directory), stop))
    asked = []
    with write_lock_held(app.config["DATABASE"]):
        other.start()
        try:
            for number in range(300):
                response = client.post("/api/ask", json={"question": f"do you sell my data? ({number})"})
                asked.append(response.get_json()["question_id"])
        finally:
            stop.set()
            other.join(timeout=10)
    assert "the row is lost" not in caplog.text
    deadline = time.monotonic() + 30
    while questionlog.backlog(app) and time.monotonic() < deadline:  # the drain thread writes it once the lock is gone
        time.sleep(0.1)
    assert client.get("/healthz").get_json()["status"] == "ok"
    assert sorted(row["id"] for row in rows(app.config["DATABASE"], "questions")) == sorted(asked)


def test_a_spool_file_gone_when_looked_at_hides_no_waiting_row(app, client, caplog):
    """Between listing the spool and looking at a file, another worker may have deleted it (a dangling link here):
    the rows that do wait still count, so /healthz says so and later asks go straight to the spool."""
    directory = questionlog.spool_dir(app)
    with write_lock_held(app.config["DATABASE"]):
        first = client.post("/api/ask", json={"question": "do you sell my data?"}).get_json()["question_id"]
        (directory / "999999.jsonl").symlink_to(directory / "999999.gone")
        caplog.clear()
        second = client.post("/api/ask", json={"question": "is my data encrypted?"}).get_json()["question_id"]
        assert "could not log question" not in caplog.text  # it did not wait for the lock again
        assert questionlog.backlog(app) == 2 and questionlog.is_spooled(app, second)
        health = client.get("/healthz").get_json()
        assert (health["reason"], health["log_backlog"]) == ("locked", 2)
    (directory / "999999.jsonl").unlink()
    assert client.get("/healthz").get_json()["status"] == "ok"
    assert sorted(row["id"] for row in rows(app.config["DATABASE"], "questions")) == sorted([first, second])


# ---- the spool shared by several processes ----------------------------------------------------------------------
# A worker appends to its own file while other processes rename files to claim them: the drain thread of every
# worker, and `questionlog.init_app` (every create_app: a `flask` command, the mail worker, another instance
# starting) claims every file at once. Real processes on one spool folder, as under gunicorn.

PROCESS = r"""
import json, sys, threading, time, uuid
from app import create_app
from app.platform import questionlog

role, database, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
app = create_app({"TESTING": True, "SECRET_KEY": "test-secret", "DATABASE": database, "RATELIMIT_ENABLED": False})
print("ready", flush=True)
sys.stdin.readline()
deadline = time.monotonic() + seconds
if role == "starter":  # a process starting the app again and again: what create_app does with the spool
    app.config["DATABASE_TIMEOUT"] = 0.001  # many claims a second, even while the database is locked
    while time.monotonic() < deadline:
        questionlog.init_app(app)
    sys.exit(0)
results = []

def ask():
    while time.monotonic() < deadline:
        row = {"id": uuid.uuid4().hex, "asked_at": "2026-11-30T10:00:00.000+00:00", "question": "do you sell my data?",
               "kind": "answer", "answered": 1, "channel": "api"}
        with app.test_request_context("/api/ask", method="POST"):
            results.append((row["id"], questionlog.record(row)))

threads = [threading.Thread(target=ask) for _ in range(8)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(json.dumps(results), flush=True)
"""


@contextlib.contextmanager
def _processes(roles: list[str], database: str, seconds: float):
    """Processes running PROCESS in `roles`, yielded once all are ready (go() starts them); killed if the test fails."""
    procs = [subprocess.Popen([sys.executable, "-c", PROCESS, role, database, str(seconds)], cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) for role in roles]

    def go():
        for proc in procs:
            proc.stdin.write("go\n")
            proc.stdin.close()

    try:
        assert [proc.stdout.readline() for proc in procs] == ["ready\n"] * len(roles)
        yield procs, go
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
            proc.wait()
            for pipe in (proc.stdin, proc.stdout):
                pipe.close()


@pytest.mark.slow
@pytest.mark.sqlite_only  # holds SQLite's write lock from another connection
@pytest.mark.parametrize("held, free", [(1.0, 0.0), (0.2, 0.02)], ids=["locked throughout", "locked now and then"])
def test_rows_spooled_while_other_processes_claim_the_spool_are_all_kept(app, held, free):
    """3 worker processes spool rows (8 threads each) while another process starts the app over and over.

    The database is locked by a fourth process for `held` seconds at a time, free for `free`
    seconds in between (the starter's and the workers' drains write the spool then). Every
    row `record` accepted is in the table at the end, none is reported lost (the spool is
    far from full), and while the lock is held with rows waiting, backlog() never says 0.
    """
    database, seconds = app.config["DATABASE"], 3.0
    lock = sqlite3.connect(database, isolation_level=None)
    with _processes(["worker", "worker", "worker", "starter"], database, seconds) as (procs, go):
        lock.execute("BEGIN IMMEDIATE")
        go()
        backlogs, end = [], time.monotonic() + seconds
        while time.monotonic() < end:
            until = time.monotonic() + held
            while time.monotonic() < until:
                if not free and questionlog.backlog(app):  # rows wait, and the lock keeps them from the table
                    backlogs += [questionlog.backlog(app) for _ in range(20)]
            if free:
                lock.execute("ROLLBACK")
                time.sleep(free)
                lock.execute("BEGIN IMMEDIATE")
        lock.execute("ROLLBACK")
        lock.close()
        outputs = [proc.stdout.read() for proc in procs]
        assert [proc.wait(timeout=60) for proc in procs] == [0, 0, 0, 0]
    results = [tuple(r) for output in outputs[:3] for r in json.loads(output)]
    questionlog.drain(app, everything=True)  # what the next start does
    conn = sqlite3.connect(database)
    stored = {row[0] for row in conn.execute("select id from questions")}
    conn.close()
    accepted = {question_id for question_id, status in results if status in ("logged", "spooled")}
    assert len(results) > 100
    assert [r for r in results if r[1] == "lost"] == []
    assert accepted - stored == set()
    assert 0 not in backlogs
    assert questionlog.backlog(app) == 0


CUT_SHORT = r"""
import json, resource, signal, sys, uuid
from app import create_app
from app.platform import questionlog

app = create_app({"TESTING": True, "SECRET_KEY": "test-secret", "DATABASE": sys.argv[1], "RATELIMIT_ENABLED": False})
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) instead of ending the process
soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
results = []
for limit in (64, hard, hard):  # no file may grow past 64 bytes: the database and the spool file fill up
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    row = {"id": uuid.uuid4().hex, "asked_at": "2026-11-30T10:00:00.000+00:00", "question": "do you sell my data?",
           "kind": "answer", "answered": 1, "channel": "api"}
    with app.test_request_context("/api/ask", method="POST"):
        results.append((row["id"], questionlog.record(row)))
print(json.dumps(results))
"""


@pytest.mark.sqlite_only  # reads the SQLite file directly
def test_rows_spooled_after_a_write_cut_short_are_kept(app):
    """A full disk cuts a spool write short: that row is reported lost, and the rows spooled after it are kept.

    (The half line it leaves must not swallow the next row.) The disk fills up for real: the
    process may not grow any file past 64 bytes (RLIMIT_FSIZE), then may again.
    """
    database = app.config["DATABASE"]
    done = subprocess.run([sys.executable, "-c", CUT_SHORT, database], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    (cut, first), (kept, second), (also_kept, third) = json.loads(done.stdout)
    assert (first, second, third) == ("lost", "spooled", "spooled")
    assert f"could not log question {cut}: the row is lost" in done.stderr
    questionlog.drain(app, everything=True)
    conn = sqlite3.connect(database)
    stored = {row[0] for row in conn.execute("select id from questions")}
    conn.close()
    assert stored == {kept, also_kept}
    assert questionlog.backlog(app) == 0


def test_a_question_with_control_characters_is_answered_and_logged_without_them(app, client):
    """PostgreSQL refuses NUL in text: such a row would sit in the spool for ever and send every later ask there.
    The question is answered and logged with each control character read as a space."""
    reply = client.post("/api/ask", json={"question": "do you sell my data\u0000?\u0007"}).get_json()
    page = client.get("/?q=do+you+use+cookies%00&clarifies=%00")
    assert reply["answered"] is True and page.status_code == 200
    stored = {row["id"]: row for row in rows(app.config["DATABASE"], "questions")}
    assert stored[reply["question_id"]]["question"] == "do you sell my data ?"
    assert [(r["question"], r["clarifies"]) for r in stored.values() if r["channel"] == "page"] == \
        [("do you use cookies", None)]
    assert questionlog.backlog(app) == 0


def test_ids_with_control_characters_are_refused(client):
    response = client.post("/api/ask", json={"question": "do you use cookies?", "clarifies": "\u0001" * 8})
    assert response.status_code == 400 and "error" in response.get_json()
    feedback = client.post("/api/feedback", json={"question_id": "a\u0000b", "helpful": True})
    assert feedback.status_code == 400 and "question_id" in feedback.get_json()["error"]


def test_a_spooled_row_the_database_refuses_is_set_aside_and_the_others_are_stored(app, caplog):
    """One bad row (here edited by hand: a question of null) must not keep the rows around it out for ever."""
    app.config["QUESTION_LOG_WAIT"] = 0.01
    path = app.config["DATABASE"]
    _asked_while_stuck(app, 3, "can i delete my data? ({})")
    spool = questionlog.spool_dir(app)
    files = sorted(spool.glob("*.jsonl"))
    lines = [json.loads(line) for f in files for line in f.read_text().splitlines() if line.strip()]
    assert len(lines) == 3
    lines[1]["question"] = None
    for f in files:
        f.unlink()
    (spool / f"{os.getpid()}.jsonl").write_text("".join(json.dumps(row) + "\n" for row in lines))
    assert questionlog.drain(app) == 3
    stored = {row["id"] for row in rows(path, "questions")}
    assert stored == {lines[0]["id"], lines[2]["id"]}
    assert questionlog.backlog(app) == 0
    assert any(lines[1]["id"] in record.getMessage() for record in caplog.records if record.levelname == "ERROR")


def test_an_ask_queued_behind_a_stalled_write_is_spooled_within_the_wait(app, client):
    """Another thread's write of this worker's log that does not finish (a slow disk, a dead connection) holds
    the answers queued behind it no longer than QUESTION_LOG_WAIT: their rows go to the spool."""
    app.config["QUESTION_LOG_WAIT"] = 0.05
    client.post("/api/ask", json={"question": "hello"})
    group = questionlog._groups[(os.getpid(), str(app.config["DATABASE"]))]
    replies = []
    asker = threading.Thread(target=lambda: replies.append(
        client.post("/api/ask", json={"question": "do you share my data?"}).get_json()))
    with group.writer:  # what a stalled write holds
        started = time.monotonic()
        asker.start()
        asker.join(timeout=10)
        waited = time.monotonic() - started
    assert not asker.is_alive() and replies[0]["answered"] is True
    assert waited < 2  # 50 ms, with room for a busy 2-CPU machine; it waited for ever before
    assert questionlog.backlog(app) == 1
    assert questionlog.drain(app) == 1
    assert replies[0]["question_id"] in {row["id"] for row in rows(app.config["DATABASE"], "questions")}


def _ask_in_child(url: str, results) -> None:
    try:
        app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": url, "RATELIMIT_ENABLED": False})
        response = app.test_client().post("/api/ask", json={"question": "do you sell my data?"})
        results.put((response.status_code, response.get_json()["question_id"], app.extensions.get("log_failures", 0)))
    except Exception as exc:  # reported to the parent, which fails the test with it
        results.put((0, repr(exc), -1))


def test_a_worker_forked_while_another_thread_spools_still_logs(app):
    """gunicorn forks its workers, and tests fork theirs, from a process with threads: a fork copies the spool's
    lock as another thread held it at that moment, and the child waited on it for ever (CI hung on it)."""
    holding, release = threading.Event(), threading.Event()

    def spooling():  # what a thread appending to the spool holds, for as long as the fork takes
        with questionlog._lock:
            holding.set()
            release.wait(30)

    holder = threading.Thread(target=spooling)
    holder.start()
    holding.wait(10)
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    child = context.Process(target=_ask_in_child, args=(app.config["DATABASE"], results))
    try:
        child.start()
        status, question_id, spooled = results.get(timeout=60)
    finally:
        release.set()
        holder.join()
        child.join(timeout=30)
        if child.is_alive():
            child.kill()
    assert (status, spooled) == (200, 0), question_id
    assert question_id in {row["id"] for row in rows(app.config["DATABASE"], "questions")}

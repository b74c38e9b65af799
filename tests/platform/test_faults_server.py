"""Storage faults against the Procfile's gunicorn with 4 workers (issue 12): a held write lock, a deleted database.

What the test client cannot show: every worker's /healthz tells the same truth, answers do not wait on the
lock in any worker, the spool of every worker is written once the fault is gone, and the server restarts.
The held lock runs on SQLite and PostgreSQL (tests/dbfaults.py); a deleted file is SQLite's alone.
"""

import os
import shutil
import sqlite3
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path

import pytest

from app.platform import db as storage
from dbfaults import rows, write_lock_held
from procfile_server import ProcfileServer

pytestmark = [pytest.mark.slow, pytest.mark.storage]
WORKERS = 4
LOG_WAIT = 0.05  # QUESTION_LOG_WAIT: how long an ask waits for the lock before its row goes to the spool
HOLD = float(os.environ.get("FAULTS_HOLD_SECONDS", "5"))  # how long the lock is held (the issue held it 20 s)
GOOD = {"type": "deletion", "name": "Asha Rao", "email": "asha@example.com", "details": "Please delete my data."}


def spool_of(tmp: Path, database: str) -> Path:
    """The question spool: next to a SQLite file (the default), or a folder of the test's own for PostgreSQL."""
    target = storage.parse_target(database)
    return Path(f"{target.path}.spool") if target.path is not None else tmp / "question-spool"


class Server(ProcfileServer):
    """The Procfile's server with 4 workers, which can ask every worker at once how it is."""

    def __init__(self, tmp: Path, database: str):
        sqlite = storage.parse_target(database).path is not None  # its spool is the default, next to the file
        super().__init__(tmp, database, workers=WORKERS,
                         env={} if sqlite else {"FLASK_QUESTION_SPOOL_DIR": str(spool_of(tmp, database))})

    def healths(self, count: int = 32, parallel: int = 8) -> list[dict]:
        with ThreadPoolExecutor(parallel) as pool:
            return [body for _, body, _ in pool.map(lambda _: self.call("GET", "/healthz"), range(count))]


def stored(database: str, table: str, column: str) -> list:
    return [row[column] for row in rows(database, table)]


def test_a_held_write_lock_delays_no_answer_and_loses_no_row(tmp_path, database_url):
    database = database_url
    server = Server(tmp_path, database).start()
    lock = ExitStack()
    try:
        asked, latencies, stop = [], [], threading.Event()

        def visitor(n: int):
            while not stop.is_set():
                status, body, elapsed = server.call("POST", "/api/ask", {"question": "do you sell my data?",
                                                                       "session": f"s{n}"})
                assert status == 200 and body["answered"]
                asked.append(body["question_id"])
                latencies.append(elapsed)

        lock.enter_context(write_lock_held(database))  # another process holds the write lock
        held_at = time.monotonic()
        # Fewer clients than workers: what is measured is the log's wait, not a queue for a busy sync worker.
        threads = [threading.Thread(target=visitor, args=(n,)) for n in range(2)]
        for thread in threads:
            thread.start()
        time.sleep(1.5)
        during = server.healths(16, parallel=1)
        time.sleep(max(0.0, HOLD - (time.monotonic() - held_at)))
        stop.set()
        for thread in threads:
            thread.join()
        held_for = time.monotonic() - held_at
        in_table = len(stored(database, "questions", "id"))  # read while the lock is still held
        lock.close()
        time.sleep(2.5)  # the next batch (every 0.1 s) and a fresh health check (every 1 s)
        after = server.healths()
    finally:
        lock.close()
        server.stop()
    written = stored(database, "questions", "id")
    server_log = server.log_path.read_text()
    waited = server_log.count("could not log question ")  # an ask that waited for the lock (or lost its row)
    print(f"\nheld lock {held_for:.1f}s: {len(asked)} asks, {waited} of them waited for the lock; latency median "
          f"{statistics.median(latencies) * 1000:.1f} ms, p99 {sorted(latencies)[int(len(latencies) * 0.99)] * 1000:.1f}"
          f" ms, max {max(latencies) * 1000:.1f} ms; rows while held {in_table}, after {len(written)}; health while "
          f"held {sorted({h['status'] + '/' + h.get('reason', '') for h in during})}, after "
          f"{sorted({h['status'] for h in after})}")
    # No ask waits for the lock: each queues its row in the spool, and each worker's thread writes the batch
    # (QUESTION_LOG_BATCH, the Procfile's default; with 0, the first ask of each client waited QUESTION_LOG_WAIT).
    # That is the product's behaviour; how long an answer takes besides is the machine's: alone, p99 is 5-30 ms
    # and the slowest 30-170 ms (the first asks of each worker), but on a loaded 2-CPU machine the p99 of the same
    # run reached 0.1-0.45 s and the slowest 0.8 s, for asks that never touched the database. So the latencies
    # are held to what the lock would cost: most answers well within the log's wait, none near the 5 s the lock
    # used to cost.
    assert waited == 0 and "the row is lost" not in server_log
    assert statistics.median(latencies) < LOG_WAIT and max(latencies) < 2.5
    assert {(h["status"], h["reason"]) for h in during} == {("degraded", "locked")}
    assert {h["status"] for h in after} == {"ok"}
    assert in_table == 0 and sorted(written) == sorted(asked)  # every row, once
    assert list(spool_of(tmp_path, database).iterdir()) == []
    server = Server(tmp_path, database).start()  # and it restarts
    server.stop()


@pytest.mark.sqlite_only
def test_a_deleted_database_refuses_requests_everywhere_and_recovers_when_restored(tmp_path):
    database = tmp_path / "deleted.sqlite"
    server = Server(tmp_path, database).start()
    try:
        assert server.call("POST", "/api/requests", GOOD)[0] == 201
        source, target = sqlite3.connect(database), sqlite3.connect(tmp_path / "backup.sqlite")
        source.backup(target)
        source.close()
        target.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)

        filed = [server.call("POST", "/api/requests", GOOD) for _ in range(8)]
        asks = [server.call("POST", "/api/ask", {"question": "is my data encrypted?"}) for _ in range(8)]
        time.sleep(1.1)
        during = server.healths()
        assert not database.exists()  # nothing made a new, empty file
        shutil.copy(tmp_path / "backup.sqlite", database)  # recovery: the backup is put back, no restart
        time.sleep(2.5)
        after = server.healths()
        refiled = server.call("POST", "/api/requests", GOOD)
    finally:
        server.stop()
    print(f"\ndeleted database: requests {sorted({s for s, _, _ in filed})}, asks {sorted({s for s, _, _ in asks})}, "
          f"health {sorted({h['status'] + '/' + h.get('reason', '') for h in during})}; restored: health "
          f"{sorted({h['status'] for h in after})}, request {refiled[0]}")
    assert {status for status, _, _ in filed} == {503}
    assert all("reference" not in body for _, body, _ in filed)
    assert {status for status, _, _ in asks} == {200}
    assert {(h["status"], h["reason"]) for h in during} == {("degraded", "missing")}
    assert {h["status"] for h in after} == {"ok"} and refiled[0] == 201
    assert len(stored(str(database), "requests", "reference")) == 2
    assert set(stored(str(database), "questions", "id")) == {body["question_id"] for _, body, _ in asks}
    server = Server(tmp_path, database).start()  # a restart on the restored file works
    server.stop()


def test_rows_spooled_when_the_server_stops_are_written_at_its_next_start(tmp_path, database_url):
    database = database_url
    server = Server(tmp_path, database).start()
    with write_lock_held(database):
        try:
            asked = [server.call("POST", "/api/ask", {"question": "do you sell my data?"})[1]["question_id"]
                     for _ in range(20)]
        finally:
            server.stop()  # with the lock still held: the workers' last drain at exit cannot write them
    left = list(spool_of(tmp_path, database).iterdir())
    assert left and stored(database, "questions", "id") == []
    server = Server(tmp_path, database).start()
    server.stop()
    assert sorted(stored(database, "questions", "id")) == sorted(asked)
    assert list(spool_of(tmp_path, database).iterdir()) == []

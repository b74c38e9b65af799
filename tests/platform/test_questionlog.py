"""The question log under concurrency: asks that arrive together while the lock is briefly held all get their row."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time

import pytest

from app.platform import questionlog
from dbfaults import question_spool_of_its_own, rows, write_lock_held  # noqa: F401

pytestmark = pytest.mark.storage


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
    start = threading.Barrier(17)
    results = []

    def ask(number: int):
        client = app.test_client()
        start.wait()
        response = client.post("/api/ask", json={"question": f"do you sell my data? ({number})"})
        results.append(response.get_json()["question_id"])

    threads = [threading.Thread(target=ask, args=(n,)) for n in range(16)]
    with write_lock_held(path):
        for thread in threads:
            thread.start()
        start.wait()
        time.sleep(held)
    for thread in threads:
        thread.join()
    stored = {row["id"] for row in rows(path, "questions")}
    assert stored == set(results) and len(results) == 16
    assert questionlog.backlog(app) == 0 and app.extensions.get("log_failures", 0) == 0


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
    context = multiprocessing.get_context("fork")
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

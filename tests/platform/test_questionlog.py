"""The question log under concurrency: asks that arrive together while the lock is briefly held all get their row."""

from __future__ import annotations

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

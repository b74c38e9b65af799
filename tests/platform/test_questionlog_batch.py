"""The question log as served by default (QUESTION_LOG_BATCH): each ask appends its row to the spool, and a thread
of the worker writes the rows gathered there in one transaction a moment later.

The rest of the suite logs each ask before answering it (QUESTION_LOG_BATCH = 0, the default of a TESTING app), as
its tests read the log right after asking; the servers the suite starts from the Procfile run with the batches.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import threading
import time

import pytest

from app.platform import questionlog
from dbfaults import rows, write_lock_held

pytestmark = pytest.mark.storage


@pytest.fixture
def batched(app):
    app.config["QUESTION_LOG_BATCH"] = 0.05
    return app


def _stored(app) -> set[str]:
    return {row["id"] for row in rows(app.config["DATABASE"], "questions")}


def _until(condition, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def _ask(client, question: str) -> str:
    response = client.post("/api/ask", json={"question": question})
    assert response.status_code == 200
    return response.get_json()["question_id"]


def test_an_asks_row_is_in_the_spool_when_answered_and_in_the_log_a_moment_later(batched):
    batched.config["QUESTION_LOG_BATCH"] = 0.5  # long enough to see the row wait
    question_id = _ask(batched.test_client(), "do you sell my data?")
    assert questionlog.is_spooled(batched, question_id)
    assert _until(lambda: question_id in _stored(batched))
    # The drain commits the rows, then removes the file it took them from: a moment apart.
    assert _until(lambda: not questionlog.is_spooled(batched, question_id))
    (row,) = rows(batched.config["DATABASE"], "questions")
    assert (row["question"], row["channel"], row["answered"]) == ("do you sell my data?", "api", 1)


def test_asks_of_many_threads_are_each_stored_once(batched):
    results, start = [], threading.Barrier(17)

    def ask(number: int):
        client = batched.test_client()
        start.wait()
        for round_ in range(10):
            results.append(_ask(client, f"do you sell my data? ({number}, {round_})"))

    threads = [threading.Thread(target=ask, args=(n,)) for n in range(16)]
    for thread in threads:
        thread.start()
    start.wait()
    for thread in threads:
        thread.join()
    assert len(results) == 160
    assert _until(lambda: len(_stored(batched)) == 160)
    assert _stored(batched) == set(results)


def test_answers_do_not_wait_while_the_database_is_locked_and_no_row_is_lost(batched):
    """Another process holds the write lock: asks are answered at once, /healthz says the rows are held up
    once they have waited, and every row is stored once the lock is gone."""
    client = batched.test_client()
    questionlog_late = questionlog.LATE_AFTER
    questionlog.LATE_AFTER = 0.3
    try:
        with write_lock_held(batched.config["DATABASE"]):
            started = time.monotonic()
            asked = [_ask(client, f"is my data encrypted? ({n})") for n in range(20)]
            assert time.monotonic() - started < 2.0  # 20 answers, none waiting on the lock
            time.sleep(0.6)
            health = client.get("/healthz").get_json()
            assert health["status"] == "degraded" and health["log_backlog"] == 20
        assert _until(lambda: _stored(batched) == set(asked))
        health = client.get("/healthz").get_json()
        assert health["status"] == "ok" and "log_backlog" not in health
    finally:
        questionlog.LATE_AFTER = questionlog_late


def test_healthz_is_ok_while_rows_wait_for_the_next_batch(batched):
    batched.config["QUESTION_LOG_BATCH"] = 30  # nothing is written meanwhile
    client = batched.test_client()
    _ask(client, "what cookies do you use?")
    assert questionlog.backlog(batched) == 1 and questionlog.backlog(batched, late=True) == 0
    health = client.get("/healthz").get_json()
    assert health["status"] == "ok" and "log_backlog" not in health


def test_feedback_sent_as_soon_as_the_answer_arrives_is_recorded(batched):
    batched.config["QUESTION_LOG_BATCH"] = 30  # the batch would come far too late: feedback writes it
    client = batched.test_client()
    question_id = _ask(client, "how long do you keep my data?")
    response = client.post("/api/feedback", json={"question_id": question_id, "helpful": True})
    assert response.status_code == 200 and response.get_json()["recorded"] is True
    assert [row["helpful"] for row in rows(batched.config["DATABASE"], "feedback")] == [1]


def test_feedback_on_an_unknown_question_is_still_a_404(batched):
    response = batched.test_client().post("/api/feedback", json={"question_id": "0" * 32, "helpful": False})
    assert response.status_code == 404


def _ask_and_die(database: str, spool: str, results) -> None:
    """A worker that answers and is killed before its batch is written (no exit handlers run)."""
    from app import create_app

    try:
        app = create_app({"SECRET_KEY": "test-secret", "DATABASE": database, "RATELIMIT_ENABLED": False,
                          "QUESTION_SPOOL_DIR": spool, "QUESTION_LOG_BATCH": 600})
        client = app.test_client()
        results.put([_ask(client, f"can I delete my account? ({n})") for n in range(5)])
    except BaseException as exc:  # reported to the parent, which fails the test with it
        results.put(repr(exc))
    results.close()
    results.join_thread()  # the queue's own thread sends it: let it finish, and nothing else
    os._exit(0)


def test_rows_of_a_worker_killed_before_its_batch_are_written_by_another(batched):
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    child = context.Process(target=_ask_and_die, args=(batched.config["DATABASE"],
                                                       batched.config["QUESTION_SPOOL_DIR"], results))
    child.start()
    asked = results.get(timeout=60)
    child.join(timeout=30)
    assert isinstance(asked, list), asked
    assert not _stored(batched) & set(asked)
    # The next ask of this worker starts its drain thread, which takes the dead worker's file.
    mine = _ask(batched.test_client(), "do you sell my data?")
    assert _until(lambda: _stored(batched) == {mine, *asked})


def test_a_queue_file_taken_by_a_starting_process_loses_no_row(batched):
    """A process starting up takes every spool file, those of live workers too: the rows appended after that go
    to a new file, and every row is stored once."""
    batched.config["QUESTION_LOG_BATCH"] = 30
    client = batched.test_client()
    first = [_ask(client, f"who sees my data? ({n})") for n in range(3)]
    questionlog.drain(batched, everything=True)  # what init_app does in a starting process
    assert _stored(batched) == set(first)
    later = [_ask(client, f"who sees my data? (later {n})") for n in range(3)]
    assert all(questionlog.is_spooled(batched, question_id) for question_id in later)
    questionlog.drain(batched)
    assert _stored(batched) == set(first + later)


def test_a_full_spool_loses_the_row_loudly_and_answers_anyway(batched, caplog):
    batched.config["QUESTION_LOG_BATCH"] = 30
    batched.config["QUESTION_SPOOL_MAX_BYTES"] = 1500
    client = batched.test_client()
    asked = [_ask(client, f"do you sell my data? ({n})") for n in range(8)]
    lost = [question_id for question_id in asked if f"could not log question {question_id}" in caplog.text]
    assert lost and len(lost) < len(asked)
    assert "the question spool is full" in caplog.text
    spooled = [json.loads(line)["id"] for path in questionlog._files(questionlog.spool_dir(batched))
               for line in path.read_bytes().splitlines()]
    assert sorted(spooled + lost) == sorted(asked)


def _spool_file_of_a_live_process(app, rows: list[dict], size: int = 0) -> "os.PathLike":
    """A spool file as another worker that is alive (our parent) would have it: not ours to take."""
    path = questionlog.spool_dir(app) / f"{os.getppid()}.jsonl"
    text = "".join(json.dumps(row) + "\n" for row in rows)
    path.write_text(text + " " * max(0, size - len(text)))
    return path


def test_the_spool_bound_counts_the_other_workers_files_as_they_grow(batched, caplog):
    """While the database is down every worker's file stays open and grows: each worker measures the others'
    files again (once a second), so all of them together stay within QUESTION_SPOOL_MAX_BYTES."""
    batched.config["QUESTION_LOG_BATCH"] = 30
    batched.config["QUESTION_SPOOL_MAX_BYTES"] = 4000
    client = batched.test_client()
    first = _ask(client, "do you sell my data?")
    _spool_file_of_a_live_process(batched, [], size=3500)  # another worker's rows, after our file was opened
    time.sleep(1.1)
    second = _ask(client, "is my data encrypted?")
    assert questionlog.is_spooled(batched, first)
    assert not questionlog.is_spooled(batched, second)
    assert f"could not log question {second}: the row is lost" in caplog.text
    assert "the question spool is full" in caplog.text


def test_a_row_with_a_column_the_table_lacks_is_stored_without_it_and_holds_back_nothing(batched, caplog):
    """A row of another release (or edited by hand) must not keep the rows behind it out of the log."""
    batched.config["QUESTION_LOG_BATCH"] = 30
    client = batched.test_client()
    before = _ask(client, "do you sell my data?")
    (own,) = questionlog._files(questionlog.spool_dir(batched))
    row = json.loads(own.read_text().splitlines()[0])
    with own.open("a") as f:
        f.write(json.dumps({**row, "id": "f" * 32, "mood": "curious"}) + "\n")
    after = _ask(client, "what cookies do you use?")
    questionlog.drain(batched)
    assert _stored(batched) == {before, "f" * 32, after}
    assert "no column mood in the question log; stored without it" in caplog.text


def _drain_in_child(app, results) -> None:
    try:
        results.put(questionlog.drain(app))
    except BaseException as exc:
        results.put(repr(exc))
    results.close()
    results.join_thread()
    os._exit(0)


def test_rows_put_back_after_a_failed_write_can_be_written_by_any_process(batched):
    """A process whose write failed may never drain again (a preloading master, a command run at start-up): what
    it put back is for any process to take, not only for itself."""
    batched.config["QUESTION_LOG_BATCH"] = 30
    asked = _ask(batched.test_client(), "do you sell my data?")
    with write_lock_held(batched.config["DATABASE"]), pytest.raises(Exception):
        questionlog.drain(batched, wait=0.05)
    (waiting,) = questionlog._files(questionlog.spool_dir(batched))
    assert waiting.name.startswith("free.")
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    child = context.Process(target=_drain_in_child, args=(batched, results))
    child.start()
    assert results.get(timeout=60) == 1
    child.join(timeout=30)
    assert _stored(batched) == {asked}


def test_an_ask_is_answered_and_queued_when_no_writer_thread_can_start(batched, monkeypatch, caplog):
    def refuse(self):
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(questionlog, "_drainers", {})
    monkeypatch.setattr(threading.Thread, "start", refuse)
    question_id = _ask(batched.test_client(), "do you sell my data?")
    assert questionlog.is_spooled(batched, question_id)
    assert "could not start the question spool's writer" in caplog.text


def test_feedback_waits_at_most_a_moment_for_another_workers_row(batched):
    batched.config["QUESTION_LOG_BATCH"] = 30  # that worker writes its batch only in 30 s
    row = {"id": "e" * 32, "asked_at": "2026-12-01T10:00:00.000+00:00", "question": "do you sell my data?",
           "kind": "answer", "answered": 1, "confidence": 0.9, "latency_ms": 1.0, "channel": "api"}
    _spool_file_of_a_live_process(batched, [row])
    started = time.monotonic()
    response = batched.test_client().post("/api/feedback", json={"question_id": row["id"], "helpful": True})
    assert response.status_code == 503 and response.headers["Retry-After"]
    assert time.monotonic() - started < questionlog.FEEDBACK_WAIT + 2


def _queues_in_child(results) -> None:
    results.put(sorted(key[0] for key in questionlog._queues))
    results.close()
    results.join_thread()
    os._exit(0)


def test_a_forked_child_does_not_keep_its_parents_spool_file(batched):
    batched.config["QUESTION_LOG_BATCH"] = 30
    _ask(batched.test_client(), "do you sell my data?")
    assert os.getpid() in {key[0] for key in questionlog._queues}
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    child = context.Process(target=_queues_in_child, args=(results,))
    child.start()
    assert results.get(timeout=60) == []
    child.join(timeout=30)

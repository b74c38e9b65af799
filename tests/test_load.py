"""Concurrency without loss: the Procfile's gunicorn with 4 workers, many clients at once, one row per accept
(in the database, or in the spool that the next start writes to it); on SQLite and on PostgreSQL."""

import http.client
import json
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from app import create_app
from app.platform import db as storage
from app.platform import questionlog
from dbfaults import rows
from procfile_server import ProcfileServer

pytestmark = pytest.mark.storage

ROOT = Path(__file__).resolve().parent.parent
ASKS = 2000
SUBMISSIONS = 300
CLIENTS = 32
QUESTIONS = ["do you sell my data?", "is my data encrypted?", "what cookies do you use?", "hello",
             "delete my account", "my email is asha@example.com, do you share it?", "what time is it?",
             "who do you share my data with?"]


@pytest.fixture
def server(tmp_path, database_url):
    spool = tmp_path / "question-spool"
    running = ProcfileServer(tmp_path, database_url, workers=4, env={"FLASK_QUESTION_SPOOL_DIR": str(spool)}).start()
    yield running.port, database_url, running.proc, spool
    running.stop()


def _client(port: int, jobs: list[tuple[str, dict]]) -> list[tuple[str, int, dict | None]]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    out = []
    for path, payload in jobs:
        try:
            conn.request("POST", path, body=json.dumps(payload), headers={"Content-Type": "application/json"})
            response = conn.getresponse()
            body = response.read()
            out.append((path, response.status, json.loads(body) if body else None))
        except (OSError, http.client.HTTPException):
            out.append((path, 0, None))
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.close()
    return out


@pytest.mark.slow
def test_many_concurrent_clients_lose_nothing(server):
    port, database, proc, spool = server
    jobs = [("/api/ask", {"question": QUESTIONS[i % len(QUESTIONS)], "session": f"s{i % 50}"}) for i in range(ASKS)]
    jobs += [("/api/requests", {"type": "deletion", "name": f"Visitor {i}", "email": f"v{i}@example.com",
                                "details": f"Request number {i}"}) for i in range(SUBMISSIONS)]
    jobs = jobs[::2] + jobs[1::2]  # asks and submissions interleaved
    started = time.perf_counter()
    with ThreadPoolExecutor(CLIENTS) as pool:
        results = [r for batch in pool.map(lambda k: _client(port, jobs[k::CLIENTS]), range(CLIENTS)) for r in batch]
    elapsed = time.perf_counter() - started

    asked = [body["question_id"] for path, status, body in results if path == "/api/ask" and status == 200]
    filed = [body["reference"] for path, status, body in results if path == "/api/requests" and status == 201]
    errors = [(path, status) for path, status, _ in results if status not in (200, 201)]
    proc.terminate()
    proc.wait(timeout=30)
    restarted = create_app({"DATABASE": database, "QUESTION_SPOOL_DIR": str(spool)})
    left = questionlog.backlog(restarted)
    storage.reset_connections(restarted)
    # A row a busy worker spooled and could not write at exit is written by the next start (just done above).
    question_rows = [r["id"] for r in rows(database, "questions")]
    request_rows = [r["reference"] for r in rows(database, "requests")]
    print(f"\nload: {len(results)} sent in {elapsed:.1f}s ({len(results) / elapsed:.0f}/s) by {CLIENTS} clients; "
          f"accepted {len(asked)} asks and {len(filed)} requests; stored {len(question_rows)} question rows and "
          f"{len(request_rows)} request rows; errors {len(errors)}; left in the spool after the restart {left}")
    assert left == 0
    assert errors == []
    assert len(asked) == ASKS and len(filed) == SUBMISSIONS
    assert sorted(question_rows) == sorted(asked)  # exactly one row per accepted ask
    assert sorted(request_rows) == sorted(filed)  # exactly one row per accepted request
    assert len(set(filed)) == SUBMISSIONS

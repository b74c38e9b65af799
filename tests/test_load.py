"""Concurrency without loss: the Procfile's gunicorn with 4 workers, many clients at once, one row per accept."""

import http.client
import json
import os
import secrets
import shlex
import socket
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ASKS = 2000
SUBMISSIONS = 300
CLIENTS = 32
QUESTIONS = ["do you sell my data?", "is my data encrypted?", "what cookies do you use?", "hello",
             "delete my account", "my email is asha@example.com, do you share it?", "what time is it?",
             "who do you share my data with?"]


def procfile_command() -> str:
    for line in (ROOT / "Procfile").read_text().splitlines():
        if line.startswith("web:"):
            return line[len("web:"):].strip()
    raise AssertionError("Procfile has no web: line")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("load")
    port = free_port()
    env = {**os.environ, "PORT": str(port), "WEB_CONCURRENCY": "4",
           "FLASK_SECRET_KEY": secrets.token_hex(32), "FLASK_DATABASE": str(tmp / "load.sqlite"),
           "FLASK_RATELIMIT_ENABLED": "false",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    # The Procfile's own command, bound to loopback instead of every interface.
    command = procfile_command().replace("0.0.0.0:", "127.0.0.1:")
    log = open(tmp / "gunicorn.log", "w")
    proc = subprocess.Popen(["bash", "-c", f"exec {command}"], cwd=ROOT, env=env, stdout=log, stderr=log)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        try:
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                break  # (the threaded workers keep the connection alive: close it, or it leaks)
        except OSError:
            time.sleep(0.2)
        finally:
            conn.close()
    else:
        proc.kill()
        raise AssertionError((tmp / "gunicorn.log").read_text()[-2000:])
    yield port, Path(env["FLASK_DATABASE"]), proc
    proc.terminate()
    proc.wait(timeout=30)
    log.close()


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
    port, database, proc = server
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
    conn = sqlite3.connect(database)
    question_rows = [r[0] for r in conn.execute("select id from questions")]
    request_rows = [r[0] for r in conn.execute("select reference from requests")]
    conn.close()
    print(f"\nload: {len(results)} sent in {elapsed:.1f}s ({len(results) / elapsed:.0f}/s) by {CLIENTS} clients; "
          f"accepted {len(asked)} asks and {len(filed)} requests; stored {len(question_rows)} question rows and "
          f"{len(request_rows)} request rows; errors {len(errors)}")
    assert errors == []
    assert len(asked) == ASKS and len(filed) == SUBMISSIONS
    assert sorted(question_rows) == sorted(asked)  # exactly one row per accepted ask
    assert sorted(request_rows) == sorted(filed)  # exactly one row per accepted request
    assert len(set(filed)) == SUBMISSIONS

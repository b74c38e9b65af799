"""Storage: app/db.py."""

from __future__ import annotations

import os
from pathlib import Path


def test_requests_leave_the_write_ahead_log_open(app, client):
    # Closing the last connection would checkpoint and delete the WAL on every
    # request (about 1.5 ms each); the process keeps one connection open instead.
    wal = Path(app.config["DATABASE"] + "-wal")
    assert client.post("/api/ask", json={"question": "Can I delete my account?"}).status_code == 200
    assert client.get("/healthz").json["status"] == "ok"
    assert wal.exists()
    assert list(app.extensions["db_held"]) == [os.getpid()]


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

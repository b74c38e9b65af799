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


def test_each_question_is_still_logged_once(app, client, db):
    for question in ["Do you sell my data?", "Can I delete my account?"]:
        client.post("/api/ask", json={"question": question})
    assert db["questions"].count == 2

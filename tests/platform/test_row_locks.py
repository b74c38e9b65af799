"""What SQLite's one write lock (BEGIN IMMEDIATE) gave for free, PostgreSQL gets from row locks (SELECT ... FOR
UPDATE in app/platform/db.py's `get(..., for_update=True)`): steps that read a row and then write it based on what
they read take turns. On SQLite and again on PostgreSQL (marker `storage`), with many requests at once.
"""

from __future__ import annotations

import threading

import pytest

pytestmark = pytest.mark.storage

DELETION = {"type": "deletion", "name": "Asha Rao", "email": "asha@example.com", "details": "Delete my account."}
AT_ONCE = 12


def _at_once(app, calls: list[tuple[str, dict]]) -> list[int]:
    """POST every (path, JSON) from its own thread and client, all released together; the statuses."""
    barrier, statuses = threading.Barrier(len(calls)), [None] * len(calls)

    def send(i: int, path: str, payload: dict) -> None:
        client = app.test_client()
        barrier.wait(timeout=30)
        statuses[i] = client.post(path, json=payload).status_code

    threads = [threading.Thread(target=send, args=(i, *call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return statuses


def test_many_wrong_codes_at_once_use_up_exactly_the_allowed_tries(app, client, db):
    # A guesser sending a dozen codes at once gets the same three tries as one sending them one by one: each try
    # reads the code's count of attempts and writes it plus one, so two tries at once must not both read 0.
    reference = client.post("/api/requests", json=DELETION).get_json()["reference"]
    [body] = [row["body_text"] for row in db.query("select body_text from outbox where kind = 'code'")]
    code = body.split("Your code: ")[1][:6]
    wrong = [f"{(int(code) + n) % 1_000_000:06d}" for n in range(1, AT_ONCE + 1)]
    statuses = _at_once(app, [("/api/requests/verify", {"reference": reference, "code": guess}) for guess in wrong])
    assert statuses == [400] * AT_ONCE
    tries = sorted(row["new"] for row in db.query("select new from request_events where field = 'code_wrong'"))
    assert tries == ["verify: try 1", "verify: try 2", "verify: try 3"]
    assert db.scalar("select attempts from request_codes where purpose = 'verify'") == 3
    # The right code now comes too late.
    assert client.post("/api/requests/verify", json={"reference": reference, "code": code}).status_code == 400
    assert db.scalar("select verified from requests") == 0


def test_the_right_code_sent_many_times_at_once_verifies_once(app, client, db):
    reference = client.post("/api/requests", json=DELETION).get_json()["reference"]
    [body] = [row["body_text"] for row in db.query("select body_text from outbox where kind = 'code'")]
    code = body.split("Your code: ")[1][:6]
    statuses = _at_once(app, [("/api/requests/verify", {"reference": reference, "code": code})] * AT_ONCE)
    assert sorted(statuses) == [200] + [400] * (AT_ONCE - 1)  # a used code works once
    assert [row["field"] for row in db.query("select field from request_events where field = 'verified'")] == \
        ["verified"]
    assert db.count("outbox") == 2  # the code, and one receipt: never two

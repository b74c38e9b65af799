"""Verifying the requester's e-mail: codes (hashed, 10 minutes, 3 tries, re-send limits), signed links, agents."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest

from app.platform.db import write
from conftest import add_request, csrf_token
from mailserver import code_in, link_in
from tests.instances import instances  # noqa: F401  (a fixture)

pytestmark = pytest.mark.storage

DELETION = {"type": "deletion", "name": "Asha Rao", "email": "asha@example.com", "details": "Delete my account."}
WRONG = "That code is not right, or it has expired or been used up."


@pytest.fixture
def app(instances, smtp):
    """The app with mail going to the test SMTP server (as tests/conftest.py's mail_app), on the test's database."""
    return instances(MAIL_SERVER="127.0.0.1", MAIL_PORT=smtp.port, MAIL_TIMEOUT=5)


def deliver(runner, smtp, count: int):
    assert runner.invoke(args=["mail", "send"]).exit_code == 0
    return smtp.wait_for(count)[count - 1]


def submit_form(client) -> None:
    token = csrf_token(client, "/request?type=deletion")
    response = client.post("/request", data={**DELETION, "csrf_token": token})
    assert response.status_code == 303 and response.headers["Location"] == "/request/received"


def request_row(db):
    return db.one("select * from requests order by id")


def table(db, name: str) -> list[dict]:
    """Every row of the table `name`, in the order they were written."""
    return db.query(f"select * from {name} order by id")


def age_codes(db, seconds: int) -> None:
    """Move every code `seconds` into the past (as if that much time had gone by)."""
    with write(db):
        for row in table(db, "request_codes"):
            db.update("request_codes", row["id"], {
                "created_at": (datetime.fromisoformat(row["created_at"]) - timedelta(seconds=seconds)).isoformat(),
                "expires_at": (datetime.fromisoformat(row["expires_at"]) - timedelta(seconds=seconds)).isoformat()})


# ---- the form and its confirmation page ---------------------------------------------------------------------------

def test_the_form_stores_the_request_unverified_and_walks_the_visitor_through_the_code(client, runner, db, smtp):
    submit_form(client)
    row = request_row(db)
    assert row["verified"] == 0 and row["language"] == "en"
    page = client.get("/request/received").get_data(as_text=True)
    assert "Confirm your e-mail address" in page and 'autocomplete="one-time-code"' in page
    code = code_in(deliver(runner, smtp, 1))
    token = csrf_token(client, "/request/received")
    response = client.post("/request/verify", data={"code": code, "csrf_token": token})
    assert response.status_code == 303
    page = client.get("/request/received").get_data(as_text=True)
    assert "Your e-mail address is confirmed" in page and 'name="code"' not in page
    row = request_row(db)
    assert row["verified"] == 1 and row["verified_by"] == "requester" and row["verify_note"] == "code"
    kinds = [e["field"] for e in table(db, "request_events")]
    assert kinds == ["created", "code_sent", "mail_delivered", "verified"]
    assert [m["kind"] for m in table(db, "outbox")] == ["code", "receipt"]
    # The browser that proved the address sees the status without another code.
    assert "verified" in client.get("/request/status").get_data(as_text=True)


def test_codes_are_stored_only_as_a_keyed_hash(client, runner, db, smtp):
    client.post("/api/requests", json=DELETION)
    code = code_in(deliver(runner, smtp, 1))
    [stored] = table(db, "request_codes")
    assert code not in str(stored) and re.fullmatch(r"[0-9a-f]{64}", stored["code_hash"])


def test_three_wrong_codes_use_up_the_code(client, runner, db, smtp):
    reference = client.post("/api/requests", json=DELETION).get_json()["reference"]
    code = code_in(deliver(runner, smtp, 1))
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for attempt in range(3):
        response = client.post("/api/requests/verify", json={"reference": reference, "code": wrong})
        assert response.status_code == 400 and WRONG in response.get_json()["error"]
    response = client.post("/api/requests/verify", json={"reference": reference, "code": code})
    assert response.status_code == 400  # the right code, too late
    assert request_row(db)["verified"] == 0
    assert [e["new"] for e in table(db, "request_events") if e["field"] == "code_wrong"] == [
        "verify: try 1", "verify: try 2", "verify: try 3"]
    # A new code works again.
    age_codes(db, 61)
    assert client.post("/api/requests/resend", json={"reference": reference}).status_code == 202
    fresh = code_in(deliver(runner, smtp, 2))
    assert client.post("/api/requests/verify", json={"reference": reference, "code": fresh}).get_json() == {
        "reference": reference, "verified": True, "status_url": "/request/status"}


def test_an_expired_code_is_refused(client, runner, db, smtp):
    reference = client.post("/api/requests", json=DELETION).get_json()["reference"]
    code = code_in(deliver(runner, smtp, 1))
    age_codes(db, 10 * 60 + 1)
    assert client.post("/api/requests/verify", json={"reference": reference, "code": code}).status_code == 400
    assert request_row(db)["verified"] == 0


def test_a_new_code_replaces_the_old_one(client, runner, db, smtp):
    reference = client.post("/api/requests", json=DELETION).get_json()["reference"]
    old = code_in(deliver(runner, smtp, 1))
    age_codes(db, 61)
    client.post("/api/requests/resend", json={"reference": reference})
    new = code_in(deliver(runner, smtp, 2))
    assert client.post("/api/requests/verify", json={"reference": reference, "code": old}).status_code == 400 \
        or old == new
    assert client.post("/api/requests/verify", json={"reference": reference, "code": new}).status_code == 200


def test_re_sending_is_limited(client, db):
    reference = client.post("/api/requests", json=DELETION).get_json()["reference"]
    response = client.post("/api/requests/resend", json={"reference": reference})
    assert response.status_code == 429 and 1 <= int(response.headers["Retry-After"]) <= 60
    assert "before asking for another code" in response.get_json()["error"]
    for _ in range(3):  # one a minute, up to 4 codes an hour
        age_codes(db, 61)
        assert client.post("/api/requests/resend", json={"reference": reference}).status_code == 202
    age_codes(db, 61)
    response = client.post("/api/requests/resend", json={"reference": reference})
    assert response.status_code == 429 and int(response.headers["Retry-After"]) > 60
    assert db.count("request_codes") == 4


def test_the_form_resend_button_says_when_to_try_again(client, db):
    submit_form(client)
    token = csrf_token(client, "/request/received")
    client.post("/request/resend", data={"csrf_token": token})
    assert "Please wait" in client.get("/request/received").get_data(as_text=True)
    age_codes(db, 61)
    client.post("/request/resend", data={"csrf_token": token})
    assert "We have sent a new code" in client.get("/request/received").get_data(as_text=True)
    assert db.count("request_codes") == 2


def test_unknown_references_get_the_same_answers_as_known_ones(client):
    reference = client.post("/api/requests", json=DELETION).get_json()["reference"]
    answers = []
    for ref in (reference, "BM-0000-0000", "not a reference"):
        answers.append(client.post("/api/requests/verify", json={"reference": ref, "code": "000000"}).get_json())
    assert answers[0] == answers[1] == answers[2]
    assert client.post("/api/requests/resend", json={"reference": "BM-0000-0000"}).status_code == 202


@pytest.mark.parametrize("body, status", [
    ({"reference": "BM-0000-0000"}, 400),
    ({"reference": "BM-0000-0000", "code": 123456}, 400),
    ({"reference": ["x"], "code": "123456"}, 400),
    ("[]", 400),
])
def test_bad_verify_bodies_get_json_errors(client, body, status):
    kwargs = {"data": body} if isinstance(body, str) else {"json": body}
    response = client.post("/api/requests/verify", **kwargs)
    assert response.status_code == status and response.get_json()["error"]


# ---- the signed link ------------------------------------------------------------------------------------------------

def test_the_signed_link_asks_for_a_press_before_confirming(client, runner, db, smtp):
    client.post("/api/requests", json=DELETION)
    link = link_in(deliver(runner, smtp, 1))
    path = link.removeprefix("http://localhost")
    page = client.get(path)
    assert page.status_code == 200 and "Confirm my address" in page.get_data(as_text=True)
    assert request_row(db)["verified"] == 0  # opening the link (a mail scanner) confirms nothing
    client.post(path, data={"csrf_token": csrf_token(client, path)})
    row = request_row(db)
    assert row["verified"] == 1 and row["verify_note"] == "link"
    assert "already confirmed" in client.get(path).get_data(as_text=True)


@pytest.mark.parametrize("token", ["nonsense", "eyJyIjoiQk0tMDAwMC0wMDAwIn0.aw0oLQ.forged", "x" * 300])
def test_a_forged_or_damaged_link_confirms_nothing(client, db, token):
    client.post("/api/requests", json=DELETION)
    response = client.get(f"/request/confirm/{token}")
    assert response.status_code == 400 and "This link does not work" in response.get_data(as_text=True)
    assert request_row(db)["verified"] == 0


# ---- agents ---------------------------------------------------------------------------------------------------------

def test_agents_see_unverified_requests_apart_and_can_verify_one_with_a_reason(client, auth, db):
    unverified = add_request(db, reference="BM-UNVE-0001")
    add_request(db, reference="BM-VERI-0001", verified=1)
    auth.login("asha")
    page = client.get("/staff/requests").get_data(as_text=True)
    apart = page.split("Awaiting e-mail verification", 1)[1].split("Verified requests", 1)
    assert "BM-UNVE-0001" in apart[0] and "BM-VERI-0001" not in apart[0]
    assert "BM-VERI-0001" in apart[1]
    response = auth.post(f"/staff/requests/{unverified}/verify", {"reason": ""}, page=f"/staff/requests/{unverified}")
    assert response.status_code == 400
    auth.post(f"/staff/requests/{unverified}/verify", {"reason": "called the number on the account"},
              page=f"/staff/requests/{unverified}")
    row = db.get("requests", unverified)
    assert (row["verified"], row["verified_by"], row["verify_note"]) == (1, "asha", "called the number on the account")
    assert ("asha", "verified", "agent") in [(e["by"], e["field"], e["new"]) for e in table(db, "request_events")]
    assert [m["kind"] for m in table(db, "outbox")] == ["receipt"]
    page = client.get(f"/staff/requests/{unverified}").get_data(as_text=True)
    assert "by asha: called the number on the account" in page


def test_agents_close_stale_unverified_requests(client, auth, db):
    old = (datetime.now(timezone.utc) - timedelta(days=8)).isoformat(timespec="seconds")
    recent = (datetime.now(timezone.utc) - timedelta(days=2)).isoformat(timespec="seconds")
    stale = add_request(db, reference="BM-OLD1-0001", received_at=old)
    fresh = add_request(db, reference="BM-NEW1-0001", received_at=recent)
    verified = add_request(db, reference="BM-VER1-0001", received_at=old, verified=1)
    auth.login("asha")
    response = auth.post("/staff/requests/close-unverified", {}, page="/staff/requests", follow_redirects=True)
    assert "Closed 1 unverified request." in response.get_data(as_text=True)
    assert [db.get("requests", i)["status"] for i in (stale, fresh, verified)] == ["refused", "new", "new"]
    assert "never confirmed" in db.get("requests", stale)["outcome"]
    auth.post("/staff/requests/close-unverified", {"request_id": str(fresh)}, page="/staff/requests")
    assert db.get("requests", fresh)["status"] == "refused"
    assert db.count("outbox") == 0  # an address nobody confirmed gets no more mail


def test_purge_removes_old_unverified_requests_only(runner, db):
    old = (datetime.now(timezone.utc) - timedelta(days=40)).isoformat(timespec="seconds")
    add_request(db, reference="BM-OLD2-0001", received_at=old)
    add_request(db, reference="BM-OLD3-0001", received_at=old, verified=1)
    add_request(db, reference="BM-NEW2-0001", received_at=datetime.now(timezone.utc).isoformat(timespec="seconds"))
    result = runner.invoke(args=["purge", "--unverified-older-than", "30d", "--dry-run"])
    assert "would delete 1 unverified requests" in result.output and db.count("requests") == 3
    result = runner.invoke(args=["purge", "--unverified-older-than", "30d"])
    assert result.exit_code == 0 and "deleted 1 unverified requests" in result.output
    assert sorted(r["reference"] for r in table(db, "requests")) == ["BM-NEW2-0001", "BM-OLD3-0001"]
    assert "unverified" not in runner.invoke(args=["purge"]).output  # only when asked


def test_purge_takes_a_requests_events_codes_and_mail_with_it(client, runner, db):
    """Requests made through the API have a trail, a code and a message: purge leaves none of them behind."""
    kept = client.post("/api/requests", json=DELETION).get_json()["reference"]
    gone = client.post("/api/requests", json={**DELETION, "email": "old@example.com"}).get_json()["reference"]
    old = (datetime.now(timezone.utc) - timedelta(days=40)).isoformat(timespec="seconds")
    with write(db):
        db.execute("update requests set received_at = :old where reference = :reference",
                   {"old": old, "reference": gone})
    result = runner.invoke(args=["purge", "--unverified-older-than", "30d"])
    assert result.exit_code == 0 and "deleted 1 unverified requests" in result.output
    [row] = table(db, "requests")
    assert row["reference"] == kept
    for name in ("request_events", "request_codes", "outbox"):
        assert {r["request_id"] for r in table(db, name)} == {row["id"]}, name


@pytest.mark.parametrize("age", ["0d", "1h", "23h"])
def test_purge_keeps_unverified_requests_whose_link_still_works(client, runner, db, age):
    client.post("/api/requests", json=DELETION)
    result = runner.invoke(args=["purge", "--unverified-older-than", age])
    assert result.exit_code == 2 and "must be at least 24h" in result.output
    assert db.count("requests") == 1

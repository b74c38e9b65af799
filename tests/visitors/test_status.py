"""The requester's status page: the same reply for every lookup, a mailed code, then only public facts."""

from __future__ import annotations

import re

import pytest

from app import create_app
from app.platform.db import write
from conftest import FAST_ARGON2, csrf_token
from mailserver import code_in, text_of
from tests.instances import instances  # noqa: F401  (a fixture)

pytestmark = pytest.mark.storage

DELETION = {"type": "deletion", "name": "Asha Rao", "email": "asha@example.com", "details": "Delete my account."}


@pytest.fixture
def app(instances, smtp):
    """The app with mail going to the test SMTP server (as tests/conftest.py's mail_app), on the test's database."""
    return instances(MAIL_SERVER="127.0.0.1", MAIL_PORT=smtp.port, MAIL_TIMEOUT=5)


def deliver(runner, smtp, count: int):
    assert runner.invoke(args=["mail", "send"]).exit_code == 0
    return smtp.wait_for(count)[count - 1]


def look_up(client, reference: str, email: str):
    return client.post("/request/status", data={"reference": reference, "email": email,
                                                "csrf_token": csrf_token(client, "/request/status")})


def main(html: str) -> str:
    return html.split("<main", 1)[1].split("</main>", 1)[0]


@pytest.fixture
def reference(client):
    return client.post("/api/requests", json=DELETION).get_json()["reference"]


def test_every_lookup_gets_the_same_reply(app, reference):
    replies = []
    for ref, email in [(reference, "asha@example.com"), (reference, "someone@example.com"),
                       ("BM-0000-0000", "asha@example.com"), (reference.lower(), "ASHA@example.com ")]:
        visitor = app.test_client()
        response = look_up(visitor, ref, email)
        assert response.status_code == 303 and response.headers["Location"] == "/request/status#code"
        page = main(visitor.get("/request/status").get_data(as_text=True))
        # The page names the reference the visitor typed; apart from that, it is word for word the same.
        page = re.sub(r'name="csrf_token" value="[^"]+"', "", page)  # each browser has its own token
        replies.append(page.replace(ref.strip().upper(), "REF"))
    assert len(set(replies)) == 1
    assert "If that reference and e-mail address belong to the same request" in replies[0]


def test_only_the_matching_lookup_mails_a_code(app, client, runner, smtp, reference, db):
    look_up(app.test_client(), reference, "someone@example.com")
    look_up(app.test_client(), "BM-0000-0000", "asha@example.com")
    look_up(client, reference, "asha@example.com")
    deliver(runner, smtp, 2)
    status_codes = [m for m in smtp.messages if "status" in m["Subject"]]
    assert len(status_codes) == 1 and status_codes[0]["To"] == "asha@example.com"
    assert status_codes[0]["Subject"] == f"Your code to see the status of request {reference}"


def test_the_code_shows_the_status_due_date_and_public_history_only(app, client, runner, smtp, reference, db, auth):
    request_id = db.scalar("select id from requests")
    staff = app.test_client()
    auth.login("asha", client=staff)
    auth.post(f"/staff/requests/{request_id}", {"status": "in progress", "notes": "SECRET NOTE about CRM"},
              page=f"/staff/requests/{request_id}", client=staff)
    look_up(client, reference, "asha@example.com")
    code = code_in(deliver(runner, smtp, 2))
    response = client.post("/request/status/code", data={"code": code,
                                                          "csrf_token": csrf_token(client, "/request/status")})
    assert response.status_code == 303
    page = main(client.get("/request/status").get_data(as_text=True))
    row = db.get("requests", request_id)
    assert reference in page and "Delete my data" in page
    assert re.search(r'<dd class="status">in progress</dd>', page)
    assert f'datetime="{row["due_date"]}"' in page and " IST" in page
    assert "Request received" in page and "Status: in progress" in page
    assert "E-mail address confirmed" in page  # the status code went to the address: that proves it
    assert "SECRET NOTE" not in page and "asha</" not in page and "by asha" not in page
    assert db.get("requests", request_id)["verified"] == 1


def test_a_refusal_shows_its_reason(app, client, runner, smtp, reference, db, auth):
    request_id = db.scalar("select id from requests")
    staff = app.test_client()
    auth.login("asha", client=staff)
    auth.post(f"/staff/requests/{request_id}", {"status": "refused", "outcome": "No account uses this address."},
              page=f"/staff/requests/{request_id}", client=staff)
    look_up(client, reference, "asha@example.com")
    code = code_in(deliver(runner, smtp, 2))
    client.post("/request/status/code", data={"code": code, "csrf_token": csrf_token(client, "/request/status")})
    page = main(client.get("/request/status").get_data(as_text=True))
    assert "Why we cannot act on it" in page and "No account uses this address." in page
    assert "Status: refused" in page


def test_a_wrong_code_shows_nothing(client, runner, smtp, reference):
    look_up(client, reference, "asha@example.com")
    code = code_in(deliver(runner, smtp, 2))
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    client.post("/request/status/code", data={"code": wrong, "csrf_token": csrf_token(client, "/request/status")})
    page = main(client.get("/request/status").get_data(as_text=True))
    assert "That code is not right" in page and "What has happened" not in page


def test_a_code_for_an_unknown_reference_fails_like_a_wrong_one(client):
    look_up(client, "BM-0000-0000", "asha@example.com")
    client.post("/request/status/code", data={"code": "123456", "csrf_token": csrf_token(client, "/request/status")})
    assert "That code is not right" in client.get("/request/status").get_data(as_text=True)


@pytest.mark.parametrize("reference, email, problem", [
    ("", "asha@example.com", "Enter the reference"),
    ("BM-12", "asha@example.com", "Enter the reference"),
    ("BM-0000-0000", "", "Enter the e-mail address"),
    ("BM-0000-0000", "no at sign", "Enter the e-mail address"),
])
def test_malformed_lookups_are_refused_with_the_field_marked(client, reference, email, problem):
    response = look_up(client, reference, email)
    assert response.status_code == 400 and problem in response.get_data(as_text=True)


def test_the_status_page_is_rate_limited(tmp_path):
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "t.sqlite"),
                      "ARGON2_PARAMETERS": FAST_ARGON2, "RATELIMIT_STATUS": "3/minute"})
    client = app.test_client()
    token = csrf_token(client, "/request/status")
    statuses = [client.post("/request/status", data={"reference": f"BM-0000-000{i}", "email": "a@example.com",
                                                     "csrf_token": token}).status_code for i in range(5)]
    assert statuses == [303, 303, 303, 429, 429]
    # Codes count against the same budget, so guessing one is no way around it.
    response = client.post("/request/status/code", data={"code": "123456", "csrf_token": token})
    assert response.status_code == 429 and "Retry-After" in response.headers


def test_start_again_forgets_the_lookup(client, reference):
    look_up(client, reference, "asha@example.com")
    client.post("/request/status/forget", data={"csrf_token": csrf_token(client, "/request/status")})
    page = client.get("/request/status").get_data(as_text=True)
    assert 'name="reference"' in page and 'name="code"' not in page


def test_the_status_mail_says_nothing_without_the_code(runner, smtp, client, reference):
    look_up(client, reference, "asha@example.com")
    message = deliver(runner, smtp, 2)
    assert "If you did not ask, ignore this message" in text_of(message)


def test_an_old_request_keeps_working(client, db):
    with write(db):
        db.execute("update requests set verified = 1")
    assert client.get("/request/status").status_code == 200

"""A rights request's whole life, as its requester and an agent live it, with real mail (aiosmtpd on 127.0.0.1).

Submitted while the mail server is down, verified after a wrong code, worked on, extended, exported and refused:
every event lands in the audit trail (the agent's page and the CSV export), every message to the requester
arrives with what it must say, and the requester's status page shows the public part and nothing else.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime, timedelta, timezone

import pytest

from app.staff.desk import today
from app.visitors.intake import due_date
from conftest import csrf_token
from mailserver import code_in, html_of, text_of
from tests.instances import instances  # noqa: F401  (a fixture)

pytestmark = pytest.mark.storage

GRIEVANCE = {"type": "grievance", "name": "Asha Rao", "email": "asha@example.com",
             "details": "I asked you to delete my data two months ago and nobody replied. This is a complaint."}
NOTE = "Internal: the CRM shows two accounts; checked with Ravi."
REASON = "Your complaint covers three accounts and eight years of support tickets."
OUTCOME = "We found no failure to act: your deletion request was completed on 2 November."


@pytest.fixture
def app(instances, smtp):
    """The app mailing the test SMTP server, retrying a failed delivery at once, on the test's database."""
    return instances(MAIL_SERVER="127.0.0.1", MAIL_PORT=smtp.port, MAIL_TIMEOUT=5, MAIL_RETRY_SECONDS=0)


def send(runner) -> str:
    result = runner.invoke(args=["mail", "send"])
    assert result.exit_code == 0, result.output
    return result.output.strip()


def arrived(smtp, subject: str):
    """The one message whose subject contains `subject`."""
    found = [m for m in smtp.messages if subject in m["Subject"]]
    assert len(found) == 1, [m["Subject"] for m in smtp.messages]
    return found[0]


def main(html: str) -> str:
    return html.split("<main", 1)[1].split("</main>", 1)[0]


def export(agent) -> dict:
    response = agent.get("/staff/requests.csv?status=all")
    assert response.status_code == 200
    [row] = csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff")))
    return row


def test_a_request_from_submission_to_refusal_with_every_event_and_message(app, client, runner, db, smtp, auth):
    # --- submitted while the mail server is down: stored at once, unverified, its code waiting in the outbox ---
    began = datetime.now(timezone.utc).replace(microsecond=0)
    smtp.stop()
    response = client.post("/api/requests", json=GRIEVANCE)
    assert response.status_code == 201 and response.get_json()["verified"] is False
    reference = response.get_json()["reference"]
    row = db.one("select * from requests where reference = :reference", {"reference": reference})
    rid = row["id"]
    # A grievance is due by the same rule as every request (the policy's 30 days, or a calendar month if sooner).
    assert row["due_date"] == due_date(datetime.fromisoformat(row["received_at"])).isoformat()
    assert send(runner) == "sent 0, retrying 1, failed 0"
    smtp.start()
    assert send(runner) == "sent 1, retrying 0, failed 0"
    code = code_in(arrived(smtp, "Confirm your e-mail address"))

    # --- a wrong code, then the right one: verified, and the receipt arrives -------------------------------------
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    assert client.post("/api/requests/verify", json={"reference": reference, "code": wrong}).status_code == 400
    assert client.post("/api/requests/verify", json={"reference": reference, "code": code}).status_code == 200
    send(runner)
    receipt = text_of(arrived(smtp, "We have received your request"))
    assert f"Reference: {reference}" in receipt and "Complain about how we handled my data" in receipt

    # --- an agent works on it, notes, extends (the notice arrives), exports, refuses (the reason arrives) ---------
    staff = app.test_client()
    auth.login("asha", role="agent", client=staff)
    page = f"/staff/requests/{rid}"
    assert auth.post(page, {"status": "in progress"}, page=page, client=staff).status_code == 302
    assert auth.post(page, {"notes": NOTE}, page=page, client=staff).status_code == 302
    original = date.fromisoformat(row["due_date"])
    extended = original + timedelta(days=45)
    response = auth.post(f"{page}/extend", {"extended_due": extended.isoformat(), "reason": REASON}, page=page,
                         client=staff, follow_redirects=True)
    assert "the requester is being told by e-mail" in response.get_data(as_text=True)
    send(runner)
    notice = arrived(smtp, "we need more time")
    shown = f"{extended.day} {extended:%b %Y}"
    assert notice["Subject"] == f"Your request {reference}: we need more time (new date {shown})"
    assert f"New date for our response: {shown}" in text_of(notice) and f"Why: {REASON}" in text_of(notice)
    assert REASON in html_of(notice) and shown in html_of(notice)
    first_export = export(staff)
    assert first_export["extended_due"] == extended.isoformat() and first_export["extension_reason"] == REASON
    assert auth.post(page, {"status": "refused", "outcome": OUTCOME}, page=page, client=staff).status_code == 302
    send(runner)
    refusal = arrived(smtp, "we cannot act on it")
    assert "Why:" in text_of(refusal) and OUTCOME in text_of(refusal) and OUTCOME in html_of(refusal)
    for message in smtp.messages:  # the agent's notes and name never leave the building
        assert NOTE not in text_of(message) and "asha</" not in html_of(message) and "Ravi" not in text_of(message)

    # --- the requester's status page: the public part of all that, and nothing else --------------------------------
    client.post("/request/status", data={"reference": reference, "email": "asha@example.com",
                                         "csrf_token": csrf_token(client, "/request/status")})
    send(runner)
    status_code = code_in(arrived(smtp, "status of request"))
    client.post("/request/status/code", data={"code": status_code,
                                              "csrf_token": csrf_token(client, "/request/status")})
    status = main(client.get("/request/status").get_data(as_text=True))
    assert '<dd class="status">refused</dd>' in status and '<dd class="verified-state">verified</dd>' in status
    assert f"Why we cannot act on it</dt><dd class=\"outcome\">{OUTCOME}</dd>" in status
    assert f'<time datetime="{extended.isoformat()}">{shown}</time> (extended from ' in status
    assert f'<time datetime="{original.isoformat()}">{original.day} {original:%b %Y}</time>: {REASON})' in status
    history = re.findall(r"</time>: ([^<]+)</li>", status)
    assert history == ["Request received", "E-mail address confirmed", "Status: in progress",
                       f"Due date extended to {shown}", "Status: refused"]
    for private in (NOTE, "CRM", "asha", "Wrong code", "delivered", "export"):
        assert private not in status, private

    # --- the audit trail: every event, with who and when, on the agent's page and in the export -----------------
    trail = main(staff.get(page).get_data(as_text=True)).split('id="history"', 1)[1].split("</ol>", 1)[0]
    events = re.findall(r'<li class="event-([a-z_]+)"><time datetime="([^"]+)">[^<]+</time> <strong>([^<]+)</strong>',
                        trail)
    assert [(kind, by) for kind, _at, by in events] == [
        ("created", "requester"), ("code_sent", "system"), ("mail_failed", "system"), ("mail_delivered", "system"),
        ("code_wrong", "requester"), ("verified", "requester"), ("mail_delivered", "system"),
        ("status", "asha"), ("note", "asha"), ("extended", "asha"), ("mail_delivered", "system"),
        ("export", "asha"), ("status", "asha"), ("mail_delivered", "system"),
        ("code_sent", "system"), ("mail_delivered", "system")]  # the status page's code
    assert all(began <= datetime.fromisoformat(at) <= datetime.now(timezone.utc) for _kind, at, _by in events)
    for label in ("Request received", "Verification code sent", "E-mail delivery failed", "E-mail delivered",
                  "Wrong code entered", "E-mail address verified", "Status changed", "Notes edited",
                  "Due date extended", "Included in a CSV export", REASON, OUTCOME):
        assert label in trail, label
    assert NOTE not in trail  # a note's text stays in the notes
    history = export(staff)["history"].splitlines()
    assert len(history) == len(events) + 1  # this export is itself in the trail it exports
    for line, (kind, at, by) in zip(history, events):
        assert line.startswith(f"{at} {by}: "), (line, kind)
    assert any("E-mail delivery failed" in line and "attempt 1 failed" in line for line in history)
    assert history[-1].endswith(f"asha: Included in a CSV export (requests-{today().isoformat()}.csv)")
    assert NOTE not in "\n".join(history)
    stored = db.query('select "by", field, old, new, reason from request_events where request_id = :rid', {"rid": rid})
    assert not [e for e in stored if any(NOTE in (value or "") for value in e.values())]

"""Mail: queued with the change it reports, delivered by the worker through a real SMTP server, retried, never lost."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from babel.dates import format_date

from app import ConfigurationError, create_app
from app.platform import db as storage
from app.platform import mail, schema
from app.platform.db import connect, write
from app.platform.timefmt import DATE_PATTERN

from conftest import FAST_ARGON2, add_request, csrf_token
from mailserver import MailServer, code_in, html_of, link_in, text_of

pytestmark = pytest.mark.storage
ROOT = Path(__file__).resolve().parents[2]
DELETION = {"type": "deletion", "name": "Asha Rao", "email": "asha@example.com", "details": "Delete my account."}


@pytest.fixture
def mail_app(database_url, smtp):
    """The app with mail going to the test SMTP server, on SQLite or (the PostgreSQL run) PostgreSQL."""
    app = create_app({"TESTING": True, "SECRET_KEY": "test-secret", "DATABASE": database_url,
                      "RATELIMIT_ENABLED": False, "ARGON2_PARAMETERS": FAST_ARGON2, "HEALTH_PROBE_INTERVAL": 0,
                      "MAIL_SERVER": "127.0.0.1", "MAIL_PORT": smtp.port, "MAIL_TIMEOUT": 5})
    yield app
    storage.reset_connections(app)


@pytest.fixture
def app(mail_app):
    """Every test here (and conftest's client, runner, db and auth) uses the app that mails the test server."""
    return mail_app


def outbox(db) -> list[dict]:
    return db.query("select * from outbox order by id")


def request_row(db, reference: str) -> dict:
    return db.one("select * from requests where reference = :reference", {"reference": reference})


def send(runner) -> str:
    result = runner.invoke(args=["mail", "send"])
    assert result.exit_code == 0, result.output
    return result.output.strip()


def submit(client, **fields) -> str:
    response = client.post("/api/requests", json={**DELETION, **fields})
    assert response.status_code == 201, response.get_json()
    return response.get_json()["reference"]


def events(db, reference: str) -> list[tuple[str, str, str]]:
    return [tuple(r) for r in db.execute(
        'select e."by", e.field, e.new from request_events e join requests r on r.id = e.request_id '
        "where r.reference = :reference order by e.id", {"reference": reference})]


# ---- the messages and their content ------------------------------------------------------------------------------

def test_nothing_is_sent_during_the_visitors_request_the_worker_delivers_it(client, runner, db, smtp):
    reference = submit(client)
    assert smtp.messages == []  # queued in the request's transaction, not sent
    assert [r["status"] for r in outbox(db)] == ["queued"]
    assert send(runner) == "sent 1, retrying 0, failed 0"
    [message] = smtp.wait_for(1)
    assert message["To"] == "asha@example.com"
    assert message["From"] == "Blue Messaggio Privacy <privacy@bluemessaggio.example>"
    assert message["Subject"] == f"Confirm your e-mail address for request {reference}"
    assert message.get_content_type() == "multipart/alternative"
    code = code_in(message)
    assert code in html_of(message) and reference in html_of(message)
    assert "/request/confirm/" in link_in(message)
    assert "within 10 minutes" in text_of(message)
    [row] = outbox(db)
    assert row["status"] == "sent" and row["attempts"] == 1
    assert code not in row["body_text"] and row["body_html"] is None  # no code left in the database
    assert ("system", "mail_delivered", f"code (message {row['id']})") in events(db, reference)
    assert send(runner) == "sent 0, retrying 0, failed 0"  # never twice
    assert len(smtp.messages) == 1


def test_the_receipt_arrives_once_the_address_is_verified(client, runner, db, smtp):
    reference = submit(client)
    send(runner)
    code = code_in(smtp.wait_for(1)[0])
    assert client.post("/api/requests/verify", json={"reference": reference, "code": code}).status_code == 200
    send(runner)
    receipt = smtp.wait_for(2)[1]
    assert receipt["Subject"] == f"We have received your request {reference}"
    row = request_row(db, reference)
    text = text_of(receipt)
    due = date.fromisoformat(row["due_date"])
    assert f"Reference: {reference}" in text
    assert "Request: Delete my data" in text
    assert f"We will respond by: {due.day} {due:%b %Y}" in text
    assert "What happens next" in text and "http://localhost/request/status" in text
    assert "Delete my data" in html_of(receipt)
    assert receipt["Content-Language"] == "en"


def test_a_receipt_after_an_extension_gives_the_extended_date(client, runner, db, smtp, auth):
    """Extended before the address was confirmed (the agent told the requester another way): the receipt, mailed
    on confirmation, gives the date that holds now."""
    reference = submit(client)
    send(runner)
    code = code_in(smtp.wait_for(1)[0])
    row = request_row(db, reference)
    extended = date.fromisoformat(row["due_date"]) + timedelta(days=20)
    auth.login("asha")
    auth.post(f"/staff/requests/{row['id']}/extend", {"extended_due": extended.isoformat(), "reason": "Two accounts."},
              page=f"/staff/requests/{row['id']}")
    assert client.post("/api/requests/verify", json={"reference": reference, "code": code}).status_code == 200
    send(runner)
    receipt = smtp.wait_for(2)[1]
    assert f"We will respond by: {extended.day} {extended:%b %Y}" in text_of(receipt)
    assert f"<td>{extended.day} {extended:%b %Y}</td>" in html_of(receipt)


@pytest.mark.parametrize("status, outcome, subject, says", [
    ("done", "We deleted your account and its messages.", "is done", "What we did:"),
    ("refused", "We could not find an account for this address.", "we cannot act on it", "Why:"),
])
def test_closing_a_verified_request_mails_the_requester_with_the_reason(client, runner, db, smtp, auth, status,
                                                                        outcome, subject, says):
    reference = submit(client)
    send(runner)
    client.post("/api/requests/verify", json={"reference": reference, "code": code_in(smtp.wait_for(1)[0])})
    send(runner)
    request_id = request_row(db, reference)["id"]
    auth.login("asha")
    response = auth.post(f"/staff/requests/{request_id}", {"status": status, "outcome": outcome,
                                                            "notes": "internal: checked CRM"},
                         page=f"/staff/requests/{request_id}", follow_redirects=True)
    assert "the requester is told by e-mail" in response.get_data(as_text=True)
    send(runner)
    message = smtp.wait_for(3)[2]
    assert message["Subject"].endswith(subject) and reference in message["Subject"]
    text = text_of(message)
    assert says in text and outcome in text and outcome in html_of(message)
    assert "internal" not in text  # staff notes never leave the building


def test_refusing_needs_a_reason_for_the_requester(client, db, auth):
    request_id = add_request(db)
    auth.login("asha")
    auth.post(f"/staff/requests/{request_id}", {"status": "refused"}, page=f"/staff/requests/{request_id}")
    assert db.get("requests", request_id)["status"] == "new"


def test_an_unverified_request_closed_by_an_agent_is_not_mailed(client, db, auth, runner, smtp):
    reference = submit(client)
    request_id = request_row(db, reference)["id"]
    auth.login("asha")
    auth.post(f"/staff/requests/{request_id}", {"status": "done", "outcome": "x"}, page=f"/staff/requests/{request_id}")
    assert [r["kind"] for r in outbox(db)] == ["code"]


def test_extension_notice_has_the_new_date_and_reason(mail_app, runner, db, smtp):
    request_id = add_request(db, reference="BM-EXTN-0001")
    row = db.get("requests", request_id)
    with mail_app.test_request_context(), write(db):
        mail.queue_mail(db, "extension", row["email"], row, new_due=date(2027, 2, 24),
                        reason="We need the records of two services.", status_url="http://x/request/status")
    send(runner)
    [message] = smtp.wait_for(1)
    assert message["Subject"] == "Your request BM-EXTN-0001: we need more time (new date 24 Feb 2027)"
    assert "New date for our response: 24 Feb 2027" in text_of(message)
    assert "Why: We need the records of two services." in text_of(message)
    assert "24 Feb 2027" in html_of(message)


def test_queue_mail_refuses_to_run_outside_a_transaction_and_unknown_kinds(mail_app, db):
    row = db.get("requests", add_request(db))
    with mail_app.test_request_context():
        with pytest.raises(RuntimeError, match="inside the caller's write transaction"):
            mail.queue_mail(db, "receipt", row["email"], row)
        with write(db), pytest.raises(ValueError, match="unknown mail kind"):
            mail.queue_mail(db, "newsletter", row["email"], row)


def test_the_digest_lists_open_requests_due_within_five_days(mail_app, runner, db, smtp):
    from app.staff.desk import today

    def due(n):
        return (today() + timedelta(days=n)).isoformat()

    add_request(db, reference="BM-SOON-0001", due_date=due(2))
    add_request(db, reference="BM-EDGE-0005", due_date=due(5), urgent=1, type="child_data")
    add_request(db, reference="BM-OVER-0001", due_date=due(-3))
    add_request(db, reference="BM-LATE-0009", due_date=due(9))
    add_request(db, reference="BM-DONE-0001", due_date=due(1), status="done")
    # Extended: due on the extended date, like the queue says (not overdue once the original date passes).
    add_request(db, reference="BM-EXTD-0001", due_date=due(-4), extended_due=due(20), extension_reason="Big")
    add_request(db, reference="BM-EXTD-0002", due_date=due(-6), extended_due=due(4), extension_reason="Big")
    mail_app.config["MAIL_DIGEST_TO"] = ["team@bluemessaggio.example", "lead@bluemessaggio.example"]
    result = runner.invoke(args=["mail", "digest"])
    assert result.exit_code == 0 and "queued a digest of 4 requests to 2 addresses" in result.output
    send(runner)
    messages = smtp.wait_for(2)
    assert sorted(m["To"] for m in messages) == ["lead@bluemessaggio.example", "team@bluemessaggio.example"]
    text = text_of(messages[0])
    assert messages[0]["Subject"] == "4 requests due within 5 days"
    assert (text.index("BM-OVER-0001") < text.index("BM-SOON-0001") < text.index("BM-EXTD-0002")
            < text.index("BM-EDGE-0005"))
    assert "3 days overdue" in text and "2 days left" in text and "CHILD'S DATA" in text
    soon = (today() + timedelta(days=4))
    assert f"BM-EXTD-0002  access  due {soon.day} {soon:%b %Y}, extended (4 days left)" in text
    assert "BM-EXTD-0002</a> access, due" in html_of(messages[0]) and ", extended" in html_of(messages[0])
    assert "BM-LATE-0009" not in text and "BM-DONE-0001" not in text and "BM-EXTD-0001" not in text
    assert "http://localhost:5000/staff/requests/" in text


def test_the_digest_needs_recipients(runner):
    result = runner.invoke(args=["mail", "digest"])
    assert result.exit_code == 2 and "FLASK_MAIL_DIGEST_TO is empty" in result.output


# ---- in the requester's language ---------------------------------------------------------------------------------

HI = {"Accept-Language": "hi-IN,hi;q=0.9"}
ENGLISH_MONTHS = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b")


def in_hindi(day) -> str:
    """A date as mail in Hindi shows it (timefmt's one pattern, Hindi month names)."""
    return format_date(day, DATE_PATTERN, locale="hi")


def test_a_request_made_in_hindi_gets_its_code_and_receipt_in_hindi(client, runner, db, smtp):
    reference = client.post("/api/requests", json=DELETION, headers=HI).get_json()["reference"]
    send(runner)
    [code_mail] = smtp.wait_for(1)
    assert code_mail["Subject"] == f"अनुरोध {reference} के लिए अपने ई-मेल पते की पुष्टि करें"
    assert code_mail["Content-Language"] == "hi"
    text, html = text_of(code_mail), html_of(code_mail)
    code = code_in(code_mail)
    assert f"आपका कोड: {code}" in text and "इसे 10 मिनट के भीतर उसी पेज पर डालें" in text
    assert '"मेरे पते की पुष्टि करें" दबाएँ:' in text and "/request/confirm/" in link_in(code_mail)
    assert '<html lang="hi">' in html and f"आपका कोड: <strong" in html and code in html
    assert ">इस लिंक से अपने पते की पुष्टि करें</a>" in html and "Blue Messaggio, मुंबई · गोपनीयता टीम" in html
    for english in ("Your code", "Confirm your", "Please confirm", "minutes", "privacy team"):
        assert english not in text and english not in html, english

    # Confirmed from a browser in English: the receipt follows the request's language, not the page's.
    assert client.post("/api/requests/verify", json={"reference": reference, "code": code}).status_code == 200
    send(runner)
    receipt = smtp.wait_for(2)[1]
    assert receipt["Subject"] == f"हमें आपका अनुरोध {reference} मिल गया है"
    assert receipt["Content-Language"] == "hi"
    row = db.one("select * from requests where reference = :reference", {"reference": reference})
    text, html = text_of(receipt), html_of(receipt)
    due = in_hindi(date.fromisoformat(row["due_date"]))
    assert f"संदर्भ संख्या: {reference}" in text and "अनुरोध: मेरा डेटा मिटाएँ" in text
    assert f"हम इस तारीख़ तक जवाब देंगे: {due}" in text and "आगे क्या होगा" in text
    assert "कार्रवाई करने से पहले, यह पुष्टि करने के लिए कि खाता आपका ही है" in text
    assert "<td>मेरा डेटा मिटाएँ</td>" in html and f"<td>{due}</td>" in html and " IST</td>" in html
    assert ">अपने अनुरोध की स्थिति देख</a>" in html
    for part in (text, html):
        assert not ENGLISH_MONTHS.search(part)
        for english in ("Thank you", "Reference", "Delete my data", "What happens next", "We will respond by"):
            assert english not in part, english

    # The status page's code, asked for from an English page, is in Hindi too.
    client.post("/request/status", data={"reference": reference, "email": "asha@example.com",
                                         "csrf_token": csrf_token(client, "/request/status")})
    send(runner)
    status_code = smtp.wait_for(3)[2]
    assert status_code["Subject"] == f"अनुरोध {reference} की स्थिति देखने के लिए आपका कोड"
    assert "इसे 10 मिनट के भीतर स्थिति वाले पेज पर डालें" in text_of(status_code)
    assert re.fullmatch(r"\d{6}", code_in(status_code))


@pytest.mark.parametrize("status, subject, says", [
    ("done", "आपका अनुरोध {} पूरा हो गया है", "हमने क्या किया:"),
    ("refused", "आपका अनुरोध {}: हम इस पर कार्रवाई नहीं कर सकते", "कारण:"),
])
def test_an_agent_on_an_english_page_closes_a_hindi_request_in_hindi(client, runner, db, smtp, auth, status,
                                                                      subject, says):
    reference = client.post("/api/requests", json=DELETION, headers=HI).get_json()["reference"]
    send(runner)
    client.post("/api/requests/verify", json={"reference": reference, "code": code_in(smtp.wait_for(1)[0])})
    request_id = db.scalar("select id from requests where reference = :reference", {"reference": reference})
    auth.login("asha")
    page = auth.post(f"/staff/requests/{request_id}", {"status": status, "outcome": "Checked the account."},
                     page=f"/staff/requests/{request_id}", follow_redirects=True)
    assert '<html lang="en">' in page.get_data(as_text=True)  # the agent's page stays English
    send(runner)
    message = smtp.wait_for(3)[2]
    assert message["Subject"] == subject.format(reference) and message["Content-Language"] == "hi"
    assert f"{says}\n" in text_of(message).replace("\r\n", "\n")
    assert "Checked the account." in text_of(message)  # the agent's words, as written
    assert "स्थिति और अब तक की कार्रवाई देखें" in html_of(message) and "See the status" not in html_of(message)


def test_an_extension_queued_outside_a_request_is_in_the_requesters_language(mail_app, runner, db, smtp):
    """The command line or the worker has no visitor's request: the message still takes the request's language."""
    row = db.get("requests", add_request(db, reference="BM-EXTN-0002", language="hi"))
    with mail_app.app_context(), write(db):
        mail.queue_mail(db, "extension", row["email"], row, language=row["language"], new_due="2027-02-24",
                        reason="We need the records of two services.")
    send(runner)
    [message] = smtp.wait_for(1)
    new_date = in_hindi(date(2027, 2, 24))
    assert message["Subject"] == f"आपका अनुरोध BM-EXTN-0002: हमें और समय चाहिए (नई तारीख़ {new_date})"
    text = text_of(message)
    assert f"हमारे जवाब की नई तारीख़: {new_date}" in text and "कारण: We need the records of two services." in text
    assert f"<strong>{new_date}</strong>" in html_of(message) and not ENGLISH_MONTHS.search(text)


@pytest.mark.parametrize("offered, stored, subject, content_language", [
    ("en,hi", "hi", "हमें आपका अनुरोध BM-LANG-0001 मिल गया है", "hi"),
    ("en,hi,mr", "mr", "आम्हाला तुमची विनंती BM-LANG-0001 मिळाली आहे", "mr"),
    ("en,hi", "mr", "We have received your request BM-LANG-0001", "en"),   # Marathi not offered: English
    ("en", "hi", "We have received your request BM-LANG-0001", "en"),      # Hindi switched off: English
    ("en,hi", "ta", "We have received your request BM-LANG-0001", "en"),   # no such interface at all
    ("en,hi", "", "We have received your request BM-LANG-0001", "en"),
])
def test_mail_is_in_the_stored_language_where_the_interface_offers_it(tmp_path, smtp, offered, stored, subject,
                                                                      content_language):
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "t.sqlite"),
                      "LANGUAGES": offered, "MAIL_SERVER": "127.0.0.1", "MAIL_PORT": smtp.port})
    db = connect(app.config["DATABASE"])
    try:
        row = db.get("requests", add_request(db, reference="BM-LANG-0001", language=stored, verified=1))
        with app.test_request_context(headers=HI), write(db):  # the page's own language does not count
            mail.queue_mail(db, "receipt", row["email"], row, language=row["language"],
                            type_label="Delete my data")
        assert app.test_cli_runner().invoke(args=["mail", "send"]).exit_code == 0
        [message] = smtp.wait_for(1)
        assert message["Subject"] == subject and message["Content-Language"] == content_language
        assert f'<html lang="{content_language}">' in html_of(message)
        assert db.query("select language from outbox")[0]["language"] == content_language
    finally:
        db.close()


@pytest.mark.parametrize("subject", [
    "अनुरोध BM-SVJR-9ERG की स्थिति देखने के लिए आपका कोड",  # lost the space before "आपका" (CPython gh-92081)
    "आपका अनुरोध BM-TEST-0001: हमें और समय चाहिए (नई तारीख़ 24 फ़र॰ 2027)",
    "तुमची विनंती BM-TEST-0001: आम्हाला अधिक वेळ हवा आहे (नवी तारीख 24 फेब्रु 2027) " * 3,
    "Your request BM-TEST-0001: we need more time (new date 24 Feb 2027), and a long subject goes on and on",
])
def test_a_long_subject_in_any_language_arrives_word_for_word(subject):
    import email
    import email.policy

    message = mail.build_message(mail.DEFAULTS, {"to_addr": "asha@example.com", "subject": subject,
                                                 "body_text": "x", "body_html": "<p>x</p>", "language": "hi"})
    raw = message.as_bytes(policy=message.policy.clone(linesep="\r\n"))
    head = raw.split(b"\r\n\r\n", 1)[0]
    assert max(len(line) for line in head.split(b"\r\n")) <= 78
    assert email.message_from_bytes(raw, policy=email.policy.default)["Subject"] == subject


# ---- failures: the server down, refusals, retries ------------------------------------------------------------------

def test_mail_server_down_at_submission_request_kept_and_mail_delivered_later(mail_app, client, runner, db, smtp):
    mail_app.config["MAIL_RETRY_SECONDS"] = 0
    smtp.stop()
    reference = submit(client)  # the visitor is not kept waiting on mail
    assert db.count("requests") == 1
    assert send(runner) == "sent 0, retrying 1, failed 0"
    [row] = outbox(db)
    assert row["status"] == "queued" and row["attempts"] == 1 and "unreachable" in row["last_error"]
    assert any(field == "mail_failed" and "attempt 1 failed" in new for _, field, new in events(db, reference))
    smtp.start()  # back, on the same port
    assert send(runner) == "sent 1, retrying 0, failed 0"
    [message] = smtp.wait_for(1)
    assert reference in message["Subject"]
    assert db.get("outbox", row["id"])["status"] == "sent"


def test_retries_back_off_exponentially_then_give_up_visibly(mail_app, client, runner, db, smtp, auth):  # noqa: PLR0913
    mail_app.config.update(MAIL_RETRY_SECONDS=60, MAIL_MAX_ATTEMPTS=3)
    smtp.stop()
    submit(client)
    waits = []
    for _ in range(2):
        before = datetime.now(timezone.utc)
        send(runner)
        row = outbox(db)[0]
        waits.append(round((datetime.fromisoformat(row["next_attempt_at"]) - before).total_seconds() / 60))
        assert send(runner) == "sent 0, retrying 0, failed 0"  # not due yet
        with write(db):
            db.execute("update outbox set next_attempt_at = :at", {"at": "2000-01-01T00:00:00+00:00"})
    assert waits == [1, 2]  # 60 s, then 120 s
    assert send(runner) == "sent 0, retrying 0, failed 1"
    row = outbox(db)[0]
    assert row["status"] == "failed" and row["attempts"] == 3
    auth.login("asha")
    assert "1 e-mail to requesters\n  could not be delivered" in client.get("/staff/requests").get_data(as_text=True)
    page = client.get("/staff/outbox?status=failed").get_data(as_text=True)
    assert "mail server unreachable" in page
    # An agent sends it again once the server is back.
    smtp.start()
    auth.post(f"/staff/outbox/{row['id']}/retry", {}, page=f"/staff/outbox/{row['id']}")
    assert send(runner) == "sent 1, retrying 0, failed 0"
    assert len(smtp.wait_for(1)) == 1


def test_a_refused_recipient_fails_at_once(client, runner, db, smtp):
    reference = submit(client, email="refuse-me@example.com")
    assert send(runner) == "sent 0, retrying 0, failed 1"
    row = outbox(db)[0]
    assert row["status"] == "failed" and row["attempts"] == 1
    assert "recipient refused by the mail server (550)" == row["last_error"]
    assert "refuse-me" not in row["last_error"]
    assert db.count("requests") == 1 and reference


def test_two_workers_never_send_the_same_message(mail_app, client, db, smtp):
    for i in range(12):
        submit(client, email=f"person{i}@example.com")
    connections = [connect(mail_app.config["DATABASE"]) for _ in range(2)]
    threads = [threading.Thread(target=mail.deliver_due, args=(c, mail_app.config)) for c in connections]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    for c in connections:
        c.close()
    messages = smtp.wait_for(12)
    time.sleep(0.3)
    assert sorted(m["To"] for m in smtp.messages) == sorted(f"person{i}@example.com" for i in range(12))


def test_without_a_mail_server_messages_stay_in_the_outbox_for_staff(app, client, runner, auth, db):
    app.config["MAIL_SERVER"] = None  # the `make run` default
    client.post("/api/requests", json=DELETION)
    result = runner.invoke(args=["mail", "send"])
    assert "FLASK_MAIL_SERVER is not set" in result.output
    [row] = outbox(db)
    assert row["status"] == "queued"
    auth.login("asha")
    page = client.get("/staff/outbox").get_data(as_text=True)
    assert "No mail server is configured" in page and "asha@example.com" in page
    message = client.get(f"/staff/outbox/{row['id']}").get_data(as_text=True)
    code = row["body_text"].split("Your code: ")[1][:6]
    assert f"Your code: {code}" in message  # the laptop flow: the agent can read the code


@pytest.mark.parametrize("query, shown, page_text", [("", 100, "Page 1 of 3"), ("?page=3", 5, "Page 3 of 3"),
                                                      ("?status=failed", 0, None)])
def test_the_outbox_is_shown_a_page_at_a_time(client, auth, db, query, shown, page_text):
    with write(db):
        db.execute(schema.outbox.insert(), [{"kind": "code", "to_addr": f"v{i}@example.com", "subject": f"Message {i}",
                                             "body_text": "b", "status": "sent", "attempts": 1,
                                             "created_at": "2026-11-30T00:00:00+00:00",
                                             "next_attempt_at": "2026-11-30T00:00:00+00:00"} for i in range(205)])
    auth.login("asha")
    page = client.get(f"/staff/outbox{query}").get_data(as_text=True)
    assert page.count("@example.com") == shown
    assert (page_text in page) if page_text else ("Page " not in page)


# ---- configuration --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("settings, message", [
    ({"MAIL_PORT": "abc"}, r"FLASK_MAIL_PORT must be a whole number \(got 'abc'\), e.g. 587"),
    ({"MAIL_PORT": 70000}, "FLASK_MAIL_PORT must be a port number from 1 to 65535"),
    ({"MAIL_USE_TLS": True, "MAIL_USE_SSL": True}, "choose STARTTLS"),
    ({"MAIL_USE_TLS": "yes"}, "FLASK_MAIL_USE_TLS must be true or false"),
    ({"MAIL_USERNAME": "bm"}, "Set both FLASK_MAIL_USERNAME and FLASK_MAIL_PASSWORD"),
    ({"MAIL_SERVER": "smtp.example", "MAIL_DEFAULT_SENDER": ""}, "mail needs a sender"),
    ({"MAIL_DIGEST_TO": 5}, "FLASK_MAIL_DIGEST_TO must be addresses"),
])
def test_mail_settings_that_cannot_work_stop_start_up(tmp_path, settings, message):
    with pytest.raises(ConfigurationError, match=message):
        create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "t.sqlite"), **settings})


def test_mail_settings_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("FLASK_MAIL_PORT", "2525")
    monkeypatch.setenv("FLASK_MAIL_DIGEST_TO", "a@example.com, b@example.com")
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "t.sqlite")})
    assert app.config["MAIL_PORT"] == 2525
    assert app.config["MAIL_DIGEST_TO"] == ["a@example.com", "b@example.com"]
    monkeypatch.setenv("FLASK_MAIL_PORT", "smtp")
    with pytest.raises(ConfigurationError, match="FLASK_MAIL_PORT must be a whole number"):
        create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "t.sqlite")})


# ---- the Procfile's worker, for real -----------------------------------------------------------------------------

@pytest.mark.slow
def test_the_worker_process_delivers_until_stopped(tmp_path, smtp, database_url):
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("FLASK_")},
           "FLASK_DATABASE": database_url, "FLASK_SECRET_KEY": "worker-test-key", "FLASK_MAIL_SERVER": "127.0.0.1",
           "FLASK_MAIL_PORT": str(smtp.port), "FLASK_QUESTION_SPOOL_DIR": str(tmp_path / "spool")}
    app = create_app({"TESTING": True, "SECRET_KEY": "worker-test-key", "DATABASE": database_url,
                      "RATELIMIT_ENABLED": False})
    worker = subprocess.Popen([sys.executable, "-m", "flask", "--app", "app", "mail", "send", "--loop",
                               "--interval", "0.2"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    try:
        app.test_client().post("/api/requests", json=DELETION)
        [message] = smtp.wait_for(1, timeout=20)
        assert message["To"] == "asha@example.com"
    finally:
        worker.send_signal(signal.SIGTERM)
        output, _ = worker.communicate(timeout=20)
        storage.reset_connections(app)
    assert worker.returncode == 0, output
    assert "sent 1, retrying 0, failed 0" in output


# ---- a provider's server: TLS and a login ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    """A self-signed certificate for 127.0.0.1 (made with the openssl command), and its key."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = str(folder / "cert.pem"), str(folder / "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                    "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True)
    return cert, key


def test_mail_goes_over_starttls_with_the_login_it_is_given(tmp_path, monkeypatch, certificate):
    """A provider's port 587: STARTTLS, then a login (aiosmtpd refuses one before TLS)."""
    from mailserver import MailServer

    # The app verifies the server's certificate as it would a provider's: trust the test's own, as a CA.
    monkeypatch.setenv("SSL_CERT_FILE", certificate[0])
    server = MailServer(tls="starttls", certificate=certificate, login=("bm-mail", "s3cret pass")).start()
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "t.sqlite"),
                      "RATELIMIT_ENABLED": False, "MAIL_SERVER": "127.0.0.1", "MAIL_PORT": server.port,
                      "MAIL_TIMEOUT": 5, "MAIL_USE_TLS": True, "MAIL_USERNAME": "bm-mail",
                      "MAIL_PASSWORD": "s3cret pass"})
    client, runner = app.test_client(), app.test_cli_runner()
    try:
        assert client.post("/api/requests", json=DELETION).status_code == 201
        assert send(runner) == "sent 1, retrying 0, failed 0"
        [message] = server.wait_for(1)
        assert message["To"] == "asha@example.com" and re.fullmatch(r"\d{6}", code_in(message))
        assert server.sessions == [("bm-mail", True)]  # logged in, over TLS
        # A wrong password (one that expired, say) keeps the message for a retry and says why, not the password.
        app.config["MAIL_PASSWORD"] = "wrong password"
        assert client.post("/api/requests", json=DELETION).status_code == 201
        assert send(runner) == "sent 0, retrying 1, failed 0"
        db = connect(app.config["DATABASE"])
        try:
            error = db.scalar("select last_error from outbox where status = 'queued'")
        finally:
            db.close()
        assert error.startswith("mail server answered 535") and "wrong" not in error
    finally:
        server.stop()


def test_mail_goes_over_tls_from_the_first_byte(tmp_path, monkeypatch, certificate):
    """Port 465 (FLASK_MAIL_USE_SSL)."""
    from mailserver import MailServer

    monkeypatch.setenv("SSL_CERT_FILE", certificate[0])
    server = MailServer(tls="ssl", certificate=certificate).start()
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "t.sqlite"),
                      "RATELIMIT_ENABLED": False, "MAIL_SERVER": "127.0.0.1", "MAIL_PORT": server.port,
                      "MAIL_TIMEOUT": 5, "MAIL_USE_SSL": True})
    try:
        assert app.test_client().post("/api/requests", json=DELETION).status_code == 201
        assert send(app.test_cli_runner()) == "sent 1, retrying 0, failed 0"
        [message] = server.wait_for(1)
        assert message["To"] == "asha@example.com" and server.sessions == [(None, True)]
    finally:
        server.stop()


def test_a_server_whose_certificate_cannot_be_trusted_gets_no_mail(tmp_path, certificate):
    from mailserver import MailServer

    server = MailServer(tls="starttls", certificate=certificate).start()  # self-signed, and not trusted here
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "t.sqlite"),
                      "RATELIMIT_ENABLED": False, "MAIL_SERVER": "127.0.0.1", "MAIL_PORT": server.port,
                      "MAIL_TIMEOUT": 5, "MAIL_USE_TLS": True})
    try:
        assert app.test_client().post("/api/requests", json=DELETION).status_code == 201
        assert send(app.test_cli_runner()) == "sent 0, retrying 1, failed 0"
        assert server.messages == []
    finally:
        server.stop()

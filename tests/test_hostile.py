"""Every hostile string from ../shared/badinput in every visitor text field: handled or refused, never a 500,
stored exactly as accepted, and shown escaped. Runs in .ci/run; deselected when the lists are absent."""

import json

import pytest
from markupsafe import escape

from app.engine.redact import redact
from app.visitors.chat import CONTROL

from conftest import BADINPUT_DIR, csrf_token

pytestmark = [pytest.mark.shared_data, pytest.mark.storage]


def hostile_strings() -> list[str]:
    strings = json.loads((BADINPUT_DIR / "blns.json").read_text(encoding="utf-8"))
    for name in ("xss_payloads_quick.txt", "xss_polyglots.txt", "sqli_generic_fuzz.txt"):
        strings += (BADINPUT_DIR / name).read_text(encoding="utf-8").splitlines()
    return list(dict.fromkeys(strings))


@pytest.fixture(scope="module")
def strings():
    found = hostile_strings()
    assert len(found) > 500  # the lists were really read
    return found



def test_ask_api_answers_or_refuses_and_logs_exactly_what_it_accepted(client, db, strings):
    accepted = []
    for text in strings:
        response = client.post("/api/ask", json={"question": text, "session": text[:128]})
        assert response.status_code in (200, 400), text
        body = response.get_json()
        meant = CONTROL.sub(" ", text).strip()  # control characters are read as spaces
        if response.status_code == 400:
            assert not meant or len(meant) > 500, text
            assert body["error"]
        else:
            accepted.append((body["question_id"], redact(meant)))
    stored = {row["id"]: row["question"] for row in db.query("select id, question from questions")}
    assert stored == dict(accepted)


def test_chat_page_shows_every_question_escaped(client, strings):
    for text in strings:
        response = client.get("/", query_string={"q": text})
        assert response.status_code == 200, text
        html = response.get_data(as_text=True)
        if CONTROL.sub(" ", text).strip():
            assert str(escape(CONTROL.sub(" ", text).strip())) in html, text


def test_feedback_refuses_hostile_ids_cleanly(client, strings):
    for text in strings:
        response = client.post("/api/feedback", json={"question_id": text, "helpful": True})
        assert response.status_code in (400, 404), text
        assert response.get_json()["error"]


@pytest.mark.parametrize("field", ["name", "details", "email", "type"])
def test_requests_api_stores_exactly_or_refuses_every_string(client, db, strings, field):
    good = {"type": "deletion", "name": "Asha", "email": "asha@example.com", "details": "Delete my data."}
    for text in strings:
        response = client.post("/api/requests", json={**good, field: text})
        assert response.status_code in (201, 400), (field, text)
        if response.status_code == 201:
            reference = response.get_json()["reference"]
            row = db.execute(f"select {field} from requests where reference = :reference",
                             {"reference": reference}).fetchone()
            assert row[0] == text.strip(), (field, text)
        else:
            assert field in response.get_json()["fields"], (field, text)


@pytest.mark.parametrize("field", ["name", "details"])
def test_request_form_stores_exactly_or_refuses_and_shows_escaped(client, db, strings, field):
    token = csrf_token(client, "/request")
    good = {"csrf_token": token, "type": "deletion", "name": "Asha", "email": "asha@example.com",
            "details": "Delete my data."}
    before = db.count("requests")
    stored = 0
    for text in strings:
        # A refused form shows what was typed back to the visitor: it must come back escaped.
        response = client.post("/request", data={**good, field: text, "email": "not an address"})
        assert response.status_code == 400, text
        html = response.get_data(as_text=True)
        if text.strip() and ("<" in text or ">" in text):
            assert text.strip() not in html.split("<main", 1)[1], text
        response = client.post("/request", data={**good, field: text})
        assert response.status_code in (303, 400), text
        if response.status_code == 303:
            stored += 1
            row = db.execute(f"select {field} from requests order by id desc limit 1").fetchone()
            assert row[0] == text.strip().replace("\r\n", "\n") or row[0] == text.strip(), text
    assert db.count("requests") == before + stored


# ---- staff pages: the place where visitor text is most dangerous -------------------------------------------------

def _main(html: str) -> str:
    return html.split("<main", 1)[1].split("</main>", 1)[0]


def _tagged(strings):
    """The strings that would do harm if a page showed them unescaped."""
    return [s for s in strings if "<" in s and ">" in s and s.strip()]


def test_login_refuses_every_string_with_the_generic_error(client, strings):
    token = csrf_token(client, "/login")
    for text in strings:
        response = client.post("/login", data={"username": text, "password": text, "csrf_token": token})
        assert response.status_code in (400, 401), text  # 401: the one generic "wrong username or password"
        if text.strip() and ("<" in text or ">" in text):
            assert text.strip() not in _main(response.get_data(as_text=True)), text


def test_staff_search_handles_every_string_and_shows_it_escaped(client, auth, strings):
    auth.login("agent")
    for text in strings:
        for path in ("/staff/search", "/staff/search.json"):
            response = client.get(path, query_string={"q": text})
            assert response.status_code in (200, 400), (path, text)
    for text in _tagged(strings):
        assert text.strip() not in _main(client.get("/staff/search", query_string={"q": text}).get_data(as_text=True))


def test_queue_shows_hostile_requests_escaped_and_notes_are_stored_exactly(client, auth, db, strings):
    tagged = _tagged(strings)
    for text in tagged:
        response = client.post("/api/requests", json={"type": "deletion", "name": text, "email": "a@example.com",
                                                      "details": text})
        assert response.status_code in (201, 400), text
    auth.login("agent")
    for path in ("/staff/requests", "/staff/requests?status=new&type=deletion"):
        html = _main(client.get(path).get_data(as_text=True))
        for text in tagged:
            assert text.strip() not in html, text
    request_id = db.execute("select id from requests order by id limit 1").fetchone()[0]
    token = csrf_token(client, f"/staff/requests/{request_id}")
    for text in strings[:200]:
        response = auth.post(f"/staff/requests/{request_id}", {"notes": text}, token=token)
        assert response.status_code in (302, 303, 400), text
        if response.status_code in (302, 303):
            stored = db.scalar("select notes from requests where id = :id", {"id": request_id}) or ""
            assert stored == text.replace("\r\n", "\n").strip(), text
    detail = _main(client.get(f"/staff/requests/{request_id}").get_data(as_text=True))
    for text in tagged:
        assert text.strip() not in detail, text


def test_editor_actions_take_any_question_text_and_show_it_escaped(client, auth, strings):
    for text in _tagged(strings):
        client.post("/api/ask", json={"question": text})
    auth.login("editor")
    html = _main(client.get("/editor/unanswered").get_data(as_text=True))
    for text in _tagged(strings):
        assert text.strip()[:500] not in html, text
    actions = ["/editor/unanswered/dismiss", "/editor/unanswered/not-covered"]
    token = csrf_token(client, "/editor/unanswered")
    for i, text in enumerate(strings):
        path = actions[i % 2]
        response = auth.post(path, {"text": text}, token=token)
        assert response.status_code in (302, 303, 400), (path, text)
    for text in strings[:60]:  # linking rebuilds the index: a sample keeps the test quick
        response = auth.post("/editor/unanswered/link", {"text": text, "clause_id": "s6-1"}, token=token)
        assert response.status_code in (302, 303, 400), text
    for path in ("/editor/unanswered", "/editor/gaps", "/editor/", "/editor/?days=365"):
        page = _main(client.get(path).get_data(as_text=True))
        for text in _tagged(strings):
            assert text.strip() not in page, (path, text)
    assert client.get("/editor/gaps.csv").status_code == 200
    assert client.get("/editor/unanswered.csv").status_code == 200
    report = client.get("/editor/gaps.md").get_data(as_text=True)
    for text in _tagged(strings):
        assert text.strip() not in report, text  # Markdown that a mail client renders: markup escaped
    for batch, in _batches(client.application)[:40]:
        page = _main(client.get(f"/editor/decisions/{batch}").get_data(as_text=True))
        for text in _tagged(strings):
            assert text.strip() not in page, (batch, text)


def test_editor_link_search_split_and_paging_take_any_string(client, auth, strings):
    for text in _tagged(strings)[:50]:
        client.post("/api/ask", json={"question": text})
    auth.login("editor")
    for text in strings:
        response = client.get("/editor/link-search", query_string={"q": text, "key": text})
        assert response.status_code in (200, 400), text
        if text.strip() and "<" in text and ">" in text:
            assert text.strip()[:200] not in _main(response.get_data(as_text=True)), text
    token = csrf_token(client, "/editor/unanswered")
    for i, text in enumerate(strings[:300]):
        response = auth.post(("/editor/unanswered/split", "/editor/unanswered/rejoin")[i % 2], {"key": text},
                             token=token)
        assert response.status_code in (302, 303, 400), text
        for path in ("/editor/unanswered", "/editor/gaps", "/editor/"):
            arg = "days" if path == "/editor/" else "page"
            assert client.get(path, query_string={arg: text}).status_code in (200, 400), (path, text)
        assert client.get(f"/editor/decisions/{text[:100]}").status_code in (404, 405, 308, 200), text


def _batches(app) -> list[tuple[str]]:
    from app.platform.db import connect

    db = connect(app.config["DATABASE"])
    try:
        return db.execute("select distinct coalesce(batch, review_key) from review_decisions").fetchall()
    finally:
        db.close()


# ---- a request's life: extensions, reasons, the trail, grievances, the public record (issue 14, part B) ----------

def _add_requests(db, count: int) -> list[int]:
    from datetime import date, timedelta

    from app.platform.db import write

    due = (date.today() + timedelta(days=10)).isoformat()
    with write(db):
        return [db.insert("requests", {"reference": f"BM-HOST-{i:04d}", "type": "access", "status": "new",
                                       "urgent": 0, "name": "Asha", "email": "asha@example.com", "details": "d",
                                       "received_at": "2026-11-01T09:00:00+00:00", "due_date": due})
                for i in range(count)]


def test_extension_reasons_are_stored_exactly_or_refused_and_shown_escaped(client, auth, db, strings):
    from datetime import date, timedelta

    ids = _add_requests(db, len(strings))
    auth.login("agent")
    token = csrf_token(client, "/staff/search")
    new_due = (date.today() + timedelta(days=30)).isoformat()
    for request_id, text in zip(ids, strings):
        response = client.post(f"/staff/requests/{request_id}/extend",
                               data={"extended_due": new_due, "reason": text, "csrf_token": token})
        assert response.status_code in (302, 400), text
        row = db.get("requests", request_id)
        if response.status_code == 302:
            assert row["extension_reason"] == " ".join(text.split()), text
            event = db.execute("select reason from request_events where request_id = :id and field = 'extended'",
                               {"id": request_id}).fetchone()
            assert event[0] == row["extension_reason"], text
        else:
            body = response.get_data(as_text=True)
            assert row["extended_due"] is None and ("Give the reason" in body or "characters" in body), text
    for request_id, text in zip(ids, strings):
        if "<" in text and ">" in text and text.strip():
            page = _main(client.get(f"/staff/requests/{request_id}").get_data(as_text=True))
            assert " ".join(text.split()) not in page, text
    assert client.get("/staff/requests.csv?status=all").status_code == 200


def test_hostile_due_dates_are_refused_cleanly(client, auth, db, strings):
    [request_id] = _add_requests(db, 1)
    auth.login("agent")
    token = csrf_token(client, "/staff/search")
    for text in strings:
        response = client.post(f"/staff/requests/{request_id}/extend",
                               data={"extended_due": text, "reason": "A large search", "csrf_token": token})
        assert response.status_code == 400, text
        body = response.get_data(as_text=True)
        assert "must be a date" in body or "Choose the new due date" in body, text
    assert db.get("requests", request_id)["extended_due"] is None


def test_refusal_reasons_are_stored_exactly_or_refused(client, auth, db, strings):
    from app.platform.db import write

    [request_id] = _add_requests(db, 1)
    auth.login("agent")
    token = csrf_token(client, "/staff/search")
    for text in strings:
        response = client.post(f"/staff/requests/{request_id}",
                               data={"status": "refused", "outcome": text, "csrf_token": token})
        assert response.status_code in (302, 400), text
        if response.status_code == 302:
            reason = db.scalar("select reason from request_events where request_id = :id and field = 'status' "
                               "order by id desc limit 1", {"id": request_id})
            assert reason == text.replace("\r\n", "\n").strip(), text
        with write(db):
            db.execute("update requests set status = 'new', outcome = null where id = :id", {"id": request_id})
    page = _main(client.get(f"/staff/requests/{request_id}").get_data(as_text=True))
    for text in _tagged(strings):
        assert text.replace("\r\n", "\n").strip() not in page, text


def test_grievances_take_any_text_and_the_public_record_shows_none_of_it(app, client, db, strings):
    import re

    from app.platform.db import write

    for text in strings:
        response = client.post("/api/requests", json={"type": "grievance", "name": text or "x",
                                                      "email": "a@example.com", "details": text})
        assert response.status_code in (201, 400), text
    assert db.count("requests") > 100

    def record() -> list[str]:
        app.extensions.pop("transparency", None)  # each worker keeps the figures a while: build them afresh
        pages = [client.get(path) for path in ("/transparency", "/transparency.json")]
        assert [p.status_code for p in pages] == [200, 200]
        # Everything but the moment the figures were made.
        return [re.sub(r"\d{4}-\d\d-\d\dT[0-9:.+]+|as of <time.*?</time>", "", p.get_data(as_text=True))
                for p in pages]

    with_hostile = record()
    with write(db):
        db.execute("update requests set name = 'x', email = 'x@example.com', details = 'x'")
    assert record() == with_hostile  # nothing a visitor typed reaches the public record


# ---- e-mail verification, the status page and mail (issue 14) ---------------------------------------------------

def test_verify_and_resend_api_refuse_every_string_cleanly(client, strings):
    reference = client.post("/api/requests", json={"type": "deletion", "name": "Asha", "email": "asha@example.com",
                                                   "details": "Delete my data."}).get_json()["reference"]
    for text in strings:
        for body in ({"reference": text, "code": "123456"}, {"reference": reference, "code": text}):
            response = client.post("/api/requests/verify", json=body)
            assert response.status_code == 400, (body, text)
            assert response.get_json()["error"]
        response = client.post("/api/requests/resend", json={"reference": text})
        assert response.status_code == 202, text
    assert client.post("/api/requests/verify", json={"reference": reference, "code": "x"}).status_code == 400


def test_status_page_handles_every_string_in_every_field_and_shows_it_escaped(client, db, strings):
    token = csrf_token(client, "/request/status")
    for text in strings:
        for data in ({"reference": text, "email": "asha@example.com"}, {"reference": "BM-0000-0000", "email": text}):
            response = client.post("/request/status", data={**data, "csrf_token": token})
            assert response.status_code in (303, 400), (data, text)
            if response.status_code == 400 and text.strip() and ("<" in text or ">" in text):
                assert text.strip() not in _main(response.get_data(as_text=True)), text
        response = client.post("/request/status/code", data={"code": text, "csrf_token": token})
        assert response.status_code == 303, text
        assert client.get("/request/status").status_code == 200, text
    assert db.count("request_codes") == 0  # no lookup matched a request: nothing was mailed


def test_confirmation_codes_and_links_take_any_string(client, strings):
    from urllib.parse import quote

    token = csrf_token(client, "/request?type=deletion")
    client.post("/request", data={"csrf_token": token, "type": "deletion", "name": "Asha",
                                  "email": "asha@example.com", "details": "Delete my data."})
    for text in strings:
        response = client.post("/request/verify", data={"code": text, "csrf_token": token})
        assert response.status_code == 303, text
        response = client.get("/request/confirm/" + quote(text, safe=""))
        assert response.status_code in (308, 400, 404), text
    assert "That code is not right" in client.get("/request/received").get_data(as_text=True)


def test_agents_reasons_and_messages_are_stored_exactly_and_shown_escaped(app, client, auth, db, strings):
    from app.platform import mail
    from app.platform.db import write

    from conftest import add_request

    auth.login("agent")
    token = csrf_token(client, "/staff/search")
    for text in strings[:150]:
        request_id = add_request(db)
        response = auth.post(f"/staff/requests/{request_id}/verify", {"reason": text}, token=token)
        assert response.status_code in (302, 400), text
        if response.status_code == 302:
            assert db.get("requests", request_id)["verify_note"] == text.replace("\r\n", "\n").strip(), text
    request_id = add_request(db, verified=1)
    for text in strings[:150]:
        response = auth.post(f"/staff/requests/{request_id}", {"status": "done", "outcome": text}, token=token)
        assert response.status_code in (302, 400), text
        if response.status_code == 302 and text.strip():
            assert db.get("requests", request_id)["outcome"] == text.replace("\r\n", "\n").strip(), text
    detail = _main(client.get(f"/staff/requests/{request_id}").get_data(as_text=True))
    assert "<script>" not in detail.split("History", 1)[1]
    # The messages requesters get: the agent's text is escaped in the HTML part and kept as written in the text part.
    row = db.get("requests", request_id)
    with app.test_request_context(), write(db):
        for text in _tagged(strings):
            mail.queue_mail(db, "status", row["email"], row, status="refused", outcome=text, status_url="http://x/")
            mail.queue_mail(db, "extension", row["email"], row, new_due=row["due_date"], reason=text,
                            status_url="http://x/")
    for message in db.execute("select body_text, body_html from outbox where kind in ('status', 'extension') "
                              "order by id desc limit :n", {"n": 2 * len(_tagged(strings))}).fetchall():
        text_part, html_part = message
        tagged = [t for t in _tagged(strings) if t in text_part]
        assert tagged, text_part
        assert all(t not in html_part for t in tagged if "<" in t.strip()), html_part


def _see_status(client, reference: str) -> str:
    """The requester's status page for `reference`, as a browser that entered the right code sees it."""
    from datetime import datetime, timedelta, timezone

    with client.session_transaction() as session:
        session["status_reference"] = reference
        session["status_until"] = (datetime.now(timezone.utc) + timedelta(minutes=5)).isoformat()
    response = client.get("/request/status")
    assert response.status_code == 200, reference
    return _main(response.get_data(as_text=True))


def test_agents_words_reach_the_requesters_status_page_and_mail_escaped(app, client, auth, db, strings):
    """Extension reasons and refusal reasons, written by agents, shown to requesters (page and mail) and staff."""
    from datetime import date, timedelta

    from conftest import add_request

    staff = app.test_client()
    auth.login("agent", client=staff)
    token = csrf_token(staff, "/staff/search")
    new_due = (date.today() + timedelta(days=30)).isoformat()
    shown = 0
    for i, text in enumerate(_tagged(strings)):
        reference = f"BM-ESC{i // 1000:01d}-{i % 1000:04d}"
        request_id = add_request(db, reference=reference, verified=1,
                                 due_date=(date.today() + timedelta(days=10)).isoformat())
        extended = staff.post(f"/staff/requests/{request_id}/extend",
                              data={"extended_due": new_due, "reason": text, "csrf_token": token})
        refused = staff.post(f"/staff/requests/{request_id}", data={"status": "refused", "outcome": text,
                                                                    "csrf_token": token})
        assert extended.status_code in (302, 400) and refused.status_code in (302, 400), text
        row = db.get("requests", request_id)
        page = _see_status(client, reference)
        for stored in (row["extension_reason"], row["outcome"]):
            if stored:
                shown += 1
                assert stored not in page and str(escape(stored)) in page, text
        staff_page = _main(staff.get(f"/staff/requests/{request_id}").get_data(as_text=True))
        assert text.strip() not in staff_page and " ".join(text.split()) not in staff_page, text
    assert shown > 200  # most were accepted, and so really shown
    # The messages they set off, as staff read them at /staff/outbox: the text part, escaped.
    messages = db.query("select id, body_text from outbox where kind in ('extension', 'status') order by id")
    assert len(messages) == shown
    for message in messages:
        page = _main(staff.get(f"/staff/outbox/{message['id']}").get_data(as_text=True))
        assert str(escape(message["body_text"])) in page
        assert not any(t.strip() in page for t in _tagged(strings) if t.strip() in message["body_text"])


def test_the_outbox_takes_hostile_addresses_exactly_or_not_at_all_and_shows_them_escaped(client, auth, db, strings):
    accepted = []
    for text in strings:
        for address in (text, f"{text.strip()}@example.com"):
            response = client.post("/api/requests", json={"type": "deletion", "name": "Asha", "email": address,
                                                          "details": "Delete my data."})
            assert response.status_code in (201, 400), address
            if response.status_code == 201:
                accepted.append(address.strip())
            else:
                assert "email" in response.get_json()["fields"], address
    assert len(accepted) > 100  # the ones that are real addresses, however odd
    assert [r["to_addr"] for r in db.query("select to_addr from outbox order by id")] == accepted
    auth.login("agent")
    pages = [_main(client.get("/staff/outbox", query_string={"page": n}).get_data(as_text=True))
             for n in range(1, len(accepted) // 100 + 2)]
    for message in db.query("select id from outbox"):
        pages.append(_main(client.get(f"/staff/outbox/{message['id']}").get_data(as_text=True)))
    for address in accepted:
        assert sum(str(escape(address)) in page for page in pages) >= 2, address  # in the list and its message
    for page in pages:
        for text in _tagged(strings):
            assert text.strip() not in page, text


@pytest.mark.parametrize("field", ["child_age", "relationship"])
def test_a_childs_age_and_the_reporters_relationship_take_any_string(client, db, strings, field):
    good = {"type": "child_data", "name": "Asha", "email": "asha@example.com", "details": "My son has an account.",
            "child_age": 12, "relationship": "Parent"}
    for text in strings:
        response = client.post("/api/requests", json={**good, field: text})
        assert response.status_code in (201, 400), (field, text)
        if response.status_code == 400:
            assert field in response.get_json()["fields"], (field, text)
        else:  # only a real age or one of the choices gets in
            extra = json.loads(db.scalar("select extra from requests order by id desc limit 1"))
            assert extra[field] in (range(18) if field == "child_age" else
                                    ["Parent", "Legal guardian", "Teacher or school", "Other"]), (field, text)
    token = csrf_token(client, "/request?type=child_data")
    for text in _tagged(strings):
        response = client.post("/request", data={**good, field: text, "csrf_token": token})
        assert response.status_code == 400, text
        assert text.strip() not in _main(response.get_data(as_text=True)), text

"""Request intake: the handoff, the form, the JSON endpoint, due dates, and that nothing refused is stored."""

import re
from datetime import date, datetime, timezone

import pytest

from app import create_app
from app.platform.db import connect
from app.visitors.intake import add_month, due_date, new_reference
from app.platform.timefmt import format_date, format_datetime
from app.engine.intents import REQUEST_TYPES
from conftest import csrf_token

pytestmark = pytest.mark.storage

GOOD = {"name": "Asha Rao", "email": "asha@example.com", "details": "Account +91 98200 00000, please act."}
CHILD = {"child_age": "9", "relationship": "Parent"}


def fields_for(kind: str) -> dict:
    return {**GOOD, **(CHILD if kind == "child_data" else {})}



def rows(db) -> list[dict]:
    return db.query("select * from requests order by id")


def stored_requests(app) -> int:
    db = connect(app.config["DATABASE"])
    try:
        return db.count("requests")
    finally:
        db.close()


# ---- due dates and references ----------------------------------------------------------------------------

@pytest.mark.parametrize("day,expected", [
    (date(2027, 1, 31), date(2027, 2, 28)),
    (date(2028, 1, 31), date(2028, 2, 29)),  # leap year
    (date(2026, 3, 31), date(2026, 4, 30)),
    (date(2026, 12, 15), date(2027, 1, 15)),  # across the year end
    (date(2026, 6, 30), date(2026, 7, 30)),
])
def test_one_calendar_month_later_is_clamped_to_the_months_last_day(day, expected):
    assert add_month(day) == expected


@pytest.mark.parametrize("received,due", [
    # Received 31 January: a month later (28 Feb) comes before 30 days later (2 March).
    ("2027-01-31T10:00:00+00:00", "2027-02-28"),
    ("2028-01-31T10:00:00+00:00", "2028-02-29"),
    # In a 31-day month, 30 days later comes first.
    ("2026-07-01T10:00:00+00:00", "2026-07-31"),
    ("2026-12-31T10:00:00+00:00", "2027-01-30"),
    # February is short: the calendar month is earlier.
    ("2027-02-01T10:00:00+00:00", "2027-03-01"),
    # 20:00 UTC on 30 January is already 31 January in Mumbai.
    ("2027-01-30T20:00:00+00:00", "2027-02-28"),
    ("2027-01-30T18:00:00+00:00", "2027-02-28"),
    ("2027-01-30T18:29:00+00:00", "2027-02-28"),
    ("2027-01-30T18:30:00+00:00", "2027-02-28"),
    ("2027-01-30T18:29:59+00:00", "2027-02-28"),
    ("2026-11-30T18:29:59+00:00", "2026-12-30"),
    ("2026-11-30T18:30:00+00:00", "2026-12-31"),
])
def test_due_date_is_the_earlier_of_30_days_and_one_calendar_month(received, due):
    assert due_date(datetime.fromisoformat(received)) == date.fromisoformat(due)


def test_references_are_readable_and_unambiguous():
    refs = {new_reference() for _ in range(500)}
    assert len(refs) == 500
    for ref in refs:
        assert re.fullmatch(r"BM-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}", ref)


# ---- handoff from /api/ask ---------------------------------------------------------------------------------

def test_a_request_in_the_chat_hands_off_to_the_form_with_the_type_preselected(client):
    body = client.post("/api/ask", json={"question": "please delete my account and all my data"}).get_json()
    assert body["intent"] == "deletion"
    assert body["handoff"]["type"] == "deletion"
    assert body["handoff"]["url"] == f"/request?type=deletion&q={body['question_id']}"
    assert body["answer"]["clause_id"] == "s6-correction-and-deletion-2"
    assert body["citations"][0]["subsection"] == "Correction and Deletion"
    html = client.get(body["handoff"]["url"]).get_data(as_text=True)
    assert '<option selected value="deletion">' in html
    assert f'name="question_id" type="hidden" value="{body["question_id"]}"' in html


@pytest.mark.parametrize("question", [
    "I want to file a complaint about how you handled my data",
    "ur support never replied to my data request, this is a formal complaint",
    "mujhe complaint karni hai, aapne mera number leak kiya",
])
def test_a_grievance_in_the_chat_hands_off_to_the_grievance_form(client, question):
    body = client.post("/api/ask", json={"question": question}).get_json()
    assert (body["intent"], body["handoff"]["type"]) == ("grievance", "grievance")
    assert body["answer"]["clause_id"] == "s12-1"  # "If you have any questions, concerns ... please contact us"
    html = client.get(body["handoff"]["url"]).get_data(as_text=True)
    assert '<option selected value="grievance">Complain about how we handled my data</option>' in html


def test_a_question_about_complaining_is_answered_and_offers_the_grievance_form(client):
    body = client.post("/api/ask", json={"question": "whom do I complain to about my data?"}).get_json()
    assert body["answered"] and body["handoff"] is None and body["offer"]["type"] == "grievance"


def test_a_question_about_a_right_offers_the_form_but_does_not_hand_off(client):
    body = client.post("/api/ask", json={"question": "can I delete my account?"}).get_json()
    assert body["answered"] and body["intent"] is None and body["handoff"] is None
    assert body["offer"]["type"] == "deletion"


def test_a_question_on_another_topic_gets_no_form(client):
    body = client.post("/api/ask", json={"question": "do you sell my data?"}).get_json()
    assert body["intent"] is None and body["handoff"] is None and body["offer"] is None


def test_the_chat_page_without_javascript_links_to_the_form(client):
    html = client.get("/?q=unsubscribe me from your newsletter").get_data(as_text=True)
    assert 'href="/request?type=marketing_opt_out&amp;q=' in html


# ---- the form ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", REQUEST_TYPES)
def test_the_form_preselects_the_type_and_asks_for_what_it_needs(client, kind):
    html = client.get(f"/request?type={kind}").get_data(as_text=True)
    assert f'<option selected value="{kind}">' in html
    assert re.search(r'<input id="csrf_token" name="csrf_token" type="hidden" value="[^"]+">', html)
    for name in ("name", "email", "details"):
        assert f'name="{name}"' in html
    assert ('name="child_age"' in html) == (kind == "child_data")
    assert ('name="relationship"' in html) == (kind == "child_data")


def test_the_form_without_a_type_lets_the_visitor_choose(client):
    html = client.get("/request?type=<script>").get_data(as_text=True)
    assert "<script>" not in html.split("<main", 1)[1].split("</main>")[0].replace("<script src", "")
    assert 'name="type"' in html and "selected" not in html


@pytest.mark.parametrize("kind", REQUEST_TYPES)
def test_a_valid_submission_is_stored_then_confirmed_with_reference_and_due_date(client, db, kind):
    response = client.post("/request", data={"csrf_token": csrf_token(client, "/request"), "type": kind, **fields_for(kind)})
    assert response.status_code == 303 and response.headers["Location"] == "/request/received"
    [row] = rows(db)  # committed before the confirmation is shown
    assert (row["type"], row["status"], row["name"], row["email"]) == (kind, "new", GOOD["name"], GOOD["email"])
    assert row["urgent"] == (kind == "child_data")
    assert row["due_date"] == due_date(datetime.fromisoformat(row["received_at"])).isoformat()
    # The trail starts in the same transaction: received, and the verification code queued.
    [event, sent] = db.query("select * from request_events order by id")
    assert (event["request_id"], event["by"], event["field"], event["new"], event["at"], event["public"]) == (
        row["id"], "requester", "created", kind, row["received_at"], 1)
    assert (sent["field"], sent["public"]) == ("code_sent", 0)
    html = client.get("/request/received").get_data(as_text=True)
    assert row["reference"] in html
    assert f'<time datetime="{row["due_date"]}">{format_date(row["due_date"])}</time>' in html
    assert f'>{format_datetime(row["received_at"])}</time>' in html and " IST<" in html
    assert "What happens next" in html
    assert ("handled first" in html) == (kind == "child_data")
    # A parent reporting a child is not confirming an account of their own.
    assert ("confirm that the account is yours" in html) == (kind != "child_data")


def test_a_childs_data_report_keeps_the_age_and_relationship(client, db):
    client.post("/request", data={"csrf_token": csrf_token(client, "/request"), "type": "child_data",
                                  **fields_for("child_data")})
    [row] = rows(db)
    assert row["extra"] == '{"child_age": 9, "relationship": "Parent"}'


def test_the_question_that_led_to_the_form_is_linked_to_the_request(client, db):
    body = client.post("/api/ask", json={"question": "erase my data"}).get_json()
    client.post("/request", data={"csrf_token": csrf_token(client, "/request"), "type": "deletion",
                                  "question_id": body["question_id"], **GOOD})
    assert rows(db)[0]["question_id"] == body["question_id"]


def test_a_submission_without_the_csrf_token_is_refused_and_not_stored(client, db):
    response = client.post("/request", data={"type": "deletion", **GOOD})
    assert response.status_code == 400
    assert "reload the page" in response.get_data(as_text=True)
    assert rows(db) == []


def test_a_submission_with_a_forged_csrf_token_is_refused(client, db):
    csrf_token(client, "/request")
    response = client.post("/request", data={"csrf_token": "forged", "type": "deletion", **GOOD})
    assert response.status_code == 400 and rows(db) == []


@pytest.mark.parametrize("kind,change,field,message", [
    ("deletion", {"name": ""}, "name", "Please fill in your name."),
    ("deletion", {"name": "   "}, "name", "Please fill in your name."),
    ("deletion", {"email": "not-an-address"}, "email", "Enter an e-mail address like name@example.com."),
    ("deletion", {"email": ""}, "email", "Please fill in your e-mail address."),
    ("deletion", {"details": ""}, "details", "Please fill in your request."),
    ("deletion", {"details": "x" * 4001}, "details", "Please keep this under 4000 characters."),
    ("deletion", {"name": "Asha\x00Rao"}, "name", "control characters"),
    ("child_data", {"child_age": ""}, "child_age", "Please fill in the child"),
    ("child_data", {"child_age": "15.5"}, "child_age", "Not a valid integer value"),
    ("child_data", {"child_age": "30"}, "child_age", "Enter a whole number from 0 to 17."),
    ("child_data", {"relationship": "Stranger"}, "relationship", "Not a valid choice"),
    ("child_data", {"relationship": ""}, "relationship", "Please fill in your relationship to the child."),
])
def test_a_refused_submission_shows_the_message_next_to_the_field_and_stores_nothing(client, db, kind, change,
                                                                                     field, message):
    data = {"csrf_token": csrf_token(client, "/request"), "type": kind, **fields_for(kind), **change}
    response = client.post("/request", data=data)
    assert response.status_code == 400
    html = response.get_data(as_text=True).replace("&#39;", "'")
    error = re.search(rf'<p class="field-error" id="{field}-error">([^<]*)</p>', html)
    assert error and message in error.group(1)
    assert f'aria-describedby="{field}-error"' in html or f'{field}-error"' in html
    assert rows(db) == []
    if field != "name" or change["name"].strip():
        assert 'value="Asha' in html or field == "name"  # what the visitor typed is kept


def test_an_unknown_type_is_refused(client, db):
    response = client.post("/request", data={"csrf_token": csrf_token(client, "/request"), "type": "everything", **GOOD})
    assert response.status_code == 400 and "Not a valid choice" in response.get_data(as_text=True)
    assert rows(db) == []


def test_the_confirmation_page_without_a_submission_goes_back_to_the_form(client):
    response = client.get("/request/received")
    assert response.status_code == 303 and response.headers["Location"] == "/request"


def test_hostile_text_is_stored_exactly_and_shown_escaped(client, db):
    hostile = {**GOOD, "name": "<script>alert(1)</script>", "details": "'; DROP TABLE requests; --"}
    data = {"csrf_token": csrf_token(client, "/request"), "type": "deletion", **hostile, "email": "bad"}
    html = client.post("/request", data=data).get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    client.post("/request", data={**data, "email": GOOD["email"]})
    [row] = rows(db)
    assert (row["name"], row["details"]) == (hostile["name"], hostile["details"])


# ---- the JSON endpoint ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", REQUEST_TYPES)
def test_the_json_endpoint_stores_a_request_and_returns_its_reference(client, db, kind):
    payload = {"type": kind, **fields_for(kind)}
    if kind == "child_data":
        payload["child_age"] = 9  # a number is accepted as well as text
    response = client.post("/api/requests", json=payload)
    assert response.status_code == 201
    body = response.get_json()
    assert list(body) == ["reference", "type", "status", "received", "due", "urgent", "verified", "verification"]
    assert body["verified"] is False
    [row] = rows(db)
    assert body == {"reference": row["reference"], "type": kind, "status": "new", "received": row["received_at"],
                    "due": row["due_date"], "urgent": kind == "child_data", "verified": False,
                    "verification": {"confirm": "/api/requests/verify", "resend": "/api/requests/resend",
                                     "code_minutes": 10}}
    assert datetime.fromisoformat(body["received"]).tzinfo == timezone.utc


@pytest.mark.parametrize("payload,fields", [
    ({**GOOD}, {"type"}),
    ({"type": "nonsense", **GOOD}, {"type"}),
    ({"type": ["deletion"], **GOOD}, {"type"}),
    ({"type": "deletion"}, {"name", "email", "details"}),
    ({"type": "deletion", **GOOD, "email": "asha@"}, {"email"}),
    ({"type": "deletion", **GOOD, "name": 42}, {"name"}),
    ({"type": "deletion", **GOOD, "details": None}, {"details"}),
    ({"type": "deletion", **GOOD, "details": "y" * 4001}, {"details"}),
    ({"type": "deletion", **GOOD, "child_age": 9}, {"child_age"}),  # not a field of a deletion request
    ({"type": "child_data", **GOOD, "child_age": True, "relationship": "Parent"}, {"child_age"}),
    ({"type": "child_data", **GOOD, "child_age": 18, "relationship": "Parent"}, {"child_age"}),
    ({"type": "child_data", **GOOD, "child_age": 9, "relationship": "Aunt"}, {"relationship"}),
    ({"type": "deletion", **GOOD, "question_id": "not-an-id"}, {"question_id"}),
])
def test_the_json_endpoint_refuses_bad_fields_and_names_each_one(client, db, payload, fields):
    response = client.post("/api/requests", json=payload)
    assert response.status_code == 400
    body = response.get_json()
    assert body["error"] and set(body["fields"]) == fields
    assert rows(db) == []


# ---- a submission sent twice is stored once ----------------------------------------------------------------

KEY = "k3y-0f-one-submission_2026"


def test_a_submission_sent_again_with_its_key_is_stored_once_and_answered_alike(client, db):
    payload = {"type": "deletion", **GOOD, "submission_key": KEY}
    first = client.post("/api/requests", json=payload)
    again = client.post("/api/requests", json=payload)  # a retry after the answer was lost
    assert first.status_code == again.status_code == 201
    assert again.get_json() == first.get_json()
    [row] = rows(db)
    assert row["reference"] == first.get_json()["reference"] and row["submission_key"] == KEY
    assert db.count("outbox") == 1  # one code mailed, not two


def test_the_same_key_with_other_words_is_another_request_and_is_stored(client, db):
    # The form sent again after Back, with another type: never swallowed as the first one.
    first = client.post("/api/requests", json={"type": "deletion", **GOOD, "submission_key": KEY})
    other = client.post("/api/requests", json={"type": "access", **GOOD, "submission_key": KEY})
    assert first.status_code == other.status_code == 201
    assert other.get_json()["reference"] != first.get_json()["reference"]
    assert [(r["type"], r["submission_key"]) for r in rows(db)] == [("deletion", KEY), ("access", None)]


@pytest.mark.parametrize("key", ["short", "x" * 65, "has space in it 123", "ключ-ключ-ключ-ключ", 12345678901234567])
def test_a_malformed_submission_key_is_refused(client, db, key):
    response = client.post("/api/requests", json={"type": "deletion", **GOOD, "submission_key": key})
    assert response.status_code == 400 and set(response.get_json()["fields"]) == {"submission_key"}
    assert rows(db) == []


def test_the_form_double_submitted_stores_one_request(client, db):
    html = client.get("/request?type=deletion").get_data(as_text=True)
    key = re.search(r'name="submission_key" type="hidden" value="([^"]+)"', html).group(1)
    data = {"csrf_token": csrf_token(client, "/request"), "type": "deletion", **GOOD, "submission_key": key}
    for _ in range(2):  # a double click
        response = client.post("/request", data=data)
        assert response.status_code == 303 and response.headers["Location"] == "/request/received"
    [row] = rows(db)
    assert row["reference"] in client.get("/request/received").get_data(as_text=True)
    assert client.get("/request?type=deletion").get_data(as_text=True).count(key) == 0  # a new form, a new key


def test_concurrent_retries_of_one_submission_store_one_request(app, db):
    from concurrent.futures import ThreadPoolExecutor

    payload = {"type": "deletion", **GOOD, "submission_key": KEY}

    def send(_):
        with app.test_client() as own:
            response = own.post("/api/requests", json=payload)
            return response.status_code, response.get_json()["reference"]

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(send, range(8)))
    assert {status for status, _ in answers} == {201}
    assert len({reference for _, reference in answers}) == 1
    assert db.count("requests") == 1


@pytest.mark.parametrize("body,content_type", [
    ("[1, 2]", "application/json"),
    ("not json", "application/json"),
    ('"deletion"', "application/json"),
    ("type=deletion", "application/x-www-form-urlencoded"),
])
def test_the_json_endpoint_wants_a_json_object(client, db, body, content_type):
    response = client.post("/api/requests", data=body, content_type=content_type)
    assert response.status_code == 400 and response.get_json()["error"]
    assert rows(db) == []


def test_the_json_endpoint_needs_no_csrf_token_or_cookie(app, db):
    client = app.test_client(use_cookies=False)
    assert client.post("/api/requests", json={"type": "deletion", **GOOD}).status_code == 201


# ---- faults and limits ---------------------------------------------------------------------------------------

def hold_lock(app):
    """Another process holding a lock the app's writes wait for, for longer than the app waits: SQLite's write
    lock, or on PostgreSQL a lock on the requests table that every insert waits behind. Close it to let go."""
    app.config["DATABASE_TIMEOUT"] = 0.2
    other = connect(app.config["DATABASE"])
    if other.kind == "sqlite":
        other.conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        other.conn.exec_driver_sql("BEGIN")
        other.execute("lock table requests in exclusive mode")
    return other


@pytest.fixture
def locked_db(app):
    other = hold_lock(app)
    yield
    other.close()  # rolls back


def test_when_storage_fails_the_form_says_so_and_gives_no_reference(client, db, locked_db):
    token = csrf_token(client, "/request")
    response = client.post("/request", data={"csrf_token": token, "type": "deletion", **GOOD})
    assert response.status_code == 503
    html = response.get_data(as_text=True)
    assert "has not been received" in html
    # No reference anywhere on the page (the random CSRF token may itself contain "BM-", so look for the shape).
    page = re.sub(r'name="csrf_token" type="hidden" value="[^"]*"', "", html)
    assert not re.search(r"(?<![\w-])BM-[0-9A-Z]{4}-[0-9A-Z]{4}(?![\w-])", page)
    assert 'value="Asha Rao"' in html  # what the visitor typed is still there to resend
    assert client.get("/request/received").status_code == 303  # no confirmation to be had


def test_when_storage_fails_the_json_endpoint_answers_503(client, locked_db):
    response = client.post("/api/requests", json={"type": "deletion", **GOOD})
    assert response.status_code == 503
    assert "has not been received" in response.get_json()["error"]


def test_after_a_storage_failure_nothing_is_left_behind(client, db, app):
    other = hold_lock(app)
    assert client.post("/api/requests", json={"type": "deletion", **GOOD}).status_code == 503
    other.close()
    assert rows(db) == [] and db.count("request_events") == 0 and db.count("outbox") == 0
    assert client.post("/api/requests", json={"type": "deletion", **GOOD}).status_code == 201
    assert len(rows(db)) == 1 and db.count("request_events") == 2 and db.count("outbox") == 1


def test_submissions_are_rate_limited_with_a_json_429(tmp_path):
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "db.sqlite"),
                      "RATELIMIT_REQUESTS": "2/minute"})
    client = app.test_client()
    codes = [client.post("/api/requests", json={"type": "deletion", **GOOD}).status_code for _ in range(3)]
    assert codes == [201, 201, 429]
    response = client.post("/api/requests", json={"type": "deletion", **GOOD})
    assert response.get_json()["error"]
    assert stored_requests(app) == 2


def test_the_handoff_says_which_fields_the_form_asks_for(client):
    body = client.post("/api/ask", json={"question": "my 9 year old daughter has an account, delete it"}).get_json()
    assert body["handoff"]["type"] == "child_data"
    fields = {f["name"]: f for f in body["handoff"]["fields"]}
    assert list(fields) == ["name", "email", "details", "child_age", "relationship"]
    assert (fields["child_age"]["type"], fields["child_age"]["min"], fields["child_age"]["max"]) == ("integer", 0, 17)
    assert fields["relationship"]["choices"] == ["Parent", "Legal guardian", "Teacher or school", "Other"]
    assert fields["email"]["max_length"] == 254 and all(f["required"] for f in fields.values())


def test_a_form_over_the_limit_keeps_what_was_typed_and_says_when_to_try_again(tmp_path):
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "db.sqlite"),
                      "RATELIMIT_REQUESTS": "2/minute"})
    client = app.test_client()

    def submit(details):
        data = {"csrf_token": csrf_token(client, "/request"), "type": "deletion", **GOOD, "details": details}
        return client.post("/request", data=data)

    assert [submit(f"request {n}").status_code for n in (1, 2)] == [303, 303]
    response = submit("Please delete everything & my <old> account")
    assert response.status_code == 429
    html = response.get_data(as_text=True)
    seconds = int(re.search(r"Too many requests from your connection: your request has not been sent\. "
                            r"Please try again in (\d+) seconds?\.", html).group(1))
    assert 1 <= seconds <= 61  # rounded up: never sooner than the limit allows
    assert int(response.headers["Retry-After"]) == seconds  # one figure, counted once
    assert 'role="alert"' in html
    assert "Please delete everything &amp; my &lt;old&gt; account</textarea>" in html
    assert 'value="Asha Rao"' in html and 'value="asha@example.com"' in html
    assert re.search(r'<option selected value="deletion">|<option value="deletion" selected', html)
    assert stored_requests(app) == 2


def test_the_api_over_the_limit_still_answers_json(tmp_path):
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "db.sqlite"),
                      "RATELIMIT_REQUESTS": "1/minute"})
    client = app.test_client()
    assert client.post("/api/requests", json={"type": "deletion", **GOOD}).status_code == 201
    response = client.post("/api/requests", json={"type": "deletion", **GOOD})
    assert response.status_code == 429
    body = response.get_json()
    # When to try again, in words and in seconds (as the header says), not Flask-Limiter's "1 per 1 minute".
    assert re.fullmatch(r"Too many requests\. Please try again in \d+ seconds?\.", body["error"])
    assert 1 <= body["retry_after"] <= 61
    assert int(response.headers["Retry-After"]) == body["retry_after"]
    assert f"{body['retry_after']} second" in body["error"]

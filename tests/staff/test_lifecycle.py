"""A request's life on the staff side: extensions, the audit trail, refusals with reasons, children's reports."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest

from app.platform import legacy
from app.platform.db import connect
from app.platform.events import list_events
from app.platform.timefmt import format_date
from app.staff.children import child_guidance
from app.staff.desk import today
from app.staff.extension import extension_problem, latest_extension
from conftest import add_request

pytestmark = pytest.mark.storage

REASON = "Your request covers eight years of messages across three accounts."


@pytest.fixture
def agent(client, auth):
    auth.login("asha", role="agent")
    return client


def days(n: int) -> str:
    return (today() + timedelta(days=n)).isoformat()


def submit(client, **fields) -> str:
    """A request made through the real API, as a visitor would; returns its reference."""
    body = {"type": "deletion", "name": "Asha Rao", "email": "asha@example.com", "details": "Delete my account.",
            **fields}
    response = client.post("/api/requests", json=body)
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.json["reference"]


def request_id(db, reference: str) -> int:
    return db.scalar("select id from requests where reference = :reference", {"reference": reference})


def extend(auth, rid: int, new_due: str, reason: str = REASON, **kwargs):
    return auth.post(f"/staff/requests/{rid}/extend", {"extended_due": new_due, "reason": reason},
                     page=f"/staff/requests/{rid}", **kwargs)


# --- extensions: the rules ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("due, latest", [
    (date(2026, 12, 30), date(2027, 2, 28)),  # clipped to February's end
    (date(2027, 12, 31), date(2028, 2, 29)),  # a leap year
    (date(2027, 1, 31), date(2027, 3, 31)),  # not clipped twice through February
    (date(2026, 11, 15), date(2027, 1, 15)),  # across the new year
    (date(2026, 3, 1), date(2026, 5, 1)),
])
def test_an_extension_reaches_at_most_two_calendar_months_past_the_due_date(due, latest):
    assert latest_extension(due) == latest


ON = date(2026, 12, 1)
OPEN = {"status": "new", "due_date": "2026-12-20", "extended_due": None}


@pytest.mark.parametrize("row, new_due, reason, on, problem", [
    (OPEN, date(2027, 1, 20), REASON, ON, None),
    (OPEN, date(2027, 2, 20), REASON, ON, None),  # exactly two months
    (OPEN, date(2026, 12, 21), REASON, ON, None),  # a day is enough
    (OPEN, date(2027, 1, 20), REASON, date(2026, 12, 20), None),  # on the due date itself: still in time
    (OPEN, date(2027, 2, 21), REASON, ON, "at most two months: the latest possible due date is 20 Feb 2027."),
    (OPEN, date(2026, 12, 20), REASON, ON, "must be after the original"),
    (OPEN, date(2026, 12, 1), REASON, ON, "must be after the original"),
    (OPEN, date(2027, 1, 20), REASON, date(2026, 12, 21), "The original due date (20 Dec 2026) has passed"),
    (OPEN, date(2027, 1, 20), "", ON, "Give the reason"),
    (OPEN, date(2027, 1, 20), "x" * 1001, ON, "limited to 1000"),
    (OPEN, None, REASON, ON, "Choose the new due date"),
    ({**OPEN, "extended_due": "2027-01-10"}, date(2027, 1, 20), REASON, ON, "already been extended once"),
    ({**OPEN, "status": "done"}, date(2027, 1, 20), REASON, ON, "closed"),
    ({**OPEN, "status": "refused"}, date(2027, 1, 20), REASON, ON, "closed"),
])
def test_extension_rules(row, new_due, reason, on, problem):
    found = extension_problem(row, new_due, reason, on)
    assert (found is None) if problem is None else (problem in found)


def test_an_agent_extends_a_request_and_the_queue_shows_the_new_due_date(agent, auth, db):
    rid = add_request(db, reference="BM-EXT", due_date=days(3))
    response = extend(auth, rid, days(40), follow_redirects=True)
    page = response.get_data(as_text=True)
    # Said as dates are shown everywhere (README "How time is shown"), not as ISO.
    assert response.status_code == 200 and f"BM-EXT: extended to {format_date(days(40))};" in page
    row = db.get("requests", rid)
    assert (row["extended_due"], row["extension_reason"], row["extended_by"]) == (days(40), REASON, "asha")
    assert row["due_date"] == days(3)  # the original stays, for the record
    queue = agent.get("/staff/requests").get_data(as_text=True)
    assert f'<time datetime="{days(40)}">' in queue and 'class="tag extended"' in queue
    assert '<td class="num" data-label="Days left">40</td>' in queue
    detail = agent.get(f"/staff/requests/{rid}").get_data(as_text=True)
    assert "Extended from" in detail and REASON in detail
    assert 'name="extended_due"' not in detail  # once only: no second form
    assert "Already extended once" in detail


def test_overdue_counts_from_the_extended_due_date(agent, auth, db):
    # Extended in time, then the original date passes: not overdue until the extended one does.
    late = add_request(db, reference="BM-LATE", due_date=days(-5), extended_due=days(10), extension_reason=REASON)
    gone = add_request(db, reference="BM-GONE", due_date=days(-50), extended_due=days(-2), extension_reason=REASON)
    rows = list(csv.DictReader(io.StringIO(agent.get("/staff/requests.csv").get_data(as_text=True).lstrip("\ufeff"))))
    by_ref = {r["reference"]: r for r in rows}
    assert (by_ref["BM-LATE"]["overdue"], by_ref["BM-LATE"]["days_left"]) == ("0", "10")
    assert (by_ref["BM-GONE"]["overdue"], by_ref["BM-GONE"]["days_left"]) == ("1", "-2")
    assert [r["reference"] for r in rows] == ["BM-GONE", "BM-LATE"]  # overdue first
    page = agent.get(f"/staff/requests/{late}").get_data(as_text=True)
    assert 'class="tag overdue"' not in page
    assert 'class="tag overdue"' in agent.get(f"/staff/requests/{gone}").get_data(as_text=True)


@pytest.mark.parametrize("form, message", [
    ({"extended_due": "2099-01-01"}, "at most two months"),
    ({"extended_due": "not a date"}, "must be a date"),
    ({"extended_due": "2026-02-30"}, "must be a date"),
    ({"extended_due": ""}, "Choose the new due date"),
    ({"reason": ""}, "Give the reason"),
    ({"reason": "   \n  "}, "Give the reason"),
    ({"reason": "x" * 1001}, "limited to 1000"),
    ({"reason": "bell\x07"}, "control characters"),
])
def test_a_refused_extension_says_why_and_changes_nothing(agent, auth, db, form, message):
    rid = add_request(db, reference="BM-EXT", due_date=days(3))
    data = {"extended_due": days(30), "reason": REASON, **form}
    response = auth.post(f"/staff/requests/{rid}/extend", data, page=f"/staff/requests/{rid}")
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert db.get("requests", rid)["extended_due"] is None
    assert db.count("request_events") == 0


def test_a_request_is_extended_only_once(agent, auth, db):
    rid = add_request(db, due_date=days(3))
    assert extend(auth, rid, days(20)).status_code == 302
    response = extend(auth, rid, days(30))
    assert response.status_code == 400 and "already been extended once" in response.get_data(as_text=True)
    assert db.get("requests", rid)["extended_due"] == days(20)


def test_after_the_original_due_date_the_page_offers_no_extension(agent, auth, db):
    rid = add_request(db, due_date=days(-1))
    assert "can no longer be extended" in agent.get(f"/staff/requests/{rid}").get_data(as_text=True)
    response = extend(auth, rid, days(20))
    assert response.status_code == 400 and "has passed" in response.get_data(as_text=True)


@pytest.mark.parametrize("verified, mailed", [(1, True), (0, False)])
def test_the_requester_is_told_of_an_extension_by_mail_when_the_address_is_verified(agent, auth, db, verified,
                                                                                   mailed):
    rid = add_request(db, due_date=days(3), verified=verified)
    page = extend(auth, rid, days(20), follow_redirects=True).get_data(as_text=True)
    queued = db.query("select kind, to_addr, body_text from outbox where request_id = :rid order by id", {"rid": rid})
    assert [(m["kind"], m["to_addr"]) for m in queued] == ([("extension", "maria@example.com")] if mailed else [])
    if mailed:
        assert "the requester is being told by e-mail" in page
        body = queued[0]["body_text"]
        assert REASON in body
    else:
        assert "tell the requester another way, with the reason" in page


# --- the audit trail ----------------------------------------------------------------------------------------------

def test_the_trail_holds_every_event_with_who_and_when(client, agent, auth, db):
    reference = submit(client)
    rid = request_id(db, reference)
    auth.post(f"/staff/requests/{rid}", {"status": "in progress"}, page=f"/staff/requests/{rid}")
    auth.post(f"/staff/requests/{rid}", {"notes": "Account found; checking backups."}, page=f"/staff/requests/{rid}")
    extend(auth, rid, (date.fromisoformat(db.get("requests", rid)["due_date"]) + timedelta(days=20)).isoformat())
    agent.get("/staff/requests.csv")
    auth.post(f"/staff/requests/{rid}", {"status": "refused", "outcome": "We must keep invoices for 8 years."},
              page=f"/staff/requests/{rid}")
    events = list_events(db, rid)
    assert [(e.kind, e.by) for e in events] == [
        ("created", "requester"), ("code_sent", "system"), ("status", "asha"), ("note", "asha"), ("extended", "asha"),
        ("export", "asha"), ("status", "asha")]
    assert all(e.at for e in events) and events[0].at == db.get("requests", rid)["received_at"]
    assert (events[2].old, events[2].new) == ("new", "in progress")
    assert (events[6].new, events[6].reason) == ("refused", "We must keep invoices for 8 years.")
    # What the requester may see: received, extended (with its reason), refused (with its reason); never notes.
    assert [e.kind for e in list_events(db, rid, public_only=True)] == ["created", "extended", "status"]
    page = agent.get(f"/staff/requests/{rid}").get_data(as_text=True)
    history = page.split('id="history"', 1)[1]
    for text in ["Request received", "Status changed", "Notes edited", "Due date extended", "Included in a CSV export",
                 "We must keep invoices for 8 years.", "seen by the requester"]:
        assert text in history, text
    assert history.index("Request received") < history.index("Status changed") < history.index("Notes edited")


def test_the_csv_export_carries_each_requests_history_and_is_itself_recorded(client, agent, auth, db):
    rid = request_id(db, submit(client))
    auth.post(f"/staff/requests/{rid}", {"status": "done", "outcome": "Deleted."}, page=f"/staff/requests/{rid}")
    first = list(csv.DictReader(io.StringIO(agent.get("/staff/requests.csv?status=all").get_data(as_text=True)
                                            .lstrip("\ufeff"))))
    history = first[0]["history"].splitlines()
    assert [line.split(" ", 1)[1] for line in history] == [
        "requester: Request received (deletion)", "system: Verification code sent (verify)",
        "asha: Status changed (new -> done): Deleted.",
        f"asha: Included in a CSV export (requests-{today().isoformat()}.csv)"]
    assert first[0]["closed_at"] and first[0]["extended_due"] == ""
    # An export of the open queue leaves a closed request's trail alone.
    agent.get("/staff/requests.csv")
    assert [e.kind for e in list_events(db, rid)].count("export") == 1


@pytest.mark.parametrize("steps, closed", [
    (["done"], True), (["refused"], True), (["in progress"], False), (["done", "in progress"], False),
    (["refused", "new", "done"], True),
])
def test_closing_stamps_closed_at_and_reopening_clears_it(agent, auth, db, steps, closed):
    rid = add_request(db)
    for status in steps:
        auth.post(f"/staff/requests/{rid}", {"status": status, "outcome": "Answered by e-mail."},
                  page=f"/staff/requests/{rid}")
    row = db.get("requests", rid)
    assert row["status"] == steps[-1] and bool(row["closed_at"]) is closed


def test_refusing_needs_the_reason_the_requester_is_told(agent, auth, db):
    rid = add_request(db)
    response = auth.post(f"/staff/requests/{rid}", {"status": "refused"}, page=f"/staff/requests/{rid}")
    assert response.status_code == 400 and "needs the reason" in response.get_data(as_text=True)
    assert db.get("requests", rid)["status"] == "new" and db.count("request_events") == 0


@pytest.mark.sqlite_only  # the sqlite-utils migrations upgrade SQLite files made before Alembic
def test_an_older_database_gains_the_trail(tmp_path, app):
    """m055 on a database from before it: notes events renamed, closed requests stamped, a created event each."""
    from sqlite_utils import Database as SqliteUtilsDatabase

    from app import create_app

    path = tmp_path / "old.sqlite"
    old = SqliteUtilsDatabase(path)
    legacy.migrations.apply(old, stop_before="m055_request_lifecycle")
    rid = old["requests"].insert({"reference": "BM-OLD1", "type": "access", "status": "done", "urgent": 0,
                                  "name": "A", "email": "a@example.com", "details": "d",
                                  "received_at": "2026-01-01T09:00:00+00:00", "due_date": "2026-01-31",
                                  "updated_at": "2026-01-20T10:00:00+00:00", "updated_by": "asha"}).last_pk
    old["request_events"].insert_all([
        {"request_id": rid, "at": "2026-01-10T10:00:00+00:00", "by": "asha", "field": "notes", "old": "", "new": "n"},
        {"request_id": rid, "at": "2026-01-20T10:00:00+00:00", "by": "asha", "field": "status", "old": "new",
         "new": "done"}])
    old.conn.close()
    create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(path)})
    db = connect(path)
    assert [(e.kind, e.public) for e in list_events(db, rid)] == [("created", True), ("note", False),
                                                                  ("status", True)]
    assert db.get("requests", rid)["closed_at"] == "2026-01-20T10:00:00+00:00"
    db.close()


# --- children: DPDP's under 18, the policy's under 13, what to verify -----------------------------------------

@pytest.mark.parametrize("extra, band, rule", [
    ({"child_age": 9, "relationship": "Parent"}, "policy", "Under 13: the policy (§9)"),
    ({"child_age": 0, "relationship": "Parent"}, "policy", "remove the child's data"),
    ({"child_age": 12, "relationship": "Parent"}, "policy", "also a child under the DPDP Act"),
    ({"child_age": 13, "relationship": "Parent"}, "dpdp", "13 to 17: a child under India's DPDP Act"),
    ({"child_age": 17, "relationship": "Parent"}, "dpdp", "verifiable consent"),
    ({"child_age": "15", "relationship": "Parent"}, "dpdp", "under-13 rule does not apply"),
    ({"relationship": "Parent"}, "unknown", "Age not given"),
    ({"child_age": "fifteen"}, "unknown", "Age not given"),
    ({"child_age": True}, "unknown", "Age not given"),
])
def test_the_childs_age_decides_which_rule_agents_see(extra, band, rule):
    guidance = child_guidance(extra)
    assert guidance.band == band and rule in guidance.rule


@pytest.mark.parametrize("relationship, check", [
    ("Parent", "they say they are the child's parent. Ask for proof"),
    ("Legal guardian", "they say they are the child's legal guardian. Ask for proof"),
    ("Teacher or school", "not a parent or guardian"),
    ("Other", "not a parent or guardian"),
    (None, "not given. Ask how they are related"),
])
def test_agents_are_told_to_verify_the_reporters_identity_and_relationship(relationship, check):
    checks = child_guidance({"child_age": 10, "relationship": relationship}).checks
    assert checks[0].startswith("The reporter's identity") and check in checks[1]
    assert "The child's account" in checks[2]


def test_a_childs_data_report_shows_the_rules_and_checks_before_acting(client, agent, db):
    reference = submit(client, type="child_data", details="My son made an account with my number.", child_age=15,
                       relationship="Teacher or school")
    page = agent.get(f"/staff/requests/{request_id(db, reference)}").get_data(as_text=True)
    section = page.split('id="child-checks"', 1)[1].split("</section>", 1)[0]
    assert "13 to 17: a child under India&#39;s DPDP Act" in section
    assert "The reporter&#39;s identity" in section and "not a parent or guardian" in section
    other = agent.get(f"/staff/requests/{request_id(db, submit(client))}").get_data(as_text=True)
    assert 'id="child-checks"' not in other  # only on a child's-data report


# --- numbers in URLs and forms ------------------------------------------------------------------------------------

BEYOND = str(2**31)  # past a 32-bit id (PostgreSQL's), and far past it: SQLite refuses numbers over 64 bits
HUGE = "9" * 30


@pytest.mark.parametrize("method, path", [
    ("get", "/staff/requests/{}"), ("post", "/staff/requests/{}"), ("post", "/staff/requests/{}/extend"),
    ("post", "/staff/requests/{}/verify"), ("get", "/staff/outbox/{}"), ("post", "/staff/outbox/{}/retry"),
])
@pytest.mark.parametrize("number", [BEYOND, HUGE, "0"])
def test_a_request_or_message_number_out_of_range_is_not_found(agent, auth, db, method, path, number):
    add_request(db)
    url = path.format(number)
    if method == "get":
        response = agent.get(url)
    else:
        response = auth.post(url, {"status": "done", "reason": "x", "extended_due": days(20)})
    # Werkzeug answers a POST whose number its converter refuses with 405 rather than 404: either way, no 500.
    assert response.status_code in ((404,) if method == "get" else (404, 405)), response.get_data(as_text=True)
    assert "Internal" not in response.get_data(as_text=True)


@pytest.mark.parametrize("number", [BEYOND, HUGE, "-1", "1_0", "１", "1.0", "x", "9" * 5000])
def test_closing_one_unverified_request_needs_a_real_request_number(agent, auth, db, number):
    rid = add_request(db)
    response = auth.post("/staff/requests/close-unverified", {"request_id": number}, page="/staff/requests")
    assert response.status_code == 400 and "Not a request number" in response.get_data(as_text=True)
    assert db.get("requests", rid)["status"] == "new" and db.count("request_events") == 0


def test_closing_one_unverified_request_by_its_number(agent, auth, db):
    rid = add_request(db)
    response = auth.post("/staff/requests/close-unverified", {"request_id": f" {rid} "}, page="/staff/requests",
                         follow_redirects=True)
    assert "Closed 1 unverified request." in response.get_data(as_text=True)
    assert db.get("requests", rid)["status"] == "refused"

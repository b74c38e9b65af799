"""Signing in and out, the role boundaries, and how staff pages are served."""

from __future__ import annotations

import re

import pytest

from app.platform.db import write

from app import create_app
from app.staff import accounts
from conftest import FAST_ARGON2, PASSWORD, AuthActions, add_request, csrf_token

pytestmark = pytest.mark.storage

AGENT_PAGES = ["/staff/search", "/staff/search?q=delete+my+account", "/staff/requests",
               "/staff/requests?status=all&type=deletion", "/staff/requests.csv", "/staff/requests/1",
               "/staff/outbox", "/staff/outbox?status=failed"]
# Staff actions on requests and mail (POST), and the one message page (its number is not a request's).
AGENT_ACTIONS = [("/staff/requests/1", {"status": "done"}),
                 ("/staff/requests/1/extend", {"extended_due": "2099-01-01", "reason": "A large search"}),
                 ("/staff/requests/1/verify", {"reason": "called the account's phone number"}),
                 ("/staff/requests/close-unverified", {"request_id": "1"}),
                 ("/staff/outbox/1/retry", {})]
EDITOR_PAGES = ["/editor/unanswered", "/editor/unanswered.csv", "/editor/gaps", "/editor/gaps.csv", "/editor/gaps.md",
                "/editor/", "/editor/?days=7", "/editor/dashboard.csv", "/editor/link-search?q=cookies",
                "/editor/versions", "/editor/versions/1"]
EDITOR_ACTIONS = [
    ("/editor/unanswered/link", {"text": "how do i yeet my profile", "clause_id": "s6-correction-and-deletion-2"}),
    ("/editor/unanswered/dismiss", {"text": "how do i yeet my profile"}),
    ("/editor/unanswered/not-covered", {"text": "how do i yeet my profile"}),
    ("/editor/reopen", {"key": "how do i yeet my profile"}),
    ("/editor/unanswered/split", {"key": "how do i yeet my profile"}),
    ("/editor/unanswered/rejoin", {"key": "how do i yeet my profile"}),
]


@pytest.fixture
def a_request(db):
    return add_request(db)


@pytest.mark.parametrize("path", AGENT_PAGES + EDITOR_PAGES)
def test_anonymous_visitors_are_sent_to_sign_in(client, a_request, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=")
    assert response.headers["Cache-Control"] == "no-store"


def test_after_sign_in_the_visitor_lands_where_they_were_going(client, auth):
    target = client.get("/staff/requests?status=all").headers["Location"]
    auth.create("asha")
    response = client.post(target, data={"username": "asha", "password": PASSWORD, "csrf_token": csrf_token(client)})
    assert response.headers["Location"] == "/staff/requests?status=all"


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:x",
                                      "/staff/requests\r\nX:1", "/staff/requests\nX:1", "/staff\tx"])
def test_sign_in_never_redirects_off_site(client, auth, next_url):
    auth.create("asha")
    response = client.post("/login", query_string={"next": next_url},
                           data={"username": "asha", "password": PASSWORD, "csrf_token": csrf_token(client)})
    assert response.headers["Location"] == "/staff/search"


def test_the_sign_in_page_drops_a_next_with_a_line_break(client, auth):
    auth.create("asha")
    client.post("/login", data={"username": "asha", "password": PASSWORD, "csrf_token": csrf_token(client)})
    response = client.get("/login?next=%2Fstaff%2Frequests%0D%0AX%3A1")
    assert response.status_code == 302 and response.headers["Location"] == "/staff/search"


def test_the_search_api_answers_anonymous_callers_with_401_json(client):
    response = client.get("/staff/search.json?q=cookies")
    assert response.status_code == 401
    assert response.json == {"error": "sign in to use this"}


@pytest.mark.parametrize("path, data", AGENT_ACTIONS + EDITOR_ACTIONS)
def test_anonymous_posts_change_nothing(client, db, a_request, path, data):
    with write(db):
        db.insert("outbox", {"id": 1, "kind": "code", "request_id": a_request, "to_addr": "maria@example.com",
                             "subject": "s", "body_text": "b", "status": "failed", "attempts": 6,
                              "created_at": "2026-01-01T00:00:00+00:00", "next_attempt_at": "2026-01-01T00:00:00+00:00"})
    response = client.post(path, data={**data, "csrf_token": csrf_token(client)})
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")
    [row] = db.query("select * from requests")
    assert (row["status"], row["extended_due"], row["verified"]) == ("new", None, 0)
    assert db.get("outbox", 1)["status"] == "failed"
    assert db.count("review_decisions") == 0
    assert client.get("/staff/outbox/1").status_code == 302


@pytest.mark.parametrize("role", ["agent", "editor"])
@pytest.mark.parametrize("path", AGENT_PAGES)
def test_agents_and_editors_use_the_agent_pages(client, auth, a_request, role, path):
    auth.login("asha", role=role)
    assert client.get(path).status_code == 200


@pytest.mark.parametrize("path", EDITOR_PAGES)
def test_agents_cannot_open_editor_pages(client, auth, path):
    auth.login("asha", role="agent")
    response = client.get(path)
    assert response.status_code == 403
    assert "This page is for editors." in response.get_data(as_text=True)


@pytest.mark.parametrize("path, data", EDITOR_ACTIONS)
def test_agents_cannot_take_editor_actions(client, auth, db, path, data):
    auth.login("asha", role="agent")
    assert auth.post(path, data).status_code == 403
    assert db.count("review_decisions") == 0 and db.count("phrasings") == 0


@pytest.mark.parametrize("path", EDITOR_PAGES)
def test_editors_open_editor_pages(client, auth, path):
    auth.login("zoe", role="editor")
    assert client.get(path).status_code == 200


def test_the_navigation_shows_review_to_editors_only(client, auth, app):
    auth.login("asha", role="agent")
    page = client.get("/staff/search").get_data(as_text=True)
    assert "/staff/requests" in page and "/editor/unanswered" not in page
    other = app.test_client()
    auth.login("zoe", role="editor", client=other)
    assert "/editor/unanswered" in other.get("/staff/search").get_data(as_text=True)


@pytest.mark.parametrize("username, password", [("asha", "wrong password here"), ("nobody", PASSWORD),
                                                ("asha", ""), ("", PASSWORD)])
def test_failed_sign_in_says_the_same_thing_whatever_was_wrong(client, auth, username, password):
    auth.create("asha")
    response = client.post("/login", data={"username": username, "password": password,
                                           "csrf_token": csrf_token(client)})
    assert response.status_code == 401
    page = response.get_data(as_text=True)
    assert "Wrong username or password." in page
    assert client.get("/staff/search").status_code == 302


def test_sign_in_needs_the_csrf_token(client, auth):
    auth.create("asha")
    response = client.post("/login", data={"username": "asha", "password": PASSWORD})
    assert response.status_code == 400
    assert "This form has expired" in response.get_data(as_text=True)
    assert client.get("/staff/search").status_code == 302


def session_cookie(client) -> str:
    return client.get_cookie("session").value


def test_sign_in_starts_a_new_session(client, auth, db):
    with client.session_transaction() as session:
        session["planted"] = "by someone before sign-in"
    before = session_cookie(client)
    auth.login("asha")
    assert session_cookie(client) != before
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session["_user_id"] != "asha"  # a random token, not the username
    assert db.count("staff_sessions") == 1


def test_signing_in_again_ends_the_previous_session(client, auth, db):
    auth.login("asha")
    first = session_cookie(client)
    auth.login("asha")
    assert db.count("staff_sessions") == 1
    client.set_cookie("session", first)
    assert client.get("/staff/search").status_code == 302


def test_sign_out_is_a_post_and_kills_the_session_for_good(client, auth, app, db):
    auth.login("asha")
    stolen = session_cookie(client)
    assert client.get("/logout").status_code == 405
    assert client.get("/staff/search").status_code == 200
    response = auth.logout()
    assert response.status_code == 302 and response.headers["Location"] == "/login"
    assert client.get("/staff/search").status_code == 302
    assert db.count("staff_sessions") == 0
    # A copy of the cookie taken before sign-out is worthless afterwards.
    replay = app.test_client()
    replay.set_cookie("session", stolen)
    assert replay.get("/staff/search").status_code == 302


def test_sign_out_needs_the_csrf_token(client, auth):
    auth.login("asha")
    assert client.post("/logout").status_code == 400
    assert client.get("/staff/search").status_code == 200


def test_sessions_expire_after_staff_session_hours(client, auth, monkeypatch):
    auth.login("asha")
    later = accounts._now() + accounts.timedelta(hours=12, minutes=1)
    monkeypatch.setattr(accounts, "_now", lambda: later)
    assert client.get("/staff/search").status_code == 302


def cookie_flags(response) -> str:
    return next(h for h in response.headers.getlist("Set-Cookie") if h.startswith("session="))


def test_the_session_cookie_is_httponly_samesite_lax_and_secure(auth):
    flags = cookie_flags(auth.login("asha"))
    assert "HttpOnly" in flags and "SameSite=Lax" in flags and "Secure" in flags


def make_app(tmp_path, **config):
    return create_app({"TESTING": True, "SECRET_KEY": "test-secret", "DATABASE": str(tmp_path / "t.sqlite"),
                       "RATELIMIT_ENABLED": False, "ARGON2_PARAMETERS": FAST_ARGON2, **config})


def test_the_session_cookie_is_not_secure_in_debug_mode(tmp_path):
    app = make_app(tmp_path, DEBUG=True)
    client = app.test_client()
    flags = cookie_flags(AuthActions(app, client).login("asha"))
    assert "Secure" not in flags and "HttpOnly" in flags


def test_production_always_sets_secure_cookies(tmp_path):
    app = create_app({"SECRET_KEY": "a-long-random-production-key", "DATABASE": str(tmp_path / "t.sqlite"),
                      "SESSION_COOKIE_SECURE": False}, production=True)
    assert app.config["SESSION_COOKIE_SECURE"] is True


@pytest.fixture
def throttled(tmp_path):
    app = make_app(tmp_path, RATELIMIT_ENABLED=True, RATELIMIT_LOGIN="3/minute", RATELIMIT_LOGIN_ACCOUNT="2/minute",
                   RATELIMIT_LOGIN_ALL="20/minute")
    client = app.test_client()
    AuthActions(app, client).create("asha")
    return app, client


def sign_in(client, password, username="asha", address="192.0.2.1"):
    return client.post("/login", data={"username": username, "password": password,
                                       "csrf_token": csrf_token(client)},
                       environ_base={"REMOTE_ADDR": address})


def test_repeated_failed_sign_ins_are_throttled(throttled):
    _, client = throttled
    assert [sign_in(client, "wrong password here").status_code for _ in range(2)] == [401, 401]
    response = sign_in(client, PASSWORD)  # even the right password waits, from the guessing address
    assert response.status_code == 429
    assert "Too many failed sign-ins" in response.get_data(as_text=True)
    assert client.get("/staff/search").status_code == 302


def test_guessing_a_staff_members_password_slows_only_the_guesser(throttled):
    _, client = throttled
    codes = [sign_in(client, "wrong password here", address="198.51.100.7").status_code for _ in range(10)]
    assert codes == [401, 401] + [429] * 8
    assert sign_in(client, PASSWORD, address="203.0.113.9").status_code == 302  # asha, from her own address


def test_failures_for_one_username_are_throttled_per_address_and_username(throttled):
    app, client = throttled
    AuthActions(app, client).create("zoe")
    for _ in range(2):
        assert sign_in(client, "wrong password here", address="198.51.100.7").status_code == 401
    assert sign_in(client, PASSWORD, address="198.51.100.7").status_code == 429
    assert sign_in(client, PASSWORD, username="zoe", address="198.51.100.7").status_code == 302


def test_all_failed_sign_ins_together_have_a_backstop(tmp_path):
    app = make_app(tmp_path, RATELIMIT_ENABLED=True, RATELIMIT_LOGIN_ALL="4/minute")
    client = app.test_client()
    AuthActions(app, client).create("asha")
    for n in range(4):
        assert sign_in(client, "wrong password here", address=f"198.51.100.{n}").status_code == 401
    assert sign_in(client, PASSWORD, address="203.0.113.9").status_code == 429


def test_failures_from_one_address_are_throttled_across_usernames(throttled):
    _, client = throttled
    for name in ["bob", "carol", "dave"]:
        assert sign_in(client, "wrong password here", username=name).status_code == 401
    assert sign_in(client, PASSWORD).status_code == 429


def test_throttling_one_address_leaves_other_users_alone(throttled):
    app, client = throttled
    AuthActions(app, client).create("zoe")
    for name in ["bob", "carol", "dave"]:
        assert sign_in(client, "wrong password here", username=name, address="198.51.100.7").status_code == 401
    assert sign_in(client, PASSWORD, username="zoe", address="203.0.113.9").status_code == 302


def test_successful_sign_ins_are_not_throttled(throttled):
    app, client = throttled
    for _ in range(5):
        assert sign_in(client, PASSWORD).status_code == 302


@pytest.mark.parametrize("path", ["/staff/search", "/staff/requests", "/staff/requests/1", "/editor/unanswered",
                                  "/editor/gaps", "/login"])
def test_staff_pages_are_never_cached_or_framed(client, auth, a_request, path):
    auth.login("zoe", role="editor")
    response = client.get(path)
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


def test_public_pages_show_the_staff_navigation_only_to_signed_in_staff(client, auth):
    assert "Sign out" not in client.get("/policy").get_data(as_text=True)
    auth.login("asha")
    page = client.get("/policy").get_data(as_text=True)
    assert "Sign out asha" in page and 'href="/staff/requests"' in page


def test_every_staff_and_editor_route_is_covered_by_these_tests(app):
    """A new staff page must be added to AGENT_PAGES or EDITOR_PAGES (and so to every boundary test above)."""
    tested = {path.split("?")[0].replace("versions/1", "versions/<int:number>").replace("/1", "/<int:request_id>")
              for path in AGENT_PAGES + EDITOR_PAGES}
    tested |= {path.replace("/1", "/<int:request_id>") for path, _ in AGENT_ACTIONS + EDITOR_ACTIONS
               if not path.startswith("/staff/outbox/")}
    tested |= {"/staff/search.json", "/staff/outbox/<int:message_id>", "/staff/outbox/<int:message_id>/retry"}
    tested |= {"/editor/decisions/<batch>"}  # tests/staff/test_insight.py: editors only
    # "<int(min=1, max=...):request_id>" is "<int:request_id>" here: the bounds are the converter's business
    routes = {re.sub(r"<int\([^)]*\):", "<int:", rule.rule) for rule in app.url_map.iter_rules()
              if rule.rule.startswith(("/staff", "/editor"))}
    assert routes == tested


def test_the_sign_in_page_shows_the_public_no_server_command(client):
    page = client.get("/login").get_data(as_text=True)
    assert "flask" not in page.lower() and "<code>" not in page

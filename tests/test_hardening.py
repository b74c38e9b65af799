"""Hardening: headers, limits, faults, production settings, log retention."""

import io
import json
import threading
from datetime import datetime, timedelta, timezone

import pytest
from gunicorn.http.errors import InvalidChunkSize

from app import create_app
from app.platform import db as storage
from app.cli import parse_age
from conftest import csrf_token
from dbfaults import make_full, make_read_only, rows, write_lock_held  # noqa: F401  (fixtures)

GOOD = {"type": "deletion", "name": "Asha Rao", "email": "asha@example.com", "details": "Please delete my data."}


# ---- headers -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/policy", "/request?type=deletion", "/healthz", "/no-such-page"])
def test_every_response_carries_the_security_headers(client, path):
    headers = client.get(path).headers
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_hsts_is_left_out_in_debug_where_the_site_runs_on_plain_http(tmp_path):
    app = create_app({"TESTING": True, "DEBUG": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "d.sqlite")})
    assert "Strict-Transport-Security" not in app.test_client().get("/").headers


@pytest.mark.parametrize("method,path", [("get", "/request?type=deletion"), ("post", "/api/ask")])
def test_pages_with_what_a_visitor_typed_are_never_cached(client, method, path):
    response = getattr(client, method)(path, json={"question": "hello"} if method == "post" else None)
    assert response.headers["Cache-Control"] == "no-store"


def test_the_policy_page_may_be_cached(client):
    assert "no-store" not in client.get("/policy").headers.get("Cache-Control", "")


# ---- limits --------------------------------------------------------------------------------------------------

def test_an_oversized_body_is_refused_with_413_json(client):
    response = client.post("/api/ask", data="x" * (65 * 1024), content_type="application/json")
    assert response.status_code == 413 and response.get_json()["error"]
    response = client.post("/api/requests", data="x" * (65 * 1024), content_type="application/json")
    assert response.status_code == 413 and response.get_json()["error"]


@pytest.fixture
def limited(tmp_path):
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "d.sqlite"),
                      "RATELIMIT_ASK": "3/minute", "RATELIMIT_REQUESTS": "2/minute"})
    return app.test_client()


def test_asking_too_often_gets_a_json_429(limited):
    codes = [limited.post("/api/ask", json={"question": "do you sell my data?"}).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    response = limited.post("/api/ask", json={"question": "do you sell my data?"})
    body = response.get_json()
    assert set(body) == {"error", "retry_after"} and "Please try again in" in body["error"]
    assert int(response.headers["Retry-After"]) == body["retry_after"]


def test_rate_limits_can_be_turned_off_for_load_tests(tmp_path, monkeypatch):
    monkeypatch.setenv("FLASK_RATELIMIT_ENABLED", "false")
    monkeypatch.setenv("FLASK_RATELIMIT_ASK", "1/minute")
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "d.sqlite")})
    client = app.test_client()
    assert {client.post("/api/ask", json={"question": "hi"}).status_code for _ in range(5)} == {200}


def test_a_page_over_its_limit_gets_a_friendly_page(limited):
    form = {**GOOD, "csrf_token": csrf_token(limited, "/request")}
    for _ in range(2):
        assert limited.post("/request", data=form).status_code == 303
    response = limited.post("/request", data=form)
    assert response.status_code == 429
    assert "text/html" in response.content_type and "Please try again in" in response.get_data(as_text=True)  # the form again: tests/visitors/test_intake.py


# ---- production --------------------------------------------------------------------------------------------

def test_production_never_runs_in_debug(tmp_path, monkeypatch):
    monkeypatch.setenv("FLASK_DEBUG", "1")
    monkeypatch.setenv("FLASK_SECRET_KEY", "a-long-random-production-secret-value")
    monkeypatch.setenv("FLASK_DATABASE", str(tmp_path / "d.sqlite"))
    app = create_app(production=True)
    assert app.debug is False and app.config["SESSION_COOKIE_SECURE"] is True


def test_a_forced_exception_shows_a_friendly_page_without_a_traceback(app):
    @app.get("/boom")
    def boom():
        raise RuntimeError("secret internals")

    app.config["PROPAGATE_EXCEPTIONS"] = False
    response = app.test_client().get("/boom")
    html = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Something went wrong on our side" in html
    assert "Traceback" not in html and "secret internals" not in html
    json_response = app.test_client().get("/boom", headers={"Accept": "application/json"})
    assert json_response.get_json() == {"error": "Something went wrong on our side. Please try again."}


# ---- faults ------------------------------------------------------------------------------------------------

@pytest.fixture
def read_only_db(app):
    """The database can be read but not written (a read-only mount; on PostgreSQL, a standby)."""
    clear = make_read_only(app)
    yield
    clear()


@pytest.mark.storage
def test_when_the_log_cannot_be_written_questions_are_still_answered(client, read_only_db, caplog):
    response = client.post("/api/ask", json={"question": "do you sell my data?"})
    assert response.status_code == 200 and response.get_json()["answered"]
    assert "could not log question" in caplog.text  # loud in the server log
    health = client.get("/healthz").get_json()
    assert health["status"] == "degraded"


@pytest.mark.storage
def test_healthz_recovers_once_the_log_can_be_written_again(app, client):
    app.config["DATABASE_TIMEOUT"] = 0.2
    with write_lock_held(app.config["DATABASE"]):  # another process holds the write lock for too long
        assert client.post("/api/ask", json={"question": "do you sell my data?"}).status_code == 200
        assert client.get("/healthz").get_json()["status"] == "degraded"
    client.post("/api/ask", json={"question": "do you sell my data?"})
    assert client.get("/healthz").get_json()["status"] == "ok"


@pytest.mark.storage
def test_when_requests_cannot_be_stored_the_visitor_gets_503_not_a_reference(client, read_only_db):
    response = client.post("/api/requests", json=GOOD)
    assert response.status_code == 503 and "reference" not in response.get_json()
    response = client.post("/request", data={**GOOD, "csrf_token": csrf_token(client, "/request")})
    assert response.status_code == 503 and "has not been received" in response.get_data(as_text=True)


def test_a_full_disk_is_a_storage_failure_too(app, client):
    clear = make_full(app)  # SQLite's own way to act out "database or disk is full"
    try:
        assert client.post("/api/requests", json={**GOOD, "details": "x" * 4000}).status_code == 503
        assert client.post("/api/ask", json={"question": "do you sell my data?"}).status_code == 200
    finally:
        clear()
    assert rows(app.config["DATABASE"], "requests") == []


# ---- privacy of logs -----------------------------------------------------------------------------------------

@pytest.mark.storage
def test_no_client_address_is_stored(client, db):
    client.post("/api/ask", json={"question": "do you sell my data?"}, environ_base={"REMOTE_ADDR": "203.0.113.7"})
    client.post("/api/requests", json=GOOD, environ_base={"REMOTE_ADDR": "203.0.113.7"})
    stored = {table: db.query(f"select * from {table}") for table in db.table_names()}
    assert len(stored["questions"]) == len(stored["requests"]) == 1
    assert "203.0.113.7" not in repr(stored)


@pytest.mark.parametrize("text,expected", [
    ("90d", timedelta(days=90)), ("90", timedelta(days=90)), ("12w", timedelta(weeks=12)),
    ("48h", timedelta(hours=48)), (" 7d ", timedelta(days=7)),
])
def test_ages_for_purge_are_read_in_days_weeks_or_hours(text, expected):
    assert parse_age(text) == expected


@pytest.mark.storage
def test_purge_removes_old_question_logs_and_their_feedback_but_keeps_requests(app, client, runner, db):
    old = (datetime.now(timezone.utc) - timedelta(days=91)).isoformat(timespec="milliseconds")
    recent_id = client.post("/api/ask", json={"question": "do you sell my data?"}).get_json()["question_id"]
    old_id = client.post("/api/ask", json={"question": "is my data encrypted?"}).get_json()["question_id"]
    client.post("/api/feedback", json={"question_id": old_id, "helpful": False})
    client.post("/api/requests", json=GOOD)
    with storage.write(db):
        db.update("questions", old_id, {"asked_at": old})
        db.execute("update requests set received_at = :old", {"old": old})

    result = runner.invoke(args=["purge", "--older-than", "90d", "--dry-run"])
    assert "would delete 1 " in result.output and db.count("questions") == 2 and db.count("feedback") == 1
    result = runner.invoke(args=["purge", "--older-than", "90d"])
    assert result.exit_code == 0 and "deleted 1 " in result.output
    assert [r["id"] for r in db.query("select id from questions")] == [recent_id]
    assert db.count("feedback") == 0
    assert db.count("requests") == 1


def test_purge_refuses_a_meaningless_age(runner):
    result = runner.invoke(args=["purge", "--older-than", "soon"])
    assert result.exit_code == 2 and "e.g. 90d" in result.output


# ---- round two (issue 12): bad input, shared limits, forwarded headers, caching ------------------------------

@pytest.mark.storage
def test_a_lone_surrogate_in_a_request_is_refused_and_nothing_is_stored(client, db):
    for field in ("name", "details"):
        body = json.dumps({**GOOD, field: "Asha \ud800"})  # json.dumps writes the lone surrogate as \\ud800
        response = client.post("/api/requests", data=body, content_type="application/json")
        assert response.status_code == 400
        assert response.get_json()["fields"] == {field: "must be valid Unicode text"}
    assert db.count("requests") == 0


def test_deeply_nested_json_in_a_request_is_a_400(client):
    response = client.post("/api/requests", data="[" * 5000 + "]" * 5000, content_type="application/json")
    assert response.status_code == 400 and response.get_json()["error"] == "the request body must be a JSON object"


class _BrokenBody(io.BytesIO):
    """A body stream that fails as gunicorn's does on a malformed chunk (not an OSError: Werkzeug lets it through)."""

    def read(self, *args):
        raise InvalidChunkSize(b"zz")

    readline = readinto = read1 = read


@pytest.mark.parametrize("path", ["/api/requests", "/api/ask", "/request", "/login"])
def test_a_body_that_cannot_be_read_is_a_400(client, path):
    response = client.post(path, input_stream=_BrokenBody(b"zz\r\nabc"), content_type="application/json",
                           headers={"Transfer-Encoding": "chunked"}, environ_overrides={"wsgi.input_terminated": True})
    assert response.status_code == 400


@pytest.mark.parametrize("path,content_type", [("/api/requests", "application/json"),
                                               ("/request", "application/x-www-form-urlencoded"),
                                               ("/api/ask", "application/json")])
def test_an_oversized_chunked_body_is_413_everywhere(client, path, content_type):
    body = b"name=" + b"x" * (10 * 1024 * 1024)
    response = client.post(path, input_stream=io.BytesIO(body), content_type=content_type,
                           headers={"Transfer-Encoding": "chunked"}, environ_overrides={"wsgi.input_terminated": True})
    assert response.status_code == 413


def test_the_request_limit_is_one_budget_for_the_form_and_the_api(limited):
    form = {**GOOD, "csrf_token": csrf_token(limited, "/request")}
    assert limited.post("/request", data=form).status_code == 303
    assert limited.post("/api/requests", json=GOOD).status_code == 201
    assert limited.post("/api/requests", json=GOOD).status_code == 429
    assert limited.post("/request", data=form).status_code == 429


def test_the_chat_page_with_a_question_is_never_cached(client):
    assert client.get("/?q=is+my+data+sold%3F").headers["Cache-Control"] == "no-store"
    assert "no-store" not in client.get("/").headers.get("Cache-Control", "")


@pytest.mark.storage
def test_each_thread_has_its_own_database_connection(app):
    """Threads serving requests at the same time never share a connection (their transactions would mix)."""
    seen, together = [], threading.Barrier(3)

    def connection():
        with app.app_context():
            seen.append(storage.get_db().conn.connection.dbapi_connection)
            together.wait(timeout=10)  # all three hold theirs at once

    threads = [threading.Thread(target=connection) for _ in range(2)]
    for thread in threads:
        thread.start()
    connection()
    for thread in threads:
        thread.join()
    assert len({id(conn) for conn in seen}) == 3


def test_refused_submissions_do_not_count_against_the_request_limit(limited):
    """A visitor who mistypes the form five times still gets the sixth, correct one through (issue 13)."""
    bad = {**GOOD, "email": "not an address"}
    assert [limited.post("/api/requests", json=bad).status_code for _ in range(5)] == [400] * 5
    form = {**bad, "csrf_token": csrf_token(limited, "/request")}
    assert limited.post("/request", data=form).status_code == 400
    assert limited.get("/request").status_code == 200  # showing the form costs nothing either
    assert limited.post("/api/requests", json=GOOD).status_code == 201

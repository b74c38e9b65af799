"""The widget script and the CORS rules that let listed websites, and only those, call the API."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import ConfigurationError, create_app
from app.visitors.cors import CORS_PATHS, OriginError, normalise_origin, parse_origins

ROOT = Path(__file__).resolve().parents[2]
LISTED = "https://www.bluemessaggio.example"
OTHER = "https://evil.example"


@pytest.fixture
def app(tmp_path):
    return create_app({"TESTING": True, "SECRET_KEY": "test-secret", "DATABASE": str(tmp_path / "test.sqlite"),
                       "RATELIMIT_ENABLED": False, "WIDGET_ORIGINS": [LISTED, "http://127.0.0.1:8001"]})


def preflight(client, path, origin, method="POST", headers="content-type"):
    request_headers = {"Origin": origin, "Access-Control-Request-Method": method}
    if headers:
        request_headers["Access-Control-Request-Headers"] = headers
    return client.options(path, headers=request_headers)


@pytest.mark.parametrize("value, expected", [
    ("https://www.example.com", "https://www.example.com"),
    ("https://www.example.com/", "https://www.example.com"),
    ("HTTPS://WWW.Example.COM", "https://www.example.com"),
    ("https://example.com:443", "https://example.com"),
    ("http://example.com:80", "http://example.com"),
    ("http://127.0.0.1:8001", "http://127.0.0.1:8001"),
    ("  https://example.com:8443  ", "https://example.com:8443"),
    ("http://[::1]:5000", "http://[::1]:5000"),
])
def test_origins_are_normalised_as_browsers_send_them(value, expected):
    assert normalise_origin(value) == expected


@pytest.mark.parametrize("value", [
    "*", "example.com", "ftp://example.com", "https://", "https://example.com/path", "https://example.com?x=1",
    "https://user@example.com", "https://example.com:99999", "javascript:alert(1)",
])
def test_values_that_are_not_origins_are_rejected(value):
    with pytest.raises(OriginError):
        normalise_origin(value)


@pytest.mark.parametrize("value, expected", [
    (None, set()),
    ("", set()),
    ([], set()),
    ("https://a.example", {"https://a.example"}),
    ("https://a.example, https://b.example:8443/", {"https://a.example", "https://b.example:8443"}),
    (["https://a.example", "http://localhost:3000"], {"https://a.example", "http://localhost:3000"}),
])
def test_widget_origins_setting_accepts_a_list_or_comma_separated_text(value, expected):
    assert parse_origins(value) == expected


@pytest.mark.parametrize("env_value", [
    "https://a.example,https://b.example",
    '["https://a.example", "https://b.example"]',  # from_prefixed_env reads JSON values as lists
])
def test_widget_origins_come_from_the_environment(monkeypatch, tmp_path, env_value):
    monkeypatch.setenv("FLASK_WIDGET_ORIGINS", env_value)
    app = create_app({"TESTING": True, "DATABASE": str(tmp_path / "t.sqlite")})
    assert app.extensions["widget_origins"] == {"https://a.example", "https://b.example"}


def test_a_malformed_origin_stops_start_up_naming_the_setting(monkeypatch, tmp_path):
    monkeypatch.setenv("FLASK_WIDGET_ORIGINS", "https://ok.example,www.missing-scheme.example")
    with pytest.raises(ConfigurationError, match="FLASK_WIDGET_ORIGINS.*www.missing-scheme.example"):
        create_app({"TESTING": True, "DATABASE": str(tmp_path / "t.sqlite")})


# --- actual requests ---

def test_listed_origin_may_read_the_answer(client):
    response = client.post("/api/ask", json={"question": "Can I delete my account?"}, headers={"Origin": LISTED})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == LISTED
    assert "Origin" in response.headers.getlist("Vary")[0]
    # Visitors need no cookies: credentials are never shared with the host page.
    assert "Access-Control-Allow-Credentials" not in response.headers


@pytest.mark.parametrize("origin", [OTHER, "https://www.bluemessaggio.example.evil.example", "null",
                                    "http://www.bluemessaggio.example"])
def test_other_origins_get_no_allow_origin_header(client, origin):
    response = client.post("/api/ask", json={"question": "Can I delete my account?"}, headers={"Origin": origin})
    assert "Access-Control-Allow-Origin" not in response.headers
    assert "Origin" in response.vary


def test_same_origin_requests_need_no_cors_headers(client):
    response = client.post("/api/ask", json={"question": "Can I delete my account?"})
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response.headers


def test_errors_are_readable_by_a_listed_origin(client):
    response = client.post("/api/ask", json={"question": ""}, headers={"Origin": LISTED})
    assert response.status_code == 400
    assert response.json["error"]
    assert response.headers["Access-Control-Allow-Origin"] == LISTED


def test_feedback_from_a_listed_origin(client):
    asked = client.post("/api/ask", json={"question": "Do you sell my data?"}, headers={"Origin": LISTED})
    response = client.post("/api/feedback", json={"question_id": asked.json["question_id"], "helpful": True},
                           headers={"Origin": LISTED})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == LISTED


@pytest.mark.parametrize("path", ["/policy", "/healthz", "/"])
def test_pages_outside_the_widget_api_are_never_shared(client, path):
    response = client.get(path, headers={"Origin": LISTED})
    assert "Access-Control-Allow-Origin" not in response.headers


# --- preflight ---

@pytest.mark.parametrize("path", sorted(CORS_PATHS))
def test_preflight_from_a_listed_origin_allows_a_json_post(client, path):
    response = preflight(client, path, LISTED)
    assert response.status_code == 204
    assert response.headers["Access-Control-Allow-Origin"] == LISTED
    assert response.headers["Access-Control-Allow-Methods"] == "POST"
    assert "content-type" in response.headers["Access-Control-Allow-Headers"].lower()
    assert "Origin" in response.vary


@pytest.mark.parametrize("path", sorted(CORS_PATHS))
def test_preflight_from_another_origin_is_refused(client, path):
    response = preflight(client, path, OTHER)
    assert response.status_code == 403
    assert response.json["error"]
    assert "Access-Control-Allow-Origin" not in response.headers


@pytest.mark.parametrize("method, headers", [("PUT", "content-type"), ("DELETE", None),
                                             ("POST", "content-type, x-api-key"), ("POST", "authorization")])
def test_preflight_for_anything_but_a_json_post_is_refused(client, method, headers):
    response = preflight(client, "/api/ask", LISTED, method=method, headers=headers)
    assert response.status_code == 403
    assert "Access-Control-Allow-Origin" not in response.headers


def test_without_widget_origins_the_api_is_same_origin_only(tmp_path):
    client = create_app({"TESTING": True, "DATABASE": str(tmp_path / "t.sqlite")}).test_client()
    assert preflight(client, "/api/ask", LISTED).status_code == 403
    response = client.post("/api/ask", json={"question": "Do you sell my data?"}, headers={"Origin": LISTED})
    assert "Access-Control-Allow-Origin" not in response.headers


def test_preflights_do_not_use_up_the_rate_limit(tmp_path):
    app = create_app({"TESTING": True, "DATABASE": str(tmp_path / "t.sqlite"), "WIDGET_ORIGINS": LISTED,
                      "RATELIMIT_ASK": "1/minute"})
    client = app.test_client()
    for _ in range(3):
        assert preflight(client, "/api/ask", LISTED).status_code == 204
    first = client.post("/api/ask", json={"question": "Do you sell my data?"}, headers={"Origin": LISTED})
    assert first.status_code == 200
    limited = client.post("/api/ask", json={"question": "Do you sell my data?"}, headers={"Origin": LISTED})
    assert limited.status_code == 429
    # The widget can read the refusal and how long to wait.
    assert limited.headers["Access-Control-Allow-Origin"] == LISTED
    assert "Retry-After" in limited.headers["Access-Control-Expose-Headers"]


# --- the script ---

def test_widget_script_is_served_small_and_cacheable(client):
    response = client.get("/widget.js")
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    # Unminified (no build step); raised from 30 KiB when suggested questions and the prefilled form came in,
    # from 34 KiB when the request form learned to take the e-mailed code (about 3.5 KiB), by 1 KiB for the notice
    # of a new policy version, and when the widget learned the visitor's language (its texts come from api/strings);
    # to 47 KiB for suggestions per language, answers drawn again in a newly chosen language, the child's-data note.
    assert len(response.data) < 47 * 1024
    assert "max-age=3600" in response.headers["Cache-Control"]
    response.close()


def test_assistant_pages_keep_their_strict_csp(client):
    csp = client.get("/").headers["Content-Security-Policy"]
    assert "connect-src 'self'" in csp
    assert "script-src 'self';" in csp
    assert "unsafe-inline" not in csp


def test_widget_script_never_builds_html_from_strings():
    source = (ROOT / "app" / "static" / "widget.js").read_text(encoding="utf-8")
    for risky in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert risky not in source
    assert 'credentials: "omit"' in source


def test_readme_documents_the_widget():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for term in ("widget.js", "FLASK_WIDGET_ORIGINS", "data-title", "data-color", "data-position",
                 "data-greeting", "REQUIRE_BROWSER"):
        assert term in readme


def test_a_request_from_a_listed_origin_gets_its_reference(client):
    response = client.post("/api/requests", headers={"Origin": LISTED}, json={
        "type": "deletion", "name": "Ada Lovelace", "email": "ada@example.com", "details": "Account 12345"})
    assert response.status_code == 201
    assert response.json["reference"]
    assert response.headers["Access-Control-Allow-Origin"] == LISTED


def test_field_errors_are_readable_by_a_listed_origin(client):
    response = client.post("/api/requests", headers={"Origin": LISTED}, json={"type": "deletion", "name": ""})
    assert response.status_code == 400
    assert "email" in response.json["fields"]
    assert response.headers["Access-Control-Allow-Origin"] == LISTED


@pytest.mark.parametrize("origin", ["https://evil.example", "null"])
def test_a_simple_cross_site_post_from_an_unlisted_website_is_refused_before_the_view(client, db, origin):
    # text/plain needs no preflight, so only the server can stop it.
    response = client.post("/api/requests", data='{"type": "deletion", "name": "x", "email": "x@example.com", '
                           '"details": "x"}', content_type="text/plain", headers={"Origin": origin})
    assert response.status_code == 403 and response.get_json()["error"]
    assert "Access-Control-Allow-Origin" not in response.headers
    assert db.count("requests") == 0


def test_the_assistants_own_pages_and_clients_without_an_origin_are_not_affected(client):
    ask = {"question": "do you sell my data?"}
    assert client.post("/api/ask", json=ask, headers={"Origin": "http://localhost"}).status_code == 200
    assert client.post("/api/ask", json=ask).status_code == 200

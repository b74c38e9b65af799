"""Forwarded headers: X-Forwarded-For is believed only from the configured proxies (app/platform/forwarded.py)."""

from __future__ import annotations

import pytest

from app import create_app
from app.platform.forwarded import TrustedProxies
from conftest import FAST_ARGON2, PASSWORD, AuthActions, csrf_token

VICTIM = "192.0.2.10"
BROWSER = {"User-Agent": "Mozilla/5.0 (victim)"}


def client_address(proxies, peer, forwarded=None):
    environ = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        environ["HTTP_X_FORWARDED_FOR"] = forwarded
    return TrustedProxies(None, proxies).client_address(environ)


@pytest.mark.parametrize("proxies,peer,forwarded,expected", [
    ("10.0.0.1", "198.51.100.9", VICTIM, "198.51.100.9"),                   # not a proxy: header ignored
    ("10.0.0.1", "10.0.0.1", VICTIM, VICTIM),                               # the proxy says who it saw
    ("10.0.0.1", "10.0.0.1", f"{VICTIM}, 198.51.100.9", "198.51.100.9"),    # a client can only prepend
    ("10.0.0.0/8", "10.0.0.1", f"198.51.100.9, 10.0.0.7", "198.51.100.9"),  # two proxies in a row
    ("10.0.0.1", "10.0.0.1", None, "10.0.0.1"),
    ("10.0.0.1", "10.0.0.1", "not-an-address", "10.0.0.1"),
    ("*", "198.51.100.9", VICTIM, VICTIM),
])
def test_the_client_address_comes_from_forwarded_headers_only_via_a_trusted_proxy(proxies, peer, forwarded,
                                                                                   expected):
    assert client_address(proxies, peer, forwarded) == expected


@pytest.fixture
def app(tmp_path):
    return create_app({"TESTING": True, "SECRET_KEY": "test-secret", "DATABASE": str(tmp_path / "t.sqlite"),
                       "RATELIMIT_ENABLED": False, "ARGON2_PARAMETERS": FAST_ARGON2,
                       "FORWARDED_ALLOW_IPS": "10.0.0.1"})


def signed_in_cookie(app):
    """The victim signs in from VICTIM; returns the session cookie an attacker might steal."""
    victim = app.test_client()
    AuthActions(app, victim).create("asha")
    response = victim.post("/login", data={"username": "asha", "password": PASSWORD,
                                           "csrf_token": csrf_token(victim)},
                           headers=BROWSER, environ_base={"REMOTE_ADDR": VICTIM})
    assert response.status_code == 302
    return victim.get_cookie("session").value


def test_a_stolen_session_with_a_forged_forwarded_for_is_refused(app):
    attacker = app.test_client()
    attacker.set_cookie("session", signed_in_cookie(app))
    response = attacker.get("/staff/search", headers={**BROWSER, "X-Forwarded-For": VICTIM},
                            environ_base={"REMOTE_ADDR": "198.51.100.9"})
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")


def test_the_session_is_kept_when_the_trusted_proxy_forwards_the_same_client(app):
    proxied = app.test_client()
    proxied.set_cookie("session", signed_in_cookie(app))
    response = proxied.get("/staff/search", headers={**BROWSER, "X-Forwarded-For": VICTIM},
                           environ_base={"REMOTE_ADDR": "10.0.0.1"})
    assert response.status_code == 200


def test_a_forged_forwarded_for_does_not_escape_the_rate_limit(tmp_path):
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "t.sqlite"),
                      "RATELIMIT_ASK": "2/minute", "FORWARDED_ALLOW_IPS": "10.0.0.1"})
    client = app.test_client()
    codes = [client.post("/api/ask", json={"question": "hello"}, headers={"X-Forwarded-For": f"192.0.2.{n}"},
                         environ_base={"REMOTE_ADDR": "198.51.100.9"}).status_code for n in range(3)]
    assert codes == [200, 200, 429]

"""Changes reach every host: two copies of the Procfile's server ("two hosts", two gunicorn workers each) on one
PostgreSQL database. An editor's linked phrasing and "not covered" decision made through one host, and a policy
version published from the command line, are in force in every worker of the other host from its next request,
with no restart (each worker reads the reload counters before a request and rebuilds when they moved).
"""

from __future__ import annotations

import http.client
import re
import shutil
import urllib.parse

import pytest

from app import create_app
from app.platform import db as storage
from app.staff import accounts
from conftest import FAST_ARGON2, PASSWORD
from procfile_server import ProcfileServer
from tests.instances import FIRST_TABLE
from tests.publishing import CORPUS, DELETION, REWORDED

pytestmark = [pytest.mark.postgresql, pytest.mark.slow]

LINKED = "How do I zap my profile?"
NOT_COVERED = "Do you sell my data to advertisers?"
ASKS = 6  # new connections each: both workers of a host answer some of them


def _call(port: int, method: str, path: str, body: str | None = None, cookie: str = "",
          content_type: str = "application/x-www-form-urlencoded") -> tuple[int, dict, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(method, path, body=body, headers={"Content-Type": content_type, "Cookie": cookie})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode()
    finally:
        conn.close()


def _cookie(headers: dict, old: str) -> str:
    value = headers.get("Set-Cookie", "")
    return value.split(";", 1)[0] if value.startswith("session=") else old


def _token(page: str) -> str:
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)


def _answers(port: int, question: str) -> list[tuple]:
    import json

    found = []
    for _ in range(ASKS):
        status, _, body = _call(port, "POST", "/api/ask", json.dumps({"question": question}),
                                content_type="application/json")
        assert status == 200, body
        reply = json.loads(body)
        answer = reply.get("answer") or {}
        found.append((reply["answered"], answer.get("clause_id"), (reply.get("citations") or [{}])[0].get("version")))
    return found


@pytest.fixture
def hosts(tmp_path, postgresql_server):
    url = postgresql_server.new_database()
    servers = [ProcfileServer(tmp_path, url, workers=2, env={"FLASK_QUESTION_SPOOL_DIR": str(tmp_path / f"spool{n}")})
               for n in range(2)]
    for server in servers:
        server.start()
    setup = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": url, "ARGON2_PARAMETERS": FAST_ARGON2,
                        "QUESTION_SPOOL_DIR": str(tmp_path / "spool-setup")})
    db = storage.connect(url)
    try:
        with setup.app_context():
            accounts.create_user(db, "zoe", "editor", PASSWORD)
    finally:
        db.close()
    storage.reset_connections(setup)
    yield url, servers
    for server in servers:
        server.stop()


def _sign_in(port: int) -> str:
    _, headers, page = _call(port, "GET", "/login")
    cookie = _cookie(headers, "")
    body = urllib.parse.urlencode({"username": "zoe", "password": PASSWORD, "csrf_token": _token(page)})
    status, headers, _ = _call(port, "POST", "/login", body, cookie)
    assert status == 302
    return _cookie(headers, cookie)


def _decide(port: int, cookie: str, action: str, fields: dict) -> str:
    """An editor's decision through the review page's form; returns the session cookie as it is now."""
    _, headers, page = _call(port, "GET", "/editor/unanswered", cookie=cookie)
    cookie = _cookie(headers, cookie)  # the page's CSRF token lives in the session
    status, headers, body = _call(port, "POST", f"/editor/unanswered/{action}",
                                  urllib.parse.urlencode({**fields, "csrf_token": _token(page)}), cookie)
    assert status == 302, body[-500:]
    return _cookie(headers, cookie)


def test_an_editors_decisions_and_a_new_policy_version_reach_every_worker_of_the_other_host(hosts, tmp_path):
    url, (editors_host, visitors_host) = hosts
    port = visitors_host.port
    assert {answered for answered, _, _ in _answers(port, LINKED)} == {False}
    before = _answers(port, NOT_COVERED)
    assert {answered for answered, _, _ in before} == {True}

    cookie = _sign_in(editors_host.port)
    cookie = _decide(editors_host.port, cookie, "link", {"text": LINKED, "clause_id": DELETION})
    assert set(_answers(port, LINKED)) == {(True, DELETION, 1)}
    _decide(editors_host.port, cookie, "not-covered", {"text": NOT_COVERED})
    assert {answered for answered, _, _ in _answers(port, NOT_COVERED)} == {False}

    # A new version published from the command line (a third process) on a copy of the corpus.
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / "privacy-policy.md").write_text(REWORDED, encoding="utf-8")
    publisher = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": url, "CORPUS_DIR": str(corpus),
                            "QUESTION_SPOOL_DIR": str(tmp_path / "spool-publisher"),
                            "POLICY_CHECK_TABLES": str(FIRST_TABLE)})
    result = publisher.test_cli_runner().invoke(args=["policy", "publish", "--by", "zoe", "--accept-changes"])
    storage.reset_connections(publisher)
    assert result.exit_code == 0, result.output
    assert {(clause, version) for _, clause, version in _answers(port, "Can I delete my account?")} == \
        {(f"{DELETION}-v2", 2)}

"""Rate limits and the login throttle shared through Redis (FLASK_RATELIMIT_STORAGE_URI), and refused when the
setting cannot work.

The sharing tests start a real redis-server and two copies of the Procfile's server ("two hosts", two workers
each) on the same database: a client spreading its submissions or its sign-in guesses over both gets no more than
one budget. Marked `redis`: deselected with a note where redis-server is not installed (.ci/run installs it).
"""

from __future__ import annotations

import http.client
import re
import secrets
import socket
import urllib.parse

import pytest

from app import ConfigurationError, create_app
from procfile_server import ProcfileServer

REQUEST = {"type": "deletion", "name": "Asha Rao", "email": "asha@example.com", "details": "Please delete my account."}


@pytest.mark.parametrize("uri, problem", [
    ("memcached://127.0.0.1:11211", "unknown kind of store 'memcached'"),
    ("postgresql://db/limits", "unknown kind of store 'postgresql'"),
    ("127.0.0.1:6379", "is not a URL"),
    ("redis://127.0.0.1:six/0", "Port could not be cast to integer value"),
    ("redis:///0", "no host"),
    ("redis://127.0.0.1:6379/limits", "the path must be a database number"),
])
def test_a_store_that_cannot_work_stops_start_up(tmp_path, uri, problem):
    with pytest.raises(ConfigurationError) as raised:
        create_app({"DATABASE": str(tmp_path / "t.sqlite"), "RATELIMIT_STORAGE_URI": uri})
    assert "FLASK_RATELIMIT_STORAGE_URI" in str(raised.value) and problem in str(raised.value)


def test_the_password_of_the_store_is_not_repeated_in_the_message(tmp_path):
    with pytest.raises(ConfigurationError) as raised:
        create_app({"DATABASE": str(tmp_path / "t.sqlite"),
                    "RATELIMIT_STORAGE_URI": "redis://user:s3cret-pass@127.0.0.1:port/0"})
    assert "s3cret-pass" not in str(raised.value) and "***" in str(raised.value)


def _unused_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_store_that_is_down_degrades_to_counting_in_each_worker(tmp_path, caplog):
    # Nothing listens on the port: the app starts, says so, answers, and still limits (in this worker's memory).
    app = create_app({"TESTING": True, "DATABASE": str(tmp_path / "t.sqlite"), "SECRET_KEY": "test",
                      "RATELIMIT_STORAGE_URI": f"redis://127.0.0.1:{_unused_port()}/0", "RATELIMIT_ASK": "2/minute"})
    assert "does not answer" in caplog.text
    client = app.test_client()
    statuses = [client.post("/api/ask", json={"question": "do you sell my data?"}).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


# ---- two hosts, one Redis ------------------------------------------------------------------------------------

@pytest.fixture
def two_hosts(tmp_path, redis_url):
    """Two Procfile servers (two workers each) on one database and one Redis, with the same secret key."""
    database = tmp_path / "shared.sqlite"
    db = urllib.parse.urlsplit(redis_url)
    # A Redis database of its own per test: counters of another test never leak in.
    url = f"redis://{db.hostname}:{db.port}/{secrets.randbelow(15) + 1}"
    env = {"FLASK_RATELIMIT_ENABLED": "true", "FLASK_RATELIMIT_STORAGE_URI": url,
           "FLASK_SECRET_KEY": secrets.token_hex(32), "FLASK_RATELIMIT_REQUESTS": "4/minute",
           "FLASK_RATELIMIT_LOGIN": "3/minute"}
    servers = [ProcfileServer(tmp_path, database, workers=2, env=env) for _ in range(2)]
    for server in servers:
        server.start()
    _flush(db.hostname, db.port, int(url.rsplit("/", 1)[1]))
    yield servers
    for server in servers:
        server.stop()


def _flush(host: str, port: int, number: int) -> None:
    with socket.create_connection((host, port), timeout=5) as conn:
        conn.sendall(f"SELECT {number}\r\nFLUSHDB\r\n".encode())
        assert conn.recv(64).count(b"+OK") >= 1


@pytest.mark.redis
@pytest.mark.slow
def test_request_submissions_share_one_budget_across_hosts(two_hosts):
    first, second = two_hosts
    statuses = [(first if i % 2 else second).call("POST", "/api/requests", REQUEST)[0] for i in range(6)]
    assert statuses == [201, 201, 201, 201, 429, 429]


def _session(port: int) -> tuple[str, str]:
    """A browser's first visit to /login: its session cookie and the form's CSRF token."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", "/login")
    response = conn.getresponse()
    page = response.read().decode()
    conn.close()
    cookie = next(value.split(";", 1)[0] for name, value in response.getheaders()
                  if name == "Set-Cookie" and value.startswith("session="))
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    return cookie, token


def _sign_in(port: int, cookie: str, token: str, password: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    body = urllib.parse.urlencode({"username": "agent", "password": password, "csrf_token": token})
    conn.request("POST", "/login", body=body, headers={"Content-Type": "application/x-www-form-urlencoded",
                                                        "Cookie": cookie})
    status = conn.getresponse().status
    conn.close()
    return status


@pytest.mark.redis
@pytest.mark.slow
def test_failed_sign_ins_are_throttled_across_hosts(two_hosts):
    first, second = two_hosts
    cookie, token = _session(first.port)  # the same secret key on both hosts: the session is valid on either
    statuses = [_sign_in((first if i % 2 else second).port, cookie, token, f"guess-{i}") for i in range(5)]
    assert statuses[:3] == [401, 401, 401]  # the form again, with "wrong username or password"
    assert statuses[3:] == [429, 429]

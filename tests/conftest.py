"""Fixtures shared by every test: a fresh app and database per test (flaskr style)."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from app import create_app

# argon2's cheapest settings: the suite signs in hundreds of times.
FAST_ARGON2 = {"time_cost": 1, "memory_cost": 8, "parallelism": 1}
PASSWORD = "correct horse battery staple"


@pytest.fixture
def database_kind(request) -> str:
    """"sqlite", or "postgresql" for the second run of tests marked `storage` (see pytest_generate_tests)."""
    return getattr(request, "param", "sqlite")


@pytest.fixture
def database_url(database_kind, tmp_path, request):
    """FLASK_DATABASE for this test: a new SQLite file, or a new, empty PostgreSQL database, dropped after the test
    unless a client is still on it (a run makes thousands, which would fill gigabytes and make the server's stop
    take a minute)."""
    if database_kind == "sqlite":
        yield str(tmp_path / "test.sqlite")
        return
    server = request.getfixturevalue("postgresql_server")
    url = server.new_database()
    yield url
    server.drop_database(url)


@pytest.fixture
def app(database_url):
    # Rate limits are off here; tests of the limits build an app with them on. Health is checked on every
    # call, not at most once a second, so that a test sees a recovery at once; likewise the review list is
    # never reused (tests/staff/test_insight.py tests that reuse).
    app = create_app({"TESTING": True, "SECRET_KEY": "test-secret", "DATABASE": database_url,
                      "RATELIMIT_ENABLED": False, "ARGON2_PARAMETERS": FAST_ARGON2, "HEALTH_PROBE_INTERVAL": 0,
                      "REVIEW_CACHE_SECONDS": 0})
    yield app
    from app.platform import db as storage

    storage.reset_connections(app)  # PostgreSQL: the test's database can be dropped once the test is over


@pytest.fixture(autouse=True)
def question_spool_of_its_own(request, monkeypatch):
    """In the PostgreSQL run, a spool folder for each test (and the apps it starts again), set in the environment.

    The spool's default for PostgreSQL is the instance folder, which every test would share: rows one test
    spooled would be written into the next test's database.
    """
    callspec = getattr(request.node, "callspec", None)
    if callspec is not None and callspec.params.get("database_kind") == "postgresql":
        folder = request.getfixturevalue("tmp_path") / "question-spool"
        monkeypatch.setenv("FLASK_QUESTION_SPOOL_DIR", str(folder))


def pytest_generate_tests(metafunc):
    """Tests marked `storage` that use the app run twice: on SQLite and on PostgreSQL (marker `postgresql`)."""
    if "database_kind" in metafunc.fixturenames and metafunc.definition.get_closest_marker("storage") \
            and not metafunc.definition.get_closest_marker("sqlite_only"):
        metafunc.parametrize("database_kind", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)],
                             indirect=True)


@pytest.fixture(scope="module")
def assistant():
    """The assistant as shipped (corpus/ and intents.yaml), built once a module; a module that needs another
    defines its own `assistant`."""
    from app.engine.answering import load_assistant
    from app.platform.config import ROOT

    return load_assistant(ROOT / "corpus")


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def db(app):
    """A connection to the test database, for assertions on stored rows."""
    from app.platform.db import connect

    conn = connect(app.config["DATABASE"])
    yield conn
    conn.close()


# ---- data from ../shared (CI) -------------------------------------------------------------------------------
# Tests marked `shared_data` read the public hostile-input lists in ../shared/badinput, which may not be copied
# into the repository. Without them (a plain `make test`) those tests are deselected with a note; with
# REQUIRE_SHARED_DATA=1 (as .ci/run sets) a missing directory is an error instead.

import os  # noqa: E402
from pathlib import Path  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"
BADINPUT_DIR = Path(os.environ.get("BADINPUT_DIR") or SHARED / "badinput")


def pytest_configure(config):
    config.addinivalue_line("markers", "shared_data: needs the hostile-input lists in ../shared/badinput")


# Tests marked `shared_train` rebuild the topic and section models from ../shared/train (SHARED_TRAIN_DIR) and compare
# them with the committed files. Without the data they are deselected with a note; with REQUIRE_SHARED_DATA=1 they
# stay selected and fail, saying the data is missing.
SHARED_TRAIN_DIR = Path(os.environ.get("SHARED_TRAIN_DIR") or SHARED / "train")


@pytest.fixture(scope="session")
def shared_train_dir() -> Path:
    """Where the topic model's training questions are (the tests using it are marked `shared_train`)."""
    return SHARED_TRAIN_DIR


# ---- servers the tests start themselves -----------------------------------------------------------------------
# Tests marked `redis` start Debian's redis-server on a free loopback port (`haproxy`: HAProxy; `postgresql`: a
# PostgreSQL server of their own). Without the program they are deselected with a note (NEEDS, below); with
# REQUIRE_SERVICES=1 (as .ci/run sets) it is a failure.
SERVICES = {"redis": ("REDIS_SERVER", "redis-server", "apt-get install redis-server"),
            "haproxy": ("HAPROXY", "haproxy", "apt-get install haproxy"),
            "postgresql": ("POSTGRES", "postgres", "apt-get install postgresql")}


def find_service(name: str) -> str | None:
    """The server program for `name` ($REDIS_SERVER, or on PATH), None when it is not installed.

    A variable that names no program means none, so that `POSTGRES=/nonexistent make test` shows what a machine
    without PostgreSQL does.
    """
    variable, program, _ = SERVICES[name]
    if name == "postgresql":  # Debian keeps the server out of PATH
        from bench.pgserver import find_postgres

        return find_postgres()
    named = os.environ.get(variable)
    if named:
        return named if os.path.isfile(named) and os.access(named, os.X_OK) else None
    return shutil.which(program) or shutil.which(program, path="/usr/sbin:/usr/bin")


def _not_found(variable: str, program: str, install: str) -> str:
    named = os.environ.get(variable)
    if named:
        return f"{variable}={named} is not a program ({install}, or set {variable} to the {program} program)"
    return f"{program} not found ({install}, or set {variable})"


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    """A real redis-server of our own on 127.0.0.1 (nothing saved to disk), as redis://127.0.0.1:PORT/0."""
    folder = tmp_path_factory.mktemp("redis")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([find_service("redis"), "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", str(folder)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as conn:
                conn.sendall(b"PING\r\n")
                if conn.recv(16).startswith(b"+PONG"):
                    break
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                raise AssertionError(f"redis-server did not start on port {port}")
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="session")
def postgresql_server():
    """A real PostgreSQL server of our own on 127.0.0.1, its data in a temporary folder (fsync off: tests only).

    `new_database()` gives each test an empty database and returns its postgresql:// URL.
    """
    import tempfile

    from bench.pgserver import PostgresServer

    # Not under pytest's own temporary folder: every pytest run makes that 0700 again, which would lock the
    # server (running as user postgres) out of its data while another run is going on.
    folder = Path(tempfile.mkdtemp(prefix="pa-test-postgresql-"))
    server = PostgresServer(find_service("postgresql"), folder)
    try:
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


def csrf_token(client, path: str = "/login") -> str:
    """The CSRF token of the form on `path`, as a browser would send it back."""
    page = client.get(path, follow_redirects=True).get_data(as_text=True)
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


class AuthActions:
    """Create staff accounts and sign in and out through the real /login form (flaskr style)."""

    def __init__(self, app, client):
        self._app = app
        self._client = client

    def create(self, username: str = "agent", role: str = "agent", password: str = PASSWORD):
        from app.staff import accounts
        from app.platform.db import connect

        db = connect(self._app.config["DATABASE"])
        try:
            with self._app.app_context():
                if accounts.get_user(db, username) is None:
                    accounts.create_user(db, username, role, password)
        finally:
            db.close()

    def login(self, username: str = "agent", role: str | None = None, password: str = PASSWORD, client=None):
        """Sign in as `username` (created first with `role` if missing; role defaults to the name)."""
        client = client or self._client
        self.create(username, role or ("editor" if username.startswith("editor") else "agent"), password)
        return client.post("/login", data={"username": username, "password": password,
                                           "csrf_token": csrf_token(client)})

    def logout(self, client=None):
        client = client or self._client
        return client.post("/logout", data={"csrf_token": csrf_token(client, "/staff/search")})

    def post(self, path: str, data: dict, page: str = "/staff/search", client=None, token: str | None = None,
             **kwargs):
        """POST a staff form with the session's CSRF token taken from `page`, or with `token` when given (one token
        serves the whole session, as in a browser tab: loops of posts fetch it once)."""
        client = client or self._client
        response = client.post(path, data={**data, "csrf_token": token or csrf_token(client, page)}, **kwargs)
        # A refused token is a 400 too, which tests of bad input accept: it must never be the reason.
        assert "This form has expired" not in response.get_data(as_text=True), f"CSRF token refused on {path}"
        return response


@pytest.fixture
def auth(app, client):
    return AuthActions(app, client)


def add_request(db, **fields) -> int:
    """Store a rights request as the intake form would, with sensible defaults; returns its id."""
    from datetime import date, timedelta

    from app.platform.db import write

    row = {"reference": f"BM-TEST-{db.count('requests') + 1:04d}", "type": "access", "status": "new", "urgent": 0,
           "name": "Maria Rossi", "email": "maria@example.com", "details": "Please send me my data.",
           "received_at": "2026-01-01T09:00:00+00:00",
           "due_date": (date.today() + timedelta(days=10)).isoformat(), **fields}
    with write(db):
        return db.insert("requests", row)


# --- Browser tests (tests/browser/, marker `browser`) ---------------------------------------------
# They drive Debian's chromium through Playwright. Without a browser they are deselected, not skipped,
# with a note saying how to install one; with REQUIRE_BROWSER=1 (as in .ci/run) a missing browser fails.

def find_chromium() -> str | None:
    """The chromium executable for browser tests: $PLAYWRIGHT_CHROMIUM, /usr/bin/chromium or chromium on PATH."""
    import shutil

    candidate = os.environ.get("PLAYWRIGHT_CHROMIUM") or "/usr/bin/chromium"
    if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
        return candidate
    return None if os.environ.get("PLAYWRIGHT_CHROMIUM") else shutil.which("chromium")


def _browser_missing() -> str | None:
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "the Playwright package is not installed: pip install -e '.[dev]'"
    named = os.environ.get("PLAYWRIGHT_CHROMIUM")
    if named and find_chromium() is None:
        return f"PLAYWRIGHT_CHROMIUM={named} is not a program (apt-get install chromium); never `playwright install`"
    if find_chromium() is None:
        return ("no chromium found (set PLAYWRIGHT_CHROMIUM or install it: apt-get install chromium); "
                "never `playwright install`")
    return None


def pytest_report_header(config):
    missing = _browser_missing()
    if missing:
        return [f"browser tests: deselected, {missing}"]
    return [f"browser tests: {find_chromium()}"]


@pytest.fixture(scope="session")
def chromium_path():
    """Path of the chromium that browser tests drive (they are deselected when there is none)."""
    return find_chromium()


# Tests marked `dictionary` check corpus/real-words.txt against Debian's wamerican word list (DICTIONARY). Without it
# they are deselected with a note; with REQUIRE_DICTIONARY=1 (as .ci/run sets) a missing list is an error instead.
DICTIONARY = Path(os.environ.get("DICTIONARY") or "/usr/share/dict/american-english")


@pytest.fixture(scope="session")
def dictionary() -> Path:
    """The English word list the tests marked `dictionary` read."""
    return DICTIONARY


# ---- tests that need a part this machine may lack: deselected with a note, never skipped ----------------------

@dataclass(frozen=True)
class NeedsPart:
    """Tests marked `marker` need a part outside the repository; `missing()` says why it is not here, or None."""

    marker: str
    tests: str  # what the note calls them: "hostile-input tests"
    missing: Callable[[], str | None]
    required_by: str  # the variable that makes a missing part a failure (.ci/run sets every one)
    run_when_required: bool = False  # required and missing: keep the tests (they fail saying what is missing)


def _absent(variable: str, path: Path, kind: str, how: str) -> Callable[[], str | None]:
    def missing():
        if path.is_dir() if kind == "directory" else path.is_file():
            return None
        if os.environ.get(variable):
            return f"{variable}={path} is not a {kind} ({how})"
        return f"{path} not found ({how}, or set {variable})"

    return missing


def _no_service(name: str) -> Callable[[], str | None]:
    return lambda: None if find_service(name) else _not_found(*SERVICES[name])


NEEDS = (
    NeedsPart("shared_data", "hostile-input tests",
              _absent("BADINPUT_DIR", BADINPUT_DIR, "directory", "../shared/badinput, which .ci/run has"),
              "REQUIRE_SHARED_DATA"),
    NeedsPart("dictionary", "word-list tests",
              _absent("DICTIONARY", DICTIONARY, "file", "apt-get install wamerican"),
              "REQUIRE_DICTIONARY"),
    NeedsPart("shared_train", "model rebuild tests",
              _absent("SHARED_TRAIN_DIR", SHARED_TRAIN_DIR, "directory", "../shared/train, which .ci/run has"),
              "REQUIRE_SHARED_DATA", run_when_required=True),
    NeedsPart("browser", "browser tests", _browser_missing, "REQUIRE_BROWSER"),
    *(NeedsPart(name, f"{name} tests", _no_service(name), "REQUIRE_SERVICES") for name in SERVICES),
)
_NOTES = pytest.StashKey[list]()


def summary_notes(config) -> list[str]:
    """Lines printed at the end of the run, after the counts: what was deselected and why, and the like."""
    return config.stash.setdefault(_NOTES, [])


def pytest_collection_modifyitems(config, items):
    notes = summary_notes(config)
    for need in NEEDS:
        marked = [item for item in items if item.get_closest_marker(need.marker)]
        why = need.missing() if marked else None
        if why is None:
            continue
        if os.environ.get(need.required_by) == "1":
            if need.run_when_required:
                continue
            raise pytest.UsageError(f"{need.required_by}=1 but {why}")
        items[:] = [item for item in items if not item.get_closest_marker(need.marker)]
        config.hook.pytest_deselected(items=marked)
        notes.append(f"NOTE: {len(marked)} {need.tests} deselected: {why}; {need.required_by}=1 makes this a failure")


def pytest_terminal_summary(terminalreporter, config):
    for note in config.stash.get(_NOTES, []):
        terminalreporter.write_line(note, yellow=True)


# ---- a real SMTP server (aiosmtpd) on 127.0.0.1 for the mail tests ---------------------------------------------

@pytest.fixture
def smtp():
    """A running SMTP server that keeps every message it receives (see tests/mailserver.py)."""
    from mailserver import MailServer

    server = MailServer().start()
    yield server
    server.stop()


@pytest.fixture
def mail_app(tmp_path, smtp):
    """The app with mail going to the test SMTP server (delivered by `flask mail send`, as in production)."""
    return create_app({"TESTING": True, "SECRET_KEY": "test-secret", "DATABASE": str(tmp_path / "test.sqlite"),
                       "RATELIMIT_ENABLED": False, "ARGON2_PARAMETERS": FAST_ARGON2, "HEALTH_PROBE_INTERVAL": 0,
                       "MAIL_SERVER": "127.0.0.1", "MAIL_PORT": smtp.port, "MAIL_TIMEOUT": 5})

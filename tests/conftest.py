"""Fixtures shared by every test: a fresh app and database per test (flaskr style)."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time

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
def database_url(database_kind, tmp_path, request) -> str:
    """FLASK_DATABASE for this test: a new SQLite file, or a new, empty PostgreSQL database."""
    if database_kind == "sqlite":
        return str(tmp_path / "test.sqlite")
    return request.getfixturevalue("postgresql_server").new_database()


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

BADINPUT_DIR = Path(os.environ.get("BADINPUT_DIR", Path(__file__).resolve().parents[2] / "shared" / "badinput"))


def pytest_configure(config):
    config.addinivalue_line("markers", "shared_data: needs the hostile-input lists in ../shared/badinput")


def _deselect_without_shared_data(config, items):
    if BADINPUT_DIR.is_dir():
        return
    if os.environ.get("REQUIRE_SHARED_DATA") == "1":
        raise pytest.UsageError(f"REQUIRE_SHARED_DATA=1 but {BADINPUT_DIR} does not exist")
    deselected = [item for item in items if item.get_closest_marker("shared_data")]
    if deselected:
        items[:] = [item for item in items if not item.get_closest_marker("shared_data")]
        config.hook.pytest_deselected(items=deselected)
        config._shared_data_note = len(deselected)


# Tests marked `shared_train` rebuild the topic model from ../shared/train (SHARED_TRAIN_DIR) and compare it
# with the committed file. Without the data they are deselected with a note; with REQUIRE_SHARED_DATA=1 they
# stay selected and fail, saying the data is missing.
SHARED_TRAIN_DIR = Path(os.environ.get("SHARED_TRAIN_DIR", Path(__file__).resolve().parents[2] / "shared" / "train"))
_DESELECTED_TRAIN = pytest.StashKey[int]()


def _deselect_without_shared_train(config, items):
    if SHARED_TRAIN_DIR.is_dir() or os.environ.get("REQUIRE_SHARED_DATA") == "1":
        return
    deselected = [item for item in items if item.get_closest_marker("shared_train")]
    if deselected:
        items[:] = [item for item in items if not item.get_closest_marker("shared_train")]
        config.hook.pytest_deselected(items=deselected)
        config.stash[_DESELECTED_TRAIN] = len(deselected)


@pytest.fixture(scope="session")
def shared_train_dir() -> Path:
    """Where the topic model's training questions are (the tests using it are marked `shared_train`)."""
    return SHARED_TRAIN_DIR


def _note_shared_train(terminalreporter, config):
    if _DESELECTED_TRAIN in config.stash:
        terminalreporter.write_line(
            f"note: {config.stash[_DESELECTED_TRAIN]} topic-model rebuild tests deselected: {SHARED_TRAIN_DIR} "
            "not found (set SHARED_TRAIN_DIR to the training questions; REQUIRE_SHARED_DATA=1 makes this a failure).")


def _note_shared_data(terminalreporter, config):
    count = getattr(config, "_shared_data_note", 0)
    if count:
        terminalreporter.write_line(
            f"note: {count} hostile-input tests deselected: {BADINPUT_DIR} not found "
            "(set BADINPUT_DIR to the badinput lists; .ci/run does).")


# ---- servers the tests start themselves -----------------------------------------------------------------------
# Tests marked `redis` start Debian's redis-server on a free loopback port (`haproxy`: HAProxy). Without the program they are
# deselected with a note (as the browser tests are); with REQUIRE_SERVICES=1 (as .ci/run sets) it is a failure.
SERVICES = {"redis": ("REDIS_SERVER", "redis-server", "apt-get install redis-server"),
            "haproxy": ("HAPROXY", "haproxy", "apt-get install haproxy"),
            "postgresql": ("POSTGRES", "postgres", "apt-get install postgresql")}
_DESELECTED_SERVICES = pytest.StashKey[dict]()


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


def _deselect_without_services(config, items):
    notes = {}
    for name, (variable, program, install) in SERVICES.items():
        marked = [item for item in items if item.get_closest_marker(name)]
        if not marked or find_service(name):
            continue
        if os.environ.get("REQUIRE_SERVICES") == "1":
            raise pytest.UsageError(f"REQUIRE_SERVICES=1 but {_not_found(variable, program, install)}")
        items[:] = [item for item in items if not item.get_closest_marker(name)]
        config.hook.pytest_deselected(items=marked)
        notes[name] = (len(marked), _not_found(variable, program, install))
    config.stash[_DESELECTED_SERVICES] = notes


def _note_services(terminalreporter, config):
    for name, (count, why) in config.stash.get(_DESELECTED_SERVICES, {}).items():
        terminalreporter.write_line(f"NOTE: {count} {name} tests deselected: {why}", yellow=True)


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

    def post(self, path: str, data: dict, page: str = "/staff/search", client=None, **kwargs):
        """POST a staff form with the session's CSRF token taken from `page`."""
        client = client or self._client
        return client.post(path, data={**data, "csrf_token": csrf_token(client, page)}, **kwargs)


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
    if find_chromium() is None:
        return ("no chromium found (set PLAYWRIGHT_CHROMIUM or install it: apt-get install chromium); "
                "never `playwright install`")
    return None


_DESELECTED_BROWSER = pytest.StashKey[tuple]()


def pytest_report_header(config):
    missing = _browser_missing()
    if missing:
        return [f"browser tests: deselected, {missing}"]
    return [f"browser tests: {find_chromium()}"]


def _deselect_without_browser(config, items):
    browser_items = [item for item in items if item.get_closest_marker("browser")]
    missing = _browser_missing()
    if not browser_items or not missing:
        return
    if os.environ.get("REQUIRE_BROWSER") == "1":
        raise pytest.UsageError(f"REQUIRE_BROWSER=1 but {missing}")
    config.hook.pytest_deselected(items=browser_items)
    items[:] = [item for item in items if not item.get_closest_marker("browser")]
    config.stash[_DESELECTED_BROWSER] = (len(browser_items), missing)


def _note_browser(terminalreporter, config):
    if _DESELECTED_BROWSER in config.stash:
        count, missing = config.stash[_DESELECTED_BROWSER]
        terminalreporter.write_line(f"NOTE: {count} browser tests deselected: {missing}", yellow=True)


@pytest.fixture(scope="session")
def chromium_path():
    """Path of the chromium that browser tests drive (they are deselected when there is none)."""
    return find_chromium()


# ---- the hooks, one of each: every group of optional tests gets its say --------------------------------------

# Tests marked `dictionary` check corpus/real-words.txt against Debian's wamerican word list (DICTIONARY). Without it
# they are deselected with a note; with REQUIRE_DICTIONARY=1 (as .ci/run sets) a missing list is an error instead.
DICTIONARY = Path(os.environ.get("DICTIONARY", "/usr/share/dict/american-english"))
_DESELECTED_DICTIONARY = pytest.StashKey[int]()


def _deselect_without_dictionary(config, items):
    if DICTIONARY.is_file():
        return
    marked = [item for item in items if item.get_closest_marker("dictionary")]
    if not marked:
        return
    if os.environ.get("REQUIRE_DICTIONARY") == "1":
        raise pytest.UsageError(f"REQUIRE_DICTIONARY=1 but {DICTIONARY} does not exist (apt-get install wamerican)")
    items[:] = [item for item in items if not item.get_closest_marker("dictionary")]
    config.hook.pytest_deselected(items=marked)
    config.stash[_DESELECTED_DICTIONARY] = len(marked)


@pytest.fixture(scope="session")
def dictionary() -> Path:
    """The English word list the tests marked `dictionary` read."""
    return DICTIONARY


def _note_dictionary(terminalreporter, config):
    if _DESELECTED_DICTIONARY in config.stash:
        terminalreporter.write_line(
            f"NOTE: {config.stash[_DESELECTED_DICTIONARY]} word-list tests deselected: {DICTIONARY} not found "
            "(apt-get install wamerican, or set DICTIONARY; REQUIRE_DICTIONARY=1 makes this a failure).", yellow=True)


def pytest_collection_modifyitems(config, items):
    _deselect_without_shared_data(config, items)
    _deselect_without_dictionary(config, items)
    _deselect_without_shared_train(config, items)
    _deselect_without_browser(config, items)
    _deselect_without_services(config, items)


def pytest_terminal_summary(terminalreporter, config):
    _note_shared_data(terminalreporter, config)
    _note_dictionary(terminalreporter, config)
    _note_shared_train(terminalreporter, config)
    _note_browser(terminalreporter, config)
    _note_services(terminalreporter, config)


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

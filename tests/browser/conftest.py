"""Live servers and a headless Chromium for the browser tests.

Three loopback servers, each on its own port and so its own origin:
- the assistant (the real app, threaded werkzeug server);
- a host website listed in WIDGET_ORIGINS, whose page (with its own <header> banner and <main>) embeds the widget
  with a strict CSP and hostile CSS;
- a host website that is not listed.
"""

from __future__ import annotations

import html
import os
import signal
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from app import create_app
from bench.speed import child_pids

from conftest import FAST_ARGON2, PASSWORD, add_request, summary_notes

# The host's own CSS tries hard to restyle everything; none of it may reach the widget.
HOSTILE_CSS = """
button { display: none !important; }
p, div, span, a, input { color: rgb(255, 0, 0) !important; font-size: 40px !important; }
"""

SCREENSHOT_DIR = os.environ.get("WIDGET_SCREENSHOTS")


class LiveServer:
    """A WSGI app served on 127.0.0.1 in a background thread."""

    def __init__(self, app):
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.origin = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.thread.join(5)
        self.server.server_close()

    def url(self, path="/", **query):
        return self.origin + path + ("?" + urlencode(query) if query else "")


class HostSite:
    """Another company's website: a page that embeds the widget from the assistant's origin.

    Query parameters become the script tag's data- attributes (`?title=...&position=left`); `in_head=1`
    puts the tag in <head> without `defer`.
    """

    def __init__(self):
        self.assistant_origin = None

    def __call__(self, environ, start_response):
        request = Request(environ)
        if request.path == "/host.css":
            return Response(HOSTILE_CSS, mimetype="text/css")(environ, start_response)
        if request.path == "/favicon.ico":
            # Chromium asks for it whenever it likes; a 404 would land in the page's console errors at random.
            return Response(status=204)(environ, start_response)
        if request.path != "/":
            return Response("not found", status=404)(environ, start_response)
        args = request.args.to_dict()
        in_head = args.pop("in_head", None)  # a tag in <head> without defer runs before <body> exists
        attrs = "".join(f' data-{html.escape(k)}="{html.escape(v)}"' for k, v in args.items())
        tag = f'<script src="{self.assistant_origin}/widget.js"{"" if in_head else " defer"}{attrs}></script>'
        page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Host page</title><link rel="stylesheet" href="/host.css">{tag if in_head else ""}</head>
<body><header><p>Blue Messaggio</p><nav aria-label="Shop"><a href="/">Home</a></nav></header>
<main><h1>Blue Messaggio</h1><p>Welcome to our shop.</p></main>
{"" if in_head else tag}
</body></html>"""
        response = Response(page, mimetype="text/html")
        # As strict as a careful host would be: the widget must need nothing inline.
        response.headers["Content-Security-Policy"] = (
            f"default-src 'none'; script-src {self.assistant_origin}; connect-src {self.assistant_origin}; "
            "style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'")
        return response(environ, start_response)


@pytest.fixture(scope="session")
def mailbox():
    """The SMTP server (aiosmtpd on 127.0.0.1) the live assistant's mail worker delivers to."""
    from mailserver import MailServer

    server = MailServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def sites(tmp_path_factory, mailbox):
    """(assistant, listed host, unlisted host) live servers, plus the assistant's Flask app.

    A mail worker runs beside the assistant, as the Procfile's `worker:` does, delivering to `mailbox`.
    """
    from app.platform import mail
    from app.platform.db import connect

    host_app = HostSite()
    listed = LiveServer(host_app)
    unlisted = LiveServer(host_app)
    database = tmp_path_factory.mktemp("browser") / "browser.sqlite"
    app = create_app({"TESTING": True, "SECRET_KEY": "browser-tests", "DATABASE": str(database),
                      "RATELIMIT_ENABLED": False, "WIDGET_ORIGINS": [listed.origin],
                      "ARGON2_PARAMETERS": FAST_ARGON2, "MAIL_SERVER": "127.0.0.1", "MAIL_PORT": mailbox.port})
    assistant = LiveServer(app)
    host_app.assistant_origin = assistant.origin
    servers = [assistant.start(), listed.start(), unlisted.start()]
    stop = threading.Event()

    def deliver():
        db = connect(database)
        try:
            mail.run_worker(db, app.config, 0.1, stop=stop.is_set)
        finally:
            db.close()

    worker = threading.Thread(target=deliver, daemon=True)
    worker.start()
    yield app, assistant, listed, unlisted
    stop.set()
    worker.join(5)
    for server in servers:
        server.stop()


@pytest.fixture
def undecided(sites):
    """The live assistant asks back ("did you mean ...") whenever another section comes near the best one.

    Its calibrated margin rarely asks back, so tests force it (as tests/visitors/test_chat.py does), and restore it after.
    """
    assistant = sites[0].extensions["assistant"]
    calibrated = assistant.clarify_margin
    assistant.clarify_margin = 0.95
    yield sites
    assistant.clarify_margin = calibrated


# Closing a context or the browser has no timeout in Playwright, and Chromium now and then never acknowledges a
# close: CI once sat 15 minutes in the session's last teardown, until pytest-timeout ended the whole run.
CLOSE_WITHIN = 30.0  # seconds


def _drivers() -> list[int]:
    """This process's Playwright drivers (`node ... run-driver`, started as its children)."""
    found = []
    for pid in child_pids(os.getpid()):
        try:
            if b"run-driver" in Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0"):
                found.append(pid)
        except OSError:
            pass
    return found


def _kill(pids: list[int], group: bool) -> list[int]:
    killed = []
    for pid in pids:
        try:
            (os.killpg if group else os.kill)(pid, signal.SIGKILL)
            killed.append(pid)
        except ProcessLookupError:
            pass  # it ended by itself meanwhile
    return killed


def close_or_kill(close, what: str, notes: list[str], seconds: float | None = None) -> None:
    """Call `close()`; if it has not returned after `seconds`, kill the browsers so that it does, and note it.

    The driver starts each Chromium as the leader of a process group of its own (renderers, GPU, network service):
    killing the groups ends them all, and the driver then reports the browser gone, which ends the stuck call. A
    driver that still does not answer `seconds` later is killed too, which ends every call waiting on it.

    A stuck close comes after the test's own checks, from Chromium rather than from the page under test, so it is
    reported in the run's summary (as the deselected tests are), not as the test's failure.
    """
    seconds = CLOSE_WITHIN if seconds is None else seconds
    done = threading.Event()
    killed = threading.Event()

    def watch():
        if done.wait(seconds):
            return
        killed.set()
        browsers = _kill([child for driver in _drivers() for child in child_pids(driver)], group=True)
        notes.append(f"NOTE: closing {what} took over {seconds:.0f} s; killed the browser (process groups {browsers})")
        if not done.wait(seconds):
            notes.append(f"NOTE: the Playwright driver did not answer either; killed it ({_kill(_drivers(), group=False)})")

    threading.Thread(target=watch, daemon=True).start()
    try:
        close()
    except Exception:
        if not killed.is_set():
            raise  # a close that failed by itself, not because the browser was killed under it
    finally:
        done.set()


class Chromium:
    """The browser the browser tests share: launched on first use, and again if a stuck close had to kill it.

    It stands for a playwright Browser (`chromium.new_context(...)`, `chromium.new_page()`); the contexts it makes
    close through `close_or_kill`, so the tests that close their own contexts are guarded too.
    """

    def __init__(self, playwright, executable: str, notes: list[str]):
        self.playwright, self.executable, self.notes = playwright, executable, notes
        self.browser = None

    def _running(self):
        if self.browser is None or not self.browser.is_connected():
            self.browser = self.playwright.chromium.launch(executable_path=self.executable)
        return self.browser

    def __getattr__(self, name):
        return getattr(self._running(), name)

    def new_context(self, **options):
        context = self._running().new_context(**options)
        unguarded = context.close
        context.close = lambda **how: close_or_kill(lambda: unguarded(**how), "a browser context", self.notes)
        return context

    def close(self):
        if self.browser is not None and self.browser.is_connected():
            close_or_kill(self.browser.close, "the browser", self.notes)


@pytest.fixture(scope="package")
def chromium(chromium_path, close_notes):
    """One headless Chromium for the tests of this package, closed as soon as the last of them is done."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = Chromium(playwright, chromium_path, close_notes)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def close_notes(request):
    """Notes of stuck closes, printed in the run's summary."""
    return summary_notes(request.config)


@pytest.fixture
def context(chromium):
    """A fresh browser profile per test; any alert/confirm/prompt dialog fails the test."""
    context = chromium.new_context(viewport={"width": 1280, "height": 800})
    context.set_default_timeout(10_000)
    dialogs = []

    def on_page(page):
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    context.on("page", on_page)
    yield context
    context.close()
    assert dialogs == [], f"a dialog was opened: {dialogs}"


@pytest.fixture
def page(context):
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
    return page


def hold_posts(page, pattern: str) -> list:
    """Hold every POST to `pattern` unanswered (the page shows its waiting state); returns the held routes.

    Read it with `held_routes`: the page shows that it waits before the request leaves, and the route reaches
    this process some time after that, later still on a busy machine.
    """
    held = []
    page.route(pattern, lambda route: held.append(route) if route.request.method == "POST" else route.continue_())
    return held


def held_routes(page, held: list, count: int = 1, timeout: float = 10.0) -> list:
    """The `count` routes `hold_posts` holds, once they have all arrived (and no more than that)."""
    deadline = time.monotonic() + timeout
    while len(held) < count and time.monotonic() < deadline:
        page.wait_for_timeout(20)  # Playwright delivers the route events while it waits
    assert len(held) == count, f"{len(held)} requests held, {count} expected within {timeout} s"
    return held


def save_screenshot(page, name: str) -> Path | None:
    """With WIDGET_SCREENSHOTS=<dir>, keep a picture of what the test saw."""
    if not SCREENSHOT_DIR:
        return None
    path = Path(SCREENSHOT_DIR) / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path))
    return path


def sign_in(page, sites, role):
    """Sign in to the live assistant through its /login page as a staff member with `role` (created if new)."""
    from app.platform.db import connect
    from app.staff import accounts

    app, assistant, _, _ = sites
    username = f"browser-{role}"
    db = connect(app.config["DATABASE"])
    try:
        with app.app_context():
            if accounts.get_user(db, username) is None:
                accounts.create_user(db, username, role, PASSWORD)
    finally:
        db.close()
    page.goto(assistant.url("/login"))
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/login" not in url)


def stored_request(sites, **fields) -> int:
    """Store a rights request in the live assistant's database (tests/conftest.py add_request); its id."""
    from app.platform.db import connect

    db = connect(sites[0].config["DATABASE"])
    try:
        return add_request(db, **fields)
    finally:
        db.close()

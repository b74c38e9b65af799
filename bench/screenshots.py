"""Pictures of what visitors and staff see, for reviewing a change of layout or wording: `make screenshots`.

    python -m bench.screenshots                       # every language the app offers -> build/screenshots/
    python -m bench.screenshots --languages en --out /tmp/shots

Starts the assistant (a fresh temporary database, rate limits off) and a host website embedding the widget, both
on loopback ports, and drives Debian's chromium through Playwright. For each language and each size (1280x800,
360x740) it writes <out>/<language>/<view>-<width>x<height>.png for these views:

    chat-start      the chat page as a visitor first sees it, with the suggested questions of the language
    chat            the chat page after a short conversation (what the screen shows)
    widget          the widget open on a host page with its own header, after one question
    request-errors  the child's-data request form sent with mistakes (the whole page)
    confirmation    the confirmation after a request is received (the whole page)
    widget-code     the widget after a request: its confirmation and the form for the mailed code
    status          the status page after the code from the mail is entered (the whole page)
    policy-changes  what changed between the policy's version 1 and a version 2 (the whole page)
    staff-queue     the staff request queue with an urgent, an overdue and an ordinary request (the whole page)

The policy's version 2 is published from a copy of the corpus in the scratch folder (the committed policy never
changes); the codes are read from the outbox, as a laptop without a mail server keeps them.

A language is asked for both ways a browser does: the Accept-Language header and a `?lang=` parameter on each
page. The languages come from the app's LANGUAGES setting when it has one, else English alone.

It lives in bench/ with the other developer commands (`make bench`, `make train`): it is a tool that makes
files for people to look at, not a test with a verdict, and it must not run as part of `make test`.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import shutil
import sys
import tempfile
import threading
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

SIZES = [(1280, 800), (360, 740)]
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "build" / "screenshots"
VIEWS = ["chat-start", "chat", "widget", "request-errors", "confirmation", "widget-code", "status", "policy-changes",
         "staff-queue"]
CORPUS = Path(__file__).resolve().parent.parent / "corpus"
# Version 2 of the policy for the "policy-changes" view: one bullet reworded, one removed.
VERSION_2 = [("- Request deletion of your personal information",
              "- Request deletion of all of your personal information"),
             ("- Verify the accuracy of your information\n", "")]
STAFF = ("screenshots", "agent", "a long and unguessable screenshot password")
CONVERSATION = ["Can I delete my account?", "Do you sell my personal data?"]


class _Server:
    """A WSGI app on 127.0.0.1 (a free port) in a background thread."""

    def __init__(self, app):
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.origin = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.thread.join(5)
        self.server.server_close()


def _host_page(assistant_origin):
    """Another company's page, with its own header, that embeds the widget."""
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>A shop</title></head>
<body style="margin:0;font-family:sans-serif">
<header style="background:#222;color:#fff;padding:1rem"><strong>A shop</strong> · Home · Products · Contact</header>
<main style="padding:1rem"><h1>Welcome to our shop</h1><p>Phones, plans and messaging for business.</p></main>
<script src="{assistant_origin}/widget.js" defer></script>
</body></html>"""

    def app(environ, start_response):
        if Request(environ).path != "/":
            return Response(status=204)(environ, start_response)
        return Response(page, mimetype="text/html")(environ, start_response)

    return app


def app_languages(app) -> list[str]:
    """The languages the app offers: its LANGUAGES setting ("en,hi", a list of codes or a {code: name} map, read as
    FLASK_LANGUAGES is: English first), else ["en"]."""
    from app.platform.i18n import parse_languages

    return parse_languages(app.config.get("LANGUAGES") or "en")


def _publish_version_2(app, corpus: Path) -> None:
    """Publish an edited copy of the policy as version 2 (`flask policy publish`), for "what changed"."""
    policy = corpus / "privacy-policy.md"
    text = policy.read_text(encoding="utf-8")
    for old, new in VERSION_2:
        if old not in text:
            raise SystemExit(f"screenshots: the policy no longer has {old.strip()!r}: update VERSION_2")
        text = text.replace(old, new, 1)
    policy.write_text(text, encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["policy", "publish", "--by", "screenshots", "--accept-changes"])
    if result.exit_code != 0:
        raise SystemExit(f"screenshots: publishing version 2 failed: {result.output}")


def _latest_code(app, address: str) -> str:
    """The code of the newest code message to `address`, from the outbox (no mail server is configured)."""
    from app.platform.db import connect

    db = connect(app.config["DATABASE"])
    try:
        row = db.execute("select body_text from outbox where kind = 'code' and to_addr = :address "
                         "order by id desc limit 1", {"address": address}).fetchone()
    finally:
        db.close()
    match = re.search(r"(?m)^[^:\n]+: (\d{6})$", row[0] if row else "")
    if match is None:
        raise SystemExit(f"screenshots: no code message to {address} in the outbox")
    return match.group(1)


def _seed(app) -> None:
    """A staff account and three requests for the queue: urgent (a child's data), overdue, ordinary."""
    from app.platform.db import connect, write
    from app.staff import accounts

    db = connect(app.config["DATABASE"])
    try:
        with app.app_context():
            accounts.create_user(db, STAFF[0], STAFF[1], STAFF[2])
        today = date.today()
        rows = [
            {"reference": "BM-4KXD-72QA", "type": "child_data", "urgent": 1, "name": "Priya Natarajan",
             "email": "priya.natarajan@example.in", "details": "My son is 11 and has an account.",
             "due_date": (today + timedelta(days=28)).isoformat(), "notes": "Asked the parent for the phone number."},
            {"reference": "BM-9RTE-1HNC", "type": "deletion", "urgent": 0, "name": "Arjun Mehta",
             "email": "arjun.mehta@example.com", "details": "Please delete my account.",
             "due_date": (today - timedelta(days=2)).isoformat(), "notes": ""},
            {"reference": "BM-2MPL-8ZWF", "type": "access", "urgent": 0, "name": "Fatima Sheikh",
             "email": "fatima.sheikh.accounts@bluemessaggio-customers.example.com", "details": "A copy of my data.",
             "due_date": (today + timedelta(days=19)).isoformat(),
             "notes": "Identity checked on the phone; export requested from the data team."},
        ]
        with write(db):
            for row in rows:
                db.insert("requests", {"status": "new", "received_at": "2026-11-30T03:12:00+00:00", **row})
    finally:
        db.close()


class _Shooter:
    """Takes the pictures of one language at one size."""

    def __init__(self, browser, app, assistant, host, language, size, out: Path):
        self.app, self.assistant, self.host, self.language = app, assistant, host, language
        self.width, self.height = size
        self.out = out / language
        self.out.mkdir(parents=True, exist_ok=True)
        self.context = browser.new_context(viewport={"width": self.width, "height": self.height}, locale=language,
                                           extra_http_headers={"Accept-Language": f"{language},en;q=0.5"})
        self.context.set_default_timeout(15_000)
        self.page = self.context.new_page()

    def url(self, origin, path="/", **query):
        return f"{origin}{path}?{urlencode({**query, 'lang': self.language})}"

    def save(self, view, full_page=False):
        path = self.out / f"{view}-{self.width}x{self.height}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        print(path)

    def chat_start(self):
        self.page.goto(self.url(self.assistant.origin))
        self.page.locator("#suggestions a.suggestion").first.wait_for()
        self.save("chat-start")

    def chat(self):
        page = self.page
        page.goto(self.url(self.assistant.origin))
        for question in CONVERSATION:
            page.fill("#question", question)
            page.press("#question", "Enter")
            page.locator("#transcript > .msg.assistant").nth(CONVERSATION.index(question)).wait_for()
        page.locator("#transcript > .pending").wait_for(state="detached")
        self.save("chat")

    def _ask_in_widget(self):
        """Open the widget on the host page and ask the conversation's first question."""
        page = self.page
        page.goto(self.url(self.host.origin))
        page.locator("bm-policy-assistant .launcher").click()
        box = page.locator("bm-policy-assistant #bm-question")
        box.fill(CONVERSATION[0])
        box.press("Enter")

    def widget(self):
        self._ask_in_widget()
        self.page.locator("bm-policy-assistant .log > .msg.assistant:not(.greeting)").first.wait_for()
        self.save("widget")

    def _fill_request(self, mistakes: bool):
        page = self.page
        page.goto(self.url(self.assistant.origin, "/request", type="child_data"))
        page.fill("#name", "" if mistakes else "Priya Natarajan")
        page.fill("#email", "priya at example" if mistakes else "priya@example.in")
        page.fill("#details", "My son is 11 and signed up with his own number.")
        page.fill("#child_age", "19" if mistakes else "11")
        page.select_option("#relationship", index=1)
        page.locator("form.request button[type=submit]").click()
        page.wait_for_load_state()

    def request_errors(self):
        self._fill_request(mistakes=True)
        self.page.locator("#form-errors").wait_for()
        self.save("request-errors", full_page=True)

    def confirmation(self):
        self._fill_request(mistakes=False)
        self.page.locator(".reference").wait_for()
        self.save("confirmation", full_page=True)

    def widget_code(self):
        page = self.page
        self._ask_in_widget()
        page.locator("bm-policy-assistant .start-request").first.click()
        form = page.locator("bm-policy-assistant form.request")
        form.locator("[name=name]").fill("Priya Natarajan")
        form.locator("[name=email]").fill(f"widget-{self.language}-{self.width}@example.in")
        form.locator("button[type=submit]").click()
        page.locator("bm-policy-assistant .verify form").wait_for()
        self.save("widget-code")

    def status(self):
        page = self.page
        address = f"status-{self.language}-{self.width}@example.in"
        page.goto(self.url(self.assistant.origin, "/request", type="access"))
        page.fill("#name", "Priya Natarajan")
        page.fill("#email", address)
        page.fill("#details", "A copy of the data you hold about me.")
        page.locator("form.request button[type=submit]").click()
        page.fill("#verify-code", _latest_code(self.app, address))
        page.locator("form.code-form button[type=submit]").click()
        page.locator("#verified a").click()
        page.locator("#request-status").wait_for()
        self.save("status", full_page=True)

    def policy_changes(self):
        self.page.goto(self.url(self.assistant.origin, "/policy/changes"))
        self.page.locator("table.diff").wait_for()
        self.save("policy-changes", full_page=True)

    def staff_queue(self):
        page = self.page
        page.goto(self.url(self.assistant.origin, "/login"))
        page.fill("#username", STAFF[0])
        page.fill("#password", STAFF[2])
        page.locator("form.stack button[type=submit]").click()
        page.wait_for_url(lambda url: "/login" not in url)
        page.goto(self.url(self.assistant.origin, "/staff/requests"))
        self.save("staff-queue", full_page=True)

    def close(self):
        self.context.close()


def find_chromium() -> str | None:
    """$PLAYWRIGHT_CHROMIUM, /usr/bin/chromium or chromium on PATH (never Playwright's own download)."""
    candidate = os.environ.get("PLAYWRIGHT_CHROMIUM") or "/usr/bin/chromium"
    if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
        return candidate
    return shutil.which("chromium")


def take_screenshots(out: Path, languages: list[str] | None = None, views: list[str] = VIEWS,
                     browser=None) -> list[Path]:
    """Write every view at every size in each language (default: the app's) under `out`; the files written.

    `browser` is a Playwright Browser already running (the browser tests pass theirs); else chromium is started.
    """
    from app import create_app

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # not a line per request
    with tempfile.TemporaryDirectory() as scratch:
        corpus = Path(scratch) / "corpus"
        shutil.copytree(CORPUS, corpus)
        host_app = {"app": None}
        host = _Server(lambda environ, start: host_app["app"](environ, start))
        app = create_app({"TESTING": True, "SECRET_KEY": "screenshots", "DATABASE": str(Path(scratch) / "db.sqlite"),
                          "RATELIMIT_ENABLED": False, "WIDGET_ORIGINS": [host.origin], "CORPUS_DIR": str(corpus)})
        assistant = _Server(app)
        host_app["app"] = _host_page(assistant.origin)
        _seed(app)
        if "policy-changes" in views:
            _publish_version_2(app, corpus)
        try:
            if browser is not None:
                return _shoot(browser, app, assistant, host, languages or app_languages(app), views, out)
            from playwright.sync_api import sync_playwright

            chromium = find_chromium()
            if chromium is None:
                raise SystemExit("no chromium found: apt-get install chromium (or set PLAYWRIGHT_CHROMIUM)")
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium)
                try:
                    return _shoot(browser, app, assistant, host, languages or app_languages(app), views, out)
                finally:
                    browser.close()
        finally:
            assistant.stop()
            host.stop()


def _shoot(browser, app, assistant, host, languages, views, out) -> list[Path]:
    written = []
    for language in languages:
        for size in SIZES:
            shooter = _Shooter(browser, app, assistant, host, language, size, out)
            try:
                for view in views:
                    getattr(shooter, view.replace("-", "_"))()
                    written.append(shooter.out / f"{view}-{size[0]}x{size[1]}.png")
            finally:
                shooter.close()
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.screenshots", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"folder for the PNGs (default {DEFAULT_OUT})")
    parser.add_argument("--languages", help="comma-separated language codes (default: every language the app offers)")
    parser.add_argument("--views", default=",".join(VIEWS), help=f"comma-separated, from {', '.join(VIEWS)}")
    args = parser.parse_args(argv)
    chosen = [v.strip() for v in args.views.split(",") if v.strip()]
    unknown = [v for v in chosen if v not in VIEWS]
    if unknown:
        parser.error(f"unknown view {unknown[0]!r}: choose from {', '.join(VIEWS)}")
    views = [v for v in VIEWS if v in chosen]  # in this order: the visitor's views before staff sign in
    languages = [code.strip() for code in args.languages.split(",") if code.strip()] if args.languages else None
    written = take_screenshots(args.out, languages, views)
    print(f"{len(written)} screenshots in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

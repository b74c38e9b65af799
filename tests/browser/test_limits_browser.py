"""Rate limits as a visitor meets them, against a live assistant with its real limits (Flask-Limiter, not routed
replies): a question over the limit is kept and sent again with one click; refused form submissions cost
nothing; a form over the limit keeps what was typed."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from app import create_app

from .conftest import FAST_ARGON2, HostSite, LiveServer
from .test_widget_browser import DELETION, QUESTION, Surface, is_ask, open_request_form, stored_request

pytestmark = pytest.mark.browser

ASK_WINDOW_SECONDS = 3


@pytest.fixture
def limited(tmp_path):
    """A factory: (app, assistant, listed host, None) with the real rate limits, `config` on top."""
    servers = []

    def start(**config):
        host = HostSite()
        listed = LiveServer(host)
        app = create_app({"TESTING": True, "SECRET_KEY": "limits", "DATABASE": str(tmp_path / "limited.sqlite"),
                          "WIDGET_ORIGINS": [listed.origin], "ARGON2_PARAMETERS": FAST_ARGON2, **config})
        assert app.config["RATELIMIT_ENABLED"]
        assistant = LiveServer(app)
        host.assistant_origin = assistant.origin
        servers.extend([assistant.start(), listed.start()])
        return app, assistant, listed, None

    yield start
    for server in servers:
        server.stop()


@pytest.mark.parametrize("where", ["widget", "chat page"])
def test_a_question_over_the_limit_is_kept_and_one_click_sends_it_again(limited, page, where):
    sites = limited(RATELIMIT_ASK=f"2 per {ASK_WINDOW_SECONDS} seconds")
    surface = Surface(where, sites, page).open()
    asked = [QUESTION, "Do you sell my personal data?", "Who can see my messages?"]
    for question in asked[:2]:
        expect(surface.ask(question).locator("blockquote")).to_be_visible()
    with page.expect_response(is_ask) as refused:
        failed = surface.ask(asked[2])
    assert refused.value.status == 429
    expect(failed).to_have_attribute("role", "alert")
    # When to try again, from the limit that refused it (a 3-second window here, its reset rounded up).
    expect(failed.locator("p")).to_contain_text(re.compile(r"Too many requests\. Please try again in [1-4] seconds?\."))
    expect(surface.box).to_be_focused()
    page.wait_for_timeout(ASK_WINDOW_SECONDS * 1000 + 200)  # the visitor waits, as the message asks
    with page.expect_response(is_ask) as answered:
        failed.get_by_role("button", name="Try again").click()
    assert answered.value.ok
    expect(page.locator("[role=alert]")).to_have_count(0)
    expect(surface.messages.last).not_to_have_class("msg error")
    visitor = page.locator("bm-policy-assistant .log > .msg.visitor" if where == "widget"
                           else "#transcript > .msg.visitor")
    expect(visitor).to_have_text(asked)  # typed once, sent twice


def test_five_refused_submissions_then_a_good_one_is_accepted_on_the_request_page(limited, page):
    sites = limited()
    app, assistant, _, _ = sites
    assert app.config["RATELIMIT_REQUESTS"].startswith("5/minute")
    page.goto(assistant.url("/request", type="deletion"))
    page.fill("#name", "Asha Rao")
    page.fill("#details", "Please delete account 98765")
    for attempt in range(5):
        page.fill("#email", f"asha at example dot com {attempt}")
        page.get_by_role("button", name="Send request").click()
        expect(page.locator("#form-errors")).to_be_focused()
        expect(page.locator("#email")).to_have_attribute("aria-invalid", "true")
        expect(page.locator("#details")).to_have_value("Please delete account 98765")
    page.fill("#email", "asha@example.com")
    page.get_by_role("button", name="Send request").click()
    reference = page.locator(".reference")
    expect(reference).to_be_visible()
    assert stored_request(app, reference.text_content().strip())["email"] == "asha@example.com"


def test_five_refused_submissions_then_a_good_one_is_accepted_in_the_widget(limited, page):
    sites = limited()
    app, _, listed, _ = sites
    form = open_request_form(page, listed, DELETION)
    form.locator("[name=name]").fill("Ada Lovelace")
    for attempt in range(5):
        form.locator("[name=email]").fill(f"ada at example {attempt}")
        with page.expect_response("**/api/requests") as refused:
            form.locator("button[type=submit]").click()
        assert refused.value.status == 400
        expect(form.locator("[name=email]")).to_have_attribute("aria-invalid", "true")
    form.locator("[name=email]").fill("ada@example.com")
    form.locator("button[type=submit]").click()
    confirmation = page.locator("bm-policy-assistant .msg.confirm")
    expect(confirmation).to_be_focused()
    assert stored_request(app, confirmation.locator(".reference").text_content())["name"] == "Ada Lovelace"


def test_a_form_over_the_limit_keeps_what_was_typed_and_says_when_to_try_again(limited, page):
    sites = limited(RATELIMIT_REQUESTS="1/minute")
    _, assistant, _, _ = sites

    def submit(details):
        page.goto(assistant.url("/request", type="deletion"))
        page.fill("#name", "Asha Rao")
        page.fill("#email", "asha@example.com")
        page.fill("#details", details)
        page.get_by_role("button", name="Send request").click()

    submit("the first request")
    expect(page.locator(".reference")).to_be_visible()
    submit("Please delete everything & my <old> account")
    expect(page.get_by_role("alert")).to_contain_text("Please try again in")
    expect(page.locator("#details")).to_have_value("Please delete everything & my <old> account")
    expect(page.locator("#email")).to_have_value("asha@example.com")
    expect(page.locator("#name")).to_have_value("Asha Rao")

"""A citation given under version 1, followed after version 2 is published, in a real browser."""

from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import expect

from app import create_app
from app.platform.timefmt import format_date
from tests.instances import instance_config
from tests.publishing import CORPUS, DELETION, REWORDED, publish

from .conftest import HostSite, LiveServer
from .test_widget_browser import csp_violations, open_widget

pytestmark = pytest.mark.browser


@pytest.fixture
def versioned(tmp_path):
    """An assistant of its own (its own corpus copy and database), so publishing touches no other test."""
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    app = create_app(instance_config(str(tmp_path / "test.sqlite"), CORPUS_DIR=str(corpus)))
    server = LiveServer(app).start()
    yield app, corpus, server
    server.stop()


def test_a_version_1_citation_followed_after_version_2_is_published(versioned, page):
    app, corpus, server = versioned
    page.goto(server.url("/"))
    page.fill("#question", "Can I delete my account?")
    page.press("#question", "Enter")
    answer = page.locator("#transcript .msg.assistant").last
    expect(answer.locator("blockquote .quote")).to_have_text("Request deletion of your personal information")
    link = answer.locator(".cite a")
    expect(link).to_have_attribute("href", f"/policy/v/1#{DELETION}")

    assert publish(app, corpus, REWORDED).exit_code == 0  # the visitor's page still shows the old answer

    link.click()
    page.wait_for_url(server.url(f"/policy/v/1#{DELETION}"))
    target = page.locator(":target")
    expect(target).to_have_attribute("id", DELETION)
    expect(target).to_contain_text("Request deletion of your personal information")
    expect(target.locator(".version-note")).to_contain_text("Changed in version 2")
    expect(page.locator("#policy-version")).to_contain_text("This is an earlier version")
    target.locator(".version-note a").click()
    page.wait_for_url(server.url(f"/policy#{DELETION}-v2"))
    expect(page.locator(":target")).to_contain_text("Request deletion of all of your personal information")
    expect(page.locator("#policy-version")).to_contain_text("Version 2, in force since")

    # A link written before versions existed (/policy#<id>) finds the version that has the clause.
    page.goto(server.url(f"/policy#{DELETION}"))
    page.wait_for_url(server.url(f"/policy/v/1#{DELETION}"))
    expect(page.locator(":target")).to_have_attribute("id", DELETION)

    # The chat page says the policy was updated, and links what changed.
    page.goto(server.url("/"))
    page.locator("#policy-notice a").click()
    page.wait_for_url(server.url("/policy/v/2/changes"))
    expect(page.locator("tr.reworded ins")).to_have_text("of all")
    assert csp_violations(page) == []


def test_the_widget_announces_a_new_version(tmp_path, page):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    host_app = HostSite()
    host = LiveServer(host_app).start()
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "t.sqlite"),
                      "RATELIMIT_ENABLED": False, "CORPUS_DIR": str(corpus), "WIDGET_ORIGINS": [host.origin]})
    server = LiveServer(app).start()
    host_app.assistant_origin = server.origin
    try:
        open_widget(page, host.url())
        expect(page.locator("bm-policy-assistant .suggestion").first).to_be_visible()
        expect(page.locator("bm-policy-assistant .policy-notice")).to_have_count(0)
        assert publish(app, corpus, REWORDED).exit_code == 0
        open_widget(page, host.url())
        notice = page.locator("bm-policy-assistant .policy-notice")
        expect(notice).to_contain_text("Our privacy policy was updated on ")
        expect(notice.locator("a")).to_have_attribute("href", f"{server.origin}/policy/v/2/changes")
        # Switched to Hindi, the notice is said again: its words, its date's month and its link's language.
        with app.test_request_context("/?lang=hi"):
            effective = format_date(app.extensions["assistant"].published.effective)
        page.locator("bm-policy-assistant .langs").get_by_role("button", name="हिन्दी").click()
        expect(notice).to_have_text(f"हमारी गोपनीयता नीति {effective} को अपडेट हुई: देखें क्या बदला")
        expect(notice.locator("a")).to_have_attribute("href", f"{server.origin}/policy/v/2/changes?lang=hi")
        open_widget(page, host.url())  # remembered: straight to Hindi on the next page
        expect(notice).to_have_text(f"हमारी गोपनीयता नीति {effective} को अपडेट हुई: देखें क्या बदला")
        assert csp_violations(page) == []
    finally:
        server.stop()
        host.stop()

"""Suggested questions while the conversation is empty, on the chat page and in the widget, in a real Chromium."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .test_widget_browser import QUESTION, Surface, csp_violations, expected_reply

pytestmark = pytest.mark.browser


@pytest.fixture(params=["widget", "chat page"])
def surface(request, sites, page):
    return Surface(request.param, sites, page).open()


def suggestion_buttons(surface):
    if surface.name == "widget":
        return surface.page.locator("bm-policy-assistant .suggestions .suggestion")
    return surface.page.locator("#suggestions a.suggestion")


def test_clicking_a_suggestion_asks_it_and_the_suggestions_go(surface):
    suggested = surface.app.extensions["suggestions"]
    buttons = suggestion_buttons(surface)
    expect(buttons).to_have_text(suggested)
    buttons.nth(1).click()
    visitor = surface.page.locator("bm-policy-assistant .log > .msg.visitor" if surface.name == "widget"
                                   else "#transcript > .msg.visitor")
    expect(visitor).to_have_text([suggested[1]])
    answer = surface.messages.last
    expect(answer.locator("blockquote")).to_be_visible()
    expect(answer.locator("blockquote")).to_contain_text(expected_reply(surface.app, suggested[1]).message[:40])
    expect(buttons.first).to_be_hidden()
    assert surface.page.url.endswith("/") or surface.name == "widget"  # asked in place, not by loading ?q=
    assert csp_violations(surface.page) == []


def test_suggestions_stay_away_after_a_reload_and_come_back_with_a_new_conversation(surface):
    buttons = suggestion_buttons(surface)
    expect(buttons.first).to_be_visible()
    expect(surface.ask(QUESTION).locator("blockquote")).to_be_visible()
    expect(buttons.first).to_be_hidden()
    surface.page.reload()
    if surface.name == "widget":
        surface.open()
    expect(surface.messages.last.locator("blockquote")).to_be_visible()
    expect(buttons.first).to_be_hidden()
    surface.page.get_by_role("button", name="New conversation").click()
    expect(buttons).to_have_count(len(surface.app.extensions["suggestions"]))
    expect(buttons.first).to_be_visible()

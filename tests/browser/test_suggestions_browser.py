"""Suggested questions while the conversation is empty, on the chat page and in the widget, in a real Chromium."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .test_hindi_browser import hindi_page  # noqa: F401 (a fixture)
from .test_widget_browser import QUESTION, Surface, csp_violations, expected_reply, open_widget

pytestmark = pytest.mark.browser


@pytest.fixture(params=["widget", "chat page"])
def surface(request, sites, page):
    return Surface(request.param, sites, page).open()


def suggestion_buttons(surface):
    if surface.name == "widget":
        return surface.page.locator("bm-policy-assistant .suggestions .suggestion")
    return surface.page.locator("#suggestions a.suggestion")


def test_clicking_a_suggestion_asks_it_and_the_suggestions_go(surface):
    suggested = surface.app.extensions["suggestions"]["en"]
    buttons = suggestion_buttons(surface)
    expect(buttons).to_have_text(suggested)
    for button in buttons.all():
        expect(button).to_have_attribute("lang", "en")
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
    expect(buttons).to_have_count(len(surface.app.extensions["suggestions"]["en"]))
    expect(buttons.first).to_be_visible()


@pytest.mark.parametrize("where", ["widget", "chat page"])
def test_a_hindi_visitor_gets_the_hindi_suggestions_and_an_answer(sites, hindi_page, where):
    """corpus/suggestions.hi.yaml: questions as Hindi speakers type them, each answered from the policy."""
    app, assistant, listed, _ = sites
    hindi = app.extensions["suggestions"]["hi"]
    surface = Surface(where, sites, hindi_page).open()
    buttons = suggestion_buttons(surface)
    expect(buttons).to_have_text(hindi)
    expect(buttons.first).to_have_attribute("lang", "hi-Latn")
    buttons.first.click()
    answer = surface.messages.last
    expect(answer.locator("blockquote")).to_contain_text(expected_reply(app, hindi[0]).message[:40])
    expect(answer.locator(".cite")).to_contain_text("स्रोत:")
    assert csp_violations(hindi_page) == []


def test_switching_the_widget_language_switches_the_suggestions(sites, page):
    app, _, listed, _ = sites
    open_widget(page, listed.url())
    buttons = page.locator("bm-policy-assistant .suggestions .suggestion")
    expect(buttons).to_have_text(app.extensions["suggestions"]["en"])
    page.locator("bm-policy-assistant .langs").get_by_role("button", name="हिन्दी").click()
    expect(buttons).to_have_text(app.extensions["suggestions"]["hi"])
    expect(buttons.first).to_have_attribute("lang", "hi-Latn")
    page.locator("bm-policy-assistant .langs").get_by_role("button", name="English").click()
    expect(buttons).to_have_text(app.extensions["suggestions"]["en"])

"""The handoff carries the visitor's question into the request form's details, in the browser, never in a URL."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .test_widget_browser import DELETION, Surface, csp_violations, open_request_form

pytestmark = pytest.mark.browser

HANDOFF_KEY = "pa-handoff-details"


def test_chat_page_handoff_prefills_the_forms_details(sites, page):
    chat = Surface("chat page", sites, page).open()
    answer = chat.ask(DELETION)
    button = answer.locator(".handoff a")
    expect(button).to_be_visible()
    href = button.get_attribute("href")
    assert "delete" not in href.lower() and "account" not in href.lower()  # the words never travel in the URL
    button.click()
    page.wait_for_url("**/request**")
    assert "account" not in page.url
    expect(page.locator("#details")).to_have_value(DELETION)
    # Read once: the stored copy is gone, so a later visit to the form starts empty.
    assert page.evaluate("k => sessionStorage.getItem(k)", HANDOFF_KEY) is None
    page.reload()
    expect(page.locator("#details")).to_have_value("")
    assert csp_violations(page) == []


def test_the_carried_question_never_replaces_what_the_visitor_wrote(sites, page):
    _, assistant, _, _ = sites
    page.goto(assistant.url("/request", type="deletion"))
    page.fill("#details", "my own words")
    page.fill("#email", "not an address")
    # As if the visitor had followed a handoff in another window of the same tab's session meanwhile.
    page.evaluate("k => sessionStorage.setItem(k, 'from the chat')", HANDOFF_KEY)
    page.get_by_role("button", name="Send request").click()
    expect(page.locator("#form-errors")).to_be_visible()  # refused: the form comes back with what was sent
    # intake.js has run (it focuses the summary last; the page shows before its script runs, more so under load).
    expect(page.locator("#form-errors")).to_be_focused()
    expect(page.locator("#details")).to_have_value("my own words")
    assert page.evaluate("k => sessionStorage.getItem(k)", HANDOFF_KEY) is None


def test_widget_request_form_starts_with_the_question(sites, page):
    _, _, listed, _ = sites
    form = open_request_form(page, listed, DELETION)
    expect(form.locator("[name=details]")).to_have_value(DELETION)
    expect(form.locator("[name=name]")).to_have_value("")
    assert csp_violations(page) == []

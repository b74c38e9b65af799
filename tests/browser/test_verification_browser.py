"""A request from the chat to a verified address and its status page, in a real browser, with real mail.

The live assistant's mail worker delivers to a real SMTP server (aiosmtpd); the tests read the codes from what
that server received, as the visitor would read them in their inbox.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from mailserver import code_in

from .test_widget_browser import DELETION, Surface, csp_violations, open_request_form

pytestmark = pytest.mark.browser


def code_for(mailbox, address: str, subject: str, count: int = 1) -> str:
    """The code in the count-th message to `address` whose subject contains `subject`."""
    import time

    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        found = [m for m in mailbox.to(address) if subject in m["Subject"]]
        if len(found) >= count:
            return code_in(found[count - 1])
        time.sleep(0.1)
    raise AssertionError(f"no message {subject!r} to {address}")


def wrong_code(code: str) -> str:
    """A well-formed code that is not `code` (the next one, six digits)."""
    return f"{(int(code) + 1) % 1_000_000:06d}"


def confirm_after_a_wrong_code(page, code: str, label: str, button: str, refused: str) -> None:
    """On the request form's confirmation: a wrong code is refused with `refused`, then the right one is sent."""
    page.get_by_label(label).fill(wrong_code(code))
    page.get_by_role("button", name=button).click()
    expect(page.locator("#verify-message")).to_contain_text(refused)
    page.get_by_label(label).fill(code)
    page.get_by_role("button", name=button).click()


def test_chat_handoff_form_code_then_status_shows_verified(sites, mailbox, page):
    chat = Surface("chat page", sites, page).open()
    chat.ask(DELETION).locator(".handoff a").click()
    page.wait_for_url("**/request**")
    page.fill("#name", "Asha Rao")
    page.fill("#email", "chat-browser@example.com")
    expect(page.locator("#details")).to_have_value(DELETION)
    page.get_by_role("button", name="Send request").click()
    page.wait_for_url("**/request/received")
    reference = page.locator(".reference").first.inner_text()
    assert re.fullmatch(r"BM-[0-9A-Z]{4}-[0-9A-Z]{4}", reference)
    expect(page.get_by_role("heading", name="Confirm your e-mail address")).to_be_visible()
    code = code_for(mailbox, "chat-browser@example.com", "Confirm your e-mail address")
    page.get_by_label("Code from the e-mail").fill(code)
    page.get_by_role("button", name="Confirm").click()
    expect(page.locator("#verified")).to_contain_text("Your e-mail address is confirmed")
    page.locator("#verified").get_by_role("link", name="See the status of your request").click()
    page.wait_for_url("**/request/status")
    expect(page.locator(".verified-state")).to_have_text("verified")
    expect(page.locator("h1")).to_contain_text(reference)
    expect(page.locator("ol.history")).to_contain_text("E-mail address confirmed")
    assert csp_violations(page) == []


def test_a_wrong_code_in_the_form_says_so_and_the_right_one_works(sites, mailbox, page):
    _, assistant, _, _ = sites
    page.goto(assistant.url("/request", type="access"))
    page.fill("#name", "Ravi Iyer")
    page.fill("#email", "form-wrong@example.com")
    page.fill("#details", "Send me a copy of my data.")
    page.get_by_role("button", name="Send request").click()
    code = code_for(mailbox, "form-wrong@example.com", "Confirm your e-mail address")
    confirm_after_a_wrong_code(page, code, "Code from the e-mail", "Confirm", "That code is not right")
    expect(page.locator("#verified")).to_be_visible()


def test_widget_on_another_site_verifies_and_the_status_page_shows_it(sites, mailbox, page, context):
    _, assistant, listed, _ = sites
    form = open_request_form(page, listed, DELETION)
    form.locator("[name=name]").fill("Meera Shah")
    form.locator("[name=email]").fill("widget-browser@example.com")
    form.locator("button[type=submit]").click()
    widget = page.locator("bm-policy-assistant")
    confirmation = widget.locator(".confirm")
    expect(confirmation).to_contain_text("We have e-mailed you a 6-digit code")
    reference = confirmation.locator(".reference").inner_text()
    code = code_for(mailbox, "widget-browser@example.com", "Confirm your e-mail address")
    # A wrong code first: the widget says so and keeps the field.
    code_box = widget.locator("input[name=code]")
    code_box.fill(wrong_code(code))
    widget.get_by_role("button", name="Confirm").click()
    expect(widget.locator(".verify .field-error")).to_contain_text("That code is not right")
    code_box.fill(code)
    widget.get_by_role("button", name="Confirm").click()
    done = widget.locator(".verified")
    expect(done).to_contain_text("Your e-mail address is confirmed")
    status_link = done.get_by_role("link", name="See the status of your request")
    assert status_link.get_attribute("href") == assistant.url("/request/status")
    with context.expect_page() as opened:
        status_link.click()
    status = opened.value
    status.wait_for_load_state()
    status.get_by_label("Reference").fill(reference)
    status.get_by_label("E-mail address").fill("widget-browser@example.com")
    status.get_by_role("button", name="Send me a code").click()
    expect(status.locator("#status-message")).to_contain_text("If that reference and e-mail address belong")
    status_code = code_for(mailbox, "widget-browser@example.com", "status of request")
    status.get_by_label("Code from the e-mail").fill(status_code)
    status.get_by_role("button", name="Show the status").click()
    expect(status.locator(".verified-state")).to_have_text("verified")
    expect(status.locator(".status")).to_have_text("new")
    assert csp_violations(page) == []

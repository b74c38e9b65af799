"""The widget's finish, in a real Chromium: unbroken addresses, a readable button after a request, the same help
texts as /request, and a phone screen that belongs to the open panel alone."""

from __future__ import annotations

import re

import pytest
import yaml
from playwright.sync_api import expect

from .test_widget_browser import CASES, CHILD, DELETION, expected_reply, ask, open_request_form, open_widget

pytestmark = pytest.mark.browser

SIZES = [(1280, 800), (360, 740)]


@pytest.fixture(params=SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def sized_page(request, chromium):
    width, height = request.param
    context = chromium.new_context(viewport={"width": width, "height": height})
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.size = request.param
    yield page
    context.close()


def lines_of_each_text(locator) -> list[int]:
    """How many lines each text node inside the element is laid out on."""
    return locator.evaluate("""e => {
        const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT), counts = [];
        while (walker.nextNode()) {
            const range = document.createRange();
            range.selectNodeContents(walker.currentNode);
            counts.push(new Set([...range.getClientRects()].map(r => Math.round(r.top))).size);
        }
        return counts;
    }""")


def test_the_contact_card_never_breaks_the_e_mail_address_mid_word(sites, sized_page):
    app, _, listed, _ = sites
    cases = yaml.safe_load(CASES.read_text(encoding="utf-8"))["not_answered"]
    question = next(c["q"] for c in cases if "Email" in (expected_reply(app, c["q"]).contact or {}))
    address = expected_reply(app, question).contact["Email"]
    open_widget(sized_page, listed.url())
    mail = ask(sized_page, question).locator("a[href^='mailto:']")
    expect(mail).to_have_text(address)
    # Each part (before and after the "@", the one place it may wrap) stays on a single line.
    assert lines_of_each_text(mail) == [1, 1]
    assert sized_page.evaluate("document.documentElement.scrollWidth") <= sized_page.size[0]


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two computed `rgb(...)` colours."""
    def luminance(colour):
        channels = [int(c) / 255 for c in re.findall(r"\d+", colour)[:3]]
        r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted([luminance(foreground), luminance(background)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_after_a_request_the_button_stays_readable(sites, page):
    _, _, listed, _ = sites
    form = open_request_form(page, listed, DELETION)
    form.locator("[name=name]").fill("Ada Lovelace")
    form.locator("[name=email]").fill("ada@example.com")
    form.locator("button[type=submit]").click()
    expect(page.locator("bm-policy-assistant .msg.confirm")).to_be_focused()
    start = page.locator("bm-policy-assistant .start-request")
    expect(start).to_be_disabled()  # one request per answer
    style = start.evaluate("e => { const s = getComputedStyle(e); return [s.opacity, s.color, s.backgroundColor]; }")
    assert style[0] == "1"
    assert contrast(style[1], style[2]) >= 4.5, style


def request_page_texts(page, url):
    """(label, help) of each field, and the lead, as /request shows them."""
    page.goto(url)
    fields = page.locator("form.request .field").evaluate_all(
        "fs => fs.map(f => [f.querySelector('label').textContent.trim(), "
        "(f.querySelector('.hint') || {textContent: ''}).textContent.trim()])")
    return page.locator("main .lead").text_content().strip(), fields[1:]  # after the type picker


@pytest.mark.parametrize("question, kind", [(DELETION, "deletion"), (CHILD, "child_data")])
def test_the_widget_form_has_the_help_texts_of_the_request_page(sites, page, question, kind):
    _, assistant, listed, _ = sites
    lead, fields = request_page_texts(page, assistant.url("/request", type=kind))
    assert any(help_text for _, help_text in fields)  # there is something to compare
    form = open_request_form(page, listed, question)
    expect(form.locator(".lead")).to_have_text(lead)
    shown = form.locator("label").evaluate_all(
        "ls => ls.map(l => [l.firstChild.textContent.trim(), (l.querySelector('.field-help') || {textContent: ''})"
        ".textContent.trim()])")
    assert shown == fields
    # A screen reader hears the help with the field, before any error.
    for control in form.locator("input, textarea, select").all():
        described = control.get_attribute("aria-describedby").split()
        help_ids = [i for i in described if i.endswith("-help")]
        assert described[-1].endswith("-error")
        for help_id in help_ids:
            expect(form.locator(f"#{help_id}")).not_to_be_empty()


def test_on_a_phone_the_open_panel_covers_the_host_page_and_the_request_form_is_the_only_form(sites, chromium):
    _, _, listed, _ = sites
    context = chromium.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    context.set_default_timeout(10_000)
    try:
        page = context.new_page()
        open_widget(page, listed.url())
        box = page.locator("bm-policy-assistant .panel").bounding_box()
        assert (box["x"], box["y"], box["width"], box["height"]) == (0, 0, 360, 740)
        # Nothing of the host page's header shows above the panel: its top edge is the widget's.
        assert page.evaluate("document.elementFromPoint(180, 2).tagName") == "BM-POLICY-ASSISTANT"
        form = open_request_form(page, listed, DELETION)
        ask_box = page.locator("bm-policy-assistant #bm-question")
        expect(ask_box).to_be_hidden()  # no second "Ask" box below the request form
        expect(form.locator("[name=name]")).to_be_in_viewport()
        form.get_by_role("button", name="Cancel").click()
        expect(ask_box).to_be_visible()
        page.locator("bm-policy-assistant .start-request").click()
        expect(ask_box).to_be_hidden()
        page.keyboard.press("Escape")  # closed and opened again: focus goes back into the request form
        page.locator("bm-policy-assistant .launcher").click()
        expect(form.locator("[name=name]")).to_be_focused()
    finally:
        context.close()

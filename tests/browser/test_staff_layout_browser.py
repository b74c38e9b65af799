"""Staff pages on a phone and on a wide screen, in a real Chromium: the queue as cards on a phone, notes that wrap
between words, and references, dates and e-mail addresses that never wrap mid-value."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import sign_in, stored_request
from .test_widget_polish_browser import lines_of_each_text

pytestmark = pytest.mark.browser

NOTES = "Called back twice; the school will confirm the child's age by Friday, then we delete the account."
LONG_EMAIL = "fatima.sheikh.accounts@bluemessaggio-customers.example.com"
SIZES = [(1280, 800), (360, 740)]


@pytest.fixture(scope="module")
def requests_shown(sites):
    """One long-winded request, stored once: its id."""
    return stored_request(sites, type="child_data", urgent=1, name="Ravi Shankar Venkataraman",
                          email=LONG_EMAIL, notes=NOTES, due_date="2020-01-01")


@pytest.fixture(params=SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def staff_page(request, sites, chromium):
    width, height = request.param
    context = chromium.new_context(viewport={"width": width, "height": height})
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.size = request.param
    sign_in(page, sites, "agent")
    yield page
    context.close()


def assert_values_unbroken(page, scope):
    """Every reference, date/time and part of an e-mail address in `scope` is laid out on one line."""
    values = page.locator(f"{scope} .ref, {scope} time, {scope} .email > span")
    assert values.count() >= 3
    for value in values.all():
        assert lines_of_each_text(value) == [1] * len(lines_of_each_text(value)), value.text_content()


def test_the_queue_fits_the_screen_without_sideways_scroll(sites, requests_shown, staff_page):
    width, _ = staff_page.size
    staff_page.goto(sites[1].url("/staff/requests", status="all"))
    row = staff_page.locator("table.queue tbody tr").filter(has=staff_page.locator(f"a[href$='/{requests_shown}']"))
    expect(row).to_be_visible()
    assert staff_page.evaluate("document.documentElement.scrollWidth") <= width
    # Every table on the page (unverified requests are listed apart, in a table of their own).
    wraps = staff_page.locator(".table-wrap").all()
    assert wraps and all(w.evaluate("e => e.scrollWidth <= e.clientWidth") for w in wraps)
    if width < 960:
        # A card: the row's cells are stacked, each named ("Due: ...") since the column headings are hidden.
        cells = row.locator("td")
        lefts = {round(box["x"]) for box in (c.bounding_box() for c in cells.all())}
        assert len(lefts) == 1
        assert row.locator("td[data-label=Due]").evaluate(
            "e => getComputedStyle(e, '::before').content") == '"Due: "'
    notes = row.locator("td.notes")
    # Notes wrap between words, two or more to a line, never one word per line.
    lines = notes.evaluate("""e => { const r = document.createRange(); r.selectNodeContents(e.firstChild);
        return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; }""")
    assert lines * 2 <= len(NOTES.split())
    assert_values_unbroken(staff_page, "table.queue")


def test_the_request_page_keeps_values_whole(sites, requests_shown, staff_page):
    width, _ = staff_page.size
    staff_page.goto(sites[1].url(f"/staff/requests/{requests_shown}"))
    expect(staff_page.locator("h1 .ref")).to_be_visible()
    assert staff_page.evaluate("document.documentElement.scrollWidth") <= width
    assert_values_unbroken(staff_page, "main")
    # The address is all there, as one piece of text to copy.
    expect(staff_page.locator("dl.facts .email")).to_have_text(LONG_EMAIL)

"""Accessibility as a test: axe-core finds no violation of any impact on any page, at desktop and phone widths.

Each entry of VISITS brings a real Chromium to one page in one state (a form with errors, the widget open
on a host page that has its own <header> ...); `axe_violations` then runs axe-core (bundled by the
axe-playwright-python package, nothing downloaded) at every size in VIEWPORTS. A page in another language
is one more line in VISITS, e.g. `Visit("chat page, Hindi", "/?lang=hi")`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.publishing import REWORDED, publish

from .conftest import sign_in, stored_request
from .test_versions_browser import versioned  # noqa: F401 - the fixture: an assistant of its own to publish on
from .test_widget_browser import CHILD, DELETION, QUESTION, Surface, ask, open_request_form, open_widget

pytestmark = pytest.mark.browser

VIEWPORTS = [(1280, 800), (360, 740)]
_AXE = Axe()


def axe_violations(page, viewports=VIEWPORTS) -> list[str]:
    """Every axe-core violation on the page as it stands, at each (width, height): one readable line each.

    Axe looks inside open shadow roots, so the widget on a host page is checked with the page around it.
    """
    found = []
    for width, height in viewports:
        page.set_viewport_size({"width": width, "height": height})
        results = _AXE.run(page, options={"resultTypes": ["violations"]})
        for violation in results.response["violations"]:
            targets = "; ".join(" >> ".join(map(str, node["target"])) for node in violation["nodes"][:5])
            found.append(f"{width}x{height} {violation['id']} ({violation['impact']}): {violation['help']} "
                         f"at {targets}")
    return found


# --- getting to each page ------------------------------------------------------------------------------------

def chat_conversation(page, sites):
    chat = Surface("chat page", sites, page).open()
    expect(chat.ask(QUESTION).locator("blockquote")).to_be_visible()
    expect(chat.ask("who is your data protection officer?").locator("p").first).to_be_visible()


def form_with_errors(page, sites):
    page.goto(sites[1].url("/request", type="child_data"))
    page.fill("#email", "not an address")
    page.fill("#child_age", "19")
    page.locator("form.request button[type=submit]").click()  # "Send request" in the page's language
    expect(page.locator("#form-errors")).to_be_focused()


def confirmation(page, sites):
    page.goto(sites[1].url("/request", type="child_data"))
    page.fill("#name", "Asha Rao")
    page.fill("#email", "asha@example.com")
    page.fill("#details", "My daughter's account")
    page.fill("#child_age", "9")
    page.select_option("#relationship", "Parent")
    page.locator("form.request button[type=submit]").click()  # "Send request" in the page's language
    expect(page.locator(".reference")).to_be_visible()


def login_refused(page, sites):
    page.goto(sites[1].url("/login"))
    page.fill("#username", "nobody")
    page.fill("#password", "wrong password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_be_visible()


def staff_queue(page, sites):
    stored_request(sites, type="child_data", urgent=1, name="Ravi Shankar Venkataraman",
                   email="ravi.shankar.venkataraman@example.com", notes="Called back twice; waiting for the school.")
    stored_request(sites, due_date="2020-01-01")  # overdue
    sign_in(page, sites, "agent")
    page.goto(sites[1].url("/staff/requests"))


def staff_request(page, sites):
    number = stored_request(sites, notes="Checked the account.\nWaiting for the reply.")
    sign_in(page, sites, "agent")
    page.goto(sites[1].url(f"/staff/requests/{number}"))


def staff_child_report_extended(page, sites):
    """A child's-data report with its checks, an extension and a trail of events."""
    from app.platform.db import connect, write
    from app.platform.events import record_event

    number = stored_request(sites, type="child_data", urgent=1, extra='{"child_age": 15, "relationship": "Other"}',
                            extended_due="2099-02-01", extension_reason="Three accounts to search",
                            extended_by="browser-agent")
    db = connect(sites[0].config["DATABASE"])
    try:
        with write(db):
            record_event(db, number, "requester", "created", new="child_data", public=True)
            record_event(db, number, "browser-agent", "extended", old="2099-01-01", new="2099-02-01", public=True,
                         reason="Three accounts to search")
            record_event(db, number, "browser-agent", "note", old="", new="Called.")
    finally:
        db.close()
    sign_in(page, sites, "agent")
    page.goto(sites[1].url(f"/staff/requests/{number}"))
    expect(page.locator("#child-checks")).to_be_visible()


def transparency_with_figures(page, sites):
    for _ in range(6):
        stored_request(sites, type="grievance", status="done", closed_at="2099-01-01T00:00:00+00:00")
    page.goto(sites[1].url("/transparency"))


def status_lookup_with_errors(page, sites):
    page.goto(sites[1].url("/request/status"))
    page.fill("#status-reference", "BM-12")
    page.locator("form.request button[type=submit]").click()  # "Send me a code" in the page's language
    expect(page.locator("#form-errors")).to_be_visible()


def confirmation_link(valid: bool):
    """The page the mail's link opens: its button, or the refusal of a link that does not work."""
    def visit(page, sites):
        import secrets

        from app.visitors import verification

        token = "not-a-token"
        if valid:
            reference = f"BM-{secrets.token_hex(2).upper()}-LINK"
            stored_request(sites, reference=reference)
            with sites[0].test_request_context():
                token = verification.make_link_token(reference)
        page.goto(sites[1].url(f"/request/confirm/{token}"))
    return visit


def staff_page(path):
    def visit(page, sites):
        sign_in(page, sites, "agent")
        page.goto(sites[1].url(path))
    return visit


def editor_page(path):
    def visit(page, sites):
        chat_conversation(page, sites)  # something to review
        sign_in(page, sites, "editor")
        page.goto(sites[1].url(path))
    return visit


def widget_open(page, sites):
    open_widget(page, sites[2].url())
    expect(page.locator("bm-policy-assistant .suggestion").first).to_be_visible()


def widget_answer(page, sites):
    open_widget(page, sites[2].url())
    expect(ask(page, QUESTION).locator("blockquote")).to_be_visible()


def widget_form_with_errors(page, sites):
    form = open_request_form(page, sites[2], CHILD)
    form.locator("[name=child_age]").fill("19")
    form.locator("button[type=submit]").click()
    expect(form.locator("[name=name]")).to_be_focused()


def widget_confirmation(page, sites):
    form = open_request_form(page, sites[2], DELETION)
    form.locator("[name=name]").fill("Ada Lovelace")
    form.locator("[name=email]").fill("ada@example.com")
    form.locator("button[type=submit]").click()
    expect(page.locator("bm-policy-assistant .msg.confirm")).to_be_focused()


@dataclass
class Visit:
    """One page in one state: a path on the assistant, or `steps(page, sites)` that get there; in `lang`."""

    name: str
    path: str = "/"
    steps: Callable | None = field(default=None, repr=False)
    lang: str = "en"

    def go(self, page, sites):
        if self.lang != "en":
            # The visitor chose the language: the assistant's site remembers ?lang= (a cookie), and the widget
            # on the host page its own stored choice.
            page.goto(sites[1].url("/", lang=self.lang))
            page.goto(sites[2].url())
            page.evaluate("lang => localStorage.setItem('bm-policy-assistant:lang', lang)", self.lang)
        if self.steps:
            self.steps(page, sites)
        else:
            page.goto(sites[1].url(self.path))

    def shown_language(self, page) -> str:
        """The language the page (or the widget on a host page) is shown in."""
        return page.evaluate("(document.querySelector('bm-policy-assistant') || document.documentElement)"
                             ".getAttribute('lang')")


VISITS = [
    Visit("chat page", "/"),
    Visit("chat page with a conversation", steps=chat_conversation),
    Visit("chat page answering ?q= (the page without JavaScript)", "/?q=Can+I+delete+my+account%3F"),
    Visit("policy", "/policy"),
    Visit("request form, choosing the type", "/request"),
    Visit("request form, child's data", "/request?type=child_data"),
    Visit("request form with errors", steps=form_with_errors),
    Visit("confirmation", steps=confirmation),
    Visit("sign-in", "/login"),
    Visit("sign-in refused", steps=login_refused),
    Visit("staff queue", steps=staff_queue),
    Visit("staff request page", steps=staff_request),
    Visit("staff request page, a child's data, extended, with its trail", steps=staff_child_report_extended),
    Visit("transparency report", steps=transparency_with_figures),
    Visit("staff clause search", steps=staff_page("/staff/search?q=delete+my+account")),
    Visit("staff outbox", steps=staff_page("/staff/outbox")),
    Visit("request status: the lookup form", "/request/status"),
    Visit("request status: the lookup form with errors", steps=status_lookup_with_errors),
    Visit("the mail's confirmation link", steps=confirmation_link(valid=True)),
    Visit("a confirmation link that does not work", steps=confirmation_link(valid=False)),
    Visit("editor: unanswered questions", steps=editor_page("/editor/unanswered")),
    Visit("editor: gaps", steps=editor_page("/editor/gaps")),
    Visit("editor: dashboard", steps=editor_page("/editor/")),
    Visit("editor: link search", steps=editor_page("/editor/link-search?q=cookies")),
    Visit("error page (404)", "/no-such-page"),
    Visit("widget open on a host page with its own header", steps=widget_open),
    Visit("widget with an answer", steps=widget_answer),
    Visit("widget request form with errors", steps=widget_form_with_errors),
    Visit("widget confirmation", steps=widget_confirmation),
]
# The visitor's side again in Hindi (Devanagari text, lang attributes, the switchers, the English quotes).
VISITS += [
    Visit("chat page, Hindi", "/", lang="hi"),
    Visit("chat page with a conversation, Hindi", steps=chat_conversation, lang="hi"),
    Visit("policy, Hindi", "/policy", lang="hi"),
    Visit("request form, child's data, Hindi", "/request?type=child_data", lang="hi"),
    Visit("request form with errors, Hindi", steps=form_with_errors, lang="hi"),
    Visit("confirmation, Hindi", steps=confirmation, lang="hi"),
    Visit("error page (404), Hindi", "/no-such-page", lang="hi"),
    Visit("transparency report, Hindi", "/transparency", lang="hi"),
    Visit("request status: the lookup form, Hindi", "/request/status", lang="hi"),
    Visit("request status: the lookup form with errors, Hindi", steps=status_lookup_with_errors, lang="hi"),
    Visit("the mail's confirmation link, Hindi", steps=confirmation_link(valid=True), lang="hi"),
    Visit("a confirmation link that does not work, Hindi", steps=confirmation_link(valid=False), lang="hi"),
    Visit("policy versions, Hindi", "/policy/versions", lang="hi"),
    Visit("what changed (the first version), Hindi", "/policy/v/1/changes", lang="hi"),
    Visit("widget open on a host page with its own header, Hindi", steps=widget_open, lang="hi"),
    Visit("widget with an answer, Hindi", steps=widget_answer, lang="hi"),
    Visit("widget request form with errors, Hindi", steps=widget_form_with_errors, lang="hi"),
    Visit("widget confirmation, Hindi", steps=widget_confirmation, lang="hi"),
]


@pytest.mark.parametrize("visit", VISITS, ids=lambda v: v.name)
def test_axe_finds_no_violations(sites, page, visit):
    visit.go(page, sites)
    assert visit.shown_language(page) == visit.lang
    assert axe_violations(page) == []


def test_axe_reports_a_violation(sites, page):
    """The check can fail: an image without a text alternative is reported at both widths."""
    page.goto(sites[1].url("/policy"))
    page.evaluate("document.querySelector('main').appendChild(document.createElement('img')).src = '/x.png'")
    found = axe_violations(page)
    assert [line.split(" ")[:2] for line in found] == [["1280x800", "image-alt"], ["360x740", "image-alt"]]


# The subjects of the two code mails, in the language the request was made in.
CODE_SUBJECTS = {"en": ("Confirm your e-mail address", "status of request"),
                 "hi": ("के लिए अपने ई-मेल पते की पुष्टि करें", "की स्थिति देखने के लिए")}


@pytest.mark.parametrize("lang", sorted(CODE_SUBJECTS))
def test_the_code_form_and_the_status_page_have_no_violations(sites, mailbox, page, lang):
    """The confirmation's code form after a wrong code, the status lookup's code form, and the status itself."""
    from .test_verification_browser import code_for

    address = f"axe-status-{lang}@example.com"
    confirm_subject, status_subject = CODE_SUBJECTS[lang]
    page.goto(sites[1].url("/", lang=lang))  # the visitor's choice, remembered by the site
    page.goto(sites[1].url("/request", type="access"))
    page.fill("#name", "Asha Rao")
    page.fill("#email", address)
    page.fill("#details", "A copy of my data, please.")
    page.locator("form.request button[type=submit]").click()
    reference = page.locator(".reference").first.inner_text()
    page.fill("#verify-code", "000000")
    page.locator("form.code-form button[type=submit]").click()
    expect(page.locator("#verify-message")).to_be_visible()
    assert page.locator("html").get_attribute("lang") == lang
    assert axe_violations(page) == []
    code_for(mailbox, address, confirm_subject)
    page.goto(sites[1].url("/request/status"))
    page.fill("#status-reference", reference)
    page.fill("#status-email", address)
    page.locator("form.request button[type=submit]").click()
    expect(page.locator("#status-message")).to_be_visible()
    assert axe_violations(page) == []
    page.fill("#status-code", code_for(mailbox, address, status_subject))
    page.locator("#code form.request button[type=submit]").click()
    expect(page.locator("#request-status")).to_be_visible()
    assert axe_violations(page) == []


@pytest.mark.parametrize("lang", ["en", "hi"])
def test_the_version_pages_have_no_violations(versioned, page, lang):
    """Every published version, what changed (a reworded clause), and an earlier version with its notes."""
    app, corpus, server = versioned
    assert publish(app, corpus, REWORDED).exit_code == 0
    page.goto(server.url("/", lang=lang))
    for path in ("/policy/versions", "/policy/changes", "/policy/v/1"):
        page.goto(server.url(path))
        assert page.locator("html").get_attribute("lang") == lang
        assert axe_violations(page) == [], path

"""The widget on another company's page, and the chat page, in a real headless Chromium."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from app.visitors.chat import choice_label, citation_label
from app.platform.timefmt import format_date

from .conftest import held_routes, hold_posts, save_screenshot

pytestmark = pytest.mark.browser

CASES = Path(__file__).resolve().parent.parent / "data" / "retrieval_cases.yaml"
QUESTION = "Can I delete my account?"
XSS = '<img src=x onerror="alert(1)"><script>alert(2)</script><b id="injected">bold</b>'
TRANSPARENT = "rgba(0, 0, 0, 0)"


def expected_reply(app, question):
    return app.extensions["assistant"].answer(question)


def open_widget(page, url):
    page.goto(url)
    launcher = page.locator("bm-policy-assistant .launcher")
    expect(launcher).to_be_visible()
    launcher.click()
    expect(page.locator("bm-policy-assistant .panel")).to_be_visible()
    return launcher


def ask(page, question):
    """Ask through the widget; the reply's locator (the message after the visitor's own)."""
    messages = page.locator("bm-policy-assistant .log > .msg")
    before = messages.count()
    box = page.locator("bm-policy-assistant #bm-question")
    box.fill(question)
    box.press("Enter")
    expect(messages.nth(before)).to_have_class("msg visitor")
    return messages.nth(before + 1)


def csp_violations(page):
    return [text for text in page.console_errors if "Content Security Policy" in text]


def shadow_count(page, selector):
    return page.evaluate(
        "s => document.querySelector('bm-policy-assistant').shadowRoot.querySelectorAll(s).length", selector)


# --- the widget on a listed host ---

def test_widget_answers_with_the_quoted_clause_and_its_citation(sites, page):
    app, assistant, listed, _ = sites
    reply = expected_reply(app, QUESTION)
    assert reply.answered
    launcher = open_widget(page, listed.url())
    expect(launcher).to_have_attribute("aria-expanded", "true")
    expect(page.locator("bm-policy-assistant #bm-question")).to_be_focused()

    answer = ask(page, QUESTION)
    expect(answer.locator("blockquote .quote")).to_have_text(reply.message)
    link = answer.locator(".cite a")
    clause = reply.citations[0].clause
    expect(link).to_have_text(citation_label(clause))
    expect(link).to_have_attribute("href", f"{assistant.origin}/policy/v/1#{clause.anchor}")
    expect(link).to_have_attribute("target", "_blank")
    expect(page.locator("bm-policy-assistant .log")).to_have_attribute("aria-live", "polite")
    # The host's CSP is strict (no inline styles or scripts): the widget triggered no violation.
    assert csp_violations(page) == []
    save_screenshot(page, "widget-answer")


def test_citation_opens_the_policy_at_the_highlighted_clause(sites, context, page):
    app, assistant, listed, _ = sites
    clause = expected_reply(app, QUESTION).citations[0].clause
    open_widget(page, listed.url())
    answer = ask(page, QUESTION)
    with context.expect_page() as opened:
        answer.locator(".cite a").click()
    policy = opened.value
    policy.wait_for_load_state()
    assert policy.url == f"{assistant.origin}/policy/v/1#{clause.anchor}"
    target = policy.locator(":target")
    expect(target).to_have_attribute("id", clause.anchor)
    expect(target).to_contain_text(clause.text.split("\n")[0][:60])
    assert target.evaluate("e => getComputedStyle(e).backgroundColor") != TRANSPARENT
    policy.bring_to_front()
    expect(target).to_be_in_viewport()
    save_screenshot(policy, "policy-target")


def test_thumbs_up_is_recorded(sites, page):
    app, _, listed, _ = sites
    open_widget(page, listed.url())
    answer = ask(page, "Do you sell my personal data?")
    thumbs_up = answer.get_by_role("button", name="Yes, helpful")
    thumbs_up.click()
    expect(thumbs_up).to_have_attribute("aria-pressed", "true")
    expect(answer.locator("[role=status]")).to_have_text("Thank you for your feedback.")
    with app.app_context():
        from app.platform.db import get_db

        row = get_db().execute(
            "select f.helpful from feedback f join questions q on q.id = f.question_id "
            "where q.question = :question order by f.given_at desc limit 1",
            {"question": "Do you sell my personal data?"}).fetchone()
    assert row == (1,)


def test_a_question_the_policy_does_not_answer_gets_the_contact_details(sites, page):
    app, _, listed, _ = sites
    cases = yaml.safe_load(CASES.read_text(encoding="utf-8"))["not_answered"]
    question = next(c["q"] for c in cases if expected_reply(app, c["q"]).contact)
    reply = expected_reply(app, question)
    open_widget(page, listed.url())
    answer = ask(page, question)
    expect(answer.locator("dl.contact")).to_be_visible()
    expect(answer.locator("blockquote")).to_have_count(0)
    if "Email" in reply.contact:
        expect(answer.locator("a[href^='mailto:']")).to_have_text(reply.contact["Email"])


def test_the_part_the_policy_does_not_cover_is_said_before_the_quote(sites, page):
    app, _, listed, _ = sites
    question = "do you sell my data and how long do you keep it?"
    reply = expected_reply(app, question)
    assert reply.answered and reply.uncovered is not None
    open_widget(page, listed.url())
    answer = ask(page, question)
    note = answer.locator("p.note")
    expect(note).to_have_text(f"The privacy policy doesn't cover part of your question ({reply.uncovered.topic.lower()}). "
                              "Here is what it says about the rest:")
    expect(answer.locator("blockquote .quote")).to_have_text(reply.message)
    assert note.evaluate("e => e.compareDocumentPosition(e.parentNode.querySelector('blockquote')) & 4") == 4


def test_escape_closes_the_panel_and_returns_focus(sites, page):
    _, _, listed, _ = sites
    launcher = open_widget(page, listed.url())
    page.keyboard.press("Escape")
    expect(page.locator("bm-policy-assistant .panel")).to_be_hidden()
    expect(launcher).to_have_attribute("aria-expanded", "false")
    expect(launcher).to_be_focused()
    page.keyboard.press("Enter")  # the focused button opens it again
    expect(page.locator("bm-policy-assistant #bm-question")).to_be_focused()
    # Back past the suggested questions (each a button), the close button and the language buttons, to the launcher.
    expect(page.locator("bm-policy-assistant .suggestion").first).to_be_visible()
    expect(page.locator("bm-policy-assistant .langs")).to_be_visible()
    for _ in range(shadow_count(page, ".suggestion") + shadow_count(page, ".lang") + 2):
        page.keyboard.press("Shift+Tab")
    expect(launcher).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator("bm-policy-assistant .panel")).to_be_hidden()


def test_host_page_css_does_not_reach_the_widget(sites, page):
    _, _, listed, _ = sites
    launcher = open_widget(page, listed.url())  # the host hides every <button>: ours is still visible
    assert page.locator("h1 + p").evaluate("e => getComputedStyle(e).color") == "rgb(255, 0, 0)"
    greeting = page.locator("bm-policy-assistant .greeting p")
    assert greeting.evaluate("e => getComputedStyle(e).color") != "rgb(255, 0, 0)"
    assert launcher.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(11, 92, 173)"


def test_data_attributes_set_title_colour_position_and_greeting(sites, page):
    _, _, listed, _ = sites
    launcher = open_widget(page, listed.url(title="Ask Blue", color="rebeccapurple", position="left",
                                            greeting="Ciao! Ask away."))
    expect(launcher).to_have_text("Ask Blue")
    expect(page.locator("bm-policy-assistant h2")).to_have_text("Ask Blue")
    expect(page.locator("bm-policy-assistant .greeting > p")).to_have_text("Ciao! Ask away.")
    assert launcher.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(102, 51, 153)"
    assert launcher.bounding_box()["x"] < 100


def test_widget_also_starts_from_head_without_defer(sites, page):
    app, _, listed, _ = sites
    open_widget(page, listed.url(in_head="1"))
    answer = ask(page, QUESTION)
    expect(answer.locator("blockquote .quote")).to_have_text(expected_reply(app, QUESTION).message)


def test_panel_fits_a_phone_screen(sites, chromium):
    _, _, listed, _ = sites
    context = chromium.new_context(viewport={"width": 360, "height": 640}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        open_widget(page, listed.url())
        box = page.locator("bm-policy-assistant .panel").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360
        assert box["y"] >= 0 and box["y"] + box["height"] <= 640
        answer = ask(page, QUESTION)
        expect(answer.locator("blockquote")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        save_screenshot(page, "widget-phone")
    finally:
        context.close()


def test_xss_typed_into_the_widget_is_shown_as_text(sites, page):
    _, _, listed, _ = sites
    open_widget(page, listed.url(title=XSS))
    expect(page.locator("bm-policy-assistant h2")).to_have_text(XSS)
    ask(page, XSS)
    visitor = page.locator("bm-policy-assistant .msg.visitor").last
    expect(visitor).to_have_text(XSS)
    expect(page.locator("bm-policy-assistant .log > .msg.assistant").nth(1)).to_be_visible()  # answered
    for selector in ("img", "script", "#injected", "b"):
        assert shadow_count(page, selector) == 0
    # Playwright's CSS selectors also pierce the shadow root: nothing injected anywhere.
    assert page.locator("img, b, #injected").count() == 0
    assert page.locator("script").count() == 1  # the host's own tag for widget.js
    # The context fixture fails the test if alert() ran.


def test_a_refused_question_shows_the_server_message(sites, page):
    _, _, listed, _ = sites
    page.route("**/api/ask", lambda route: route.fulfill(
        status=429, content_type="application/json", headers={"Access-Control-Allow-Origin": listed.origin},
        body=json.dumps({"error": "Too many questions at once. Please wait a minute."})))
    open_widget(page, listed.url())
    reply = ask(page, QUESTION)
    expect(reply).to_have_attribute("role", "alert")
    expect(reply.locator("p")).to_have_text("Too many questions at once. Please wait a minute.")
    expect(page.locator("bm-policy-assistant .ask button")).to_be_enabled()
    expect(page.locator("bm-policy-assistant #bm-question")).to_be_focused()


# --- an origin that is not listed ---

def test_an_unlisted_origin_is_refused(sites, page):
    app, assistant, _, unlisted = sites
    question = "Is my data shared with advertisers? (unlisted origin)"
    open_widget(page, unlisted.url())
    answer = ask(page, question)
    expect(answer).to_have_class("msg error")
    expect(answer).to_have_attribute("role", "alert")
    expect(answer).to_contain_text("Couldn't reach the assistant")
    # The server refused the preflight and gave no Access-Control-Allow-Origin ...
    preflight = urllib.request.Request(f"{assistant.origin}/api/ask", method="OPTIONS", headers={
        "Origin": unlisted.origin, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(preflight, timeout=5)
    assert refused.value.code == 403
    assert refused.value.headers.get("Access-Control-Allow-Origin") is None
    assert "error" in json.loads(refused.value.read())
    # ... so the question itself was never sent.
    with app.app_context():
        from app.platform.db import get_db

        assert get_db().scalar("select count(*) from questions where question = :question",
                               {"question": question}) == 0


# --- the assistant's own chat page ---

def test_chat_page_answers_with_citation_leading_to_the_clause(sites, page):
    app, assistant, _, _ = sites
    reply = expected_reply(app, QUESTION)
    clause = reply.citations[0].clause
    page.goto(assistant.url("/"))
    page.fill("#question", QUESTION)
    page.press("#question", "Enter")
    answer = page.locator("#transcript .msg.assistant").last
    expect(answer.locator("blockquote .quote")).to_have_text(reply.message)
    link = answer.locator(".cite a")
    expect(link).to_have_text(citation_label(clause))
    link.click()
    page.wait_for_url(f"{assistant.origin}/policy/v/1#{clause.anchor}")
    expect(page.locator(":target")).to_have_attribute("id", clause.anchor)
    assert page.locator(":target").evaluate("e => getComputedStyle(e).backgroundColor") != TRANSPARENT
    assert csp_violations(page) == []


def test_chat_page_shows_xss_as_text(sites, page):
    _, assistant, _, _ = sites
    page.goto(assistant.url("/"))
    page.fill("#question", XSS)
    page.press("#question", "Enter")
    expect(page.locator("#transcript .msg.visitor").last).to_have_text(XSS)
    expect(page.locator("#transcript .msg.assistant").last).to_be_visible()
    for selector in ("#transcript img", "#transcript script", "#injected"):
        assert page.locator(selector).count() == 0


def test_chat_page_without_javascript_escapes_the_question(sites, chromium):
    _, assistant, _, _ = sites
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(assistant.url("/", q=XSS))
        expect(page.locator("#transcript .msg.visitor")).to_have_text(XSS)
        assert page.locator("#injected").count() == 0
    finally:
        context.close()


# --- list answers and "did you mean" choices, in the widget and on the chat page ---

LIST_QUESTIONS = ["what cookies do you use?",  # four list items, no lead-in
                  "what personal information do you collect?"]  # a lead-in ending with ":" and its items
UNDECIDED = "do advertisers get my data"  # sections close together: asks back under `undecided`


class Surface:
    """Where a visitor asks: the widget on the listed host's page, or the assistant's own chat page."""

    def __init__(self, name, sites, page):
        self.name, self.page = name, page
        self.app, self.assistant, self.listed, _ = sites
        widget = name == "widget"
        self.messages = page.locator("bm-policy-assistant .log > .msg" if widget else "#transcript > .msg")
        self.box = page.locator("bm-policy-assistant #bm-question" if widget else "#question")

    def open(self):
        if self.name == "widget":
            open_widget(self.page, self.listed.url())
        else:
            self.page.goto(self.assistant.url("/"))
        return self

    def ask(self, question):
        """Ask; the reply's locator (the message after the visitor's own)."""
        before = self.messages.count()
        self.box.fill(question)
        self.box.press("Enter")
        expect(self.messages.nth(before)).to_have_class("msg visitor")
        return self.messages.nth(before + 1)

    def policy_url(self, clause):
        """A citation's href: the widget's links are absolute (they point at the assistant from another site)."""
        return (self.assistant.origin if self.name == "widget" else "") + f"/policy/v/1#{clause.anchor}"


@pytest.fixture(params=["widget", "chat page"])
def surface(request, sites, page):
    return Surface(request.param, sites, page).open()


def is_ask(response):
    return response.url.endswith("/api/ask") and response.request.method == "POST"


def expect_quotes(answer, reply):
    """The answer shows what `reply` quotes: one quote as a paragraph; several as a lead-in (ending with ":") and a list."""
    texts = [q.text for q in reply.quotes]
    if len(texts) == 1:
        expect(answer.locator("blockquote > .quote")).to_have_text(texts[0])
        expect(answer.locator("blockquote li")).to_have_count(0)
        return
    if texts[0].endswith(":"):
        expect(answer.locator("blockquote > p.quote")).to_have_text(texts.pop(0))
    else:
        expect(answer.locator("blockquote > p.quote")).to_have_count(0)
    expect(answer.locator("blockquote > ul.quote-list > li")).to_have_text(texts)


def logged(app, question_id):
    with app.app_context():
        from app.platform.db import get_db

        return get_db().get("questions", question_id)


@pytest.mark.parametrize("question", LIST_QUESTIONS)
def test_a_list_answer_shows_the_lead_in_and_its_items(surface, question):
    reply = expected_reply(surface.app, question)
    assert len(reply.quotes) > 1
    answer = surface.ask(question)
    expect_quotes(answer, reply)
    expect(answer.locator(".cite a")).to_have_attribute("href", surface.policy_url(reply.citations[0].clause))
    assert csp_violations(surface.page) == []
    if question == LIST_QUESTIONS[0]:
        save_screenshot(surface.page, f"{surface.name.replace(' ', '-')}-list")


def test_did_you_mean_offers_buttons_and_answers_with_the_chosen_clause(undecided, surface):
    app, page = surface.app, surface.page
    choices = expected_reply(app, UNDECIDED).choices
    assert 2 <= len(choices) <= 3
    with page.expect_response(is_ask) as asked:
        reply = surface.ask(UNDECIDED)
    clarify_id = asked.value.json()["question_id"]
    group = reply.get_by_role("group", name="Did you mean one of these?")
    buttons = group.get_by_role("button")
    expect(buttons).to_have_count(len(choices))
    for button, hit in zip(buttons.all(), choices):
        expect(button).to_have_accessible_name(choice_label(hit.clause))
        expect(button).to_have_accessible_description(hit.clause.text)
    expect(reply.locator(".feedback")).to_have_count(0)  # nothing to rate yet
    save_screenshot(page, f"{surface.name.replace(' ', '-')}-clarify")

    picked = choices[-1].clause
    before = surface.messages.count()
    buttons.last.focus()
    with page.expect_response(is_ask) as answered:
        page.keyboard.press("Enter")  # a real button: the keyboard picks it
    expect(surface.messages.nth(before)).to_have_class("msg visitor")
    expect(surface.messages.nth(before)).to_have_text(choice_label(picked))
    answer = surface.messages.nth(before + 1)
    chosen = app.extensions["assistant"].answer_with(UNDECIDED, picked.id)
    expect_quotes(answer, chosen)
    expect(answer.locator("blockquote")).to_contain_text(picked.text)
    link = answer.locator(".cite a")
    expect(link).to_have_text(citation_label(chosen.citations[0].clause))
    expect(link).to_have_attribute("href", surface.policy_url(chosen.citations[0].clause))
    for button in buttons.all():
        expect(button).to_be_disabled()  # one pick per question
    expect(surface.box).to_be_focused()  # ready for the next question
    assert csp_violations(page) == []
    save_screenshot(page, f"{surface.name.replace(' ', '-')}-picked")

    row = logged(app, answered.value.json()["question_id"])
    assert (row["choice"], row["clarifies"], row["reason"], row["channel"]) == (picked.id, clarify_id, "chosen", "api")
    assert logged(app, clarify_id)["kind"] == "clarify"


def test_a_failed_pick_can_be_tried_again(undecided, page):
    _, _, listed, _ = undecided
    open_widget(page, listed.url())
    reply = ask(page, UNDECIDED)
    buttons = reply.get_by_role("button")
    expect(buttons.first).to_be_visible()
    page.route("**/api/ask", lambda route: route.fulfill(
        status=503, content_type="application/json", headers={"Access-Control-Allow-Origin": listed.origin},
        body=json.dumps({"error": "The service is busy right now."})))
    buttons.first.click()
    expect(page.locator("bm-policy-assistant .log > .msg").last).to_have_attribute("role", "alert")
    for button in buttons.all():
        expect(button).to_be_enabled()


def test_chat_page_without_javascript_offers_the_choices_as_links(undecided, chromium):
    app, assistant, _, _ = undecided
    choices = expected_reply(app, UNDECIDED).choices
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(assistant.url("/", q=UNDECIDED))
        reply = page.locator("#transcript .msg.assistant")
        clarify_id = reply.get_attribute("data-question-id")
        links = reply.locator("a.choice")
        expect(links.locator(".choice-label")).to_have_text([choice_label(hit.clause) for hit in choices])
        save_screenshot(page, "chat-page-clarify-nojs")
        picked = choices[-1].clause
        links.last.click()
        page.wait_for_url(re.compile(r"[?&]choice="))
        answer = page.locator("#transcript .msg.assistant")
        chosen = app.extensions["assistant"].answer_with(UNDECIDED, picked.id)
        expect_quotes(answer, chosen)
        expect(answer.locator(".cite a")).to_have_attribute("href", f"/policy/v/1#{chosen.citations[0].clause.anchor}")
        row = logged(app, answer.get_attribute("data-question-id"))
        assert (row["choice"], row["clarifies"], row["reason"], row["channel"]) == (picked.id, clarify_id, "chosen", "page")
    finally:
        context.close()


def test_chat_page_without_javascript_shows_a_list_answer(sites, chromium):
    app, assistant, _, _ = sites
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(assistant.url("/", q=LIST_QUESTIONS[1]))
        expect_quotes(page.locator("#transcript .msg.assistant"), expected_reply(app, LIST_QUESTIONS[1]))
    finally:
        context.close()


@pytest.fixture
def phone(chromium):
    context = chromium.new_context(viewport={"width": 360, "height": 640}, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def test_choices_fit_a_phone_screen(undecided, phone):
    _, _, listed, _ = undecided
    open_widget(phone, listed.url())
    reply = ask(phone, UNDECIDED)
    buttons = reply.get_by_role("button")
    expect(buttons.first).to_be_visible()
    for button in buttons.all():
        box = button.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    save_screenshot(phone, "widget-clarify-phone")


def test_a_list_answer_fits_a_phone_screen(sites, phone):
    chat = Surface("chat page", sites, phone).open()
    question = LIST_QUESTIONS[1]
    expect_quotes(chat.ask(question), expected_reply(sites[0], question))
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    save_screenshot(phone, "chat-page-list-phone")


# --- handing off to a request ---

DELETION = "I want you to delete my account and all my data"
CHILD = "My son is 9 and uses your app, please delete his data"


def open_request_form(page, listed, question):
    open_widget(page, listed.url())
    answer = ask(page, question)
    start = answer.locator(".start-request")
    start.click()
    expect(start).to_have_attribute("aria-expanded", "true")
    form = page.locator("bm-policy-assistant form.request")
    expect(form.locator("[name=name]")).to_be_focused()
    return form


@pytest.mark.parametrize("status, body, shown", [
    (503, {"error": "Requests cannot be received right now; please try again later."}, "cannot be received"),
    (429, {"error": "Too many requests. Please wait a moment and try again."}, "Too many requests"),
    (429, None, "Too many requests"),
    (500, None, "Something went wrong (500)"),
])
def test_request_form_shows_the_server_refusal(sites, page, status, body, shown):
    _, _, listed, _ = sites
    # The server's own refusals are hard to provoke on demand; answer this one call in its place.
    page.route("**/api/requests", lambda route: route.fulfill(
        status=status, content_type="application/json" if body else "text/plain",
        body=json.dumps(body) if body else "oops", headers={"Access-Control-Allow-Origin": listed.origin}))
    form = open_request_form(page, listed, DELETION)
    form.locator("[name=name]").fill("Ada Lovelace")
    form.locator("[name=email]").fill("ada@example.com")
    form.locator("[name=details]").fill("Account for +39 333 1234567")
    form.locator("button[type=submit]").click()
    expect(form.get_by_role("alert")).to_contain_text(shown)
    expect(form.locator("button[type=submit]")).to_be_enabled()  # the visitor can try again


def test_child_data_form_asks_for_age_and_relationship(sites, page):
    _, _, listed, _ = sites
    form = open_request_form(page, listed, CHILD)
    expect(form.locator("[name=child_age]")).to_be_visible()
    expect(form.locator("select[name=relationship] option")).to_have_count(5)


def test_cancelling_the_request_form_returns_focus(sites, page):
    _, _, listed, _ = sites
    form = open_request_form(page, listed, DELETION)
    expect(form.locator("[name=child_age]")).to_have_count(0)
    form.get_by_role("button", name="Cancel").click()
    expect(form).to_have_count(0)
    start = page.locator("bm-policy-assistant .start-request")
    expect(start).to_be_focused()
    expect(start).to_have_attribute("aria-expanded", "false")


def stored_request(app, reference):
    with app.app_context():
        from app.platform.db import get_db

        return get_db().one("select * from requests where reference = :reference", {"reference": reference})


def test_deletion_request_made_in_the_widget_gets_a_reference(sites, page):
    app, assistant, listed, _ = sites
    form = open_request_form(page, listed, DELETION)
    expect(form.locator(".legend")).to_have_text("Delete my data")
    # The full form on the assistant's site is one click away too.
    expect(page.locator("bm-policy-assistant .buttons a").last).to_have_attribute(
        "href", re.compile(re.escape(f"{assistant.origin}/request?type=deletion")))

    # The server's own validation comes back next to the fields.
    form.locator("[name=email]").fill("not an address")
    form.locator("[name=details]").fill("Please delete account 12345")
    form.locator("button[type=submit]").click()
    expect(form.locator("[name=name]")).to_have_attribute("aria-invalid", "true")
    expect(form.locator("#" + form.locator("[name=name]").get_attribute("aria-describedby"))).not_to_be_empty()
    expect(form.locator("[name=email]")).to_have_attribute("aria-invalid", "true")
    expect(form.locator("[name=details]")).not_to_have_attribute("aria-invalid", "true")
    expect(form.locator("[name=name]")).to_be_focused()
    save_screenshot(page, "widget-request-errors")

    form.locator("[name=name]").fill("Ada Lovelace")
    form.locator("[name=email]").fill("ada@example.com")
    form.locator("button[type=submit]").click()
    confirmation = page.locator("bm-policy-assistant .msg.confirm")
    expect(confirmation).to_be_focused()
    reference = confirmation.locator(".reference").text_content()
    row = stored_request(app, reference)
    assert row is not None, f"{reference} was not stored"
    assert (row["type"], row["name"], row["email"]) == ("deletion", "Ada Lovelace", "ada@example.com")
    assert row["question_id"]  # linked to the question that handed off
    expect(confirmation.locator("time.due")).to_have_attribute("datetime", row["due_date"])
    # the same text the server shows for the due date ("30 Dec 2026"), whatever the browser's locale
    expect(confirmation.locator("time.due")).to_have_text(format_date(row["due_date"]))
    expect(confirmation.locator("dt").nth(1)).to_have_text("We will reply by")
    expect(confirmation).not_to_contain_text("handled first")
    expect(page.locator("bm-policy-assistant .start-request")).to_be_disabled()
    save_screenshot(page, "widget-request")


def test_child_data_report_made_in_the_widget(sites, page):
    app, _, listed, _ = sites
    form = open_request_form(page, listed, CHILD)
    expect(form.locator(".legend")).to_have_text("Report a child's data")
    form.locator("[name=name]").fill("Grace Hopper")
    form.locator("[name=email]").fill("grace@example.com")
    form.locator("[name=details]").fill("My son's account")
    form.locator("[name=child_age]").fill("19")
    form.locator("select[name=relationship]").select_option("Parent")
    form.locator("button[type=submit]").click()
    expect(form.locator("[name=child_age]")).to_have_attribute("aria-invalid", "true")
    form.locator("[name=child_age]").fill("9")
    form.locator("button[type=submit]").click()
    reference = page.locator("bm-policy-assistant .msg.confirm .reference").text_content()
    row = stored_request(app, reference)
    assert row["type"] == "child_data" and row["urgent"] == 1
    assert json.loads(row["extra"]) == {"child_age": 9, "relationship": "Parent"}
    # As on the site's confirmation: handled first, and the date shown is the latest one, not the expected one.
    done = page.locator("bm-policy-assistant .msg.confirm")
    expect(done.locator("dt").nth(1)).to_have_text("We will respond by (at the latest)")
    expect(done).to_contain_text("Reports about a child's data are handled first")


# --- the visitor's conversation: kept for the tab, a box that stays in view, feedback while waiting ---

OFFLINE = "Couldn't reach the assistant. Check your connection and try again."
STORE_KEYS = {"widget": "bm-policy-assistant:conversation", "chat page": "pa-conversation"}


def reopen(surface):
    """After a reload the widget starts closed: open it again."""
    if surface.name == "widget":
        open_widget(surface.page, surface.page.url)
    return surface


def visitor_texts(surface):
    return surface.page.locator(
        "bm-policy-assistant .log > .msg.visitor" if surface.name == "widget" else "#transcript > .msg.visitor"
    ).all_text_contents()


def pending_message(surface):
    return surface.page.locator("bm-policy-assistant .log > .pending" if surface.name == "widget"
                                else "#transcript > .pending")


def test_the_conversation_survives_a_reload(surface):
    first = surface.ask(QUESTION)
    expect(first.locator("blockquote")).to_be_visible()
    second = surface.ask("Do you sell my personal data?")
    expect(second.locator("blockquote")).to_be_visible()
    shown = surface.messages.all_text_contents()
    surface.page.reload()
    reopen(surface)
    expect(surface.messages).to_have_count(len(shown))
    # Re-rendered from the stored replies (waiting for what loads after the page: suggestions, the texts).
    expect(surface.messages).to_have_text(shown)
    assert visitor_texts(surface) == [QUESTION, "Do you sell my personal data?"]
    expect(surface.box).to_be_focused()
    # Restored answers still work: a thumb is recorded.
    surface.messages.last.locator(".feedback button").first.click()
    expect(surface.messages.last.locator("[role=status]")).to_have_text("Thank you for your feedback.")


def test_chat_page_conversation_is_back_after_back_from_the_policy(sites, page):
    app, assistant, _, _ = sites
    chat = Surface("chat page", sites, page).open()
    answer = chat.ask(QUESTION)
    clause = expected_reply(app, QUESTION).citations[0].clause
    answer.locator(".cite a").click()
    page.wait_for_url(f"**/policy/v/1#{clause.anchor}")
    page.go_back()
    page.wait_for_url(assistant.url("/"))
    expect(chat.messages).to_have_count(2)
    assert visitor_texts(chat) == [QUESTION]
    expect(chat.messages.last.locator("blockquote .quote")).to_have_text(expected_reply(app, QUESTION).message)


def test_new_conversation_clears_the_screen_and_the_stored_copy(surface):
    surface.ask(QUESTION)
    fresh = surface.page.get_by_role("button", name="New conversation")
    fresh.click()
    expect(surface.page.locator(".msg.visitor" if surface.name == "chat page"
                                else "bm-policy-assistant .msg.visitor")).to_have_count(0)
    expect(fresh).to_be_hidden()
    expect(surface.box).to_be_focused()
    assert surface.page.evaluate("k => sessionStorage.getItem(k)", STORE_KEYS[surface.name]) is None
    surface.page.reload()
    reopen(surface)
    expect(surface.page.locator(".msg.visitor" if surface.name == "chat page"
                                else "bm-policy-assistant .msg.visitor")).to_have_count(0)
    if surface.name == "widget":
        expect(surface.page.locator("bm-policy-assistant .greeting")).to_be_visible()  # the greeting stays


def test_the_conversation_is_bounded(sites, page):
    chat = Surface("chat page", sites, page).open()
    answer = chat.ask(QUESTION)
    expect(answer.locator("blockquote")).to_be_visible()
    stored = page.evaluate("JSON.parse(sessionStorage.getItem('pa-conversation'))")
    page.evaluate("s => sessionStorage.setItem('pa-conversation', JSON.stringify(Array(60).fill(s[0])))", stored)
    page.reload()
    expect(chat.messages).to_have_count(120)
    chat.ask("Do you sell my personal data?")
    expect(chat.messages).to_have_count(122)
    assert page.evaluate("JSON.parse(sessionStorage.getItem('pa-conversation')).length") == 50


@pytest.mark.parametrize("width, height", [(1280, 800), (360, 740)])
@pytest.mark.parametrize("where", ["widget", "chat page"])
def test_the_question_box_stays_in_view_after_ten_answers(sites, chromium, where, width, height):
    context = chromium.new_context(viewport={"width": width, "height": height})
    context.set_default_timeout(10_000)
    try:
        surface = Surface(where, sites, context.new_page()).open()
        expect(surface.box).to_be_focused()
        questions = [QUESTION, "Do you sell my personal data?"] * 5
        for question in questions:
            expect(surface.ask(question).locator("blockquote")).to_be_visible()
        expect(surface.box).to_be_in_viewport(ratio=1)
        expect(surface.box).to_be_focused()
        expect(surface.messages.last).to_be_in_viewport()  # the latest answer is in sight too
        if where == "chat page":
            # The page scrolls under the form, which stays put.
            assert surface.page.evaluate("window.scrollY") > 0
        surface.page.reload()
        reopen(surface)
        expect(surface.messages.filter(has=surface.page.locator("blockquote"))).to_have_count(10)
        expect(surface.box).to_be_in_viewport(ratio=1)
        expect(surface.box).to_be_focused()
        assert surface.page.evaluate("document.documentElement.scrollWidth") <= width
        save_screenshot(surface.page, f"{where.replace(' ', '-')}-ten-answers-{width}")
    finally:
        context.close()


def test_a_pending_question_shows_the_thinking_state(surface):
    held = hold_posts(surface.page, "**/api/ask")
    surface.box.fill(QUESTION)
    surface.box.press("Enter")
    thinking = pending_message(surface)
    expect(thinking).to_have_text("Looking in the policy\u2026")
    # Inside the live region, so it is announced.
    assert thinking.evaluate("e => e.closest('[aria-live=polite]') !== null")
    submit = surface.page.locator("bm-policy-assistant .ask button" if surface.name == "widget"
                                  else "#ask button[type=submit]")
    expect(submit).to_be_disabled()
    held_routes(surface.page, held)[0].continue_()
    expect(surface.messages.last.locator("blockquote")).to_be_visible()
    expect(thinking).to_have_count(0)
    expect(submit).to_be_enabled()


def test_a_network_failure_says_so_and_try_again_answers(surface):
    app = surface.app
    surface.page.route("**/api/ask", lambda route: route.abort("internetdisconnected"), times=1)
    failed = surface.ask(QUESTION)
    expect(failed).to_have_attribute("role", "alert")
    expect(failed.locator("p")).to_have_text(OFFLINE)
    expect(pending_message(surface)).to_have_count(0)
    with surface.page.expect_response(is_ask) as answered:
        failed.get_by_role("button", name="Try again").click()
    assert answered.value.ok
    expect(surface.messages.last.locator("blockquote .quote")).to_have_text(expected_reply(app, QUESTION).message)
    expect(surface.page.locator("[role=alert]")).to_have_count(0)
    assert visitor_texts(surface) == [QUESTION]  # asked once, sent twice
    stored = surface.page.evaluate("k => JSON.parse(sessionStorage.getItem(k))", STORE_KEYS[surface.name])
    exchanges = stored["exchanges"] if surface.name == "widget" else stored
    assert [e["shown"] for e in exchanges] == [QUESTION]


def test_a_stored_copy_that_cannot_be_drawn_is_dropped(surface):
    key = STORE_KEYS[surface.name]
    broken = ({"session": "x", "exchanges": [{"shown": "hi", "reply": None}]} if surface.name == "widget"
              else [{"shown": "hi", "reply": None}])
    surface.page.evaluate("([k, v]) => sessionStorage.setItem(k, JSON.stringify(v))", [key, broken])
    surface.page.reload()
    reopen(surface)
    expect(surface.page.locator("bm-policy-assistant .msg.visitor" if surface.name == "widget"
                                else "#transcript .msg.visitor")).to_have_count(0)
    assert surface.page.evaluate("k => sessionStorage.getItem(k)", key) is None
    expect(surface.ask(QUESTION).locator("blockquote")).to_be_visible()
    assert surface.page.console_errors == []


def test_a_reply_after_new_conversation_is_not_shown(surface):
    # The first answer must be in before the second question: "Ask" is disabled while one is pending.
    expect(surface.ask(QUESTION).locator("blockquote")).to_be_visible()
    held = hold_posts(surface.page, "**/api/ask")
    surface.box.fill("Do you sell my personal data?")
    surface.box.press("Enter")
    expect(pending_message(surface)).to_have_count(1)
    surface.page.get_by_role("button", name="New conversation").click()
    with surface.page.expect_response(is_ask):
        held_routes(surface.page, held)[0].continue_()
    surface.page.wait_for_timeout(100)
    assert visitor_texts(surface) == []
    expect(surface.page.locator("bm-policy-assistant .log blockquote" if surface.name == "widget"
                                else "#transcript blockquote")).to_have_count(0)
    assert surface.page.evaluate("k => sessionStorage.getItem(k)", STORE_KEYS[surface.name]) is None
    assert surface.page.console_errors == []

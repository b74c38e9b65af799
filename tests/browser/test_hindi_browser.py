"""The interface in Hindi, end to end in a real Chromium: ask, handoff, the form with errors, the confirmation;
on the chat page and in the widget on another site's page; and the switchers that remember the choice."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from app.platform import timefmt

from .conftest import held_routes, hold_posts, save_screenshot
from .test_verification_browser import code_for, confirm_after_a_wrong_code, wrong_code
from .test_widget_browser import (DELETION, Surface, ask, csp_violations, open_widget, pending_message,
                                  stored_request)

pytestmark = pytest.mark.browser

MONTHS_EN = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b")


@pytest.fixture
def hindi_page(chromium):
    """A browser whose languages are Hindi first (Accept-Language: hi-IN,...)."""
    context = chromium.new_context(viewport={"width": 1280, "height": 800}, locale="hi-IN")
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
    yield page
    context.close()


def hindi_date(app, iso: str) -> str:
    with app.test_request_context("/?lang=hi"):
        return timefmt.format_date(iso)


def test_chat_page_in_hindi_from_question_to_confirmation_code_and_status(sites, mailbox, hindi_page):
    app, assistant, _, _ = sites
    page = hindi_page
    page.goto(assistant.url("/"))
    expect(page.locator("html")).to_have_attribute("lang", "hi")
    expect(page.locator("h1")).to_have_text("हमारी गोपनीयता नीति के बारे में पूछें")
    expect(page.locator("#question")).to_have_attribute("placeholder", re.compile("^जैसे:"))
    expect(page.locator(".language-note")).to_contain_text("अंग्रेज़ी में प्रकाशित")

    page.fill("#question", DELETION)
    page.press("#question", "Enter")
    answer = page.locator("#transcript > .msg.assistant").last
    expect(answer.locator("blockquote")).to_have_attribute("lang", "en")  # the published text, as published
    expect(answer.locator(".cite")).to_contain_text("स्रोत:")
    expect(answer.locator(".feedback")).to_contain_text("क्या यह मददगार रहा?")
    expect(page.locator(".new-conversation")).to_have_text("नई बातचीत")
    handoff = answer.locator(".handoff a")
    expect(handoff).to_have_text("मेरा डेटा मिटाएँ: अनुरोध फ़ॉर्म खोलें")
    save_screenshot(page, "hi-chat-page-1280")

    handoff.click()
    page.wait_for_url("**/request**")
    expect(page.locator("h1")).to_have_text("मेरा डेटा मिटाएँ")
    expect(page.locator("label[for=name]")).to_have_text("आपका नाम")
    expect(page.locator("#details")).to_have_value(DELETION)  # the visitor's words came along
    page.fill("#email", "not an address")
    page.get_by_role("button", name="अनुरोध भेजें").click()
    expect(page.locator("#form-errors")).to_have_text("कृपया नीचे चिह्नित फ़ील्ड ठीक करें।")
    expect(page.locator("#name-error")).to_have_text("कृपया यह भरें: आपका नाम।")
    expect(page.locator("#email-error")).to_have_text("name@example.com जैसा ई-मेल पता लिखें।")
    save_screenshot(page, "hi-form-errors-1280")

    page.fill("#name", "आशा पाटील")
    page.fill("#email", "hindi-chat@example.com")
    page.get_by_role("button", name="अनुरोध भेजें").click()
    page.wait_for_url("**/request/received")
    expect(page.locator("h1")).to_have_text("हमें आपका अनुरोध मिल गया है")
    reference = page.locator(".reference").text_content()
    row = stored_request(app, reference)
    assert row["name"] == "आशा पाटील" and row["type"] == "deletion"
    due = page.locator(".receipt time").last
    expect(due).to_have_text(hindi_date(app, row["due_date"]))
    assert not MONTHS_EN.search(page.locator(".receipt").text_content())
    save_screenshot(page, "hi-confirmation-1280")

    # The code comes in a Hindi mail; a wrong one is refused in Hindi, the right one confirms the address.
    code = code_for(mailbox, "hindi-chat@example.com", "के लिए अपने ई-मेल पते की पुष्टि करें")
    confirm_after_a_wrong_code(page, code, "ई-मेल में आया कोड", "पुष्टि करें", "यह कोड सही नहीं है")
    page.locator("#verified").get_by_role("link", name="अपने अनुरोध की स्थिति देखें").click()
    page.wait_for_url("**/request/status")
    expect(page.locator("h1")).to_have_text(f"अनुरोध {reference}")
    expect(page.locator(".verified-state")).to_have_text("पुष्टि हो गई")
    expect(page.locator(".status")).to_have_text("प्राप्त, काम अभी शुरू नहीं हुआ")
    expect(page.locator("ol.history li")).to_have_count(2)
    expect(page.locator("ol.history")).to_contain_text("ई-मेल पते की पुष्टि हुई")
    save_screenshot(page, "hi-status-1280")
    assert csp_violations(page) == []


@pytest.mark.parametrize("where", ["chat page", "widget"])
def test_thinking_failure_and_retry_in_hindi(sites, hindi_page, where):
    page = hindi_page
    surface = Surface(where, sites, page).open()
    expect(surface.box).to_have_attribute("placeholder", re.compile("^जैसे:"))  # the Hindi texts are in
    held = hold_posts(page, "**/api/ask")  # held: the visitor sees the thinking state
    surface.box.fill("Do you sell my data?")
    surface.box.press("Enter")
    expect(pending_message(surface)).to_have_text("नीति में खोज रहे हैं…")
    held_routes(page, held)[0].abort()  # then the network fails
    error = surface.messages.last
    expect(error).to_have_attribute("role", "alert")
    expect(error).to_contain_text("सहायक से संपर्क नहीं हो सका")
    page.unroute("**/api/ask")
    error.get_by_role("button", name="फिर से कोशिश करें").click()
    expect(surface.messages.last.locator("blockquote")).to_be_visible()


def test_the_switcher_on_the_chat_page_remembers_hindi(sites, page):
    _, assistant, _, _ = sites
    page.goto(assistant.url("/policy"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_role("navigation", name="Language").get_by_role("link", name="हिन्दी").click()
    page.wait_for_url(assistant.url("/policy"))
    expect(page.locator("html")).to_have_attribute("lang", "hi")
    expect(page.locator(".language-note")).to_have_text(
        "गोपनीयता नीति अंग्रेज़ी में प्रकाशित है: नीचे दिया गया अंग्रेज़ी पाठ ही मान्य है।")
    expect(page.locator("article.policy")).to_have_attribute("lang", "en")
    page.goto(assistant.url("/"))  # another page, later: still Hindi
    expect(page.get_by_role("navigation", name="भाषा").get_by_role("link", name="हिन्दी")).to_have_attribute(
        "aria-current", "true")
    expect(page.get_by_role("button", name="पूछें")).to_be_visible()
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    assert cookies["lang"] == "hi"
    page.get_by_role("navigation", name="भाषा").get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")


def open_hindi_request(page, listed):
    open_widget(page, listed.url())
    expect(page.locator("bm-policy-assistant")).to_have_attribute("lang", "hi")
    box = page.locator("bm-policy-assistant #bm-question")
    expect(box).to_have_attribute("placeholder", re.compile("^जैसे:"))
    box.fill(DELETION)
    box.press("Enter")
    answer = page.locator("bm-policy-assistant .log > .msg.assistant").last
    expect(answer.locator("blockquote")).to_have_attribute("lang", "en")
    start = answer.locator(".start-request")
    expect(start).to_have_text("मेरा डेटा मिटाएँ")
    start.click()
    return page.locator("bm-policy-assistant form.request")


def test_widget_in_hindi_from_question_to_confirmation_and_code(sites, mailbox, hindi_page):
    app, assistant, listed, _ = sites
    page = hindi_page
    launcher = page.locator("bm-policy-assistant .launcher")
    page.goto(listed.url())
    expect(launcher).to_have_text("गोपनीयता से जुड़े प्रश्न")
    expect(page.locator("bm-policy-assistant .greeting .hint")).to_contain_text("अंग्रेज़ी में प्रकाशित")
    form = open_hindi_request(page, listed)
    # The assistant's own pages open from the widget in its language (and remember it there).
    expect(page.locator("bm-policy-assistant .buttons a").last).to_have_attribute("href", re.compile(r"[?&]lang=hi\b"))
    expect(page.locator("bm-policy-assistant .cite a").last).to_have_attribute("href", re.compile(r"\?lang=hi#"))
    expect(form.locator(".legend")).to_have_text("मेरा डेटा मिटाएँ")
    expect(form.locator("label").first).to_contain_text("आपका नाम")
    expect(form.locator("[name=details]")).to_have_value(DELETION)
    form.locator("[name=email]").fill("not an address")
    form.get_by_role("button", name="अनुरोध भेजें").click()
    expect(form.get_by_role("alert")).to_have_text("कृपया सूचीबद्ध फ़ील्ड ठीक करें।")
    name_error = form.locator("#" + form.locator("[name=name]").get_attribute("aria-describedby").split()[-1])
    expect(name_error).to_have_text("कृपया यह भरें: आपका नाम।")
    save_screenshot(page, "hi-widget-request-errors")

    form.locator("[name=name]").fill("आशा पाटील")
    form.locator("[name=email]").fill("hindi-widget@example.com")
    form.get_by_role("button", name="अनुरोध भेजें").click()
    confirmation = page.locator("bm-policy-assistant .msg.confirm")
    expect(confirmation).to_contain_text("धन्यवाद। हमें आपका अनुरोध मिल गया है।")
    row = stored_request(app, confirmation.locator(".reference").text_content())
    assert row["name"] == "आशा पाटील" and row["language"] == "hi"
    expect(confirmation.locator("time.due")).to_have_text(hindi_date(app, row["due_date"]))
    code_form = confirmation.locator(".verify form")
    expect(code_form).to_contain_text("हमने आपको 6 अंकों का कोड ई-मेल किया है।")
    expect(code_form.get_by_role("button", name="नया कोड भेजें")).to_be_visible()
    save_screenshot(page, "hi-widget-confirmation")

    code = code_for(mailbox, "hindi-widget@example.com", "के लिए अपने ई-मेल पते की पुष्टि करें")
    box = code_form.get_by_label("ई-मेल में आया कोड")
    box.fill(wrong_code(code))
    code_form.get_by_role("button", name="पुष्टि करें").click()
    expect(code_form.locator(".field-error")).to_contain_text("यह कोड सही नहीं है")  # the API's words, in Hindi
    code_form.get_by_role("button", name="नया कोड भेजें").click()  # too soon after the first
    expect(code_form.locator(".hint[role=status]")).to_contain_text("दूसरा कोड माँगने से पहले कृपया")
    box.fill(code)
    code_form.get_by_role("button", name="पुष्टि करें").click()
    done = page.locator("bm-policy-assistant .verified")
    expect(done).to_contain_text("आपके ई-मेल पते की पुष्टि हो गई है। हमने आपको रसीद भेज दी है।")
    status_link = done.get_by_role("link", name="अपने अनुरोध की स्थिति देखें")
    assert status_link.get_attribute("href") == assistant.url("/request/status", lang="hi")
    expect(done).to_be_visible()
    save_screenshot(page, "hi-widget-verified")
    assert csp_violations(page) == []


def test_the_widget_switcher_changes_and_remembers_the_language(sites, page):
    _, _, listed, _ = sites
    open_widget(page, listed.url())
    group = page.locator("bm-policy-assistant .langs")
    expect(group).to_be_visible()
    expect(page.locator("bm-policy-assistant .panel h2")).to_have_text("Privacy questions")
    expect(page.locator("bm-policy-assistant .greeting .hint")).to_be_hidden()  # English needs no note
    group.get_by_role("button", name="हिन्दी").click()
    expect(page.locator("bm-policy-assistant .panel h2")).to_have_text("गोपनीयता से जुड़े प्रश्न")
    expect(page.locator("bm-policy-assistant .action").last).to_have_text("पूछें")
    expect(group.get_by_role("button", name="हिन्दी")).to_have_attribute("aria-pressed", "true")
    expect(group.get_by_role("button", name="हिन्दी")).to_be_focused()
    # Asked after the switch, the assistant's fixed reply is in Hindi too.
    box = page.locator("bm-policy-assistant #bm-question")
    box.fill("hello")
    box.press("Enter")
    expect(page.locator("bm-policy-assistant .log > .msg.assistant").last).to_contain_text("नमस्ते!")
    page.reload()  # the host site's storage remembers the choice
    expect(page.locator("bm-policy-assistant .launcher")).to_have_text("गोपनीयता से जुड़े प्रश्न")
    page.locator("bm-policy-assistant .launcher").click()
    page.locator("bm-policy-assistant .langs").get_by_role("button", name="English").click()
    expect(page.locator("bm-policy-assistant .panel h2")).to_have_text("Privacy questions")


def test_data_lang_on_the_script_tag_chooses_the_widget_language(sites, page):
    _, _, listed, _ = sites
    page.goto(listed.url(lang="hi"))
    expect(page.locator("bm-policy-assistant .launcher")).to_have_text("गोपनीयता से जुड़े प्रश्न")


def test_a_reload_brings_the_widget_conversation_back_in_hindi(sites, hindi_page):
    """The stored answers are drawn again with the Hindi labels, not the English ones the script starts with."""
    _, _, listed, _ = sites
    page = hindi_page
    open_widget(page, listed.url())
    answer = ask(page, DELETION)
    expect(answer.locator(".feedback")).to_contain_text("मददगार रहा?")
    messages = page.locator("bm-policy-assistant .log > .msg")
    shown = messages.all_text_contents()
    page.reload()
    open_widget(page, page.url)
    expect(messages).to_have_text(shown)
    expect(messages.last.locator(".feedback")).to_contain_text("मददगार रहा?")
    expect(messages.last.locator(".start-request")).to_have_text("मेरा डेटा मिटाएँ")
    expect(messages.last.locator(".cite")).to_contain_text("स्रोत:")


def test_switching_the_widget_language_draws_the_answers_again_in_it(sites, page):
    _, _, listed, _ = sites
    open_widget(page, listed.url())
    answer = ask(page, DELETION)
    expect(answer.locator(".feedback")).to_contain_text("Helpful?")
    expect(answer.locator(".start-request")).to_have_text("Delete my data")
    page.locator("bm-policy-assistant .langs").get_by_role("button", name="हिन्दी").click()
    answer = page.locator("bm-policy-assistant .log > .msg.assistant").last
    expect(answer.locator(".feedback")).to_contain_text("मददगार रहा?")
    expect(answer.locator(".cite")).to_contain_text("स्रोत:")
    expect(answer.locator("blockquote")).to_have_attribute("lang", "en")  # the quote stays as published
    expect(page.locator("bm-policy-assistant .log > .msg.visitor")).to_have_text([DELETION])
    # A request form being filled in is never thrown away by a switch.
    answer.locator(".start-request").click()
    form = page.locator("bm-policy-assistant form.request")
    form.locator("[name=name]").fill("Asha")
    page.locator("bm-policy-assistant .langs").get_by_role("button", name="English").click()
    expect(page.locator("bm-policy-assistant .panel h2")).to_have_text("Privacy questions")
    expect(form.locator("[name=name]")).to_have_value("Asha")

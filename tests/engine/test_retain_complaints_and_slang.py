"""Session 43, from the reviews' messy wordings: "retain" alone asks no time ("why do you retain my data" is the
purpose); a complaint about the service failing is support, not a grievance about data; a case supposed before the
question ("suppose my son signed up, what would you do?") asks; and everyday words the lexicons lacked ("del my data",
"ur phn no", "intl transfers", "dekhne ka haq", "reply kitne din mein milega"). Each kind is tested next to the
wordings that must not change."""

import pytest

from tests.replies import top_section

RETENTION = "How long data is kept"


@pytest.mark.parametrize("question, section", [
    ("why do you retain my data", "3"),
    ("Why does the website retain my information?", "3"),
    ("what data do you retain", "2"),
    ("do you retain my personal info", "2"),
])
def test_retain_without_a_time_is_what_is_kept_or_why(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == section


@pytest.mark.parametrize("question", [
    "how long do you retain my data",
    "is my data retained forever",
    "do you retain data after i close my account",
    "for how many years is customer info retained",
    "Till what period my data will be retained after I discontinue the services?",
    "what is your data retention period",
    "how much time do you keep my data",
])
def test_how_long_data_is_retained_stays_not_covered(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.gap is not None and reply.gap.topic == RETENTION


@pytest.mark.parametrize("message", [
    "I want to complain about your API latency, messages are arriving 10 minutes late.",
    "i want to complain, your dashboard is down since morning",
    "complaint: my sms credits got deducted twice",
    "I want to lodge a complaint about the slow API",
])
def test_a_complaint_about_the_service_failing_is_no_grievance(assistant, message):
    assert assistant.answer(message).handoff is None


@pytest.mark.parametrize("message", [
    "I want to complain that your API leaked my number to spammers",
    "my data was misused through your dashboard, I want to file a complaint",
    "complaint: you sold my number, I get spam calls daily",
    "I am not happy with how you handled my data, nobody replied to my deletion request",
])
def test_a_complaint_about_the_visitors_data_is_still_a_grievance(assistant, message):
    assert assistant.answer(message).handoff == "grievance"


@pytest.mark.parametrize("question, section", [
    ("Suppose my son signed up, what would you do?", "9"),
    ("Hypothetically, if someone misused my data, who would I complain to?", "12"),
    ("imagine my data leaked, who do i complain to?", "12"),
])
def test_a_case_supposed_before_the_question_asks(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.handoff is None and reply.answered and top_section(reply) == section


@pytest.mark.parametrize("message, intent", [
    ("suppose you have my data, delete it?", "deletion"),  # an instruction after the case, no question
    ("suppose my 10 year old signed up. delete his account", "child_data"),
])
def test_an_instruction_after_a_supposed_case_still_hands_off(assistant, message, intent):
    assert assistant.answer(message).handoff == intent


@pytest.mark.parametrize("message", ["del my data asap thx", "pls del my account", "del all my info"])
def test_del_is_delete_before_the_visitors_things(assistant, message):
    assert assistant.answer(message).handoff == "deletion"


def test_del_alone_is_no_deletion(assistant):
    reply = assistant.answer("i live in new del, what data do you collect")
    assert reply.handoff is None and top_section(reply) == "2"


@pytest.mark.parametrize("question, section", [
    ("apna data dekhne ka haq hai kya mujhe", "6"),
    ("aap marketing messages bhejne ke liye mera data use karoge kya", "3"),
    ("r intl transfers legal n safe", "10"),
])
def test_everyday_words_the_lexicons_read(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == section and reply.handoff is None


@pytest.mark.parametrize("question, line", [
    ("ur phn no pls", "Phone:"),
    ("reply kitne din mein milega", "We will respond"),
    ("jawab kitne din mein aayega", "We will respond"),
])
def test_our_details_in_slang_and_hindi_word_order(assistant, question, line):
    reply = assistant.answer(question)
    assert reply.answered and reply.reason == "company" and reply.quotes[0].text.startswith(line)


def test_how_long_data_is_kept_in_hindi_stays_not_covered(assistant):
    reply = assistant.answer("mera data kitne din tak rakhte ho")
    assert not reply.answered and reply.gap is not None and reply.gap.topic == RETENTION

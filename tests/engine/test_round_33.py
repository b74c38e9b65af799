"""Round 33: requests told as what is not wanted, probed with the team's own wordings (not a table's misses)."""

import pytest


# Told not to pass the visitor's data on: an objection, in English and Hinglish.
@pytest.mark.parametrize("question", [
    "don't share my data with anyone",
    "please do not share my details with third parties",
    "do not sell my data",
    "dont give my number to telemarketers pls",
    "mera data kisi ko mat do",
])
def test_told_not_to_pass_data_on(assistant, question):
    assert assistant.answer(question).handoff == "objection", question


# Not wanting our e-mails is an opt-out.
@pytest.mark.parametrize("question", ["I dont want any emails from you",
                                      "mujhe ab koi email nahi chahiye aapki taraf se"])
def test_no_more_of_our_emails(assistant, question):
    assert assistant.answer(question).handoff == "marketing_opt_out", question


@pytest.mark.parametrize("question", [
    "Do not share my data?",
    "if I don't share my number, can I still use the app?",
    "I don't want to share my data with you",
    "I don't want any emails, just SMS, is that possible for my campaigns?",
])
def test_questions_and_conditions_make_no_request(assistant, question):
    assert assistant.answer(question).handoff is None, question


# Hinglish hours: "kitne baje" is what time, "khulta" opens.
@pytest.mark.parametrize("question", ["aapka office kitne baje khulta hai?", "what time do you open"])
def test_when_we_open(assistant, question):
    reply = assistant.answer(question)
    assert reply.reason == "company" and reply.message.startswith("Business Hours:"), question


def test_what_time_of_the_product_is_not_our_hours(assistant):
    assert assistant.answer("what time does your app send the otp").reason != "company"

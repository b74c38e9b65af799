"""Round 33: Hinglish business hours, probed with the team's own wordings (not a table's misses)."""

import pytest


# "kitne baje khulta hai": what time do you open.
@pytest.mark.parametrize("question", ["aapka office kitne baje khulta hai?", "what time do you open",
                                      "office kab khulta hai"])
def test_when_we_open(assistant, question):
    reply = assistant.answer(question)
    assert reply.reason == "company" and reply.message.startswith("Business Hours:"), question


@pytest.mark.parametrize("question", ["what time does your app send the otp", "mera email link nahi khulta",
                                      "kitne baje tak mera data delete ho jayega"])
def test_what_is_not_our_hours(assistant, question):
    assert assistant.answer(question).reason != "company", question

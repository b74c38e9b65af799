"""The review of rounds 28 to 30: wordings of a second reader's own on which those rounds' rules over-reached."""

import pytest

from tests.replies import top_section


# Answered by the policy, not declined by a gap phrase of rounds 28 and 29.
@pytest.mark.parametrize("question, section", [
    ("what happens to my data after a merger or if u get acquired", "4"),
    ("what happens to my data after you collect it", "3"),
    ("can you share my data without giving my consent", "4"),
    ("can police look me up in your records", "4"),
    ("do you collect my ip address when i use public wifi networks", "2"),
    ("do you use machine learning to detect fraud on my account", "3"),
    ("how will i know if the policy got last updated", "11"),
    ("as per mail i got from ur team, my data will be sent abroad. is that true?", "10"),
    ("can i get a copy of my data after i close my account", "6"),
])
def test_answered_not_declined(assistant, question, section):
    assert top_section(assistant.answer(question)) == section, question


# Whom to complain to here, when the complaint is not made to someone else.
@pytest.mark.parametrize("question", ["where do i complain if my aadhaar details got misused by ur app",
                                      "how to escalate a complaint about my data being kept forever"])
def test_a_complaint_to_us_is_our_contact_line(assistant, question):
    assert assistant.answer(question).reason == "company", question


def test_how_soon_we_reply_is_not_a_breach_notice(assistant):
    reply = assistant.answer("how soon will you tell me after i ask for a copy of my data")
    assert reply.gap is None and top_section(reply) == "12"


def test_who_signs_off_requests_is_not_our_hours(assistant):
    reply = assistant.answer("who in your team signs off on deletion requests")
    assert reply.reason != "company" and top_section(reply) == "6"


# Hinglish puts "aap" (read "you") between the data and the verb: still an access request.
@pytest.mark.parametrize("question", ["mera saara data aap send kar do", "meri details aap mujhe send kardo please"])
def test_hinglish_with_aap_still_hands_off(assistant, question):
    assert assistant.answer(question).handoff == "access", question


@pytest.mark.parametrize("question", ["how do i send a request through your API to send bulk sms",
                                      "mujhe invoice chahiye, koi file i can download?"])
def test_product_requests_are_not_rights(assistant, question):
    reply = assistant.answer(question)
    assert reply.handoff is None and top_section(reply) != "6", question


@pytest.mark.parametrize("question", ["do you keep a copy of my data after i close my account",
                                      "what happens to my info after i stop using the app"])
def test_data_after_leaving_is_still_not_covered(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "not_covered", question

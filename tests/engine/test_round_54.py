"""Round 54: abstention misses that several of the readable tables share (fresh34, fresh42, fresh47), fixed by kind
and tested here with the team's own wordings next to the ones that must not change."""

import pytest

from tests.replies import top_section


# A fact about us the policy does not give, asked beside a way to reach us: declined with the contact details
# (corpus/gaps.yaml, `company: true`), not answered with a line of Contact Us.
@pytest.mark.parametrize("question, topic", [
    ("pls share the name of your grievance officer so i can write to him", "A data protection officer"),
    ("we need your grievance officer's name and designation for our vendor file", "A data protection officer"),
    ("is there a whatsapp number for support, the phone is always busy", "A WhatsApp line for support"),
    ("can i reach you on whatsapp instead of email", "A WhatsApp line for support"),
    ("who is the owner of blue messaggio, i want to write to them", "Facts about the company not in the policy"),
])
def test_a_fact_about_us_the_policy_does_not_give_is_declined(assistant, question, topic):
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "not_covered" and reply.gap.topic == topic
    assert "Email: " in reply.message and "Phone: " in reply.message  # the decline lists how to reach us


@pytest.mark.parametrize("question, line", [("who is your grievance officer?", None),
                                            ("whom do i complain to about my data", None),
                                            ("what is your phone number", "Phone:"),
                                            ("give me your whatsapp number, integration failed", "Phone:"),
                                            ("whats your email id", "Email:")])
def test_our_details_are_still_answered_from_contact_us(assistant, question, line):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == "12"
    assert line is None or reply.message.startswith(line)


# How long data is kept, said as years of holding on, a wipe when left unused, or what happens before a purge.
@pytest.mark.parametrize("question", [
    "do you hold on to my contacts for years even after i leave",
    "is my account wiped automatically if i stop using it",
    "how long will my files stay with you before being deleted",
])
def test_how_long_data_is_kept_in_other_words_is_declined(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.gap is not None and reply.gap.topic == "How long data is kept"


@pytest.mark.parametrize("question, section", [("can i delete my data", "6"), ("what data do you keep about me", "2")])
def test_keeping_and_deleting_are_still_answered(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == section


# A grievance officer whose name is asked for is a person, no grievance made; a complaint to that officer still hands
# off.
@pytest.mark.parametrize("message, handoff", [
    ("pls share the name of your grievance officer so i can write to him", None),
    ("we need your grievance officer's name and designation for our vendor file", None),
    ("i want to complain to your grievance officer that you leaked my number", "grievance"),
    ("I want to file a grievance about how you handled my data", "grievance"),
])
def test_the_grievance_officer_is_no_grievance(assistant, message, handoff):
    assert assistant.answer(message).handoff == handoff

"""The review of round 42: wordings of the reviewer's that round 42 made worse, each answered as before it again."""

import pytest

from tests.replies import top_section


# The visitor's own access request, with staff or advertisers named, still asks.
@pytest.mark.parametrize("question", ["can my staff access my account data? i want them to download it",
                                      "staff access karte hai kya mere messages ko? mujhe mera data chahiye"])
def test_the_visitors_own_access_with_others_named(assistant, question):
    assert assistant.answer(question).handoff == "access", question


def test_details_changed_by_a_merger_is_no_correction(assistant):
    reply = assistant.answer("my details changed after the merger, is my data transferred")
    assert reply.handoff is None and top_section(reply) == "4"


# "no" as a no, counts of things, and product lines are no number of ours.
@pytest.mark.parametrize("question", ["no i can call later", "no worries i can call my bank instead",
                                      "is there a limit on the number of customers i can call with voice broadcast",
                                      "is there a phone line verification step when signing up",
                                      "is there a phone line for data sim in your plan"])
def test_no_phone_line_of_ours(assistant, question):
    assert assistant.answer(question).reason != "company", question


@pytest.mark.parametrize("question", ["is the number 9820011111 yours?", "+91 9820011111 number yours?"])
def test_whose_number_is_still_asked(assistant, question):
    assert assistant.answer(question).reason == "company", question


@pytest.mark.parametrize("question", ["email id to get support from you?", "email for getting a quote from you"])
def test_our_email_address_asked(assistant, question):
    reply = assistant.answer(question)
    assert reply.reason == "company" and "Email:" in reply.message, question


# Counts and ages of 13 or over are no child under 13.
@pytest.mark.parametrize("question", ["we send our students 10 otps a day, do you store them",
                                      "my brother 3 numbers use karta hai, delete all",
                                      "my brother 15 wants to make an account"])
def test_no_child_under_13(assistant, question):
    assert assistant.answer(question).handoff != "child_data", question
    assert top_section(assistant.answer(question)) != "9", question


def test_my_bro_at_your_company_is_staff(assistant):
    assert top_section(assistant.answer("my bro works at your company, can he see my data?")) == "5"

"""The review of round 38: wordings of the reviewer's own that round 38 (68b26a3) answered worse than the code before
it, each answered as before (or better) after the rules were narrowed."""

import pytest


# Our own office asked as a "branch", the visitor's data going to other offices, and franchise partners as third
# parties are no question about branches elsewhere.
@pytest.mark.parametrize("question", ["do you have a branch in Mumbai", "is your main branch in mumbai"])
def test_our_own_branch_is_our_address(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and "Address:" in reply.message, question


@pytest.mark.parametrize("question, section", [
    ("do you transfer my data to your branches outside India", "10"),
    ("will my data go to your overseas branches or other countries", "10"),
    ("does your regional office in europe process my data", "10"),
    ("do you share my information with franchise partners", "4"),
])
def test_data_going_to_other_offices_is_answered(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section == section, question


# A job title, the people who work for us, and data given to recruiters are no question about jobs at Blue Messaggio.
@pytest.mark.parametrize("question, section", [
    ("why do you collect my job title at registration", "3"),
    ("do employees who work for you get security training", "5"),
    ("do you sell my number to job portals or hiring platforms", "4"),
])
def test_jobs_words_in_other_senses(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section == section, question


# The visitor's own lack of a phone line asks no phone number of ours.
def test_the_visitors_own_phone_line(assistant):
    reply = assistant.answer("i dont have a phone line, how else can i contact you")
    assert not reply.message.startswith("Phone:")


# "kahan likhu" next to a product thing is no contact question; "kya service de rahe ho" no sharing.
@pytest.mark.parametrize("question", ["otp kahan likhu", "api key kahan likhun"])
def test_where_to_write_a_product_thing(assistant, question):
    reply = assistant.answer(question)
    assert reply.reason != "company", question


def test_our_reply_time_in_hinglish_is_still_answered(assistant):
    reply = assistant.answer("aap log kitna time de rahe ho reply ke liye")
    assert reply.answered and "We will respond" in reply.message


# Market penetration is no security test.
def test_market_penetration(assistant):
    reply = assistant.answer("what is your market penetration in india")
    assert not (reply.answered and reply.citations[0].clause.section == "5")


# "tldr" or "overview" before a request, or an overview of what is held on the visitor, asks it done.
@pytest.mark.parametrize("question, intent", [("tldr delete my data", "deletion"),
                                              ("tldr unsubscribe me from all sms", "marketing_opt_out"),
                                              ("give me an overview of all the data you have on me", "access")])
def test_a_request_after_tldr_or_overview(assistant, question, intent):
    assert assistant.answer(question).handoff == intent, question


def test_an_overview_of_my_rights_is_answered(assistant):
    reply = assistant.answer("can you give me an overview of my rights")
    assert reply.answered and reply.citations[0].clause.section == "6"


def test_an_overview_alone_is_no_answer(assistant):
    assert not assistant.answer("give me an overview").answered


# A data request sent by post still asks our address.
def test_data_requests_by_post(assistant):
    reply = assistant.answer("where do my data requests go, is there a postal address")
    assert reply.answered and "Address:" in reply.message

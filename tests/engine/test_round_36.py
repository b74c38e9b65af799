"""Round 36: the kinds of miss in the thirty-second visitor table (fresh30), fixed by kind and tested here with the
team's own wordings next to the ones that must not change."""

import pytest


# A right's verb on "it" / "them", in a message whose other clause names only a product thing, acts on that thing
# (when the product's topic is named: "I set up a campaign by mistake. How do I delete it?" is still answered from
# section 6, a miss left).
@pytest.mark.parametrize("question", ["I scheduled a campaign for the wrong date, how do I delete it before it goes out?",
                                      "our campaign is scheduled for tonight, can I remove it?"])
def test_deleting_a_product_thing_named_before(assistant, question):
    reply = assistant.answer(question)
    assert reply.handoff is None and not (reply.answered and reply.citations[0].clause.section == "6"), question


@pytest.mark.parametrize("question", ["my old phone number is still on my account, how do I delete it?",
                                      "you have my personal data, how can I delete it?"])
def test_deleting_the_visitors_data_named_before(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section == "6", question


# ... and a second question acting on "it" / "them" asks for the uncovered thing the first one named.
def test_a_pronoun_acts_on_the_uncovered_thing(assistant):
    reply = assistant.answer("Our auditors need your ISO 27001 certificate. Can you share it or tell me where to "
                             "download it?")
    assert not reply.answered and reply.reason == "not_covered"


@pytest.mark.parametrize("question", ["how long do you keep my customers numbers and do you sell them to marketers",
                                      "I wanted to ask why you need my IP address and also whether you give a discount for "
                                      "yearly plans"])
def test_a_covered_second_question_is_still_answered(assistant, question):
    assert assistant.answer(question).answered, question


# "Would it be possible to <act> ...?" asks politely for it to be done; "is it possible" asks whether.
@pytest.mark.parametrize("question, intent", [
    ("Would it be possible to delete my account and everything linked to it? Thanks in advance.", "deletion"),
    ("would it be possible for you to correct the spelling of my name?", "correction"),
])
def test_would_it_be_possible_is_a_request(assistant, question, intent):
    assert assistant.answer(question).handoff == intent, question


@pytest.mark.parametrize("question", ["is it possible to delete my account?",
                                      "would it be possible to get a demo of the API?"])
def test_is_it_possible_is_no_request(assistant, question):
    assert assistant.answer(question).handoff is None, question


# "what went wrong" is a failure, not a detail to correct.
def test_what_went_wrong_is_no_correction(assistant):
    reply = assistant.answer("Our OTPs failed for an hour yesterday. I want an explanation of what went wrong.")
    assert reply.handoff != "correction"


def test_a_detail_gone_wrong_is_still_corrected(assistant):
    assert assistant.answer("my address went wrong in your records, please fix it").handoff == "correction"


# A detail wished updated, and a use told to stop with "it", are requests.
@pytest.mark.parametrize("question, intent", [
    ("I need my contact details updated, the phone number changed", "correction"),
    ("I don't want my data in your analytics. Please stop using it for that.", "objection"),
])
def test_requests_in_new_words(assistant, question, intent):
    assert assistant.answer(question).handoff == intent, question


def test_the_procedure_to_get_details_updated_is_the_right(assistant):
    reply = assistant.answer("What is the procedure to get my details updated?")
    assert reply.handoff is None and reply.citations[0].clause.section == "6"


# Who gets the visitor's things: "pass them on to anybody", "the kind of company you pass my info on to".
@pytest.mark.parametrize("question", ["My card details are on file with you. Do you pass them on to anybody?",
                                      "Which companies do you pass my info on to?"])
def test_passing_on_is_sharing(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section == "4", question


# A say in the emails sent is the choice of communications.
def test_a_say_in_emails(assistant):
    reply = assistant.answer("do I have a say in which emails you send me?")
    assert reply.answered and reply.citations[0].clause.section == "6"


# The company's details in new words.
@pytest.mark.parametrize("question, line", [
    ("office kitne baje tak khula hai?", "Business Hours:"),
    ("if I call at 8 in the morning will anyone pick up", "Business Hours:"),
    ("reply aane mein kitne din lagte hain?", "We will respond"),
    ("is your office somewhere near Pune?", "Address:"),
])
def test_company_details(assistant, question, line):
    reply = assistant.answer(question)
    assert reply.reason == "company" and reply.message.startswith(line), question


@pytest.mark.parametrize("question", ["will anyone pick up my messages on the network?",
                                      "kitne baje tak mera data delete ho jayega"])
def test_not_our_details(assistant, question):
    assert assistant.answer(question).reason != "company", question

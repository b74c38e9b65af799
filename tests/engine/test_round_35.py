"""Round 35: the kinds of miss in the thirtieth visitor table (fresh28), fixed by kind and tested here with the team's
own wordings next to the ones that must not change."""

import pytest


# "i" typed for the "y" said like it: "encript" is "encrypt".
@pytest.mark.parametrize("question", ["do u encript my data", "is the data encripted when it sits on your servers?"])
def test_i_for_y_is_read(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section == "5", question


def test_real_words_with_i_stay_themselves(assistant):
    index = assistant.index
    assert index.correct("sitting") is None and index.correct("tipe") is None


# Hindi "ke baare me" is "about" (its "me" is Hindi "in"); "kisko bolu" is "whom (should) I tell".
@pytest.mark.parametrize("question", ["mera number galat hai, kisko bolu?", "privacy problem hai, main kisko batau?",
                                      "who do I tell about a privacy problem?"])
def test_whom_to_tell(assistant, question):
    reply = assistant.answer(question)
    assert reply.reason == "company" and reply.message.startswith("If you have any questions"), question


def test_hinglish_about_reads_about(assistant):
    assert assistant.analyse("cookies ke baare me batao").words[:2] == ("cookies", "about")


def test_the_policy_on_minors_is_a_question(assistant):
    # "the policy about minors' data": was handed off as a child's-data report while "me" read as English "me"
    # (tests/engine/test_review_14.py kept that handoff from main)
    reply = assistant.answer("minors ke data ke bare me policy")
    assert reply.handoff is None and reply.answered and reply.citations[0].clause.section == "9"


# The company's details asked in new words.
@pytest.mark.parametrize("question, line", [
    ("do you have an inbox for privacy questions?", "Email:"),
    ("is there a privacy inbox I can write to", "Email:"),
    ("will anyone pick up if I call at 7 pm?", "Business Hours:"),
    ("anybody picking up the phone on a saturday?", "Business Hours:"),
    ("is anyone picking up the phone today", "Business Hours:"),
    ("what should I write on the envelope if I post you my request?", "Address:"),
    ("I want to post a letter to your office", "Address:"),
    ("give me every way to contact you", "If you have any questions"),
    ("give me all the ways to reach you", "If you have any questions"),
])
def test_company_details(assistant, question, line):
    reply = assistant.answer(question)
    assert reply.reason == "company" and reply.message.startswith(line), question


@pytest.mark.parametrize("question", ["what is the price for a large envelope", "my emails land in the inbox tab?",
                                      "will my campaign reach the inbox or spam", "give me every report of my campaign"])
def test_not_our_details(assistant, question):
    assert assistant.answer(question).reason != "company", question


# Who processes the visitor's payment or data is a party data is shared with.
@pytest.mark.parametrize("question", ["who processes my card payment when I pay you?",
                                      "who actually processes my payment details?"])
def test_who_processes_my_payment_is_sharing(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section == "4", question


# Ads chosen by what the visitor does are the marketing cookies and the use of data, not the app's ads.
@pytest.mark.parametrize("question", ["do you use how i browse your site to show me ads?",
                                      "do you show ads based on what i do on your website?"])
def test_ads_from_browsing_are_answered(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section in ("3", "7"), question


def test_ads_in_the_app_stay_uncovered(assistant):
    reply = assistant.answer("does your app show ads?")
    assert not reply.answered and reply.reason == "not_covered"


# Withdrawing permission is an objection (for marketing it is an opt-out, as "stop using my data for marketing" is).
@pytest.mark.parametrize("question", ["I'm withdrawing my permission for analytics on my data",
                                      "I withdraw permission for you to process my data beyond delivery"])
def test_withdrawing_permission_is_an_objection(assistant, question):
    assert assistant.answer(question).handoff == "objection", question


# "if I did ask, would you ...": a supposed request asks about the right.
def test_if_i_asked_asks_about_the_right(assistant):
    reply = assistant.answer("if I did ask you to delete my data, would you actually do it?")
    assert reply.handoff is None and reply.answered and reply.citations[0].clause.section == "6"


def test_two_questions_one_uncovered_still_answers_the_other(assistant):
    reply = assistant.answer("are you ISO 27001 certified, and do you share my data with third parties?")
    assert reply.answered and reply.citations[0].clause.section == "4"

"""Round 30: kinds from the twenty-fifth visitor table's first run (tests/data/visitor_cases_fresh23.yaml)."""

import pytest

from tests.replies import top_section


# A dictionary word is never read as a question word's slip; real slips still are.
@pytest.mark.parametrize("text, word", [("we compared three vendors", "three"), ("hwere is my data", "where"),
                                        ("waht do you collect", "what")])
def test_real_words_are_not_question_word_slips(assistant, text, word):
    assert word in assistant.analyse(text).words


# Asking for an explanation, a denied wish and a wished-for answer make no request.
@pytest.mark.parametrize("question", [
    "Break down everything I'm allowed to ask for when it comes to fixing or erasing my records.",
    "walk me through how to get my data deleted",
    "Not that I want to right now, but could I theoretically opt out of your marketing later?",
    "Not that I'd want to, but could I get my data erased some day?",
])
def test_asking_about_a_right_makes_no_request(assistant, question):
    reply = assistant.answer(question)
    assert reply.handoff is None and top_section(reply) == "6", question


def test_a_wished_for_number_is_a_question_not_a_request(assistant):
    reply = assistant.answer("Our boss wants a comparison. I need one number: what's your per-SMS rate on the "
                             "promotional route?")
    assert reply.handoff is None and not reply.answered and reply.reason == "not_covered"


@pytest.mark.parametrize("question, handoff", [
    ("please delete my records", "deletion"), ("I want to opt out of marketing", "marketing_opt_out"),
    ("I need a number changed on my account", "correction"), ("what i want is my data deleted", "deletion"),
    ("What I'd like now is for everything you hold under my login to be wiped out completely.", "deletion"),
])
def test_requests_still_hand_off(assistant, question, handoff):
    assert assistant.answer(question).handoff == handoff, question


def test_what_i_would_like_to_know_is_a_question(assistant):
    reply = assistant.answer("what i would like to know is how you use my data")
    assert reply.handoff is None and top_section(reply) == "3"


def test_a_price_per_email_is_not_our_email_address(assistant):
    reply = assistant.answer("How much per email for campaigns above 50k contacts?")
    assert reply.reason != "company" and not reply.answered


@pytest.mark.parametrize("question, line", [("Where exactly is your office situated?", "Address:"),
                                            ("What time does your team sign off for the day?", "Business Hours:")])
def test_the_company_asked_in_other_words(assistant, question, line):
    reply = assistant.answer(question)
    assert reply.reason == "company" and reply.message.startswith(line), question


@pytest.mark.parametrize("question", ["in what situations would you hand my data to the police",
                                      "what time does your app send the otp"])
def test_near_the_company_words_but_not_the_company(assistant, question):
    assert assistant.answer(question).reason != "company", question

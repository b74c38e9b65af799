"""Round 28: kinds from the twenty-third visitor table's first run (tests/data/visitor_cases_fresh21.yaml)."""

import pytest

from app.engine.intents import load_intents
from app.platform.config import ROOT
from tests.replies import top_section


# A phone number or an address the visitor asks whether we buy is data, not our contact line.
@pytest.mark.parametrize("question", [
    "do you buy phone number lists from data brokers",
    "do you purchase email address lists from other companies",
    "do you get my details from other sources",
])
def test_data_bought_or_taken_from_others_is_not_covered_nor_our_phone_line(assistant, question):
    reply = assistant.answer(question)
    assert reply.reason != "company" and not reply.answered, question


@pytest.mark.parametrize("question", ["do you buy or sell my data", "do u sell my phone number"])
def test_selling_the_visitors_data_is_still_answered(assistant, question):
    assert top_section(assistant.answer(question)) == "4", question


def test_our_phone_number_is_still_our_phone_number(assistant):
    assert assistant.answer("where can i find your phone number").reason == "company"


# The receiver asked for at the end of the question: who gets the visitor's data is the section on sharing.
@pytest.mark.parametrize("question", [
    "who do u give my paymnt details to",
    "who do you pass my email address to",
    "whom do you share my card details with",
])
def test_who_the_visitors_data_is_given_to(assistant, question):
    assert top_section(assistant.answer(question)) == "4", question


def test_where_the_visitor_sends_a_request_is_not_sharing(assistant):
    reply = assistant.answer("who should i send my deletion request to")
    assert top_section(reply) in ("6", "12") or reply.handoff, reply


# "use my rights" exercises them: not usage data.
@pytest.mark.parametrize("question", ["how do i get in touch to use my rights", "how can i avail my rights",
                                      "where do i submit a request about my data"])
def test_using_a_right_is_exercising_it(assistant, question):
    reply = assistant.answer(question)
    assert reply.top.clause.id == "s6-2", question


# An English relative clause between a data word and a verb is not Hindi's verb-last request ("mera data send karo").
def test_data_we_send_is_not_a_request_for_the_visitors_data(assistant):
    intents = load_intents(ROOT / "intents.yaml")
    for message in ["Our auditors are asking. We need to know whether data we send through your API is protected.",
                    "we need to know if the information we show on the dashboard is encrypted"]:
        found = intents.detect(assistant.analyse(message))
        assert not (found and found.request), message
    for message in ["mera pura data mujhe send kar do", "meri information show karo"]:
        found = intents.detect(assistant.analyse(message))
        assert found and found.request and found.intent.name == "access", message


# "ends up with": the visitor's data with another company is asked of this policy, not whose rules apply.
def test_data_ending_up_with_another_company_is_sharing(assistant):
    reply = assistant.answer("I'm worried my contact list ends up with some other company if you are sold. "
                             "What does your policy say about that?")
    assert top_section(reply) == "4"


@pytest.mark.parametrize("question", ["does your policy cover third party apps",
                                      "if i log in with google, whose policy applies"])
def test_whose_rules_apply_is_still_the_third_partytop_section(assistant, question):
    assert top_section(assistant.answer(question)) == "8", question


# A number in a gap phrase is read as a question's is ("2" is text-speak for "to"): "soc 2" is found.
@pytest.mark.parametrize("question", ["is your platform soc 2 audited", "r u soc 2 type 2 compliant"])
def test_a_gap_phrase_with_a_number_is_found(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "not_covered", question


def test_text_speak_numbers_still_read_as_words(assistant):
    assert top_section(assistant.answer("how 2 delete my data")) == "6"


# An uncovered thing named after the question, set off by a comma, is what the question asks; joined by "and" it is a
# second question, and the first is answered.
def test_an_uncovered_name_after_a_comma_is_what_is_asked(assistant):
    reply = assistant.answer("which kind of encryption is used, aes-256?")
    assert not reply.answered and reply.reason == "not_covered"


def test_two_questions_joined_by_and_answer_the_covered_one(assistant):
    assert top_section(assistant.answer("is my card info encrypted and retained securely?")) == "5"


@pytest.mark.parametrize("question", [
    "when was this policy last updated",
    "what's the effective date of your privacy policy",
    "if your servers get hacked how soon will you inform me",
    "are your staff background checked",
    "do you ask for a photo id or an identity card when i sign up",
])
def test_more_uncovered_topics(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "not_covered", question


@pytest.mark.parametrize("question, section", [
    ("will you email me when the policy is updated", "11"),
    ("how soon will you reply to my complaint", "12"),
])
def test_near_the_new_topics_but_answered(assistant, question, section):
    assert top_section(assistant.answer(question)) == section, question

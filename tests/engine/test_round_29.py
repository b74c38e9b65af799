"""Round 29: kinds from the twenty-fourth visitor table's first run (tests/data/visitor_cases_fresh22.yaml), whose
questions are written as people ask about an app they have only seen in a store."""

import pytest

from tests.replies import top_section


# Complaining to a regulator is the regulator's topic (not covered), not whom to complain to at the company.
def test_complaining_to_a_regulator_is_not_covered(assistant):
    reply = assistant.answer("can i report them to a regulator if they misuse my data")
    assert not reply.answered and reply.reason == "not_covered" and reply.gap is not None


def test_whom_to_complain_to_is_still_our_contacttop_section(assistant):
    assert assistant.answer("who do i complain to about my data").reason == "company"


@pytest.mark.parametrize("question", ["i want my data as a file i can download", "please send my details as a file"])
def test_data_as_a_file_is_a_portability_request(assistant, question):
    assert assistant.answer(question).handoff == "portability", question


@pytest.mark.parametrize("question", [
    "what happens to my info after i stop using the app",
    "will you keep my data once i leave",
    "are deleted chats really gone",
    "can i sign up without giving my phone number",
    "does the app show my last seen to other people",
    "are read receipts shown to the person i message",
    "do you use my chats to train ai models",
    "does the app read my wifi network name",
])
def test_more_uncovered_topics_as_app_users_ask(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "not_covered", question


@pytest.mark.parametrize("question, section", [
    ("what happens to my data if the company is sold", "4"),
    ("can companies buy my info from you", "4"),
    ("does using the app mean i agree to all this", "1"),
    ("am i agreeing to your terms just by using the app", "1"),
])
def test_near_them_and_answered(assistant, question, section):
    assert top_section(assistant.answer(question)) == section, question

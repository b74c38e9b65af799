"""Round 49: more kinds of miss in the forty-seventh visitor table (fresh45), fixed by kind and tested here with the
team's own wordings next to the ones that must not change."""

import pytest

from tests.replies import top_section


# "this" of the policy itself points back to nothing: the question's own sentence is what is asked.
def test_this_policy_is_no_pointer_back(assistant):
    reply = assistant.answer("My uncle set up our clinic's SMS account last year. Nobody here read the fine print. "
                             "Does this privacy policy cover the mobile app too?")
    assert reply.answered and top_section(reply) == "1"


# Calls with our support team, asked whether recorded or kept: not covered, not our contact section.
@pytest.mark.parametrize("question", ["do you keep recordings of my calls with your customer care?",
                                      "are my phone calls with your support team recorded"])
def test_recorded_calls_with_our_team_are_not_covered(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "not_covered", question


def test_reaching_our_support_team_is_still_our_contact(assistant):
    assert assistant.answer("how do i contact your support team about my data").reason == "company"


# A fee for something asked of us is the prices the policy does not give.
def test_a_charge_for_a_copy_is_not_covered(assistant):
    reply = assistant.answer("will you charge me anything for sending a copy of my data?")
    assert not reply.answered and reply.reason == "not_covered"


def test_in_charge_of_privacy_is_no_price(assistant):
    assert "prices" not in assistant.answer("is anyone in charge of privacy at your company").message.lower()


# The youngest allowed is the children's section.
@pytest.mark.parametrize("question", ["youngest age allowed?", "how young can users be"])
def test_youngest_allowed(assistant, question):
    assert top_section(assistant.answer(question)) == "9", question


# Modifying the privacy terms is a change to the policy.
def test_modifying_the_privacy_terms(assistant):
    reply = assistant.answer("will you inform us before modifying the privacy terms?")
    assert top_section(reply) == "11"

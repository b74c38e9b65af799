"""Round 43: the kinds of miss in the thirty-ninth visitor table (fresh37), fixed by kind and tested here with the
team's own wordings next to the ones that must not change."""

import pytest

from tests.replies import top_section


# Marketing said of how we answer, and someone else's contact list, are no opt-out.
@pytest.mark.parametrize("question", ["do you rent out my number to loan agents? no marketing talk please, yes or no",
                                      "once a client leaves, how long do you hold on to their contact lists?"])
def test_no_opt_out(assistant, question):
    assert assistant.answer(question).handoff is None, question


def test_an_opt_out_beside_them_still_hands_off(assistant):
    assert assistant.answer("remove me from their contact list and stop your marketing emails").handoff \
        == "marketing_opt_out"


# Another company's policy said beside ours is whose rules apply: the section on third-party services.
def test_yours_or_theirs(assistant):
    reply = assistant.answer("when my customers reply on whatsapp, whose privacy policy covers it, yours or Meta's?")
    assert top_section(reply) == "8"


# How many days we have to answer is our reply time.
def test_days_to_answer(assistant):
    reply = assistant.answer("how many days do you get to respond after i send a privacy request")
    assert reply.reason == "company" and "30 days" in reply.message


# Hinglish: the visitor's data going "ko" (to) another party is whom data is shared with.
@pytest.mark.parametrize("question", ["kya mera data advertisers ko jaata hai", "Vodafone ko mera number jaata hai kya?"])
def test_hinglish_data_to_another_party(assistant, question):
    assert top_section(assistant.answer(question)) == "4", question


def test_hinglish_data_sent_to_me_is_access(assistant):
    assert assistant.answer("mujhe mera data bhej do").handoff == "access"


# Who "we" are is the Introduction.
def test_who_we_are(assistant):
    assert top_section(assistant.answer("who is 'we' when the policy says we collect")) == "1"


# Calls to our people recorded: voice calls, not covered.
def test_calls_recorded(assistant):
    reply = assistant.answer("are calls to your support desk recorded?")
    assert not reply.answered and reply.reason == "not_covered"

"""The review of round 43: wordings of the reviewer's that round 43 made worse, each answered as before it again."""

import pytest

from tests.replies import top_section


# "their contact list" said of our own sales people is still an opt-out.
@pytest.mark.parametrize("question", ["your sales guy added me to their contact list, remove me",
                                      "your team has put my number on their contact list without asking, take it off",
                                      "your sales people keep calling, please remove me from their contact lists"])
def test_their_contact_list_of_our_people(assistant, question):
    assert assistant.answer(question).handoff == "marketing_opt_out", question


# "yours or X's" with no policy named, "it's", or a country's law is no other company's policy.
@pytest.mark.parametrize("question", ["which law applies to my data, yours or India's?",
                                      "who is responsible if the OTP fails, yours or Jio's?",
                                      "is the policy really yours or it's a copied template?"])
def test_yours_or_something_else(assistant, question):
    assert top_section(assistant.answer(question)) != "8", question


@pytest.mark.parametrize("question, section", [("how many days to respond to a data breach", "5"),
                                               ("how many days do you have to answer a child data report", "9")])
def test_days_to_respond_to_something_else(assistant, question, section):
    assert top_section(assistant.answer(question)) == section, question


# Hinglish "ko" to us, to the visitor, to the visitor's own customers, or a number ported: no other party.
@pytest.mark.parametrize("question", ["aap ko mera number dena zaroori hai kya",
                                      "abhi mere ko mera number bhejo jo account mein hai",
                                      "mere customers ko mera number jaata hai kya jab sms bhejte ho",
                                      "Jio ko mera number port karna hai, mera number kab jayega"])
def test_hinglish_ko_without_another_party(assistant, question):
    assert top_section(assistant.answer(question)) != "4", question


@pytest.mark.parametrize("question, section", [("what is meant by us using cookies", "7")])
def test_us_is_not_we(assistant, question, section):
    assert top_section(assistant.answer(question)) == section, question


def test_api_calls_are_no_voice_calls(assistant):
    reply = assistant.answer("are api calls to your server recorded in logs")
    assert reply.reason != "not_covered"

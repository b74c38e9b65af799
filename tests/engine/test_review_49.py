"""Round 49's review: wordings of the reviewer's own that the round's first rules got wrong, each narrowed, and the
ones the narrowing had to keep right."""

import pytest

from tests.replies import top_section


# "What does this policy say?" asks nothing of its own: the sentence before is what it asks about.
def test_what_this_policy_says_about_the_story(assistant):
    reply = assistant.answer("My daughter is 11 and she wants to make an account to message her friends. What does "
                             "this policy say?")
    assert top_section(reply) == "9"


# Our team is skipped only when it is where the visitor's calls went or who acts on the data, not whom the visitor
# asks to reach.
@pytest.mark.parametrize("question", ["how do I contact your support team to delete my backups",
                                      "give me your support team number, you are storing my passport scan"])
def test_reaching_our_team_beside_an_uncovered_topic(assistant, question):
    assert assistant.answer(question).reason == "company", question


def test_our_team_reading_sms_is_not_our_contact_section(assistant):
    assert assistant.answer("can your support team read my sms").reason != "company"


# In a long message the story is still read for what is done with the visitor's data.
def test_my_old_email_still_with_you(assistant):
    reply = assistant.answer("I registered using my office email. Later I changed jobs. Is the email still with you?")
    assert reply.reason != "company"


def test_a_hand_written_letter_still_asks_our_address(assistant):
    reply = assistant.answer("hand written letter to your office, what is the address")
    assert reply.reason == "company" and reply.message.startswith("Address:")


# A charge is a price only when the visitor is charged "anything" for something.
@pytest.mark.parametrize("question, section", [
    ("if police charge me with cyber crime will you give them my messages", "4"),
    ("do you store my card details when you charge me", "2")])
def test_other_charges(assistant, question, section):
    assert top_section(assistant.answer(question)) == section, question


def test_in_charge_is_no_price(assistant):
    assert "prices" not in assistant.answer("who in your team is in charge of anything related to privacy").message


def test_charged_anything_for_a_copy(assistant):
    # declined as the fee for a request since round 53 (corpus/gaps.yaml), before prices and plans
    reply = assistant.answer("will you charge me anything for a copy of my data?")
    assert not reply.answered and "fees for a request about your data" in reply.message


# "youngest" and "how young" are the children's section only of users and their age.
@pytest.mark.parametrize("question, section", [("our youngest customer is a startup, do you share their data", "4"),
                                               ("how young can a user be", "9")])
def test_youngest(assistant, question, section):
    assert top_section(assistant.answer(question)) == section, question


def test_how_young_the_company_is_not_childrens(assistant):
    assert top_section(assistant.answer("how young is your company")) != "9"

"""Round 42: the kinds of miss in the thirty-eighth visitor table (fresh36), fixed by kind and tested here with the
team's own wordings next to the ones that must not change."""

import pytest

from tests.replies import top_section


# Another party's access asked about is whom data is disclosed to, not the visitor's request for access.
@pytest.mark.parametrize("question", ["govt access to my data?", "police access to my personal info",
                                      "third party access to my details"])
def test_another_partys_access(assistant, question):
    reply = assistant.answer(question)
    assert reply.handoff is None and top_section(reply) == "4", question


def test_the_visitors_own_access_still_asks(assistant):
    assert top_section(assistant.answer("how do i get access to my data")) == "6"


# A phone line or a number the visitor can call is the company's phone line.
@pytest.mark.parametrize("question", ["is there a phone line for data queries", "u got a number i can call?",
                                      "do u have a no. i can ring?"])
def test_a_line_to_call(assistant, question):
    reply = assistant.answer(question)
    assert reply.reason == "company" and "Phone:" in reply.message, question


def test_the_visitors_own_phone_line_is_not_ours(assistant):
    assert not assistant.answer("i dont have a phone line, how else can i contact you").message.startswith("Phone:")


# A number said "yours" is asked of us only as a question of whose it is: stemmed, "number yours" read "numbers sit
# on your system".
def test_numbers_on_our_system_are_not_our_number(assistant):
    reply = assistant.answer("our customers' phone numbers sit on your system, who else can see them?")
    assert reply.reason != "company" and not reply.message.startswith("Phone:")


def test_whose_number_still_asks_ours(assistant):
    assert assistant.answer("got a call from 9820011111, is that number yours?").reason == "company"


# Mails we send, received or expected "from you", are not our e-mail address.
def test_emails_expected_from_us_are_not_our_address(assistant):
    assert assistant.answer("what emails will i get from you").reason != "company"


# An age put after who it is ("my lil bro (11)") is a child's.
@pytest.mark.parametrize("question", ["can my lil bro (11) make an acc", "my sister (12) wants to sign up, is that ok"])
def test_an_age_after_the_child(assistant, question):
    assert top_section(assistant.answer(question)) == "9", question


@pytest.mark.parametrize("question", ["my brother 2 years back used your api, is his data still there",
                                      "bro can i delete my data"])
def test_no_age_there(assistant, question):
    assert top_section(assistant.answer(question)) != "9", question


# Rights asked in other words: what is kept "on file" to see, details "changed".
@pytest.mark.parametrize("question", ["am i entitled to see the data you keep on file?",
                                      "can i get my details changed if they are wrong?"])
def test_rights_in_other_words(assistant, question):
    assert top_section(assistant.answer(question)) == "6", question


def test_a_company_name_changed_is_no_correction(assistant):
    assert assistant.answer("our company name changed last year, does the policy still apply to us").handoff is None

"""Round 48: the kinds of miss in the forty-seventh visitor table (fresh45: what every section answers, asked in
everyday words), fixed by kind and tested here with the team's own wordings next to the ones that must not change."""

import pytest

from tests.replies import top_section


def sections(reply):
    return [citation.clause.section for citation in reply.citations]


# Agreeing said in everyday words ("said yes to", "not ok with"), and the policy called "this page" or "document".
@pytest.mark.parametrize("question", ["if i just use ur site does that mean i said yes to everything in ur policy?",
                                      "if i am not ok with these rules should i stop using the app?",
                                      "if i keep using the app after reading this page, have i agreed to it?"])
def test_agreeing_in_everyday_words(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == "1", question
    assert "you agree" in reply.message, question


@pytest.mark.parametrize("question, section", [("is it ok if i say yes to cookies", "7"),
                                               ("i am not okay with you sharing my data", "4")])
def test_saying_yes_to_something_else(assistant, question, section):
    assert top_section(assistant.answer(question)) == section, question


def test_accepting_a_newer_version(assistant):
    reply = assistant.answer("if the rules change and i keep using it, have i accepted the new version automatically?")
    assert top_section(reply) == "11" and "continued use" in reply.message


@pytest.mark.parametrize("question", ["tell me this privacy document applies to which of your services",
                                      "what is the point of this policy"])
def test_what_the_policy_covers_or_is_for(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == "1", question


def test_the_point_of_collecting_is_the_use_section(assistant):
    assert top_section(assistant.answer("what is the point of collecting my data under this policy")) == "3"


# "even" is no name of another company whose rules apply.
def test_even_names_nobody(assistant):
    reply = assistant.answer("if u change the rules do i even get told")
    assert sections(reply) == ["11"]


# Someone's things that "should be" removed, naming nobody to do it, is a request.
@pytest.mark.parametrize("question, form", [
    ("Reporting that a child of 11 uses an account on your site, her info should be taken down.", "child_data"),
    ("my details must be erased from your system", "deletion")])
def test_things_that_should_be_removed(assistant, question, form):
    assert assistant.answer(question).handoff == form, question


@pytest.mark.parametrize("question", ["my data should be deleted after i close the account, is that the rule?",
                                      "it should be easy to delete my data"])
def test_what_ought_to_happen_in_general_is_no_request(assistant, question):
    assert assistant.answer(question).handoff is None, question


# Data handled or processed in a country is a transfer, not where our office is.
@pytest.mark.parametrize("question", ["my data will be processed in which country?",
                                      "will our information be handled in which country?"])
def test_handled_in_a_country(assistant, question):
    reply = assistant.answer(question)
    assert reply.reason != "company" and top_section(reply) == "10", question


def test_our_head_office_country_is_still_our_address(assistant):
    reply = assistant.answer("which country is your head office in")
    assert reply.reason == "company" and reply.message.startswith("Address:")


# The messages the visitor sends, asked whether they are kept "with you".
def test_messages_stored_with_you(assistant):
    reply = assistant.answer("are the otps we send stored with you?")
    assert reply.answered and top_section(reply) == "2"


def test_how_long_they_are_kept_stays_not_covered(assistant):
    assert not assistant.answer("is my chat history stored with you for long").answered


# The visitor's employer stays not covered.
def test_the_visitors_boss_stays_not_covered(assistant):
    assert not assistant.answer("can my boss at work see my messages").answered


# What is done with the visitor's data after a complaint asks about the data, not where to complain.
def test_what_is_done_with_my_number_after_a_complaint(assistant):
    reply = assistant.answer("what will you do with my number after i complain")
    assert reply.reason != "company" and top_section(reply) == "3"


def test_where_to_complain_is_still_our_contact(assistant):
    assert assistant.answer("where do i complain about what you did with my data").reason == "company"

"""Rounds 48 and 49's review: wordings of the reviewer's own that the rounds' first rules got wrong, each narrowed, and
the ones the narrowing had to keep right."""

import pytest

from tests.replies import top_section


# The policy called a page, a document or its version: not a KYC document, a page layout, the dashboard's version.
@pytest.mark.parametrize("question", ["i uploaded my kyc document, has it been accepted yet",
                                      "i am not ok with the new version of the dashboard",
                                      "im not okay with the page layout, can you change it"])
def test_other_pages_documents_and_versions(assistant, question):
    assert top_section(assistant.answer(question)) not in ("1", "11"), question


@pytest.mark.parametrize("question, section", [
    ("so just by making an account i have said yes to this whole document?", "1"),
    ("if im not okay with the updated version do i have to stop using the app", "11")])
def test_the_policy_as_a_document_or_version(assistant, question, section):
    assert top_section(assistant.answer(question)) == section, question


# Something that "should be" removed is a request only when it is data, taken away, and neither a list (an opt-out),
# a rule reported, a question nor a product's thing.
@pytest.mark.parametrize("question", ["my email should be removed from your promotional list",
                                      "my data should be deleted or not",
                                      "your policy says my data should be deleted on request",
                                      "his number should be removed from my contact group"])
def test_what_should_be_removed_but_is_no_deletion_request(assistant, question):
    assert assistant.answer(question).handoff != "deletion", question


def test_my_number_removed_from_your_database(assistant):
    assert assistant.answer("my number should be removed from your database").handoff == "deletion"


# Handled or processed in a country is a transfer only when data is what is handled.
@pytest.mark.parametrize("question", ["can you handle bulk sms to foreign numbers",
                                      "how do you handle data requests from foreign governments",
                                      "who handles data protection at your india office"])
def test_handling_that_is_no_transfer(assistant, question):
    assert top_section(assistant.answer(question)) != "10", question


def test_processing_my_data_in_a_country(assistant):
    assert top_section(assistant.answer("do you process my data in singapore")) == "10"


# Messages kept "with you" only when the messages themselves are named.
def test_a_balance_is_no_message_kept(assistant):
    assert top_section(assistant.answer("my sms balance is kept with your account, can i transfer it")) != "2"


def test_our_chats_saved_on_your_side(assistant):
    reply = assistant.answer("are our whatsapp chats saved on your side")
    assert top_section(reply) == "2" and reply.message.startswith("Communication Data")


# What "you" do with data asks about the data; "I" doing something, being done with something, or asking whom to call
# about it, asks for our contact details.
@pytest.mark.parametrize("question, line", [
    ("I am done with my number porting, now whats your office phone number", "Phone:"),
    ("what can i do with my data, is there an email to write to", "Email:"),
    ("whom should i call about what you do with my data", "Phone:")])
def test_our_details_beside_doing_with_data(assistant, question, line):
    reply = assistant.answer(question)
    assert reply.reason == "company" and reply.message.startswith(line), question


def test_what_is_done_with_my_details(assistant):
    reply = assistant.answer("what is done with my phone number and address")
    assert reply.reason != "company" and top_section(reply) == "3"


# What the visitor's employer sees stays not covered, whoever else is named.
def test_my_employer_beside_your_team(assistant):
    reply = assistant.answer("can my employer see my messages if i use a company account or only your team")
    assert not reply.answered and reply.reason == "not_covered"

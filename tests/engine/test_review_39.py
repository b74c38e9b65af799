"""The review of round 39 and of round 38's rights rule: wordings of the reviewer's own that those changes (0c075f1,
3c82a2f) answered worse than the code before them, each answered as before after the rules were narrowed or taken out."""

import pytest


# "go" said of the visitor or of something else, after another clause starts, is no data going abroad.
@pytest.mark.parametrize("question", ["will my data be safe if I am going to Singapore next week",
                                      "what info do you collect when I go to your website from India"])
def test_the_visitor_going_somewhere_is_no_transfer(assistant, question):
    reply = assistant.answer(question)
    assert not (reply.answered and reply.citations[0].clause.section == "10"), question


# A product's silence or schedule is no question about our reply time or hours (the phrases were taken out).
@pytest.mark.parametrize("question", ["sent whatsapp campaign yesterday, still no reply from customers",
                                      "can I schedule SMS campaigns on specific days of the week?",
                                      "we havent heard back from the DLT portal after registering template"])
def test_a_products_silence_is_no_company_question(assistant, question):
    assert assistant.answer(question).reason != "company", question


# Logging in or a password reset, even with "secure" or "safe" said, is account support.
@pytest.mark.parametrize("question", ["how to change my password to a secure one",
                                      "I cannot log in, is my account secure?",
                                      "otp not coming, is my account safe?"])
def test_account_support_with_safety_words(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "not_covered", question


# The visitor's own CIN is the visitor's data, not the company's registration number.
@pytest.mark.parametrize("question", ["why do you need my CIN number for onboarding?",
                                      "is my CIN number shared with telecom operators?"])
def test_the_visitors_own_cin(assistant, question):
    reply = assistant.answer(question)
    assert not (reply.gap is not None and "registration" in reply.gap.topic), question


# The rights rule only where the visitor is: not data moving, the company's rights, cookies or children.
@pytest.mark.parametrize("question, section", [
    ("are my rights valid when my data is transferred outside India", "10"),
    ("do you reserve the right to share my data with government under applicable law", "4"),
    ("is my right to refuse cookies available on your website", "7"),
    ("do parents have rights available to delete their child's data", "9"),
])
def test_rights_words_on_other_topics(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section == section, question

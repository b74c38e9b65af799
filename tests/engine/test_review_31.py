"""What a second reader's own wordings found in round 31 (tests/engine/test_round_31.py), each kind fixed."""

import pytest

from tests.replies import top_section


# A. How long something is kept, or a call answered, is not how long we take to reply.
@pytest.mark.parametrize("question", [
    "how long do you keep my emails and your replies to them?",
    "how long are my queries and your team's responses stored?",
    "how long until my data gets deleted after i request it and you reply",
    "how long before someone answers when I call your number",
])
def test_what_is_kept_is_not_our_response_time(assistant, question):
    assert not assistant.answer(question).message.startswith("We will respond"), question


@pytest.mark.parametrize("question", [
    "how long does it take you to reply to a complaint about otp misuse",
    "I raised a grievance about your marketing campaign messages, how long before you respond?",
    "in how many days will you revert back to my complaint",
])
def test_a_complaint_about_the_product_still_gets_our_response_time(assistant, question):
    reply = assistant.answer(question)
    assert reply.handoff is None and reply.message.startswith("We will respond"), question


# C. A party named (the police, partners, an operator), or who else sees it, is whom data goes to; an attack is not.
@pytest.mark.parametrize("question", [
    "will you allow law enforcement to intercept my messages?",
    "can the government read my messages even if they are encrypted?",
    "who can see my data? is it encrypted?",
    "kya aapke partners beech mein mera data dekh sakte hain",
    "if you get hacked, who else can see my data",
])
def test_a_party_named_is_sharing(assistant, question):
    assert top_section(assistant.answer(question)) == "4", question


def test_in_between_what_is_no_interception(assistant):
    assert top_section(assistant.answer("can you see my data in between sessions?")) != "5"


# D. A detail of the visitor's that "went wrong" is still to be corrected.
@pytest.mark.parametrize("question", ["my address went wrong in your records after the update, please fix it",
                                      "my date of birth went wrong during signup, please change it"])
def test_a_detail_gone_wrong_is_a_correction(assistant, question):
    assert assistant.answer(question).handoff == "correction", question


# E. Switching to a competitor is moving away.
def test_switching_to_your_competitor_is_portability(assistant):
    reply = assistant.answer("we are switching to your competitor next quarter, kindly send all our data in a file we "
                             "can take with us")
    assert reply.handoff == "portability"


# G. A product word in the next clause leaves our detail asked for.
@pytest.mark.parametrize("question, line", [("whats ur email, tool keeps crashing", "Email:"),
                                            ("give me your whatsapp number, integration failed", "Phone:")])
def test_a_product_word_after_a_break(assistant, question, line):
    reply = assistant.answer(question)
    assert reply.reason == "company" and reply.message.startswith(line), question


# H. The visitor's own registration numbers are data the policy answers about, not facts about us.
@pytest.mark.parametrize("question", ["do you collect my GST number?", "is my company PAN shared with anyone"])
def test_the_visitors_registration_numbers(assistant, question):
    assert assistant.answer(question).reason != "not_covered", question


# I, J. Using the service on, and a contract's or consent's terms, are not the policy's changes.
@pytest.mark.parametrize("question", ["if I keep using your service, do you keep collecting my location?",
                                      "how do i update the terms of my contract with you"])
def test_not_the_policys_changes(assistant, question):
    assert top_section(assistant.answer(question)) != "11", question


# K. "non-essential" cookies and a named cookie type required are not the essential ones.
@pytest.mark.parametrize("question", ["can I refuse non-essential cookies", "what cookies are required for analytics"])
def test_not_the_essential_cookies(assistant, question):
    reply = assistant.answer(question)
    assert not reply.message.startswith("Essential Cookies"), question


# L. "responsibly" is how something is done, not whose rules apply.
def test_responsibly_is_no_responsibility(assistant):
    assert top_section(assistant.answer("do you share my data responsibly with partners")) == "4"


# M. "people" getting information is not companies getting the visitor's data.
def test_people_getting_information_is_not_sharing(assistant):
    assert top_section(assistant.answer("can people get information on how to delete their account")) != "4"

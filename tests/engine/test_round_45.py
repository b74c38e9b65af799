"""Round 45: the kinds of miss in the forty-third visitor table (fresh41), questions in plain words that avoid the
policy's vocabulary, fixed by kind and tested here with the team's own wordings next to the ones that must not
change."""

import pytest

from tests.replies import top_section


# Whether data is kept scrambled, or read on the way, is security (encryption), not whom it is shared with, though
# "servers" names the cloud hosting providers and "can anyone read it" who else sees it.
@pytest.mark.parametrize("question", ["once my files sit on your servers, are they scrambled or can anybody read them?",
                                      "is my otp data kept unreadable on ur servers",
                                      "someone snooping on the hotel wifi, can they read my msgs on the way to you?"])
def test_scrambled_or_read_on_the_way(assistant, question):
    reply = assistant.answer(question)
    assert top_section(reply) == "5" and reply.message.startswith("Encryption"), question


def test_the_app_snooping_is_not_interception(assistant):
    assert top_section(assistant.answer("is the app snooping on me")) != "5"


def test_police_reading_is_still_legal_requirements_or_security(assistant):
    assert top_section(assistant.answer("can the police read my sms if they ask you")) == "4"


# Staff taught to handle data is security.
def test_staff_taught(assistant):
    reply = assistant.answer("are your people taught how to handle customer data safely?")
    assert reply.answered and top_section(reply) == "5"


def test_a_plan_is_still_the_product(assistant):
    assert not assistant.answer("where can i change my plan").answered


def test_training_an_ai_is_not_employee_training(assistant):
    assert top_section(assistant.answer("do you use my chats to train ur AI models")) != "5"


# What the site leaves in the browser to remember the visitor is cookies.
def test_what_the_site_leaves_in_my_browser(assistant):
    assert top_section(assistant.answer("is there stuff your site leaves in my browser to track me")) == "7"


# Which kinds of messages the visitor gets: managing communication preferences.
@pytest.mark.parametrize("question", ["can i choose the kinds of messages i get from you?",
                                      "any way to control which notifications you send me"])
def test_which_messages_i_get(assistant, question):
    assert top_section(assistant.answer(question)) == "6", question


# Reaching a person: our contact section.
def test_reaching_a_person(assistant):
    reply = assistant.answer("how do i reach a real person about my privacy")
    assert reply.reason == "company" and reply.message.startswith("If you have any")


# Hinglish "cheezein" (things).
def test_hinglish_things_collected(assistant):
    assert top_section(assistant.answer("aap meri kaun kaun si cheezein collect karte ho?")) == "2"


# An exporter is a trade, not an export of data (no portability request).
def test_an_exporter_is_no_request(assistant):
    reply = assistant.answer("my client is a rice exporter, when would you give his records to the tax department?")
    assert reply.handoff is None and top_section(reply) == "4"


def test_export_still_asks_for_a_copy(assistant):
    assert assistant.answer("export my data please").handoff == "portability"


# An age said "nephew's 12" is a child's.
def test_a_childs_age_after_an_apostrophe(assistant):
    assert top_section(assistant.answer("my niece's 11, can she make an account?")) == "9"

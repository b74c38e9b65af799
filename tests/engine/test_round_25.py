"""Round 25: privacy-sounding questions the policy does not answer, in real visitors' words (kinds from the
development sets' misses whose labels were read: bench/dev_from_train.yaml's first 230, dev_from_train2.yaml's first
150, all of dev_from_train3.yaml)."""

import pytest


# What other people see of what the visitor posts or does in the app: the policy says with whom the company shares
# data, nothing of what other users see.
@pytest.mark.parametrize("question", [
    "can people see what workout list i'm using?",
    "will others be able to see when i use this app?",
    "is my watchlist shared publicly?",
    "can i make my profile private?",
    "will my progress only be posted to social media if i want it to?",
])
def test_what_other_people_see_of_the_visitors_posts_is_not_covered(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "not_covered", question


# ... while who else sees the visitor's data, details or number is whom it is shared with (section 4).
@pytest.mark.parametrize("question", [
    "can other people see my financial information",
    "can anybody else view my billing details?",
    "do others see my phone number?",
    "can other people see my messages?",
    # the review of round 25
    "can others see my location",
    "do you allow others to see my account",
    "can others see my otp",
])
def test_who_else_sees_the_visitors_data_is_still_sharing(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section == "4", question


# The review of round 25: "when do you delete", "if i delete my account", "... will you keep" as retention declined
# deletions the visitor asked for, "what if i want to delete my account" and "... will you keep sending me sms"; they
# were taken out, and these stay answered.
@pytest.mark.parametrize("question", [
    "when do you delete my data if I ask you to?",
    "when will you delete my data after i ask",
    "what if i want to delete my account",
    "if i delete my account will you still sell my data",
])
def test_deletions_asked_about_stay_answered(assistant, question):
    assert assistant.answer(question).answered, question


# The phone's other contents: the visitor's contacts' information, the calendar, the microphone, other apps,
# what is stored on the phone itself.
@pytest.mark.parametrize("question", [
    "does it collect any of my contact's information",
    "can the app pull information from my phone's calendar?",
    "do you record anything via my mic?",
    "what other activities on my phone do you monitor",
])
def test_the_phones_other_contents_are_not_covered(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "not_covered", question


def test_messages_kept_on_our_servers_are_still_cloud_hosting(assistant):
    reply = assistant.answer("are my messages stored on my phone or on your servers?")
    assert reply.answered and reply.citations[0].clause.section == "4"


# The review of round 25: cookies kept on the phone are section 7 ("stored on my phone" was taken out).
def test_cookies_on_the_phone_are_the_cookies_section(assistant):
    reply = assistant.answer("are cookies stored on my phone")
    assert reply.answered and reply.citations[0].clause.section == "7"


# Logging in with another company's account, passwords on the app, and whether an account is needed.
@pytest.mark.parametrize("question", [
    "do you use facebook to login?",
    "does the app require a password to access?",
    "can i password protect data?",
])
def test_logging_in_and_passwords_are_account_support(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "not_covered", question


@pytest.mark.parametrize("question", [
    "how is my pasword protectd",  # fresh14: how the password is protected is security (section 5)
    "why do you need my account details?",
    # the review of round 25: "enter a password", "need a password", "need a ... account" were taken out
    "is it safe to enter a password on your website",
    "do i need a password to unsubscribe from emails",
    "do i need a account to opt out of marketing",
    "i use facebook to login what data do you get",
])
def test_how_a_password_is_protected_and_why_details_are_needed_are_answered(assistant, question):
    assert assistant.answer(question).answered, question

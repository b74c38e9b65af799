"""Text-speak "dlt" for "delete", redone narrowed after the review of round 14b (its sections A1, B1 and D): "dlt" is
"delete" only when the visitor's things follow it and no word of India's DLT registration of SMS senders is in the
clause. Wordings of the review and our own."""

import pytest


@pytest.mark.parametrize("question", [
    # the review, A1 and B1: DLT registration, declined or unsure as on main, never a deletion
    "dlt my account registration status", "dlt my account pe approved nahi hai",
    "dlt the account registration is still pending", "dlt the number series approval time",
    "dlt my number series in the panel", "dlt my data upload karna hai portal pe", "dlt the id for my company is pending",
    "dlt my phone number registration kaise kare", "dlt my account me kaise link kare", "dlt my id kaise milega",
    "dlt my number ka approval kab aayega", "is dlt my account ke liye zaroori hai", "is dlt everything for my sms?",
    "dlt my details kaise update kare",
    # the review, D: kept as DLT
    "dlt my sender id ka status kya hai", "dlt my company details kaise bhare", "dlt my contacts template is not approved",
    "dlt the template id is not matching", "hw to dlt register my company", "mera number dlt register karna hai",
    # our own
    "dlt my number for transactional route", "how to dlt my number", "dlt my account on jio trueconnect",
    "dlt my data in the panel", "dlt my data for otp messages", "dlt my peid please", "what is dlt",
    "my dlt account is blocked", "do i need dlt for otp sms",
])
def test_dlt_registration_is_never_a_deletion(assistant, question):
    reply = assistant.answer(question)
    assert reply.handoff != "deletion" and reply.offer != "deletion"


@pytest.mark.parametrize("question", [
    # the review, D
    "dlt my acc", "pls dlt my profile and data", "can you dlt my info", "dlt all my chats", "i want to dlt my account",
    "mera data dlt kar do", "dlt mera account", "pls dlt my accnt asap, dont want ur service", "i want u to dlt my phone no",
    "kindly dlt my personal data", "mera data dlt kardo", "mera account dlt krdo", "dlt my no from ur database",
    # our own
    "dlt my account now", "dlt everything abt me", "pls dlt my number, i dont use ur service",
])
def test_dlt_my_things_is_a_deletion(assistant, question):
    assert assistant.answer(question).handoff == "deletion"


def test_dlt_my_email_id_from_the_list_is_an_opt_out(assistant):
    assert assistant.answer("plz dlt my email id from ur list").handoff == "marketing_opt_out"


# "and" breaks a message into clauses: what the "dlt" goes on to after it still says whether it deletes (the review of
# round 15, after its fixes: "dlt my number and my brand name" is DLT registration, declined as a product question).
@pytest.mark.parametrize("question, handoff", [
    ("dlt my number and my brand name", None),
    ("dlt my account and my company name both", None),
    ("dlt my account and my website", None),
    ("dlt my account and my gst number", None),
    ("dlt all my chats and my account pls", "deletion"),
    ("pls dlt my account and all my data", "deletion"),
    ("dlt my acc and my number asap", "deletion"),
])
def test_dlt_and_what_follows(assistant, question, handoff):
    assert assistant.answer(question).handoff == handoff

"""Round 50: the false handoffs of the forty-eighth visitor table (fresh46: long messages and Indian English), fixed by
kind and tested here with the team's own wordings next to the requests that must still hand off."""

import pytest


# No request in these: ways offered, a belief, the visitor's own conduct, an answer wished for, a doubt, a person to
# speak to.
@pytest.mark.parametrize("question", [
    "what is the procedure to get my data erased, email or phone?",
    "I signed up only for OTPs. Now your newsletters keep coming. Are you using my email for promotions? I thought you "
    "needed it just for invoices.",
    "I run tuition classes and some of my students are 12. Can they register on their own, or only their parents? We "
    "don't want to do anything wrong.",
    "Our last vendor leaked our customers' numbers. Before we move to you, can you promise our data will never be "
    "hacked? I'd like a straight answer.",
    "We are a clinic sending reminders through you. How many years do you keep message logs and contact lists after we "
    "close an account? We need an actual number for our records.",
    "Myself Anil, sales head. We are having a doubt whether you will use our details for your own promotional mails "
    "or not.",
    "I am 70 and not comfortable with forms. I would like to speak to someone about my privacy concerns. Is there a "
    "phone number? My grandson will help me.",
])
def test_no_request_made(assistant, question):
    assert assistant.answer(question).handoff is None, question


@pytest.mark.parametrize("question, form", [
    ("delete my data, by email or whatsapp, whichever is faster", "deletion"),
    ("I thought about it and I want my account deleted", "deletion"),
    ("I don't want to receive your promotional emails anymore", "marketing_opt_out"),
    ("I would like a copy of my data", "portability"),
    ("I want to talk to someone and delete my account", "deletion"),
])
def test_requests_still_hand_off(assistant, question, form):
    assert assistant.answer(question).handoff == form, question

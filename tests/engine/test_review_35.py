"""What the review of round 35 found (a second reader's 462 wordings, 103 changed, 43 worse), and what was done: each
over-reach below answers as it did before round 35, or better."""

import pytest


# "pick up" of data is no phone picked up.
@pytest.mark.parametrize("question", ["can anyone pick up my otp in transit", "is anybody picking up my location from the app",
                                      "anyone picking up my card number from your payment page?",
                                      "could anyone else pick up my messages on the network"])
def test_picking_up_data_is_not_our_hours(assistant, question):
    assert assistant.answer(question).reason != "company", question


# "an inbox" of the product is no inbox of ours.
@pytest.mark.parametrize("question", ["is there an inbox feature in the whatsapp business api",
                                      "how many messages can an inbox hold", "can my customers reply to an inbox"])
def test_the_products_inbox_is_not_our_email(assistant, question):
    assert assistant.answer(question).reason != "company", question


def test_a_number_written_on_an_envelope_is_not_our_address(assistant):
    assert assistant.answer("why was my full number written on the envelope of your invoice").reason != "company"


# Whom we tell is no question of whom the visitor contacts.
@pytest.mark.parametrize("question", ["who will you tell if my data is breached", "whom do you tell about children's data",
                                      "who tells my employer about my data"])
def test_whom_we_tell_is_not_the_contact_line(assistant, question):
    assert assistant.answer(question).reason != "company", question


# Who processes a request of the visitor's, or their data at our end, is no question of sharing.
@pytest.mark.parametrize("question", ["who processes my deletion request", "who processes my opt out",
                                      "who processes my complaint", "who in your team processes my data",
                                      "who is processing my data in the eu"])
def test_who_processes_what_i_sent_is_not_sharing(assistant, question):
    reply = assistant.answer(question)
    assert not (reply.answered and reply.citations[0].clause.section == "4"), question


# A second question pointing back with "them / those" at the visitor's data is still answered.
@pytest.mark.parametrize("question", ["how long do you keep my customers numbers and do you sell them to marketers",
                                      "how long do you store my otp data and do you share them with telecom operators"])
def test_a_covered_question_with_them_is_answered(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section == "4", question


# Hinglish complaints, said as a wish ("complaint karni hai") or had ("complaint hai"), are grievances again.
@pytest.mark.parametrize("question, intent", [("data ke baare me complaint karni hai", "grievance"),
                                              ("cookies ke bare me complaint karni hai", "grievance"),
                                              ("privacy ke bare me complaint karni hai", "grievance"),
                                              ("bacchon ke data ke baare me complaint hai", "child_data")])
def test_hinglish_complaints_hand_off(assistant, question, intent):
    assert assistant.answer(question).handoff == intent, question


# The app's own ads stay uncovered when browsing it is named.
@pytest.mark.parametrize("question", ["can i browse the app without ads", "how i use the app without ads",
                                      "what i do to remove ads from the app"])
def test_app_ads_stay_uncovered(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "not_covered", question

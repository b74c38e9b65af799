"""Round 56 (session 32), from fresh55's misses: a lead-in that announces a question ("just asking", "one doubt") leaves
the question that follows a question; the visitor's payment data named is what section 2 lists, whatever plan or
recharge sets the scene (corpus/gaps.yaml). Tested with the team's own wordings next to the ones that must not
change."""

import pytest

from tests.replies import top_section


@pytest.mark.parametrize("question, section", [
    ("just curious, is deleting my account something i can do", "6"),
    ("one doubt, is my data shared with advertisers", "4"),
    ("quick question, is opting out of your marketing emails possible", "6"),
    ("just asking, can my 12 year old use this", "9"),
    ("i was wondering, can i get a copy of my data", "6"),
])
def test_a_question_after_a_lead_in_is_asked_not_a_request(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == section and reply.handoff is None


# An instruction after the same lead-in still hands off; a lead-in alone announces nothing else.
@pytest.mark.parametrize("message, intent", [
    ("just asking, delete my account", "deletion"),
    ("quick question, can you delete my account", "deletion"),
    ("one doubt, stop the promo sms please", "marketing_opt_out"),
])
def test_an_instruction_after_a_lead_in_still_hands_off(assistant, message, intent):
    assert assistant.answer(message).handoff == intent


@pytest.mark.parametrize("question", [
    "when i top up credits do you keep my card number",
    "are my billing details safe when i recharge",
    "if i buy the premium plan do you store my card details",
])
def test_the_visitors_payment_data_is_answered_whatever_plan_is_named(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) in ("2", "4", "5") and reply.gap is None


@pytest.mark.parametrize("question", [
    "how much is the premium plan",
    "can i pay with my card",
    "do you need a credit card for the free plan",
    "whats the refund policy for a recharge",
])
def test_prices_and_plans_stay_not_covered(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.gap is not None and reply.gap.topic == "Prices, plans and payment terms"

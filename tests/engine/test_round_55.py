"""Round 55 (session 30): what the visitor is "entitled" to is a right (corpus/synonyms.yaml), from fresh51's misses;
tested with the team's own wordings next to the ones that must not change."""

import pytest

from tests.replies import top_section


@pytest.mark.parametrize("question", [
    "what exactly am i entitled to, as a customer whose data you keep?",
    "as a user, are we entitled to anything regarding our data?",
    "what entitlements do I have over the personal information you hold",
    "I'm entitled to my data",
])
def test_what_the_visitor_is_entitled_to_is_the_section_on_rights(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == "6" and reply.handoff is None


# Compensation and refunds one is entitled to stay the gap topics they were.
@pytest.mark.parametrize("question, topic", [
    ("am I entitled to compensation if my data leaks", "Compensation after a data breach"),
    ("am i entitled to a refund for unused credits", "Prices, plans and payment terms"),
])
def test_what_else_one_is_entitled_to_stays_declined(assistant, question, topic):
    reply = assistant.answer(question)
    assert not reply.answered and reply.gap is not None and reply.gap.topic == topic


# Hinglish of fresh51's misses (corpus/hinglish.yaml): "saaf kar do" wipes, "theek karwa do" asks for a correction
# ("karwa do": get it done, an instruction). The team's own wordings.
@pytest.mark.parametrize("message, intent", [
    ("mera purana data saaf kar do please", "deletion"),
    ("records mein company ka naam galat chhap gaya hai, isko theek karwa do", "correction"),
])
def test_hinglish_requests_in_these_words_hand_off(assistant, message, intent):
    assert assistant.answer(message).handoff == intent


def test_a_campaign_made_clean_is_still_the_product(assistant):
    """"saaf" reads "wipe", which the product's things keep from being a request (intents.yaml's `unless`)."""
    assert assistant.answer("campaign list saaf kar do").handoff is None


# "k", "kk" (text-speak "ok") open a message as "ok" does (intents' fillers): what follows is still an instruction.
@pytest.mark.parametrize("message", ["k stop the promo mails", "kk remove the marketing sms pls",
                                     "k stop the offer messages"])
def test_an_instruction_after_k_still_hands_off(assistant, message):
    assert assistant.answer(message).handoff == "marketing_opt_out"


def test_k_alone_asks_nothing(assistant):
    assert assistant.answer("k").handoff is None


# From the review of session 30: "saaf" alone or doubled is plainly, no deletion ("saaf saaf batao": tell me frankly);
# "entitled" said of others or of the product is no right of the visitor's.
@pytest.mark.parametrize("question, section", [
    ("saaf saaf bataiye aap mera number kisko dete ho", "4"),
    ("mujhe saaf jawab chahiye: data bechte ho ya nahi", "4"),
    ("who is entitled to see my data inside your company?", "4"),
])
def test_plainly_and_others_entitled_are_answered_as_before(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == section and reply.handoff is None and reply.offer is None


@pytest.mark.parametrize("question", ["do entitled users get priority support?",
                                      "I feel entitled to better service than this",
                                      "is my ex-employee entitled to his old account data"])
def test_entitled_of_the_product_or_others_is_no_right(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered or top_section(reply) != "6"

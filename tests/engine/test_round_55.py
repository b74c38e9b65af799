"""Round 55 (session 30): what the visitor is "entitled" to is a right (corpus/synonyms.yaml), from fresh51's misses;
tested with the team's own wordings next to the ones that must not change."""

import pytest

from tests.replies import top_section


@pytest.mark.parametrize("question", [
    "what exactly am i entitled to, as a customer whose data you keep?",
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

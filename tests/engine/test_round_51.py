"""Round 51: more kinds of miss in the forty-eighth visitor table (fresh46), fixed by kind and tested here with the
team's own wordings next to the ones that must not change."""

import pytest

from tests.replies import top_section


# "actually" only stresses: the question reads as it would without it.
@pytest.mark.parametrize("question, section", [("who actually sees my data?", "4"),
                                               ("how do i actually exercise my rights? do i fill a form?", "6")])
def test_actually_is_only_stress(assistant, question, section):
    assert top_section(assistant.answer(question)) == section, question


# A condition that may never be ("if I ever ...") asks about the right, whatever the question after it says.
@pytest.mark.parametrize("question", ["If I ever wanted a copy of my info, would you actually give it to me?",
                                      "if we ever wanted our data deleted, would you do it?"])
def test_if_ever_asks(assistant, question):
    reply = assistant.answer(question)
    assert reply.handoff is None and top_section(reply) == "6", question


def test_a_request_with_ever_still_hands_off(assistant):
    assert assistant.answer("if i ever leave, delete my data").handoff == "deletion"


# Hinglish "sirf" (only).
def test_only_in_hinglish_reads_only(assistant):
    assert "only" in assistant.analyse("ye policy sirf website ke liye hai?").words

"""Session 54, from four reviews of fresh wordings: negation and leading premises (AY), dictated messages (AZ), the
people who receive messages businesses send through Blue Messaggio (BA), and English written by non-native speakers
(BB). Each kind is tested next to the wordings that must not change."""

import pytest

from tests.replies import declined_as_not_covered, top_section


# ---- small talk with a "no", Indian-English thanks, a microphone tried -----------------------------------------------

@pytest.mark.parametrize("message, kind", [
    ("nope, no thanks", "thanks"),
    ("no worries, all good now", "thanks"),
    ("no no, i'm fine, thank you", "thanks"),
    ("ok, not needed anymore, bye", "thanks"),
    ("thanks for your kind support", "thanks"),
    ("noted with thanks", "thanks"),
    ("that was truly helpful, thanks", "thanks"),
    ("hello, is anybody there", "greeting"),
    ("hello hello can you hear me", "greeting"),
    ("um hi there, testing", "greeting"),
    ("good evening, hope you are not too busy", "greeting"),
])
def test_small_talk_in_more_words(assistant, message, kind):
    reply = assistant.answer(message)
    assert reply.kind == "smalltalk" and reply.message.startswith("You're welcome" if kind == "thanks" else "Hello")


@pytest.mark.parametrize("message", [
    "that was not helpful",
    "thanks but that didn't help at all",
    "no, not a good answer",
])
def test_an_answer_faulted_is_not_thanked_for(assistant, message):
    assert not assistant.answer(message).message.startswith("You're welcome")


@pytest.mark.parametrize("message", [
    "no, delete it all",
    "hello, can anybody see my messages?",
    "kind of data you collect?",
    "hi, can you delete my number",
])
def test_questions_and_requests_beside_them_are_not_small_talk(assistant, message):
    assert assistant.answer(message).kind != "smalltalk"


def test_saying_the_assistant_is_not_a_person_asks_what_it_is(assistant):
    assert assistant.answer("you are not a human, are you?").message.startswith("I'm Blue Messaggio's privacy policy "
                                                                              "assistant")

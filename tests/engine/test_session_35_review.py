"""The review of session 35 (not round 35's review: that is tests/engine/test_review_35.py), after the section model
was taught the read tables: two ways of asking for deletion that the retrained model's request heads read as another
form or none. "Expunge", formal English for delete, is an action and a deletion marker; the visitor's data wished away
("i want my data gone") is a deletion. A question of where data went, or whether it is gone, stays a question; the
product's things stay the product's."""

import pytest


@pytest.mark.parametrize("message", [
    "kindly expunge my records",
    "please expunge my data",
    "expunge everything you have on me",
    "i want my data gone",
    "u guys hv my data, i want my data gone",
    "I want my details gone from your list, now",
])
def test_deletion_in_other_words_hands_off_to_the_deletion_form(assistant, message):
    assert assistant.answer(message).handoff == "deletion", message


@pytest.mark.parametrize("message", [
    "where has my data gone",
    "is my data gone after i delete my account?",
    "can you expunge my data if i ask?",
    "expunge the template i made yesterday",
])
def test_questions_and_the_products_things_are_not_handed_off(assistant, message):
    assert assistant.answer(message).handoff is None, message

"""Round 21: kinds from the sixteenth visitor table's first run (tests/data/visitor_cases_fresh14.yaml)."""

import pytest


# An instruction said not to be carried out, before what is asked, makes no request.
@pytest.mark.parametrize("question", [
    "please don't take me off the mailing list, I only want to know how to change what kind of emails I get",
    "No need to send me my data, I was only curious whether a copy in a portable format is something you offer.",
    "don't delete my account, I just want to know what you store",
])
def test_a_negated_instruction_before_a_question_is_no_request(assistant, question):
    assert assistant.answer(question).handoff is None, question


@pytest.mark.parametrize("question, intent", [
    ("don't delete my account yet, first send me a copy of my data?", "portability"),
    ("take me off your mailing list", "marketing_opt_out"), ("please don't delete my data, export it", "portability"),
])
def test_a_request_made_beside_a_negated_one_still_hands_off(assistant, question, intent):
    assert assistant.answer(question).handoff == intent, question


# A right only named in what someone else said asks nothing done; a request reported still is one.
def test_a_right_someone_mentioned_is_no_request(assistant):
    question = "a colleague mentioned the portability right at work today and I had no idea what it means"
    assert assistant.answer(question).handoff is None


@pytest.mark.parametrize("question, intent", [
    ("my friend said I should ask you to delete my data", "deletion"),
    ("my wife said she wants her account deleted", "deletion"),
    ("my friend told me her 9 year old daughter has an account with you", "child_data"),
])
def test_a_reported_request_still_hands_off(assistant, question, intent):
    assert assistant.answer(question).handoff == intent, question


# Off a list is off a list: "off ur promo list" as "from your promotional list".
@pytest.mark.parametrize("question", ["plz yeet my number off ur promo list", "delete my email off your newsletter list"])
def test_taken_off_a_promo_list_is_an_opt_out(assistant, question):
    assert assistant.answer(question).handoff == "marketing_opt_out", question


@pytest.mark.parametrize("question", ["send me my data", "yo send me my data", "send me my information please"])
def test_send_me_my_data_is_access(assistant, question):
    assert assistant.answer(question).handoff == "access", question

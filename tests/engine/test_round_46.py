"""Round 46: the kinds of miss in the forty-fourth visitor table (fresh42), on the line between asking about a right
and making a request, fixed by kind and tested here with the team's own wordings next to the ones that must not
change."""

import pytest

from tests.replies import top_section


# A request goes on being one when the message ends in what nobody told the visitor ("... will explain how").
def test_a_complaint_ending_in_what_nobody_explained(assistant):
    reply = assistant.answer("I wish to file a complaint. My email was given to a loan app and no one will tell me how")
    assert reply.handoff == "grievance"


def test_asking_how_still_asks(assistant):
    assert assistant.answer("delete my account, tell me how").handoff is None


# The business's details to be updated, or a detail told as it now is: a correction.
@pytest.mark.parametrize("question", ["please update our business details, the gst number changed last month",
                                      "my surname is now Kapoor, kindly fix it in your records"])
def test_details_told_as_they_now_are(assistant, question):
    assert assistant.answer(question).handoff == "correction", question


def test_a_name_now_different_asked_about_is_no_correction(assistant):
    assert assistant.answer("our company name is now different, does the policy still apply?").handoff is None


# A relative typing for the visitor: the visitor's own request, not a child's data.
def test_a_son_typing_for_his_father(assistant):
    reply = assistant.answer("my daughter is typing this for me, I am 70, please stop all promotional messages")
    assert reply.handoff == "marketing_opt_out"


def test_a_child_of_nine_still_reports(assistant):
    assert assistant.answer("my son is 9 and typing on my phone, delete his account").handoff == "child_data"


# A past deed after "never", going on from the clause before, is no instruction.
def test_no_request_made(assistant):
    question = "I signed up last year, never bought anything, and now your offers come daily. Do you use signup data for ads?"
    assert assistant.answer(question).handoff is None


def test_never_as_an_instruction_still_hands_off(assistant):
    assert assistant.answer("never send me promo sms again").handoff == "marketing_opt_out"


# Who else handles the visitor's data: whom it is shared with.
def test_who_else_handles_my_data(assistant):
    assert top_section(assistant.answer("apart from you who else handles my information?")) == "4"


def test_who_handles_my_account_is_not_sharing(assistant):
    assert top_section(assistant.answer("who handles my account")) != "4"


# Which part of the city our office is in: our address.
def test_which_part_of_the_city(assistant):
    reply = assistant.answer("which part of the city is your office in?")
    assert reply.reason == "company" and reply.message.startswith("Address:")


def test_a_part_of_the_city_of_the_product(assistant):
    assert assistant.answer("which part of the city gets the most sms").reason != "company"

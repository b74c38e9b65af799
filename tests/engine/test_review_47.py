"""Round 47's review: wordings of the reviewer's own that the round's first rules got wrong, each narrowed, and the
ones the narrowing had to keep right."""

import pytest

from tests.replies import top_section


# "what's your number" is our phone only when nothing else is said of the number.
@pytest.mark.parametrize("question", ["what's your sender ID number", "what is your number masking feature",
                                      "what is your virtual number price"])
def test_other_numbers_of_ours_are_not_the_phone(assistant, question):
    assert assistant.answer(question).reason != "company", question


@pytest.mark.parametrize("question", ["what is your office number", "wat is ur number sir",
                                      "what is your number and when can i call"])
def test_our_phone_asked_with_a_word_around_it(assistant, question):
    reply = assistant.answer(question)
    assert reply.reason == "company" and reply.message.startswith("Phone:"), question


# "based on where" is a deciding factor, not where we are.
@pytest.mark.parametrize("question", ["is pricing based on where the sms is delivered",
                                      "do you route sms based on where the user is"])
def test_based_on_where_is_no_address_question(assistant, question):
    assert assistant.answer(question).reason != "company", question


# "people" replying are ours only as "you people"; the sender's own customers replying are the product.
@pytest.mark.parametrize("question", ["how long for people to reply to whatsapp broadcast messages",
                                      "what is the timeline for people to respond to an OTP"])
def test_customers_replying_is_no_reply_time(assistant, question):
    assert assistant.answer(question).reason != "company", question


# "open ... on" with "again" or "up" between still asks our hours.
@pytest.mark.parametrize("question", ["will your office be open again on monday after diwali",
                                      "does support open up on diwali"])
def test_open_again_on_a_day(assistant, question):
    reply = assistant.answer(question)
    assert reply.reason == "company" and "Business Hours" in reply.message, question


# Insurers as third parties are sharing; insurance against a breach is not covered.
@pytest.mark.parametrize("question", ["do you share my details with insurance agents in case they want to call me",
                                      "will you pass my number to an insurance company in case of a claim"])
def test_insurers_are_third_parties(assistant, question):
    assert top_section(assistant.answer(question)) == "4", question


def test_insurance_cover_for_breaches_is_not_covered(assistant):
    reply = assistant.answer("do you have insurance cover for data breaches")
    assert not reply.answered and reply.reason == "not_covered"


# Whether contact groups are shared or sold is what the policy says of all personal information.
@pytest.mark.parametrize("question", ["do you sell the numbers in my contact group",
                                      "is my contact group shared with whatsapp"])
def test_sharing_contact_groups_is_answered(assistant, question):
    assert top_section(assistant.answer(question)) == "4", question


# A profile made on a product is the visitor's data: "remove it if I ask" acts on it, not on the app.
def test_a_profile_removed_is_the_visitors_data(assistant):
    reply = assistant.answer("Is there an android app? I made a profile on it, can you remove it if I ask?")
    assert reply.answered and top_section(reply) == "6"

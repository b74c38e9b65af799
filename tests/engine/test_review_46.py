"""The review of round 46: wordings of the reviewer's own that the round's rules had made worse, each kept as it was
before the round (or better)."""

import pytest

from tests.replies import top_section


# A detail said to be "now" something else is a correction only for a name; a number or an inbox "now getting" spam
# is an opt-out, and "your office address is now where?" asks our address.
@pytest.mark.parametrize("question, handoff", [
    ("my number is now getting 20 promo sms a day from your clients, stop it", "marketing_opt_out"),
    ("my email is now flooded with promo mails from your platform, stop them", "marketing_opt_out"),
])
def test_now_said_of_spam(assistant, question, handoff):
    assert assistant.answer(question).handoff == handoff, question


def test_our_address_asked_with_now(assistant):
    reply = assistant.answer("your office address is now where? i want to send a legal notice")
    assert reply.reason == "company" and reply.message.startswith("Address:")


def test_product_details_are_no_correction(assistant):
    assert assistant.answer("update our DLT entity details please").handoff is None


# Checking whether the visitor already opted out or objected still makes the request.
@pytest.mark.parametrize("question, handoff", [
    ("pls check if I opted out successfully last week, still getting sms", "marketing_opt_out"),
    ("verify if i opted out of emails, otherwise unsubscribe me", "marketing_opt_out"),
])
def test_checking_a_past_request(assistant, question, handoff):
    assert assistant.answer(question).handoff == handoff, question


# A relative typing for the visitor about a child's own data: still a child's-data report.
@pytest.mark.parametrize("question", [
    "my son is typing this for me, he signed up with my number, he is in 7th, delete his data",
    "my son is typing this for us, he uses our account for his online classes, remove his data"])
def test_a_child_named_beside_the_relative_typing(assistant, question):
    assert assistant.answer(question).handoff == "child_data", question


# A request about data handled is no question of sharing.
def test_who_handles_a_data_request(assistant):
    assert top_section(assistant.answer("who else handles my data deletion request, or is it only your team?")) != "4"


# A sentence of its own that opens with "never" and a past deed: the rest of the message still asks.
def test_never_made_an_account(assistant):
    reply = assistant.answer("never made an account, pls explain what info you hold about me")
    assert reply.answered and top_section(reply) == "6"


# An office area asked for the product's sales is not where our office is.
def test_an_area_of_the_product(assistant):
    assert assistant.answer("which area is your office team handling for sales, i am in Noida").reason != "company"

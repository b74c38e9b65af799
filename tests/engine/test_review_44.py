"""The review of round 44: wordings of the reviewer's own that the round's rules had made worse, each kept as it was
before the round (or better)."""

import pytest

from tests.replies import top_section


# Keeping an OTP usable is no question of what we store.
def test_an_otp_kept_valid(assistant):
    assert not assistant.answer("do you keep the otp valid for 10 minutes").answered


# Agreeing: only the visitor agreeing to our policy, with nothing else asked of it.
@pytest.mark.parametrize("question, section", [
    ("i disagree with the policy change, how do i delete my data", "6"),
    ("does agreeing to your terms mean you can share my data with third parties", "4"),
    ("by accepting the policy do i allow you to sell my data", "4"),
    ("are third party vendors bound by your privacy policy", "8"),
    ("is a child bound by the terms if they use the app", "9"),
])
def test_agreeing_beside_another_question(assistant, question, section):
    assert top_section(assistant.answer(question)) == section, question


@pytest.mark.parametrize("question", ["are your employees bound by confidentiality terms",
                                      "are payment processors bound by the same privacy terms",
                                      "do my users have to accept the whatsapp terms when i message them via your api",
                                      "do my customers need to agree to receive promotional sms under TRAI rules"])
def test_others_bound_are_not_the_visitor_agreeing(assistant, question):
    assert top_section(assistant.answer(question)) not in ("1", "11"), question


# Hinglish: "lekar" (having taken) is no question of data taken; a change is the policy's only when it says so.
@pytest.mark.parametrize("question", ["maine payment lekar diya tha par service nahi mili",
                                      "aap log plan ke rates badalte ho kya",
                                      "mera email badlenge kaise"])
def test_hinglish_without_the_policy(assistant, question):
    assert top_section(assistant.answer(question)) not in ("2", "11"), question


# Getting back to people, or a deadline, of the visitor's own or the product's: no reply time of ours.
@pytest.mark.parametrize("question", ["how do i get back to people who reply to my bulk sms",
                                      "can i get back to customers through your sms platform",
                                      "whats the deadline to answer customer sms replies in the two way sms plan"])
def test_no_reply_time_of_ours(assistant, question):
    assert assistant.answer(question).reason != "company", question


# A child's rights are the children's section.
def test_rights_for_children(assistant):
    assert top_section(assistant.answer("rights for children in india under 13?")) == "9"


# A zip of contacts uploaded, or data compressed, is no copy of the visitor's data; nor is having it deleted.
@pytest.mark.parametrize("question", ["can i upload contacts as a zip file for bulk sms",
                                      "do you compress my data in a zip before storing"])
def test_zips_of_the_product(assistant, question):
    assert top_section(assistant.answer(question)) != "6", question


def test_all_my_data_deleted(assistant):
    reply = assistant.answer("can i get all my data deleted")
    assert top_section(reply) == "6" and "deletion" in reply.message

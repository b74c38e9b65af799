"""Round 58 (session 33), from the misses of fresh58 (the boundary between what the policy answers and what it does
not): bought lists of numbers, other people on the platform looking at a profile, a reward for finding weak spots,
how long before something is thrown away, the office's building and pincode (corpus/gaps.yaml); and a detail to be
changed as it stands on the visitor's account (intents.yaml). Tested with the team's own wordings next to the ones
that must not change."""

import pytest

from tests.replies import top_section


@pytest.mark.parametrize("question, topic", [
    ("do you buy phone number databases from some vendor", "Data obtained from others"),
    ("r u getting my details from list sellers", "Data obtained from others"),
    ("can random people on the platform see my profile", "What other users can see"),
    ("do you give a reward for finding bugs in your site", "Reporting a security hole"),
    ("how long before you delete the chat transcripts with support", "How long data is kept"),
    ("if i don't log in for 2 years is my data deleted", "How long data is kept"),
    ("which building is your office in, need it for the courier", "Facts about the company not in the policy"),
])
def test_what_the_policy_never_says_is_not_covered(assistant, question, topic):
    reply = assistant.answer(question)
    assert not reply.answered and reply.gap is not None and reply.gap.topic.startswith(topic)


def test_the_offices_pincode_is_declined_with_the_contact_details(assistant):
    reply = assistant.answer("whats the pincode of your office")
    assert not reply.answered and "Mumbai" in reply.message


# Their neighbours the policy answers: selling, testing for weak spots, the city and hours, deleting on request.
@pytest.mark.parametrize("question, section", [
    ("do you sell my number to list sellers", "4"),
    ("do you hire ethical hackers to test your systems", "5"),
    ("which city is your office in", "12"),
    ("is support open on diwali", "12"),
    ("can i ask you to delete my data", "6"),
])
def test_what_the_policy_says_is_still_answered(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == section


@pytest.mark.parametrize("message", [
    "we shifted, change the address on our account",
    "pls update the phone number on my account to 9876500000",
    "change the email on my account, the old one is closed",
])
def test_a_detail_to_be_changed_on_the_visitors_account_hands_off_as_a_correction(assistant, message):
    assert assistant.answer(message).handoff == "correction"


@pytest.mark.parametrize("message", [
    "how do i change the sender name on my account",  # the product's setting, not personal data
    "change the plan on my account to the yearly one",
])
def test_a_setting_of_the_product_on_the_account_is_no_correction(assistant, message):
    assert assistant.answer(message).handoff != "correction"


@pytest.mark.parametrize("question", ["what data do you collect automatically", "which data is collected automatically"])
def test_data_collected_automatically_is_still_section_2(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == "2"


# "are those ...", "are these ...": a verb before its subject asks, wherever the clause starts (fresh58: "the excel
# sheets of contacts i upload to the panel, are those encrypted on your servers" was handed off for "excel").
@pytest.mark.parametrize("question", [
    "the excel sheets of contacts i upload to the panel, are those encrypted on your servers",
    "the csv files with my customers' numbers, are these kept safe",
])
def test_a_question_after_a_noun_phrase_is_asked_not_a_request(assistant, question):
    reply = assistant.answer(question)
    assert reply.handoff is None and reply.answered and top_section(reply) == "5"


def test_an_instruction_about_those_still_hands_off(assistant):
    assert assistant.answer("the contacts i uploaded, delete those please").handoff == "deletion"


# The review of round 58: the company's staff and the apps the visitor connects are answered from sections 5 and 8;
# other users of the app are still what the policy does not cover.
@pytest.mark.parametrize("question, sections", [
    ("can your employees see my profile and messages", ("5", "4")),
    ("can third party apps i connect see my profile data", ("4", "8")),
])
def test_staff_and_connected_apps_seeing_a_profile_are_answered(assistant, question, sections):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) in sections


@pytest.mark.parametrize("question", ["can other users in the app see my profile",
                                      "can other app users see my phone number"])
def test_other_users_of_the_app_are_still_not_covered(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.gap is not None and reply.gap.topic == "What other users can see"


@pytest.mark.parametrize("message", ["change the number on my account used for 2fa otp",
                                     "if i dont log in for a while will i stop getting marketing emails",
                                     "do you offer rewards for finding new clients"])
def test_what_the_review_of_round_58_found_too_broad_is_left_alone(assistant, message):
    reply = assistant.answer(message)
    assert reply.handoff is None and (reply.gap is None or reply.gap.topic.split(" (")[0] not in (
        "How long data is kept", "Reporting a security hole", "What other users can see"))


# "mail karo", "email kar do": send it by mail (corpus/hinglish.yaml; fresh58's "... sabki ek file bana ke mail karo").
@pytest.mark.parametrize("message", ["mera data email kar do", "meri details ki copy mail kar do"])
def test_hinglish_mail_it_to_me_hands_off(assistant, message):
    assert assistant.answer(message).handoff in ("access", "portability")


def test_hinglish_saying_a_mail_was_sent_hands_nothing_off(assistant):
    assert assistant.answer("aapko mail kiya tha, reply nahi aaya").handoff is None

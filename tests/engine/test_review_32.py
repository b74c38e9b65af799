"""What a second reader's own wordings found in round 32 (tests/engine/test_round_32.py), each kind fixed."""

import pytest

from tests.replies import top_section


# A polite wish is a request only when it asks something done to the visitor's own account or details: not a wish
# about the policy or the product, nor a wish to be told, nor someone calling.
@pytest.mark.parametrize("question", [
    "It would be nice if the policy had a section on children",
    "would be nice if the policy said how long you keep data after deletion",
    "It would be great if you could remove the watermark from our messages",
    "It would be great if you deleted my ex-employee's access to the dashboard",
    "It would be great if I could export my contacts to CSV",
    "It would be helpful if you could share your grievance officer's details",
    "would be great if someone called me back",
    "It would be nice if you added parental controls for kids",
    "It would be great if my data was deleted after 30 days automatically, is that what happens?",
    "It would be great if you could check whether my number was corrected",
])
def test_wishes_that_ask_nothing_done(assistant, question):
    assert assistant.answer(question).handoff is None, question


@pytest.mark.parametrize("question, handoff", [
    ("it'd be great if you could delete my data", "deletion"),
    ("It would be great if my old number could be swapped for the new one", "correction"),
    ("I would be grateful if you could correct my name in your records", "correction"),
])
def test_polite_wishes_still_hand_off(assistant, question, handoff):
    assert assistant.answer(question).handoff == handoff, question


# A SIM swapped by a fraudster, or the product's numbers swapped, are no correction.
@pytest.mark.parametrize("question", ["my sim got swapped, please help me secure my account",
                                      "My two WhatsApp numbers are swapped in the dashboard, fix please",
                                      "I want to replace my old API key"])
def test_swapped_things_that_are_no_correction(assistant, question):
    assert assistant.answer(question).handoff != "correction", question


# Our addresses asked for in the plural are still our e-mail line.
@pytest.mark.parametrize("question", ["what are your emails for support and sales?",
                                      "can you share your emails for data protection queries"])
def test_our_emails_asked_for(assistant, question):
    reply = assistant.answer(question)
    assert reply.reason == "company" and reply.message.startswith("Email:"), question


# A tool named before its question is still another company's.
@pytest.mark.parametrize("question", ["Regarding Shopify, do your rules apply to data I sync?",
                                      "We use HubSpot. Does your privacy policy cover the data that flows into it?"])
def test_a_name_before_does(assistant, question):
    assert top_section(assistant.answer(question)) == "8", question


# "their" meaning our own people is not another company's.
@pytest.mark.parametrize("question", ["Are your employees held accountable if they misuse their access to my data?",
                                      "Is your staff accountable for their handling of my data?"])
def test_our_staff_accountable(assistant, question):
    assert top_section(assistant.answer(question)) != "8", question


def test_their_own_rules(assistant):
    assert top_section(assistant.answer("Are payment gateways covered by your policy or do they use their own?")) == "8"


def test_a_remembered_choice_of_contact_is_no_cookie(assistant):
    assert top_section(assistant.answer("will you remember my choice to not be contacted by phone?")) != "7"


def test_agreeing_to_marketing_cookies_is_cookies(assistant):
    assert top_section(assistant.answer("what if I do not agree to marketing cookies?")) == "7"


def test_documents_of_the_policy_are_not_identity_checks(assistant):
    assert assistant.answer("which documents are covered by this privacy policy?").reason != "not_covered"


def test_needing_it_for_a_migration_is_still_a_request(assistant):
    reply = assistant.answer("we need it for the migration to another vendor, export all our data")
    assert reply.handoff == "portability"


def test_being_responded_to_by_the_visitor_is_not_our_reply_time(assistant):
    reply = assistant.answer("how long do I have to be responding to your verification email?")
    assert not reply.message.startswith("We will respond")


# A deletion wished after closing the account still hands off; a question told after it does not.
@pytest.mark.parametrize("question", ["I have closed my account. I do not want you to keep anything.",
                                      "I've closed my account, I don't want my data with you anymore"])
def test_deletion_after_closing(assistant, question):
    assert assistant.answer(question).handoff == "deletion", question


def test_share_how_long_asks_to_be_told(assistant):
    reply = assistant.answer("I closed my account last year. Please share how long you keep logs of a closed account.")
    assert reply.handoff is None

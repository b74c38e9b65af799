"""Round 61 (session 34), from the misses of fresh62 (rights requests and child's-data reports as people make them,
beside questions about the same rights and messages that only look like requests): the business's own campaigns,
templates, uploads and team are no rights request (intents.yaml's `unless`); Indian English and slang for access,
objection and deletion (intents.yaml's markers); a child reported as such, or with what we are told it for
(app/engine/intents.py); Hinglish "teen baar" (three times, not a teenager) and "bas karo" (stop). Tested with the
team's own wordings next to the ones that must not change."""

import pytest

from tests.replies import top_section


@pytest.mark.parametrize("message", [
    "delete the offer template we made for holi",
    "pause our campaign scheduled for tonight, it has the wrong audience",
    "remove my colleague Priya's login from our team workspace",
    "delete the contacts csv i uploaded by mistake",
    "campaign abhi rok do, wrong message chala gaya",
])
def test_instructions_about_the_product_are_no_rights_request(assistant, message):
    assert assistant.answer(message).handoff is None


@pytest.mark.parametrize("message, form", [
    ("kindly furnish me all personal data of mine that you hold", "access"),
    ("what data u got on me? send it over", "access"),
    ("send me a record of my tickets and whatever else is stored against my account", "access"),
    ("cease all processing of my data, i no longer consent", "objection"),
    ("din mein teen baar promotional call aata hai aapka, ab bas karo", "marketing_opt_out"),
    ("stop sending me offers", "marketing_opt_out"),
    ("delete my account", "deletion"),
    ("strike my number off your mailing list", "marketing_opt_out"),  # off a list: an opt-out
])
def test_requests_in_indian_english_slang_and_hinglish(assistant, message, form):
    assert assistant.answer(message).handoff == form


@pytest.mark.parametrize("message", [
    "Reporting a child on your platform: my niece, who is 11, has an account.",
    "my neighbour's son is 10 and uses your app with his own number. telling you so you can remove his details.",
])
def test_a_child_reported_as_such_hands_off(assistant, message):
    assert assistant.answer(message).handoff == "child_data"


@pytest.mark.parametrize("message", [
    "hypothetically, if my daughter who is 10 had signed up (she hasn't), what would you do?",
    "my son is 10, can he use your app?",
    "reporting a bug in your dashboard",
])
def test_no_child_reported_no_child_handoff(assistant, message):
    assert assistant.answer(message).handoff != "child_data"


@pytest.mark.parametrize("message", [
    "my friend said I can ask you to delete data, is that true",  # what someone said, asked about
    "someone mentioned the portability right at work and I don't know what it means",
    "is my account safe with you, right",
])
def test_questions_about_requests_stay_questions(assistant, message):
    reply = assistant.answer(message)
    assert reply.handoff is None and reply.answered


def test_teen_is_still_a_teenager_in_english(assistant):
    reply = assistant.answer("can a teen sign up on your app?")
    assert reply.answered and top_section(reply) == "9"


# The review of round 61: what the round's first phrases took and must not.
@pytest.mark.parametrize("message, form", [
    ("stop sending me your promotional whatsapp templates, not interested", "marketing_opt_out"),
    ("These numbers are mine: 9876543210 and 9123456780. Stop sending marketing SMS to these numbers.",
     "marketing_opt_out"),
    ("I no longer consent to receiving promotional SMS from you", "marketing_opt_out"),
    ("kindly furnish me the procedure to delete my account", "deletion"),
])
def test_requests_the_rounds_phrases_must_leave_alone(assistant, message, form):
    assert assistant.answer(message).handoff == form


@pytest.mark.parametrize("message", [
    "Kindly furnish me with details of your data security measures",  # "furnish me": tell me
    "i no longer consent to cookies on your site",
    "Reporting a bug: the signup form lets kids under 13 register without any age check",  # no child reported
])
def test_questions_and_reports_the_rounds_phrases_must_leave_alone(assistant, message):
    reply = assistant.answer(message)
    assert reply.handoff is None and reply.answered

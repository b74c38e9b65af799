"""Session 43, from two reviews of the team's own wordings: a gap's phrase matched words apart must not take a privacy
question for another topic ("how much security does the app have" is no price, "are u liable for privacy of
integrated services" no claim for compensation); "your email newsletters" are mail we send, not our address; and a
question about what another company itself does with data ("does textlocal sell data") is declined as that company's
practice, not answered with ours. Each kind is tested next to the wordings that must not change."""

import pytest

from tests.replies import top_section

PRICES = "Prices, plans and payment terms"


@pytest.mark.parametrize("question, section", [
    ("how much security does the app have?", "5"),
    ("how much protection does my data get", "5"),
    ("how much of my data does your company share", "4"),
    ("how much info does the app collect about me", "2"),
])
def test_how_much_of_the_visitors_data_or_its_protection_is_no_price(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == section and reply.gap is None


@pytest.mark.parametrize("question", [
    "how much does it cost to send 1000 sms",
    "how much does the whatsapp api cost per message",
    "how much does the premium plan cost",
    "how much is the security deposit for an account",
])
def test_how_much_a_product_costs_is_still_a_price(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.gap is not None and reply.gap.topic == PRICES


def test_cookies_of_a_named_product_are_the_cookies_section(assistant):
    reply = assistant.answer("does the whatsapp api portal use tracking cookies for marketing")
    assert reply.answered and top_section(reply) == "7"


def test_how_to_track_a_campaign_is_still_the_product(assistant):
    reply = assistant.answer("how do i track my whatsapp api campaign delivery")
    assert not reply.answered and reply.gap is not None and "products" in reply.gap.topic


@pytest.mark.parametrize("question", [
    "are u liable for privacy of integrated services",
    "are you liable if a third party app leaks my data",
])
def test_answering_for_other_companies_is_the_third_party_section(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == "8"


@pytest.mark.parametrize("question", [
    "will you compensate me if my data leaks",
    "are you liable if hackers steal my data",
])
def test_compensation_for_a_breach_stays_not_covered(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.gap is not None and reply.gap.topic == "Compensation after a data breach"


@pytest.mark.parametrize("question", [
    "how do i unsubscribe from your email newsletters",
    "how can i stop getting ur email updates",
    "how do i opt out of your email promotions",
])
def test_stopping_our_email_newsletters_is_the_marketing_choice(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == "6" and reply.reason is None


@pytest.mark.parametrize("question", ["what is your email", "what is your email for complaints"])
def test_our_email_address_is_still_the_contact_line(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.reason == "company" and reply.quotes[0].text.startswith("Email:")


@pytest.mark.parametrize("question", [
    "does textlocal sell data",
    "does jio share data with the government",
    "is truecaller safe to use",
    "what does truecaller do with my contacts",
    "does razorpay store my card details",
    "does gupshup share my number with advertisers",
])
def test_what_another_company_does_is_its_own_policys_question(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "not_covered" and reply.handoff is None
    assert "another company" in reply.message and reply.contact


@pytest.mark.parametrize("question, section", [
    ("does blue messaggio sell my data", "4"),
    ("does bluemesagio sell my data", "4"),  # our name in a slip
    ("do you share my data with jio", "4"),  # what we give the company
    ("is my data shared with truecaller", "4"),
    ("is aadhaar data safe with you", "5"),  # asked of us
    ("is kyc safe", "5"),  # a thing, not a company
    ("is bulksms safe", "5"),  # our kind of service typed together, not a company
    ("is whatsappapi safe", "5"),
    ("does it sell my data", "4"),
    # a company linked to our service: its own policy governs (section 8)
    ("what will hubspot do with my data after i link it", "8"),
])
def test_what_we_do_is_still_answered_whatever_company_is_named(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == section


@pytest.mark.parametrize("question, section", [
    ("do yuo share my details with anyone", "4"),  # a slip of "you" names no company
    ("can they promise my data will never leak", "5"),  # nor does a pronoun
    ("guarantee do ki kabhi leak nahi hoga", "5"),  # nor Hindi after "do" that opens no clause
])
def test_no_company_is_read_into_slips_pronouns_or_hindi(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == section


# A clause after a greeting alone asks when it opens with "does", "is" ..., as one after "just asking" does: it tells
# nothing to be done.
@pytest.mark.parametrize("question", [
    "hi, does airtel share my number with advertisers",
    "hello, does jio share my number with advertisers",
])
def test_a_question_after_a_greeting_is_no_request(assistant, question):
    reply = assistant.answer(question)
    assert reply.handoff is None and not reply.answered and "another company" in reply.message


@pytest.mark.parametrize("message, intent", [
    ("hi, delete my data", "deletion"),
    ("good morning, can u stop the promo sms", "marketing_opt_out"),
])
def test_a_request_after_a_greeting_still_hands_off(assistant, message, intent):
    assert assistant.answer(message).handoff == intent


@pytest.mark.parametrize("question", ["does bulksms store my data", "does chatbot store my chats", "is chatbot safe"])
def test_our_kind_of_service_typed_together_is_no_other_company(assistant, question):
    assert "another company" not in assistant.answer(question).message

"""Session 43, from a review of realistic traffic: Hinglish acknowledgements and thanks ("theek hai" had opened the
correction form, "shukriya" got "the policy doesn't cover that"), requests written as a support ticket's title
("access request - acc id BM1234"), account support in Hindi's word order, a visitor's own address used for marketing,
and the company sold in Hinglish. Each kind is tested next to the wordings that must not change."""

import pytest

from tests.replies import top_section


@pytest.mark.parametrize("message", [
    "theek hai", "ok theek hai", "theek h bhai samajh gaya", "shukriya", "dhanyavaad", "ji dhanyavad",
    "thik hai thanks", "accha ok", "bahut badhiya, thanks", "Thanks, that helps!", "great, thanks for the info",
])
def test_acknowledgements_and_thanks_are_small_talk(assistant, message):
    reply = assistant.answer(message)
    assert reply.kind == "smalltalk" and reply.handoff is None


@pytest.mark.parametrize("message", ["kaise ho", "aap kaise ho"])
def test_how_are_you_in_hindi_is_a_greeting(assistant, message):
    assert assistant.answer(message).kind == "smalltalk"


@pytest.mark.parametrize("message, intent", [
    ("theek karwa do mera naam", "correction"),  # "theek" alone still corrects
    ("mera naam galat hai, theek karo", "correction"),
    ("theek hai, mera data delete kar do", "deletion"),  # a request after the acknowledgement
])
def test_requests_beside_theek_still_hand_off(assistant, message, intent):
    assert assistant.answer(message).handoff == intent


@pytest.mark.parametrize("message, intent", [
    ("access request - acc id BM1234", "access"),
    ("data portability request - acc id BM20391", "portability"),
    ("objection request for analytics", "objection"),
    ("correction request: phone number", "correction"),
    ("deletion request for my account", "deletion"),
])
def test_a_ticket_title_naming_a_request_hands_off(assistant, message, intent):
    assert assistant.answer(message).handoff == intent


@pytest.mark.parametrize("question", [
    "access request status",
    "what is an access request",
    "how long does a deletion request take",
    "access request kitne din mein process hota hai",
])
def test_a_request_named_in_a_question_is_not_made(assistant, question):
    assert assistant.answer(question).handoff is None


@pytest.mark.parametrize("question", ["mera account login nahi ho raha", "password bhool gaya",
                                      "login nahi ho pa raha hai"])
def test_account_support_in_hindi_order_is_not_covered(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.handoff is None and reply.gap is not None and "account" in reply.gap.topic


def test_the_visitors_email_used_for_marketing_is_section_3(assistant):
    reply = assistant.answer("will u use my email to send me marketing stuff?")
    assert reply.answered and top_section(reply) == "3"


def test_email_marketing_as_a_product_is_still_not_covered(assistant):
    reply = assistant.answer("do you offer email marketing")
    assert not reply.answered and reply.gap is not None and "products" in reply.gap.topic


@pytest.mark.parametrize("question", ["agar company bik gayi toh mera data ka kya hoga",
                                      "koi aur company khareed le to mera data"])
def test_the_company_sold_in_hinglish_is_business_transfers(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.id == "s4-business-transfers-1"


@pytest.mark.parametrize("question", ["kya company mera data sell karti hai", "does the company sell my data"])
def test_selling_the_visitors_data_is_still_the_no_sale_clause(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.id == "s4-1"


def test_business_hours_in_text_speak(assistant):
    reply = assistant.answer("business hrs?")
    assert reply.answered and reply.reason == "company" and reply.quotes[0].text.startswith("Business Hours:")

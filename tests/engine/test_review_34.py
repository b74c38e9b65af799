"""What the review of round 34 found (a second reader's 340 wordings, 87 changed, 48 worse), and what was done: each
over-reach below answers as it did before round 34, or better."""

import pytest


def _handoff(assistant, question):
    return assistant.answer(question).handoff


# "I no longer use ..." vetoed a real objection said after it: the words are now read only where they are said.
@pytest.mark.parametrize("question", ["We no longer use Blue Messaggio. Stop using our data for analytics.",
                                      "we no longer use your platform so please stop using our customer data for profiling"])
def test_no_longer_using_the_service_keeps_the_objection(assistant, question):
    assert _handoff(assistant, question) == "objection", question


# Sales calls wished for, and the visitor's own call list, are the product.
@pytest.mark.parametrize("question", ["please add these numbers to my call list for tomorrow's campaign",
                                      "upload my call list and start the campaign",
                                      "I want a sales call to discuss pricing for bulk SMS",
                                      "I'd like a sales call about the WhatsApp API",
                                      "please switch my account to the other system, old panel is slow"])
def test_product_calls_and_systems_are_no_request(assistant, question):
    assert _handoff(assistant, question) is None, question


# Hindi "sab ... bhej do" sends messages, campaigns, reports and invoices through the product.
@pytest.mark.parametrize("question", ["mere sab contacts ko message bhej do", "sab customers ko OTP bhej do abhi",
                                      "sab campaigns bhej do kal", "all reports send kar do mail pe",
                                      "sab invoice bhej do GST wale", "mujhe sab invoices bhej do email pe"])
def test_sending_all_through_the_product_is_no_access(assistant, question):
    assert _handoff(assistant, question) != "access", question


# A word of supposing before a statement, or a message of several sentences, leaves its instructions standing.
@pytest.mark.parametrize("question, intent", [
    ("In theory your policy says you delete data on request. So delete mine. When will it be done?", "deletion"),
    ("In theory I know my rights. Delete all my data now. Can you confirm once done?", "deletion"),
    ("Hypothetically? No. Delete my account today, is that clear?", "deletion"),
    ("Theoretically you're supposed to reply within 30 days. It's been 45. Delete my data now, or should I go to the "
     "regulator?", "deletion"),
    ("In theory you respect privacy. Unsubscribe me from everything. Got it?", "marketing_opt_out"),
    ("hypothetically you can't refuse, so give me a copy of my data, ok?", "portability"),
])
def test_supposing_does_not_cancel_an_instruction(assistant, question, intent):
    assert _handoff(assistant, question) == intent, question


def test_never_opening_a_sentence_is_an_instruction(assistant):
    assert _handoff(assistant, "Never the newsletters again, understood?") == "marketing_opt_out"


# Wanting to be sure, with no question to answer it, asks for it done.
@pytest.mark.parametrize("question, intent", [
    ("I want to be certain my number is removed from your marketing list", "deletion"),  # (as before round 34)
    ("I'd like to be certain you have corrected my address", "correction"),
    ("I want to be sure I'm unsubscribed from all your emails", "marketing_opt_out"),
    ("I want to be sure my account is deleted by Friday", "deletion"),
    ("I need to be sure you've removed my kid's info", "child_data"),
])
def test_an_assurance_with_no_question_is_a_request(assistant, question, intent):
    assert _handoff(assistant, question) == intent, question


# Company phrases that reached product questions and practices.
@pytest.mark.parametrize("question", ["how many numbers can you dial per minute with voice broadcast?",
                                      "who takes up the data with the authorities in a breach?",
                                      "my customers' numbers aren't reachable at night, do you retry?",
                                      "what steps do you take to deal with a data breach?",
                                      "what measures do you take to handle my payment data?",
                                      "what do you take to handle cookies?"])
def test_product_and_practice_questions_are_not_our_details(assistant, question):
    reply = assistant.answer(question)
    assert not (reply.reason == "company" and reply.message.split(":")[0] in ("Phone", "Business Hours")
                or reply.message.startswith("We will respond")), question


def test_calling_on_a_day_asks_our_hours(assistant):
    reply = assistant.answer("can I dial you on sunday?")
    assert reply.reason == "company" and reply.message.startswith("Business Hours:")


# "is / are" after a question word, before the noun "complaint(s)", asks where complaints go.
@pytest.mark.parametrize("question", ["what is complaint procedure?", "where are complaints filed?",
                                      "whom are complaints sent to?", "how is complaint handled by your team?"])
def test_complaints_asked_about_get_the_contact_line(assistant, question):
    reply = assistant.answer(question)
    assert reply.reason == "company" and reply.message.startswith("If you have any questions"), question


# Who on our side gets the visitor's request is no question of sharing.
@pytest.mark.parametrize("question", ["who in your team will get my request?", "who all will get my complaint?",
                                      "who on your side would get my deletion request?"])
def test_who_gets_my_request_is_not_sharing(assistant, question):
    reply = assistant.answer(question)
    assert not (reply.answered and reply.citations[0].clause.section == "4"), question


# A pronoun with nothing named before it, or a determiner before a product word, is the product's setting.
@pytest.mark.parametrize("question", ["can I change it to weekly emails?", "can I change them later?",
                                      "can I change this to Hindi?", "can I switch this plan to monthly?",
                                      "can I switch it to dark mode?"])
def test_a_setting_with_nothing_named_before_stays_the_product(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered, question

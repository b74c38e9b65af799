"""Session 45, from two reviews of fresh wordings: a visitor waiting on a request already made who tells of the wait
instead of asking its status ("its day 45 and still no copy of my data", "nobody has got back to me about my
objection"), requests put politely or in the passive ("would be obliged if every record about me were erased",
"please have it corrected"), a question asked with no "?" after a child's age, and "their email" meaning ours. Each
kind is tested next to the wordings that must not change."""

import pytest

from tests.replies import top_section

REPLY_TIME = "We will respond"


@pytest.mark.parametrize("message", [
    "it has been three weeks since I asked you to erase my account",
    "hi, checking in on the data deletion I requested",
    "its day 45 and still no copy of my data",
    "I requested a copy of my personal data, should I apply again?",
    "no reply so far to my mail about correcting my name",
    "nobody has got back to me about my objection",
    "2 hafte ho gaye, meri request ka kya hua",
    "ek mahina ho gaya, meri data copy kab milegi",
    "did you receive my access request?",
    "mailed your team about erasing my number, no one replied",
    "been waiting for your response since 3 weeks",
    "kindly confirm if my data export has been processed",
    "my account deletion - any news?",
    "how many days until my opt out kicks in?",
    "follow up on my correction request from last month",
])
def test_a_wait_told_on_a_request_already_made_gets_the_reply_time_and_no_new_form(assistant, message):
    reply = assistant.answer(message)
    assert reply.handoff is None
    assert reply.kind == "answer" and reply.message.startswith(REPLY_TIME)


@pytest.mark.parametrize("message", [
    "it's been 2 years since I signed up, how long do you keep my data?",  # time gone by, a question of its own
    "I emailed you yesterday about sms pricing, no reply yet",  # the product's
    "raised ticket 9921 a week ago, nobody replied",  # a support ticket
    "no one has access to my messages, right?",  # nobody named as a subject, nothing waited on
])
def test_time_gone_by_or_silence_alone_is_no_privacy_follow_up(assistant, message):
    reply = assistant.answer(message)
    assert reply.handoff is None
    assert not reply.message.startswith(REPLY_TIME)


@pytest.mark.parametrize("message, intent", [
    ("Sent three mails about my data request and nobody answered. Treat this as a formal complaint.", "grievance"),
    ("do not send me a copy of my data, I just want it erased", "deletion"),
])
def test_a_complaint_made_now_or_a_request_beside_a_denial_still_hands_off(assistant, message, intent):
    assert assistant.answer(message).handoff == intent


@pytest.mark.parametrize("message, intent", [
    ("would be obliged if every record about me were erased", "deletion"),
    ("it would be helpful if my old address could be corrected", "correction"),
    ("would be grateful if you stopped using my data for profiling", "objection"),
    ("my surname is wrong in your records, please have it corrected", "correction"),
    ("have my details deleted", "deletion"),
    ("do not send me any more promotional sms", "marketing_opt_out"),
    ("do not send me any more offers or discount messages, thanks", "marketing_opt_out"),
])
def test_requests_said_politely_in_the_passive_or_as_do_not_send_hand_off(assistant, message, intent):
    assert assistant.answer(message).handoff == intent


@pytest.mark.parametrize("message", [
    "have you deleted my data?",
    "have it ready by monday",
    "would it be nice if you deleted data after a year?",
])
def test_questions_and_the_products_errands_shaped_like_them_open_no_form(assistant, message):
    assert assistant.answer(message).handoff is None


@pytest.mark.parametrize("message, section", [
    ("my son is 12 and wants to make an account is that allowed", "9"),
    ("my daughter is eleven and wants to join her class group on it, is that ok", "9"),
    ("if i cancel and delete my account how long until you erase my data", "6"),
])
def test_a_question_asked_without_a_question_mark_or_on_a_condition_opens_no_form(assistant, message, section):
    reply = assistant.answer(message)
    assert reply.handoff is None
    assert top_section(reply) == section


@pytest.mark.parametrize("message, line", [
    ("whats their email", "Email:"),
    ("their email id?", "Email:"),
    ("what is their postal address", "Address:"),
    ("can i call them", "Phone:"),
    ("what are their office hours", "Business Hours:"),
    ("when are they open", "Business Hours:"),
    ("how fast do you respond to requests", REPLY_TIME),
    ("how quickly will you answer my complaint", REPLY_TIME),
])
def test_their_details_and_how_fast_we_reply_are_answered_from_contact_us(assistant, message, line):
    reply = assistant.answer(message)
    assert reply.kind == "answer" and top_section(reply) == "12"
    assert line in reply.quotes[0].clause.text


@pytest.mark.parametrize("message", [
    "Who is your Data Protection Officer and what is their direct email?",  # theirs: the officer's
    "how fast does your support reply on whatsapp",  # a chat, not a request replied to
    "is there a limit on how many contacts I can upload in one csv",  # the visitor's contacts, not ours to contact
    "is there an SLA for email deliverability",  # the product's e-mail
])
def test_anothers_details_and_the_products_words_are_not_our_contact_lines(assistant, message):
    reply = assistant.answer(message)
    assert not (reply.kind == "answer" and top_section(reply) == "12")


@pytest.mark.parametrize("message, section", [
    ("i keep getting cookie popups, how do i stop them", "7"),
    ("do they sell my data", "4"),
])
def test_they_and_them_that_name_things_or_ask_a_practice_are_answered_as_before(assistant, message, section):
    assert top_section(assistant.answer(message)) == section


@pytest.mark.parametrize("message", [
    "how long after i close my account is my data still kept",
    "does uninstalling the app erase my data",
    "what payment plans do you have",
    "how do i get a copy of my invoice for march",
    "can i undelete a chat i removed by mistake",
    "how do i block a contact who keeps texting me",
    "can i run the app on a dual sim phone",
    "can i give someone else access to my account",
    "is msg91's data encrypted at rest",
    "how do i stop airtel's promo sms",
])
def test_retention_the_products_features_and_another_companys_practice_are_declined(assistant, message):
    reply = assistant.answer(message)
    assert reply.kind == "no_answer" and reply.handoff is None


@pytest.mark.parametrize("message, section", [
    ("how do i delete my data", "6"),
    ("can i delete my data and uninstall the app", "6"),
    ("how do i block cookies", "7"),
    ("what payment information do you collect", "2"),
    ("do you share my invoices with anyone", "4"),
    ("does my data go to Meta's servers when I use the WhatsApp channel?", "8"),
])
def test_the_rights_cookies_payment_data_and_our_own_transfers_are_answered_as_before(assistant, message, section):
    reply = assistant.answer(message)
    hits = [h.clause.section for h in reply.citations][:3]
    assert reply.kind == "answer" and section in hits


def test_a_step_of_the_product_waited_on_is_not_our_reply_time(assistant):
    reply = assistant.answer("I emailed your team a week back about my sender ID approval and no reply yet. how long "
                             "does it usually take?")
    assert not reply.message.startswith(REPLY_TIME)


@pytest.mark.parametrize("message", [
    "My uncle asked you to erase his account last year and says it was done quickly.",
    "My sister told your team to stop sending her promos.",
    "my friend unsubscribed from your newsletter and still gets it",
    "Our manager requested a copy of his data from you in March.",
    "My wife got a marketing sms from you and told them to stop.",
    "I got the confirmation that my account was deleted, thanks.",
    "My deletion request was approved yesterday. Anything else I need to do?",
    "maine correction request bheja tha, uska kya hua?",
    "remove Priya from our team account",
])
def test_someone_elses_request_a_request_told_done_or_a_teammate_removed_opens_no_form(assistant, message):
    assert assistant.answer(message).handoff is None


@pytest.mark.parametrize("message, intent", [
    ("Would you be kind enough to delete my personal data from your records?", "deletion"),
    ("Please lodge my grievance about how my number was shared.", "grievance"),
    ("my son signed up on your app, he is 10, please remove his account", "child_data"),
    ("my brother is 11 and made an account, delete it", "child_data"),
    ("My colleague left, but I want my own data erased too. Delete my account.", "deletion"),
])
def test_polite_and_grievance_requests_and_childrens_reports_still_hand_off(assistant, message, intent):
    assert assistant.answer(message).handoff == intent


@pytest.mark.parametrize("message, line", [
    ("shanivar ko office khula hai kya", "Business Hours:"),
    ("ravivar ko aapka office khula rehta hai?", "Business Hours:"),
    ("aapka office kaha hai", "Address:"),
])
def test_hinglish_days_office_open_and_where_are_our_contact_lines(assistant, message, line):
    reply = assistant.answer(message)
    assert reply.kind == "answer" and line in reply.quotes[0].clause.text


@pytest.mark.parametrize("message", ["link nahi khula hai", "aapne kaha tha ki data delete ho jayega"])
def test_a_link_not_opening_and_kaha_as_said_are_not_our_hours_or_address(assistant, message):
    reply = assistant.answer(message)
    assert not (reply.kind == "answer" and top_section(reply) == "12")


@pytest.mark.parametrize("message, intent", [
    ("I unsubscribed last week but they emailed me again today.", "marketing_opt_out"),  # "they" are us
    ("I have not received any confirmation that my data was deleted", "deletion"),
])
def test_they_as_us_and_a_confirmation_not_received_still_hand_off(assistant, message, intent):
    assert assistant.answer(message).handoff == intent


@pytest.mark.parametrize("message, section", [
    ("I import my leads from excel. do you keep their email addresses?", "2"),  # their: the leads'
    ("have my details been deleted", "6"),  # a question without "?"
    ("If my account is still unused for over 6 months, do you delete it?", "6"),  # a time supposed, not waited
    ("how long does my account deletion take once I submit it?", "6"),
    ("what plans do you have to protect my data from hackers?", "5"),
    ("does your app record my screen?", "2"),
    ("aapne kaha hai ki mera data share nahi hoga, sach hai?", "4"),  # "kaha hai": has said
])
def test_review_of_the_new_readings_keeps_these_answers(assistant, message, section):
    reply = assistant.answer(message)
    assert reply.handoff is None and reply.kind == "answer" and top_section(reply) == section

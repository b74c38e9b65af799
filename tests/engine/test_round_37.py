"""Round 37: the kinds of miss in the thirty-third visitor table (fresh31), fixed by kind and tested here with the
team's own wordings next to the ones that must not change."""

import pytest


# A grown child or relative who set the visitor's account up is no child whose data we hold: the request is the
# visitor's own.
@pytest.mark.parametrize("question, intent", [
    ("My daughter created an account for me last year. I keep getting promotional emails now, please stop them.",
     "marketing_opt_out"),
    ("I am 70, my grandson set up my account on your site. Please delete my account and all my details.", "deletion"),
])
def test_a_relative_who_set_up_the_account_is_no_child(assistant, question, intent):
    assert assistant.answer(question).handoff == intent, question


@pytest.mark.parametrize("question", [
    "My son made an account on your site, he is 11. Please delete it.",
    "my nephew set up my account, and my niece who is 12 also signed up with her own email, remove hers",
])
def test_a_child_named_beside_the_helper_is_still_reported(assistant, question):
    assert assistant.answer(question).handoff == "child_data", question


# "If I stop paying and close the account ..., how long ...?": the verb after "and" goes on with the visitor's own
# condition; nothing is asked done.
@pytest.mark.parametrize("question", [
    "If I cancel my plan and delete the app next month, what happens to my phone number?",
    "Once we stop using the service and close our account, do you still share our data with anyone?",
])
def test_a_condition_going_on_after_and_is_no_instruction(assistant, question):
    assert assistant.answer(question).handoff is None, question


@pytest.mark.parametrize("question, intent", [
    ("If you still have my old number, delete it and send me a confirmation.", "deletion"),
    ("I am closing my account. Delete my data and stop the newsletters.", "deletion"),
])
def test_instructions_after_and_still_ask(assistant, question, intent):
    assert assistant.answer(question).handoff == intent, question


# Sending the product's messages is using the service: with children named, a question about them is no report.
def test_planning_to_send_messages_is_no_request(assistant):
    reply = assistant.answer("We run a tuition centre and want to send exam alerts to the kids' parents. Some of "
                             "the kids are nine. What does your policy say about children?")
    assert reply.handoff is None and reply.answered and reply.citations[0].clause.section == "9"


def test_wanting_the_data_sent_is_still_a_request(assistant):
    assert assistant.answer("I want you to send me all the data you hold about me").handoff in ("access", "portability")


# A guarantee asked for is a question ("can you give me a guarantee that ...?"), and a guarantee about the future is no
# question about past incidents.
@pytest.mark.parametrize("question", [
    "Can you give me a guarantee that nobody will ever get into my account?",
    "give me an assurance that my account will never get hacked",
])
def test_a_guarantee_asked_for_is_answered_from_security(assistant, question):
    reply = assistant.answer(question)
    assert reply.handoff is None and reply.answered and reply.citations[0].clause.section == "5", question


def test_past_incidents_are_still_not_covered(assistant):
    reply = assistant.answer("has your company ever been hacked?")
    assert not reply.answered and reply.reason == "not_covered"


# A wish given as a reason ("since I still need ...") is no wish of its own: the question after it asks.
def test_a_reason_is_no_wish(assistant):
    reply = assistant.answer("I can't drop every email because I need the billing alerts. Can I turn off just the "
                             "promotional ones?")
    assert reply.handoff is None and reply.answered and reply.citations[0].clause.section == "6"


# The answer needed "for my letter" is no grievance made.
def test_needed_for_a_letter_is_no_grievance(assistant):
    assert assistant.answer("what is the address of your grievance cell, I need it for my letter").handoff is None


# A downloadable file of the visitor's data is a portable copy.
@pytest.mark.parametrize("question", ["I want a downloadable copy of my messages and account details",
                                      "please give me a download of my chat history"])
def test_a_downloadable_copy_is_portability(assistant, question):
    assert assistant.answer(question).handoff in ("portability", "access"), question


def test_a_downloadable_invoice_is_no_request(assistant):
    assert assistant.answer("I want the downloadable invoice for last month").handoff is None


# "j" typed for a soft "g".
def test_j_for_a_soft_g(assistant):
    reply = assistant.answer("wat if blue messaggio merjes with some other company, my data?")
    assert reply.answered and reply.citations[0].clause.section == "4"


# The company's people reading what the visitor sends is the company's security.
@pytest.mark.parametrize("question", ["can your employees open the texts i send through your platform",
                                      "is it possible for your team to read the messages we send"])
def test_staff_reading_what_is_sent(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section == "5", question


# A number said in words is no company's name ("they are only ten or eleven - does your policy ...").
def test_number_words_are_no_names(assistant):
    reply = assistant.answer("The pupils are only ten or eleven - does your policy say anything about children?")
    assert reply.answered and reply.citations[0].clause.section == "9"


# The company's details in new words.
@pytest.mark.parametrize("question, line", [
    ("where is your firm really based?", "Address:"),
    ("what time does your office start on weekdays", "Business Hours:"),
])
def test_company_details(assistant, question, line):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section == "12" and line in reply.message, question


@pytest.mark.parametrize("question", ["where exactly is my data based", "what time does your team delete my data"])
def test_not_our_details(assistant, question):
    reply = assistant.answer(question)
    assert not (reply.answered and reply.citations[0].clause.section == "12"), question

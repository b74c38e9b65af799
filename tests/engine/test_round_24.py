"""Round 24: kinds from the third development set of real visitors' questions (bench/dev_from_train3.yaml) and the
nineteenth visitor table's first run."""

import pytest


# "location" is the visitor's (location services, a location permission, the location info we get), though Snowball
# stems it as it does "located" (ours): only "your location", "office location", "the location of your company" ask
# where we are.
@pytest.mark.parametrize("question", [
    "will it prompt me to enable location services the first time i open it?",
    "what location info do you get?",
    "can i turn off the gps and location services easily if i want to?",
])
def test_the_visitors_location_is_not_our_address(assistant, question):
    reply = assistant.answer(question)
    assert not (reply.answered and reply.citations[0].clause.section == "12"), question


@pytest.mark.parametrize("question", [
    "where are you located?",
    "what is your location?",
    "location of your office?",
    "whats the location of blue messaggio",
    "where's ur office location",
])
def test_where_we_are_is_still_our_address(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.reason == "company" and reply.message.startswith("Address:"), question


# "based in" is the two words together, not "social media based log-in".
def test_based_far_from_in_is_no_company_question(assistant):
    assert assistant.answer("will any sort of social media based log-in be required?").reason != "company"


@pytest.mark.parametrize("question", [
    "are you based in mumbai",
    "can i phone your office",
    # the review of round 24: a rule that "your" must follow "call" at once lost this one
    "I want to call someone at your office",
    "what location r u at",
    "do you have a location in delhi",
    "what are your support emails",
])
def test_company_words_still_ask_about_us(assistant, question):
    assert assistant.answer(question).reason == "company", question


# The review of round 24: phrases taken out or narrowed because they answered what they should not.
@pytest.mark.parametrize("question", [
    "can your IVR take calls from my customers",  # "take calls" as our hours
    "people who speak to our chatbot, is their data safe",  # "who speak" as whom to contact
])
def test_the_products_calls_and_other_peoples_talk_are_not_our_contact_details(assistant, question):
    assert assistant.answer(question).reason != "company", question


def test_a_deletion_with_a_threat_of_a_regulator_is_not_declined(assistant):
    reply = assistant.answer("if you don't delete my data i will go to cyber cell")
    assert reply.reason != "not_covered"


def test_what_a_crash_report_sends_is_log_data(assistant):
    reply = assistant.answer("does crash reporting send my data to you")
    assert reply.answered and reply.citations[0].clause.section == "2"


def test_wanting_to_know_what_is_collected_is_no_right_asked(assistant):
    reply = assistant.answer("what if I want to know what data you collect")
    assert reply.answered and reply.citations[0].clause.section == "2"


def test_who_still_gets_the_data_is_still_sharing(assistant):
    reply = assistant.answer("will advertisers still get my data after i opt out")
    assert reply.answered and reply.citations[0].clause.section == "4"


# A question on whether the visitor may use a right puts its section first, however many words of the data it names:
# "am I allowed to ask you to ...", "do I have a right to ...", "what if I want ...", "can I stop / opt out ...".
@pytest.mark.parametrize("question", [
    "am I allowed to ask you to fix a wrong company name in your records?",
    "what if I want my whole history in a file to take to another provider?",
    "do I have a right to say no to my data being used for analytics?",
    "can I stop the promo SMS but still keep getting my OTPs?",
    "can i stop the newsletters but keep getting my invoices by mail?",
])
def test_whether_the_visitor_may_use_a_right_is_its_section(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.handoff is None and reply.citations[0].clause.section == "6", question


# ... but "can I stop you tracking me" asks about what we do as much, and is left to retrieval (cookies first).
def test_stopping_what_we_do_is_left_to_retrieval(assistant):
    reply = assistant.answer("can I stop you tracking me?")
    assert reply.answered and reply.citations[0].clause.section == "7"


# Not being okay with the policy is what section 1 answers ("If you do not agree ... please do not use our services").
@pytest.mark.parametrize("question", [
    "What if I'm not okay with how you handle my information?",
    "what if I'm not ok with this policy",
])
def test_not_agreeing_with_the_policy_is_the_introduction(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.id == "s1-2", question


# How soon we answer, and whom to talk to, asked in other words (section 12).
@pytest.mark.parametrize("question, line", [
    ("is there a deadline for you to reply once I ask for my data?", "We will respond"),
    ("No complaint here, I just want to know who I'd talk to if I ever had one.", "If you have any questions"),
])
def test_the_response_time_and_whom_to_talk_to_are_contact_us(assistant, question, line):
    reply = assistant.answer(question)
    assert reply.reason == "company" and reply.message.startswith(line), question


# Privacy-sounding questions the policy does not answer: requests made for the visitor by someone else, a regulator,
# how soon a breach is told, which cloud by name, rules that keep data in India, how many requests we get, an app
# that crashes.
@pytest.mark.parametrize("question", [
    "can my accountant make a request for my data on my behalf?",
    "do I have the right to go to a regulator if you mishandle my data?",
    "If there's a breach, within how many hours will you inform me?",
    "Which cloud do you use, AWS Mumbai region or Azure?",
    "Is my payment data stored only on servers inside India as RBI requires?",
    "How many times did police or government ask you for customer data last year?",
    "app crashes whenever I open the reports tab on android 14",
])
def test_questions_the_policy_does_not_answer_are_declined(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "not_covered", question


# ... while a request made for someone else is still handed off, and data sent abroad is still section 10.
def test_a_request_on_someones_behalf_still_hands_off(assistant):
    reply = assistant.answer("I am writing on behalf of my mother, please delete her account and all her data")
    assert reply.handoff == "deletion"


def test_data_stored_outside_india_is_still_the_transfers_section(assistant):
    reply = assistant.answer("is my data stored outside India?")
    assert reply.answered and reply.citations[0].clause.section == "10"


# How many e-mails or messages an hour the product sends is the product's, however the plural "emails" reads.
def test_how_many_emails_an_hour_is_the_products(assistant):
    reply = assistant.answer("how many emails per hour can I send on the starter plan")
    assert not reply.answered and reply.reason == "not_covered"

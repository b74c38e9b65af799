"""Round 31: kinds from the twenty-sixth visitor table's first run (tests/data/visitor_cases_fresh24.yaml)."""

import pytest

from tests.replies import top_section


# "important" has the stem of "import", and coming to us is no move away: neither asks for a portable copy.
@pytest.mark.parametrize("question", [
    "I rarely log in. Will I be told if anything important changes in the privacy terms?",
    "We switched to you from another vendor last year after a leak there. Do you have a plan for security incidents?",
    "We moved to your platform in March; is our data encrypted?",
])
def test_no_portability_request_read_into_these(assistant, question):
    assert assistant.answer(question).handoff is None, question


@pytest.mark.parametrize("question", [
    "we are moving to another provider, send us our data as a csv",
    "switching to zoho next month, export everything you hold on me",
    "please package our account data in a file their system can import",
])
def test_moving_away_still_asks_for_a_portable_copy(assistant, question):
    assert assistant.answer(question).handoff == "portability", question


def test_saying_no_to_us_is_still_an_objection_marker(assistant):
    reply = assistant.answer("can i say no to you processing my data")
    assert reply.handoff is None and top_section(reply) == "6"


def test_something_going_wrong_is_no_correction(assistant):
    reply = assistant.answer("If anything goes wrong on your side, what procedure do you follow for a security incident?")
    assert reply.handoff is None and top_section(reply) == "5"
    assert assistant.answer("my billing address is wrong, please correct it").handoff == "correction"


# How long until we reply, in Indian English or everyday words, is our response time; the product's replies are not.
@pytest.mark.parametrize("question", [
    "What is the time frame within which your office will revert on my complaint?",
    "how long before somebody answers my privacy query",
    "how many days till your team responds to my mail",
])
def test_how_long_until_we_reply(assistant, question):
    reply = assistant.answer(question)
    assert reply.reason == "company" and reply.message.startswith("We will respond"), question


def test_the_products_replies_are_not_our_response_time(assistant):
    reply = assistant.answer("how long does your whatsapp chatbot take to reply to my customers' questions")
    assert not reply.message.startswith("We will respond")


def test_an_adverb_does_not_make_a_question_about_data(assistant):
    reply = assistant.answer("how do i really use these rights, who should i talk to")
    assert reply.reason == "company"


@pytest.mark.parametrize("question, line", [("what number do I ring for a privacy question", "Phone:"),
                                            ("is there a number I can ring about my data", "Phone:")])
def test_ringing_is_calling(assistant, question, line):
    reply = assistant.answer(question)
    assert reply.reason == "company" and reply.message.startswith(line), question


def test_our_email_tool_is_not_our_email_address(assistant):
    reply = assistant.answer("if I connect hubspot to your email tool, who is responsible for what hubspot does with "
                             "my data")
    assert reply.reason != "company" and top_section(reply) == "8"
    assert assistant.answer("what is your email address").reason == "company"


def test_company_registration_numbers_are_not_covered(assistant):
    reply = assistant.answer("please share your GST number and CIN for our vendor registration")
    assert not reply.answered and reply.reason == "not_covered"


# Indian English: "compulsory" cookies are the essential ones; a "modification in privacy terms" is a change.
@pytest.mark.parametrize("question, section", [
    ("are some cookies mandatory for the website to function", "7"),
    ("kindly intimate how you will inform users in case of modification in privacy terms", "11"),
    ("will you rewrite the privacy terms without telling me", "11"),
])
def test_indian_english(assistant, question, section):
    assert top_section(assistant.answer(question)) == section, question


# An intruder or someone on the way reading the visitor's things is security, not whom data is shared with.
@pytest.mark.parametrize("question", [
    "can hackers read my chats",
    "could someone intercept my sms on the way",
    "koi beech mein mere messages padh sakta hai?",
])
def test_intruders_reading_is_security(assistant, question):
    assert top_section(assistant.answer(question)) == "5", question


@pytest.mark.parametrize("question", ["can anyone see my data in between you and your partners",
                                      "can the police read my messages"])
def test_others_who_are_given_data_stay_sharing(assistant, question):
    assert top_section(assistant.answer(question)) == "4", question


def test_a_hypothetical_wish_asks_about_the_right(assistant):
    reply = assistant.answer("If I ever needed a copy of my details, would you hand it over?")
    assert reply.handoff is None and top_section(reply) == "6"
    assert top_section(assistant.answer("if i want to know what you collect, will you tell me")) == "2"


@pytest.mark.parametrize("question", [
    "My son, he's 11, signed up with his email on your site. What are you going to do about it?",
    "As their aunt I'm telling you my nieces, both 10, gave you their phone numbers. Remove them.",
])
def test_child_reports(assistant, question):
    assert assistant.answer(question).handoff == "child_data", question


def test_a_group_of_grown_ups_is_no_child(assistant):
    reply = assistant.answer("we have two sender ids, both 12 characters long, can you delete the old one")
    assert reply.handoff != "child_data"


def test_another_companys_practices_misspelt(assistant):
    reply = assistant.answer("r u responsable for instagram's privacy practises")
    assert top_section(reply) == "8"


def test_firms_getting_data_is_sharing(assistant):
    reply = assistant.answer("are advertising firms getting data on what i do on your site")
    assert top_section(reply) in ("4", "7")


def test_cookies_switched_off_in_hinglish(assistant):
    reply = assistant.answer("agar cookies band kar du toh website chalegi?")
    assert top_section(reply) == "7"

"""Round 26: kinds from the twentieth visitor table's first run (tests/data/visitor_cases_fresh18.yaml)."""

import pytest


# Indian English "mobile no." is "mobile number": its dot ends no sentence, so the instruction is read whole.
def test_mobile_no_with_a_dot_is_one_instruction(assistant):
    reply = assistant.answer("Kindly do the needful and remove my mobile no. from your promotional SMS list")
    assert reply.handoff == "marketing_opt_out"


def test_a_no_that_ends_a_sentence_still_does(assistant):
    assert assistant.answer("No. Delete my account.").handoff == "deletion"


# What follows "but" in a question of whether something is possible is part of what is asked.
def test_what_is_asked_possible_is_no_instruction(assistant):
    reply = assistant.answer("is it possible to keep getting OTP alerts but stop the promotional stuff?")
    assert reply.handoff is None and reply.answered and reply.citations[0].clause.section == "6"


def test_an_instruction_in_a_sentence_of_its_own_still_hands_off(assistant):
    assert assistant.answer("is it possible to stop the promos. stop them now please").handoff == "marketing_opt_out"


# The company's details asked in other words.
@pytest.mark.parametrize("question, line", [
    ("what time does your phone line shut in the evening", "Business Hours:"),
    ("someone called me from +91 95612 34758 claiming to be you, is that really your number?", "Phone:"),
    ("who do I raise it with if I think you mishandled my details", "If you have any questions"),
    ("who should I reach out to if I want my details taken off", "If you have any questions"),
])
def test_the_companys_details_in_other_words(assistant, question, line):
    reply = assistant.answer(question)
    assert reply.reason == "company" and reply.message.startswith(line), question


# ... but a message "from your number" asks how we got the visitor's, and "your office staff can open" asks what our
# staff may see (security), not our hours.
def test_a_message_from_our_number_is_no_question_of_our_phone(assistant):
    reply = assistant.answer("good evening, my father got a message from your number which he did not ask for. we are "
                             "worried. how did you get his number and who else has it?")
    assert reply.reason != "company"


def test_whether_our_office_staff_can_open_messages_is_security(assistant):
    reply = assistant.answer("Sir, I want to know whether your office staff can open and read my messages. Please "
                             "clarify at the earliest")
    assert reply.answered and reply.citations[0].clause.section == "5"


@pytest.mark.parametrize("question", ["is your office open on saturday", "when do you open"])
def test_our_hours_are_still_asked(assistant, question):
    reply = assistant.answer(question)
    assert reply.reason == "company" and reply.message.startswith("Business Hours:"), question


def test_saying_no_to_processing_is_the_objection(assistant):
    reply = assistant.answer("can I say no to you processing my info without quitting the service?")
    assert reply.answered and reply.citations[0].clause.id == "s6-correction-and-deletion-3"


def test_a_zip_of_the_visitors_data_is_portability(assistant):
    assert assistant.answer("send me a zip of all my stuff u got, need it 4 switching").handoff == "portability"


def test_which_city_the_visitor_is_in_is_location(assistant):
    reply = assistant.answer("ur app knows which city im in?? creepy")
    assert reply.answered and reply.citations[0].clause.section == "2"


def test_whether_a_plugin_is_covered_by_the_policy_is_third_party_services(assistant):
    reply = assistant.answer("is the whatsap plugin on your site coverd by your privcy policy")
    assert reply.answered and reply.citations[0].clause.section == "8"


@pytest.mark.parametrize("question", [
    "under GDPR, what's your lawful basis for processing my data?",
    "if you turn down my deletion request, can I appeal to someone?",
    "do I need to collect opt-in from my customers before adding them to a WhatsApp broadcast?",
    "once I close my account, how many days before my data is actually wiped?",
])
def test_what_the_policy_does_not_say_is_declined(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "not_covered", question


# What the review of round 26 found, each as on the base again.
@pytest.mark.parametrize("question, section", [
    ("can i say no to marketing cookies?", "7"),
    ("can i say no to the updated policy and still use the service", "11"),
    ("who can reach my data on your servers", "4"),
    ("i appeal to you to stop sharing my data with third parties", "4"),
    ("what is the legal basis for sharing my data with the government", "4"),
    ("how many days before the policy changes take effect", "11"),
    ("do you store the contents of my whatsapp broadcast messages", "2"),
])
def test_the_reviews_cases_answer_from_their_sections(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section == section, question


def test_our_office_still_open_is_our_hours(assistant):
    reply = assistant.answer("is the office still open at 7 pm")
    assert reply.reason == "company" and reply.message.startswith("Business Hours:")


def test_an_urged_instruction_after_a_question_of_possibility_still_hands_off(assistant):
    assert assistant.answer("is there any way to stop promos, just stop them please?").handoff == "marketing_opt_out"


def test_our_number_of_users_is_no_phone_question(assistant):
    assert assistant.answer("what is your number of active users").reason != "company"

"""Session 44, from two reviews of fresh wordings: a visitor asking after a request already made ("any update on my
request" had opened the correction form, "how long will my deletion request take" was declined as data retention),
the words of questions about us typed with a letter left out ("wat r ur ofice timngs"), another company's own privacy
policy asked for, an account deleted for lying unused, and product look-alikes of requests. Each kind is tested next
to the wordings that must not change."""

import pytest

from tests.replies import top_section

REPLY_TIME = "We will respond"


@pytest.mark.parametrize("message", [
    "what is the status of my deletion request",
    "any update on my request",
    "I sent a deletion request last week, any update?",
    "whats the status of my data access request? submitted on 3rd",
    "how long will my deletion request take",
    "i submitted an access request, when will i hear back",
    "did u receive my complaint email? no reply yet",
    "has my complaint been received?",
    "when will my request be processed",
    "mera deletion request ka status kya hai",
    "i want to know the status of my request",
    "can i track my request",
])
def test_a_request_asked_after_gets_the_reply_time_and_no_new_form(assistant, message):
    reply = assistant.answer(message)
    assert reply.handoff is None
    assert reply.kind == "answer" and reply.message.startswith(REPLY_TIME)


@pytest.mark.parametrize("message", [
    "what's the status of my sender ID request",
    "any update on my refund request",
    "my request for a demo, any update?",
    "whats the status of my api access request",
    "any update on my complaint about delivery failures",
    "how long will my complaint about the otp delay take",
    "any update on my dashboard access request",
    "raised ticket 45821 four days back, nobody replied yet. whats the status",
])
def test_the_products_requests_asked_after_are_not_our_reply_time(assistant, message):
    reply = assistant.answer(message)
    assert reply.handoff is None
    assert not reply.message.startswith(REPLY_TIME)


@pytest.mark.parametrize("message, intent", [
    ("my request is still pending, delete my data now", "deletion"),  # made again
    ("i raised a complaint 2 weeks ago and nobody responded, i want to escalate", "grievance"),
    ("delete my account", "deletion"),
    ("update my phone number", "correction"),
    ("escalate this to your grievance officer, nobody replied to my deletion request", "grievance"),
])
def test_requests_made_again_or_anew_still_hand_off(assistant, message, intent):
    assert assistant.answer(message).handoff == intent


@pytest.mark.parametrize("message", ["how do i make a deletion request", "any update on the policy"])
def test_questions_about_making_a_request_or_the_policys_updates_are_unchanged(assistant, message):
    reply = assistant.answer(message)
    assert reply.handoff is None and reply.answered and not reply.message.startswith(REPLY_TIME)


@pytest.mark.parametrize("message", [
    "wat r ur ofice timngs", "ur helpine no", "custmer care numbr", "what are ur buisness hours",
    "when are they open", "give me ur whatsapp no",
])
def test_questions_about_us_typed_in_a_hurry_are_answered_from_contact_us(assistant, message):
    reply = assistant.answer(message)
    assert reply.reason == "company" and top_section(reply) == "12"


@pytest.mark.parametrize("word", ["heading", "talking", "booking"])
def test_a_word_with_an_english_ending_is_not_split_in_two(assistant, word):
    assert word in assistant.analyse(f"who is {word} this").words


@pytest.mark.parametrize("message", [
    "what is airtel's privacy policy?", "where can i find jio's privacy policy",
])
def test_another_companys_own_policy_gets_the_other_company_reply(assistant, message):
    reply = assistant.answer(message)
    assert not reply.answered and "another company" in reply.message


@pytest.mark.parametrize("message, section", [
    ("whats blue messaggio's privacy policy", "12"), ("what is my child's privacy", "9"),
])
def test_our_own_policy_and_the_visitors_own_are_still_answered(assistant, message, section):
    reply = assistant.answer(message)
    assert reply.answered and section in [hit.clause.section for hit in reply.citations]


@pytest.mark.parametrize("message", [
    "will my account be deleted if i dont use it", "will u delete my acc if i dont login for months",
])
def test_an_account_deleted_for_lying_unused_is_retention(assistant, message):
    reply = assistant.answer(message)
    assert reply.reason == "not_covered" and reply.gap is not None and "kept" in reply.gap.topic


@pytest.mark.parametrize("message", [
    "Is it possible to get my data deleted if I stop using Blue Messaggio at some point?",
    "can i get u guys to delete my data if i stop using ur service?",
])
def test_deletion_asked_for_when_leaving_is_still_the_right(assistant, message):
    assert top_section(assistant.answer(message)) == "6"


@pytest.mark.parametrize("message", [
    "I want to unsubscribe from your premium plan and go back to basic",
    "my account got suspended, want access back",
])
def test_plans_and_locked_accounts_open_no_form(assistant, message):
    assert assistant.answer(message).handoff is None


@pytest.mark.parametrize("message, intent", [
    ("unsubscribe me from your plan promos", "marketing_opt_out"),
    ("stop sending me offers about your new plans", "marketing_opt_out"),
    ("i want access to my data", "access"),
])
def test_opt_outs_and_access_beside_those_words_still_hand_off(assistant, message, intent):
    assert assistant.answer(message).handoff == intent


@pytest.mark.parametrize("message", [
    "Still waiting to hear back about my correction request.",
    "Just checking whether my opt-out request went through.",
    "Reminder: I asked for my data to be erased on 3rd March and haven't heard anything.",
    "It's been three weeks since I filed my request. When can I expect a response?",
    "Following up on my earlier message about deleting my account.",
    "I asked for a copy of my data a fortnight ago. Is it on its way?",
    "When will my deletion be completed?",
    "Please confirm receipt of my correction request.",
    "Why is it taking so long to delete my data? I asked a month ago.",
    "Nudging you again about the access request I sent in January.",
    "Day 29 and still nothing on my erasure request.",
    "Any progress with the correction to my name I requested?",
    "Chasing up my subject access request from last month.",
])
def test_a_follow_up_told_as_a_statement_is_asked_after_not_made_again(assistant, message):
    """Session 44's second review: reminders, "still waiting", "chasing up" and the telling of having asked had
    opened the form of the request again."""
    reply = assistant.answer(message)
    assert reply.handoff is None
    assert reply.kind == "answer" and reply.message.startswith(REPLY_TIME)


@pytest.mark.parametrize("message, intent", [
    ("I raised a correction request in October and have heard nothing since. I am not happy with how this is being "
     "handled and want to register a formal grievance about it.", "grievance"),
    ("I wrote to you 45 days ago asking for my data to be deleted and have heard nothing back. Treat this as a formal "
     "grievance.", "grievance"),
    ("I am not happy with how you handled my data, nobody replied to my deletion request", "grievance"),
    ("I asked you to delete my data last month and you didn't. Delete it now.", "deletion"),
])
def test_a_grievance_about_a_request_or_the_request_made_again_still_hands_off(assistant, message, intent):
    assert assistant.answer(message).handoff == intent


@pytest.mark.parametrize("message, section", [
    ("Hypothetically, if I asked you to erase me, would that cover the messages I sent through the platform too?", "6"),
    ("Does the right of access cover the messages I sent through the platform too?", "6"),
    ("just checking, can a user verify that the info you hold on them is accurate?", "6"),
    ("suppose I raised an objection to your processing, what would follow?", "6"),
])
def test_asking_supposed_or_messages_sent_are_no_follow_up(assistant, message, section):
    reply = assistant.answer(message)
    assert reply.reason != "company" and top_section(reply) == section


@pytest.mark.parametrize("message, section", [
    ("I tried calling on a Saturday and nobody picked up, so maybe I got the timing wrong. I don't want to waste "
     "another call. What are your business hours?", "12"),
    ("My brother-in-law says all these SMS companies sell numbers to telemarketers, which is why we get spam calls. "
     "I don't want to believe it blindly. Do you rent or trade personal information to third parties?", "4"),
    ("Kindly note that we are a government-aided school in Nashik. We plan to send SMS to parents only, never to "
     "students. Is your service intended for use by children below 13 directly?", "9"),
    ("We had a data breach scare last month with another vendor, and it was a nightmare. I want to be prepared this "
     "time. What does your policy say about how secure internet transmission is?", "5"),
    ("We're a real estate agency in Bandra, and we store leads' phone numbers and names in your system. We don't "
     "want to break any rule. Does your policy allow people to ask for deletion of their personal information?", "6"),
])
def test_a_story_that_ends_in_a_question_is_answered_not_handed_off(assistant, message, section):
    """The request markers in the story ("wrong", "spam", "students", "deletion") made a request the request heads
    all but ruled out (`MODEL_VETO_ASKED`)."""
    reply = assistant.answer(message)
    assert reply.handoff is None and top_section(reply) == section


@pytest.mark.parametrize("message, intent", [
    ("My email is wrong in your records. Can you fix it?", "correction"),
    ("I got spam from you again today. I want to opt out, can you do that?", "marketing_opt_out"),
    ("My son is 10 and he made an account. What do I do?", "child_data"),
    ("I moved to Pune last month. Please update my address.", "correction"),
])
def test_requests_told_as_a_story_with_a_question_still_hand_off(assistant, message, intent):
    assert assistant.answer(message).handoff == intent


@pytest.mark.parametrize("message", [
    "good morning sir", "hello team", "good evening madam", "namaste ji", "thank you bhai, bahut help hui",
    "hi all",
])
def test_greetings_and_thanks_to_someone_are_small_talk(assistant, message):
    assert assistant.answer(message).kind == "smalltalk"


@pytest.mark.parametrize("message, section", [
    ("sir what data do you collect", "2"), ("hi team, is my data safe", "5"),
])
def test_a_question_after_sir_or_team_is_still_answered(assistant, message, section):
    assert top_section(assistant.answer(message)) == section


@pytest.mark.parametrize("message, intent", [
    ("My personal data should be deleted from all your servers.", "deletion"),
    ("I'd appreciate it if you could erase my contact details from your database.", "deletion"),
    ("It would be great if my billing address on file could be updated to my new flat in Andheri.", "correction"),
    ("my phone number must be corrected in your records", "correction"),
])
def test_a_demand_in_the_passive_or_a_polite_frame_is_a_request(assistant, message, intent):
    """Session 44's second review: "X should be deleted", "I'd appreciate it if you could erase X" were answered
    with the clause and no form."""
    assert assistant.answer(message).handoff == intent


@pytest.mark.parametrize("message", [
    "my data should not be shared with anyone",
    "should my data be deleted after i close my account?",
    "my data should be encrypted right?",
    "our campaign should be stopped now",
    "my template should be updated with the new logo",
    "I'd appreciate it if you could explain what you collect",
    "my data could be sold, that worries me",
])
def test_what_the_passive_demand_does_not_take_for_a_request(assistant, message):
    assert assistant.answer(message).handoff is None

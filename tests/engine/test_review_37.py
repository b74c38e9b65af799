"""The review of round 37: wordings of the reviewer's own that round 37 (9cc7c0e) answered worse than the code before
it, each kept as it was (or better) after the rules were narrowed."""

import pytest


# A relative at school, or with things of their own, is a child reported, whoever set the account up.
@pytest.mark.parametrize("question", [
    "my son made an account for me but he used his own school email, he is in class 6, please delete his details",
    "My daughter registered for my account with her own details, she is still in school. Remove her info please",
    "my son created an account for me using his school id, he is in 7th grade. delete it pls",
])
def test_a_schoolchild_relative_is_still_a_child(assistant, question):
    assert assistant.answer(question).handoff == "child_data", question


# An urged instruction after "and" is no part of the condition; nor is one with no question after it.
@pytest.mark.parametrize("question, intent", [
    ("When I signed up I gave the wrong email and please correct it to raj@gmail.com", "correction"),
    ("when i registered i gave wrong mobile no and kindly update it", "correction"),
    ("If I have any data with you and please delete it", "deletion"),
    ("When we onboarded we uploaded 5000 numbers and now delete all of them", "deletion"),
    ("If I opted in by mistake and unsubscribe me from all marketing messages", "marketing_opt_out"),
])
def test_an_instruction_after_a_condition_still_asks(assistant, question, intent):
    assert assistant.answer(question).handoff == intent, question


# A promise or guarantee of something to be done asks for it done.
@pytest.mark.parametrize("question, intent", [
    ("give me a guarantee or delete my account", "deletion"),
    ("give me a written promise that you will delete my data within 7 days", "deletion"),
    ("Give me a guarantee that you will stop sending me promo messages", "marketing_opt_out"),
    ("kindly give me written assurance my number is deleted from your database", "deletion"),
])
def test_a_promise_of_something_done_is_a_request(assistant, question, intent):
    assert assistant.answer(question).handoff == intent, question


# Writing "because I would like ..." gives the purpose of the message: the wish is the request.
@pytest.mark.parametrize("question, intent", [
    ("I'm reaching out because I would like to unsubscribe from all your marketing sms", "marketing_opt_out"),
    ("I am contacting you because I would like my account deleted", "deletion"),
])
def test_writing_because_of_a_wish_is_a_request(assistant, question, intent):
    assert assistant.answer(question).handoff == intent, question


# The product's own documents are no portable copy of the visitor's data.
def test_a_download_of_delivery_reports_is_no_portability(assistant):
    assert assistant.answer("I want a download of my delivery reports").handoff is None


# Only a guarantee about the future is no question about past incidents.
@pytest.mark.parametrize("question", ["can you guarantee that you have never been hacked",
                                      "I want a guarantee you have never been hacked",
                                      "have you ever been breached, will never trust a company that hides it"])
def test_past_incidents_asked_with_a_guarantee_are_not_covered(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "not_covered", question


# The visitor's own staff reading what the visitor sends is no question of our security.
@pytest.mark.parametrize("question", ["can my staff see the messages i send from the admin account",
                                      "will my team admin see the messages i send to clients"])
def test_the_visitors_own_staff(assistant, question):
    reply = assistant.answer(question)
    assert not (reply.answered and reply.citations[0].clause.section == "5"), question


# "team start" alone is any work the team starts, not our hours.
@pytest.mark.parametrize("question", ["when does your team start deleting my data",
                                      "why did your team start sending me whatsapp messages without consent",
                                      "what time do your staff look at our logs"])
def test_a_team_starting_work_is_no_business_hours(assistant, question):
    reply = assistant.answer(question)
    assert not (reply.reason == "company" and "Business Hours:" in reply.message), question

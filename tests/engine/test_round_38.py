"""Round 38: the kinds of miss in the thirty-fourth visitor table (fresh32), fixed by kind and tested here with the
team's own wordings next to the ones that must not change."""

import pytest


# A branch elsewhere, or jobs, are facts about the company the policy does not give: declined, with the contact lines.
@pytest.mark.parametrize("question", ["is there a branch of yours in Chennai", "any regional office in Pune?",
                                      "are you hiring interns in mumbai", "do you have job openings for testers"])
def test_branches_and_jobs_are_not_covered(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "not_covered" and "Mumbai" in reply.message, question


@pytest.mark.parametrize("question", ["do you have an office in Mumbai I can visit", "is your office in mumbai",
                                      "do you have a physical office"])
def test_our_office_is_still_our_address(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.reason == "company" and "Address:" in reply.message, question


# A phone line of ours to ring is our phone number.
def test_a_line_to_ring(assistant):
    reply = assistant.answer("is there any phone line i can call you on")
    assert reply.answered and "Phone:" in reply.message


# Hinglish: "kisko batana hai" is whom to tell, "kahan likhu" where to write to us.
@pytest.mark.parametrize("question", ["mera data misuse hua toh kisko batana hai", "complaint ho toh kahan likhu"])
def test_whom_to_tell_in_hinglish(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section == "12", question


def test_writing_down_is_no_contact(assistant):
    reply = assistant.answer("where do i write down my notes")
    assert not (reply.answered and reply.citations[0].clause.section == "12")


# Testing for weak spots is the regular audits and vulnerability testing of Data Security.
@pytest.mark.parametrize("question", ["do you check your systems for weak points regularly",
                                      "do you hire ethical hackers to find loopholes"])
def test_testing_for_weak_spots(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section == "5", question


# A rundown or overview asked for is a question, not a request.
@pytest.mark.parametrize("question", ["quick rundown of my options for marketing emails",
                                      "give me an overview of my choices about promotional sms"])
def test_a_rundown_is_asked(assistant, question):
    reply = assistant.answer(question)
    assert reply.handoff is None and reply.answered and reply.citations[0].clause.section == "6", question


def test_a_marketing_opt_out_is_still_a_request(assistant):
    assert assistant.answer("stop all marketing emails to me").handoff == "marketing_opt_out"


# Where the visitor's data is located is not where our office is.
@pytest.mark.parametrize("question", ["where is my data physically located", "where are my details located"])
def test_where_my_data_is_located_is_no_office(assistant, question):
    reply = assistant.answer(question)
    assert reply.reason != "company", question


def test_a_letter_about_my_data_still_gets_our_address(assistant):
    reply = assistant.answer("Is there a postal address where I can send a letter about my data?")
    assert reply.answered and "Address:" in reply.message


# Whether the visitor's rights reach them where they are is the section granting the rights, whatever countries are
# named (five tables asked it so).
@pytest.mark.parametrize("question", ["do I get these rights in India too or only people in the EU?",
                                      "are the rights you list applicable to users in Singapore or just Europe"])
def test_rights_applying_where_the_visitor_is(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section == "6", question


def test_where_data_goes_is_still_transfers(assistant):
    reply = assistant.answer("does my data go to Europe or stay in India?")
    assert reply.answered and reply.citations[0].clause.section == "10"

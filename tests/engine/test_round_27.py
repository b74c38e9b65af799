"""Round 27: kinds from the twenty-first visitor table's first run (tests/data/visitor_cases_fresh19.yaml)."""

import pytest


# Whether a number, an address or a sender that reached the visitor is really ours, and where and what we are.
@pytest.mark.parametrize("question, line", [
    ("got a missed call from +91 95612 34758, is that actually you people or some fraud?", "Phone:"),
    ("someone mailing me from bluemessaggio.support@gmail.com says they are your team, is that a genuine id of "
     "yours?", "Email:"),
    ("is there a physical office i can walk into with my documents, and where exactly is it", "Address:"),
    ("my CA needs to know which state you are registered in, is it Maharashtra?", "Address:"),
    ("Is Blue Messaggio even an Indian company or is it Italian, going by the name?", "Address:"),
    ("who do I escalate to if your account manager keeps ignoring my privacy concern?", "If you have any questions"),
    ("Once I exercise one of my rights, is there a deadline by which you must act?", "We will respond"),
])
def test_the_company_asked_in_unusual_ways(assistant, question, line):
    reply = assistant.answer(question)
    assert reply.reason == "company" and reply.message.startswith(line), question


# Where servers or a data centre are is not where our office is; an office or a call centre still is.
def test_a_data_centres_city_is_not_our_address(assistant):
    reply = assistant.answer("Which city is your data centre in, Mumbai, Chennai or Hyderabad?")
    assert not reply.answered and reply.reason == "not_covered"


@pytest.mark.parametrize("question", ["where is your head office? mumbai centre?", "what is the address of your call centre"])
def test_an_office_or_call_centre_is_still_our_address(assistant, question):
    assert assistant.answer(question).reason == "company", question


# When one of two questions is declined, the other is answered only when it asks something of its own: not "can you
# tell me why" nor "what did I do wrong", nor a "when I ..." that only sets the scene.
@pytest.mark.parametrize("question", [
    "My WhatsApp utility template got rejected twice, can you tell me why?",
    "When I call your support line, is the call recorded and who listens to it?",
    "When I close my account, are the backups wiped as well or do copies stay somewhere?",
])
def test_a_declined_question_leaves_nothing_to_answer(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered, question


def test_the_other_question_of_two_is_still_answered(assistant):
    reply = assistant.answer("what do you collect and keep, and for how long?")
    assert reply.answered and reply.citations[0].clause.section == "2"


# Slang: "fr tho", "lowkey" say nothing; "nuke all cookies" clears them; "what's the point of" asks what for.
def test_for_real_is_no_instruction(assistant):
    assert assistant.answer("fr tho do u keep a copy of the otps i push thru u").handoff is None


def test_nuking_cookies_is_managing_them(assistant):
    reply = assistant.answer("can i nuke all cookies n still use the dashboard or will it break")
    assert reply.answered and reply.citations[0].clause.section == "7"


def test_the_point_of_analytics_is_what_it_is_for(assistant):
    reply = assistant.answer("wats the point of analytics on my clicks, u watchin me or wat")
    assert reply.answered and reply.citations[0].clause.section == "3"


def test_what_the_app_picks_up_quietly_is_collected_automatically(assistant):
    reply = assistant.answer("My son installed your app on my phone so I get reminders for my clinic appointments. I "
                             "am 68 and not very good with these things. What does the app quietly pick up from my "
                             "phone without me typing anything?")
    assert reply.answered and reply.citations[0].clause.section == "2"


def test_catching_scammers_is_fraud_prevention(assistant):
    reply = assistant.answer("Do you use my data to catch scammers?")
    assert reply.answered and reply.citations[0].clause.section == "3"


@pytest.mark.parametrize("question", [
    "Are you registered as a data fiduciary under the DPDP Act 2023, and do you work with a consent manager?",
    "Under GDPR, do you have an appointed EU representative I could write to?",
])
def test_what_the_policy_does_not_say_is_declined(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "not_covered", question


# "keeps ignoring" is going on, not keeping data.
def test_keeps_doing_is_no_practice(assistant):
    reply = assistant.answer("who do I escalate to if your account manager keeps ignoring my privacy concern?")
    assert reply.reason == "company"


# What the review of round 27 found, each as on the base again.
def test_a_deletion_with_a_threat_of_the_cyber_cell_is_not_declined(assistant):
    assert assistant.answer("if you don't delete my data I will go to cyber cell").reason != "not_covered"


@pytest.mark.parametrize("question", [
    "which state's laws apply to my data",  # "which state" as our address
    "is that actually you texting me from VM-BLUMSG",  # "is that actually you" as our phone
    "is there a deadline by which i must ask for my data",  # the visitor's deadline is not our response time
])
def test_no_company_line_for_other_questions(assistant, question):
    assert assistant.answer(question).reason != "company", question


def test_point_of_sale_is_no_purpose(assistant):
    reply = assistant.answer("do you collect point of sale data from my shop")
    assert not (reply.answered and reply.citations[0].clause.section == "3")


@pytest.mark.parametrize("question, line", [
    ("is your server in mumbai? also where is your office", "Address:"),
    ("your servers are down, what is your phone number", "Phone:"),
    ("i'm a server admin at a bank, whats your email for security reports", "Email:"),
])
def test_servers_named_beside_our_details_leave_them_asked(assistant, question, line):
    reply = assistant.answer(question)
    assert reply.reason == "company" and reply.message.startswith(line), question

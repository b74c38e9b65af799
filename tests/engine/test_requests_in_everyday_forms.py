"""Session 40: requests in the forms a fresh table of slang, Hinglish and child's-data reports (fresh71) showed the
rules did not read, and a "no" that denies only what it is said of.

- Hindi's subjunctive after a wh-word asks what to do ("kisko contact karein?"); alone it is a polite instruction.
- "2 saal pehle" is a time, not an age; "4th standard", "in class 6" say a child's age.
- "(I think) you should remove his information" and "I'm reporting this so you can take her information off" tell us
  what to do.
- "Would appreciate if you could tell me what you have stored about me" asks for access as "I'd like to know ..." does.
- A "no" in the story before a request no longer keeps the request heads out (`Intents.said_no_to`).
The wordings are the team's own, in no table."""

from __future__ import annotations

import pytest

from app.engine.intents import _ages, classify_clause, is_request
from app.engine.lexicon import CORPUS, load_lexicon


def _detected(assistant, message):
    found = assistant.intents.detect(assistant.analyse(message))
    return None if found is None else (found.intent.name, found.request)


@pytest.mark.parametrize("message", [
    "data ke baare me complaint ho toh kisko contact karein?",
    "unsubscribe link kaise add karein campaign me",
    "account delete karna ho to kahan request karein?",
])
def test_a_subjunctive_after_a_wh_word_asks_what_to_do(assistant, message):
    reply = assistant.answer(message)
    assert reply.handoff is None, (message, reply.handoff)
    assert assistant.analyse(message).parts[-1].act != "instruction"


def test_a_subjunctive_alone_is_a_polite_instruction():
    lexicon = load_lexicon(CORPUS / "hinglish.yaml")
    assert lexicon.translate(["mera", "data", "delete", "karein"])[1] == "instruction"
    assert lexicon.translate(["kisko", "contact", "karein"])[1] == "question"


@pytest.mark.parametrize("text, minor", [
    ("humne 2 saal pehle account banaya tha", False),
    ("teen saal baad account band kiya, 3 saal baad", False),
    ("5 saal se customer hu", False),
    ("beti 13 saal se kam hai", True),
    ("my younger one is in 4th standard", True),
    ("she is in class 6 now", True),
    ("he's in the 7th grade", True),
    ("we bought the class 1 plan", False),
    ("I finished 12th standard in 2009 and I am 33", False),
])
def test_a_time_in_years_is_no_age_and_a_year_of_school_is(text, minor):
    assert any(age < 18 for age in _ages(text)) is minor, (text, _ages(text))


@pytest.mark.parametrize("message, intent", [
    ("My nephew's classmate, who is 11, made a profile on your site from our wifi. I think you should remove his "
     "information.", "child_data"),
    ("My younger one is in 3rd standard and signed up with her school id. I'm reporting this so you can take her "
     "details off your systems.", "child_data"),
    ("I stopped using the service in March, you need to delete my number now.", "deletion"),
    ("I think you should update my address, I moved to Nashik last year.", "correction"),
])
def test_what_we_ought_to_do_is_a_request(assistant, message, intent):
    assert assistant.answer(message).handoff == intent, message


@pytest.mark.parametrize("message", [
    "I think you should delete data after a year",
    "you must fix your delivery reports, they are always late",
    "do you think you should delete my data when I close the account?",
    "you should not sell anyone's numbers",
])
def test_an_opinion_of_what_we_should_do_is_no_request(assistant, message):
    assert assistant.answer(message).handoff is None, message


def test_a_wish_to_be_told_what_is_held_of_the_visitor_asks_for_access(assistant):
    message = "I'm tidying up my old subscriptions. Would appreciate if you could tell me what you have stored about me."
    assert assistant.answer(message).handoff == "access"
    # to be told something else is still a question
    for question in ("would appreciate if you could tell me what data you collect",
                     "it would be great if you could tell me your office hours"):
        assert assistant.answer(question).handoff is None, question
        parts = assistant.analyse(question).parts
        assert [classify_clause(p, assistant.intents.actions) for p in parts] != ["inquiry"]


@pytest.mark.parametrize("message, name, denied", [
    # the "no" is said of the type's own word: denied
    ("please don't delete my account, I only want to know what you store", "deletion", True),
    ("I'm not asking you to erase anything, just send me my data", "deletion", True),
    ("my profile still shows my old email. please don't swap it", "correction", True),
    ("no complaints so far. can you send me a copy of my data", "grievance", True),
    # nothing asked after the "no": it takes back what came before
    ("lemme see everything you have on me. actually never mind", "access", True),
    # a "no" in the story before what is asked: not denied
    ("this is not okay, somebody at your end shared my number and I want it looked into", "grievance", False),
    ("I don't use the account any more and I'd like every trace of my details taken off your systems", "deletion",
     False),
    ("I never signed up with you. Get my number off your lists.", "deletion", False),
    ("please do not close my account. update my phone number instead", "correction", False),
    ("please do not close my account. update my phone number instead", "deletion", True),
])
def test_a_no_denies_what_it_is_said_of(assistant, message, name, denied):
    assert assistant.intents.said_no_to(assistant.analyse(message), name) is denied, (message, name)


@pytest.mark.parametrize("message, intent", [
    ("this is not okay, someone in your support team passed my number to a loan agent and I want it looked into",
     "grievance"),
    ("I don't need your services any more and I'd like every trace of my details wiped from your side", "deletion"),
])
def test_a_request_after_a_no_in_the_story_is_handed_off(assistant, message, intent):
    assert assistant.answer(message).handoff == intent, message


@pytest.mark.parametrize("message", [
    "I don't want my account deleted, just fix the spelling of my surname",
    "please don't swap my email, I only wanted to check which one you have",
])
def test_a_request_said_not_to_be_made_stays_unmade(assistant, message):
    reply = assistant.answer(message)
    assert reply.handoff != "deletion" and not (reply.handoff == "correction" and "swap" in message), message


def test_is_request_reads_the_forms(assistant):
    actions = assistant.intents.actions
    assert is_request(assistant.analyse("I think you should remove my information"), actions)
    assert is_request(assistant.analyse("I'm writing so you can delete my account"), actions)
    assert not is_request(assistant.analyse("I think you should delete data after a year"), actions)
    assert not is_request(assistant.analyse("you should delete my data when I close the account, right?"), actions)

"""Session 40: requests in the forms a fresh table of slang, Hinglish and child's-data reports (fresh71) showed the
rules did not read, and a "no" that denies only what it is said of.

- Hinglish typed as text-speak ("kro", "krdo", "nikaal do", "rukwao") and family words ("bitiya", "bete").
- Hindi's subjunctive after a wh-word asks what to do ("kisko contact karein?"); alone it is a polite instruction.
- "2 saal pehle" is a time, not an age; "4th standard", "in class 6" say a child's age.
- "(I think) you should remove his information" and "I'm reporting this so you can take her information off" tell us
  what to do.
- "Would appreciate if you could tell me what you have stored about me" asks for access as "I'd like to know ..." does.
- A "no" in the story before a request no longer keeps the request heads out (`Intents.said_no_to`).
- "do not" + what we do with data ("do not share my number") opens an instruction as "don't" does.
- Everyday verbs of request (intents.yaml's `actions`: "put together", "strike ... off", "cut", ...), and the same
  verbs on the product's things asking nothing of ours.
The wordings are the team's own, in no table."""

from __future__ import annotations

import pytest

from app.engine.intents import _ages, classify_clause, is_request
from app.engine.lexicon import CORPUS, load_lexicon


def _detected(assistant, message):
    found = assistant.intents.detect(assistant.analyse(message))
    return None if found is None else (found.intent.name, found.request)


@pytest.mark.parametrize("message, intent", [
    ("meri beti 9 saal ki hai, usne account bana liya, uska data turant hatwao", "child_data"),
    ("mera purana email galat hai, naya wala update kro", "correction"),
    ("mera sara data delete krdo abhi", "deletion"),
    ("mere naam pe jo bhi record hai sab nikaal do", "deletion"),
    ("roz roz discount wale sms aate hai, band krwao", "marketing_opt_out"),
])
def test_hinglish_typed_as_text_speak_hands_off(assistant, message, intent):
    reply = assistant.answer(message)
    assert reply.handoff == intent, (message, reply.handoff)


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


@pytest.mark.parametrize("message, intent", [
    # "do not" + what we do with data opens an instruction as "don't" does, not a question
    ("do not use my details for your analytics, i never agreed", "objection"),
    ("please do not use my number for your promotions", "marketing_opt_out"),
    # ... not a verb of request, whose denial the markers do not read
    ("Do not send me a copy of my data. I just want it erased.", "deletion"),
])
def test_do_not_tells(assistant, message, intent):
    assert assistant.answer(message).handoff == intent, message


@pytest.mark.parametrize("text, kind", [
    ("do not share my number with anyone", "instruction"),
    ("please do not use my data for ads", "instruction"),
    ("do not you think this is unfair", "question"),
    ("do not know how to delete my account", "question"),
    ("do not reply, I already got my answer", "other"),
])
def test_do_not_opens_an_instruction(assistant, text, kind):
    first = assistant.analyse(text).parts[0]
    assert (classify_clause(first, assistant.intents.actions) == "instruction") is (kind == "instruction"), text


@pytest.mark.parametrize("message, intents", [
    ("strike my name off your records", {"deletion"}),
    ("strike me off your lists, I never signed up for your offers", {"marketing_opt_out", "deletion"}),
])
def test_everyday_verbs_of_request(assistant, message, intents):
    assert assistant.answer(message).handoff in intents, message


@pytest.mark.parametrize("message", [
    "cut the campaign at 8pm please",
    "pull the delivery report for my last campaign",
    "block this number from my contacts list",
    "put a footer on my campaign messages",
    "put my account on hold for a month",
    "drop my plan to the basic one",
    "compile my invoices for the year",
])
def test_the_same_verbs_on_the_product_ask_nothing_of_ours(assistant, message):
    reply = assistant.answer(message)
    assert reply.handoff is None and not reply.answered, message


# The review of session 40: what its first cut of these rules got wrong.
@pytest.mark.parametrize("message", [
    # a clause that only takes back what came before
    "I was gonna ask u to swap my email for the new one. nah not needed, I want it to stay as it is",
    "my email on file is ancient, swap it 4 my new one k. nvm, not needed, let it be",
    # a "no" before "you should"
    "I don't think you should delete my account",
    "I'm not sure you should delete my data yet",
    # "so you can ..." after a question: what the question is for
    "how do I verify my identity so you can delete my data",
    "what should I do so you can delete my account",
    # "do not" + a verb that is no deed of ours
    "do not know how to delete my account",
    "do not store my password in plain text",
    # Hinglish: "kaise ... krni hai" asks how
    "complaint kaise krni hai",
    "complaint kaise karni hai",
])
def test_the_review_of_session_40_no_handoff(assistant, message):
    assert assistant.answer(message).handoff is None, message


@pytest.mark.parametrize("message, intent", [
    # a school year in the past, or someone else's class: no child
    ("I created this account back in 10th grade, now I'm 24, please delete it", "deletion"),
    ("I teach maths in class 9 and 10, delete my account", "deletion"),
    ("my ticket is stuck in grade 2 support, please delete my account", "deletion"),
    # "nikaal ke de do": take it out and give it to me
    ("meri saari details nikaal ke email kar do", "access"),
    # a wh-word further back, or "kyun": the request stands
    ("kab se bol raha hu mera number delete karein", "deletion"),
    ("aap log mera data kyun rakhte ho please delete karein", "deletion"),
    # "would really appreciate"
    ("I would really appreciate if you could tell me what you have stored about me", "access"),
])
def test_the_review_of_session_40_handoff(assistant, message, intent):
    assert assistant.answer(message).handoff == intent, message

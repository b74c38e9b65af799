"""Session 41: requests in the forms a fresh table of requests written as people write to support (fresh72) showed the
rules did not read, and product instructions in a right's words.

- Asked to be told what is held of the visitor ("please tell me what personal data you hold on me", "could you tell
  me exactly what information about me you currently hold?") exercises the right of access, as "I'd like to know
  what you hold about me" does; asked to be told what we collect, or how, is still a question.
- "could someone ..." asks us as "could you ..." does; "could someone look into wiping my number" asks for the deed.
- A wish with its "I" dropped ("..., wanna see everything u saved"), "make them stop", "cease".
- The use limited to what the visitor signed up for ("for any purpose apart from ...") is an objection.
- A copy asked for in a format to take elsewhere ("JSON", "machine-readable", "my new provider") is the portable one.
- "what you process about me", "the personal data maintained ... in my name", "anything linked to my email"; an
  inquiry carried on by "and where you got it" or "and if so, what exactly"; ", which I left in 2019" is a relative
  clause, no question; "get it corrected"; "leave my data out of that"; "consider it withdrawn" (of consent).
- Hindi "kar raha hu" (I am doing) tells what the visitor does now; "do baar" is two times, no English "do".
- "that's all I needed, have a lovely weekend" signs off.
- A deed on what a business sends or loads ("scrap the broadcast I queued", "erase the contacts I imported") asks
  nothing of ours.
The wordings are the team's own, in no table."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("message, intent", [
    ("please tell me what personal data you hold on me", "access"),
    ("let me know exactly what you have stored about me", "access"),
    ("could you please tell me what information about me you currently hold?", "access"),
    ("can you tell me what data you have on me?", "access"),
    ("Could someone tell me which details your team has stored about me? My login is my work email.", "access"),
    ("could someone please delete my account", "deletion"),
    ("could someone look into removing my email address from your records?", "deletion"),
    ("what do u have on me? wanna see all of it", "access"),
    ("your promo sms are way too many, make them stop", "marketing_opt_out"),
    ("please cease utilizing my personal data for anything but running my account", "objection"),
    ("do not use my details for any purpose other than delivering my messages", "objection"),
    ("send me my account data as JSON, I'm moving to a new provider", "portability"),
    ("I need everything you hold on me in a machine readable file", "portability"),
    ("send me everything you hold on me", "access"),
    ("remove me from the campaign list", "marketing_opt_out"),
    # the product's words from a recipient, with nothing said of the business's own doing
    ("stop the campaign emails, I never signed up for this", "marketing_opt_out"),
    # what is processed or maintained of the visitor, or anything linked to them
    ("I have a right to know what you process about me and I'm using it now", "access"),
    ("Kindly share the particulars of the personal data maintained by your company in my name.", "access"),
    ("I'd like to find out whether you have anything linked to my email, and if so, what exactly.", "access"),
    # an inquiry carried on by an embedded question, after a relative clause in the story
    ("A letter from you came to my old flat, which I left in 2019. I want to know what you hold on me and where you got "
     "it.", "access"),
    # the data packed, or ported, to be taken elsewhere
    ("can u zip up all my data n mail it, moving to another app", "portability"),
    ("I request that my personal data be ported to my new provider.", "portability"),
    # Hindi "dikha dijiye" (show), "jama" (stored)
    ("mere naam pe jo bhi data jama hai woh dikha dijiye", "access"),
    ("my address is wrong on my profile, pls get it corrected", "correction"),
    ("stop profiling me, leave my data out of that", "objection"),
    ("the consent I gave for analytics, consider it withdrawn", "objection"),
    # Hindi "kar raha hu" (I am doing): what the visitor does now; "do baar" (twice) asks nothing
    ("teen hafte ho gaye koi reply nahi, isliye grievance file kar raha hu", "grievance"),
    ("do baar likha, koi jawab nahi aaya, ab complaint register karwa rahi hoon", "grievance"),
    ("can you confirm which details of mine you have gathered and send them over", "access"),
    ("my mother is 80 and worried, please tell us what data you hold about her", "access"),
])
def test_handed_off(assistant, message, intent):
    assert assistant.answer(message).handoff == intent, message


@pytest.mark.parametrize("message", [
    # to be told what we collect, how, or what would happen: questions
    "tell me what you collect", "tell me how you store my data", "let me know what cookies you use",
    "would you tell me what you have on file about me if I asked by email?",
    # "can someone ..." asks whether a stranger can
    "can someone get my data", "can someone see my chats",
    # the product's sends and loads
    "scrap the broadcast I queued for tomorrow morning, the price was wrong",
    "erase the contacts I imported this morning, the file had duplicates",
    "stop the bulk send to segment C, wrong link in it",
    "the campaign keeps going, make it stop",
    "do you use my data for any other purpose?",
    "otp kaam nahi kar raha hai", "main aapki service use kar raha hu, kya mera data safe hai?",
    "how do I get it fixed", "my details leave the EU that way, what protection do you put in place?",
    "I need to know whether outsiders get access to the data, and when you would hand it to the police",
])
def test_not_handed_off(assistant, message):
    assert assistant.answer(message).handoff is None, message


@pytest.mark.parametrize("message", ["that's all I needed, have a lovely weekend", "have a nice day", "that's all"])
def test_signing_off_is_small_talk(assistant, message):
    reply = assistant.answer(message)
    assert reply.kind == "smalltalk" and not reply.citations, message


def test_a_question_that_only_sounds_like_signing_off_is_answered(assistant):
    assert assistant.answer("what data do you have on file, is that all?").kind != "smalltalk"


# The review of session 41: a helper's own wordings that the first cut of these rules read wrongly.
@pytest.mark.parametrize("message", [
    # "what" heading another question about the data held
    "tell me what happens to the data you hold about me after I delete my account",
    "tell me what rights I have over the data you hold about me",
    "please tell me what security you have to protect the data you hold on me",
    "tell me what country the data you have about me is stored in",
    # "could someone ..." as a worry
    "could someone delete my data without my permission?", "could someone erase my data by mistake?",
    "My ex knows my email. Could someone delete my account just by logging in with it?",
    # "want to ..." with no verb of request
    "want to sign up but worried about privacy, what do you collect?",
    "want to check what data you collect before I install",
    # an inquiry about everyone's data, carried on
    "I'd like to know what you collect in general and where you store it",
])
def test_the_review_of_session_41_no_handoff(assistant, message):
    assert assistant.answer(message).handoff is None, message


@pytest.mark.parametrize("message, intents", [
    # a recipient's "our": no business's doing
    ("our family number gets your bulk sms daily, stop the bulk sms", {"marketing_opt_out"}),
    ("we never subscribed. stop the broadcast messages to our office phone", {"marketing_opt_out"}),
    # another provider in the story, not where the data goes
    ("I want to know what data you hold on me, I'm switching to another provider", {"access", "portability"}),
    ("show me my data, I'm with a different provider now and want to be sure you deleted what I asked", {"access"}),
    ("Show me all the data you have on me. the portal shows a json error when I log in", {"access"}),
])
def test_the_review_of_session_41_handoff(assistant, message, intents):
    assert assistant.answer(message).handoff in intents, message


@pytest.mark.parametrize("message", [
    "Stop the campaign scheduled for 9 pm tonight, the coupon in it is wrong.",
    "Export all the contacts in our Holi 2026 phonebook group as a CSV file.",
])
def test_the_business_naming_its_own_campaign_or_group_asks_nothing_of_ours(assistant, message):
    assert assistant.answer(message).handoff is None, message

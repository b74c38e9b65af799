"""The review of round 14: wordings of the reviewer's own that the round's rules had sent to the wrong place, and the
round's improvements that must hold. Grouped by kind; each list is what main did (or better)."""

import pytest


def _result(reply) -> str:
    if reply.handoff:
        return "handoff"
    return "answer" if reply.answered else "none"


# A. No request: product messages, billing and support that the round's rules had handed off.
@pytest.mark.parametrize("question", [
    # "they are N" is a group's age only for people who can be children
    "we have 3 sender ids, they are 3 and all approved", "our templates - they are 5 and pending approval",
    "my customers are schools, they are about 10, and need otp", "they are 8 and all got rejected, my templates",
    "we sent 3 campaigns, they are 2 and 1 days old", "our sender ids are 6, they are 6 and active",
    "my contacts, they are 11, got no otp",
    # a child named, but the visitor's own doing or the product told
    "my daughter is 12. I put my own number on the account but OTP isn't coming, what should I do",
    "my son is 8 and my account got blocked after I uploaded contacts, what do I do",
    "my students are 14, I uploaded their parents' numbers for the fee reminder campaign, can those be removed from "
    "the failed list?",
    # "don't use my X" where X is no data of the visitor's
    "don't use my name in the sender id", "don't use my logo in the template", "don't use my default sender id for otps",
    "don't use my card for auto renewal", "please don't use my old number for otp, use the new one",
    "don't use my gst number on the invoice, use the new one",
    "don't use my personal email for invoices, use the company one",
    "don't use my number for whatsapp, use email instead",
    # "ladka" / "ladki" alone: a young man or woman
    "hamari company ki ladki ne galat template bana diya", "ladki se baat karni hai support me",
    "ladki ka number galat hai campaign me",
    # "scrap all / everything" of drafts and schedules
    "scrap all the drafts in my campaign folder", "scrap all messages scheduled for tonight",
    "scrap everything in the draft and start over", "scrap all my contacts from the last upload",
    # a name changed, said of a company or asked about
    "my company name changed, update the invoices", "my name changed, will my sender id stay",
    "my last name changed, does the invoice need updating",
    # the product's list
    "remove old emails from the campaign", "remove unsubscribed numbers from my contact list",
])
def test_review_14_no_handoff(assistant, question):
    assert assistant.answer(question).handoff is None


# B. Product and off-policy questions the round had answered: declined again.
@pytest.mark.parametrize("question", [
    "how fast do you reply to whatsapp messages through the api", "how quickly do you answer calls",
    "how fast do you answer on whatsapp support", "how quickly do you get back to sales inquiries",
    "can your staff open my account and check the campaign settings",
    "does your team have access to my account for onboarding",
    "why do you need my company name for the template", "what do you do with my messages after delivery",
    "can they be exported to csv from the dashboard",
    # ("why do you need my address for the invoice" is answered from section 3, whose account management clause
    # says billing, since the section model; "can my old email be updated to the new one" is answered from section
    # 6 with the wrong clause, a cost of that model listed in bench/HISTORY.md)
    "mera data kaise milega", "template kaise banaya", "mera account kisne banaya",
    "i am 12 years into this business, do you have enterprise plans",
    "i am 5 and a half weeks into the trial, how do i upgrade",
    "i am 1 and only admin on the account, can i add another",
    "i'm 16, can i use this",
    # an instruction to remove something asks for no contact line ("emails" is not our address)
    "remove old emails from the campaign",
])
def test_review_14_declined(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.handoff is None


def test_review_14_which_email_to_login_is_no_contact_question(assistant):
    reply = assistant.answer("which email should i use to login")
    assert reply.reason != "company"


@pytest.mark.parametrize("question", ["how fast do you reply to whatsapp messages through the api",
                                      "how quickly do you answer a data deletion request"])
def test_review_14_how_fast_is_not_the_response_time(assistant, question):
    assert assistant.answer(question).reason != "company"


# C. Requests handed off to the form main chose.
@pytest.mark.parametrize("question, intent", [
    # "minor" before data, accounts, users, Hindi ke / ka / ki, and "minors", is a child
    ("delete minor data please", "child_data"), ("minors data ko delete karo", "child_data"),
    ("minor accounts delete karo", "child_data"),
    # a marketing opt-out stays one
    ("don't use my email for newsletters", "marketing_opt_out"), ("don't use my number to call me", "marketing_opt_out"),
    # a visitor of 13 to 17 asking for themself: a deletion (section 9 is about children under 13)
    ("i am 15 and want to delete my account", "deletion"), ("im 17 pls delete my stuff", "deletion"),
    ("i am like 13 can u remove my data", "deletion"),
    ("i'm 14 and my parents don't know i signed up, delete it", "deletion"),
])
def test_review_14_handed_off_as_on_main(assistant, question, intent):
    assert assistant.answer(question).handoff == intent


@pytest.mark.parametrize("question, clause, offer", [
    ("how do you protect minor data", "s9-1", "child_data"),
    ("minor users accounts, how are they handled", "s9-1", "child_data"),
    ("i am 14 how do i delete my account", "s6-correction-and-deletion-2", "deletion"),
    ("i am 13 and can i use this app", "s9-1", None),
    ("how quickly do you answer a data deletion request", "s6-correction-and-deletion-2", "deletion"),
])
def test_review_14_answered_as_on_main(assistant, question, clause, offer):
    reply = assistant.answer(question)
    assert reply.handoff is None and reply.citations[0].clause.id == clause and reply.offer == offer


@pytest.mark.parametrize("question", ["i am 15 and want to delete my account", "i'm 16, can i use this",
                                      "i am 13 and can i use this app", "i am 12 years into this business"])
def test_review_14_no_own_age_of_a_child_from_13(assistant, question):
    assert "child" not in assistant.analyse(question).words


# D. The round's improvements that held on the reviewer's wordings: they must stay.
@pytest.mark.parametrize("question, intent", [
    ("A girl in my building, maybe 9, put her details on your site. Can that be taken down?", "child_data"),
    ("my little brother, 12, signed up using my phone. can it be removed?", "child_data"),
    ("my niece is under 13 and her email is in your system, what happens now", "child_data"),
    ("I'm a babysitter, the kid I watch is 8 and has an account with you. What should I do?", "child_data"),
    ("my grandson is 9, his details are on your app, how do we get that removed?", "child_data"),
    ("my 11 yr old nephew registered with his email, what now", "child_data"),
    ("my son is 11, he made an account with my card. what do i do", "child_data"),
    ("i am 9 and my mom made me an account", "child_data"),
    ("they're 9, the twins. they made accounts. delete pls", "child_data"),
    ("they are 12, my grandkids, they used my phone to sign up", "child_data"),
    ("my minor son made an account, delete it", "child_data"),
    ("padosi ka bachha mera phone use karke sign up kar liya", "child_data"),
    ("scrap my data, i'm done with you", "deletion"), ("please scrap my account", "deletion"),
    ("scrap everything you have on me", "deletion"),
    ("my surname changed, can you fix it in your records", "correction"),
    ("please don't use my details for anything beyond running my account", "objection"),
    ("don't use my data for ads", "objection"),
    ("stop using my data for marketing", "marketing_opt_out"),
    ("mere data ko marketing ke liye use mat karo", "marketing_opt_out"),
    ("I want everything you know about me", "access"),
    ("remval of my data", "deletion"),
])
def test_review_14_improvements_held(assistant, question, intent):
    assert assistant.answer(question).handoff == intent


@pytest.mark.parametrize("question", [
    "a minor issue with our account", "a minor bug in the dashboard", "remove invalid numbers from list before upload",
    "remove duplicate contacts", "my kids run the shop with me, they are 25 and 27", "how many templates can i have? they are 12.",
    "i am 2 days into the trial, how do i upgrade",
])
def test_review_14_no_handoff_held(assistant, question):
    assert assistant.answer(question).handoff is None


@pytest.mark.parametrize("question, section", [
    ("if my details are wrong can they be corrected", "6"), ("could my details be fixed, the spelling of my name is wrong", "6"),
    ("can your staff read my chats", "5"), ("will your staff open my files", "5"),
    ("What is the purpose for which you are taking my mobile number?", "3"),
    ("how fast do you get back to privacy queries", "12"), ("how quickly will you reply to my email", "12"),
    ("how fast do you reply to a privacy complaint", "12"),
])
def test_review_14_answers_held(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.handoff is None and reply.citations[0].clause.section == section


# The section model (corpus/section-model.bin) reads why an address is needed for an invoice as what our data is
# used for: section 3's list, whose account management clause names billing.
def test_the_address_for_an_invoice_is_what_data_is_used_for(assistant):
    reply = assistant.answer("why do you need my address for the invoice")
    assert reply.answered and reply.clause.section == "3" and "billing" in reply.message

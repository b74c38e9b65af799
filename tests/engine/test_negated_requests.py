"""Branch quality15: a request said under a negated wish ("I don't want my account deleted, just paused", "I'm not
asking you to delete anything") asks nothing (tests/data/visitor_cases_fresh10.yaml's first run and the backlog of
the review of round 14b, section E); a negated wish that is itself a request to stop ("I don't want promo emails")
still is one. Every wording besides the review's is our own."""

import pytest


@pytest.mark.parametrize("question", [
    # the review of round 14b, section E
    "I never wanted my number changed",
    "I dont want my email changed, keep the old one",
    "I don't want my account deleted, just paused",
    "I didn't request deletion. Please restore my account",
    # our own
    "I'm not asking you to erase anything, just curious if you sell data",
    "I don't want to unsubscribe, I only want fewer mails",
    "we never asked for our records to be removed, why is the account empty",
    "no need to change my address, it is right",
])
def test_an_unwished_request_is_no_handoff(assistant, question):
    assert assistant.answer(question).handoff is None


@pytest.mark.parametrize("question, handoff", [
    # what follows the unwished thing is asked
    ("Just so you know, I don't want my account deleted. I only want the offer emails stopped", "marketing_opt_out"),
    ("I don't want my number changed, I want my name corrected", "correction"),
    ("I don't want my data with you anymore, delete it", "deletion"),
    ("I don't want my account anymore delete it", "deletion"),
    ("I don't want you to keep my data, please delete everything", "deletion"),
    ("no need to keep my data, erase it", "deletion"),
    # a negated wish that is a request to stop
    ("I don't want to receive promotional emails", "marketing_opt_out"),
    ("I don't want you sending me marketing sms", "marketing_opt_out"),
    ("I don't want any more offers from you", "marketing_opt_out"),
    ("I never asked for these newsletters, unsubscribe me", "marketing_opt_out"),
    ("I didn't ask for your promo sms, stop them", "marketing_opt_out"),
])
def test_what_is_wished_is_still_asked(assistant, question, handoff):
    assert assistant.answer(question).handoff == handoff


# Hindi's tag question "hai na" ("... isn't it?") asks; an instruction before it is still one.
@pytest.mark.parametrize("question, handoff", [
    ("mera data safe hai na aapke paas", None), ("aap mera data bechte ho na", None),
    ("mera data delete ho gaya hai na", None), ("mera account delete kar do, theek hai na", "deletion"),
])
def test_a_hindi_tag_question_asks(assistant, question, handoff):
    assert assistant.answer(question).handoff == handoff


# What the visitor says they are not doing ("I'm not unsubscribing") asks nothing either; what they then ask, and a
# "not ...ing" said of us ("why are you not deleting my data"), still counts.
@pytest.mark.parametrize("question, handoff", [
    ("I'm not unsubscribing, just asking how you use my email", None),
    ("im not unsubscribing lol", None),
    ("i'm not opting out, just curious how my number is used", None),
    ("I am not unsubscribing, just wondering what my email is used for", None),
    ("im not deleting my profile, only asking who can see it", None),
    ("I'm not removing anything, I just want to understand your cookies", None),
    ("I'm not deleting anything, please delete my phone number though", "deletion"),
    ("im not unsubscribing from sms but stop the emails", "marketing_opt_out"),
    ("I'm not changing my number, update my email", "correction"),
])
def test_what_the_visitor_is_not_doing_is_not_asked(assistant, question, handoff):
    assert assistant.answer(question).handoff == handoff


def test_not_doing_said_of_us_is_still_about_the_request(assistant):
    reply = assistant.answer("why are you not deleting my data")
    assert reply.answered and reply.citations[0].clause.section == "6"


# "... or not" after a request or a report leaves it one (the review of a reverted rule that read every such clause
# as a question and lost 25 requests).
@pytest.mark.parametrize("question, handoff", [
    ("my son is 10 and has an account delete it or nah", "child_data"),
    ("my 12yo has an account can u remove it or nah", "child_data"),
    ("you will delete my data or not", "deletion"),
    ("I have a complaint, is anyone going to listen or not", "grievance"),
])
def test_or_not_after_a_request_leaves_it_one(assistant, question, handoff):
    assert assistant.answer(question).handoff == handoff

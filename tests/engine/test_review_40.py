"""The review of round 40: wordings of the reviewer's own that round 40 (2e7fcfd) answered worse than the code before it,
each answered as before after the rules were narrowed."""

import pytest


# A request after "and" that follows the visitor's own plan ("I'll ...") is still a request.
@pytest.mark.parametrize("question, intent", [
    ("I'll be travelling and delete my data before that, can you confirm?", "deletion"),
    ("we shall be closing our entity and delete all our records. what documents are needed?", "deletion"),
    ("i'll cancel my plan and correct my billing email, is that possible?", "correction"),
])
def test_a_request_after_the_visitors_plan(assistant, question, intent):
    assert assistant.answer(question).handoff == intent, question


# Taking objection objects.
def test_taking_objection_objects(assistant):
    assert assistant.answer("I take objection to you using my data for ads, what can I do?").handoff == "objection"


# Others' complaints with the visitor's own, or with no other request, still go to the grievance form.
@pytest.mark.parametrize("question", [
    "clients complained, we are very upset with how you handled our data",
    "my team has complained many times, still no action taken",
    "a customer complained that his data was shared without consent, I want to report this breach",
    "my customers keep complaining, this is harassment, I want to take action",
])
def test_complaints_the_visitor_shares(assistant, question):
    assert assistant.answer(question).handoff == "grievance", question


# A purge asked for now is a deletion, not a question of how long data is kept.
def test_a_purge_asked_for_now(assistant):
    reply = assistant.answer("can my records get purged right now")
    assert reply.reason != "not_covered"

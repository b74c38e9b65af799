"""Round 50's review: requests of the reviewer's own that the round's first rules stopped handing off, each narrowed,
and the questions the narrowing had to keep from handing off."""

import pytest


@pytest.mark.parametrize("question, form", [
    # two verbs of request with "or" between are no ways offered
    ("pls delete or deactivate", "deletion"),
    ("unsubscribe or block", "marketing_opt_out"),
    # a belief before the visitor's own wish
    ("i guess i wud like my data deleted pls", "deletion"),
    # a number, a reply or a response wished for beside a request or a complaint
    ("I need my mobile number taken off your promotional list", "marketing_opt_out"),
    ("I want a reply, you leaked my number to spammers", "grievance"),
    ("I want a quick response and a copy of all my data", "portability"),
    # speaking to someone about a complaint, an erasure or a child's data
    ("I want to talk to your grievance officer, this is a formal complaint", "grievance"),
    ("I want to talk to someone, my 9 year old son's number is in your system", "child_data"),
    # a doubt that accuses, or no doubt at all
    ("I have a doubt that my data is misused, this is a complaint", "grievance"),
    ("There is no doubt that you leaked my data, this is a formal complaint", "grievance"),
])
def test_requests_still_hand_off(assistant, question, form):
    assert assistant.answer(question).handoff == form, question


@pytest.mark.parametrize("question", ["how do I ask for my data to be removed, email or form?",
                                      "we don't want to do anything wrong here",
                                      "I thought you needed my number only for billing, why are you sending offers?",
                                      "we are having a doubt whether you will use our details for marketing"])
def test_questions_still_ask(assistant, question):
    assert assistant.answer(question).handoff is None, question

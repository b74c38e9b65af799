"""Round 40: the kinds of miss in the thirty-seventh visitor table (fresh35), fixed by kind and tested here with the
team's own wordings next to the ones that must not change."""

import pytest


# The visitor's own next step after "and" ("I'll check and get back") is no instruction to us.
def test_the_visitors_next_step_is_no_request(assistant):
    reply = assistant.answer("My client asked whether you sell phone numbers. I said I'd find out and get back to her. "
                             "So do you?")
    assert reply.handoff is None


def test_an_instruction_after_a_statement_still_asks(assistant):
    assert assistant.answer("I don't use your service anymore, please delete my account").handoff == "deletion"


# A wish word used as a noun ("take consent") is no wish.
def test_taking_consent_is_no_wish(assistant):
    reply = assistant.answer("Before we start campaigns, does your policy say whether we must take consent from the "
                             "people we message?")
    assert reply.handoff is None


def test_consenting_is_still_said(assistant):
    assert assistant.answer("I withdraw my consent, stop using my data").handoff == "objection"


# Someone else's complaint, told, is no grievance of the visitor's; the visitor's own request wins.
@pytest.mark.parametrize("question, intent", [
    ("my accountant keeps complaining that my GST number is wrong on your records, please correct it", "correction"),
    ("One customer complained to me about spam. Please remove my number from your marketing list.",
     "marketing_opt_out"),
])
def test_someone_elses_complaint(assistant, question, intent):
    assert assistant.answer(question).handoff == intent, question


@pytest.mark.parametrize("question", ["my customers are complaining that you leaked their numbers, I want to complain",
                                      "I want to complain, you misused my data"])
def test_the_visitors_own_complaint(assistant, question):
    assert assistant.answer(question).handoff == "grievance", question


# When records get purged after leaving is how long data is kept: not covered.
def test_when_records_get_purged(assistant):
    reply = assistant.answer("once i close my account when will my data get purged")
    assert not reply.answered and reply.reason == "not_covered"


def test_asking_records_purged_is_a_deletion(assistant):
    assert assistant.answer("please purge my records").handoff == "deletion"

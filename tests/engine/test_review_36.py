"""What the review of round 36 found (a second reader's 401 wordings, 97 changed, 26 worse), and what was done: each
over-reach below answers as it did before round 36, or better."""

import pytest


# Hindi "lagta hai" is "it seems / I think", not "take": no request in it.
@pytest.mark.parametrize("question", ["mujhe lagta hai aap mera data bechte ho", "mujhe lagta hai mera data leak ho gaya",
                                      "darr lagta hai ki mera data leak ho jayega",
                                      "aisa lagta hai ki mera data kisi ne dekha",
                                      "bura lagta hai ki aap mera data bechte ho"])
def test_lagta_hai_is_no_request(assistant, question):
    assert assistant.answer(question).handoff is None, question


# The visitor's own document, told to be deleted with "it", stays a deletion whatever product word the story names.
@pytest.mark.parametrize("question", [
    "We ran one campaign with you last year. Since then we closed the business. You still have the PAN card copy we "
    "uploaded for KYC, please delete it from your servers",
    "We tried your campaign manager. You have the selfie I sent for verification, please erase it from your database",
    "We stopped our sms campaign. The cancelled cheque we sent, could you delete it from your side?",
])
def test_a_document_told_deleted_with_it_is_a_deletion(assistant, question):
    assert assistant.answer(question).handoff == "deletion", question


# "Would it be possible to ..." of a later time, a condition, or what is not the visitor's own asks, not requests.
@pytest.mark.parametrize("question", ["would it be possible to delete my data if I ever stop using your service?",
                                      "would it be possible to delete my account later without losing invoices?",
                                      "would it be possible for you to delete my account in the future if needed?",
                                      "would it be possible to send me a copy of the privacy policy?",
                                      "would it be possible to get in touch with your grievance officer?"])
def test_would_it_be_possible_later_or_not_mine_is_no_request(assistant, question):
    assert assistant.answer(question).handoff is None, question


# An update already done is told, not asked.
@pytest.mark.parametrize("question", ["I already got my email updated, thanks for the help",
                                      "I got my details updated last month, all good now",
                                      "my number updated on the app automatically, thanks"])
def test_an_update_done_is_no_correction(assistant, question):
    assert assistant.answer(question).handoff != "correction", question


def test_stopping_my_own_use_is_no_objection(assistant):
    assert assistant.answer("I want to stop using it for now, will my data be deleted?").handoff != "objection"


def test_meeting_customers_face_to_face_is_not_our_address(assistant):
    assert assistant.answer("Do your people ever contact customers face to face about their data?").reason != "company"


# Forwarding the visitor's own files is a product how-to, not our sharing.
@pytest.mark.parametrize("question", ["I have 10 campaign reports, is there a way to forward them to the accountant?",
                                      "is there any process to forward them to the auditors?"])
def test_forwarding_them_is_not_sharing(assistant, question):
    reply = assistant.answer(question)
    assert not (reply.answered and reply.citations[0].clause.section == "4"), question


# A say in how data is used is answered (now from the right to object, not declined as a tie of rights and use), and a
# say in sharing from the section on sharing.
@pytest.mark.parametrize("question, section", [("do I have any say in how my data is used?", "6"),
                                               ("i want a say in how my data is used", "6"),
                                               ("do I have a say in whether you share my data?", "4")])
def test_a_say_is_answered(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section == section, question


# "them" after a covered question points at what that question named.
def test_them_after_a_covered_question(assistant):
    reply = assistant.answer("Do you have an Android app? And does it use cookies, can I turn them off?")
    assert reply.answered and any(q.clause.id == "s7-managing-cookies-1" for q in reply.quotes)

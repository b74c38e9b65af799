"""The review of round 41: wordings of the reviewer's that round 41 made worse, each answered as before it again, and
the kind found while narrowing (another company made to act on the visitor's data)."""

import pytest

from app.engine.answering import OTHERS_ACT_REPLY
from tests.replies import top_section


# The visitor sharing, a request to be told, or cookies named: not whether we pass the data on.
@pytest.mark.parametrize("question, section", [
    ("is it safe to share my card details on your site", "5"),
    ("is it safe to share my otp with your support", "5"),
    ("can you share a copy of my data with me", "6"),
    ("can you share the details of your security measures", "5"),
    ("do you share any info about how you secure data", "5"),
    ("can you share info about how you use cookies", "7"),
])
def test_sharing_that_is_not_ours(assistant, question, section):
    assert top_section(assistant.answer(question)) == section, question


def test_a_receiver_named_keeps_its_own_clause(assistant):
    reply = assistant.answer("do you release my data to the cops without a warrant")
    assert top_section(reply) == "4" and reply.message.startswith("Court orders")


# Another company's use of data is its own section, not what we collect.
@pytest.mark.parametrize("question, section", [("what data does google analytics use", "8"),
                                               ("what data do cookies use", "7"),
                                               ("what data do your partners use", "4")])
def test_data_another_party_uses(assistant, question, section):
    assert top_section(assistant.answer(question)) == section, question


@pytest.mark.parametrize("question, section", [("can i trust your cookies", "7"),
                                               ("are there any threats from cookies", "7"),
                                               ("can i trust your policy updates", "11")])
def test_trust_and_threats_of_another_topic(assistant, question, section):
    assert top_section(assistant.answer(question)) == section, question


# What the visitor keeps or takes before leaving is no retention question.
@pytest.mark.parametrize("question", ["if i close my account can i download and save my data first",
                                      "if i close my account can i still keep my messages exported"])
def test_a_copy_taken_before_leaving(assistant, question):
    assert top_section(assistant.answer(question)) == "6", question


# Old data deleted automatically, or backups, stay how long data is kept, whoever asks.
@pytest.mark.parametrize("question", ["can i delete old data automatically", "may i delete old backups",
                                      "can i delete old data myself or do you auto delete it"])
def test_automatic_deletion_stays_not_covered(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "not_covered", question


# "who gets the data" only when the data ends the question.
@pytest.mark.parametrize("question, section", [("who gets the data of children", "9"),
                                               ("who gets the data in other countries", "10"),
                                               ("who can get the data deleted", "6"),
                                               ("who gets the data after the policy changes", "11")])
def test_who_gets_the_data_of_something_else(assistant, question, section):
    assert top_section(assistant.answer(question)) == section, question


# Found while narrowing: another company made to act on the visitor's data is that company's practice.
@pytest.mark.parametrize("question", ["How do I get Jio to delete my old call logs?",
                                      "my previous sms vendor won't remove my number, can you make them do it?",
                                      "how can i make other companies stop using my number"])
def test_another_company_made_to_act(assistant, question):
    reply = assistant.answer(question)
    assert reply.handoff is None and not reply.answered and reply.reason == "not_covered", question
    assert "another company" in reply.message


@pytest.mark.parametrize("question", ["how do i make them stop, these promo mails are too much",
                                      "how do i get you to delete my data"])
def test_the_visitor_asking_us(assistant, question):
    assert top_section(assistant.answer(question)) == "6", question


# The second review of round 41: us, our people, the visitor's own things and roles are not another company.
@pytest.mark.parametrize("question", [
    "how do i get ur company to delete my data", "how can i get the company to delete all my info",
    "how do i make the company stop sending me whatsapp messages", "how do i ask them to delete my data",
    "blue messaggio has my old number, how can i ask them to correct it", "can i ask them to erase my info",
    "i uploaded my contacts by mistake, can i have them removed", "my details are wrong on the invoice, can i have them corrected",
    "tell ur boss to stop the spam",
])
def test_us_and_the_visitors_things_are_not_another_company(assistant, question):
    assert top_section(assistant.answer(question)) == "6", question


def test_the_visitors_otp_messages_are_not_another_companys(assistant):
    """One-time passwords are the service, not marketing: section 6 answered "how do i make the otp msgs stop" until
    session 49, whose refitted calibration puts it just under MIN_PROBABILITY (0.45). Either way it is never read as
    another company's practice."""
    reply = assistant.answer("how do i make the otp msgs stop")
    assert OTHERS_ACT_REPLY not in reply.message and reply.handoff is None


@pytest.mark.parametrize("question, section", [("was my data shared in a breach", "5"),
                                               ("can you share my login details, forgot password", "2"),
                                               ("if i delete my account will you keep my data from being shared", "6")])
def test_second_review_sharing_and_keeping(assistant, question, section):
    assert top_section(assistant.answer(question)) == section, question

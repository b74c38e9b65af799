"""Round 53: kinds of miss in the fifty-first visitor table (fresh49), fixed by kind and tested here with the team's
own wordings next to the ones that must not change. (The section model's request heads, also of this round, are
tested in test_learned_requests.py.)"""

import pytest

from tests.replies import top_section


# What the policy grants but never prices, how long a cookie lasts, a deadline to tell those a breach affected, and an
# outside audit's stamp: topics the policy does not cover (corpus/gaps.yaml).
@pytest.mark.parametrize("question, topic", [
    ("is there a fee to get a copy of my data", "Fees for a request"),
    ("will you charge me for a copy of my data", "Fees for a request"),
    ("how long will a cookie stay on my laptop", "How long cookies last"),
    ("in case of a leak, what is your deadline to notify affected users", "How and when you are told of a data breach"),
    ("does any external audit accreditation cover your systems", "Certifications and industry standards"),
])
def test_uncovered_topics_are_declined(assistant, question, topic):
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "not_covered" and reply.handoff is None
    assert reply.gap is not None and reply.gap.topic.startswith(topic)


@pytest.mark.parametrize("question, section", [("can i get a copy of my data", "6"), ("what cookies do you use", "7"),
                                               ("how do you protect my data", "5")])
def test_what_the_policy_says_of_them_is_still_answered(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == section


# Hinglish: "sudhaar do" (fix it) and "manzoor nahi" (I do not accept).
def test_sudhaar_do_asks_for_a_correction(assistant):
    assert assistant.answer("mera phone number galat hai, sudhaar do").handoff == "correction"


def test_terms_not_manzoor_is_not_agreeing_to_them(assistant):
    reply = assistant.answer("mujhe yeh privacy policy manzoor nahi, kya karun")
    assert reply.answered and top_section(reply) == "1" and reply.handoff is None


# An objection to one kind of data's use, or to its feeding the analytics; "not okay with you sharing" still asks.
@pytest.mark.parametrize("message", ["don't use my browsing history for anything other than my account",
                                     "I'm not ok with my usage data being fed into your analytics, please stop that"])
def test_a_use_of_a_kind_of_data_objected_to(assistant, message):
    assert assistant.answer(message).handoff == "objection"


def test_not_okay_with_sharing_is_still_a_question_about_sharing(assistant):
    reply = assistant.answer("i am not okay with you sharing my data")
    assert reply.handoff is None and top_section(reply) == "4"


# The mailbox of ours for a kind of query is our e-mail address (not a mailbox of the product's: "which mailbox should I
# configure for your email API"); "intimate whether" asks to be told.
def test_a_privacy_mailbox_is_the_email_line(assistant):
    reply = assistant.answer("is there a privacy mailbox I can write to")
    assert reply.answered and top_section(reply) == "12" and "Email:" in reply.message


def test_kindly_intimate_whether_asks_to_be_told(assistant):
    reply = assistant.answer("kindly intimate whether you sell my data")
    assert reply.answered and top_section(reply) == "4" and reply.handoff is None


@pytest.mark.parametrize("question", ["which mailbox should I configure for your email API",
                                      "can I set up a mailbox for my team on your platform"])
def test_a_mailbox_of_the_products_is_not_our_email_line(assistant, question):
    assert top_section(assistant.answer(question)) != "12"


# What the review of round 53 found the new phrases took that they should not.
@pytest.mark.parametrize("question, section", [
    ("do you charge third parties for my data", "4"),
    ("will affected users be notified of policy changes", "11"),
    ("do you use ISO standard encryption protocols", "5"),
    ("which cookies remain if I reject marketing cookies", "7"),
    ("who owns this phone number +91 95612 34758", "12"),
])
def test_what_the_new_gap_phrases_must_not_take(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == section, question


@pytest.mark.parametrize("message", ["don't use my usage dashboard link, it's broken", "apni service sudharo",
                                     "website ka design sudhaar do"])
def test_the_products_things_are_no_request(assistant, message):
    assert assistant.answer(message).handoff is None

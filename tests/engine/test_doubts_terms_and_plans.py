"""Session 47, from two reviews of fresh wordings (a messaging company's business customers, and short questions typed
fast): a question the question model doubts is about privacy, which the section model reads as plainly one section's,
is answered from it; a question that names a term of the policy ("server logs") is answered from the clause that
defines it; and a plan, an assurance wished for or the visitor's own trade said beside a question makes no request.
Each kind is tested next to the wordings that must not change."""

import pytest

from app.engine.answering import OFF_TOPIC_REPLY, names_a_term_of
from tests.replies import answer_without, top_section


@pytest.mark.parametrize("question, section", [
    ("my customers numbers that i upload, are they used for your own marketing", "3"),
])
def test_a_question_the_section_model_reads_as_one_sections_is_answered_whatever_the_doubt_about_privacy(
        assistant, question, section):
    assert top_section(assistant.answer(question)) == section
    # the question model alone doubts it is about privacy at all, and declines it as a product question
    reply = answer_without(assistant, "sections", question)
    assert not reply.answered and OFF_TOPIC_REPLY in reply.message


@pytest.mark.parametrize("question", [
    "is the app free",
    "does the app run on my smartwatch",
    "can i hide chats",
    "are your international sms rates higher than domestic",
])
def test_product_questions_are_still_declined_as_product_questions(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "not_covered" and reply.handoff is None
    assert OFF_TOPIC_REPLY in reply.message


@pytest.mark.parametrize("question, clause", [
    ("server logs", "s2-automatically-collected-information-4"),
    ("error reports", "s2-automatically-collected-information-4"),
    ("access controls", "s5-3"),
    ("what are your access controls", "s5-3"),
    ("employee training", "s5-5"),
    ("regular audits", "s5-4"),
    ("incident response", "s5-6"),
])
def test_a_question_naming_a_term_of_the_policy_is_answered_from_the_clause_that_defines_it(assistant, question,
                                                                                            clause):
    reply = assistant.answer(question)
    assert reply.answered and reply.clause.id == clause


def test_naming_a_term_needs_its_words_side_by_side_and_in_order(assistant):
    clause = assistant.index.policy.clause("s5-3")  # "Access Controls: Strict access controls and authentication ..."
    assert names_a_term_of(assistant.analyse("access controls"), clause)
    assert not names_a_term_of(assistant.analyse("controls access"), clause)
    assert not names_a_term_of(assistant.analyse("access"), clause)  # one word names no term
    assert not names_a_term_of(assistant.analyse("who controls access to my data"), clause)


@pytest.mark.parametrize("question", [
    "how long do you keep server logs",
    "server logs retention period",
])
def test_more_than_the_term_asked_is_still_weighed(assistant, question):
    assert not assistant.answer(question).answered


@pytest.mark.parametrize("message", [
    # a plan, its verb after "and", before a question
    "We might close our store next year and stop using your service. Would I have the right to ask you to delete my "
    "personal information at that point?",
    "we are planning to switch providers and delete our account. what happens to our data?",
    # an assurance wished for, then asked
    "As a D2C brand we want assurance that our account data is used only for running the service. Is it used for "
    "anything else, for example marketing to us?",
    # the visitor's own trade
    "I signed up last month as a freelance digital marketer and used your bulk SMS for two clients. I'm curious how you "
    "use the information you collect about me.",
    "I work in marketing.",
    "as a marketing manager, can i use your api for campaigns",
])
def test_a_plan_an_assurance_or_the_visitors_trade_makes_no_request(assistant, message):
    assert assistant.answer(message).handoff is None


@pytest.mark.parametrize("message, intent", [
    ("I'll be travelling and delete my data before that", "deletion"),
    ("I will close my account and delete everything, can you confirm?", "deletion"),
    ("I want assurance that my number is removed from your marketing list", None),  # a request, of whichever type
    ("I work in marketing, please stop sending me marketing emails", "marketing_opt_out"),
    ("your marketers keep calling me", "marketing_opt_out"),
    ("your marketing team keeps calling me, stop it", "marketing_opt_out"),
    ("i am a marketer, please unsubscribe me from your newsletter", "marketing_opt_out"),
])
def test_requests_beside_them_still_hand_off(assistant, message, intent):
    reply = assistant.answer(message)
    assert reply.handoff is not None and (intent is None or reply.handoff == intent)

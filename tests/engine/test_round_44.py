"""Round 44: the kinds of miss in the forty-first visitor table (fresh39), and two kinds that older tables kept
declining, fixed by kind and tested here with the team's own wordings next to the ones that must not change."""

import pytest

from tests.replies import top_section


# Whether we keep the messages the visitor sends through us: "Communication Data: Messages sent through our platform".
@pytest.mark.parametrize("question", ["do u guys really keep copies of the promo sms i send out",
                                      "does bm hold on to the text of the otps we push",
                                      "quick one, do you save a record of the whatsapp msgs our shop sends?",
                                      "our auditor asked me something. do you store message content at all?"])
def test_messages_kept(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == "2", question
    assert reply.message.startswith("Communication Data"), question


@pytest.mark.parametrize("question", ["how many days do you keep copies of my messages?",
                                      "do you keep my chats forever"])
def test_how_long_messages_are_kept_is_not_covered(assistant, question):
    assert not assistant.answer(question).answered, question


@pytest.mark.parametrize("question, section", [("do you store my messages in other countries", "10"),
                                               ("do you keep my chats safe from hackers", "5")])
def test_where_or_how_safely_they_are_kept_is_not_this_kind(assistant, question, section):
    assert top_section(assistant.answer(question)) == section, question


# Whether using the service is agreeing to the policy (the Introduction), or to a changed one (section 11).
@pytest.mark.parametrize("question", ["if i just use your site, does that count as agreeing to the policy?",
                                      "does merely using the platform amount to accepting all your terms"])
def test_agreeing_by_use(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == "1", question
    assert "you agree" in reply.message


# The Introduction's clause is found by its own words (not stemmed twice) and leads clearly, so the reply quotes it
# without a near tie pulling in section 11's clause about changes the question did not ask about. (Section 11 may be
# cited under "See also" since session 37, when the section model finds it likely: it is not quoted.)
@pytest.mark.parametrize("question", ["wat hapens if i dont agre with this polcy",
                                      "when do I count as having agreed to this policy"])
def test_agreeing_is_the_introduction_alone(assistant, question):
    reply = assistant.answer(question)
    assert reply.citations[0].clause.section == "1", question
    assert [quote.clause.section for quote in reply.quotes] == ["1"], question
    assert "you agree" in reply.message


def test_agreeing_to_a_changed_policy(assistant):
    reply = assistant.answer("am i bound by the updated terms even though i never read the new version?")
    assert reply.answered and top_section(reply) == "11"
    assert "continued use" in reply.message


@pytest.mark.parametrize("question", ["which payment methods do you accept for recharge",
                                      "do you accept complaints sent by post"])
def test_what_we_accept_is_not_agreeing(assistant, question):
    assert top_section(assistant.answer(question)) not in ("1", "11"), question


def test_a_request_never_agreed_to_still_hands_off(assistant):
    assert assistant.answer("I never agreed to this policy, delete my data").handoff == "deletion"


# What we take the visitor's data for, the "for" put last, and in Hindi's order.
@pytest.mark.parametrize("question", ["what do you need my phone number for",
                                      "mera email lekar aap usse kya karte ho"])
def test_what_data_is_taken_for(assistant, question):
    assert top_section(assistant.answer(question)) == "3", question


def test_hindi_yes_no_is_no_purpose(assistant):
    assert top_section(assistant.answer("aap meri location track karte ho kya")) == "2"


# Hinglish: the policy changed ("badloge").
def test_hinglish_policy_changed(assistant):
    assert top_section(assistant.answer("policy badloge toh batoge kya?")) == "11"


# How soon we get back to people, and where a complaint is raised: our contact section.
@pytest.mark.parametrize("question, line", [("how fast do you get back to users who ask about privacy?", "30 days"),
                                            ("is there a deadline you follow for answering data queries", "30 days"),
                                            ("unhappy with how my details were handled, where do i raise it",
                                             "If you have any questions")])
def test_company_replies(assistant, question, line):
    reply = assistant.answer(question)
    assert reply.reason == "company" and line in reply.message, question


@pytest.mark.parametrize("question", ["how long does it take to get my DLT template approved",
                                      "how long before my sender id is whitelisted"])
def test_product_steps_are_no_reply_time(assistant, question):
    assert assistant.answer(question).reason != "company", question


def test_a_data_request_is_still_our_reply_time(assistant):
    reply = assistant.answer("how long do you take to reply to a data request")
    assert reply.reason == "company" and "30 days" in reply.message


# The service keeping an eye on the visitor is what it collects as they use it.
def test_keeping_an_eye_on_me(assistant):
    assert top_section(assistant.answer("are you keeping an eye on how i use the app?")) == "2"


# Rights "for" some people, with a place: whether the rights apply to the visitor.
def test_rights_for_indian_users(assistant):
    assert top_section(assistant.answer("are these rights only for europeans or for indians too?")) == "6"


# All the visitor's data back "as a zip": a copy in a portable format.
def test_data_as_a_zip(assistant):
    reply = assistant.answer("can u send me all my data back as a zip")
    assert top_section(reply) == "6"


def test_a_zip_of_contacts_is_the_product(assistant):
    assert top_section(assistant.answer("can i upload a zip file of contacts")) != "6"


# Which data is asked for or sent up (from the development sets' read halves): the list of what is collected, not
# "We may disclose your information if required by law".
@pytest.mark.parametrize("question", ["what information is required?", "what details are mandatory to sign up",
                                      "which sort of data will be transmitted", "what info do you need from me"])
def test_what_data_is_required(assistant, question):
    reply = assistant.answer(question)
    assert top_section(reply) == "2" and reply.message.startswith("We may collect"), question


def test_what_the_law_requires_is_still_legal_requirements(assistant):
    assert top_section(assistant.answer("what information is required by law to be disclosed")) == "4"

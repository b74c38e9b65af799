"""Round 34: the kinds of miss in the twenty-ninth visitor table (fresh27), fixed by kind and tested here with the
team's own wordings next to the ones that must not change."""

import pytest


def _handoff(assistant, question):
    reply = assistant.answer(question)
    return reply.handoff if reply.handoff else None


# What the visitor no longer uses is no objection: the old detail is to be corrected.
@pytest.mark.parametrize("question", [
    "The email on my account is an old one I no longer use. Please update it to my new one.",
    "my registered mobile no. is old, we no longer use it, kindly update it",
])
def test_a_detail_no_longer_used_is_corrected(assistant, question):
    assert _handoff(assistant, question) == "correction", question


def test_what_the_visitor_no_longer_uses_is_no_objection(assistant):
    # (no correction either: "change it" names no detail, a miss this round leaves)
    assert _handoff(assistant, "my registered number is one we no longer use, kindly change it") != "objection"


@pytest.mark.parametrize("question", ["please no longer use my data for analytics",
                                      "I object, stop processing my data"])
def test_objections_stay(assistant, question):
    assert _handoff(assistant, question) == "objection", question


# Sales calls and a calling list are marketing to opt out of.
@pytest.mark.parametrize("question", ["stop the sales calls please, take me off your calling list",
                                      "no more telemarketing, remove my number from your call list"])
def test_sales_calls_are_an_opt_out(assistant, question):
    assert _handoff(assistant, question) == "marketing_opt_out", question


# Data wanted in a form another system can load is portability, even when what is held is named too.
@pytest.mark.parametrize("question", [
    "Please share the data you hold about me as a file I can load into another system.",
    "I want all my records exported so we can load them into the new CRM",
])
def test_another_system_is_portability(assistant, question):
    assert _handoff(assistant, question) == "portability", question


def test_data_you_hold_alone_is_access(assistant):
    assert _handoff(assistant, "Please send me the data you hold about me.") == "access"


# A message that opens by saying it only supposes asks about the right.
@pytest.mark.parametrize("question", [
    "Hypothetically, if my phone number in your records were wrong, would you correct it?",
    "theoretically, could you delete my account if I asked?",
    "In theory, would you stop emailing me if I said so?",
])
def test_a_hypothetical_is_no_request(assistant, question):
    reply = assistant.answer(question)
    assert reply.handoff is None and reply.answered and reply.citations[0].clause.section == "6", question


def test_a_request_after_a_hypothetical_statement_is_still_one(assistant):
    # no question asked: the message tells us what to do
    assert _handoff(assistant, "hypothetically nothing, just delete my account now.") == "deletion"


# "never the kids'": a noun after "never" leaves the verb out of a statement, no instruction.
def test_never_with_a_noun_is_no_instruction(assistant):
    question = ("We run a tuition centre and only collect the parents' emails, never the children's. Some parents sign "
                "up with their kids' old phones though. Is your service meant for kids under 13?")
    reply = assistant.answer(question)
    assert reply.handoff is None and reply.citations and reply.citations[0].clause.section == "9"


def test_a_child_report_still_hands_off(assistant):
    assert _handoff(assistant, "my son is 11 and made an account with his own number, please remove it") == "child_data"


# Wanting to be sure of something seeks an assurance: the question that follows is what is asked.
@pytest.mark.parametrize("question", [
    "We send clinic reminders through you. I just want to be sure none of our numbers end up with a marketing "
    "agency. Do you sell or rent data to anyone?",
    "I want to be certain my data never goes to advertisers. Do you share it with them?",
])
def test_wanting_to_be_sure_is_no_request(assistant, question):
    reply = assistant.answer(question)
    assert reply.handoff is None and reply.citations and reply.citations[0].clause.section == "4", question


def test_stop_marketing_still_hands_off(assistant):
    assert _handoff(assistant, "I want to be done with your marketing, stop sending me promo emails") == "marketing_opt_out"


# "like" before a question gives an example of what is asked.
@pytest.mark.parametrize("question", ["Do I have any say over how you use my data, like can I object to it?",
                                      "what are my options, like can I ask you to delete it?"])
def test_like_before_a_question_is_no_request(assistant, question):
    reply = assistant.answer(question)
    assert reply.handoff is None and reply.citations and reply.citations[0].clause.section == "6", question


# The company's own details asked in new words.
@pytest.mark.parametrize("question, line", [
    ("which number should I dial to speak to someone?", "Phone:"),
    ("what number do I dial for your office", "Phone:"),
    ("when does your team log off for the day?", "Business Hours:"),
    ("is anyone reachable there at 7 in the evening?", "Business Hours:"),
    ("after I send in my request, how many days do you take to deal with it?", "We will respond"),
    ("once my complaint reaches you, how many days do you take to act on it?", "We will respond"),
    ("I'd like to talk to a human about my privacy concern", "If you have any questions"),
    ("who should I take this up with if your team misused my data?", "If you have any questions"),
])
def test_company_details(assistant, question, line):
    reply = assistant.answer(question)
    assert reply.reason == "company" and reply.message.startswith(line), question


@pytest.mark.parametrize("question", [
    # someone else complaining, told
    "Our customers are complaining that OTPs arrive late. Do you have a faster route on the premium plan?",
    # a scene told after the question: the calls are the topic, not our phone line
    "Do you record the call when I phone your support team?",
])
def test_not_our_details(assistant, question):
    assert assistant.answer(question).reason != "company", question


@pytest.mark.parametrize("question", ["when I call you, which number should I use?", "where can I complain?",
                                      "we are complaining about how you handled our data, who do we write to?"])
def test_our_details_stay(assistant, question):
    assert assistant.answer(question).reason == "company", question


# Who else gets the visitor's data, asked with "who" further before the verb or with a kind of party named.
@pytest.mark.parametrize("question", ["who all might end up getting my data?", "Who else could get my details from you?",
                                      "Which outside vendors get access to my information?",
                                      "do advertisers get access to my data?"])
def test_who_gets_my_data_is_sharing(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section == "4", question


@pytest.mark.parametrize("question", ["how do I get access to my data?", "can I get access to my information?"])
def test_getting_my_own_data_is_a_right(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section == "6", question


# Whose rules apply to another app is section 8's answer, whatever the app may reach.
@pytest.mark.parametrize("question", ["does your policy cover the other apps I connect through you?",
                                      "does ur policy cover other apps i link thru u"])
def test_policy_covering_other_apps(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section == "8", question


def test_other_apps_on_my_phone_stay_uncovered(assistant):
    reply = assistant.answer("can your app see the other apps on my phone?")
    assert not reply.answered and reply.reason == "not_covered"


# A setting verb on "that" points back at what was named (cookies), not at a product's setting.
@pytest.mark.parametrize("question", ["Do you put cookies on my browser? Can I switch that off?",
                                      "you use tracking cookies right, can I change that somehow?"])
def test_switching_that_off(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section == "7", question


def test_a_product_setting_stays_declined(assistant):
    reply = assistant.answer("how can I switch my dashboard to dark mode?")
    assert not reply.answered

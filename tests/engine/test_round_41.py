"""Round 41: kinds of miss in real visitors' questions (the development sets' read halves), fixed by kind and tested
here with the team's own wordings next to the ones that must not change."""

import pytest

from tests.replies import top_section


# Whether the visitor's data is passed on, with no receiver named, is the section on sharing: not the list of what is
# collected that names the visitor's word.
@pytest.mark.parametrize("question", ["do you share my phone number", "will you share my billing address?",
                                      "is my location shared", "does blue messaggio disclose my email address",
                                      "do you release my personal details to anyone"])
def test_whether_the_visitors_data_is_passed_on(assistant, question):
    assert top_section(assistant.answer(question)) == "4", question


def test_made_public_quotes_the_opening_of_sharing(assistant):
    reply = assistant.answer("will you publish my data")
    assert top_section(reply) == "4" and reply.message.startswith("We do not sell, trade, or rent")


@pytest.mark.parametrize("question", ["can i share my contact card with a colleague through the app",
                                      "will my reviews be published"])
def test_what_the_visitor_shares_or_publishes_is_not_our_sharing(assistant, question):
    assert top_section(assistant.answer(question)) != "4", question


def test_who_gets_this_info(assistant):
    assert top_section(assistant.answer("who ends up getting all this data?")) == "4"


# How data is used, however asked, is the section on its use, quoted with the whole list of purposes.
@pytest.mark.parametrize("question", ["how is the data i give you used?", "what is the usage of my contact details?",
                                      "how are the details I type in used"])
def test_how_data_is_used(assistant, question):
    reply = assistant.answer(question)
    assert top_section(reply) == "3", question
    assert reply.message.startswith("We use the collected information for the following purposes:"), question
    assert "Legal Compliance" in reply.message, question


def test_usage_data_itself_is_still_what_is_collected(assistant):
    assert top_section(assistant.answer("do you track my usage of the dashboard")) == "2"


# Which data is used, with no purpose named, is what is collected, quoted with its list.
@pytest.mark.parametrize("question", ["what data do you use?", "what kind of information does your service use"])
def test_which_data_is_used(assistant, question):
    reply = assistant.answer(question)
    assert top_section(reply) == "2", question
    assert reply.message.startswith("We may collect the following types of personal information:"), question


def test_data_used_for_a_purpose_named_is_the_purpose(assistant):
    assert top_section(assistant.answer("what data do you use for marketing")) == "3"


# Worry in its own words is the section on security.
@pytest.mark.parametrize("question", ["is it risky to use your service", "can i trust you with my data",
                                      "any dangers to my privacy if i sign up?",
                                      "what's the worst that could happen to my data",
                                      "does your app threaten my privacy"])
def test_worry_is_security(assistant, question):
    assert top_section(assistant.answer(question)) == "5", question


@pytest.mark.parametrize("question, section", [("idk if i trust these cookies, wat r they 4", "7"),
                                               ("who do i email with a privacy concern", "12")])
def test_trust_and_concern_elsewhere_stay(assistant, question, section):
    assert top_section(assistant.answer(question)) == section, question


# What is kept once the visitor leaves, asked before the keeping, is how long data is kept: not covered.
@pytest.mark.parametrize("question", ["if i close my account will you still keep my info?",
                                      "once i uninstall the app do you retain my details"])
def test_what_is_kept_after_leaving(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "not_covered", question


@pytest.mark.parametrize("question", ["will my data be deleted if i leave india",
                                      "when will you delete my data after i ask"])
def test_leaving_a_country_and_deletion_timing_stay_answered(assistant, question):
    assert top_section(assistant.answer(question)) == "6", question


# The visitor deleting old things is the right to deletion, not old data deleted by us.
def test_deleting_old_things_is_a_right(assistant):
    assert top_section(assistant.answer("can i delete my old invoices from the account?")) == "6"


def test_old_data_deleted_by_us_stays_not_covered(assistant):
    reply = assistant.answer("do you delete old data automatically")
    assert not reply.answered and reply.reason == "not_covered"


# A word of the gap list is typed as meant: "scrape" was read as "scrap", so the gap phrase never matched.
def test_scraping_the_phone_is_not_covered(assistant):
    reply = assistant.answer("does your app scrape my phone for data?")
    assert not reply.answered and reply.reason == "not_covered"


def test_what_is_scraped_off_the_visitor_is_what_is_collected(assistant):
    assert top_section(assistant.answer("what do you scrape off me when i sign up")) == "2"

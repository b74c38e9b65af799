"""Round 47: the kinds of miss in the forty-fifth visitor table (fresh43: honest abstention and the company's own
details), fixed by kind and tested here with the team's own wordings next to the ones that must not change."""

import pytest

from tests.replies import top_section


# "open on" asks our hours only said together ("are you open on sundays"), not a page opened on a device.
def test_opening_a_page_on_a_device_is_no_hours_question(assistant):
    reply = assistant.answer("so i opened your app on my phone and it asked for location, why do you need that?")
    assert reply.reason != "company" and top_section(reply) == "3"


def test_open_on_a_day_is_our_hours(assistant):
    reply = assistant.answer("is the office open on saturdays")
    assert reply.reason == "company" and "Business Hours" in reply.message


# Our number asked for with nothing else said of it, and where we are with "where" put last.
@pytest.mark.parametrize("question, line", [("what's ur number", "Phone:"), ("whats your number?", "Phone:"),
                                            ("where r u guys based?", "Address:"), ("u guys based where", "Address:"),
                                            ("u located where?", "Address:")])
def test_our_details_asked_briefly(assistant, question, line):
    reply = assistant.answer(question)
    assert reply.reason == "company" and reply.message.startswith(line), question


@pytest.mark.parametrize("question", ["whats your gst number", "what's your registration number for our vendor form"])
def test_a_number_that_is_not_our_phone(assistant, question):
    reply = assistant.answer(question)
    assert not (reply.reason == "company" and reply.message.startswith("Phone:")), question


# How long "you people" take to reply is our reply time; a bot's replies are the product.
def test_how_long_you_people_take(assistant):
    reply = assistant.answer("I emailed about my data ten days ago and heard nothing. how long does it usually take "
                             "for you people to respond?")
    assert reply.reason == "company" and "30 days" in reply.message


def test_a_bots_replies_are_not_our_reply_time(assistant):
    assert assistant.answer("how long does it take for people to get a reply from your whatsapp bot").reason \
        != "company"


# Whose rules apply to data passing to another company is section 8's, whoever wants to know; what an employer can
# see stays not covered.
def test_whose_rules_whoever_asks(assistant):
    reply = assistant.answer("my boss wants to know whose privacy policy covers the data we push through our CRM")
    assert reply.answered and top_section(reply) == "8"


def test_what_my_boss_can_see_is_not_covered(assistant):
    assert not assistant.answer("can my boss see the messages i send from the work account").answered


# What data is taken "for", asked in the last sentence of a long message.
@pytest.mark.parametrize("question", [
    "We upload our customers' phone numbers for OTP campaigns. What exactly do you use all these numbers for?",
    "Our clinic sends appointment reminders through you, so patients' details pass through your system. What do you "
    "use that information for?"])
def test_what_it_is_taken_for_said_last(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == "3", question


# "oppose" is objecting to what is done with the visitor's data.
def test_opposing_is_objecting(assistant):
    reply = assistant.answer("can i oppose the way you use my data?")
    assert reply.answered and top_section(reply) == "6" and "Object" in reply.message


# Insurance against a breach is not covered; sharing with insurers is.
def test_insurance_against_a_leak_is_not_covered(assistant):
    assert not assistant.answer("do you carry insurance against a data leak").answered


def test_sharing_with_insurers_is_answered(assistant):
    assert top_section(assistant.answer("do you share my info with insurance companies")) == "4"


def test_cameras_at_the_office_are_not_covered(assistant):
    reply = assistant.answer("is there cctv at your mumbai office")
    assert not reply.answered and reply.reason == "not_covered"


# The product's contact groups, and a product thing named before "can I ... it if ...", are the product.
@pytest.mark.parametrize("question", ["how do I remove a contact group from the dashboard",
                                      "how do i rotate my api key, can i revoke it if it leaked"])
def test_product_things_are_not_covered(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "not_covered", question


def test_a_detail_of_mine_updated_if_sent_is_still_a_correction(assistant):
    assert assistant.answer("my phone number changed. can you update it if I send the new one?").handoff \
        == "correction"

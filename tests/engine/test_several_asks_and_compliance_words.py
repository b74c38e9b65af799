"""Session 54, from three reviews of session 53's final state: messages that ask several things at once; near misses
of sections 8 to 12; business customers' compliance staff. Each kind is tested next to the wordings that must not
change."""

import pytest

from tests.replies import declined_as_not_covered, top_section


# ---- a request and a question in one message ---------------------------------------------------------------------

@pytest.mark.parametrize("message, intent", [
    # the question joined on with a comma and "and", not in a sentence of its own
    ("erase my profile, and by the way how long do you keep old backups?", "deletion"),
    ("stop sending me promotional sms, and also how do you keep my number safe?", "marketing_opt_out"),
    # the question after it one the policy does not answer: the request made stands
    ("close my account. also, what's your refund policy?", "deletion"),
])
def test_a_request_before_a_question_hands_off(assistant, message, intent):
    assert assistant.answer(message).handoff == intent


@pytest.mark.parametrize("message", [
    "can i opt out, and do you sell my phone number?",
    "can i get my data deleted, and how long does it take?",
])
def test_a_question_whether_one_may_before_another_question_hands_off_nothing(assistant, message):
    assert assistant.answer(message).handoff is None


@pytest.mark.parametrize("message", [
    # the visitor's "can I" goes on across "and", with no question mark
    "can i check the details you have on me and correct them if they are outdated",
    "could we review what you store about us and update it when needed",
])
def test_can_i_carried_across_and_asks(assistant, message):
    reply = assistant.answer(message)
    assert reply.handoff is None and top_section(reply) == "6"


@pytest.mark.parametrize("message, intent", [
    ("can I see my data and please delete it afterwards", "deletion"),
    ("please delete my data and send me a confirmation", "deletion"),
    ("update my phone number and fix my name to Asha Rao", "correction"),
])
def test_instructions_joined_by_and_still_hand_off(assistant, message, intent):
    assert assistant.answer(message).handoff == intent


@pytest.mark.parametrize("message", [
    "I am lodging a grievance about the spam calls from your platform, who looks into it?",
    "we are filing a formal complaint about how our data was handled, what is the timeline",
])
def test_a_complaint_made_by_saying_so_hands_off_whatever_is_asked_after(assistant, message):
    assert assistant.answer(message).handoff == "grievance"


@pytest.mark.parametrize("message", [
    "I am making a list of complaints my users have, whom should they write to?",
    "if I'm filing a complaint, who handles it?",
])
def test_complaints_only_spoken_of_make_none(assistant, message):
    assert assistant.answer(message).handoff is None


# ---- a covered part beside an uncovered kind of data --------------------------------------------------------------

def test_a_kind_of_data_asked_in_its_own_question_leaves_the_other_question_answered(assistant):
    reply = assistant.answer("what details do you take when i register, and do you ask for my passport or voter id")
    assert top_section(reply) == "2"


@pytest.mark.parametrize("message, section, topic", [
    ("do you encrypt my messages, and what is your refund policy?", "5", "Prices, plans and payment terms"),
    ("who do you share my number with and how long is it stored", "4", "How long data is kept"),
])
def test_the_part_set_aside_is_said_to_be_uncovered(assistant, message, section, topic):
    reply = assistant.answer(message)
    assert top_section(reply) == section and reply.uncovered.topic == topic


def test_a_question_covered_whole_sets_nothing_aside(assistant):
    assert assistant.answer("do you encrypt my messages?").uncovered is None


@pytest.mark.parametrize("message", [
    "which kyc documents do you need and why",
])
def test_a_kind_of_data_the_whole_question_is_about_is_still_declined(assistant, message):
    assert declined_as_not_covered(assistant.answer(message))


def test_a_word_of_the_question_is_not_set_aside_as_an_uncovered_kind(assistant):
    reply = assistant.answer("My tutor asked whether a 16 year old student can use the platform, with the parent's "
                             "permission. Do you allow teenagers with parental consent?")
    assert not reply.answered


# ---- our details and someone else's -----------------------------------------------------------------------------

@pytest.mark.parametrize("message", [
    "do your partners get my number and where are they located",
    "how many employees do you have and where are they based",
    "can i send pdf attachments in bulk email",
    "what's the size limit for email attachments",
])
def test_someone_elses_place_and_a_products_email_are_not_our_contact_lines(assistant, message):
    assert assistant.answer(message).reason != "company"


@pytest.mark.parametrize("message, label", [
    ("where are you based", "Address"),
    ("where is blue messaggio actually based", "Address"),
    ("what email should I write to about privacy", "Email"),
])
def test_our_own_place_and_address_are_still_answered(assistant, message, label):
    reply = assistant.answer(message)
    assert reply.reason == "company" and reply.message.startswith(label)


@pytest.mark.parametrize("message", [
    "what is the average waiting time on your support line",
    "how long is the hold time when I phone you",
])
def test_how_long_a_caller_waits_is_not_covered(assistant, message):
    assert declined_as_not_covered(assistant.answer(message))


# ---- where data is kept, and transfers ----------------------------------------------------------------------------

@pytest.mark.parametrize("message", [
    "can we pick the hosting region for our account",
    "is it possible to keep our data only in india",
])
def test_choosing_where_data_is_kept_is_not_covered(assistant, message):
    assert declined_as_not_covered(assistant.answer(message))


def test_data_sent_to_other_countries_is_still_section_10(assistant):
    assert top_section(assistant.answer("is my data transferred to other countries?")) == "10"


def test_objecting_to_a_transfer_abroad_is_an_objection_not_a_portable_copy(assistant):
    assert assistant.answer("I object to you transferring my personal data abroad").handoff == "objection"


def test_a_portable_copy_to_another_provider_is_still_portability(assistant):
    assert assistant.answer("please transfer my data to another provider").handoff == "portability"


# ---- a visitor's own officer, notices, confirmations --------------------------------------------------------------

def test_the_visitors_own_dpo_asking_is_no_question_about_ours(assistant):
    reply = assistant.answer("We run a clinic chain in Germany. Our DPO wants to know how you protect our patients' "
                             "data when it is sent outside the EU.")
    assert reply.answered and top_section(reply) in ("10", "5")


def test_our_dpo_asked_for_is_still_not_covered(assistant):
    assert declined_as_not_covered(assistant.answer("who is your dpo"))


@pytest.mark.parametrize("message", [
    "policy badalne se kitne din pehle batate ho?",
    "will you confirm to me once the data has been removed",
])
def test_notice_periods_and_confirmations_are_not_covered(assistant, message):
    assert declined_as_not_covered(assistant.answer(message))


def test_how_policy_changes_are_announced_is_still_section_11(assistant):
    assert top_section(assistant.answer("policy change hone par aap kaise batate ho?")) == "11"


# ---- compliance vocabulary ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("message", [
    "are you a joint controller with us for the contacts we upload",
    "do you keep records of processing activities under gdpr",
    "can you send us your latest DPIA",
    "please send your infosec policy",
])
def test_compliance_roles_and_records_are_not_covered(assistant, message):
    assert declined_as_not_covered(assistant.answer(message))


def test_payment_processors_are_still_section_4(assistant):
    assert top_section(assistant.answer("do you share my data with payment processors?")) == "4"


def test_request_you_to_share_our_details_asks_for_them(assistant):
    reply = assistant.answer("Request you to please share the email for privacy related complaints.")
    assert reply.handoff is None and reply.reason == "company"


@pytest.mark.parametrize("message, intent", [
    ("Request you to share all my data.", "access"),
    ("Request you to delete my account at the earliest.", "deletion"),
    ("We request a summary of the personal data you process about our staff member.", "access"),
])
def test_request_you_to_act_on_the_visitors_things_hands_off(assistant, message, intent):
    assert assistant.answer(message).handoff == intent


def test_a_summary_of_a_campaign_is_no_access_request(assistant):
    assert assistant.answer("please send me a summary of my campaign results").handoff is None


def test_a_business_product_named_in_a_scope_question_is_ours(assistant):
    assert top_section(assistant.answer("does your privacy policy cover your RCS Business messaging services?")) == "1"


# ---- signing off -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("message", ["thank you so much, that's all, bye", "ok bye, have a good day"])
def test_a_sign_off_is_small_talk(assistant, message):
    assert assistant.answer(message).kind == "smalltalk"

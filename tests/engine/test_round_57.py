"""Round 57 (session 33), from the misses of bench/dev_from_policyqa.yaml (PolicyQA's annotator-written questions,
labelled against this policy): what the policy never says is declined, plainly, however textbook the wording: data
the company would get about the visitor from someone else, tracking on other websites, the rules of a US state, and
what becomes of data when the account goes (corpus/gaps.yaml). Tested with the team's own wordings next to the ones
that must not change."""

import pytest

from tests.replies import top_section

FROM_OTHERS = "Data obtained from others than the visitor (data brokers, bought lists, public sources)"


@pytest.mark.parametrize("question", [
    "do you receive any information about me from other businesses",
    "does anyone else provide you with data about me",
    "would you obtain my data from a partner company",
    "do you guys collect my social media data from instagram",
])
def test_data_the_company_would_get_from_others_is_not_covered(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.gap is not None and reply.gap.topic == FROM_OTHERS


# What others receive *from* the company is whom it shares with; the visitor's say over any data is their rights.
@pytest.mark.parametrize("question, sections", [
    ("do advertisers receive my data from you", ("4",)),
    ("which companies receive information from your side, from you i mean", ("4", "8")),
    ("can i have control over my social media data you hold", ("6",)),
    # the review of round 57: data going out of the company, under any name, and data named without its source
    ("Do advertisers receive my data from the company?", ("4",)),
    ("Can the police obtain my data from the platform?", ("4",)),
    ("How will I receive information from the company about changes to this policy?", ("11",)),
    ("Do you share my social media data with advertisers?", ("4",)),
])
def test_what_others_receive_from_the_company_is_still_answered(assistant, question, sections):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) in sections


@pytest.mark.parametrize("question", [
    "r u tracking me across the web when i leave ur site",
    "is my browsing on other sites tracked by you",
    "do you collect my info on other websites i visit",
])
def test_tracking_on_other_websites_is_not_covered(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.gap is not None and reply.gap.topic == "Tracking on other websites and apps"


def test_cookies_on_the_companys_own_site_are_still_answered(assistant):
    reply = assistant.answer("what do your cookies track on your website")
    assert reply.answered and top_section(reply) == "7"


@pytest.mark.parametrize("question", [
    "i live in california, what rights do i get",
    "anything special for californian residents?",
])
def test_a_us_states_rules_are_not_covered(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.gap is not None \
        and reply.gap.topic == "Rules for California and other states of the US (CCPA)"


@pytest.mark.parametrize("question, section", [
    ("Do you sell data of California residents?", "4"),  # no one's is sold (the review of round 57)
    ("Is your site protected against cross site scripting and similar attacks?", "5"),
])
def test_what_the_policy_says_for_everyone_is_still_answered(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == section


def test_the_european_unions_users_are_still_answered(assistant):
    reply = assistant.answer("i live in the EU, how are transfers of my data protected")
    assert reply.answered and top_section(reply) == "10"


@pytest.mark.parametrize("question", [
    "what happens to my data if i delete my account",
    "do you keep my info after account deletion",
    "once my account is deleted is my data gone too",
    "What happens to my data when I close my account?",
    "If I close my account, do you keep my data?",
])
def test_what_becomes_of_data_when_the_account_goes_is_not_covered(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.gap is not None and reply.gap.topic == "How long data is kept"


# How to delete, and what happens in a sale of the company, are what sections 6 and 4 say.
@pytest.mark.parametrize("question, section", [
    ("how do i delete my account", "6"),
    ("what happens to my data if your company is sold", "4"),
    ("can i ask you to delete my data", "6"),
])
def test_deleting_and_a_sale_of_the_company_are_still_answered(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == section


# A list of verbs after the visitor's own "can I" goes on asking whether they may (intents.is_request).
@pytest.mark.parametrize("question", [
    "Can I update, change or modify my information?",
    "can i view, download my data somewhere?",
    "am i able to correct, edit my phone number?",
])
def test_a_list_of_verbs_after_can_i_asks_and_does_not_hand_off(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == "6" and reply.handoff is None


@pytest.mark.parametrize("message, intent", [
    ("can you delete, erase my data", "deletion"),
    ("can I update, please change my email to new@example.com", "correction"),
    # the review of round 57: a new value, the visitor as recipient, urgency
    ("Can I update, change my email to rahul@example.com", "correction"),
    ("may I access, send me a copy of my data", "portability"),
    ("Can I delete, remove all my data right now", "deletion"),
    ("Can I unsubscribe, stop all marketing emails to me", "marketing_opt_out"),
])
def test_an_instruction_after_a_comma_still_hands_off(assistant, message, intent):
    assert assistant.answer(message).handoff == intent

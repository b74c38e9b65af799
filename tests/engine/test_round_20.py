"""Round 20: kinds from the fifteenth visitor table's first run (tests/data/visitor_cases_fresh13.yaml), fixed by kind."""

import pytest


def _section(assistant, question):
    answer = assistant.answer(question)
    assert answer.answered, question
    return answer.citations[0].clause.section


# A change of the policy said in other words: "modification in the policy", "switch up the policy"; "modify my ..." is
# the visitor's data corrected, not the policy changed.
@pytest.mark.parametrize("question", [
    "In case of any modification in the policy, how will the same be informed to us?",
    "u gonna txt me if u switch up the policy?", "will you tell me about modifications to the policy",
])
def test_a_modified_policy_is_a_policy_change(assistant, question):
    assert _section(assistant, question) == "11"


@pytest.mark.parametrize("question", ["can I modify my details", "how do I modify my email address"])
def test_modifying_the_visitors_details_is_a_correction(assistant, question):
    assert _section(assistant, question) == "6"


def test_modify_my_details_asked_done_hands_off_a_correction(assistant):
    assert assistant.answer("I want to modify my phone number").handoff == "correction"


# ... but "modify" is no correction of anything else (the review of rounds 19-20): a template, preferences, consent.
@pytest.mark.parametrize("question", ["modify my template", "modify my cookie preferences", "modify my consent"])
def test_modifying_anything_else_is_no_correction(assistant, question):
    answer = assistant.answer(question)
    assert answer.handoff is None and not (answer.answered and answer.citations[0].clause.id.startswith(
        "s6-correction")), question


def test_modifying_marketing_preferences_is_still_an_opt_out(assistant):
    assert assistant.answer("modify my marketing preferences").handoff == "marketing_opt_out"


# The office's city and disabling cookies, in Hinglish.
@pytest.mark.parametrize("question, section", [
    ("aapka office kaunse sheher mein hai?", "12"), ("cookies band karne ka tarika batao", "7"),
])
def test_everyday_and_hinglish_wordings(assistant, question, section):
    assert _section(assistant, question) == section


# Where the visitor's data "ends up" or "lands" is a transfer (section 10), not where the company is.
@pytest.mark.parametrize("question", [
    "Not looking to close my account or anything, just wondering which countries my data ends up in",
    "which countries does my data end up in", "in which country does my data land",
])
def test_where_the_data_ends_up_is_a_transfer(assistant, question):
    assert _section(assistant, question) == "10"


@pytest.mark.parametrize("question", ["which city are you in", "in which country is your office"])
def test_where_the_company_is_is_still_the_contact_section(assistant, question):
    assert _section(assistant, question) == "12"


# Requests in everyday words: the information held under the visitor's name, the data in a file to move.
@pytest.mark.parametrize("question, intent", [
    ("Could you send me whatever information you're holding under my name?", "access"),
    ("please send me the info you hold on me", "access"),
    ("need all my data in a file 2 move it somewhere else", "portability"),
])
def test_everyday_requests_hand_off(assistant, question, intent):
    assert assistant.answer(question).handoff == intent, question


def test_every_bit_of_information_you_have_removed_is_still_a_deletion(assistant):
    question = ("I closed my business last month and I honestly don't need any of this anymore. I'd like every bit of "
                "information you have about me and my company removed from your systems, please.")
    assert assistant.answer(question).handoff == "deletion"


# A past incident asked with "ever had": the policy says nothing of its history of breaches.
@pytest.mark.parametrize("question", [
    "have you ever had an instance of info being stolen", "has this website ever had an information leak?",
    "have you ever had a security incident",
])
def test_a_past_incident_is_not_covered(assistant, question):
    answer = assistant.answer(question)
    assert not answer.answered and answer.reason == "not_covered", question


@pytest.mark.parametrize("question", ["how do you prevent an information leak", "what do you do if data is stolen"])
def test_how_leaks_are_prevented_is_still_security(assistant, question):
    assert _section(assistant, question) == "5"


def test_what_a_company_accounts_manager_can_read_is_not_covered(assistant):
    answer = assistant.answer("can my manager read the messages I send from our company account")
    assert not answer.answered and answer.reason == "not_covered"


def test_a_request_about_a_company_account_still_hands_off(assistant):
    assert assistant.answer("my manager wants our company account data deleted").handoff == "deletion"


# The review of rounds 19-20: what the rounds' entries must not reach.
@pytest.mark.parametrize("question", [
    "i'll hit you up tomorrow about pricing", "hit u up about sms pricing", "where do i go for help?",
])
def test_slang_for_contact_and_where_i_go_quote_nothing_of_the_policy(assistant, question):
    answer = assistant.answer(question)
    assert not answer.answered or answer.citations[0].clause.section not in ("12", "4"), question


@pytest.mark.parametrize("question", [
    "send my invoice in a file", "can you send my delivery report in a file", "i need my campaign stats in a file",
    "send me whatever brochures you have", "send me whatever plan details you have",
    "send me the details of your plans",
])
def test_product_files_and_brochures_are_no_request(assistant, question):
    assert assistant.answer(question).handoff is None, question


@pytest.mark.parametrize("question, intent", [
    ("delete the details you hold on me", "deletion"), ("correct the information you hold on me", "correction"),
])
def test_what_we_hold_named_in_another_request_keeps_that_request(assistant, question, intent):
    assert assistant.answer(question).handoff == intent, question


def test_exporting_a_dashboard_list_is_not_covered(assistant):
    assert not assistant.answer("how do i export my contact list from the dashboard").answered

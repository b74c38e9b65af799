"""Session 54, from four more reviews of fresh wordings: a mixed table of visitors (BC), questions in the style of the
public PrivacyQA set (BD), sections 1 to 7 beside their near misses (BE), and rights requests and child reports in
many forms (BF). Each kind is tested next to the wordings that must not change."""

import pytest

from tests.replies import declined_as_not_covered, top_section


# ---- details the policy does not give -------------------------------------------------------------------------------

@pytest.mark.parametrize("message", [
    # cookies: a settings page, choosing some, the app
    "is there a cookie settings page on your website",
    "can i accept only the essential cookies",
    "are cookies used in your mobile app too",
    # kinds of data and uses the policy never names
    "does your app collect my salary details",
    "does the app read my sim card details",
    "could i get paid for sharing my data with you",
    "do you keep my deleted chats",
    "does the service make decisions about me automatically",
    "does it collect anything when the app is closed",
    # the request done by the visitor, what deleting does to the account, the policy and our staff
    "can i delete my data myself from my dashboard",
    "will deleting my data also close my account",
    "does the privacy policy apply to your own employees",
    "do you scan my messages for ads",
    # our servers' city
    "where are your servers, which city",
])
def test_details_the_policy_does_not_give_are_not_covered(assistant, message):
    assert declined_as_not_covered(assistant.answer(message))


@pytest.mark.parametrize("message, section", [
    ("what kinds of cookies do you use", "7"),
    ("list the cookie categories you run, names please", "7"),
    ("I clicked accept all on your cookie banner by mistake, can I undo it?", "7"),
    ("do you use tracking pixels", "7"),
    ("is my data encrypted on your servers", "5"),
    ("do you get paid for selling my data", "4"),
    ("how do i delete my account", "6"),
    ("do you use my data to show me targeted ads", "7"),
])
def test_the_topics_beside_them_are_still_answered(assistant, message, section):
    assert section in [hit.clause.section for hit in assistant.answer(message).citations]


def test_access_restricted_asked_in_the_passive_is_security(assistant):
    assert top_section(assistant.answer("is access to my data restricted")) == "5"


def test_another_companys_doings_asked_with_liable_are_whose_rules_apply(assistant):
    assert top_section(assistant.answer("are you liable for what google does with my data when i log in with it")) == "8"


# ---- the policy's own words, our own products ----------------------------------------------------------------------

def test_the_policys_related_applications_are_its_scope(assistant):
    reply = assistant.answer("please clarify whether this privacy policy governs the related applications too")
    assert top_section(reply) == "1"


def test_our_otp_service_is_ours_not_a_third_partys(assistant):
    reply = assistant.answer("I got a promo email after signing up for the sms service, does your policy allow that?")
    assert top_section(reply) != "8"


def test_marketing_emails_asked_of_us_are_a_use_of_data(assistant):
    assert top_section(assistant.answer("will you send me marketing emails")) == "3"


def test_stopping_marketing_emails_is_still_the_opt_out(assistant):
    assert assistant.answer("stop sending me marketing emails").handoff == "marketing_opt_out"


# ---- requests and reports ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("message", [
    "Report: kid under 13 on your platform, username chotu_99",
    "child under 13 has an account on ur service, report",
])
def test_a_childs_account_labelled_a_report_hands_off(assistant, message):
    assert assistant.answer(message).handoff == "child_data"


def test_a_report_of_something_else_is_no_childs_report(assistant):
    assert assistant.answer("bug report, the signup page is broken").handoff is None


@pytest.mark.parametrize("message, intent", [
    ("my phone number on file is wrong, it should end in 42, please correct", "correction"),
    ("Kindly intimate what personal data of mine is lying with you.", "access"),
    ("I write for my client Mr Shah, who has asked me to request erasure of his account.", "deletion"),
])
def test_requests_in_more_words_hand_off(assistant, message, intent):
    assert assistant.answer(message).handoff == intent


def test_a_tag_question_still_asks(assistant):
    assert assistant.answer("you never sell my number, correct?").handoff is None


@pytest.mark.parametrize("message", [
    "in case of merger does my data move to the buyer",
    "in case of a merger does my data go to the new owner",
])
def test_a_question_after_in_case_of_asks(assistant, message):
    reply = assistant.answer(message)
    assert reply.handoff is None and top_section(reply) == "4"


def test_an_instruction_after_in_case_of_still_hands_off(assistant):
    assert assistant.answer("in case of any breach please delete all my data").handoff == "deletion"


def test_kk_is_small_talk(assistant):
    assert assistant.answer("kk thanks").kind == "smalltalk"


def test_a_request_supposed_with_say_asks(assistant):
    reply = assistant.answer("say we ask you to delete our account, how long before you reply?")
    assert reply.handoff is None

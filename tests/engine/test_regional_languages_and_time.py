"""Session 55, from three reviews of session 54's final state: India's other languages typed in Latin letters (BG),
what happens over time (BH), and short messages that lean on what came before (BI). Each kind is tested next to the
wordings that must not change."""

import pytest

from tests.replies import declined_as_not_covered, top_section


# ---- Bengali, Gujarati, Punjabi, Kannada, Telugu, Malayalam and Odia -------------------------------------------------

@pytest.mark.parametrize("message, section", [
    ("apnara ki amar data bidesh e pathan?", "10"),
    ("tame maro data koi ne vechi nakho cho?", "4"),
    ("tuhada office kithe hai ji?", "12"),
    ("tusi mera data kis kam layi varatde ho?", "3"),
    ("nimma office elli ide?", "12"),
    ("makkalu nimma app use madbahuda?", "9"),
    ("meeru naa data ammutara?", "4"),
    ("naa data meeda naaku emi hakkulu unnayi?", "6"),
    ("ningal ente data vilkkumo?", "4"),
    ("kuttikalkku ningalude app use cheyyamo?", "9"),
    ("apananka office kouthi?", "12"),
    ("policy badalile mote janeibe ki?", "11"),
])
def test_questions_in_indias_other_languages_are_answered(assistant, message, section):
    assert top_section(assistant.answer(message)) == section


@pytest.mark.parametrize("message, intent", [
    ("amar sob data muche din", "deletion"),
    ("maro account delete kari aapo", "deletion"),
    ("maro data mane mokalo", "access"),
    ("nanna data delete madi", "deletion"),
    ("naa account delete cheyyandi", "deletion"),
    ("ente data delete cheyyu", "deletion"),
    ("mora account delete kariddiantu", "deletion"),
    ("amar 8 bochorer chele account khulechhe, oder data muche din", "child_data"),
    ("nanna magana vayassu 11, avana account delete madi", "child_data"),
])
def test_requests_in_indias_other_languages_hand_off(assistant, message, intent):
    assert assistant.answer(message).handoff == intent


@pytest.mark.parametrize("message", ["nomoskar", "kem cho", "dhonnobad dada", "sat sri akal ji", "dhanyavadalu andi",
                                     "namaskara", "aabhar tamaro"])
def test_greetings_and_thanks_in_indias_other_languages_are_small_talk(assistant, message):
    assert assistant.answer(message).kind == "smalltalk"


def test_bengali_do_it_is_not_read_as_days(assistant):
    assert assistant.answer("amar phone number bhul ache, thik kore din").handoff == "correction"
    assert declined_as_not_covered(assistant.answer("kitne din tak data rakhte ho?"))


def test_the_policys_customer_support_platforms_are_not_our_support_line(assistant):
    assert top_section(assistant.answer("does your customer support platform get my data?")) == "4"
    assert top_section(assistant.answer("what is your customer support number?")) == "12"


# ---- short messages: a sign-off, a term of the policy, nothing named -------------------------------------------------

@pytest.mark.parametrize("message", ["alright bye", "alright", "aight thanks", "alright noted"])
def test_alright_signs_off(assistant, message):
    assert assistant.answer(message).kind == "smalltalk"


def test_one_word_of_a_clause_label_names_the_clause(assistant):
    assert top_section(assistant.answer("audits?")) == "5"


@pytest.mark.parametrize("message", ["why though", "why?", "but why"])
def test_a_why_that_names_nothing_is_not_answered_with_every_purpose(assistant, message):
    assert assistant.answer(message).citations == []


@pytest.mark.parametrize("message", ["why needed?", "so why do you need my number"])
def test_a_why_with_something_named_asks_the_purpose(assistant, message):
    assert top_section(assistant.answer(message)) == "3"


@pytest.mark.parametrize("message, section", [
    ("who inside your company can open my data", "5"),
    ("can your employees open my messages whenever they like", "5"),
    ("who else sees my data besides your staff?", "4"),
    ("can hackers or someone unauthorised get into my account data, what do you do then", "5"),
])
def test_insiders_and_break_ins_are_the_section_on_security(assistant, message, section):
    assert top_section(assistant.answer(message)) == section


# ---- asking whether a right may be used -------------------------------------------------------------------------------

@pytest.mark.parametrize("message", [
    "and i can ask you to erase all of it?",
    "so i could request a copy?",
    "my email will change soon, does the policy let me get it corrected",
    "bachhon ki umar kitne saal ki honi chahiye account ke liye",
])
def test_asking_whether_one_may_is_not_a_request(assistant, message):
    reply = assistant.answer(message)
    assert reply.handoff is None and reply.citations


def test_saying_one_can_ask_without_a_question_mark_still_asks(assistant):
    assert assistant.answer("i can ask you to delete it now").handoff == "deletion"


@pytest.mark.parametrize("message, section", [
    ("if i change my mind later, can i stop you processing my data", "6"),
    ("when my subscription expires, am i still allowed to request deletion of my data", "6"),
    ("after I close the account can i request deletion of everything", "6"),
    ("if i write to you about my data, when can i expect a reply", "12"),
])
def test_rights_and_replies_asked_over_time(assistant, message, section):
    assert top_section(assistant.answer(message)) == section


# ---- what the policy does not say about time ---------------------------------------------------------------------------

@pytest.mark.parametrize("message", [
    "do you store my billing address after i cancel",
    "what about when i close my account",
    "does whatsapp business do you support it",
    "can i move my account to a new number",
    "will my old chats come to my new phone",
    "what happens to my data if your company goes bankrupt",
    "my number got recycled and someone else has my old number now, do they get my messages",
    "how many of your staff can see my chats",
    "if i delete everything can i restore it later",
])
def test_what_the_policy_does_not_say_is_declined(assistant, message):
    assert declined_as_not_covered(assistant.answer(message))


@pytest.mark.parametrize("message, section", [
    ("is there any limit on how many staff can access my data", "5"),
    ("if you get acquired what happens to my data", "4"),
    ("how do i close my account", "6"),
])
def test_what_the_policy_says_next_to_them_is_answered(assistant, message, section):
    assert top_section(assistant.answer(message)) == section


@pytest.mark.parametrize("message", [
    "if my shop shuts down for good, what happens to my customers' numbers",
    "if my shop closes down, will you delete our contact lists",
    "if my number is reassigned, will the new owner see my messages",
])
def test_an_uncovered_condition_whose_outcome_is_asked_is_declined(assistant, message):
    assert declined_as_not_covered(assistant.answer(message))


@pytest.mark.parametrize("message, section", [
    ("If I only install the app, have I agreed to the privacy policy?", "1"),
    ("if somebody steals a disk from your data centre, can they read our data?", "5"),
])
def test_an_uncovered_condition_beside_a_question_of_its_own_leaves_it_answered(assistant, message, section):
    assert top_section(assistant.answer(message)) == section


def test_a_portable_copy_of_the_business_data_to_take_elsewhere_hands_off(assistant):
    assert assistant.answer("export our contacts and chat history as a portable file, we're moving to another "
                            "provider").handoff == "portability"
    assert assistant.answer("erase the contacts I imported yesterday").handoff is None

"""Session 54, from four reviews of fresh wordings: negation and leading premises (AY), dictated messages (AZ), the
people who receive messages businesses send through Blue Messaggio (BA), and English written by non-native speakers
(BB). Each kind is tested next to the wordings that must not change."""

import pytest

from tests.replies import declined_as_not_covered, top_section


# ---- small talk with a "no", Indian-English thanks, a microphone tried -----------------------------------------------

@pytest.mark.parametrize("message, kind", [
    ("nope, no thanks", "thanks"),
    ("no worries, all good now", "thanks"),
    ("no no, i'm fine, thank you", "thanks"),
    ("ok, not needed anymore, bye", "thanks"),
    ("thanks for your kind support", "thanks"),
    ("noted with thanks", "thanks"),
    ("that was truly helpful, thanks", "thanks"),
    ("hello, is anybody there", "greeting"),
    ("hello hello can you hear me", "greeting"),
    ("um hi there, testing", "greeting"),
    ("good evening, hope you are not too busy", "greeting"),
])
def test_small_talk_in_more_words(assistant, message, kind):
    reply = assistant.answer(message)
    assert reply.kind == "smalltalk" and reply.message.startswith("You're welcome" if kind == "thanks" else "Hello")


@pytest.mark.parametrize("message", [
    "that was not helpful",
    "thanks but that didn't help at all",
    "no, not a good answer",
])
def test_an_answer_faulted_is_not_thanked_for(assistant, message):
    assert not assistant.answer(message).message.startswith("You're welcome")


@pytest.mark.parametrize("message", [
    "no, delete it all",
    "hello, can anybody see my messages?",
    "kind of data you collect?",
    "hi, can you delete my number",
])
def test_questions_and_requests_beside_them_are_not_small_talk(assistant, message):
    assert assistant.answer(message).kind != "smalltalk"


def test_saying_the_assistant_is_not_a_person_asks_what_it_is(assistant):
    assert assistant.answer("you are not a human, are you?").message.startswith("I'm Blue Messaggio's privacy policy "
                                                                              "assistant")


# ---- the people who receive messages sent through us -----------------------------------------------------------------

@pytest.mark.parametrize("message", [
    "why do i keep getting otp again and again",
    "why does my phone get sms at midnight",
    "is it safe to reply to that text",
    "do you scan links in the sms",
    "which companies use your service to send sms",
    "why am i getting promotional sms from a company i never used",
])
def test_a_recipients_questions_about_the_messages_are_not_covered(assistant, message):
    assert declined_as_not_covered(assistant.answer(message))


@pytest.mark.parametrize("message, intent", [
    ("DND hai fir bhi msg aate hai, number block karo", "marketing_opt_out"),
    ("please block my number from all your promotional sms", "marketing_opt_out"),
])
def test_a_recipient_asking_their_number_blocked_hands_off(assistant, message, intent):
    assert assistant.answer(message).handoff == intent


def test_bank_details_are_still_payment_data(assistant):
    assert top_section(assistant.answer("do you store my bank account details?")) == "2"


def test_telling_others_is_disclosing(assistant):
    reply = assistant.answer("do you tell anyone what sms i receive")
    assert "4" in [hit.clause.section for hit in reply.citations]


def test_a_change_made_without_telling_anyone_is_still_section_11_alone(assistant):
    reply = assistant.answer("can you change the privacy rules without telling anyone?")
    assert [hit.clause.section for hit in reply.citations] == ["11"]


def test_our_office_seeing_messages_is_no_work_account_question(assistant):
    reply = assistant.answer("can someone in your office see my account messages")
    assert reply.answered and reply.gap is None


@pytest.mark.parametrize("message", [
    "would you inform me if my data gets leaked",
    "when do you automatically delete my account",
])
def test_a_breach_notice_and_deleting_on_a_schedule_are_not_covered(assistant, message):
    assert declined_as_not_covered(assistant.answer(message))


def test_the_notice_of_a_policy_change_is_still_section_11(assistant):
    assert top_section(assistant.answer("will you inform me if you change the policy")) == "11"


# ---- forms of words: the continuous tense, plurals, "correct or not", voice homophones ------------------------------

@pytest.mark.parametrize("message", [
    "how much time you are storing my details?",
    "you are saving call recordings?",
])
def test_uncovered_topics_in_the_continuous_tense_and_plural(assistant, message):
    assert declined_as_not_covered(assistant.answer(message))


def test_checking_whether_data_is_correct_asks_for_access(assistant):
    reply = assistant.answer("please provide all my data, I need to check if it is correct or not")
    assert reply.handoff == "access"


def test_a_detail_said_not_correct_is_still_a_correction(assistant):
    assert assistant.answer("my email in your records is not correct, please fix it").handoff == "correction"


@pytest.mark.parametrize("message, section", [
    ("what sort of date a do you gather", "2"),
    ("what date a do you collect", "2"),
])
def test_data_heard_as_date_a_or_dater(assistant, message, section):
    assert top_section(assistant.answer(message)) == section


def test_a_date_is_still_a_date(assistant):
    assert "data" not in assistant.analyse("what date was the policy updated").words


# ---- guesses, tags and premises ----------------------------------------------------------------------------------

@pytest.mark.parametrize("message", [
    "I assume my phone number isn't given to advertisers",
    "i guess my messages are not read by anyone",
    "I heard you pass our contacts to telemarketers",
    "we suspect our data is sold to other companies",
])
def test_a_guess_put_forward_asks_and_makes_no_request(assistant, message):
    reply = assistant.answer(message)
    assert reply.handoff is None


@pytest.mark.parametrize("message, intent", [
    ("I suppose you can delete my data now", "deletion"),
    ("I assume you will remove my number today, please do", "deletion"),
])
def test_a_request_said_with_a_guess_still_hands_off(assistant, message, intent):
    assert assistant.answer(message).handoff == intent


@pytest.mark.parametrize("message", [
    "my 11 year old daughter can make an account, no problem?",
    "my son is 10, he can use the app, na?",
])
def test_a_tag_after_a_comma_asks_and_reports_nothing(assistant, message):
    reply = assistant.answer(message)
    assert reply.handoff is None and top_section(reply) == "9"


def test_a_request_with_a_tag_still_hands_off(assistant):
    assert assistant.answer("close my account and delete my data, ok?").handoff == "deletion"


def test_where_we_are_asked_the_other_way_round(assistant):
    reply = assistant.answer("you guys aren't based outside india, right?")
    assert reply.reason == "company" and reply.message.startswith("Address")


def test_a_branch_elsewhere_is_still_not_our_address(assistant):
    assert assistant.answer("do you have an office in Chennai").reason != "company"


@pytest.mark.parametrize("message, section", [
    # words of a gap phrase far apart ("really ... me", "last ... changed") are not the phrase
    ("I'm really upset, people told me you give our messages to the police", "4"),
    ("Last week I changed my phone number but your records still show the old one, can I fix that?", "6"),
])
def test_gap_phrases_are_not_read_across_a_story(assistant, message, section):
    assert top_section(assistant.answer(message)) == section


@pytest.mark.parametrize("message", [
    "how do you make sure it is really me asking for my data",
    "when was the privacy policy last changed",
])
def test_those_gaps_still_decline_their_own_questions(assistant, message):
    assert declined_as_not_covered(assistant.answer(message))


# ---- dictated messages ----------------------------------------------------------------------------------------------

def test_punctuation_said_aloud_is_punctuation(assistant):
    assert assistant.analyse("do you sell my data question mark").parts[-1].question_mark
    assert assistant.answer("are you a bot or a human question mark").kind == "smalltalk"


@pytest.mark.parametrize("message, word", [
    ("what is your d p o email", "dpo"),
    ("is my data safe under g d p r", "gdpr"),
    ("do you need my k y c documents", "kyc"),
])
def test_an_abbreviation_spelled_out_is_read_as_one_word(assistant, message, word):
    assert word in assistant.analyse(message).words


def test_single_letters_that_spell_nothing_known_stay_apart(assistant):
    assert "ait" not in assistant.analyse("i am a i t student").words


@pytest.mark.parametrize("message", [
    "my messages are not reaching customers what is wrong",
    "hello my campaign failed last night why did that happen",
])
def test_a_question_run_on_after_a_statement_is_asked_not_told(assistant, message):
    reply = assistant.answer(message)
    assert reply.handoff is None and not reply.answered


def test_an_opening_abandoned_is_dropped(assistant):
    assert assistant.answer("do you no wait can you erase my profile").handoff == "deletion"


@pytest.mark.parametrize("message, section", [
    # a run-on question from its first word is read whole
    ("what kinds of cookies are you putting on my computer", "7"),
    ("can you please tell me what is collected about me", "2"),
    ("what do you actually do with all my data", "3"),
])
def test_run_on_questions_are_not_split(assistant, message, section):
    assert top_section(assistant.answer(message)) == section


@pytest.mark.parametrize("message", [
    "i am on DND, why do i still get promotional sms?",
    "i have dnd activated why do i get offers",
])
def test_an_uncovered_scene_told_before_the_question_is_not_set_aside(assistant, message):
    assert declined_as_not_covered(assistant.answer(message))


# ---- statement order, leads, what is not ours to answer -----------------------------------------------------------

@pytest.mark.parametrize("message", [
    "analytics company is getting my usage details from you?",
    "customer support tool also is getting my details?",
])
def test_a_party_getting_the_visitors_data_asked_in_statement_order(assistant, message):
    assert top_section(assistant.answer(message)) == "4"


def test_the_visitor_getting_their_own_data_from_support_is_not_sharing(assistant):
    assert top_section(assistant.answer("how can i get my data from customer support")) != "4"


def test_what_is_done_with_data_asked_with_what_all(assistant):
    assert top_section(assistant.answer("what all you are doing with the data you collect automatically?")) == "3"


def test_a_question_after_apart_from_asks(assistant):
    assert assistant.answer("apart from my email id what else do you store").handoff is None


@pytest.mark.parametrize("message", [
    "can you write me a promo sms for my shop's sale",
    "why is the company called blue messaggio",
    "does your support staff speak tamil",
])
def test_writing_for_the_visitor_our_name_and_languages_are_not_covered(assistant, message):
    assert declined_as_not_covered(assistant.answer(message))


@pytest.mark.parametrize("message", [
    "I never subscribed to your newsletter, take me off it",
    "I keep getting festive offer emails from you, kindly remove me from them",
])
def test_the_marketing_named_is_what_remove_me_from_it_takes_the_visitor_off(assistant, message):
    found = assistant.intents.detect(assistant.analyse(message))
    assert found.intent.name == "marketing_opt_out" and assistant.answer(message).handoff == "marketing_opt_out"


def test_removed_from_an_account_is_still_a_deletion(assistant):
    assert assistant.answer("I have an account with you, remove me from it").handoff == "deletion"


def test_a_rivals_practice_is_not_ours(assistant):
    assert declined_as_not_covered(assistant.answer("someone said your competitors share data, do they really?"))


def test_ours_asked_beside_a_rivals_is_still_answered(assistant):
    assert top_section(assistant.answer("your competitors sell data, do you?")) == "4"


def test_logs_on_our_servers_are_what_is_collected(assistant):
    assert top_section(assistant.answer("your servers keep logs of my activity, right?")) == "2"


def test_choosing_which_notifications_one_gets_is_a_communication_preference(assistant):
    assert top_section(assistant.answer("do i get to choose what notifications i get")) == "6"


# ---- what the team's tables keep ----------------------------------------------------------------------------------

def test_a_relative_who_in_a_run_on_is_not_a_question(assistant):
    assert assistant.answer("I think my son who is 11 signed up using my phone").handoff == "child_data"


def test_a_longer_story_told_before_a_question_of_its_own_leaves_it_answered(assistant):
    reply = assistant.answer("I use your email campaign tool for my shop's newsletter. Can you promise my account will "
                             "never get hacked?")
    assert top_section(reply) == "5"


def test_what_the_visitor_may_ask_done_with_their_data_is_the_rights(assistant):
    assert top_section(assistant.answer("what all can i ask you to do with my data")) == "6"

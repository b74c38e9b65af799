"""Session 53, from seven reviews of fresh wordings: asking about a right against exercising it; answered questions
beside near misses the policy does not answer; visitors asking about the policy's own words; other policies'
vocabulary; questions asked from a goal or a fear; Hinglish with Marathi and Tamil; terse keywords. Each kind is tested
next to the wordings that must not change."""

import pytest

from tests.replies import declined_as_not_covered, top_section


@pytest.mark.parametrize("message", [
    "never mind about the deletion, leave my data as it is",
    "actually cancel my erasure request, i changed my mind",
    "ok forget it, i will keep my account",
    "i want to withdraw my deletion request",
])
def test_a_request_taken_back_makes_no_request(assistant, message):
    assert assistant.answer(message).handoff is None


@pytest.mark.parametrize("message, intent", [
    ("I changed my mind, please delete my account", "deletion"),
    ("cancel my account and delete everything", "deletion"),
    ("never mind the cookies, just delete my account", "deletion"),
    ("forget about me completely please", "deletion"),
    ("ok forget about it. please delete my data", "deletion"),
    ("changed my mind about marketing, unsubscribe me", "marketing_opt_out"),
    ("I'm asking you to delete my data", "deletion"),
    ("my personal data should be shared with me, all of it", "access"),
    ("I'd appreciate it if someone could correct the company name attached to me, it still shows my previous employer.",
     "correction"),
])
def test_requests_beside_them_still_hand_off(assistant, message, intent):
    assert assistant.answer(message).handoff == intent


@pytest.mark.parametrize("message", [
    # asking whether, not wishing
    "no need to unsubscribe me, I'm just asking if opting out is possible",
    # a time asked with "within", and what would be done if someone told us
    "within how many days will you correct my details after i ask",
    "within how many days will you delete a child's data after i report it",
    "would you remove a child's information if someone told you about it",
    "would you delete a child's data if a parent asked you to",
    # asking after a request made weeks ago
    "I asked for a copy of my data 3 weeks back, who's handling it?",
])
def test_questions_about_a_right_make_no_request(assistant, message):
    reply = assistant.answer(message)
    assert reply.handoff is None and reply.kind == "answer"


def test_a_story_ending_in_a_question_keeps_the_right_it_asks_about(assistant):
    reply = assistant.answer("My email changed after a company rebrand. I don't need you to do anything right now, but "
                             "how would I update it when the time comes?")
    assert reply.handoff is None and top_section(reply) == "6" and reply.offer == "correction"


@pytest.mark.parametrize("message", [
    "thanks, submitted the form",
    "ok done, thank you",
    "great, appreciate the help",
    "perfect, that's all I needed",
    "thanks for sorting that out",
    "great, talk later",
    "nice, thanks a ton",
])
def test_thanks_after_a_request_is_small_talk(assistant, message):
    assert assistant.answer(message).kind == "smalltalk"


@pytest.mark.parametrize("message", [
    "form",
    "ok, the form is done?",
])
def test_words_of_thanks_alone_are_not_thanks(assistant, message):
    assert assistant.answer(message).kind != "smalltalk"


@pytest.mark.parametrize("message", [
    # how a request is handled, which section 6 does not say
    "do you charge anything to process a deletion request",
    "will you send me a confirmation email once my data is deleted",
    "in what file format will my export be, csv or json?",
    "can I withdraw a deletion request after sending it?",
    "can you process deletions faster than 30 days if it's urgent?",
    "do I need to be logged in to request my data",
    "can I make a data request for my elderly mother who doesn't use email",
    # the past
    "what happened in the security incident you had in 2022",
    "have any of your third party partners leaked data",
    "have you ever collected data from children by mistake",
    "has my data been transferred in any acquisition before",
    # the law that governs the policy, and a guess at it
    "under which country's law is this privacy policy governed",
    "which law gives me these rights, is it the dpdp act 2023",
])
def test_details_the_policy_does_not_give_are_declined(assistant, message):
    assert declined_as_not_covered(assistant.answer(message))


@pytest.mark.parametrize("question, section", [
    ("is there any provision for getting my data in excel format", "6"),
    ("what if a child's data was collected by mistake", "9"),
    ("what happens to my data if you are acquired", "4"),
    ("can i request a copy of my data", "6"),
    ("could you please tell me exactly what details you have stored for my account", "6"),
])
def test_the_wordings_beside_them_are_answered(assistant, question, section):
    reply = assistant.answer(question)
    assert top_section(reply) == section


@pytest.mark.parametrize("question, section", [
    # where we are, asked by country or state
    ("they're in which state of india", "12"),
    ("which state are you in", "12"),
    ("which country is your office in", "12"),
    ("in which country is blue messaggio based", "12"),
    # a purpose named after "use data to"
    ("do you use data to stop abuse and security threats on your platform", "3"),
    # where in the policy something is
    ("which part of the doc is about third party services", "8"),
    ("which section talks about cookies", "7"),
    ("which section deals with kids", "9"),
    # other policies' abbreviations
    ("do you sell PII", "4"),
    ("how do i submit a DSAR", "6"),
    ("SCCs for data exports", "10"),
    # another company's doing put to us
    ("I use a CRM plugin that talks to your API. If that CRM leaks my data, is that on you?", "8"),
    ("a partner site I reached through your page spammed me, can I blame you?", "8"),
    # opening something at our office is no question of our hours; the visitor's own place is not our address
    ("can any random staff member at your office open our customers' messages?", "5"),
    # sending data abroad is no rule on sending messages
    ("is it even legal for you to send our data overseas?", "10"),
    # Marathi and Tamil words of a privacy question
    ("tumhi maza kay kay data gola karta?", "2"),
    ("en data-va edhukku use pannuvinga?", "3"),
    ("tumhi maza data dusryanna viktay ka?", "4"),
    ("lahan mulanna he service vaparta yete ka?", "9"),
    # chat spellings and verb forms of Hindi
    ("kese contact kru aapko", "12"),
    ("policy badalne pe email aayega kya", "11"),
    ("mere data se marketing bhejoge kya", "3"),
    ("ye policy website aur app dono pe lagu hoti h kya", "1"),
])
def test_questions_of_the_reviews_are_answered_from_their_section(assistant, question, section):
    reply = assistant.answer(question)
    assert top_section(reply) == section and reply.handoff is None


@pytest.mark.parametrize("question, clause", [
    ("what does 'interaction patterns' mean", "s2-automatically-collected-information-3"),
    ("does 'account management' cover billing too", "s3-3"),
    ("you say 'appropriate technical and organizational measures' — which ones exactly?", "s5-1"),
    ("what falls under 'business information' in your list", "s2-personal-information-4"),
    ("you write that you're 'committed to protecting your privacy' - is that an actual commitment or just a nice line?",
     "s1-1"),
    ("what is meant by 'protection of our rights, property, or safety'", "s4-legal-requirements-4"),
    # a term of the policy that names a way to reach us is the policy's term, not our contact line
    ("does 'contact information' cover my postal address as well", "s2-personal-information-2"),
    ("what's the 'customer support' purpose about", "s3-5"),
    # a term of the policy typed alone, or asked what it is
    ("business transfers", "s4-business-transfers-1"),
    ("what are business transfers", "s4-business-transfers-1"),
    ("legal requirements", "s4-legal-requirements-1"),
    ("account information", "s2-personal-information-3"),
    ("business information", "s2-personal-information-4"),
])
def test_a_phrase_quoted_from_the_policy_or_a_term_typed_alone_is_answered_from_its_clause(assistant, question, clause):
    reply = assistant.answer(question)
    assert reply.kind == "answer" and reply.citations[0].clause.id == clause


def test_a_quoted_phrase_the_policy_does_not_hold_is_read_as_words(assistant):
    assert assistant.quoted_clause("what does 'data fiduciary' mean") is None
    assert assistant.quoted_clause("what does 'interaction patterns' mean").id == "s2-automatically-collected-information-3"


def test_disagreeing_with_the_policy_is_no_objection_but_disagreeing_with_a_use_is(assistant):
    assert assistant.answer("If I disagree with some of it can I still carry on using the platform?").handoff is None
    assert assistant.answer("I disagree with you using my data for ads, stop it").handoff == "objection"


@pytest.mark.parametrize("message", [
    "send me a copy of the privacy policy",
    "i want a copy of your privacy policy",
    # the product's downloads, asked in Hindi order
    "delivery report download karna hai",
    "campaign data download karna hai",
])
def test_a_copy_of_the_policy_or_the_products_files_is_no_request_for_data(assistant, message):
    assert assistant.answer(message).handoff is None


def test_a_pdf_of_the_policy_is_not_covered_but_fine_print_is_no_printout(assistant):
    assert declined_as_not_covered(assistant.answer("can i download the policy as a pdf"))
    reply = assistant.answer("He wanted me to read the fine print. Does the policy say how long before changes take "
                             "effect, or just that you'll post them on your website?")
    assert top_section(reply) == "11"


@pytest.mark.parametrize("message", [
    "send me a copy of my data",
    "i want a copy of my data as your policy says",
])
def test_a_copy_of_the_visitors_data_is_still_asked(assistant, message):
    assert assistant.answer(message).handoff in ("access", "portability")


@pytest.mark.parametrize("question", [
    "what time does your office open",
    "where are you based",
    "we are based in pune, where are you based?",
])
def test_our_hours_and_address_are_still_ours(assistant, question):
    assert top_section(assistant.answer(question)) == "12"


def test_the_visitors_own_place_is_not_our_address(assistant):
    assert top_section(assistant.answer("I'm based in France, is anything different for me?")) != "12"


@pytest.mark.parametrize("message", [
    "can I lodge a complaint with a supervisory authority or data protection regulator?",
    "Is it legal to send promotional SMS at night in India?",
])
def test_a_regulator_and_the_rules_on_sending_are_not_covered(assistant, message):
    assert declined_as_not_covered(assistant.answer(message))


def test_praise_is_small_talk(assistant):
    assert assistant.answer("you're very helpful").kind == "smalltalk"


def test_a_question_with_a_term_in_it_is_still_read_as_a_question(assistant):
    assert top_section(assistant.answer("why you need my payment info")) == "3"


def test_the_visitors_billing_or_mailing_address_is_not_ours(assistant):
    assert top_section(assistant.answer("billing address")) == "2"
    assert top_section(assistant.answer("office address")) == "12"


def test_account_preferences_are_no_do_not_track_question(assistant):
    assert top_section(assistant.answer("account preferences")) == "2"
    assert declined_as_not_covered(assistant.answer("do you honor do not track"))


@pytest.mark.parametrize("message, intent", [
    ("maza sagla data mala pathva", "access"),
    ("mere account ki puri info download karke do", "portability"),
    ("meri personal info ki report chahiye mujhe", "access"),
])
def test_requests_with_the_verb_last_hand_off(assistant, message, intent):
    assert assistant.answer(message).handoff == intent


def test_a_deletions_timing_asked_in_hindi_order_is_not_covered(assistant):
    assert declined_as_not_covered(assistant.answer("account delete karne ke baad data kitne din me hatega"))


def test_tamil_thanks_is_small_talk(assistant):
    assert assistant.answer("nandri").kind == "smalltalk"

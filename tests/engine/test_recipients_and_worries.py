"""Session 49, from two reviews of fresh wordings: messages from people who receive SMS and WhatsApp messages that
businesses send through Blue Messaggio, and vague, worried privacy questions. A recipient's question about the message
itself (who sent it, a scam, the telecom rules, blocking a sender) is not covered; "don't send me offers" opts out;
greetings and thanks in everyday Hinglish are small talk; "right now" names no right; what we would do "if someone
asked" is asked, not requested. Each kind is tested next to the wordings that must not change."""

import pytest

from tests.replies import declined_as_not_covered, top_section


@pytest.mark.parametrize("message", [
    "who sent me this msg from AD-ZOMATO, is it u",
    "can you give me the mobile number of the person who sent me this msg",
    "does DND apply to your msgs or not",
    "what are TRAI rules on promotional sms timings",
    "whats the difference between transactional and promotional sms",
    "someone sent me fake bank msg through your platform, is it fraud?",
    "how do i know if a link in sms is safe to open",
    "why r u allowing scammers on ur platform",
    "how do i block a whatsapp business number",
    "how to stop spam calls, not sms, calls",
    "how do i file a complaint with the cyber crime police about fraud sms",
])
def test_a_recipients_question_about_the_message_itself_is_not_covered(assistant, message):
    assert declined_as_not_covered(assistant.answer(message))


def test_the_contact_details_come_with_the_decline(assistant):
    reply = assistant.answer("which brand sent me this promo sms")
    assert declined_as_not_covered(reply)
    assert reply.contact and reply.contact["Phone"]


@pytest.mark.parametrize("message, section", [
    # what a link collects, and the visitor's number sold, are the policy's (sections 2 and 4)
    ("do you track my location when i click the link in the sms", "2"),
    ("i get spam calls daily, did you sell my number", "4"),
    ("do you use my data to detect fraud", "3"),
])
def test_a_recipients_question_about_their_own_data_is_answered(assistant, message, section):
    reply = assistant.answer(message)
    assert reply.answered and top_section(reply) == section


@pytest.mark.parametrize("message", [
    "i keep getting spam calls since I signed up, did you give out my number",
    "is my number leaked, I get so many spam calls",
])
def test_the_visitors_number_given_away_keeps_the_spam_topic_out(assistant, message):
    assert assistant.index.gap(assistant.analyse(message)) is None


@pytest.mark.parametrize("message", [
    "dont send me offers",
    "please dont email me",
    "dont send me any ads on whatsapp again",
    "do not send me deals anymore",
])
def test_dont_send_me_is_a_marketing_opt_out(assistant, message):
    assert assistant.answer(message).handoff == "marketing_opt_out"


@pytest.mark.parametrize("message", [
    "do you send me ads based on my data",
    "why do you send me ads",
    "do not email me the report, post it",
])
def test_asking_about_ads_or_telling_how_to_send_is_no_opt_out(assistant, message):
    assert assistant.answer(message).handoff is None


@pytest.mark.parametrize("message, kind", [
    ("hii bhai kaise ho", "greeting"),
    ("hey what's up", "greeting"),
    ("whats up", "greeting"),
    ("dhanyavaad aapka bahut", "thanks"),
    ("shukriya aapka", "thanks"),
])
def test_everyday_greetings_and_thanks_are_small_talk(assistant, message, kind):
    reply = assistant.answer(message)
    assert reply.kind == "smalltalk"
    assert reply.message == assistant.answer("hello" if kind == "greeting" else "thanks").message


@pytest.mark.parametrize("message", ["what is up with my data", "whats up with your cookies",
                                     "thanks, your policy is clear but do you sell my data"])
def test_a_question_after_a_greeting_word_is_still_answered(assistant, message):
    assert assistant.answer(message).answered


@pytest.mark.parametrize("message", [
    "did your company ever get in the news for some scandal",
    "is your company making a profit or could it shut down any day",
    "how do I know you're not a scam company",
    "is the support team a bot or actual humans",
    "what time of day do you do maintenance on the servers",
])
def test_facts_about_the_company_the_policy_does_not_give_are_declined(assistant, message):
    reply = assistant.answer(message)
    assert declined_as_not_covered(reply)
    assert reply.contact  # with the contact details


@pytest.mark.parametrize("message", [
    "can I pay in cash so you don't have my card at all",
    "do you lock the account if someone types the wrong password too many times",
    "do you keep a record of who at your company looked at my data",
    "can the person I send a message to see my personal number",
    "is it possible to unsend a message I sent by mistake",
    "will my messages be stored if the recipient's phone is switched off",
    "is it true you people were in some lawsuit",
    "how many privacy complaints did you get last year",
    "has the government asked you for anyone's data this year",
])
def test_more_topics_the_policy_does_not_cover(assistant, message):
    assert declined_as_not_covered(assistant.answer(message))


@pytest.mark.parametrize("message, section", [
    ("I read about the right to object in the news, does that apply with you?", "6"),
    ("can I keep cookies switched off and still use the dashboard", "7"),
    ("do you use my data for maintenance of the service", "3"),
    ("will you share my data with the government if asked", "4"),
    ("minimum age kitna hai for using this?", "9"),  # "kitna" is read "how much": no price asked
    ("do you store the number of the person i send messages to", "2"),
])
def test_the_new_phrases_leave_covered_questions_alone(assistant, message, section):
    reply = assistant.answer(message)
    assert reply.answered and top_section(reply) == section


@pytest.mark.parametrize("message", [
    "when your app crashes on my phone, does it quietly send something back to you",
    "I only filled in my name and email, is that really all you have?",
    "I asked for deletion last year, is my data gone?",
])
def test_no_gap_takes_a_covered_question(assistant, message):
    assert assistant.index.gap(assistant.analyse(message)) is None


def test_right_now_names_no_right(assistant):
    rights = {"right", "rights"}
    assert not rights & set(assistant.analyse("can you see where I am right now?").words)
    assert not rights & set(assistant.analyse("how do you make sure only the right people get into the system").words)
    assert rights & set(assistant.analyse("do I have the right to object").words)
    assert assistant.answer("stop sending me marketing sms right now").handoff == "marketing_opt_out"
    assert assistant.answer("delete my data right away").handoff == "deletion"


def test_what_we_would_do_if_someone_asked_is_a_question(assistant):
    assert assistant.answer("would you actually delete things if someone asked or just say you did").handoff is None
    assert assistant.answer("can you delete data if someone asks").handoff is None
    assert assistant.answer("would you delete my data").handoff == "deletion"


# From the code review of these changes and two more reviews (messages about someone else's data, and learners' and
# formal Indian English).

@pytest.mark.parametrize("message, section", [
    ("would you share my data in any lawsuit?", "4"),  # a lawsuit to come, not one in the past
    ("if the court requests my records this year, do you have to comply?", "4"),
    ("will my data be used to comply with legal stuff like TRAI rules?", "3"),
    ("If the company is sold, my account data also goes to the new owner?", "4"),  # no employer's account
    ("Is Blue Messaggio liable if a linked website misuses my data?", "8"),  # other sites, not compensation
    ("What all personal details you may collect from a person using your WhatsApp Business API service?", "2"),
])
def test_covered_questions_near_the_new_phrases_are_answered(assistant, message, section):
    reply = assistant.answer(message)
    assert reply.answered and top_section(reply) == section


@pytest.mark.parametrize("message", [
    "do you keep a record of who I message",
    "keep track of who visits your website?",
    "does your support bot keep a copy of my chats?",
])
def test_the_visitors_own_records_are_no_gap(assistant, message):
    assert assistant.index.gap(assistant.analyse(message)) is None


@pytest.mark.parametrize("message", [
    "is it a scam if a message asks me to share my OTP",  # the scam message's own words pull nothing back
    "is there an age discount on the pricing?",  # a price, whatever else it names
    "Kindly tell the name of the cloud hosting provider you are using.",
    "How many days before the change you will inform about the updated policy?",
    "Can I get the list of names of employees who accessed my data?",
])
def test_specific_details_the_policy_does_not_give_are_not_covered(assistant, message):
    assert declined_as_not_covered(assistant.answer(message))


@pytest.mark.parametrize("message, handoff", [
    ("Kindly inform the procedure for removal of my details.", None),  # the way asked, as "tell the procedure" is
    ("Myself Arjun from Chennai. Since long I am using your service. I wish to know the name and email ID of the "
     "nodal officer appointed under the IT Rules for grievance redressal.", None),  # "email ID" names, it tells nothing
    ("please delete my account and email me a confirmation", "deletion"),
    ("my dad wants to opt out of all your marketing communications, please do that for him", "marketing_opt_out"),
    ("my sister wants her email address deleted from your system, can you do that for her", "deletion"),
    ("can I delete my data? can you do that?", None),  # what a question asks, asked again
    ("can you correct information if a customer requests it?", None),
    ("can you give users a copy of their data if they request?", None),
])
def test_what_is_asked_and_what_is_asked_done(assistant, message, handoff):
    assert assistant.answer(message).handoff == handoff


@pytest.mark.parametrize("message, section", [
    ("does your website put cookies on my son's laptop", "7"),
    ("which outside companies can see my son's account info", "4"),
    ("what device info do you take from my son's phone when he opens your site", "2"),
    ("my son is 10, can he use your app", "9"),
    ("can my son use your app", "9"),
])
def test_a_son_or_daughter_named_beside_the_question_leaves_it_its_section(assistant, message, section):
    reply = assistant.answer(message)
    assert reply.answered and top_section(reply) == section


@pytest.mark.parametrize("message", ["good morning, hope you're well", "hey there, anyone around?",
                                     "thank you, that's all for now", "hello, is anyone there"])
def test_more_everyday_greetings_and_sign_offs(assistant, message):
    assert assistant.answer(message).kind == "smalltalk"


def test_a_greeting_before_a_question_leaves_the_question(assistant):
    reply = assistant.answer("hope you are well, do you sell my data")
    assert reply.answered and top_section(reply) == "4"


@pytest.mark.parametrize("message", [
    "how do I get access to my late father's account",
    "can my son inherit my blue messaggio account",
    "do you need parental consent for teenagers to sign up",
    "is there a family account where i can add my kids and parents",
    "does your service let parents read their child's messages",
])
def test_a_relatives_account_and_a_parents_oversight_are_not_covered(assistant, message):
    assert declined_as_not_covered(assistant.answer(message))


@pytest.mark.parametrize("message, section", [
    ("will you share my late father's information with anyone?", "4"),
    ("can a parent ask you to remove their child's info?", "9"),
])
def test_what_the_policy_says_of_anyones_data_still_answers(assistant, message, section):
    reply = assistant.answer(message)
    assert reply.answered and top_section(reply) == section


@pytest.mark.parametrize("message", [
    "can I read my wife's messages",
    "can I manage my son's account for him",
    "how do I recover my mother's account if she lost access to her email",
])
def test_opening_a_relatives_messages_or_account_is_not_covered(assistant, message):
    assert declined_as_not_covered(assistant.answer(message))


@pytest.mark.parametrize("message, section", [
    ("which outside companies can see my son's account info", "4"),  # who else sees it: section 4
    ("my dad's data - who else gets to see it apart from you guys", "4"),
    ("do you share my wife's messages with anyone", "4"),
])
def test_what_others_see_of_a_relatives_data_is_answered(assistant, message, section):
    reply = assistant.answer(message)
    assert reply.answered and top_section(reply) == section


def test_hinglish_names_a_spouse_and_parents(assistant):
    assert assistant.analyse("biwi ka number aur pati ka email").words[:1] == ("wife",)
    assert "husband" in assistant.analyse("biwi ka number aur pati ka email").words


# A section named by its number, and the policy's words quoted (session 49's review of questions on the policy's own
# words).

@pytest.mark.parametrize("message, section", [
    ("what does section 8 say", "8"),
    ("show me section 7", "7"),
    ("explain section eight", "8"),
    ("what is usage data in section 2", "2"),  # "2" is text-speak's "to" in the words, not in the text
    ("what does 'service provision' mean in section 3?", "3"),
    ('what does "third-party services" mean in section 8?', "8"),
])
def test_a_section_named_by_its_number_answers(assistant, message, section):
    reply = assistant.answer(message)
    assert reply.answered and not reply.handoff and top_section(reply) == section


def test_a_whole_section_asked_for_is_quoted_from_its_opening(assistant):
    reply = assistant.answer("what does section 2 say")
    assert reply.citations[0].clause.id == assistant.index.policy.section("2").clauses[0].id


@pytest.mark.parametrize("text, named", [
    ("see § 7", "7"), ("section no. 4", "4"), ("sec.10", "10"), ("Section Eight", "8"), ("section 02", "2"),
    ("sections 3 and 7", None),  # two named: retrieval chooses
    ("the policy mentions Analytics in both section 3 and 7", None),
    ("what does section 13 say", None),  # no such section
    ("I have 2 and 3 questions", None),
])
def test_which_section_a_message_names(assistant, text, named):
    assert assistant.section_named(assistant.analyse(text)) == named


@pytest.mark.parametrize("message, handoff", [
    ('"Object to processing of your information" - can i really do this', None),
    ('"opt-out of marketing communications" - how long does the opt-out take to take effect?', None),
    ('"Request deletion of your personal information" - ok, delete my account now', "deletion"),
    ("I object to processing of my information", "objection"),
])
def test_the_policys_words_quoted_make_no_request(assistant, message, handoff):
    assert assistant.answer(message).handoff == handoff


@pytest.mark.parametrize("message, section", [
    ("hackers se bachane ke liye kya karte ho", "5"),  # "bachane": to protect
    ("nabaligo ka data collect karte ho?", "9"),  # minors
    ("meri info ko unauthorized access se kaise bachate ho", "5"),
    ("kis time tak call kar sakta hu", "12"),  # till what time
    ("aap mujhe promotional emails kyu bhejte ho", "3"),  # "kyu" asks why: no opt-out
])
def test_more_hinglish_words(assistant, message, section):
    reply = assistant.answer(message)
    assert reply.answered and not reply.handoff and top_section(reply) == section


@pytest.mark.parametrize("message", ["pehle kabhi aapka data breach hua hai kya", "cookies kitne din tak rehti hai browser me",
                                     "aapke against case karna ho to kaunse court me"])
def test_hinglish_questions_the_policy_does_not_answer(assistant, message):
    assert declined_as_not_covered(assistant.answer(message))


@pytest.mark.parametrize("message", ["dhanyavaad madad ke liye", "chalo bye"])
def test_hinglish_thanks_and_goodbye(assistant, message):
    assert assistant.answer(message).kind == "smalltalk"

"""Session 47, from two reviews of fresh wordings (a messaging company's business customers, and short questions typed
fast): a question the question model doubts is about privacy, which the section model reads as plainly one section's,
is answered from it; a question that names a term of the policy ("server logs") is answered from the clause that
defines it; and a plan, an assurance wished for or the visitor's own trade said beside a question makes no request.
Each kind is tested next to the wordings that must not change."""

import pytest

from app.engine.answering import OFF_TOPIC_REPLY, names_a_term_of
from tests.replies import answer_without, top_section


@pytest.mark.parametrize("question, section", [
    ("my customers numbers that i upload, are they used for your own marketing", "3"),
])
def test_a_question_the_section_model_reads_as_one_sections_is_answered_whatever_the_doubt_about_privacy(
        assistant, question, section):
    assert top_section(assistant.answer(question)) == section
    # the question model alone doubts it is about privacy at all, and declines it as a product question
    reply = answer_without(assistant, "sections", question)
    assert not reply.answered and OFF_TOPIC_REPLY in reply.message


@pytest.mark.parametrize("question", [
    "is the app free",
    "does the app run on my smartwatch",
    "can i hide chats",
    "bulk SMS delivery kitni fast hoti hai",
])
def test_product_questions_are_still_declined_as_product_questions(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "not_covered" and reply.handoff is None
    assert OFF_TOPIC_REPLY in reply.message


@pytest.mark.parametrize("question, clause", [
    ("server logs", "s2-automatically-collected-information-4"),
    ("error reports", "s2-automatically-collected-information-4"),
    ("access controls", "s5-3"),
    ("what are your access controls", "s5-3"),
    ("employee training", "s5-5"),
    ("regular audits", "s5-4"),
    ("incident response", "s5-6"),
])
def test_a_question_naming_a_term_of_the_policy_is_answered_from_the_clause_that_defines_it(assistant, question,
                                                                                            clause):
    reply = assistant.answer(question)
    assert reply.answered and reply.clause.id == clause


def test_naming_a_term_needs_its_words_side_by_side_and_in_order(assistant):
    clause = assistant.index.policy.clause("s5-3")  # "Access Controls: Strict access controls and authentication ..."
    assert names_a_term_of(assistant.analyse("access controls"), clause)
    assert not names_a_term_of(assistant.analyse("controls access"), clause)
    assert not names_a_term_of(assistant.analyse("access"), clause)  # one word names no term
    assert not names_a_term_of(assistant.analyse("who controls access to my data"), clause)


@pytest.mark.parametrize("question", [
    "how long do you keep server logs",
    "server logs retention period",
])
def test_more_than_the_term_asked_is_still_weighed(assistant, question):
    assert not assistant.answer(question).answered


@pytest.mark.parametrize("message", [
    # a plan, its verb after "and", before a question
    "We might close our store next year and stop using your service. Would I have the right to ask you to delete my "
    "personal information at that point?",
    "we are planning to switch providers and delete our account. what happens to our data?",
    # an assurance wished for, then asked
    "As a D2C brand we want assurance that our account data is used only for running the service. Is it used for "
    "anything else, for example marketing to us?",
    # the visitor's own trade
    "I signed up last month as a freelance digital marketer and used your bulk SMS for two clients. I'm curious how you "
    "use the information you collect about me.",
    "I work in marketing.",
    "as a marketing manager, can i use your api for campaigns",
])
def test_a_plan_an_assurance_or_the_visitors_trade_makes_no_request(assistant, message):
    assert assistant.answer(message).handoff is None


@pytest.mark.parametrize("message, intent", [
    ("I'll be travelling and delete my data before that", "deletion"),
    ("I will close my account and delete everything, can you confirm?", "deletion"),
    ("I want assurance that my number is removed from your marketing list", None),  # a request, of whichever type
    ("I work in marketing, please stop sending me marketing emails", "marketing_opt_out"),
    ("your marketers keep calling me", "marketing_opt_out"),
    ("your marketing team keeps calling me, stop it", "marketing_opt_out"),
    ("i am a marketer, please unsubscribe me from your newsletter", "marketing_opt_out"),
    ("I'm in marketing list of yours, please take me off", "marketing_opt_out"),  # on a list, not in the trade
    # a deed or a complaint whose confirmation is wished for (the code review of session 47)
    ("I want confirmation that my email address has been corrected to the new one", "correction"),
    ("I want assurance that you have stopped using my data for ads", None),
    ("I need assurance that my complaint about the misuse of my data will be looked into by your grievance officer",
     "grievance"),
    # Hinglish requests with the words read as nothing
    ("mera data delete karna hai, kya kare", "deletion"),
    ("mera account delete kare please", "deletion"),
])
def test_requests_beside_them_still_hand_off(assistant, message, intent):
    reply = assistant.answer(message)
    assert reply.handoff is not None and (intent is None or reply.handoff == intent)


@pytest.mark.parametrize("question", [
    # the opt-ins and opt-outs of the people a business messages
    "How do recipients reply STOP to unsubscribe from our promotional SMS?",
    "When my customers opt out on WhatsApp, does your system automatically stop messaging them?",
    "What proof of opt-in do we need to keep before sending promotional messages to customers?",
    "can my customers unsubscribe from the sms i send them",
    # where a number that messages reach came from
    "how did you get my number?",
    "who gave you my number",
    "I keep getting loan offers by SMS and the header says it came via Blue Messaggio. I never gave my number to you or "
    "to that lender. How did you get my phone number?",
    # the law, the courts, agreements signed with a business
    "Which court has jurisdiction over disputes under this policy?",
    "what is the governing law of this policy",
    "Can you sign an NDA with us before we share our customer list?",
    # a number moved to another operator, the processors' names, the product's reports, being told first
    "how do i port my number to another operator",
    "who are your subprocessors",
    "please share the names of your sub processors",
    "are delivery reports of my campaigns shared with anyone",
    "Will you tell us before handing over our data to the police?",
])
def test_details_a_business_or_a_recipient_asks_that_the_policy_leaves_out_are_declined(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "not_covered" and reply.handoff is None


def test_the_delivery_reports_of_a_campaign_are_no_report_of_a_breach(assistant):
    reply = assistant.answer("are delivery reports of my campaigns shared with anyone")
    assert "incidents" not in reply.gap.topic
    assert "incidents" in assistant.answer("any reports of hacking on your platform").gap.topic


@pytest.mark.parametrize("question, section", [
    ("as a customer can i opt out of marketing", "6"),
    ("can i reply STOP to your promo sms to opt out", "6"),
    ("can i port my data to another provider", "6"),
    ("will you share my data in a legal dispute", "4"),
    ("if the cyber cell asks for my data will you give it", "4"),
    ("will you tell us what data you collect", "2"),
    # the policy's own words for everyone's data, and for the police
    ("Does Blue Messaggio trade user data?", "4"),
    ("I'm the compliance head at an NBFC. We send loan EMI reminders to borrowers through you. If an investigating "
     "agency approaches you for our message history, what does your policy say you would do?", "4"),
    # Hinglish: who sees, does it change, how to reach, whom to talk to
    ("mera number kaun dekhta hai", "4"),
    ("policy badalti hai?", "11"),
    ("contact kaise kare", "12"),
    ("kisse baat karun privacy ke baare mein?", "12"),
    ("mera data dekhne ke liye kya kare", "6"),  # what do I do to see my data: not what is done with it
])
def test_the_wordings_beside_them_are_answered(assistant, question, section):
    assert top_section(assistant.answer(question)) == section


def test_a_practice_done_to_phone_numbers_is_not_the_company_s_phone_number(assistant):
    reply = assistant.answer("Our developers noticed that full mobile numbers appear in API responses. Do you mask phone "
                             "numbers in your own internal logs?")
    assert reply.reason != "company" and not reply.answered
    assert assistant.answer("what is your phone number").reason == "company"


@pytest.mark.parametrize("question", ["do you use sub-processors?", "what do your sub processors do with my personal data"])
def test_whether_sub_processors_are_used_is_no_gap_only_their_names_are(assistant, question):
    assert assistant.answer(question).gap is None


@pytest.mark.parametrize("message, intent", [
    # a son who set the account up, or is shown grown, is no child's data: the request is the visitor's own
    ("My son set up this account for me while he was visiting from Bangalore and I don't know what he entered. I request "
     "access to all the details stored under my mobile number, please.", "access"),
    ("The billing address you have is my old flat in Dadar, I moved to Borivali last year after my son's marriage. "
     "Please update my address in your records.", "correction"),
    ("Mujhe meri saari details chahiye jo aapke paas hai, mera beta bolta hai ye mera haq hai. Please send me a report "
     "of all the data you have about me on my registered email.", "access"),
    # a participle that is not its verb's stem with an ending
    ("My number should be taken off your promotional SMS list.", "marketing_opt_out"),
])
def test_requests_go_to_the_visitors_own_form(assistant, message, intent):
    assert assistant.answer(message).handoff == intent


@pytest.mark.parametrize("message", [
    "my son is 10 and he signed up on your site, delete his data",
    "my son told me he made an account on your site, he is in class 5. remove it",
    "my daughter created an account without asking me, she is 12",
])
def test_a_child_named_beside_a_grown_relative_is_still_a_childs_data_report(assistant, message):
    assert assistant.answer(message).handoff == "child_data"


@pytest.mark.parametrize("message", [
    "Is there any way to stop receiving marketing emails from Blue Messaggio? I don't want to do it right now, I'm only "
    "asking what options exist.",
    "Is it possible to get a copy of my data in a format I can move to another provider? I am not asking for it now, I "
    "only want to know whether the option exists.",
    "What does your company do if it finds out it collected data from a child by mistake? Nothing has happened, I'm just "
    "asking generally as a parent.",
    "Who do I contact if I have concerns about your privacy practices? I'm not making a complaint yet, I just want the "
    "contact details.",
    "unsubscribe wala option kaha milega? abhi nahi karna bas jaanna hai",
])
def test_a_question_said_to_be_only_asked_makes_no_request(assistant, message):
    reply = assistant.answer(message)
    assert reply.answered and reply.handoff is None


@pytest.mark.parametrize("message, intent", [
    ("I'm only asking, but please unsubscribe me anyway. Can you do that?", "marketing_opt_out"),
    ("I just want to know why you still send me sms after I unsubscribed? Stop it.", "marketing_opt_out"),
    ("delete my account. i just want to know if it will be done today?", "deletion"),
])
def test_a_request_made_beside_only_asking_still_hands_off(assistant, message, intent):
    assert assistant.answer(message).handoff == intent


def test_backups_are_declined_as_not_covered(assistant):
    reply = assistant.answer("is my data backed up somewhere in case your servers crash")
    assert not reply.answered and reply.reason == "not_covered"


@pytest.mark.parametrize("message", [
    "So now I ask every company this. How long do you keep my data after I close my account?",
    "Do your employees get any training on data security? I ask because a bank employee once leaked my account details "
    "to a loan agent and I never forgot it.",
    "What is the name and email of your grievance officer?",
])
def test_why_the_visitor_asks_and_an_officer_named_make_no_request(assistant, message):
    assert assistant.answer(message).handoff is None


@pytest.mark.parametrize("message, intent", [
    ("I ask you to delete my data", "deletion"),
    ("I am asking you to delete my account", "deletion"),
    ("I want to complain to your grievance officer that you leaked my number", "grievance"),
])
def test_asking_us_to_act_and_complaining_to_the_officer_still_hand_off(assistant, message, intent):
    assert assistant.answer(message).handoff == intent

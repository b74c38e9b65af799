"""Round 59 (session 34), from the misses of fresh60 (questions the policy answers, asked in everyday words) and the
last of fresh58's: the concrete words visitors use for what the policy lists or says (corpus/synonyms.yaml,
corpus/hinglish.yaml, corpus/textspeak.yaml), what it never says (corpus/gaps.yaml), a tag "right" that ends a message,
the answer asked for as a list, and a request to pull up what is held (app/engine/text.py, app/engine/intents.py,
intents.yaml). Tested with the team's own wordings next to the ones that must not change."""

import pytest

from tests.replies import top_section


# A "right" that ends the message asks to be told yes, as "right?" does: a question, not an instruction.
@pytest.mark.parametrize("question", [
    "ur not passing my email to marketers right",
    "u guys aren't selling my number to spammers right",
])
def test_a_tag_right_at_the_end_asks(assistant, question):
    reply = assistant.answer(question)
    assert reply.handoff is None and reply.answered and top_section(reply) == "4"


def test_an_instruction_ending_in_right_now_is_still_one(assistant):
    assert assistant.answer("delete my account right now").handoff == "deletion"


# The answer asked for as a list is no request for the visitor's data; a list of what is held on them is.
@pytest.mark.parametrize("question, section", [
    ("which companies can see my data? give me the list", "4"),
    ("what choices do i have about my data, list them out", "6"),
])
def test_asking_for_the_answer_as_a_list_is_a_question(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.handoff is None and reply.answered and top_section(reply) == section


@pytest.mark.parametrize("message", [
    "give me a list of all the data you hold on me",
    "pull up everything you have on me and send it",
])
def test_a_list_or_a_look_up_of_what_is_held_is_an_access_request(assistant, message):
    assert assistant.answer(message).handoff == "access"


def test_pulling_up_the_products_reports_is_no_access_request(assistant):
    assert assistant.answer("pull up all my campaign reports").handoff is None


# Hinglish: the law, relatives' children, a home address, a name written wrong, what is done with a detail.
@pytest.mark.parametrize("question, section", [
    ("kya kanoon ke liye mera data use hota hai", "3"),
    ("kya aap mera ghar ka address rakhte ho", "2"),
    ("mere number se aap kya karte ho", "3"),
])
def test_hinglish_questions_in_everyday_words(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == section


@pytest.mark.parametrize("message, form", [
    ("meri bhanji 11 saal ki hai, usne account bana liya, hata do", "child_data"),
    ("mera bhatija 10 saal ka hai aur usne profile banayi, delete karo", "child_data"),
    ("mera naam ulta pulta likha hai, sahi karo", "correction"),
])
def test_hinglish_requests_in_everyday_words(assistant, message, form):
    assert assistant.answer(message).handoff == form


# English in everyday words for what the policy says.
@pytest.mark.parametrize("question, section", [
    ("can schoolkids sign up", "9"),
    ("does your site see how many minutes i spend on a page", "2"),
    ("do you track which buttons i press in the app", "2"),
    ("what say do I have over my data", "6"),
    ("if a big company merges with you, does my data go to them", "4"),
    ("if the cyber cell asks for my data will you hand it over", "4"),
    ("do you hire people to hack your own systems to find holes", "5"),
    ("can i take my data with me to a rival provider", "6"),
    ("will you email me about product updates", "3"),
    ("am i signing off on this policy just by using the app", "1"),
])
def test_everyday_words_for_what_the_policy_says(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == section


# What the policy never says.
@pytest.mark.parametrize("question, topic", [
    ("which cipher do you use for encryption", "Kinds of encryption"),
    ("are passwords hashed", "Kinds of encryption"),
    ("who is the named person for grievances, with designation", "A data protection officer"),
    ("are calls to your helpline taped", "Whether calls with the company are taped"),
    ("can i talk to support in hindi", "The languages the company answers in"),
    ("can i complain to the cyber cell about you", "Complaining to a regulator"),
    ("if my account is hacked will i be told", "How and when you are told of a data breach"),
    ("if hackers get in will i get a message", "How and when you are told of a data breach"),
])
def test_what_the_policy_never_says_is_not_covered(assistant, question, topic):
    reply = assistant.answer(question)
    assert not reply.answered and reply.gap is not None and reply.gap.topic.startswith(topic)


# Their neighbours the policy answers.
@pytest.mark.parametrize("question, section", [
    ("is my data encrypted", "5"),
    ("what is your phone number", "12"),
    ("whats your full postal address", "12"),
    ("if i get hacked what should i do", "5"),
])
def test_what_the_policy_says_is_still_answered(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == section


def test_the_visitors_city_read_from_the_connection_is_no_technical_question(assistant):
    # the location data section 2 lists, not how the product works without internet
    reply = assistant.answer("can you work out my city from my internet connection")
    assert reply.gap is None or not reply.gap.topic.startswith("How the product works")
    assert assistant.answer("does the app work without internet").gap.topic.startswith("How the product works")


# The review of round 59: what the round's phrases first caught and must not.
@pytest.mark.parametrize("message, form", [
    ("the spelling of my name is not right", "correction"),  # what is said to be right, not a tag
    ("ur records of my address r all wrong, nothing is right", "correction"),
    ("what info do you store on me? give me the list", "access"),  # the list of what is held on the visitor
    ("give me a full list of my personal data you store", "access"),
    ("list them out, all the details u hold about me", "access"),
])
def test_requests_the_rounds_rules_must_leave_alone(assistant, message, form):
    assert assistant.answer(message).handoff == form


@pytest.mark.parametrize("question", [
    "how are you better than your rival providers like msg91",  # no moving of data
    "can i switch to another plan mid month",
    "account banane ke liye kya documents chahiye",  # what the product needs, not why data is taken
    "aap log sms se kya karte ho, bulk sms service hai kya?",  # what the company does, no data of the visitor's
    "i got a fake attack sms from someone pretending to be blue messaggio",
])
def test_product_questions_near_the_rounds_phrases_are_not_answered(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.handoff is None


def test_messages_through_the_platform_are_no_call_to_the_company(assistant):
    # Until session 36 the example was "are my whatsapp conversations recorded by you", answered from section 2. The
    # second look (SECOND_LOOK) now declines it: the section model gives it "no section answers" 0.91, as it does the
    # recording of calls, which the policy never mentions. It is still never the company's phone line.
    assert assistant.answer("are my whatsapp conversations recorded by you").reason != "company"
    reply = assistant.answer("are the whatsapp messages i send recorded by you")
    assert reply.answered and top_section(reply) == "2"


def test_data_sold_off_is_selling_not_a_sale_of_the_company(assistant):
    reply = assistant.answer("has my data been sold off to advertisers")
    assert reply.answered and reply.citations[0].clause.id == "s4-1"


@pytest.mark.parametrize("question", [
    "do you have hindi support for bulk sms, our customers are in UP",
    "what other languages do you support for otp sms",
])
def test_the_products_languages_are_not_the_companys(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and (reply.gap is None or not reply.gap.topic.startswith("The languages"))

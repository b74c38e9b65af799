"""Round 60 (session 34), from the misses of fresh61 (what the policy answers, as business customers and their staff
ask it): where the visitor's own people are is no question of where we are (app/engine/answering.py), a company
account's data asked for, someone else's DPO, the company's own rights protected (corpus/gaps.yaml,
corpus/synonyms.yaml), access kept out (intents.yaml), and Hinglish's "kya karna chahiye" (what should be done), no
wish (app/engine/lexicon.py). Tested with the team's own wordings next to the ones that must not change."""

import pytest

from tests.replies import top_section


@pytest.mark.parametrize("question, section", [
    ("does your system see which city our field staff log in from", "2"),
    ("does it depend on which country we are in whether these rights apply", "6"),
    ("can i get a copy of everything on our company account in a file we can move", "6"),
    ("if you get bought by a bigger firm, what happens to our contacts", "4"),
    ("how do you keep our data safe from unauthorized access", "5"),
    ("would you hand our data to someone to protect your own rights", "4"),
])
def test_business_customers_questions_in_their_words(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.handoff is None and reply.answered and top_section(reply) == section


# Where we are is still ours, whoever asks and whatever the visitor says after it (the review of round 60).
@pytest.mark.parametrize("question", [
    "which city is your office in",
    "which country do you operate from, i want to visit",
    "what city is the company located in, i need it for my vendor form",
    "which country is Bluemessaggio registered in? we need it for GST invoicing",
    "what city is the HQ in? pls tell me",
    "Which country is the company from? our legal team is asking",
])
def test_where_the_company_is_is_still_answered_from_contact_us(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == "12" and "Mumbai" in reply.message


@pytest.mark.parametrize("question, topic", [
    ("can my boss see what i do on the company account", "What an employer"),
    ("can my employer get a copy of the messages I send on the work account?", "What an employer"),
    ("Will my boss be able to export my chat history from the company account?", "What an employer"),
    ("who is your dpo", "A data protection officer"),
    ("my dpo asked me to find out if you have a DPO", "A data protection officer"),
    ("how many days after i close my account is my data deleted", "How long data is kept"),
    ("how many days after i close my account will the refund of unused credits come?", "Prices"),
    ("what is the expiry period of your cookies", "How long cookies last"),
])
def test_what_the_policy_never_says_is_not_covered(assistant, question, topic):
    reply = assistant.answer(question)
    assert not reply.answered and reply.gap is not None and reply.gap.topic.startswith(topic)


def test_access_to_data_is_still_a_request(assistant):
    assert assistant.answer("i want access to my data").handoff == "access"


# "kya karna chahiye": what should be done, a question; "chahiye" alone, or a verb before it without "kya", a wish.
def test_what_should_be_done_in_hinglish_is_no_request(assistant):
    reply = assistant.answer("agar hamari company ko aapki policy se agree nahi hai toh kya karna chahiye, service use "
                             "karna band kar dein?")
    assert reply.handoff is None and reply.answered and top_section(reply) == "1"


def test_an_otps_expiry_is_no_cookies(assistant):
    reply = assistant.answer("what is the expiry period of the OTP you send")
    assert not reply.answered and (reply.gap is None or not reply.gap.topic.startswith("How long cookies"))


@pytest.mark.parametrize("message, form", [
    ("mujhe apna data dekhna chahiye kya kar sakte ho", "access"),  # "kya" asks what can be done, not what should
    ("mujhe apna data delete karwana chahiye", "deletion"),
    ("aapko mera data delete karna chahiye", "deletion"),
    ("kya mujhe mera data mil sakta hai, mujhe copy chahiye", "access"),
])
def test_wishes_in_hinglish_still_hand_off(assistant, message, form):
    assert assistant.answer(message).handoff == form


# A sentence that supposes is the condition of the question after it, not the visitor's situation.
def test_a_supposition_before_the_question_is_part_of_what_is_asked(assistant):
    reply = assistant.answer("Suppose you get acquired next year. What happens to the contacts we uploaded?")
    assert reply.answered and top_section(reply) == "4"
    assert reply.citations[0].clause.id.startswith("s4-business-transfers")


def test_the_visitors_situation_before_the_question_is_still_context(assistant):
    query = assistant.analyse("A parent got calls from other companies. Do you pass on the numbers we upload?")
    assert "calls" not in query.asked
    query = assistant.analyse("Suppose you get acquired next year. What happens to the contacts we uploaded?")
    assert "acquired" in query.asked

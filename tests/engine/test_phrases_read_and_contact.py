"""Session 48, from two reviews of fresh wordings (privacy questions in everyday words, and questions about reaching the
company): editors' phrases are read as visitors' messages are, so a phrase holding a word that text-speak or Hinglish
rewrites matches; the company's departments and channels that Contact Us does not list are declined with the contact
details; an attacker getting the visitor's data is a matter of security; and "server logs" name data, not a place.
Each kind is tested next to the wordings that must not change."""

import shutil
from pathlib import Path

import pytest

from app.engine.answering import load_assistant
from app.engine.lexicon import load_lexicons
from app.engine.retrieval import load_synonyms
from tests.replies import top_section

ROOT = Path(__file__).resolve().parents[2]


def test_a_phrase_is_read_as_a_message_is(assistant):
    lexicon = assistant.index.analyse.lexicon
    assert lexicon.read(("contact", "info")) == ("contact", "information")
    assert lexicon.read(("pincode",)) == ("postcode",)
    assert lexicon.read(("hindi", "mein", "reply")) == ("hindi", "in", "reply")
    assert lexicon.read(("server", "logs")) == ("server", "logs")  # words it does not rewrite stay


def test_editors_phrases_are_kept_as_read(assistant):
    """The phrases of gaps.yaml, company.yaml, synonyms.yaml and the request markers are matched against a message's
    words after the lexicon has read them: a phrase kept only as written would never match a message that holds it."""
    languages = next(g for g in assistant.index.gaps if g.topic.startswith("The languages"))
    assert ("hindi", "in", "reply") in languages.phrases
    lexicon = load_lexicons(ROOT / "corpus")
    synonyms = load_synonyms(ROOT / "corpus" / "synonyms.yaml", lexicon)
    phrases = {p for s in synonyms for p in s.when}
    assert ("inform", "about", "me") in phrases
    access = assistant.intents.get("access")
    assert ("pull", "up", "my", "inform") in access.markers


@pytest.mark.parametrize("message, expected", [
    ("contact info plz", "12"),  # company.yaml's "contact info", read "contact information"
    ("hindi mein reply karoge?", None),  # gaps.yaml's "hindi mein reply", read "hindi in reply": not covered
    ("pull up my info", "access"),  # intents.yaml's "pull up my info"
])
def test_phrases_holding_rewritten_words_now_match(assistant, message, expected):
    reply = assistant.answer(message)
    if expected == "access":
        assert reply.handoff == "access"
    elif expected is None:
        assert not reply.answered and reply.reason == "not_covered"
    else:
        assert reply.answered and top_section(reply) == expected


def test_an_editors_new_phrase_in_text_speak_takes_effect(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    with open(corpus / "gaps.yaml", "a", encoding="utf-8") as out:
        out.write("- topic: A fax line\n  company: true\n  when: [ur fax no]\n")
    edited = load_assistant(corpus)
    reply = edited.answer("what is ur fax no")
    assert not reply.answered and reply.gap is not None and reply.gap.topic == "A fax line"
    assert "+91 95612 34758" in reply.message  # the decline lists the contact details


def test_a_phrase_is_kept_as_written_too(assistant):
    """A message may hold a phrase's words spelt another way, which the lexicon leaves for the written form to match:
    "ur phn no pls" is read "your phone no please", which "phone no" matches as written (read: "phone number")."""
    lexicon = assistant.index.analyse.lexicon
    assert lexicon.readings(("phone", "no")) == (("phone", "no"), ("phone", "number"))
    assert lexicon.readings(("server", "logs")) == (("server", "logs"),)
    assert lexicon.readings(("kare",)) == (("kare",),)  # read as nothing: no second reading
    reply = assistant.answer("ur phn no pls")
    assert reply.answered and reply.reason == "company" and reply.message.startswith("Phone:")


@pytest.mark.parametrize("question", [
    "HR contact number",
    "careers email",
    "What's the billing department email?",
    "support ka alag email hai kya",
    "Is there a separate technical support email for API errors?",
    "press or media contact",
    "Do you have a mobile app for customer support?",
    "Who is the compliance head at Blue Messaggio?",
])
def test_a_department_or_channel_contact_us_does_not_list_is_declined_with_the_contact_details(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "not_covered" and reply.handoff is None
    assert "sales@bluemessaggio.com" in reply.message


@pytest.mark.parametrize("question, line", [
    ("what is your email", "Email:"),
    ("phone no?", "Phone:"),
    ("tel number", "Phone:"),
    ("call karne ke liye number batao", "Phone:"),
    ("Does Blue Messaggio have a phone line for questions about this policy?", "Phone:"),
    ("your full postal address with pincode pls", "Address:"),
    ("contact us section kya kehta hai", "If you have any questions"),
])
def test_our_own_contact_lines_are_still_answered(assistant, question, line):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == "12" and reply.message.startswith(line)


@pytest.mark.parametrize("question, section", [
    # the visitor's own HR or billing people, and their own compliance officer, are context
    ("Our HR team sends payslip alerts through you. Are our employees' phone numbers safe with you?", "5"),
    ("I'm the compliance officer at a small NBFC. Does your company trade or rent client data to anybody?", "4"),
    ("what for do you take my company name and job title", "3"),
])
def test_the_visitors_own_departments_are_no_contact_question(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == section


@pytest.mark.parametrize("question", [
    "Do you accept payment by UPI?",
    "Do you accept UPI payments?",
    "which payment modes do you have",
])
def test_how_a_bill_is_paid_is_a_product_question(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "not_covered"


@pytest.mark.parametrize("question, section", [
    ("do you store my upi payment details", "2"),
    ("Can I see which devices are logged into my account?", None),
    ("When the app crashes, do you get a report about it?", "2"),
    ("my app keeps crashing", None),
    ("do you follow what i do on your site to show me ads", "7"),
    ("does the app show ads", None),
    ("Do you keep the messages I send to my contacts?", "2"),
    ("do you read my contacts", None),
    ("Who should a parent contact if their child's info was collected?", "9"),
])
def test_the_exceptions_of_uncovered_topics(assistant, question, section):
    reply = assistant.answer(question)
    if section is None:
        assert not reply.answered and reply.reason == "not_covered"
    else:
        assert reply.answered and top_section(reply) == section


@pytest.mark.parametrize("question", [
    "Could hackers get my info?",
    "can hackers get my info lol",
    "what stops strangers from getting into my account data",
])
def test_an_attacker_getting_the_visitors_data_is_a_matter_of_security(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == "5"


@pytest.mark.parametrize("question", [
    "do advertisers get my info",
    "who gets my data",
])
def test_a_party_getting_the_visitors_data_is_still_sharing(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == "4"


def test_server_logs_are_data_not_a_place(assistant):
    reply = assistant.answer("Does your system keep server logs of my activity?")
    assert reply.answered and reply.clause.id == "s2-automatically-collected-information-4"
    # a server as a place where data is kept is still one
    assert top_section(assistant.answer("is my payment info stored on a server")) != "2"


@pytest.mark.parametrize("message", ["CN", "can", "could", "pls can", "would"])
def test_a_lone_word_of_asking_gets_a_reply(assistant, message):
    """"CN" (read "can") alone once raised an IndexError, a 500 for the visitor."""
    reply = assistant.answer(message)
    assert reply.kind in ("answer", "no_answer", "clarify", "smalltalk") and reply.handoff is None


def test_a_fact_about_us_is_declined_whichever_uncovered_topic_comes_first(assistant):
    # refunds are the prices' topic, listed before the departments' in gaps.yaml; the finance team's own address is
    # still a channel Contact Us does not list
    reply = assistant.answer("What is your finance team email for refunds?")
    assert not reply.answered and reply.reason == "not_covered"


@pytest.mark.parametrize("question, section", [
    ("What's the point of collecting my usage stuff?", "3"),
    ("whats the point of taking my phone number", "3"),
    ("what is the point of contact for privacy", "12"),
])
def test_the_point_of_collecting_asks_the_purpose(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == section


@pytest.mark.parametrize("message, intent", [
    ("delete my number from ur database asap. also what cookies do u use?", "deletion"),
    ("My 10-year-old son signed up on your platform, please remove his data. Also do you use cookies?", "child_data"),
    ("Please correct my company name in your records, it's misspelled. And what business info do you collect?",
     "correction"),
    ("No more sales calls please. And who do you share my phone number with?", "marketing_opt_out"),
])
def test_a_request_made_before_a_question_of_its_own_is_handed_off(assistant, message, intent):
    """The request heads read such a message as a question; what comes before the question, read alone, is a
    request both the markers and the heads find."""
    assert assistant.answer(message).handoff == intent


@pytest.mark.parametrize("message", [
    "I tried calling on a Saturday and nobody picked up, so maybe I got the timing wrong. What are your business hours?",
    "My colleague says once you give data to a company you can never get it deleted. Is deletion of personal "
    "information one of the rights your policy offers?",
    "Marketing wale emails nahi chahiye, lekin OTP aur billing wale aate rahein. Aisa setting ho sakta hai?",
    "Just wondering, if I objected to processing, could I still keep using the service?",
    "If a kid under 13 used our service, would you remove their data, and what do you collect from adults?",
])
def test_a_story_a_saying_or_a_condition_before_the_question_makes_no_request(assistant, message):
    assert assistant.answer(message).handoff is None


@pytest.mark.parametrize("message, section", [
    # "them" are the messages the uncovered question named
    ("How long do you retain my messages, and do you encrypt them?", "5"),
    # "and is my data ...": a question of its own, though it does not open its sentence
    ("How many messages per second can I send, and is the platform protected with access controls?", "5"),
])
def test_the_covered_question_of_two_is_answered(assistant, message, section):
    reply = assistant.answer(message)
    assert reply.answered and top_section(reply) == section


@pytest.mark.parametrize("question", [
    "How often do you run security audits?",
    "how frequently do you train your employees on security",
    "What happened in your last data breach?",
    "Do you have more than 100 employees?",
])
def test_a_frequency_a_past_breach_or_the_company_size_is_not_covered(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "not_covered"


@pytest.mark.parametrize("question, section", [
    ("how often do you update your privacy policy", "11"),  # "from time to time"
    ("If the company is sold, what happens to my phone number and email?", "4"),  # the visitor's e-mail, listed
])
def test_what_the_policy_says_of_them_is_still_answered(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == section


@pytest.mark.parametrize("question, line", [
    ("what is your phone number and email", "Phone:"),
    ("what is your email and office address", "Email:"),
])
def test_our_details_listed_together_are_still_ours(assistant, question, line):
    reply = assistant.answer(question)
    assert reply.answered and reply.reason == "company" and reply.message.startswith(line)

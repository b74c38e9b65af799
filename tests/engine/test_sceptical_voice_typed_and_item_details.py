"""Session 52, from three reviews of fresh wordings: worried, sceptical and angry visitors; a sweep of every item the
policy lists, with near misses; and messages typed in haste on a phone or dictated by voice. Each kind is tested next
to the wordings that must not change."""

import pytest

from tests.replies import declined_as_not_covered, top_section


@pytest.mark.parametrize("question, section", [
    # voice typing's homophones, where the real word cannot be meant
    ("weather you share my data with anyone", "4"),
    ("weather u share my data", "4"),
    # the company's words, not the visitor's: "info" is information, not "inform"
    ("who dose my info go to", "4"),
    # an outside company's app used through us; the European Union's countries by name
    ("im in germany how is my data protected wen transfered", "10"),
    # round the clock, and where a legal notice is served
    ("is ur support 24/7", "12"),
    ("where do I send a legal notice", "12"),
    # a small business's details
    ("I run a small shop in Pune. If I sign up will you know my shop's name and my role there?", "2"),
    # profiling for ads is targeted advertising
    ("are you profiling me for targeted ads", "7"),
    # a sale's price and a free-for-all are no price of ours
    ("how much did you get for selling my email address? must have been a nice payday", "4"),
    ("are there any safeguards when my data crosses borders or is it a free-for-all", "10"),
])
def test_wordings_of_the_reviews_are_answered_from_their_section(assistant, question, section):
    reply = assistant.answer(question)
    assert top_section(reply) == section and reply.handoff is None


@pytest.mark.parametrize("question, section", [
    ("what's the weather today", None),
    ("what are your office timings", "12"),
    ("whom do i inform about a breach", "12"),
    ("do you track which pages i visit on your site", "2"),
    ("do you share my data with the police", "4"),
    ("what happens to my data if you are bought by another company", "4"),
    ("is my data stored securely", "5"),
    ("do you use my data for profiling", None),
    ("i'm fine with you keeping my email", "2"),
])
def test_the_wordings_beside_them_do_not_move(assistant, question, section):
    assert top_section(assistant.answer(question)) == section


@pytest.mark.parametrize("message", [
    # a kind of data the policy never lists, asked in the passive or as the visitor's own
    "is my PAN card number stored",
    "Do you collect my browsing history from other websites?",
    "do you store voice recordings of me",
    # a detail the policy does not give about an item it lists
    "what are the names of your cloud and payment providers",
    "what helpdesk software do you use",
    "Are your security audits done by an external firm?",
    "Do you comply with COPPA?",
    # the company's money, fines, a plan left unpaid
    "wats ur companys revenue",
    "is there a fine if u leak my data",
    "wat happens to my data if i stop paying",
    # what happened once, asked as a fact
    "did you share my data with the police last month?",
    "has blue messaggio ever been bought by another company",
    "what did you do after your last security incident",
])
def test_topics_the_policy_does_not_cover_are_declined(assistant, message):
    reply = assistant.answer(message)
    assert declined_as_not_covered(reply)


@pytest.mark.parametrize("message, intent", [
    # a complaint threatened if the request is not met: the request is what is asked
    ("mera saara data delete karo abhi ke abhi, warna complaint karunga", "deletion"),
    ("delete all my data now or I will file a complaint", "deletion"),
    # what is in our records, corrected
    ("update the email address in your records, the old one got hacked, and do it fast", "correction"),
    ("dont process my info any more", "objection"),
])
def test_requests_hand_off(assistant, message, intent):
    reply = assistant.answer(message)
    assert reply.handoff and reply.intent == intent


@pytest.mark.parametrize("message, intent", [
    # a complaint made, and a threat beside it
    ("I want to complain, nobody replied, delete my data or I will escalate", "grievance"),
    ("I want to file a complaint about how you handled my data", "grievance"),
])
def test_a_complaint_made_stays_a_grievance(assistant, message, intent):
    assert assistant.answer(message).intent == intent


def test_the_do_not_disturb_register_is_no_opt_out_of_ours(assistant):
    reply = assistant.answer("how do i get on DND so your clients stop messaging me")
    assert reply.handoff is None and reply.intent != "marketing_opt_out" and not reply.answered


@pytest.mark.parametrize("message", ["helo", "hiii", "hellooo there", "gud morning", "u there?", "are you there",
                                     "anyone there?", "ok fine. thanks i guess"])
def test_greetings_typed_in_haste_are_small_talk(assistant, message):
    assert assistant.answer(message).kind == "smalltalk"


def test_emphasis_is_not_what_the_models_read(assistant):
    query = assistant.analyse("did you really train your staff or is it honestly just a template")
    words = assistant.model_words(query)
    assert "really" not in words and "honestly" not in words and "train" in words and "staff" in words


@pytest.mark.parametrize("message, collected", [
    ("is my pan card number stored", True),
    ("are our contacts kept", True),
    ("will you have my email id", True),
    ("do you know my shop's name", True),
    ("do you have an office in bangalore", False),
    ("how is my data stored", False),
])
def test_whether_a_thing_is_taken_at_all(assistant, message, collected):
    from app.engine.answering import asks_if_collected
    assert asks_if_collected(assistant.analyse(message)) is collected

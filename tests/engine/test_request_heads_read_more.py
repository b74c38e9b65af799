"""Session 39: the section model file's request heads read more of what the rules' markers leave open.

- A request the markers find is handed off as another type when the heads are sure of that type and all but rule out
  the markers' one (MODEL_RETYPE, MODEL_RETYPE_FROM).
- A message with markers of one type, or a "no", may still be read by the heads as a request of another type: the
  rules keep only the types they have read (`Intents.had_their_say`).
- In a message of two sentences or more with no "?", each sentence is read on its own when the whole is not read as a
  request: the story before a request dilutes the heads' reading of it.
The wordings are the team's own, in no table."""

from __future__ import annotations

import pytest

from app.engine.answering import MODEL_REQUEST, MODEL_REQUEST_TYPE, MODEL_RETYPE, MODEL_RETYPE_FROM
from app.engine.intents import Detection
from app.engine.text import analyse
from app.engine.topics import REQUEST, REQUEST_TYPE


def _reading(assistant, message):
    return assistant.requests.probabilities(assistant.model_words(assistant.analyse(message)))


RETYPED = [
    # the markers read "moved to" as moving data elsewhere; the message asks for its address to be put right
    ("We moved to Thane, please update the address on my invoices", "portability", "correction"),
    ("I moved to Coimbatore two years ago, my billing address on the account still says Chennai, please change it",
     "portability", "correction"),
    # ("I keep getting festive offer emails from you, kindly remove me from them": since session 54 the markers read
    # "remove me from them" after the marketing named as the opt-out, tests/engine/test_voice_recipients_and_plain_no.py)
]


@pytest.mark.parametrize("message, marked, intent", RETYPED)
def test_the_heads_retype_a_request_the_markers_misread(assistant, message, marked, intent):
    found = assistant.intents.detect(assistant.analyse(message))
    assert found is not None and found.request and found.intent.name == marked
    reading = _reading(assistant, message)
    assert reading[REQUEST_TYPE + intent] >= MODEL_RETYPE and reading[REQUEST_TYPE + marked] <= MODEL_RETYPE_FROM
    reply = assistant.answer(message)
    assert reply.handoff == intent and reply.intent == intent
    assert reply.citations[0].clause.id == assistant.intents.get(intent).clause  # the clause granting that right


@pytest.mark.parametrize("message, marked, intent", RETYPED)
def test_retyping_is_the_gate_measured(assistant, message, marked, intent):
    """Above the heads' reading of the new type, or below their reading of the markers' one, the markers' type stands:
    the gates are the constants, not a habit of the model."""
    reading = _reading(assistant, message)
    saved = assistant.model_retype, assistant.model_retype_from
    try:
        assistant.model_retype = reading[REQUEST_TYPE + intent] + 1e-6
        assert assistant.answer(message).handoff == marked
        assistant.model_retype, assistant.model_retype_from = saved[0], reading[REQUEST_TYPE + marked] - 1e-6
        assert assistant.answer(message).handoff == marked
    finally:
        assistant.model_retype, assistant.model_retype_from = saved
    assert assistant.answer(message).handoff == intent


# A "no" the heads cannot read: they give the denied deletion as surely as a wished one, so a "no" keeps the markers'
# type (the review of session 39).
@pytest.mark.parametrize("message, intent", [
    ("I don't want my account deleted, just send me my data", "access"),
    ("Don't delete my account. Just send me my data.", "access"),
    ("mujhe account delete nahi karna, bas mera data bhej do", "access"),
    ("account delete mat karo, mera data bhej do", "access"),
    ("please don't erase my records, I only need a copy", "access"),
    ("I don't want my account deleted, just fix my email", "correction"),
    ("Do not send me a copy of my data. I just want it erased.", "deletion"),
])
def test_a_denied_type_is_never_retyped_to(assistant, message, intent):
    assert assistant.answer(message).handoff == intent


@pytest.mark.parametrize("message, intent", [
    ("delete my account and all my data", "deletion"),
    ("take me off your offers mailing list", "marketing_opt_out"),
    ("my sister is 11 and made an account on your site, plz erase her stuff", "child_data"),
])
def test_a_request_the_heads_agree_with_keeps_its_type(assistant, message, intent):
    found = assistant.intents.detect(assistant.analyse(message))
    assert found.intent.name == intent
    assert assistant.retyped(assistant.analyse(message), found) is found
    assert assistant.answer(message).handoff == intent


def test_retyping_keeps_the_detection_but_its_type(assistant):
    message = RETYPED[0][0]
    query = assistant.analyse(message)
    found = Detection(assistant.intents.get("portability"), True, 7)
    assert assistant.retyped(query, found) == Detection(assistant.intents.get("correction"), True, 7)


# A "no" said of something the visitor wants stopped: an objection, which the rules read no type in.
@pytest.mark.parametrize("message", [
    "mere data ka analysis mat karo",
])
def test_a_no_does_not_keep_the_heads_from_an_objection(assistant, message):
    query = assistant.analyse(message)
    assert assistant.intents.detect(query) is None
    assert not assistant.intents.had_their_say(query, "objection")
    reply = assistant.answer(message)
    assert reply.handoff == "objection"


# "No" said of the stopping itself: consent, not an objection.
@pytest.mark.parametrize("message", [
    "I am fine with you using my data, no need to stop",
    "I am ok with my data being used for analytics, no need to stop",
])
def test_a_no_to_stopping_is_no_objection(assistant, message):
    query = assistant.analyse(message)
    assert assistant.intents.said_no_to(query, "objection")
    assert assistant.answer(message).handoff is None


def test_a_type_intents_yaml_does_not_name_is_not_the_rules(assistant):
    assert not assistant.intents.had_their_say(assistant.analyse("please don't delete my account"), "no_such_type")


# The rules read these and said no; the heads, reading the same type, would hand them off, and do not.
@pytest.mark.parametrize("message, denied", [
    ("mera data delete mat karo", "deletion"),
    ("please don't delete my account", "deletion"),
    ("I dont want my email changed, keep the old one", "correction"),
    ("my account deactivated", "deletion"),
])
def test_a_type_the_rules_have_read_is_theirs(assistant, message, denied):
    query = assistant.analyse(message)
    reading = _reading(assistant, message)
    assert reading[REQUEST] >= MODEL_REQUEST and reading[REQUEST_TYPE + denied] >= MODEL_REQUEST_TYPE
    assert assistant.intents.had_their_say(query, denied)
    assert assistant.answer(message).handoff is None


def test_a_request_after_a_story_is_handed_off(assistant):
    message = ("Your reminder mail last week used a designation I left years ago, which made me curious how much you "
               "keep. Send me whatever personal records you have about me, old tickets included.")
    assert assistant.intents.detect(assistant.analyse(message)) is None  # no marker: the heads read it
    assert assistant.answer(message).handoff == "access"


@pytest.mark.parametrize("message, intent", [
    # (since session 40's retraining the heads read "Your reminder mail last week used a designation I left years ago,
    # which made me curious how much you keep. Send me whatever personal records you have about me, old tickets
    # included." as access whole: test_a_request_after_a_story_is_handed_off)
    # a "never" in the story, not in the request
    ("I tried your email tool during a free trial in 2023 and never paid for it. The trial ended long ago. Kindly "
     "share every personal detail you have stored under my email.", "access"),
])
def test_a_request_after_a_story_is_read_in_its_own_sentence(assistant, message, intent):
    query = assistant.analyse(message)
    assert assistant.intents.detect(query) is None
    assert assistant._learned_request(query) is None  # the whole message, read at once
    reply = assistant.answer(message)
    assert reply.handoff == intent


# A sentence read alone makes a request; the message asks ("?") or takes it back ("no" in a later sentence).
@pytest.mark.parametrize("message", [
    "r u open on sundays? want to call about my account data",
    "Lemme see all the stuff u got on me. Is that ok?",
    "Lemme see all the stuff u got on me. Actually never mind.",
    "Lemme see all the stuff u got on me. Wait, no. Not now.",
    "My profile still shows the email from my old job. Please don't swap it for the one I'm writing from.",
])
def test_a_message_that_asks_or_takes_it_back_is_not_handed_off_by_a_sentence(assistant, message):
    query = assistant.analyse(message)
    assert any(assistant._learned_request(one) is not None for one in query.sentence_queries)
    assert assistant.learned_request(query) is None
    assert assistant.answer(message).handoff is None


def test_sentence_queries_are_the_sentences_as_analysed():
    query = analyse("Hi team. Pls delete my data, thanks; and ur number?")
    assert [s.text for s in query.sentence_queries] == ["hi team", "please delete my data thanks", "your number"]
    assert [len(s.parts) for s in query.sentence_queries] == [1, 2, 1]
    assert query.sentence_queries[-1].parts[-1].question_mark
    assert analyse("delete my data").sentence_queries[0].words == analyse("delete my data").words


# Text-speak for a younger sibling and for "he's" / "she's" without the apostrophe (corpus/textspeak.yaml): the
# report is a child's, not a plain deletion; "bro" said to whoever reads stays a filler.
@pytest.mark.parametrize("message", [
    "my little bro made an acc on ur site hes 10 lol can u delete it",
    "my kid sis signed up on ur app, shes 11, remove her pls",
])
def test_a_younger_sibling_in_text_speak_is_a_childs_report(assistant, message):
    query = assistant.analyse(message)
    assert "brother" in query.words or "sister" in query.words
    assert assistant.answer(message).handoff == "child_data"


def test_bro_alone_is_still_no_sibling(assistant):
    query = assistant.analyse("hey bro, do you sell my data")
    assert "brother" not in query.words
    assert assistant.answer("hey bro, do you sell my data").handoff is None

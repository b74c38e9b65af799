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
    # the markers read "remove me" as a deletion; what is to stop is the marketing mail
    ("I keep getting festive offer emails from you, kindly remove me from them", "deletion", "marketing_opt_out"),
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
    """Above the model's reading, the markers' type stands: the gate is the constant, not a habit of the model."""
    sure = _reading(assistant, message)[REQUEST_TYPE + intent]
    saved, assistant.model_retype = assistant.model_retype, sure + 1e-6
    try:
        assert assistant.answer(message).handoff == marked
    finally:
        assistant.model_retype = saved


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


@pytest.mark.parametrize("message, intent", [
    ("Your reminder mail last week used a designation I left years ago, which made me curious how much you keep. "
     "Send me whatever personal records you have about me, old tickets included.", "access"),
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


@pytest.mark.parametrize("message", [
    "r u open on sundays? want to call about my account data",
    "We closed our shop last year. Is my data still with you? Send it over if so.",
])
def test_a_message_that_asks_is_not_read_sentence_by_sentence(assistant, message):
    query = assistant.analyse(message)
    assert assistant.learned_request(query) is None


def test_sentence_queries_are_the_sentences_as_analysed():
    query = analyse("Hi team. Pls delete my data, thanks; and ur number?")
    sentences = query.sentence_queries
    assert [s.words for s in sentences] == [words for _, words in query.sentences]
    assert [len(s.parts) for s in sentences] == [end - start for start, end in
                                                 zip([0] + [e + 1 for e, _ in query.sentences], [e + 1 for e, _ in query.sentences])]
    assert sum(len(s.parts) for s in sentences) == len(query.parts)
    assert sentences[-1].parts[-1].question_mark


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

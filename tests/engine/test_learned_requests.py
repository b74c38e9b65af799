"""Round 53: the section model file's request heads. A message shaped as a request that intents.yaml's markers find
no type in is handed off when the model is sure it makes one (MODEL_REQUEST), to the type it finds likeliest; the
rules keep every message their markers, or a "no", are in (since session 39 only for the types they have read:
tests/engine/test_request_heads_read_more.py), and a question is never handed off by the model. Also
"years old" with no age said ("the email on my profile is years old") is no child's-data report any more."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from app.engine.answering import MODEL_REQUEST, load_assistant
from app.engine.topics import (NO_SECTION, REQUEST, load_topic_model, request_heads, section_heads, split_requests,
                               write_topic_model)
from tests.replies import answer_with, answer_without

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "corpus" / "section-model.bin"


def _rules_alone(assistant, question):
    return answer_without(assistant, "requests", question)


def test_the_committed_file_has_a_request_head_and_one_per_request_type(assistant):
    model = load_topic_model(MODEL, expected_heads=None)
    types = [intent.name for intent in assistant.intents]
    assert model.heads == section_heads(assistant.index.policy) + request_heads(types)
    assert assistant.sections.heads == section_heads(assistant.index.policy)
    assert assistant.requests.heads == request_heads(types) and assistant.requests.heads[0] == REQUEST


# Requests in words no marker of intents.yaml holds (the team's own wordings, in no table).
@pytest.mark.parametrize("message, intent", [
    ("pls mail me a full dump of whatever ur systems hold under my number", "access"),
    ("my profile still shows the email from my old job, swap it for the one I'm writing from", "correction"),
    # read with the gate of session 30 (MODEL_REQUEST 0.92; the model's reading is between it and the old 0.95)
    ("pls get all my personal details off your servers, action this today", "deletion"),
])
def test_a_request_the_markers_miss_is_handed_off_by_the_model(assistant, message, intent):
    before = _rules_alone(assistant, message)
    assert before.handoff is None and assistant.intents.detect(assistant.analyse(message)) is None
    reply = assistant.answer(message)
    assert reply.handoff == intent and reply.intent == intent
    assert reply.citations[0].clause.id == assistant.intents.get(intent).clause  # the clause granting the right


# Asked, not told; or a "no" in the message; or an instruction about the product: the model does not hand off,
# however sure its request head is.
@pytest.mark.parametrize("message", [
    "is it possible to get a full dump of whatever ur systems hold under my number?",
    "my profile still shows the email from my old job, don't swap it for the one I'm writing from",
    "please update the email template",
    "send me whatever you have on pricing",
    "I got my details updated last month, all good now",
    # our details asked for, nothing of the visitor's named; a type the model is unsure of (the review of round 53)
    "your phone number and email please",
    "pls send ur details",
    "pls stop charging me",
])
def test_the_model_never_turns_a_question_a_no_or_the_product_into_a_request(assistant, message):
    reply = assistant.answer(message)
    assert reply.handoff is None


def test_the_gate_is_the_one_measured(assistant):
    """A reading just under MODEL_REQUEST is left to the rules: the gate is the constant, not a habit of the model."""
    message = "pls mail me a full dump of whatever ur systems hold under my number"
    sure = assistant.requests.probabilities(assistant.model_words(assistant.analyse(message)))[REQUEST]
    assert sure >= MODEL_REQUEST
    saved, assistant.model_request = assistant.model_request, sure + 1e-6
    try:
        assert assistant.answer(message).handoff is None
    finally:
        assistant.model_request = saved


def test_a_section_model_file_without_request_heads_still_answers(tmp_path):
    """An older file, trained before the request heads: the sections are read as before and the rules alone decide
    what is a request."""
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    sections, _ = split_requests(load_topic_model(MODEL, expected_heads=None))
    vocabulary = sorted(sections.vocabulary, key=sections.vocabulary.get)
    write_topic_model(corpus / "section-model.bin", vocabulary, sections.idf, sections.coef, sections.intercept,
                      sections.heads, sections.info)
    older = load_assistant(corpus)
    assert older.requests is None and older.sections.heads == sections.heads
    message = "pls mail me a full dump of whatever ur systems hold under my number"
    assert older.answer(message).handoff is None
    assert older.answer("delete my account").handoff == "deletion"
    assert np.array_equal(older.sections.coef, sections.coef)


# "years old" tells a child's age only after a number: a detail that is years old is no child's-data report.
@pytest.mark.parametrize("message, intent", [
    ("the email on my profile is years old, swap it for my new one", "correction"),
    ("the number you have is years old, please update it", "correction"),
    ("my 11 year old signed up, remove her data", "child_data"),
    ("my eleven year old made an account, delete it", "child_data"),
    ("my daughter is 12 years old and signed up, delete her account", "child_data"),
])
def test_years_old_marks_a_child_only_after_an_age(assistant, message, intent):
    assert assistant.answer(message).handoff == intent


# Session 32: a request the markers find is not handed off when both of the model's readings doubt it (MODEL_VETO,
# MODEL_VETO_NONE): an instruction about the product in a right's words. The team's own wordings.
@pytest.mark.parametrize("message, marked", [
    # (session 41: "stop the broadcast i scheduled ..." is now no request by the markers' own reading, a deed on the
    # product with nothing of the visitor's named; the veto is tested on the same scene sent as sms)
    ("stop the sms i scheduled for tonight, the excel had errors", "portability"),  # "excel"
    ("draft a diwali offer template for our whatsapp broadcast", "marketing_opt_out"),  # "offer"
])
def test_a_request_both_readings_doubt_is_not_handed_off(assistant, message, marked):
    query = assistant.analyse(message)
    found = assistant.intents.detect(query)
    assert found is not None and found.request and found.intent.name == marked
    words = assistant.model_words(query)
    assert assistant.requests.probabilities(words)[REQUEST] < assistant.model_veto
    assert assistant.sections.probabilities(words)[NO_SECTION] >= assistant.model_veto_none
    assert assistant.handoff_doubted(query)
    reply = assistant.answer(message)
    assert reply.handoff is None and not reply.answered
    assert answer_with(assistant, "model_veto", 0.0, message).handoff == marked  # the markers' request, without it


# A request that names the visitor ("me") or their data is never vetoed, however both readings doubt it: the review
# of the veto found genuine requests about the company's own product read as instructions ("... keep coming, opt me
# out", "send me my data before the plan expires"). The model taught with mistyped copies (session 38) no longer
# doubts these two, so the veto's bars are set here where any reading doubts them.
@pytest.mark.parametrize("message, intent", [
    ("send me my data before the plan expires", "access"),
    ("the plan renewal promos on whatsapp keep coming, opt me out", "marketing_opt_out"),
])
def test_a_request_naming_the_visitor_is_handed_off_whatever_the_readings(assistant, message, intent):
    assert assistant.answer(message).handoff == intent
    # Bars at which both readings doubt every request: the veto stops an instruction, not a request naming the visitor.
    instruction = "stop the broadcast i scheduled for tonight, the excel had errors"
    assert answer_with(assistant, "model_veto", 1.01, instruction, model_veto_none=0.0).handoff is None
    assert answer_with(assistant, "model_veto", 1.01, message, model_veto_none=0.0).handoff == intent


# The veto leaves alone a request either reading believes: the request heads sure of it, or the section heads finding
# the section on rights.
@pytest.mark.parametrize("message, intent", [
    ("please delete my account", "deletion"),
    ("stop sending me promotional sms", "marketing_opt_out"),
    ("export my data to excel", "portability"),
])
def test_a_request_the_model_reads_as_one_is_handed_off_as_before(assistant, message, intent):
    assert not assistant.handoff_doubted(assistant.analyse(message))
    assert assistant.answer(message).handoff == intent

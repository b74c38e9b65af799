"""Answering: extractive replies, small talk, and abstention."""

from pathlib import Path

import pytest
import yaml

from app.answering import MAX_CITATIONS, classify_smalltalk, load_assistant
from app.text import analyse

ROOT = Path(__file__).resolve().parent.parent
CASES = yaml.safe_load((ROOT / "tests" / "data" / "retrieval_cases.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def assistant():
    return load_assistant(ROOT / "corpus")


def test_answer_is_a_verbatim_clause(assistant):
    reply = assistant.answer("Do you share my information with the police?")
    assert reply.answered
    texts = {c.text for c in assistant.index.policy.clauses}
    assert reply.message in texts
    assert reply.clause.text == reply.message


def test_citations_are_best_first_distinct_sections_at_most_three(assistant):
    for case in CASES["answered"]:
        reply = assistant.answer(case["q"])
        scores = [h.score for h in reply.citations]
        assert scores == sorted(scores, reverse=True)
        sections = [h.clause.section for h in reply.citations]
        assert len(sections) == len(set(sections)) <= MAX_CITATIONS


def test_abstention_rate_on_team_table(assistant):
    """The calibrated threshold keeps abstention on unanswerable questions at the bar."""
    replies = [assistant.answer(c["q"]) for c in CASES["not_answered"]]
    assert all(r.citations == [] for r in replies if not r.answered)
    assert sum(not r.answered for r in replies) / len(replies) >= 0.8


def test_no_answer_points_to_contact_details(assistant):
    reply = assistant.answer("what's the capital of France")
    assert reply.kind == "no_answer"
    assert "doesn't cover" in reply.message
    assert "sales@bluemessaggio.com" in reply.message and "+91 95612 34758" in reply.message


def test_gap_reply_names_the_topic(assistant):
    reply = assistant.answer("how long do you retain my messages")
    assert reply.gap is not None
    assert reply.gap.topic.lower() in reply.message


@pytest.mark.parametrize("text, kind", [
    ("hi", "greeting"), ("Hello there!", "greeting"), ("good morning", "greeting"),
    ("thanks", "thanks"), ("thank you so much", "thanks"), ("ok bye", "thanks"),
    ("hi, do you sell my data?", None), ("thanks but can I delete my account", None), ("", None),
])
def test_smalltalk(text, kind):
    assert classify_smalltalk(analyse(text)) == kind


def test_smalltalk_reply_has_no_citation(assistant):
    reply = assistant.answer("Hello!")
    assert reply.kind == "smalltalk" and not reply.answered and reply.citations == []

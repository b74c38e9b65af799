"""The second look at an answer (`SECOND_LOOK`, session 36): a logistic model, learnt out of fold on the team's tables
by `python -m bench.second_look`, of the chance that no section answers a question retrieval chose a clause for. Above
`SECOND_LOOK_DECLINES` the answer becomes the plain "the policy doesn't cover that" with the contact details."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.engine.answering import SECOND_LOOK, SECOND_LOOK_DECLINES, load_assistant
from tests.replies import answer_without

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def assistant():
    return load_assistant(ROOT / "corpus")


def _doubt(assistant, question: str) -> float:
    """The second look's probability that no section answers, read on the answer it would judge."""
    reply = answer_without(assistant, "second_look", question)
    assert reply.answered and reply.reason is None and not reply.handoff, "not an answer retrieval chose"
    assert assistant.second_look == SECOND_LOOK
    return assistant.second_look_doubt(assistant.analyse(question), reply)


# Questions about the product and things the policy never says, whose words retrieval finds in section 6 (access,
# deletion, "your rights"): without the second look each was answered with a clause of it.
@pytest.mark.parametrize("question", [
    "How do I give my marketing intern read-only access to the dashboard?",
    "download the march statement and mail it to our accounts team",
    "how do i delet a contact grup from my dashbord",
    # (until session 49 "How many businesses use Blue Messaggio right now?", whose "right" now names no right)
    "can I get access to the beta dashboard",
])
def test_an_answer_the_second_look_doubts_is_declined_plainly(assistant, question):
    assert _doubt(assistant, question) >= SECOND_LOOK_DECLINES
    reply = assistant.answer(question)
    assert reply.kind == "no_answer" and reply.reason == "unsure"
    assert not reply.citations and reply.contact and "Email" in reply.message
    assert reply.top is not None  # the clause that was nearly quoted, for the editors' log


@pytest.mark.parametrize("question, clause", [
    ("how do I delete my data", "s6-correction-and-deletion-2"),
    ("can I opt out of marketing emails", "s6-marketing-communications-1"),
    ("is my data encrypted", "s5-2"),
    ("do you sell my phone number", "s4-1"),
    ("what cookies do you use", "s7-types-of-cookies-we-use-1"),
    ("are the whatsapp messages i send recorded by you", "s2-personal-information-6"),
])
def test_the_questions_the_policy_answers_keep_their_answers(assistant, question, clause):
    assert _doubt(assistant, question) < 0.1
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.id == clause


@pytest.mark.parametrize("message, check", [
    ("I want my data deleted", lambda r: r.handoff == "deletion"),  # a request hands off, as before
    ("what is your email address", lambda r: r.answered and r.reason == "company"),  # the company's details
])
def test_handoffs_and_the_companys_details_are_not_looked_at_again(assistant, message, check):
    assert assistant.second_look_features(assistant.analyse(message), assistant.answer(message)) is not None
    assert check(assistant.answer(message))
    assert answer_without(assistant, "second_look", message).citations == assistant.answer(message).citations


def test_without_the_section_model_there_is_no_second_look(assistant):
    question = "download the march statement and mail it to our accounts team"
    reply = answer_without(assistant, "second_look", question)
    assert assistant.second_look_features(assistant.analyse(question), reply) is not None
    saved = assistant.sections
    assistant.sections = None
    try:
        assert assistant.second_look_features(assistant.analyse(question), reply) is None
        assert not assistant.doubts_answer(assistant.analyse(question), reply)
    finally:
        assistant.sections = saved


@pytest.mark.shared_train  # the tables' folds include the labelled training questions, read from ../shared/train
# The fit takes about 13 minutes on a quiet 2-CPU machine (12 min 52 s in session 42), near the suite's 15-minute
# limit for a stuck test, and went past it on a loaded one (a local CI run of session 42). Slow, not stuck: 40 minutes.
@pytest.mark.timeout(2400)
def test_bench_second_look_fits_the_committed_weights(shared_train_dir, monkeypatch):
    """`SECOND_LOOK` is what bench.second_look fits: after retraining the section model or changing answering, rerun
    it and copy the weights it prints."""
    from bench.second_look import fitted

    assert shared_train_dir.is_dir(), f"{shared_train_dir} not found (REQUIRE_SHARED_DATA=1 needs it)"
    monkeypatch.setenv("SHARED_TRAIN_DIR", str(shared_train_dir))
    weights, _ = fitted()
    assert weights == pytest.approx(SECOND_LOOK, abs=0.002)


@pytest.mark.parametrize("question, clause", [
    ("how do i delet a contact grup from my dashbord", "s6-correction-and-deletion-2"),
    ("are my whatsapp conversations recorded by you", "s2-personal-information-6"),
])
def test_a_wording_an_editor_linked_to_a_clause_is_answered_with_it_whatever_the_second_look_reads(question, clause):
    """The review page's "link to a clause" (kept as a phrasing of it) decides the wording: the second look, which
    declines it unlinked, leaves it alone, and a slip of case or a stop word asks the same."""
    assert not load_assistant(ROOT / "corpus").answer(question).answered
    linked = load_assistant(ROOT / "corpus", extra_phrasings={clause: [question]})
    for asked in (question, question.upper(), question.replace(" my ", " the ")):
        reply = linked.answer(asked)
        assert reply.answered and reply.citations[0].clause.id == clause, asked
    assert _doubt(linked, question) >= SECOND_LOOK_DECLINES  # it is the link that stands, not a change of reading

""""See also" from the section model (`SEE_ALSO`, session 37): when retrieval's further citations leave room, the
sections the model learnt from the visitors' wording finds likely are cited after the quoted clause, so that a visitor
whose answer came from the wrong section still finds the one that answers a click away."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from app.engine.answering import MAX_CITATIONS, SEE_ALSO, SEE_ALSO_COMPANY, load_assistant
from app.engine.topics import NO_SECTION
from tests.replies import answer_with

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def assistant():
    return load_assistant(ROOT / "corpus")


def _sections(reply) -> list[str]:
    return [hit.clause.section for hit in reply.citations]


def reading(assistant, question: str) -> dict[str, float]:
    """The section model's reading of a question."""
    return assistant.sections.probabilities(assistant.model_words(assistant.analyse(question)))


# The quoted clause is not the one that answers; the section that does is now under "See also".
@pytest.mark.parametrize("question, quoted, answers", [
    ("do I have the right to say no to cookies", "6", "7"),
    # (session 50: "where are your servers" now quotes the cloud hosting of section 4, as "where do your servers sit"
    # does; the countries of section 10 come under "See also")
    ("where do your servers sit", "4", "10"),
    ("can I limit what you gather about me while I browse", "2", "7"),
])
def test_the_section_the_model_finds_likely_is_cited_under_see_also(assistant, question, quoted, answers):
    without = answer_with(assistant, "see_also_at", 1.01, question)
    assert without.answered and answers not in _sections(without)
    reply = assistant.answer(question)
    assert reply.answered and _sections(reply)[0] == quoted
    assert answers in _sections(reply)[1:]
    assert reply.message == without.message and reply.quotes == without.quotes  # the answer itself is unchanged


@pytest.mark.parametrize("question", [
    "do I have the right to say no to cookies",
    "where are your servers",
    "how long do you keep my data",
    "do you sell my phone number",
    "what cookies do you use",
])
def test_see_also_adds_only_the_likeliest_sections_never_twice_at_most_three_best_first(assistant, question):
    reply = assistant.answer(question)
    without = answer_with(assistant, "see_also_at", 1.01, question)
    sections = _sections(reply)
    assert len(sections) <= MAX_CITATIONS and len(set(sections)) == len(sections)
    assert reply.citations[: len(without.citations)] == without.citations  # retrieval's own come first, as they were
    read = reading(assistant, question)
    added = sections[len(without.citations):]
    likely = sorted((h for h in read if h != NO_SECTION and h not in _sections(without) and read[h] >= SEE_ALSO),
                    key=lambda h: -read[h])
    assert set(added) == set(likely[: MAX_CITATIONS - len(without.citations)])
    scores = [hit.score for hit in reply.citations]
    assert scores == sorted(scores, reverse=True)  # best first, as the API says


def test_a_section_the_policy_no_longer_has_is_never_cited(assistant):
    """A head of the section model whose section a new version of the policy dropped is renamed `gone:N`
    (`topics.for_policy`): it is never a "see also"."""
    question = "where are your servers"
    assert "10" in _sections(assistant.answer(question))
    moved = copy.copy(assistant.sections)
    moved.heads = tuple("gone:10" if h == "10" else h for h in moved.heads)
    moved.topics = moved.heads[1:]
    reply = answer_with(assistant, "sections", moved, question)
    assert reply.answered and "10" not in _sections(reply)
    assert all(not s.startswith("gone:") for s in _sections(reply))


def test_declines_and_handoffs_get_no_see_also(assistant):
    declined = assistant.answer("what are your sms prices per message")
    assert not declined.answered and not declined.citations
    handed = assistant.answer("please delete my account and all my data")
    assert handed.handoff == "deletion"
    assert handed.citations == answer_with(assistant, "see_also_at", 1.01, "please delete my account and all my data").citations


# A question about the company is answered with its line of "Contact Us"; the section the question is also about
# follows under "See also".
@pytest.mark.parametrize("question, also", [
    ("who do I contact to exercise my rights", "6"),
    ("erasure request - which mail address should that go to?", "6"),
    ("who runs this service", "1"),
])
def test_a_company_detail_gets_see_also_too(assistant, question, also):
    reply = assistant.answer(question)
    assert reply.reason == "company" and _sections(reply)[0] == "12"
    assert also in _sections(reply)[1:]
    assert answer_with(assistant, "see_also_company", 1.01, question).citations == reply.citations[:1]
    assert reading(assistant, question)[also] >= SEE_ALSO_COMPANY


@pytest.mark.parametrize("question", ["what is your phone number", "where is your office", "aapki company ka address kya hai"])
def test_a_company_detail_the_model_sees_nothing_else_in_keeps_one_citation(assistant, question):
    reply = assistant.answer(question)
    assert reply.reason == "company" and _sections(reply) == ["12"]


# The model reads some of the company's own details as the visitor's (the office's location as the visitor's, our
# number as theirs): under SEE_ALSO_COMPANY, not SEE_ALSO, they are not linked.
# (until session 54 "location of your office?", which the retrained model reads as the visitor's location at 0.5)
@pytest.mark.parametrize("question", ["office location please", "Kindly share your customer care number"])
def test_a_company_detail_is_held_to_a_higher_bar(assistant, question):
    reply = assistant.answer(question)
    assert reply.reason == "company" and _sections(reply) == ["12"]
    assert len(answer_with(assistant, "see_also_company", SEE_ALSO, question).citations) > 1

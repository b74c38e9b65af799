"""Turn retrieval results into what the assistant says: a quoted clause, small
talk, or a plain "the policy doesn't cover that".

Answers are extractive: the text shown is a clause of the policy, verbatim, or
one of the fixed replies below. Nothing is generated.

    >>> assistant = Assistant(load_index("corpus"))
    >>> reply = assistant.answer("Do you sell my data?")
    >>> reply.answered, reply.clause.id
    (True, 's4-1')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from pathlib import Path

from .corpus import Clause
from .intents import Detection, Intents, load_intents
from .retrieval import Gap, Hit, Index, SearchResult, load_index
from .text import Query, stem, words

DEFAULT_INTENTS = Path(__file__).resolve().parent.parent / "intents.yaml"

# Calibrated with bench/calibrate.py on tests/data/retrieval_cases.yaml; the
# README ("How answers are chosen") records how.
MIN_CONFIDENCE = 0.2
MIN_SCORE = 4.0
# Further citations must score at least this share of the best one.
CITATION_CUTOFF = 0.3
MAX_CITATIONS = 3

_GREETINGS = {"hi", "hello", "hey", "hiya", "howdy", "namaste", "greetings", "yo", "morning",
              "afternoon", "evening", "good", "there", "anyone", "is", "here"}
_THANKS = {"thanks", "thank", "thx", "ty", "cheers", "great", "ok", "okay", "cool", "perfect", "nice",
           "awesome", "helpful", "that", "was", "very", "so", "much", "you", "a", "lot", "bye",
           "goodbye", "see", "later", "ya", "got", "it", "for", "the", "help", "good", "day", "night"}
_SMALLTALK_REPLIES = {
    "greeting": "Hello! Ask me anything about Blue Messaggio's privacy policy, for example "
                "\"What information do you collect?\" or \"Can I delete my data?\"",
    "thanks": "You're welcome. If you have another question about the privacy policy, just ask.",
}
DEVANAGARI_REPLY = ("I can only read messages typed in English letters: English, or Hindi typed in English letters "
                    "(for example \"kya aap mera data share karte ho?\"). The privacy policy itself is published in "
                    "English. You can also write to Blue Messaggio directly:")


@dataclass
class Reply:
    """What the assistant says to one question."""

    question: str
    kind: str  # "answer", "no_answer" or "smalltalk"
    message: str  # what a person is shown
    citations: list[Hit] = field(default_factory=list)
    confidence: float = 0.0
    top: Hit | None = None  # best candidate, even when not answered (for the log)
    gap: Gap | None = None
    intent: str | None = None  # the request type, when the visitor is making a request
    handoff: str | None = None  # request type whose form the visitor is handed to
    offer: str | None = None  # request type whose form a question about that right may open
    note: str | None = None  # what the assistant says before the quote, for a handoff
    contact: dict[str, str] | None = None  # the policy's contact details, when not answered
    reason: str | None = None  # why not answered: "not_covered", "devanagari", "unclear"

    @property
    def answered(self) -> bool:
        return self.kind == "answer"

    @property
    def clause(self) -> Clause | None:
        return self.citations[0].clause if self.answered else None


def classify_smalltalk(query: Query) -> str | None:
    """Return "greeting" or "thanks" when the message is only that, else None."""
    tokens = query.words
    if not tokens or len(tokens) > 8:
        return None
    token_set = set(tokens)
    if token_set <= _GREETINGS and token_set & {"hi", "hello", "hey", "hiya", "howdy", "namaste",
                                                  "greetings", "yo", "morning", "afternoon", "evening"}:
        return "greeting"
    if token_set <= _THANKS and token_set & {"thanks", "thank", "thx", "ty", "cheers", "bye", "goodbye",
                                               "ok", "okay", "cool", "great", "perfect", "awesome", "nice"}:
        return "thanks"
    return None


class Assistant:
    """Answers questions about the policy from an `Index`."""

    def __init__(self, index: Index, intents: Intents | None = None, min_confidence: float = MIN_CONFIDENCE,
                 min_score: float = MIN_SCORE):
        self.index = index
        self.intents = intents
        self.min_confidence = min_confidence
        self.min_score = min_score
        contact = index.policy.section(index.policy.sections[-1].number)
        self.contact_section = contact

    @cached_property
    def contact(self) -> dict[str, str]:
        """The "Label: value" lines of the last section (Contact Us), e.g. {"Email": "sales@..."}."""
        details = {}
        for clause in self.contact_section.clauses:
            for line in clause.text.split("\n"):
                label, sep, value = line.partition(": ")
                if sep and label.replace(" ", "").isalpha() and len(label) <= 20:
                    details[label] = value
        return details

    def no_answer_message(self, gap: Gap | None = None) -> str:
        """The plain "not covered" reply, with the policy's own contact details."""
        lead = (f"The privacy policy doesn't cover that ({gap.topic.lower()})." if gap
                else "The privacy policy doesn't cover that.")
        details = "\n".join(f"{label}: {value}" for label, value in self.contact.items())
        return f"{lead} Please contact Blue Messaggio directly:\n{details}"

    def answer(self, question: str) -> Reply:
        """Answer one question: quote the best clause, or say the policy doesn't cover it."""
        query = self.index.analyse(question)
        if query.devanagari and not query.terms:
            details = "\n".join(f"{label}: {value}" for label, value in self.contact.items())
            return Reply(question, "no_answer", f"{DEVANAGARI_REPLY}\n{details}", contact=self.contact,
                         reason="devanagari")
        small = classify_smalltalk(query)
        if small:
            return Reply(question, "smalltalk", _SMALLTALK_REPLIES[small])
        result = self.index.search(query)
        found = self.intents.detect(query) if self.intents else None
        if found and found.request:
            return self.hand_off(question, found, result)
        best = result.best
        if not self.confident(result):
            return Reply(question, "no_answer", self.no_answer_message(result.gap),
                         confidence=result.confidence, top=best, gap=result.gap, contact=self.contact)
        reply = Reply(question, "answer", best.clause.text, citations=self.cite(result.hits),
                      confidence=result.confidence, top=best)
        if found and self.index.policy.clause(found.intent.clause).section == reply.clause.section:
            # "Can I delete my data?" is answered from the policy, and may open the form.
            reply.offer = found.intent.name
        return reply

    def confident(self, result: SearchResult) -> bool:
        """True when the best clause is good enough to quote."""
        best = result.best
        return (result.gap is None and best is not None and result.confidence >= self.min_confidence
                and best.score >= self.min_score)

    def hand_off(self, question: str, found: Detection, result: SearchResult) -> Reply:
        """Reply to a request: quote the clause granting the right and hand off to its form."""
        intent = found.intent
        clause = self.index.policy.clause(intent.clause)
        scores = {hit.clause.id: hit.score for hit in result.hits}
        first = Hit(clause, scores.get(clause.id, result.best.score if result.best else 0.0))
        others = [hit for hit in self.cite(result.hits) if hit.clause.section != clause.section]
        citations = [first] + (others[: MAX_CITATIONS - 1] if self.confident(result) else [])
        return Reply(question, "answer", clause.text, citations=citations, confidence=result.confidence,
                     top=first, intent=intent.name, handoff=intent.name, note=intent.reply)

    def cite(self, hits: list[Hit]) -> list[Hit]:
        """Pick up to three citations, best first, at most one per section."""
        chosen: list[Hit] = []
        seen = set()
        for hit in hits:
            if hit.clause.section in seen or hit.score < CITATION_CUTOFF * hits[0].score:
                continue
            chosen.append(hit)
            seen.add(hit.clause.section)
            if len(chosen) == MAX_CITATIONS:
                break
        return chosen


def load_assistant(corpus_dir: str | Path, extra_phrasings: dict[str, list[str]] | None = None,
                   intents_file: str | Path | None = DEFAULT_INTENTS) -> Assistant:
    """Build the assistant from the policy and editor files in `corpus_dir` and `intents_file`."""
    index = load_index(Path(corpus_dir), extra_phrasings)
    intents = load_intents(intents_file, index.policy.has_clause) if intents_file else None
    return Assistant(index, intents)


# --- staff search -------------------------------------------------------------------------------------------------

# A run of word characters as a reader sees it ("e-mail", "third-party's").
_WORD_RUN = re.compile(r"\w+(?:[-.'’]\w+)*")


@dataclass(frozen=True)
class ClauseMatch:
    """A clause found for staff: its score and its text split into (piece, matched) parts."""

    clause: Clause
    score: float
    parts: tuple[tuple[str, bool], ...]


@dataclass(frozen=True)
class ClauseSearch:
    """Every clause that matches a staff query, best first."""

    query: str
    matches: list[ClauseMatch]
    confidence: float  # how much of the query the best clause explains (0..1)


def highlight(text: str, terms) -> tuple[tuple[str, bool], ...]:
    """Split `text` into (piece, matched) parts; a word is matched when its stem is one of `terms`.

        >>> highlight("We delete data.", {"delet"})
        (('We ', False), ('delete', True), (' data.', False))
    """
    terms = set(terms)
    parts: list[tuple[str, bool]] = []
    pos = 0
    for match in _WORD_RUN.finditer(text):
        if not any(stem(w) in terms for w in words(match.group(0))):
            continue
        if match.start() > pos:
            parts.append((text[pos:match.start()], False))
        parts.append((match.group(0), True))
        pos = match.end()
    if pos < len(text):
        parts.append((text[pos:], False))
    return tuple(parts)


def find_clauses(assistant: Assistant, query: str, k: int = 10) -> ClauseSearch:
    """Rank clauses for staff: more than the assistant would quote, with matched words marked.

    Unlike `Assistant.answer` there is no confidence cut-off, no small talk and
    no gap topic: an agent looking up "cookies" wants the cookie clauses.
    """
    result = assistant.index.search(query, k=k)
    matches = [ClauseMatch(hit.clause, hit.score, highlight(hit.clause.text, result.terms)) for hit in result.hits]
    return ClauseSearch(query, matches, result.confidence)

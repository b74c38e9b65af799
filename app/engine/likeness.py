"""How alike two questions are: what groups visitors' wordings for editors, and how far an editor's decision reaches.

A question's `Shape` is its content-word stems weighted by how rare they are in the policy (the retrieval index's
idf; a word the policy never uses weighs most), plus the question-topic model's probabilities:

    >>> a, b = assistant.shape("do you have a data protection officer"), assistant.shape("who is your DPO?")
    >>> a.words_like(b), a.topics_like(b)          # cosines, 0 to 1
    >>> a.close(b)                                 # both at least the thresholds below

A wording is close to a question when their words are alike (cosine of the weighted stems), the model sees the
same topics in them (cosine of the topic probabilities) and it has the question's weightiest word: the words
alone confuse "data protection officer" with "your office" (same stem), the topics alone put every question
about children together, and without the weightiest word "can I use the service without a phone number" would
reach "why do you need my phone number".

The thresholds were chosen with `python -m bench.closeness` on the team's tables (tests/data/wording_groups.yaml,
retrieval_cases.yaml, visitor_cases.yaml; README "Reviewing questions"): `GAP_WORDS` is the lowest value at which
marking every out-of-scope question of the tables "not covered" makes no question the tables expect answered
abstain, with a margin; `CLUSTER_WORDS` groups the wordings of one question of wording_groups.yaml and never two
of its questions.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

# A "not covered" decision reaches wordings at least this alike in words (and SAME_TOPICS in topics).
GAP_WORDS = 0.65
# The review page puts wordings at least this alike in one cluster (and SAME_TOPICS in topics).
CLUSTER_WORDS = 0.45
# Members of a cluster a new wording is compared with (see `group_alike`).
REPRESENTATIVES = 8
# Topic cosine above which two wordings are about the same thing (every same-question pair of the table is above).
SAME_TOPICS = 0.75


@dataclass(frozen=True)
class Shape:
    """A question reduced to what comparing it needs (build with `Assistant.shape`)."""

    terms: dict[str, float]  # content-word stem -> weight; the weights have unit length
    topics: tuple[float, ...] = ()  # the topic model's probabilities, unit length; () without a model
    topic: str | None = None  # the likeliest topic

    def words_like(self, other: Shape) -> float:
        """Cosine of the weighted stems: 1.0 for the same content words, 0.0 for none shared."""
        small, large = (self.terms, other.terms) if len(self.terms) <= len(other.terms) else (other.terms, self.terms)
        return sum(w * large.get(t, 0.0) for t, w in small.items())

    def topics_like(self, other: Shape) -> float:
        """Cosine of the topic probabilities (1.0 when either has none: no model, no veto)."""
        if not self.topics or not other.topics:
            return 1.0
        return sum(a * b for a, b in zip(self.topics, other.topics))

    @property
    def heaviest(self) -> frozenset[str]:
        """The stems that say most about this question (the highest weight; ties all count)."""
        top = max(self.terms.values(), default=0.0)
        return frozenset(t for t, w in self.terms.items() if w >= top - 1e-9)

    def close(self, other: Shape, words: float = GAP_WORDS, topics: float = SAME_TOPICS) -> bool:
        """Whether `other` asks what this question asks: alike in words and in topics, and sharing the word that
        says most about this one ("... without a phone number" is not "why do you need my phone number")."""
        return (self.words_like(other) >= words and self.topics_like(other) >= topics
                and bool(self.heaviest & other.terms.keys()))


def make_shape(weights: dict[str, float], probabilities: list[float] | None = None,
               topic: str | None = None) -> Shape:
    """A `Shape` from raw term weights and topic probabilities (both are scaled to unit length here)."""
    norm = math.sqrt(sum(w * w for w in weights.values()))
    terms = {t: w / norm for t, w in weights.items()} if norm else {}
    topics: tuple[float, ...] = ()
    if probabilities:
        length = math.sqrt(sum(p * p for p in probabilities))
        topics = tuple(p / length for p in probabilities) if length else ()
    return Shape(terms, topics, topic)


def group_alike(shapes: list[Shape], words: float = CLUSTER_WORDS, topics: float = SAME_TOPICS,
                representatives: int = REPRESENTATIVES) -> list[list[int]]:
    """Group shapes: each joins the group whose most alike representative is close enough, else starts one.

    A group's representatives are its first `representatives` members, so a wording may join through any of
    them (a small single link) while the work stays proportional to the number of groups, not of wordings.
    Returns lists of positions in `shapes`, each list in input order, groups in the order of their first member
    (so give the most important first). `words` must be above 0.

    Each stem keeps the representatives that have it, with their weights, in numpy arrays: a shape's cosine
    with every representative is summed stem by stem, in the shape's order, exactly as one would by hand
    (thousands of wordings of a big log: a tenth of the time of a dict per shape).
    """
    owner: list[int] = []
    groups: list[list[int]] = []
    by_term: dict[str, _Postings] = {}  # stem -> the representatives that have it, and their weights
    scores = np.zeros(len(shapes))  # the cosine of the current shape with each representative
    same_words: dict[frozenset, int] = {}  # content words -> the first shape with exactly those
    for i, shape in enumerate(shapes):
        words_of = frozenset(shape.terms)
        twin = same_words.get(words_of) if words_of else None
        if twin is not None:  # the same content words ("do u sell my data??"): no need to compare
            owner.append(owner[twin])
            groups[owner[twin]].append(i)
            continue
        same_words.setdefault(words_of, i)
        touched = []
        for term, weight in shape.terms.items():
            postings = by_term.get(term)
            if postings is not None:
                ids = postings.ids[:postings.size]
                scores[ids] += weight * postings.weights[:postings.size]
                touched.append(ids)
        best = None
        if touched:
            near = np.flatnonzero(scores[:i] >= words)
            for _, j in sorted(zip((-scores[near]).tolist(), near.tolist())):  # most alike first, then earliest
                if shape.topics_like(shapes[j]) >= topics:
                    best = j
                    break
            for ids in touched:
                scores[ids] = 0.0
        if best is None:
            owner.append(len(groups))
            groups.append([i])
        else:
            owner.append(owner[best])
            groups[owner[best]].append(i)
        if len(groups[owner[i]]) <= representatives:
            for term, weight in shape.terms.items():
                by_term.setdefault(term, _Postings()).add(i, weight)
    return groups


def nearest(shape: Shape, others: list[Shape], words: float = CLUSTER_WORDS, topics: float = SAME_TOPICS) -> int | None:
    """The position of the shape in `others` most alike in words to `shape` (the earliest of equals), at least
    `words` alike and `topics` alike in topics, as `group_alike` chooses a group; None if there is none."""
    best, best_score = None, 0.0
    for j, other in enumerate(others):
        score = shape.words_like(other)
        if score >= words and score > best_score and shape.topics_like(other) >= topics:
            best, best_score = j, score
    return best


class _Postings:
    """Positions and weights, in arrays that double when full."""

    __slots__ = ("ids", "weights", "size")

    def __init__(self):
        self.ids, self.weights, self.size = np.empty(8, dtype=np.intp), np.empty(8), 0

    def add(self, position: int, weight: float) -> None:
        if self.size == len(self.ids):
            self.ids = np.concatenate([self.ids, np.empty_like(self.ids)])
            self.weights = np.concatenate([self.weights, np.empty_like(self.weights)])
        self.ids[self.size], self.weights[self.size] = position, weight
        self.size += 1

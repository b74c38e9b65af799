"""Grouping alike wordings (app/engine/likeness.py): the fast grouping gives the groups of comparing by hand."""

from __future__ import annotations

import random

import pytest

from app.engine import likeness
from app.engine.likeness import make_shape


def group_by_hand(shapes, words, topics, representatives):
    """The grouping as the docstring says it, comparing each shape with every representative in plain Python.

    A shape with exactly the content words of an earlier one joins it unasked and represents nothing; any other
    becomes a representative while its group has at most `representatives` members.
    """
    owner, groups, chosen, seen = [], [], [], {}
    for i, shape in enumerate(shapes):
        key = frozenset(shape.terms)
        if key and key in seen:
            owner.append(owner[seen[key]])
            groups[owner[-1]].append(i)
            continue
        seen.setdefault(key, i)
        near = []
        for j in chosen:
            like = 0.0
            for term, weight in shape.terms.items():
                if term in shapes[j].terms:
                    like += weight * shapes[j].terms[term]
            if like >= words:
                near.append((-like, j))
        best = next((j for _, j in sorted(near) if shape.topics_like(shapes[j]) >= topics), None)
        if best is None:
            owner.append(len(groups))
            groups.append([i])
        else:
            owner.append(owner[best])
            groups[owner[best]].append(i)
        if len(groups[owner[i]]) <= representatives and shape.terms:
            chosen.append(i)
    return groups


def random_shapes(seed: int, count: int) -> list[likeness.Shape]:
    rng = random.Random(seed)
    stems = [f"w{n}" for n in range(40)]
    shapes = []
    for _ in range(count):
        terms = {t: rng.choice([0.5, 1.0, 2.0, 3.7]) for t in rng.sample(stems, rng.randrange(0, 6))}
        shapes.append(make_shape(terms, [rng.random() for _ in range(4)], "topic"))
    return shapes


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("words, topics, representatives", [(0.45, 0.75, 8), (0.65, 0.75, 2), (0.3, 0.0, 1)])
def test_the_groups_are_those_of_comparing_every_representative_by_hand(seed, words, topics, representatives):
    shapes = random_shapes(seed, 300)
    assert likeness.group_alike(shapes, words, topics, representatives) == \
        group_by_hand(shapes, words, topics, representatives)


def test_the_team_wordings_group_as_by_hand():
    from app.engine.answering import load_assistant
    from bench.closeness import DATA, ROOT
    from bench.quality import read_questions

    assistant = load_assistant(ROOT / "corpus")
    texts = sorted({r["question"] for name in ("retrieval_cases.yaml", "visitor_cases.yaml")
                    for r in read_questions(DATA / name)})
    shapes = [assistant.shape(t) for t in texts]
    found = likeness.group_alike(shapes, likeness.CLUSTER_WORDS, assistant.same_topics)
    assert found == group_by_hand(shapes, likeness.CLUSTER_WORDS, assistant.same_topics, likeness.REPRESENTATIVES)
    assert 1 < len(found) < len(texts)


A, B = [1.0, 0.0], [0.0, 1.0]  # two topics


@pytest.mark.parametrize("others, expected", [
    ([({"x": 1}, A), ({"data": 1, "sell": 1}, A), ({"data": 1, "sell": 1, "ads": 1}, A)], 1),  # the most alike
    ([({"data": 1, "sell": 1}, A), ({"sell": 1, "data": 1}, A)], 0),  # the earliest of equals
    ([({"data": 1, "sell": 1}, B), ({"data": 1, "sell": 1, "ads": 1}, A)], 1),  # another topic vetoes
    ([({"data": 1, "delete": 1, "account": 1, "phone": 1}, A)], None),  # too few words shared (0.35)
    ([], None),
])
def test_nearest_is_the_most_alike_in_words_of_those_alike_enough_in_topics(others, expected):
    shape = make_shape({"data": 1, "sell": 1}, A)
    assert likeness.nearest(shape, [make_shape(t, p) for t, p in others], 0.45, 0.75) == expected

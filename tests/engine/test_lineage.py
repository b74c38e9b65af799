"""Clause identity across versions: unchanged clauses keep their ids, changed ones get successors."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from app.engine.corpus import load_policy, parse_policy, with_ids
from app.engine.lineage import carry, compare, match_versions, word_diff
from tests.policy_edits import edit, renumber_from

SOURCE = (Path(__file__).resolve().parents[2] / "corpus" / "privacy-policy.md").read_text(encoding="utf-8")
V1 = load_policy(Path(__file__).resolve().parents[2] / "corpus" / "privacy-policy.md")
V1 = with_ids(V1, [c.id for c in V1.clauses], 1)
DELETION = "s6-correction-and-deletion-2"


NEW_SECTION = "## 7. Data Retention\n\nWe keep your personal information only as long as we need it to provide our services.\n\n"

# name, edited text, {old id: successors} expected, change kinds expected (in order of the new text)
EDGES = [
    ("reworded clause",
     edit(SOURCE, ("- Request deletion of your personal information",
                   "- Request deletion of all of your personal information")),
     {DELETION: [f"{DELETION}-v2"]}, ["reworded"]),
    ("removed bullet",
     edit(SOURCE, ("- Verify the accuracy of your information\n", "")),
     {"s6-access-and-portability-3": []}, ["removed"]),
    ("new bullet at the top of a list",
     edit(SOURCE, ("- Request correction of inaccurate information",
                   "- Request restriction of processing of your information\n"
                   "- Request correction of inaccurate information")),
     {}, ["added"]),
    ("clause moved to another section",
     edit(SOURCE, ("- Prevention of fraud or security threats\n", ""),
          ("- Incident Response: Procedures for handling security incidents",
           "- Incident Response: Procedures for handling security incidents\n"
           "- Prevention of fraud or security threats")),
     {"s4-legal-requirements-5": ["s5-7"]}, ["moved"]),
    ("new section inserted before section 7",
     renumber_from(SOURCE, 7).replace("## 8. Cookies", NEW_SECTION + "## 8. Cookies"),
     {}, ["added"]),
    ("clause split in two",
     edit(SOURCE, ("We do not sell, trade, or rent your personal information to third parties. We may share your "
                   "information in the following circumstances:",
                   "We do not sell, trade, or rent your personal information to third parties.\n\n"
                   "We may share your information in the following circumstances:")),
     {"s4-1": ["s4-1-v2", "s4-2"]}, ["split"]),
    ("two clauses merged",
     edit(SOURCE, ("- Request access to your personal information\n- Request a copy of your data in a portable format",
                   "- Request access to your personal information and a copy of your data in a portable format")),
     {"s6-access-and-portability-1": ["s6-access-and-portability-1-v2"],
      "s6-access-and-portability-2": ["s6-access-and-portability-1-v2"]}, ["merged"]),
    ("sub-heading renamed: its clauses move",
     edit(SOURCE, ("### Managing Cookies", "### Controlling Cookies")),
     {"s7-managing-cookies-1": ["s7-controlling-cookies-1"]}, ["moved"]),
]


@pytest.mark.parametrize("name, text, successors, kinds", EDGES, ids=[e[0] for e in EDGES])
def test_successors_across_the_edges(name, text, successors, kinds):
    matching = match_versions(V1, parse_policy(text), 2, {c.id for c in V1.clauses})
    assert matching.successors == successors
    changes = compare(V1, matching.policy, matching.successors)
    assert [c.kind for c in changes] == kinds
    # Every clause whose wording and place did not change keeps its id; every new id is unused before.
    unchanged = {(c.section_title, c.subsection, c.text): c.id for c in V1.clauses}
    new_ids = [c.id for c in matching.policy.clauses]
    assert len(set(new_ids)) == len(new_ids)
    for clause in matching.policy.clauses:
        old_id = unchanged.get((clause.section_title, clause.subsection, clause.text))
        if old_id is not None and old_id not in successors:
            assert clause.id == old_id
        else:
            assert clause.id not in {c.id for c in V1.clauses}
        assert clause.version == 2


def test_a_new_section_keeps_the_ids_of_the_sections_after_it():
    text = renumber_from(SOURCE, 7).replace("## 8. Cookies", NEW_SECTION + "## 8. Cookies")
    policy = match_versions(V1, parse_policy(text), 2, {c.id for c in V1.clauses}).policy
    cookies = policy.section("8").clauses
    assert [c.id for c in cookies] == [c.id for c in V1.section("7").clauses]
    # The new section's clause would be "s7-1", which version 1 gave to the cookies paragraph.
    assert [c.id for c in policy.section("7").clauses] == ["s7-1-v2"]


def test_the_same_text_is_the_same_clauses():
    matching = match_versions(V1, parse_policy(SOURCE), 2, {c.id for c in V1.clauses})
    assert matching.successors == {} and compare(V1, matching.policy, {}) == []
    assert [c.id for c in matching.policy.clauses] == [c.id for c in V1.clauses]


def test_a_wholly_rewritten_clause_is_removed_and_another_added():
    text = edit(SOURCE, ("- Verify the accuracy of your information", "- Ask us which partners received your data"))
    matching = match_versions(V1, parse_policy(text), 2, {c.id for c in V1.clauses})
    assert matching.successors == {"s6-access-and-portability-3": []}
    assert [c.kind for c in compare(V1, matching.policy, matching.successors)] == ["removed", "added"]


def test_ids_are_never_given_again_to_another_wording():
    used = {c.id for c in V1.clauses}
    v2_text = edit(SOURCE, ("- Request deletion of your personal information", "- Request erasure of your data"))
    v2 = match_versions(V1, parse_policy(v2_text), 2, used)
    used |= {c.id for c in v2.policy.clauses}
    v3_text = edit(v2_text, ("- Request erasure of your data", "- Request the erasure of your data"))
    v3 = match_versions(v2.policy, parse_policy(v3_text), 3, used)
    assert v2.successors == {DELETION: [f"{DELETION}-v2"]}
    assert v3.successors == {f"{DELETION}-v2": [f"{DELETION}-v3"]}
    steps = [({c.id for c in v2.policy.clauses}, v2.successors), ({c.id for c in v3.policy.clauses}, v3.successors)]
    assert carry([DELETION], steps) == [f"{DELETION}-v3"]
    assert carry(["s1-1"], steps) == ["s1-1"]


@pytest.mark.parametrize("old, new", [
    ("Request deletion of your personal information", "Request deletion of all of your personal information"),
    ("Request deletion of your personal information", "Request erasure of your data"),
    ("Opt-out of marketing communications", "Opt-out of marketing communications at any time"),
])
def test_word_diff_shows_both_texts_with_what_was_removed_and_added(old, new):
    left, right = word_diff(old, new)
    assert " ".join(text for kind, text in left) == old and " ".join(text for kind, text in right) == new
    removed = Counter(w for kind, text in left if kind == "del" for w in text.split())
    added = Counter(w for kind, text in right if kind == "ins" for w in text.split())
    assert removed == Counter(old.split()) - Counter(new.split())
    assert added == Counter(new.split()) - Counter(old.split())

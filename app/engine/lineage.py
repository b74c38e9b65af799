"""Clause identity across policy versions: which clause of a new text continues which clause of the old one.

A published clause keeps its id for as long as its wording and its place (section
title and sub-heading) stay the same, whatever the numbering around it. Every
other clause of a new version gets a fresh id, and each clause of the old version
that is gone gets its *successors*: the new clauses that carry its text on.

    >>> matching = match_versions(old, parse_policy(edited), number=2, used=ids_so_far)
    >>> matching.successors["s6-correction-and-deletion-2"]
    ['s6-correction-and-deletion-2-v2']

How a successor is found, in this order (each step only among clauses not yet matched):

1. same wording, same section title and sub-heading: the same clause, same id;
2. same wording elsewhere: moved (to another section or sub-heading);
3. reworded: the most similar pairs first, one to one, when the word sequences are at
   least `REWORDED` alike (difflib's ratio, plus `PLACE_BONUS` for the same section
   and again for the same sub-heading, so that of two equally close candidates the
   one in place wins); then, at the same place and position (the n-th clause under
   the same sub-heading in both), pairs at least `IN_PLACE` alike;
4. split: a new clause whose words come `CONTAINED` or more from one old clause
   (that clause then has several successors, the closest first);
5. merged: an old clause whose words are `CONTAINED` or more inside one new clause;
6. whatever is left: new clauses are added, old ones removed (no successor).

A fresh id is the clause's position id from the parser (`s7-1`) when no version
ever used it, else that id with `-v<number>` added (`s6-correction-and-deletion-2-v2`),
so an id names one wording in every version.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from .corpus import Clause, Policy, with_ids
from .text import words

REWORDED = 0.6
IN_PLACE = 0.4
PLACE_BONUS = 0.05
CONTAINED = 0.8
MIN_PART_WORDS = 3  # a fragment shorter than this is not taken for a split-off part


@dataclass(frozen=True)
class Change:
    """One difference between two versions: which clauses became which.

    kind: "reworded", "moved", "split", "merged", "rewritten" (several into several), "added" or "removed".
    """

    kind: str
    old: tuple[Clause, ...]
    new: tuple[Clause, ...]


@dataclass
class Matching:
    """A new text matched against the version before it."""

    policy: Policy  # the new text, its clauses under their lasting ids
    successors: dict[str, list[str]]  # old id -> successor ids, closest first; [] when removed; kept ids absent
    kept: list[str] = field(default_factory=list)

    @property
    def removed(self) -> list[str]:
        return [old for old, new in self.successors.items() if not new]


def _words(clause: Clause) -> list[str]:
    return words(clause.text)


def _similarity(a: list[str], b: list[str]) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _contained(part: list[str], whole: list[str]) -> float:
    """Share of the distinct words of `part` that occur in `whole`."""
    part_set = set(part)
    return len(part_set & set(whole)) / len(part_set) if part_set else 0.0


def _place(clause: Clause) -> tuple[str, str | None]:
    return clause.section_title, clause.subsection


def match_versions(old: Policy, new: Policy, number: int, used: set[str]) -> Matching:
    """Give the clauses of `new` (a fresh parse) their lasting ids and find each old clause's successors.

    `old` is the previous version with its ids; `number` the new version's number; `used` every id any
    earlier version gave (never given again to a different wording).
    """
    old_clauses, new_clauses = old.clauses, new.clauses
    assigned: dict[int, str] = {}  # new position -> kept id
    edges: dict[int, list[tuple[float, int]]] = {}  # old position -> [(closeness, new position)]
    free_old = set(range(len(old_clauses)))
    free_new = set(range(len(new_clauses)))

    # 1. Same wording in the same place: the same clause.
    by_key: dict[tuple, list[int]] = {}
    for i, clause in enumerate(old_clauses):
        by_key.setdefault((*_place(clause), clause.text), []).append(i)
    for j, clause in enumerate(new_clauses):
        candidates = by_key.get((*_place(clause), clause.text))
        if candidates:
            i = candidates.pop(0)
            assigned[j] = old_clauses[i].id
            free_old.discard(i)
            free_new.discard(j)

    # 2. Same wording elsewhere: moved.
    by_text: dict[str, list[int]] = {}
    for i in sorted(free_old):
        by_text.setdefault(old_clauses[i].text, []).append(i)
    for j in sorted(free_new):
        candidates = by_text.get(new_clauses[j].text)
        if candidates:
            i = candidates.pop(0)
            edges[i] = [(1.0, j)]
            free_old.discard(i)
            free_new.discard(j)

    # 3. Reworded: closest pairs first, one to one.
    old_words = [_words(c) for c in old_clauses]
    new_words = [_words(c) for c in new_clauses]
    pool_old, pool_new = set(free_old), set(free_new)
    pairs = []
    for i in pool_old:
        for j in pool_new:
            similarity = _similarity(old_words[i], new_words[j])
            if similarity >= REWORDED:
                o, n = old_clauses[i], new_clauses[j]
                bonus = PLACE_BONUS * (o.section_title == n.section_title) + PLACE_BONUS * (_place(o) == _place(n))
                pairs.append((similarity + bonus, -abs(i - j), i, j))
    for score, _, i, j in sorted(pairs, reverse=True):
        if i in free_old and j in free_new:
            edges[i] = [(score, j)]
            free_old.discard(i)
            free_new.discard(j)

    # 3b. Reworded more: what is left at the same place and position (n-th clause under the same sub-heading),
    # when at least `IN_PLACE` alike.
    def slot(clauses, k):
        place = _place(clauses[k])
        return place, sum(1 for c in clauses[:k] if _place(c) == place)

    old_slots = {slot(old_clauses, i): i for i in free_old}
    for j in sorted(free_new):
        i = old_slots.get(slot(new_clauses, j))
        if i is not None and i in free_old and _similarity(old_words[i], new_words[j]) >= IN_PLACE:
            edges[i] = [(_similarity(old_words[i], new_words[j]), j)]
            free_old.discard(i)
            free_new.discard(j)

    # 4. Split: a new clause made of an old clause's words.
    for j in sorted(free_new):
        if len(set(new_words[j])) < MIN_PART_WORDS:
            continue
        best = max(((_contained(new_words[j], old_words[i]), _similarity(old_words[i], new_words[j]), i)
                    for i in pool_old), default=None)
        if best and best[0] >= CONTAINED:
            edges.setdefault(best[2], []).append((best[1], j))
            free_old.discard(best[2])
            free_new.discard(j)

    # 5. Merged: an old clause inside a new one.
    for i in sorted(free_old):
        best = max(((_contained(old_words[i], new_words[j]), _similarity(old_words[i], new_words[j]), j)
                    for j in pool_new if j not in free_new), default=None)
        if best and best[0] >= CONTAINED:
            edges[i] = [(best[1], best[2])]
            free_old.discard(i)

    # Lasting ids: kept ones, then fresh ones in document order.
    taken = set(used) | set(assigned.values())
    ids = []
    for j, clause in enumerate(new_clauses):
        if j in assigned:
            ids.append(assigned[j])
            continue
        fresh = clause.id if clause.id not in taken else f"{clause.id}-v{number}"
        taken.add(fresh)
        ids.append(fresh)
    kept = set(assigned.values())
    successors = {old_clauses[i].id: [ids[j] for _, j in sorted(edges.get(i, []), key=lambda e: -e[0])]
                  for i in range(len(old_clauses)) if old_clauses[i].id not in kept}
    return Matching(with_ids(new, ids, number), successors, kept=[ids[j] for j in sorted(assigned)])


# --- across several versions ----------------------------------------------------------------------------------


def carry(ids: list[str], steps: list[tuple[set[str], dict[str, list[str]]]]) -> list[str]:
    """Where the clauses `ids` went after the versions in `steps`: each step is (that version's ids, successors).

    A clause kept in a version stays itself; one that is gone goes on as its successors (closest first).
    """
    current = list(ids)
    for version_ids, successors in steps:
        after: list[str] = []
        for clause_id in current:
            for nxt in ([clause_id] if clause_id in version_ids else successors.get(clause_id, [])):
                if nxt not in after:
                    after.append(nxt)
        current = after
    return current


def compare(old: Policy, new: Policy, successors: dict[str, list[str]]) -> list[Change]:
    """The clause-level differences from `old` to `new`, in the order of the new text (removed ones where they were).

    `successors`: each old id that is not in `new` -> its successors in `new` (see `carry`).
    """
    new_ids = {c.id for c in new.clauses}
    new_pos = {c.id: k for k, c in enumerate(new.clauses)}
    old_by_id = {c.id: c for c in old.clauses}
    # Connect old clauses that are gone with their successors; each connected group is one change.
    groups: list[tuple[list[str], list[str]]] = []
    owner: dict[str, int] = {}
    for clause in old.clauses:
        if clause.id in new_ids:
            continue
        targets = [t for t in successors.get(clause.id, []) if t in new_ids]
        joined = sorted({owner[t] for t in targets if t in owner})
        if joined:
            keep = joined[0]
            for other in joined[1:]:
                groups[keep][0].extend(groups[other][0])
                groups[keep][1].extend(t for t in groups[other][1] if t not in groups[keep][1])
                for t in groups[other][1]:
                    owner[t] = keep
                groups[other] = ([], [])
        else:
            keep = len(groups)
            groups.append(([], []))
        groups[keep][0].append(clause.id)
        for t in targets:
            if t not in groups[keep][1]:
                groups[keep][1].append(t)
            owner[t] = keep
    changes: list[tuple[float, Change]] = []
    last_kept = -1.0
    kept_before: dict[str, float] = {}
    for clause in old.clauses:  # where a removed clause stood: just after the last kept clause before it
        if clause.id in new_ids:
            last_kept = float(new_pos[clause.id])
        kept_before[clause.id] = last_kept + 0.5
    for olds, news in groups:
        if not olds:
            continue
        old_clauses = tuple(old_by_id[i] for i in olds)
        new_clauses = tuple(sorted((new.clause(i) for i in news), key=lambda c: new_pos[c.id]))
        if not new_clauses:
            kind = "removed"
        elif len(olds) == 1 and len(new_clauses) == 1:
            kind = "moved" if old_clauses[0].text == new_clauses[0].text else "reworded"
        elif len(olds) == 1:
            kind = "split"
        elif len(new_clauses) == 1:
            kind = "merged"
        else:
            kind = "rewritten"
        at = new_pos[new_clauses[0].id] if new_clauses else kept_before[olds[0]]
        changes.append((at, Change(kind, old_clauses, new_clauses)))
    carried = set(owner)
    for clause in new.clauses:
        if clause.id not in old_by_id and clause.id not in carried:
            changes.append((new_pos[clause.id], Change("added", (), (clause,))))
    return [change for _, change in sorted(changes, key=lambda pair: pair[0])]


def word_diff(old: str, new: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The two texts as runs of ("same" | "del" | "ins", text), for showing a rewording word by word."""
    a, b = old.split(" "), new.split(" ")
    left: list[tuple[str, str]] = []
    right: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            left.append(("same", " ".join(a[i1:i2])))
            right.append(("same", " ".join(b[j1:j2])))
            continue
        if i2 > i1:
            left.append(("del", " ".join(a[i1:i2])))
        if j2 > j1:
            right.append(("ins", " ".join(b[j1:j2])))
    return left, right

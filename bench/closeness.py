"""Choose how far an editor's decision reaches and which wordings the review page groups (app/engine/likeness.py).

    python -m bench.closeness

Reads only the team's tables in tests/data. For each threshold on the words' likeness it prints:

* gaps: every out-of-scope question of retrieval_cases.yaml and visitor_cases.yaml is marked "not covered" by an
  editor; `lost` counts the questions the tables expect answered (rights requests aside, they hand off first)
  that the assistant answered before and now declines as an editor's gap (must be 0), and `reached` the wordings
  of the not_covered groups of wording_groups.yaml that abstain when only the group's first wording is marked.
* clusters: on every wording of wording_groups.yaml, `split` counts groups whose wordings land in more than one
  cluster, `merged` clusters holding wordings of two groups (must be 0); an `apart` wording counts as a group
  of its own.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.engine import likeness  # noqa: E402
from app.engine.answering import EDITOR_GAP_TOPIC, load_assistant  # noqa: E402
from bench.quality import read_questions  # noqa: E402

DATA = ROOT / "tests" / "data"
THRESHOLDS = (0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9)


def read_groups(path: Path = DATA / "wording_groups.yaml") -> list[dict]:
    """The table of wordings of one question (tests/data/wording_groups.yaml)."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _declined_by_editor(reply) -> bool:
    return reply.reason == "not_covered" and reply.gap is not None and reply.gap.topic == EDITOR_GAP_TOPIC


def measure_gaps(words: float, topics: float = likeness.SAME_TOPICS) -> tuple[int, int, int, int]:
    """(lost, questions, reached, wordings) at these thresholds (see the module's docstring)."""
    rows = []
    for name in ("retrieval_cases.yaml", "visitor_cases.yaml"):
        rows += read_questions(DATA / name)
    answered = [r["question"] for r in rows if r["in_scope"] and r["kind"] != "request"]
    outside = [r["question"] for r in rows if r["in_scope"] is False and r["kind"] not in ("smalltalk", "devanagari")]
    plain = load_assistant(ROOT / "corpus")
    marked = load_assistant(ROOT / "corpus")
    marked.gap_words, marked.same_topics = words, topics
    marked.add_editor_gaps(outside)
    lost = sum(1 for q in answered if plain.answer(q).answered and _declined_by_editor(marked.answer(q)))
    reached = wordings = 0
    for group in read_groups():
        if group["kind"] != "not_covered":
            continue
        one = load_assistant(ROOT / "corpus")
        one.gap_words, one.same_topics = words, topics
        one.add_editor_gaps(group["wordings"][:1])
        for wording in group["wordings"][1:]:
            wordings += 1
            reached += _declined_by_editor(one.answer(wording))
    return lost, len(answered), reached, wordings


def measure_clusters(words: float, topics: float = likeness.SAME_TOPICS) -> tuple[int, int, int]:
    """(split, merged, groups) when every wording of wording_groups.yaml is clustered."""
    assistant = load_assistant(ROOT / "corpus")
    entries = [(g["name"], w) for g in read_groups() for w in g["wordings"]]
    entries += [(f"{g['name']} (apart)", w) for g in read_groups() for w in g.get("apart", ())]
    clusters = likeness.group_alike([assistant.shape(w) for _, w in entries], words, topics)
    names = [{entries[i][0] for i in members} for members in clusters]
    merged = sum(1 for n in names if len(n) > 1)
    split = sum(1 for g in {e[0] for e in entries} if sum(1 for n in names if g in n) > 1)
    return split, merged, len({e[0] for e in entries})


def main() -> None:
    print(f"topics alike at least {likeness.SAME_TOPICS}; chosen: GAP_WORDS {likeness.GAP_WORDS}, "
          f"CLUSTER_WORDS {likeness.CLUSTER_WORDS}")
    print(f"{'words':>6} {'gaps: lost':>11} {'reached':>9} {'clusters: split':>16} {'merged':>7}")
    for words in THRESHOLDS:
        lost, answered, reached, wordings = measure_gaps(words)
        split, merged, groups = measure_clusters(words)
        print(f"{words:>6.2f} {lost:>5}/{answered:<5} {reached:>4}/{wordings:<4} {split:>10}/{groups:<5} {merged:>7}")


if __name__ == "__main__":
    main()

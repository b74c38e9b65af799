"""Fit the second look at an answer (`SECOND_LOOK` in app/engine/answering.py), out of fold on the team's tables.

    python -m bench.second_look

The gates of app/engine/answering.py each decline on one or two signals (retrieval's calibrated confidence, the section
model's "none", the question model's "about privacy"). The second look weighs them together: a logistic regression of
"no section answers this question" on `Assistant.second_look_features` of every answer retrieval chose (not a handoff,
a company detail, an asked-back choice or a decline). The section model learnt from the tables, so on them it has seen
every question: each fold's tables are answered with a model trained on the other folds (`bench.section_gates`), as a
question nobody wrote into a table is answered. The tables kept out of training (`train_sections.HELD_OUT`) and
../shared/eval are never read; the team's labelled training questions of bench/dev_from_train2.yaml (never taught)
are answered with the model of every table and are not fitted on: they show how the fit holds for wording unlike the
tables'.

It prints the weights to copy into `SECOND_LOOK` (tests/engine/test_second_look.py checks that they are the committed
ones), and what declining at `SECOND_LOOK_DECLINES` changes out of fold: each fold's answers judged by weights fitted on
the other folds. The text of the training sets is read from ../shared/train (SHARED_TRAIN_DIR overrides).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.engine.answering import SECOND_LOOK_DECLINES, Assistant, load_assistant, logistic  # noqa: E402
from app.engine.topics import split_requests  # noqa: E402
from bench import section_gates  # noqa: E402
from bench.calibrate import _reports_retrieval, logistic_fit, table_rows  # noqa: E402


@dataclass
class Looked:
    """One answer retrieval chose, out of fold: what the second look reads of it and how it stands."""

    fold: int  # -1: a training question, answered with the model of every table
    features: tuple[float, ...]
    unanswered: bool  # no section of the policy answers the question
    first: bool  # the quoted section is a right one
    in_top3: bool  # a right section is among the first three cited


def looked_at(assistant: Assistant, parts) -> list[Looked]:
    """The answers retrieval chose on every (fold, model, rows) part, with the second look off."""
    saved = assistant.second_look
    assistant.second_look = None
    out = []
    try:
        for fold, model, rows in parts:
            assistant.sections, assistant.requests = split_requests(model)
            for row in rows:
                reply = assistant.answer(row["question"])
                if not _reports_retrieval(reply):
                    continue
                features = assistant.second_look_features(assistant.analyse(row["question"]), reply)
                if features is None:
                    continue
                gold = set(row["gold_sections"])
                cited = [hit.clause.section for hit in reply.citations]
                out.append(Looked(fold, features, not row["in_scope"], cited[0] in gold, bool(gold & set(cited[:3]))))
    finally:
        assistant.second_look = saved
    return out


def fit(looked: list[Looked]) -> tuple[float, ...]:
    return logistic_fit(np.array([x.features for x in looked]), np.array([float(x.unanswered) for x in looked]))


def declines(weights: tuple[float, ...], features: tuple[float, ...]) -> bool:
    return logistic(weights, features) >= SECOND_LOOK_DECLINES


def fitted(out=sys.stdout) -> tuple[tuple[float, ...], list[Looked]]:
    """The weights fitted on every fold's answers, and the answers (training questions included)."""
    assistant = load_assistant(ROOT / "corpus")
    folds, everything = section_gates.fold_models(out)
    parts = [(k, model, rows) for k, (model, rows) in enumerate(folds)]
    parts.append((-1, everything, table_rows([section_gates.TRAINING_QUESTIONS])))
    looked = looked_at(assistant, parts)
    return fit([x for x in looked if x.fold >= 0]), looked


def main(argv=None) -> int:
    weights, looked = fitted()
    tables = [x for x in looked if x.fold >= 0]
    print(f"\n{len(tables)} answers retrieval chose on the tables out of fold, "
          f"{sum(x.unanswered for x in tables)} of them to questions no section answers")
    others = {fold: fit([y for y in tables if y.fold != fold]) for fold in sorted({x.fold for x in tables})}
    for name, group, judge in (
            ("tables, each fold judged by the weights of the others", tables, lambda x: others[x.fold]),
            ("training questions (bench/dev_from_train2.yaml)", [x for x in looked if x.fold < 0], lambda x: weights)):
        declined = [x for x in group if declines(judge(x), x.features)]
        print(f"{name}: of {len(group)} answers, {len(declined)} declined at {SECOND_LOOK_DECLINES}: "
              f"{sum(x.unanswered for x in declined)} to questions no section answers, "
              f"{sum(x.first for x in declined if not x.unanswered)} right first and "
              f"{sum(x.in_top3 for x in declined if not x.unanswered)} right in the first three")
    print("\nSECOND_LOOK (copy into app/engine/answering.py):")
    print(f"  SECOND_LOOK = {weights}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

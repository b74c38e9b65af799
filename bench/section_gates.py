"""Measure when the section model may move or rescue an answer, out of fold, on the team's tables.

    python -m bench.section_gates

The section model (bench/train_sections.py) learnt from the team's tables, so on those tables it has seen every
question: the gates are chosen on out-of-fold readings instead. Each table is in one of `train_sections.FOLDS`
folds; the tables of a fold are answered with a model trained on the other folds. The team's labelled training
questions of bench/dev_from_train2.yaml (never taught to the model; until session 32, when dev_from_train3 was taught,
those of dev_from_train3) are answered with the model trained on every table, so the choice also holds for wording
unlike the tables'. The tables kept out of training
(`train_sections.HELD_OUT`) and ../shared/eval are never read.

The gates (`app.engine.answering`): MODEL_MOVE and MODEL_DOUBT (put the model's section first when it gives it at
least MODEL_MOVE and retrieval's section at most MODEL_DOUBT), MODEL_MOVE_BELOW (only when retrieval's calibrated
confidence is below it), MODEL_RESCUE (answer a question retrieval is unsure of from a section the model gives at
least this, among the sections retrieval cites unless MODEL_ALONE allows any, or at least MODEL_RESCUE_LOW when it gives
"no section answers" less than MODEL_RESCUE_NONE); neither when the model gives "no
section answers" MODEL_NONE or more. MODEL_STRONG also moves a section the model gives at least that first, when it
gives retrieval's first section at most MODEL_STRONG_DOUBT and the question's shape did not name that section.
MODEL_AGREE lets a rescue stand, whatever the model gives "no section answers", when the model's likeliest section (at
least this) is retrieval's best one.
MODEL_ALONE lets the model bring in a section retrieval does not cite when it gives it at least this, and
MODEL_ABSTAIN declines a question retrieval would answer less surely than MODEL_ABSTAIN_BELOW when the model gives "no
section answers" at least MODEL_ABSTAIN and the question model finds it less than MODEL_ABSTAIN_PRIVACY likely to be
about a privacy practice; MODEL_ABSTAIN_SURE declines one retrieval would answer less surely than
MODEL_ABSTAIN_SURE_BELOW when the model gives "no section answers" at least that, whatever the question model reads.
The objective is bench.calibrate's: the shortfall below the bars, of the tables (pooled) and of the training
questions, added up: the training questions' lower abstention counts in full, not diluted by the tables' numbers.
The veto of a handoff (MODEL_VETO, MODEL_VETO_NONE) and MODEL_REQUEST are not searched here: the objective has no
handoffs in it; `python -m bench.train_sections --cv` measures requests.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.engine.answering import load_assistant  # noqa: E402
from app.engine.topics import TopicModel, split_requests  # noqa: E402
from bench import train_sections  # noqa: E402
from bench.calibrate import BARS, evaluate, table_rows  # noqa: E402

GATES = {
    "model_move": [0.3, 0.4, 0.5, 0.6, 0.7, 1.01],
    "model_doubt": [0.05, 0.1, 0.2, 0.3],
    "model_move_below": [0.6, 0.7, 0.8, 0.9, 1.01],
    "model_rescue": [0.7, 0.8, 0.9, 0.95, 1.01],
    "model_rescue_low": [0.4, 0.5, 0.6, 0.7, 1.01],
    "model_rescue_none": [0.05, 0.1, 0.2, 0.3],
    "model_none": [0.2, 0.3, 0.5, 0.65, 0.7, 0.9, 1.01],
    "model_alone": [0.6, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.99, 1.01],
    "model_abstain": [0.9, 0.92, 0.93, 0.95, 0.97, 0.99, 1.01],
    "model_abstain_below": [0.5, 0.55, 0.6, 0.7, 0.8],
    "model_abstain_privacy": [0.4, 0.5, 0.6, 0.7, 1.01],
    "model_abstain_sure": [0.92, 0.95, 0.97, 0.99, 1.01],
    "model_abstain_sure_below": [0.6, 0.7, 0.8, 0.9],
    "model_strong": [0.6, 0.7, 0.8, 0.9, 1.01],
    "model_strong_doubt": [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 1.01],
    "model_agree": [0.9, 0.95, 1.01],
}
TRAINING_QUESTIONS = ROOT / "bench" / "dev_from_train2.yaml"


def _model(rows, heads) -> TopicModel:
    vocabulary, idf, coef, intercept = train_sections._fit(rows, heads)
    return TopicModel(vocabulary, idf, coef, intercept, heads)


def fold_models(out=sys.stdout) -> tuple[list[tuple[TopicModel, list[dict]]], TopicModel]:
    """(model, the rows it answers) for each fold, out of fold; and the model of every table."""
    rows, heads = train_sections.load_rows()
    names = sorted({r.group for r in rows})
    folds = []
    for k in range(train_sections.FOLDS):
        held = set(names[k :: train_sections.FOLDS])
        model = _model([r for r in rows if r.group not in held], heads)
        questions = table_rows([train_sections.source(name) for name in sorted(held)])
        folds.append((model, questions))
        print(f"fold {k + 1}: {len(questions)} questions of {len(held)} tables and training sets", file=out)
    return folds, _model(rows, heads)


def measure(assistant, parts) -> dict[str, float]:
    """top-1, top-3 and abstention over every (model, rows) part, each answered with its model, pooled over the
    tables' folds and apart for the training questions; the objective adds up the two's (bench.calibrate's)."""
    figures, objective = {}, 0.0
    for name, group in (("tables", parts[:-1]), ("training", parts[-1:])):
        pooled = _pooled(assistant, group)
        objective += pooled["objective"]
        figures.update({f"{name} {k}": v for k, v in pooled.items() if k != "objective"})
    figures["objective"] = objective
    return figures


def _pooled(assistant, parts) -> dict[str, float]:
    totals = {"top1": 0.0, "top3": 0.0, "abstention": 0.0}
    answerable = unanswerable = 0
    for model, rows in parts:
        assistant.sections, assistant.requests = split_requests(model)  # each fold's request heads too
        figures = evaluate(assistant, rows)
        n_in = sum(1 for r in rows if r["in_scope"])
        n_out = len(rows) - n_in
        totals["top1"] += figures["top1"] * n_in
        totals["top3"] += figures["top3"] * n_in
        totals["abstention"] += figures["abstention"] * n_out
        answerable, unanswerable = answerable + n_in, unanswerable + n_out
    figures = {"top1": totals["top1"] / answerable, "top3": totals["top3"] / answerable,
               "abstention": totals["abstention"] / unanswerable}
    figures["objective"] = (-sum(max(0.0, bar - figures[name]) for name, bar in BARS.items())
                            + 0.01 * sum(figures[name] for name in BARS))
    return figures


def _show(assistant, figures) -> str:
    gates = ", ".join(f"{name}={getattr(assistant, name)}" for name in GATES)
    return f"{gates}: " + " ".join(f"{k} {v:.4f}" for k, v in figures.items())


def main(argv=None) -> int:
    assistant = load_assistant(ROOT / "corpus")
    folds, everything = fold_models()
    parts = folds + [(everything, table_rows([TRAINING_QUESTIONS]))]
    saved = {name: getattr(assistant, name) for name in GATES}
    for name in GATES:
        setattr(assistant, name, 1.01 if name != "model_doubt" else 0.0)  # every gate off (1.01: never reached)
    print(f"without the model: {_show(assistant, measure(assistant, parts))}")
    for name, value in saved.items():
        setattr(assistant, name, value)
    best = measure(assistant, parts)
    print(f"committed: {_show(assistant, best)}")
    for round_ in range(2):
        for name, values in GATES.items():
            current = getattr(assistant, name)
            for value in values:
                setattr(assistant, name, value)
                figures = measure(assistant, parts)
                if figures["objective"] > best["objective"] + 1e-9:
                    best, current = figures, value
            setattr(assistant, name, current)
        print(f"round {round_ + 1}: {_show(assistant, best)}")
    print("\nthe search's optimum (MODEL_MOVE, MODEL_DOUBT, MODEL_MOVE_BELOW, MODEL_RESCUE, MODEL_NONE, MODEL_ALONE, "
          "MODEL_ABSTAIN, MODEL_ABSTAIN_BELOW, MODEL_ABSTAIN_PRIVACY, MODEL_STRONG, MODEL_STRONG_DOUBT, MODEL_AGREE; the committed "
          "gates in app/engine/answering.py are stricter where the optimum costs the training questions' abstention):")
    print("  " + ", ".join(str(getattr(assistant, name)) for name in GATES))
    return 0


if __name__ == "__main__":
    sys.exit(main())

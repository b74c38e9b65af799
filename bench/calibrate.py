"""Choose the abstention threshold from the team's own question table.

    python -m bench.calibrate [tests/data/retrieval_cases.yaml]

For each candidate minimum BM25 score and minimum confidence, prints top-1 accuracy on the answered
questions (abstaining counts as a miss) and the abstention rate on the questions
the policy does not answer, then the chosen threshold: among the thresholds
that abstain on at least ABSTENTION_BAR of the unanswerable questions, the one
with the best top-1, and of equals the highest (the most cautious). A wrong
quote is worse than "please contact us", but every extra abstention also turns
away a visitor the policy could have helped. The evaluation sets in
../shared/eval are not used here: they measure the result (bench.quality).
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.answering import load_assistant  # noqa: E402

ABSTENTION_BAR = 0.8


def load_cases(path: str | Path) -> tuple[list[dict], list[dict]]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return data["answered"], data["not_answered"]


def sweep(path: str | Path, thresholds=None, min_scores=(0.0, 1.0, 2.0, 3.0, 4.0), out=sys.stdout):
    """Print the table and return the chosen (min_confidence, min_score)."""
    answered, not_answered = load_cases(path)
    assistant = load_assistant(ROOT / "corpus")
    thresholds = thresholds or [round(0.05 * i, 2) for i in range(0, 13)]
    best, best_top1 = None, -1.0
    print(f"{'min confidence':>14} {'min score':>9} {'top-1':>6} {'abstain':>7}", file=out)
    for min_score in min_scores:
        for threshold in thresholds:
            assistant.min_confidence, assistant.min_score = threshold, min_score
            top1 = sum(bool(r.citations) and r.citations[0].clause.section in case["sections"]
                       for case in answered for r in [assistant.answer(case["q"])]) / len(answered)
            abstain = sum(not assistant.answer(case["q"]).citations for case in not_answered) / len(not_answered)
            print(f"{threshold:>14.2f} {min_score:>9.1f} {top1:>6.3f} {abstain:>7.3f}", file=out)
            # Ties go to the later (higher, more cautious) setting.
            if abstain >= ABSTENTION_BAR and top1 >= best_top1:
                best, best_top1 = (threshold, min_score), top1
    print(f"chosen: min confidence {best[0]}, min score {best[1]}", file=out)
    return best


if __name__ == "__main__":
    sweep(sys.argv[1] if len(sys.argv) > 1 else ROOT / "tests" / "data" / "retrieval_cases.yaml")

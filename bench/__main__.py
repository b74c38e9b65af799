"""`make bench`: one table of quality and speed, the assistant next to plain rank-bm25.

    python -m bench [QUESTION SETS...] [--misses] [--duration 5] [--rounds 3] [--no-load] [--profile DIR]

Quality as bench.quality measures it (`python -m bench.quality --check` is the CI
gate); in-process answer latency is timed on the same quality pass; index build
time, and a wrk load test of the Procfile's server, as bench.speed describes.
"""

import argparse
import os
import sys
from pathlib import Path

from . import quality, speed
from .report import default_paths, dev_paths, print_table, quality_rows

from app.engine.answering import load_assistant  # noqa: E402  (bench.quality puts the repository on sys.path)


def model_rows() -> list:
    """The question-topic model's cross-validated figures on ../shared/train (grouped by app; bench.train)."""
    from .report import Row
    from .train import DEFAULT_TRAIN_DIR, chosen_cv

    if not DEFAULT_TRAIN_DIR.exists():
        return [Row("topic model cross-validation: SKIPPED, ../shared/train not found", "")]
    try:
        res = chosen_cv(DEFAULT_TRAIN_DIR)
    except ImportError:
        return [Row("topic model cross-validation: SKIPPED, scikit-learn not installed (pip install -e '.[train]')", "")]
    p, r, _ = res["privacy"]
    np_, nr, nf = res["not_privacy"]
    rows = [Row("model (CV on ../shared/train): about a privacy practice, precision / recall", f"{p:.3f} / {r:.3f}"),
            Row("model: not about one (product questions), precision / recall", f"{np_:.3f} / {nr:.3f}"),
            Row("model: topic macro-F1", f"{res['macro_f1']:.3f}")]
    rows += [Row(f"model: F1 {topic}", f"{f1:.3f}") for topic, (_, _, f1, _, _) in res["topics"].items()]
    return rows


def calibration_rows(assistant, paths: list[str]) -> list:
    """Expected calibration error of `confidence` on each shared question set; prints the reliability tables."""
    from .calibrate import answer_pairs, reliability
    from .report import Row

    rows = []
    for path in paths:
        if not Path(path).name.startswith(("privacyqa", "dev_from_train")):
            continue
        print(f"reliability of confidence on {Path(path).stem}:")
        ece = reliability(answer_pairs(assistant, quality.read_questions(path)))
        print()
        rows.append(Row(f"{Path(path).stem}: expected calibration error of confidence", f"{ece:.3f}"))
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    speed.add_arguments(parser)
    parser.add_argument("--misses", action="store_true", help="list every miss of the assistant")
    args = parser.parse_args(argv)
    load_average = os.getloadavg()[0]  # other work on the machine skews the figures
    paths = args.paths or default_paths() + dev_paths()
    if not paths:
        print("no question sets given and none found in ../shared/eval", file=sys.stderr)
        return 2

    assistant = load_assistant(quality.ROOT / "corpus")
    assistant_ms, baseline_ms = [], []
    predictors = [speed.timed(quality.assistant_predictor(assistant), assistant_ms),
                  speed.timed(quality.baseline_predictor(assistant.index.policy), baseline_ms)]
    rows, questions, misses = [], [], []
    for path in paths:
        items = quality.read_questions(path)
        name = Path(path).stem
        ours, plain = (quality.score(system, items, predict)
                       for system, predict in zip(["assistant", "rank-bm25"], predictors))
        rows += quality_rows(name, len(items), ours.figures(), plain.figures(), quality.TARGETS, quality.PREVIOUS)
        questions += [item["question"] for item in items]
        misses += [f"{name}: {miss}" for miss in ours.misses]

    rows += model_rows() + calibration_rows(assistant, paths)
    rows += speed.latency_rows(assistant_ms, baseline_ms) + speed.build_rows()
    if not args.no_load:
        rows += speed.load_rows(questions, args.duration, args.rounds, profile=args.profile)
    print_table(rows, load_average=load_average)
    if args.misses:
        for miss in misses:
            print(f"    miss {miss}")
    return 0


sys.exit(main())

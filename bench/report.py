"""The one table `python -m bench` prints: a row per measure, the assistant next to plain rank-bm25.

    print_table([Row("privacyqa-blue (255) top-1", "0.848", "0.201", ">= 0.85", met=False)])
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Quality figures in the order shown, with their labels; false handoffs are better low.
QUALITY_METRICS = {"top1": "top-1", "top3": "top-3", "abstention": "abstention",
                   "handoff_recall": "handoff recall", "false_handoffs": "false handoffs"}
LOWER_IS_BETTER = {"false_handoffs"}


@dataclass
class Row:
    """One line of the table; `met` is None when the measure has no target."""

    measure: str
    assistant: str
    baseline: str = ""
    target: str = ""
    met: bool | None = None
    previous: str = ""  # the first version's figure, where there is one


def default_paths() -> list[str]:
    """The question sets in ../shared/eval, sorted."""
    return sorted(str(p) for p in (ROOT.parent / "shared" / "eval").glob("*.jsonl"))


# The team's own tables (written without seeing ../shared/eval), scored after the shared sets.
TEAM_TABLES = ("request_cases.yaml", "visitor_cases.yaml", "visitor_cases_fresh.yaml", "visitor_cases_fresh_kinds.yaml",
               "visitor_cases_fresh2.yaml", "visitor_cases_fresh3.yaml", "visitor_cases_fresh4.yaml",
               "visitor_cases_fresh5.yaml", "visitor_cases_fresh6.yaml", "visitor_cases_fresh7.yaml",
               "visitor_cases_fresh8.yaml", "visitor_cases_fresh9.yaml",
               "visitor_cases_fresh10.yaml", "visitor_cases_fresh11.yaml",
               "visitor_cases_fresh12.yaml", "visitor_cases_fresh13.yaml", "visitor_cases_fresh14.yaml",
               "visitor_cases_fresh15.yaml", "visitor_cases_fresh16.yaml",
               "visitor_cases_fresh17.yaml", "visitor_cases_fresh18.yaml", "visitor_cases_fresh19.yaml",
               "visitor_cases_fresh20.yaml", "visitor_cases_fresh21.yaml",
               "visitor_cases_fresh22.yaml", "visitor_cases_fresh23.yaml",
               "visitor_cases_fresh24.yaml", "visitor_cases_fresh25.yaml", "visitor_cases_fresh26.yaml",
               "visitor_cases_fresh27.yaml", "visitor_cases_fresh28.yaml",
               "visitor_cases_fresh29.yaml", "visitor_cases_fresh30.yaml",
               "visitor_cases_fresh31.yaml", "visitor_cases_fresh32.yaml", "visitor_cases_fresh33.yaml",
               "visitor_cases_fresh34.yaml", "visitor_cases_fresh35.yaml",
               "visitor_cases_fresh36.yaml", "visitor_cases_fresh37.yaml", "visitor_cases_fresh38.yaml",
               "visitor_cases_fresh39.yaml", "visitor_cases_fresh40.yaml",
               "visitor_cases_fresh41.yaml", "visitor_cases_fresh42.yaml",
               "visitor_cases_fresh43.yaml", "visitor_cases_fresh44.yaml", "visitor_cases_fresh45.yaml",
               "visitor_cases_fresh46.yaml", "visitor_cases_fresh47.yaml",
               "visitor_cases_fresh48.yaml", "visitor_cases_fresh49.yaml",
               "visitor_cases_fresh50.yaml", "visitor_cases_fresh51.yaml", "visitor_cases_fresh52.yaml",
               "visitor_cases_fresh53.yaml", "visitor_cases_fresh54.yaml", "visitor_cases_fresh55.yaml",
               "visitor_cases_fresh56.yaml", "visitor_cases_fresh57.yaml", "visitor_cases_fresh58.yaml",
               "visitor_cases_fresh59.yaml", "visitor_cases_fresh60.yaml",
               "visitor_cases_fresh61.yaml", "visitor_cases_fresh62.yaml", "visitor_cases_fresh63.yaml",
               "visitor_cases_fresh64.yaml", "visitor_cases_fresh65.yaml", "visitor_cases_fresh66.yaml",
               "visitor_cases_fresh67.yaml", "visitor_cases_fresh68.yaml",
               "visitor_cases_fresh69.yaml", "visitor_cases_fresh70.yaml", "visitor_cases_fresh71.yaml",
               "visitor_cases_fresh72.yaml")


def team_paths() -> list[str]:
    """The team's tables in tests/data that bench.quality scores by default."""
    return [str(ROOT / "tests" / "data" / name) for name in TEAM_TABLES]


# The team's labels, against this policy, of real visitors' questions from ../shared/train (other apps'
# policies; disjoint from ../shared/eval): a development set in the visitors' own wording, for finding kinds of
# miss (bench.calibrate does not choose the gates on it: README, "Quality now"). Scored by default when
# ../shared/train is there. dev_from_policyqa (session 33) labels PolicyQA's annotator-written questions instead: the
# textbook wording of a privacy question, read for kinds of miss.
DEV_TABLES = [ROOT / "bench" / name for name in ("dev_from_train.yaml", "dev_from_train2.yaml", "dev_from_train3.yaml",
                                                     "dev_from_train4.yaml", "dev_from_policyqa.yaml")]


def dev_paths() -> list[str]:
    """The development set built from ../shared/train, when the training questions are there."""
    from bench.quality import training_dir

    return [str(table) for table in DEV_TABLES] if training_dir().is_dir() else []


def quality_rows(name: str, n: int, assistant: dict, baseline: dict, targets: dict,
                 previous: dict | None = None) -> list[Row]:
    """Rows for one question set from `Scores.figures()` of both systems; `targets` (and `previous`) as
    bench.quality.TARGETS (and PREVIOUS)."""
    key = next((k for k in targets if name.startswith(k)), None)
    bars = targets.get(key, {})
    before = (previous or {}).get(key, {})
    rows = []
    for metric, label in QUALITY_METRICS.items():
        value = assistant.get(metric)
        if value is None:
            continue
        row = Row(f"{name} ({n}) {label}", f"{value:.3f}", _fmt(baseline.get(metric)),
                  previous=_fmt(before[metric]) if metric in before else "")
        if metric in bars:
            bar = bars[metric]
            lower = metric in LOWER_IS_BETTER
            row.target = f"{'<=' if lower else '>='} {bar}"
            row.met = value <= bar if lower else value >= bar
        rows.append(row)
    return rows


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def machine() -> str:
    """"2 CPUs, Intel(R) Xeon(R) Processor": what the figures were measured on."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.partition(":")[2].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs, {model}"


def format_table(rows: list[Row]) -> str:
    """The rows as a plain-text table with a header."""
    cells = [(r.measure, r.assistant, r.previous, r.baseline, r.target,
              {None: "", True: "met", False: "NOT MET"}[r.met]) for r in rows]
    head = ("measure", "assistant", "previous", "rank-bm25", "target", "")
    if not any(r.previous for r in rows):  # no earlier figures to show: no column for them
        cells = [c[:2] + c[3:] for c in cells]
        head = head[:2] + head[3:]
    widths = [max(len(c[i]) for c in [head, *cells]) for i in range(len(head))]
    lines = []
    for c in [head, *cells]:
        numbers = "  ".join(f"{c[i]:>{widths[i]}}" for i in range(1, len(head) - 2))
        lines.append(f"{c[0]:<{widths[0]}}  {numbers}  {c[-2]:<{widths[-2]}}  {c[-1]}".rstrip())
    return "\n".join(lines)


def print_table(rows: list[Row], out=None, load_average: float | None = None) -> None:
    """Print the table under a line saying when and on what it was measured."""
    out = out or sys.stdout
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    busy = f", load average {load_average:.2f} at start" if load_average is not None else ""
    print(f"# {stamp}, {machine()}{busy}", file=out)
    print(format_table(rows), file=out)

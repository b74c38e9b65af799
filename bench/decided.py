"""Write tests/data/decided_wordings.yaml: the wordings the engine's tests ask, with the section answering gives each.

    python -m bench.decided        # runs tests/engine once, recording every question the tests put to the assistant

The section model (bench/train_sections.py) learns from the team's visitor tables; the tests in tests/engine hold
about three thousand more wordings, each a behaviour the team decided (a shape of question, a word in Hinglish, a
request beside product words). Out of fold the model disagrees with some of them, so it could not be given more say
in answering without undoing those decisions (bench/HISTORY.md, sessions 30 and 31). Taught these wordings with the
sections the assistant answers them from when the file is written, it agrees with them, and its say can grow where
it is right on wording nobody tuned for.

Each wording gets the section of the answer's first citation, the section of the form's clause for a handoff, or
`none` when the assistant declines, makes small talk or says the policy does not cover it; a "did you mean" (no one
section) is left out. A wording handed off also gets the form it was handed to (`handoff`), which the request heads
learn (session 32). Left out too: wordings that are rows of the visitor tables or of retrieval_cases.yaml (they
teach their own gold, or are held out), of bench/dev_from_train*.yaml, and any that is a question of
../shared/eval (which must be there), so that no measured question is taught; nor, since session 40, any of three
words or more that is part of a question of the held-out tables, of bench/dev_from_train*.yaml or of ../shared/eval (a
test that answers a message of several questions asks each part on its own). The file is written sorted;
`make train-sections` reads it as it is, so the model rebuilds byte for byte from the repository. Rewrite it after
adding tests, then retrain.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.report import DEV_TABLES, default_paths  # noqa: E402
from bench.train_sections import DECIDED as OUT, DATA, HELD_OUT, all_tables  # noqa: E402

from app.engine.text import words  # noqa: E402

LONGEST = 600  # characters: the web caps questions at 500; longer test strings are hostile input, not wording
NONE = "none"


class _Recorder:
    """A pytest plugin that notes every question put to `Assistant.answer` while the tests run."""

    def __init__(self):
        self.questions: set[str] = set()

    def pytest_configure(self, config):
        from app.engine.answering import Assistant

        original, questions = Assistant.answer, self.questions

        def answer(assistant, question, *args, **kwargs):
            questions.add(question)
            return original(assistant, question, *args, **kwargs)

        Assistant.answer = answer


def recorded_questions() -> list[str]:
    """Every question tests/engine asks, sorted (the tests must pass: a failing one has no decided answer)."""
    import pytest

    recorder = _Recorder()
    # (not the test that rebuilds the section model: it trains on the file being written; nor the one that refits the
    # second look, whose weights are refitted after the model is retrained on it)
    rebuild = "tests/engine/test_section_model.py::test_make_train_rebuilds_the_committed_section_model_byte_for_byte"
    refit = "tests/engine/test_second_look.py::test_bench_second_look_fits_the_committed_weights"
    code = pytest.main(["--rootdir", str(ROOT), str(ROOT / "tests" / "engine"), "-q", "-p", "no:cacheprovider",
                        "--no-header", "--deselect", rebuild, "--deselect", refit], plugins=[recorder])
    if code != 0:
        raise SystemExit(f"tests/engine did not pass (exit {code}): fix them before recording their wordings")
    return sorted(recorder.questions)


def measured_questions() -> set[str]:
    """The questions of the tables the section model learns from or is measured on (the visitor tables, held out
    or not, and tests/data/retrieval_cases.yaml), of bench/dev_from_train*.yaml and of ../shared/eval (if present),
    lower-cased: none of them is taught as a decided wording."""
    return questions_of(all_tables() + DEV_TABLES + [Path(p) for p in default_paths()])


def measured_spans() -> list[str]:
    """The questions no part of which may be taught either: those of the held-out tables, of bench/dev_from_train*.yaml
    and of ../shared/eval, each as its words joined by single spaces, with a space at each end. A test that answers a
    message of several questions asks each part on its own, so the parts of a measured question were recorded and
    taught until session 40 (19 parts of held-out questions among 3,218 wordings; `part_of_measured`)."""
    spans = []
    for question in sorted(questions_of([DATA / name for name in HELD_OUT] + DEV_TABLES
                                        + [Path(p) for p in default_paths()])):
        spans.append(" " + " ".join(words(question)) + " ")
    return spans


def part_of_measured(question: str, spans: list[str]) -> bool:
    """Whether `question`, three words or more, is word for word inside one of the measured questions' `spans`."""
    said = words(question)
    if len(said) < 3:
        return False
    inside = " " + " ".join(said) + " "
    return any(inside in span for span in spans)


def questions_of(paths: list[Path]) -> set[str]:
    from bench.quality import read_questions

    seen = set()
    for path in paths:
        seen.update(row["question"].strip().lower() for row in read_questions(path))
    return seen


def decided_section(reply) -> str | None:
    """The section a reply answers from, NONE when it answers from none, None for a "did you mean"."""
    if reply.kind == "clarify":
        return None
    return reply.citations[0].clause.section if reply.citations else NONE


def write(questions: list[str], out: Path = OUT) -> int:
    import yaml

    from app.engine.answering import load_assistant

    assistant = load_assistant(ROOT / "corpus")
    measured, spans = measured_questions(), measured_spans()
    rows = []
    for question in questions:
        if len(question) > LONGEST or not question.strip() or question.strip().lower() in measured \
                or part_of_measured(question, spans):
            continue
        reply = assistant.answer(question)
        section = decided_section(reply)
        if section is not None:
            rows.append({"q": question, "section": section, **({"handoff": reply.handoff} if reply.handoff else {})})
    header = ("# Written by `python -m bench.decided` (see its docstring): the wordings tests/engine asks, each\n"
              "# with the section the assistant answered it from when written ('none': it did not answer from the\n"
              "# policy) and, when it handed the wording off, the form. Taught to the section model by\n"
              "# bench/train_sections.py beside the visitor tables; never measured.\n")
    out.write_text(header + yaml.safe_dump(rows, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    return len(rows)


def main(argv=None) -> int:
    if not default_paths():
        # without them a test wording that is also an eval question would be taught (it happened once: HISTORY)
        raise SystemExit("../shared/eval is not there: run this from a checkout with ../shared beside it, so that no "
                         "question of the evaluation sets is taught")
    questions = recorded_questions()
    count = write(questions)
    print(f"wrote {OUT.relative_to(ROOT)}: {count} of the {len(questions)} wordings tests/engine asks")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`make test` on a machine without PostgreSQL: the SQLite half runs, the PostgreSQL half is deselected (not
skipped) with a printed note; with REQUIRE_SERVICES=1 (as .ci/run sets) the missing server is an error instead.

A machine without PostgreSQL is played by POSTGRES naming no program (tests/conftest.py's find_service), in a
pytest run of its own on one storage test.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ONE_STORAGE_TEST = ["tests/platform/test_db.py", "-k", "test_each_ask_logs_one_row_with_its_fields"]


def pytest_run(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, **env}
    if "REQUIRE_SERVICES" not in env:
        environment.pop("REQUIRE_SERVICES", None)
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rs", *args], cwd=ROOT,
                          env=environment, capture_output=True, text=True, timeout=300)


def test_without_postgresql_the_sqlite_half_runs_and_the_postgresql_half_is_deselected_with_a_note(tmp_path):
    missing = str(tmp_path / "no-postgres-here")
    run = pytest_run("-v", *ONE_STORAGE_TEST, POSTGRES=missing)
    out = run.stdout
    assert run.returncode == 0, out[-3000:]
    assert re.search(r"test_each_ask_logs_one_row_with_its_fields\[sqlite\] PASSED", out), out[-3000:]
    assert "[postgresql]" not in out  # not run, and not reported as skipped either
    assert "skipped" not in out.lower()
    assert re.search(rf"NOTE: [1-9]\d* postgresql tests deselected: POSTGRES={re.escape(missing)} is not a program "
                     r"\(apt-get install postgresql", out), out[-3000:]
    assert re.search(r"1 passed, \d+ deselected", out)


def test_with_require_services_a_missing_postgresql_is_an_error_not_a_deselection(tmp_path):
    missing = str(tmp_path / "no-postgres-here")
    run = pytest_run(*ONE_STORAGE_TEST, POSTGRES=missing, REQUIRE_SERVICES="1")
    assert run.returncode == 4  # pytest's usage error: nothing ran
    assert f"REQUIRE_SERVICES=1 but POSTGRES={missing} is not a program" in run.stderr + run.stdout


# Every part a test may need from outside the repository, played missing by its variable naming nothing.
# (marked tests, variable that points to the part, variable that .ci/run sets to require it, what the note says)
MISSING_PARTS = [
    ("tests/test_hostile.py", "BADINPUT_DIR", "REQUIRE_SHARED_DATA", "hostile-input tests"),
    ("tests/engine/test_slips.py", "DICTIONARY", "REQUIRE_DICTIONARY", "word-list tests"),
    ("tests/browser/test_widget_browser.py", "PLAYWRIGHT_CHROMIUM", "REQUIRE_BROWSER", "browser tests"),
    ("tests/test_cluster.py", "REDIS_SERVER", "REQUIRE_SERVICES", "redis tests"),
]


def collect(*args: str, without: str, **env: str) -> subprocess.CompletedProcess:
    """Collect (not run) the given tests on a machine where the part that `without` points to is missing."""
    for variable in ("REQUIRE_SHARED_DATA", "REQUIRE_DICTIONARY", "REQUIRE_BROWSER"):
        env.setdefault(variable, "")
    return pytest_run("--co", "-q", *args, **{without: "/nonexistent/part", **env})


@pytest.mark.parametrize("marked, variable, require, tests", MISSING_PARTS, ids=[row[3] for row in MISSING_PARTS])
def test_tests_needing_a_missing_part_are_deselected_with_a_note_and_the_rest_still_run(marked, variable, require,
                                                                                        tests):
    run = collect(marked, "tests/test_optional_services.py", without=variable)
    out = run.stdout
    assert run.returncode == 0, out[-3000:]
    note = re.search(rf"NOTE: ([1-9]\d*) {tests} deselected: {variable}=/nonexistent/part is not .*; {require}=1 makes "
                     "this a failure", out)
    assert note, out[-3000:]
    assert f"({note[1]} deselected)" in out  # only the marked tests: the others are collected
    assert "tests/test_optional_services.py::" in out


@pytest.mark.parametrize("marked, variable, require, tests", MISSING_PARTS, ids=[row[3] for row in MISSING_PARTS])
def test_when_ci_requires_the_part_a_missing_one_is_an_error(marked, variable, require, tests):
    run = collect(marked, without=variable, **{require: "1"})
    assert run.returncode == 4, run.stdout[-3000:]  # pytest's usage error: nothing ran
    assert f"{require}=1 but " in run.stderr + run.stdout


def test_when_ci_requires_the_training_data_the_rebuild_test_stays_and_fails_saying_it_is_missing():
    marked = "tests/engine/test_topics.py"
    without = collect(marked, without="SHARED_TRAIN_DIR")
    assert "model rebuild tests deselected" in without.stdout, without.stdout[-3000:]
    required = collect(marked, without="SHARED_TRAIN_DIR", REQUIRE_SHARED_DATA="1")
    assert required.returncode == 0, required.stdout[-3000:]
    assert "deselected" not in required.stdout
    assert len(re.findall(rf"^{marked}::", required.stdout, re.M)) > len(re.findall(rf"^{marked}::", without.stdout,
                                                                                     re.M))

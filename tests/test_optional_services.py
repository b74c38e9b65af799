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

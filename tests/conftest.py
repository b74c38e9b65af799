"""Fixtures shared by every test: a fresh app and database per test (flaskr style)."""

from __future__ import annotations

import pytest

from app import create_app


@pytest.fixture
def app(tmp_path):
    # Rate limits are off here; tests of the limits build an app with them on.
    app = create_app({"TESTING": True, "SECRET_KEY": "test-secret", "DATABASE": str(tmp_path / "test.sqlite"),
                      "RATELIMIT_ENABLED": False})
    yield app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def db(app):
    """A connection to the test database, for assertions on stored rows."""
    from app.db import connect

    conn = connect(app.config["DATABASE"])
    yield conn
    conn.conn.close()


# ---- data from ../shared (CI) -------------------------------------------------------------------------------
# Tests marked `shared_data` read the public hostile-input lists in ../shared/badinput, which may not be copied
# into the repository. Without them (a plain `make test`) those tests are deselected with a note; with
# REQUIRE_SHARED_DATA=1 (as .ci/run sets) a missing directory is an error instead.

import os  # noqa: E402
from pathlib import Path  # noqa: E402

BADINPUT_DIR = Path(os.environ.get("BADINPUT_DIR", Path(__file__).resolve().parents[2] / "shared" / "badinput"))


def pytest_configure(config):
    config.addinivalue_line("markers", "shared_data: needs the hostile-input lists in ../shared/badinput")


def pytest_collection_modifyitems(config, items):
    if BADINPUT_DIR.is_dir():
        return
    if os.environ.get("REQUIRE_SHARED_DATA") == "1":
        raise pytest.UsageError(f"REQUIRE_SHARED_DATA=1 but {BADINPUT_DIR} does not exist")
    deselected = [item for item in items if item.get_closest_marker("shared_data")]
    if deselected:
        items[:] = [item for item in items if not item.get_closest_marker("shared_data")]
        config.hook.pytest_deselected(items=deselected)
        config._shared_data_note = len(deselected)


def pytest_terminal_summary(terminalreporter, config):
    count = getattr(config, "_shared_data_note", 0)
    if count:
        terminalreporter.write_line(
            f"note: {count} hostile-input tests deselected: {BADINPUT_DIR} not found "
            "(set BADINPUT_DIR to the badinput lists; .ci/run does).")

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

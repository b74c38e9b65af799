"""More app instances on a test's database: other gunicorn workers, or the app after a restart.

    from tests.instances import instances  # noqa: F401  (a fixture)

    def test_x(instances):
        editors, visitors = instances(), instances()   # two workers on the test's database (SQLite or PostgreSQL)

Each instance's pooled connections are closed when the test ends (the PostgreSQL server is shared by the session).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app import create_app
from app.platform import db as storage
from tests.conftest import FAST_ARGON2

# The team's first table (286 questions) is all the publish check answers in tests: its answers on every table in
# tests/data (3,400 questions, by both versions) took about 15 s a publish, and the tests publish some 150 times.
# tests/staff/test_publish.py runs the check on every table once, as `flask policy publish` does by default.
FIRST_TABLE = Path(__file__).resolve().parent / "data" / "visitor_cases.yaml"


def instance_config(database_url: str, **extra) -> dict:
    """The configuration tests/conftest.py's `app` starts with, on `database_url`."""
    return {"TESTING": True, "SECRET_KEY": "test-secret", "DATABASE": database_url, "RATELIMIT_ENABLED": False,
            "ARGON2_PARAMETERS": FAST_ARGON2, "HEALTH_PROBE_INTERVAL": 0, "REVIEW_CACHE_SECONDS": 0,
            "POLICY_CHECK_TABLES": str(FIRST_TABLE), **extra}



@pytest.fixture
def instances(database_url):
    """`instances(**config)` starts another app on the test's database; their connections close at the end."""
    started = []

    def start(**extra):
        app = create_app(instance_config(database_url, **extra))
        started.append(app)
        return app

    yield start
    for app in started:
        storage.reset_connections(app)

"""More app instances on a test's database: other gunicorn workers, or the app after a restart.

    from tests.instances import instances  # noqa: F401  (a fixture)

    def test_x(instances):
        editors, visitors = instances(), instances()   # two workers on the test's database (SQLite or PostgreSQL)

Each instance's pooled connections are closed when the test ends (the PostgreSQL server is shared by the session).
"""

from __future__ import annotations

import pytest

from app import create_app
from app.platform import db as storage
from tests.conftest import FAST_ARGON2


def instance_config(database_url: str, **extra) -> dict:
    """The configuration tests/conftest.py's `app` starts with, on `database_url`."""
    return {"TESTING": True, "SECRET_KEY": "test-secret", "DATABASE": database_url, "RATELIMIT_ENABLED": False,
            "ARGON2_PARAMETERS": FAST_ARGON2, "HEALTH_PROBE_INTERVAL": 0, "REVIEW_CACHE_SECONDS": 0, **extra}



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

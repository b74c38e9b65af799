"""Fixtures for the platform tests (the shared ones are in tests/conftest.py)."""

from dbfaults import question_spool_of_its_own  # noqa: F401  (autouse: each PostgreSQL test its own spool)

"""What the policy version tests share (tests/staff/test_publish.py, tests/visitors/test_policy_versions.py).

An app on a copy of the corpus folder that a test edits and publishes with `flask policy publish`, on the test's
database (SQLite, or PostgreSQL in a `storage` module's second run). A module uses the fixtures with

    from tests.publishing import app, corpus, instances  # noqa: F401  (fixtures)
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.platform.db import connect
from app.platform.timefmt import india_today
from app.staff import review
from tests.instances import instances  # noqa: F401  (a fixture the app fixture uses)
from tests.policy_edits import edit, renumber_from

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SOURCE = (CORPUS / "privacy-policy.md").read_text(encoding="utf-8")
DELETION = "s6-correction-and-deletion-2"
VERIFY = "s6-access-and-portability-3"


def today() -> str:
    """Today in India, asked when needed: a constant made at import went stale when a run crossed midnight IST
    (18:30 UTC), and version 1, recorded at the first start, then took effect after it."""
    return india_today().isoformat()

REWORDED = edit(SOURCE, ("- Request deletion of your personal information",
                         "- Request deletion of all of your personal information"))
WITHOUT_VERIFY = edit(SOURCE, ("- Verify the accuracy of your information\n", ""))
NEW_SECTION = renumber_from(SOURCE, 7).replace(
    "## 8. Cookies", "## 7. Accessibility\n\nOur website and applications aim to meet the Web Content "
                     "Accessibility Guidelines.\n\n## 8. Cookies")


@pytest.fixture
def corpus(tmp_path):
    """A copy of the corpus folder that a test edits (the committed policy never changes)."""
    copy = tmp_path / "corpus"
    shutil.copytree(CORPUS, copy)
    return copy


@pytest.fixture
def app(instances, corpus):  # noqa: F811 (instances: the fixture imported above)
    """The app serving the copied corpus; `instances(CORPUS_DIR=...)` starts another worker beside it."""
    return instances(CORPUS_DIR=str(corpus))


def publish(app, corpus: Path, text: str, *options: str):
    (corpus / "privacy-policy.md").write_text(text, encoding="utf-8")
    return app.test_cli_runner().invoke(args=["policy", "publish", "--by", "editor1", *options])


def rows(app, sql: str, params: dict | None = None) -> list[tuple]:
    db = connect(app.config["DATABASE"])
    try:
        return [tuple(r) for r in db.execute(sql, params).fetchall()]
    finally:
        db.close()


def link(app, question: str, clause_id: str):
    db = connect(app.config["DATABASE"])
    try:
        review.decide(db, question, "linked", "editor1", clause_id=clause_id)
    finally:
        db.close()


def ask(client, question: str) -> dict:
    response = client.post("/api/ask", json={"question": question})
    assert response.status_code == 200
    return response.json

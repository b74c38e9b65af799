"""`flask db backup`: a consistent, checked copy of the SQLite database while the server writes to it."""

from __future__ import annotations

import sqlite3
import time

import pytest

from app.platform.dbtools import BackupError, backup_database
from arriving import requests_keep_arriving
from conftest import add_request


def _count(path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"select count(*) from {table}").fetchone()[0]
    finally:
        conn.close()


def test_backup_is_a_whole_database_that_opens_on_its_own(db, runner, tmp_path):
    add_request(db, reference="BM-AAAA-0001")
    add_request(db, reference="BM-AAAA-0002")
    target = tmp_path / "backups" / "pa.sqlite"
    target.parent.mkdir()
    result = runner.invoke(args=["db", "backup", str(target)])
    assert result.exit_code == 0, result.output
    assert f"backed up to {target}" in result.output and "2 requests" in result.output
    conn = sqlite3.connect(target)
    try:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert conn.execute("pragma journal_mode").fetchone()[0] == "delete"  # one file, no -wal beside it
        assert conn.execute("select count(*) from requests").fetchone()[0] == 2
        assert conn.execute("select 1 from requests where reference = 'BM-AAAA-0002'").fetchone()
    finally:
        conn.close()
    assert not (tmp_path / "backups" / "pa.sqlite.partial").exists()


@pytest.mark.parametrize("name, existing, problem", [
    ("exists.sqlite", b"an older backup", "already exists"),
    ("missing-folder/pa.sqlite", None, "no such folder"),
])
def test_backup_refuses_a_target_it_would_overwrite_or_cannot_write(runner, tmp_path, name, existing, problem):
    target = tmp_path / name
    if existing is not None:
        target.write_bytes(existing)
    before = target.read_bytes() if target.exists() else None
    result = runner.invoke(args=["db", "backup", str(target)])
    assert result.exit_code == 1 and problem in result.output
    assert "Traceback" not in result.output
    assert (target.read_bytes() if target.exists() else None) == before


@pytest.mark.parametrize("name", ["pa #1.sqlite", "pa?mode=rw.sqlite", "pa%20.sqlite"])
def test_backup_of_a_database_whose_name_has_uri_characters(tmp_path, name):
    from app import create_app

    source = tmp_path / name
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(source), "RATELIMIT_ENABLED": False})
    with app.test_client() as client:
        assert client.post("/api/ask", json={"question": "Do you sell my data?"}).status_code == 200
    target = tmp_path / "backup.sqlite"
    result = app.test_cli_runner().invoke(args=["db", "backup", str(target)])
    assert result.exit_code == 0, result.output
    assert _count(target, "questions") == 1
    assert sorted(path.name for path in tmp_path.iterdir() if path.suffix != ".spool" and "-" not in path.name) \
        == sorted([name, "backup.sqlite"])  # nothing made beside them (the name cut at '#' or '?')


def test_backup_of_a_missing_database_says_so(tmp_path):
    with pytest.raises(BackupError, match="no database there"):
        backup_database(tmp_path / "nothing.sqlite", tmp_path / "copy.sqlite")


@pytest.mark.slow
def test_backup_while_requests_keep_arriving(app, tmp_path):
    """Writers never stop or fail during the backup, and the copy holds one moment: a count between before and after."""
    database = app.config["DATABASE"]
    with requests_keep_arriving(app, clients=3) as arrivals:
        while arrivals.written < 50:
            time.sleep(0.01)
        before = _count(database, "requests")
        made = backup_database(database, tmp_path / "during.sqlite")
        after = _count(database, "requests")
        while arrivals.written < after + 50:  # the writers went on after the backup, too
            time.sleep(0.01)
    assert arrivals.failures == []
    assert before <= made.rows["requests"] <= after
    assert _count(tmp_path / "during.sqlite", "requests") == made.rows["requests"]

"""`flask db copy --to postgresql://...`: a SQLite database moved into an empty PostgreSQL one, proved equal."""

from __future__ import annotations

import time

import pytest

from app import create_app
from app.platform import db as storage
from app.platform.dbtools import CopyError, copy_database
from arriving import requests_keep_arriving
from conftest import FAST_ARGON2

pytestmark = pytest.mark.postgresql


def _sqlite_app(tmp_path):
    return create_app({"TESTING": True, "SECRET_KEY": "test-secret", "DATABASE": str(tmp_path / "pa.sqlite"),
                       "RATELIMIT_ENABLED": False, "ARGON2_PARAMETERS": FAST_ARGON2})


def _request(client, n: int) -> str:
    response = client.post("/api/requests", json={"type": "access", "name": f"Asha {n}", "email": "asha@example.com",
                                                 "details": "Please send me a copy of my data."})
    assert response.status_code == 201, response.get_json()
    return response.get_json()["reference"]


def _rows(url: str, sql: str) -> list[tuple]:
    db = storage.connect(url)
    try:
        return [tuple(row) for row in db.execute(sql).fetchall()]
    finally:
        db.close()


def test_copy_moves_every_row_and_the_app_goes_on_from_there(tmp_path, postgresql_server):
    app = _sqlite_app(tmp_path)
    client = app.test_client()
    asked = [client.post("/api/ask", json={"question": f"Do you sell my data? ({n})"}).get_json()["question_id"]
             for n in range(20)]
    client.post("/api/feedback", json={"question_id": asked[0], "helpful": False})
    references = [_request(client, n) for n in range(5)]
    target = postgresql_server.new_database()

    result = app.test_cli_runner().invoke(args=["db", "copy", "--to", target])

    assert result.exit_code == 0, result.output
    assert "requests: 5 rows" in result.output and "questions: 20 rows" in result.output
    assert "(same in both)" in result.output
    source = str(tmp_path / "pa.sqlite")
    for sql in ("select id, reference, type, status, received_at, due_date, verified from requests order by id",
                "select id, question, kind, answered, confidence from questions order by id",
                "select question_id, helpful from feedback order by question_id",
                'select request_id, "by", field, new from request_events order by id',
                "select id, kind, to_addr, subject from outbox order by id"):
        assert _rows(target, sql) == _rows(source, sql), sql
    storage.reset_connections(app)
    # The copy is a working database: a new request gets the next id, not one the copied rows hold.
    moved = create_app({"TESTING": True, "SECRET_KEY": "test-secret", "DATABASE": target, "RATELIMIT_ENABLED": False})
    new_reference = _request(moved.test_client(), 99)
    ids = _rows(target, "select id, reference from requests order by id")
    assert [r for _, r in ids] == [*references, new_reference]
    assert ids[-1][0] == 6
    storage.reset_connections(moved)


def test_copy_refuses_a_database_that_is_not_empty(tmp_path, postgresql_server):
    app = _sqlite_app(tmp_path)
    _request(app.test_client(), 1)
    target = postgresql_server.new_database()
    first = app.test_cli_runner().invoke(args=["db", "copy", "--to", target])
    assert first.exit_code == 0, first.output

    again = app.test_cli_runner().invoke(args=["db", "copy", "--to", target])

    assert again.exit_code == 1
    assert "is not empty" in again.output and "new, empty database" in again.output
    assert _rows(target, "select count(*) from requests") == [(1,)]  # nothing doubled
    storage.reset_connections(app)


@pytest.mark.parametrize("url, problem", [
    ("mysql://pa@localhost/pa", "cannot use"),
    ("postgresql://pa@localhost", "names no database"),
])
def test_copy_refuses_a_target_it_cannot_use(tmp_path, url, problem):
    app = _sqlite_app(tmp_path)
    result = app.test_cli_runner().invoke(args=["db", "copy", "--to", url])
    assert result.exit_code == 2
    assert problem in result.output and "--to" in result.output


def test_copy_to_a_server_that_is_not_there_says_so_without_a_traceback(tmp_path):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens there once the socket is closed
    app = _sqlite_app(tmp_path)
    result = app.test_cli_runner().invoke(args=["db", "copy", "--to", f"postgresql://pa:s3cret@127.0.0.1:{port}/pa"])
    assert result.exit_code == 1, result.output
    assert f"postgresql://pa:***@127.0.0.1:{port}/pa: cannot connect to the database" in result.output
    assert "Connection refused" in result.output
    assert "Traceback" not in result.output and result.exception.__class__ is SystemExit
    assert "s3cret" not in result.output


def test_copy_into_the_same_database_is_refused(tmp_path):
    target = storage.parse_target(tmp_path / "pa.sqlite")
    with pytest.raises(CopyError, match="same database"):
        copy_database(target, target)


@pytest.mark.slow
def test_copy_while_requests_keep_arriving_is_one_moment_of_the_source(tmp_path, postgresql_server):
    """Writers never stop or fail during the copy, and the copy holds every row up to one moment: no gaps."""
    app = _sqlite_app(tmp_path)
    client = app.test_client()
    for n in range(300):
        _request(client, n)
    with requests_keep_arriving(app) as arrivals:
        target = postgresql_server.new_database()
        copied = copy_database(storage.parse_target(tmp_path / "pa.sqlite"), storage.parse_target(target))
        during = arrivals.written
    assert arrivals.failures == []
    assert during > 0  # the writers really ran during the copy
    total = _rows(str(tmp_path / "pa.sqlite"), "select count(*) from requests")[0][0]
    ids = [i for (i,) in _rows(target, "select id from requests order by id")]
    assert 300 <= len(ids) == copied.rows["requests"] <= total
    assert ids == list(range(1, len(ids) + 1))  # one moment: every request up to it, none after
    # Each copied request has its whole trail: the rows written in the same transaction came along.
    assert _rows(target, "select count(distinct request_id) from request_events where field = 'created'") == \
        [(len(ids),)]
    storage.reset_connections(app)


@pytest.mark.slow
def test_a_postgresql_source_is_copied_as_one_moment_while_requests_keep_arriving(tmp_path, postgresql_server):
    """From PostgreSQL (e.g. back to a SQLite file): one snapshot for every table and the checksums, under writes.

    In PostgreSQL's default isolation each statement saw a newer moment, so the checksums read after the copy
    counted rows the copy did not have, and the copy failed whenever anything was written meanwhile.
    """
    source = postgresql_server.new_database()
    app = create_app({"TESTING": True, "SECRET_KEY": "test-secret", "DATABASE": source, "RATELIMIT_ENABLED": False,
                      "ARGON2_PARAMETERS": FAST_ARGON2, "QUESTION_SPOOL_DIR": str(tmp_path / "spool")})
    client = app.test_client()
    for n in range(100):
        _request(client, n)
    try:
        with requests_keep_arriving(app) as arrivals:
            time.sleep(0.2)
            before = arrivals.written
            copied = copy_database(storage.parse_target(source), storage.parse_target(tmp_path / "copy.sqlite"))
            during = arrivals.written - before
    finally:
        storage.reset_connections(app)
    assert arrivals.failures == []
    assert during > 0  # the writers really ran during the copy
    total = _rows(source, "select count(*) from requests")[0][0]
    copy = str(tmp_path / "copy.sqlite")
    ids = [i for (i,) in _rows(copy, "select id from requests order by id")]
    assert 100 <= len(ids) == copied.rows["requests"] < total
    # Every table from the same moment: each copied request has its trail, and no trail lacks its request.
    assert _rows(copy, "select count(distinct request_id) from request_events where field = 'created'") == \
        [(len(ids),)]
    assert _rows(copy, "select count(*) from outbox where request_id not in (select id from requests)") == [(0,)]


def test_backup_of_a_postgresql_database_points_to_pg_dump(postgresql_server, tmp_path):
    app = create_app({"TESTING": True, "SECRET_KEY": "test-secret", "DATABASE": postgresql_server.new_database(),
                      "RATELIMIT_ENABLED": False})
    result = app.test_cli_runner().invoke(args=["db", "backup", str(tmp_path / "pa.sqlite")])
    assert result.exit_code == 1
    assert "pg_dump" in result.output
    assert not (tmp_path / "pa.sqlite").exists()
    storage.reset_connections(app)


def test_a_copy_keeps_the_dashboards_stored_days_and_what_outdates_them(tmp_path, postgresql_server):
    from datetime import date

    from app.staff import figures

    app = _sqlite_app(tmp_path)
    source = storage.connect(str(tmp_path / "pa.sqlite"))
    period = figures.Period(date(2026, 3, 1), date(2026, 3, 7))

    def log(n: int, at: str, helpful: int | None = None) -> None:
        with storage.write(source):
            source.insert("questions", {"id": f"q{n}", "asked_at": at, "question": "do you sell my data", "kind": "answer",
                                        "answered": 1, "top_clause": "s4-1", "topic": "third_party_sharing_collection"})
            if helpful is not None:
                source.insert("feedback", {"question_id": f"q{n}", "helpful": helpful, "given_at": at})

    for n, day in enumerate(range(1, 6)):
        log(n, f"2026-03-0{day}T06:00:00.000+00:00", helpful=n % 2)
    figures.daily(source, period)  # stored
    log(9, "2026-03-02T07:00:00.000+00:00")  # a late row: 2 March is out of date in the store
    target = postgresql_server.new_database()
    try:
        result = app.test_cli_runner().invoke(args=["db", "copy", "--to", target])
        assert result.exit_code == 0, result.output
        assert "question_days: 7 rows" in result.output and "log_changes: 5 rows" in result.output
        copy = storage.connect(target)
        try:
            assert figures.daily(copy, period) == figures.daily(source, period)
            assert [d.asked for d in figures.daily(copy, period)] == [1, 2, 1, 1, 1, 0, 0]
        finally:
            copy.close()
    finally:
        source.close()
        storage.reset_connections(app)

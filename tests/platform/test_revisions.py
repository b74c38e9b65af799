"""The Alembic revisions as the code knows them: a database at the newest one starts without loading Alembic."""

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory

from app.platform import db as storage


def test_the_head_revision_the_start_up_checks_is_alembics_newest():
    config = Config()
    config.set_main_option("script_location", "app.platform:alembic")
    script = ScriptDirectory.from_config(config)
    assert script.get_heads() == [storage.ALEMBIC_HEAD]  # one line of history, ending where db.py says
    assert script.get_revision(storage.ALEMBIC_BASELINE).down_revision is None


def test_a_database_at_the_head_is_left_as_it_is(tmp_path):
    path = tmp_path / "pa.sqlite"
    storage.migrate(path)
    before = path.stat().st_mtime_ns
    storage.migrate(path)  # the fast path: nothing written
    db = storage.connect(path)
    try:
        assert storage.current_revision(db) == storage.ALEMBIC_HEAD
    finally:
        db.close()
    assert path.stat().st_mtime_ns == before


@pytest.mark.storage
def test_revision_0002_counts_late_changes_by_day_and_goes_back_down_keeping_the_log(database_url):
    from alembic import command

    storage.migrate(database_url)
    db = storage.connect(database_url, create=True)  # as the migrations connect: allowed to change the schema
    try:
        with storage.write(db):
            config = storage.alembic_config(db)
            command.downgrade(config, "0001")
        assert {"log_changes", "question_days", "review_boards", "wording_shapes"}.isdisjoint(db.table_names())
        with storage.write(db):
            db.insert("questions", {"id": "old", "asked_at": "2026-03-01T20:00:00.000+00:00", "question": "x",
                                    "kind": "answer", "answered": 1})
        with storage.write(db):
            command.upgrade(storage.alembic_config(db), "head")
        assert storage.current_revision(db) == storage.ALEMBIC_HEAD
        assert db.scalar("select value from counters where name = 'review'") == 0
        with storage.write(db):
            db.insert("questions", {"id": "late", "asked_at": "2026-03-01T21:00:00.000+00:00", "question": "y",
                                    "kind": "answer", "answered": 1})  # asked long ago: late
            db.insert("questions", {"id": "now", "asked_at": storage.now_iso(), "question": "z", "kind": "answer",
                                    "answered": 1})  # asked now: not
            db.insert("feedback", {"question_id": "old", "helpful": 1, "given_at": storage.now_iso()})
            db.execute("update feedback set helpful = 0 where question_id = 'old'")
            db.execute("delete from feedback where question_id = 'old'")
            db.execute("delete from questions where id = 'old'")
        # 1 March 20:00 and 21:00 UTC are 2 March in India: one day, five late changes
        assert db.query("select day, changes from log_changes") == [{"day": "2026-03-02", "changes": 5}]
        with storage.write(db):
            command.downgrade(storage.alembic_config(db), "0001")
            db.insert("questions", {"id": "after", "asked_at": "2026-03-01T22:00:00.000+00:00", "question": "w",
                                    "kind": "answer", "answered": 1})  # no trigger is left to fire
        assert db.count("questions") == 3 and "log_changes" not in db.table_names()
    finally:
        db.close()


@pytest.mark.storage
def test_revision_0003_empties_the_text_older_note_events_kept_and_nothing_else(database_url):
    from alembic import command

    storage.migrate(database_url)
    db = storage.connect(database_url, create=True)
    try:
        with storage.write(db):
            command.downgrade(storage.alembic_config(db), "0002")
            request_id = db.insert("requests", {
                "reference": "BM-NOTE-0001", "type": "access", "name": "Asha", "email": "asha@example.com",
                "details": "-", "received_at": "2026-11-01T10:00:00+00:00", "due_date": "2026-12-01"})
            for field, old, new in [("note", "", "called Asha on +91 98200 00000"), ("status", "new", "in_progress")]:
                db.insert("request_events", {"request_id": request_id, "at": "2026-11-02T10:00:00+00:00",
                                             "by": "agent", "field": field, "old": old, "new": new})
        with storage.write(db):
            command.upgrade(storage.alembic_config(db), "head")
        events = db.query("select field, old, new from request_events order by field")
        assert events == [{"field": "note", "old": None, "new": None},
                          {"field": "status", "old": "new", "new": "in_progress"}]
    finally:
        db.close()

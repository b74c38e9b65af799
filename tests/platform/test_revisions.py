"""The Alembic revisions as the code knows them: a database at the newest one starts without loading Alembic."""

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

"""`flask db ...`: tools for the database as a whole.

    flask --app app db backup /var/backups/pa-2026-11-30.sqlite   # a consistent copy while the server runs

A backup uses SQLite's online backup API in one step: it reads inside one read
transaction, so it sees one moment of the database while the server's workers go
on writing (in WAL mode readers never block writers, and the copy never has to
restart because of them). The copy is written next to the target as
`<target>.partial`, checked with `PRAGMA integrity_check`, flushed to disk, and
only then renamed into place, so a target file is always a whole backup.
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from . import db as storage

db_cli = AppGroup("db", help="Back up the database.")


class BackupError(RuntimeError):
    """The backup could not be made; the message says why. Nothing is left at the target."""


@dataclass(frozen=True)
class Backup:
    path: Path
    bytes: int
    seconds: float
    rows: dict[str, int]  # table -> rows in the copy


def backup_database(source: str | Path, target: str | Path, timeout: float = 30.0) -> Backup:
    """Copy the SQLite database at `source` to the new file `target`, consistently, while others write to it."""
    source, target = Path(source), Path(target)
    if not source.is_file():
        raise BackupError(f"{source}: no database there")
    if target.exists():
        raise BackupError(f"{target}: already exists; choose a new name (backups are never overwritten)")
    if not target.parent.is_dir():
        raise BackupError(f"{target.parent}: no such folder")
    partial = target.with_name(target.name + ".partial")
    started = time.perf_counter()
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=timeout)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)  # pages=-1: the whole file inside one read transaction
            # The copy is a file of its own, not part of a WAL pair: make it a plain rollback-journal database.
            dst.execute("PRAGMA journal_mode = DELETE")
            problem = dst.execute("PRAGMA integrity_check").fetchone()[0]
            if problem != "ok":
                raise BackupError(f"{partial}: the copy failed its integrity check ({problem}); it was removed")
            tables = [name for (name,) in dst.execute(
                "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")]
            rows = {name: dst.execute(f'select count(*) from "{name}"').fetchone()[0] for name in tables}
        finally:
            dst.close()
        with open(partial, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"could not back up {source} to {target}: {exc}") from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    return Backup(target, target.stat().st_size, time.perf_counter() - started, rows)


@db_cli.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def backup_command(path: Path):
    """Copy the database to PATH (a new file), consistently, while the server runs."""
    if storage.target_of(current_app).kind != "sqlite":
        raise click.ClickException("flask db backup copies a SQLite file, and FLASK_DATABASE is a PostgreSQL "
                                   "database: back it up with pg_dump or the server's own backups.")
    try:
        made = backup_database(storage.database_path(current_app), path, current_app.config["DATABASE_TIMEOUT"])
    except BackupError as exc:
        raise click.ClickException(str(exc)) from None
    summary = ", ".join(f"{made.rows[name]} {name}" for name in ("requests", "questions", "users") if name in made.rows)
    click.echo(f"backed up to {made.path} ({made.bytes / 1e6:.1f} MB in {made.seconds:.2f} s; {summary})")


def init_app(app) -> None:
    app.cli.add_command(db_cli)

"""`flask db ...`: tools for the database as a whole.

    flask --app app db backup /var/backups/pa-2026-11-30.sqlite   # a consistent copy while the server runs
    flask --app app db copy --to postgresql://pa@db.internal/pa    # move a SQLite database to PostgreSQL

A backup uses SQLite's online backup API in one step: it reads inside one read
transaction, so it sees one moment of the database while the server's workers go
on writing (in WAL mode readers never block writers, and the copy never has to
restart because of them). The copy is written next to the target as
`<target>.partial`, checked with `PRAGMA integrity_check`, flushed to disk, and
only then renamed into place, so a target file is always a whole backup.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

import sqlalchemy as sa

from . import db as storage, schema

db_cli = AppGroup("db", help="Back up the database, or copy it to PostgreSQL.")


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
    # A URI made by pathlib, so that a '#', '?' or '%' in the name stays part of the path: pasted in as it was,
    # "pa#1.sqlite" opened (and created) an empty file "pa", and the backup was an empty database.
    src = sqlite3.connect(source.absolute().as_uri() + "?mode=ro", uri=True, timeout=timeout)
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
    if storage.target_of(current_app).path is None:
        raise click.ClickException("FLASK_DATABASE is a PostgreSQL database: back it up with PostgreSQL's own "
                                   "tools, e.g. pg_dump --format=custom --file=pa.dump DATABASE_URL")
    try:
        made = backup_database(storage.database_path(current_app), path, current_app.config["DATABASE_TIMEOUT"])
    except BackupError as exc:
        raise click.ClickException(str(exc)) from None
    summary = ", ".join(f"{made.rows[name]} {name}" for name in ("requests", "questions", "users") if name in made.rows)
    click.echo(f"backed up to {made.path} ({made.bytes / 1e6:.1f} MB in {made.seconds:.2f} s; {summary})")


# --- copy to another database ---------------------------------------------------------------------------------

class CopyError(RuntimeError):
    """The copy was refused or failed its check; the message says why."""


@dataclass(frozen=True)
class Copied:
    rows: dict[str, int]  # table -> rows copied (and found in the target)
    checksums: dict[str, str]  # table -> sha256 of its rows, equal on both sides
    seconds: float


BATCH = 2000  # rows read and written at a time


def copy_database(source: storage.Target, target: storage.Target, timeout: float = 30.0) -> Copied:
    """Copy every table of `source` into the empty database `target`, then prove the copy by counts and checksums.

    The source is read inside one read transaction, so the copy is one moment of it even while the server
    writes (SQLite in WAL mode never blocks a reader). The target must hold no tables: its schema is made by the
    same Alembic migrations, and all rows are written in one transaction, so a failed copy leaves it empty.
    """
    started = time.perf_counter()
    if source == target:
        raise CopyError("the source and the target are the same database")
    try:
        check = storage.connect(target, timeout, create=True)
    except storage.ERRORS as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise CopyError(f"{target.shown}: cannot connect to the database ({reason}). Check the URL, that the "
                        "server is running and that the database exists (createdb).") from None
    try:
        tables = check.table_names()
    finally:
        check.close()
    if tables:
        raise CopyError(f"{target.shown} is not empty ({', '.join(tables[:5])}{', ...' if len(tables) > 5 else ''}): "
                        "copy only into a new, empty database")
    storage.migrate(source, timeout)  # the source at the same revision as the target will be
    storage.migrate(target, timeout)
    src, dst = storage.connect(source, timeout), storage.connect(target, timeout)
    try:
        # One snapshot of the source for the copy and its checksums: SQLite's read transaction is one already;
        # PostgreSQL's default (READ COMMITTED) takes a new snapshot for each statement.
        src.conn.exec_driver_sql("BEGIN" if src.kind == "sqlite" else "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            with storage.write(dst):
                for table in schema.TABLES:
                    dst.execute(sa.delete(table))  # the rows the first migration seeds (counters, health)
                    for batch in _batches(src, table):
                        dst.execute(sa.insert(table), batch)
                if dst.kind == "postgresql":
                    _advance_sequences(dst)
            counts, sums = _summary(src)
        finally:
            src.conn.exec_driver_sql("COMMIT")
        copied_counts, copied_sums = _summary(dst)
    except storage.ERRORS as exc:
        raise CopyError(f"the copy failed and nothing was kept in {target.shown}: {getattr(exc, 'orig', exc)}") \
            from exc
    finally:
        src.close()
        dst.close()
    for name in counts:
        if counts[name] != copied_counts[name] or sums[name] != copied_sums[name]:
            raise CopyError(f"{name}: the copy differs from the source ({counts[name]} rows, sha256 "
                            f"{sums[name][:12]} against {copied_counts[name]} rows, {copied_sums[name][:12]})")
    return Copied(counts, sums, time.perf_counter() - started)


def _batches(db: storage.Database, table: sa.Table):
    result = db.execute(sa.select(table).order_by(*table.primary_key.columns)).mappings()
    while batch := result.fetchmany(BATCH):
        yield [dict(row) for row in batch]


def _advance_sequences(db: storage.Database) -> None:
    """Rows came with their ids: move each id sequence past them, so the next insert gets a new id."""
    for table in schema.TABLES:
        for column in table.primary_key.columns:
            if column.autoincrement is True:
                db.execute(f"select setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "
                           f"coalesce((select max({column.name}) from {table.name}), 0) + 1, false)")


def _summary(db: storage.Database) -> tuple[dict[str, int], dict[str, str]]:
    """Rows and a sha256 of every table's rows in key order, as values (the same on SQLite and PostgreSQL)."""
    counts, sums = {}, {}
    for table in schema.TABLES:
        digest, n = hashlib.sha256(), 0
        for batch in _batches(db, table):
            for row in batch:
                digest.update(json.dumps([row[c.name] for c in table.columns], ensure_ascii=False).encode())
                digest.update(b"\n")
                n += 1
        counts[table.name], sums[table.name] = n, digest.hexdigest()
    return counts, sums


@db_cli.command("copy")
@click.option("--to", "to", required=True, metavar="URL",
              help="The new, empty database to copy into, e.g. postgresql://pa@db.internal/pa.")
def copy_command(to: str):
    """Copy this app's database (FLASK_DATABASE) into the empty database at URL, and check the copy."""
    try:
        target = storage.parse_target(to)
    except storage.DatabaseURLError as exc:
        raise click.BadParameter(str(exc).replace("FLASK_DATABASE", "--to"), param_hint="--to") from None
    source = storage.target_of(current_app)
    try:
        copied = copy_database(source, target, max(30.0, current_app.config["DATABASE_TIMEOUT"]))
    except (CopyError, storage.SchemaError) as exc:
        raise click.ClickException(str(exc)) from None
    for name, rows in copied.rows.items():
        click.echo(f"{name}: {rows} rows, sha256 {copied.checksums[name][:16]} (same in both)")
    password = " (with its password)" if target.kind == "postgresql" else ""
    click.echo(f"copied {sum(copied.rows.values())} rows from {source.shown} to {target.shown} in "
               f"{copied.seconds:.1f} s. Set FLASK_DATABASE={target.shown}{password} and restart.")


def init_app(app) -> None:
    app.cli.add_command(db_cli)

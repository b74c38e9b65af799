"""Storage faults acted out on a real database, SQLite or PostgreSQL, for the fault and hardening tests.

    with write_lock_held(url): ...         # another session blocks every write meanwhile
    clear = make_read_only(app)            # the database takes no writes until clear() (no restart)
    rows(url, "requests")                  # the stored rows, read on a connection of its own

SQLite has one write lock for the file: another process holding it (BEGIN IMMEDIATE) stops every writer. The
nearest PostgreSQL fault is another session holding every table in EXCLUSIVE mode (reads go on, writes wait),
as a long maintenance job or a stuck migration does. A read-only SQLite file (a read-only mount) has its
counterpart in a PostgreSQL database that refuses writes, as a standby does after a failover.
"""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import contextmanager

import pytest

from app.platform import db as storage
from app.platform import health
from app.platform.schema import metadata


def rows(url: str, table: str, order: str | None = None) -> list[dict]:
    """Every row of `table` (a constant of the test), read on a new connection."""
    db = storage.connect(url)
    try:
        return db.query(f"select * from {table}" + (f" order by {order}" if order else ""))
    finally:
        db.close()


@contextmanager
def write_lock_held(url: str):
    """Another process's session stops every write to the database for the block; reads go on."""
    target = storage.parse_target(url)
    if target.kind == "sqlite":
        other = sqlite3.connect(target.path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            other.execute("ROLLBACK")
            other.close()
        return
    import psycopg

    with psycopg.connect(url, autocommit=False) as other:
        other.execute(f"LOCK TABLE {', '.join(metadata.tables)} IN EXCLUSIVE MODE")
        try:
            yield
        finally:
            other.rollback()


def make_read_only(app):
    """From the next connection on, the database can be read but not written; returns the function that ends it.

    SQLite: every connection opens the file read-only. PostgreSQL: the database makes every transaction
    read-only (default_transaction_read_only), as a hot standby does.
    """
    target = storage.target_of(app)
    if target.kind == "sqlite":
        def connect_read_only(path, timeout=5.0, create=False):
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=timeout, isolation_level=None,
                                   check_same_thread=False)
            conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            conn.execute("PRAGMA foreign_keys = ON")
            return conn

        return _patched(app, [(storage, "sqlite_connect", connect_read_only)])

    def set_read_only(on: bool):
        db = storage.connect(target)
        try:
            db.execute("SET default_transaction_read_only = off")  # this session may change it back
            name = db.scalar("select current_database()")
            setting = "SET default_transaction_read_only = on" if on else "RESET default_transaction_read_only"
            db.execute(f'ALTER DATABASE "{name}" {setting}')
        finally:
            db.close()
        storage.reset_connections(app)

    set_read_only(True)
    return lambda: set_read_only(False)


def make_full(app):
    """SQLite only: the file cannot grow (max_page_count) and its disk reports no free space."""
    real_connect = storage.sqlite_connect

    def connect_full(path, timeout=5.0, create=False):
        conn = real_connect(path, timeout, create)
        conn.execute("PRAGMA max_page_count = 1")  # SQLite's own way to act out "database or disk is full"
        return conn

    real_usage = shutil.disk_usage
    return _patched(app, [(storage, "sqlite_connect", connect_full),
                          (health.shutil, "disk_usage", lambda p: real_usage(p)._replace(free=0))])


def _patched(app, replacements):
    """Put the replacements in place and close the app's connections; returns the function that undoes both."""
    patch = pytest.MonkeyPatch()
    for owner, name, value in replacements:
        patch.setattr(owner, name, value)
    storage.reset_connections(app)

    def clear():
        patch.undo()
        storage.reset_connections(app)

    return clear

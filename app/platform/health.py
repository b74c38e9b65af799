"""Whether the database can be written now: what /healthz reports, the same in every worker.

    check(app)  # {"status": "ok", "database": "ok"} or {"status": "degraded", "database": "unavailable",
                #                                         "reason": "locked", "log_backlog": 12}

Each check proves, instead of assuming: the file at DATABASE is there; its disk
has at least HEALTH_MIN_FREE_BYTES free (a tiny write can succeed on a full disk,
as SQLite reuses free pages and WAL frames, so space is measured); a real write
commits (one row in `health` updated inside BEGIN IMMEDIATE, waiting at most
HEALTH_WAIT for the lock: read-only files, a missing schema and a held lock fail
here); and no question rows are held up in the spool (app/platform/questionlog.py: rows
queued for the next batch a moment ago are not held up). Every source
is shared by all workers (the database, the disk, the spool directory), so every
worker gives the same answer; each worker checks at most once per
HEALTH_PROBE_INTERVAL second and repeats its last answer in between.
"""

from __future__ import annotations

import logging
import os
import shutil
import time

from . import db as storage
from . import questionlog
from .locks import ForkSafeLock

log = logging.getLogger(__name__)

DEFAULTS = {
    "HEALTH_PROBE_INTERVAL": 1.0,  # seconds a worker reuses its last check
    "HEALTH_WAIT": 0.05,  # seconds the write probe waits for the lock (its thread serves nothing else meanwhile)
    "HEALTH_MIN_FREE_BYTES": 16 * 1024 * 1024,  # less free space than this on the database's disk: "full"
}
_lock = ForkSafeLock()


def check(app) -> dict:
    """The database's state now (at most HEALTH_PROBE_INTERVAL old), as /healthz shows it."""
    cached = app.extensions.get("health_last")
    now = time.monotonic()
    if cached and cached[0] == os.getpid() and now - cached[1] < app.config["HEALTH_PROBE_INTERVAL"]:
        return dict(cached[2])
    with _lock:
        result = _probe(app)
    app.extensions["health_last"] = (os.getpid(), time.monotonic(), result)
    return dict(result)


def _probe(app) -> dict:
    reason = _write_problem(app)
    # Rows queued a moment ago for the next batch (QUESTION_LOG_BATCH) are not held up: only late ones count.
    waiting = questionlog.backlog(app, late=True)
    if reason is None and waiting:
        try:
            questionlog.drain(app, wait=app.config["HEALTH_WAIT"])  # the lock is free again: catch up first
        except Exception as exc:
            log.warning("health: spooled question rows cannot be written yet: %s", exc)
        waiting = questionlog.backlog(app, late=True)
    result = {"status": "ok" if reason is None and not waiting else "degraded",
              "database": "ok" if reason is None else "unavailable"}
    if reason is not None:
        result["reason"] = reason
    if waiting:
        result["log_backlog"] = waiting
    return result


def _write_problem(app) -> str | None:
    """None if a write commits now, else a word for why not: missing, full, read-only, locked, no schema, error."""
    path = storage.target_of(app).path  # None for PostgreSQL: its server watches its own disk
    if path is not None:
        if not path.exists():
            return "missing"
        try:
            if shutil.disk_usage(path.parent).free < app.config["HEALTH_MIN_FREE_BYTES"]:
                return "full"
        except OSError:
            return "missing"
    try:
        db = storage.get_db()
        with storage.waiting(db, app.config["HEALTH_WAIT"]), storage.write(db):
            updated = db.execute("UPDATE health SET probed_at = :probed_at, probes = probes + 1 WHERE id = 1",
                                 {"probed_at": storage.now_iso()}).rowcount
        if updated != 1:
            return "no schema"
    except storage.DatabaseMissing:
        return "missing"
    except storage.ERRORS as exc:
        return _classify(getattr(exc, "orig", None) or exc)
    except Exception:
        log.exception("health: the write probe failed")
        return "error"
    return None


def _classify(exc: Exception) -> str:
    text = str(exc).lower()
    for needle, reason in (("locked", "locked"), ("busy", "locked"), ("readonly", "read-only"),
                           ("read-only", "read-only"), ("full", "full"), ("no such table", "no schema"),
                           ("unable to open", "missing"), ("not authorized", "no schema"),
                           ("lock timeout", "locked"), ("does not exist", "no schema"),
                           ("could not connect", "unreachable"), ("connection", "unreachable")):
        if needle in text:
            return reason
    log.warning("health: the write probe failed: %s", exc)
    return "error"


def init_app(app) -> None:
    for key, value in DEFAULTS.items():
        app.config.setdefault(key, value)

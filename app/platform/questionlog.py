"""The question log: one row per ask, written without making the visitor wait, never lost to a busy database.

    record(row)          # from chat.ask(): write now, or spool and write later
    backlog()            # rows waiting in the spool, in every worker
    is_spooled(id)       # whether a question's row is still waiting

`record` waits at most QUESTION_LOG_WAIT (50 ms) for the write lock. If the row
cannot be written then (another process holds the lock, the file is read-only,
deleted or full), it is appended as one JSON line to this process's file in the
spool directory (QUESTION_SPOOL_DIR, by default `<database>.spool/`), and every
later ask, in every worker, goes straight to the spool while it holds rows, so
only one visitor in all waits those 50 ms on a database that is stuck. A daemon thread in each process
tries every half second to move spooled rows into the database with
`ON CONFLICT DO NOTHING` (a row written twice is stored once), then deletes the file.
Files of processes that have died are picked up by any other process and at
start-up. The spool is bounded (QUESTION_SPOOL_MAX_BYTES, 16 MiB, about 30,000
rows): beyond that, or if the spool itself cannot be written, the row is lost
and the server log says so with the question id.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import json
import logging
import os
import threading
import time
import uuid
from pathlib import Path

from flask import current_app

from . import db as storage
from .locks import ForkSafeLock

log = logging.getLogger(__name__)

DEFAULTS = {
    # Seconds an ask waits for the write lock before its log row goes to the spool.
    "QUESTION_LOG_WAIT": 0.05,
    # Where rows wait; None: next to a SQLite database ("<DATABASE>.spool"), or instance/question-spool.
    "QUESTION_SPOOL_DIR": None,
    # Most bytes the spool holds (all processes together) before rows are dropped, loudly.
    "QUESTION_SPOOL_MAX_BYTES": 16 * 1024 * 1024,
}
DRAIN_INTERVAL = 0.5  # seconds between a process's attempts to empty the spool
APPEND_ATTEMPTS = 5  # times a row is written again after its spool file was claimed as it was written
CONTENT_ATTEMPTS = 20  # times backlog() lists the spool again after a file was claimed as it was read

_lock = ForkSafeLock(threading.RLock)  # one process: an append never races a claim of the same file
_drainers: dict[tuple[int, str], threading.Thread] = {}  # (process, spool folder): its drain thread


@functools.lru_cache(maxsize=8)
def insert_statement(columns: tuple[str, ...], duplicates: str = "fail") -> str:
    """An INSERT of one question row; `duplicates="ignore"`: a row already stored is skipped (both databases)."""
    names = ", ".join(f'"{column}"' for column in columns)
    values = ", ".join(f":{column}" for column in columns)
    ignore = " ON CONFLICT (id) DO NOTHING" if duplicates == "ignore" else ""
    return f"INSERT INTO questions ({names}) VALUES ({values}){ignore}"


def record(row: dict) -> str:
    """Log one question row: "logged" (in the database now), "spooled" (later) or "lost" (see the server log)."""
    app = current_app._get_current_object()
    directory = spool_dir(app)
    if not _holds_rows(directory):  # rows already waiting (in any worker): the database is stuck, do not wait on it
        if _write_together(app, row):
            return "logged"
    app.extensions["log_failures"] = app.extensions.get("log_failures", 0) + 1
    _start_drainer(app)
    try:
        _append(directory, row, app.config["QUESTION_SPOOL_MAX_BYTES"])
    except Exception:
        log.exception("could not log question %s: the row is lost", row["id"])
        return "lost"
    return "spooled"


class _Group:
    """The rows this process's threads are logging at the same moment, written in one transaction.

    Each ask's thread adds its row to `pending` and queues for `writer`. The first one through takes every
    pending row and writes them together; the others find their row written when their turn comes and return
    without touching the database. Under load that is one BEGIN and COMMIT (and one set of WAL pages) for
    several asks instead of each; alone, an ask writes its own row as before, and it never returns before its
    row is committed (or known to need the spool), so a worker killed after answering has lost nothing.
    """

    def __init__(self):
        self.mutex = threading.Lock()  # guards `pending`, held for an append or a swap only
        self.writer = threading.Lock()  # one transaction of this process's log at a time
        self.pending: list[list] = []  # [row, written?]: None while not yet tried


_groups: dict[tuple[int, str], _Group] = {}  # (process, database): its group


def _write_together(app, row: dict) -> bool:
    """Write `row` with the other rows being logged now in this process; False when it must be spooled.

    The ask waits at most QUESTION_LOG_WAIT in all, for the threads writing before it and for the database's
    lock: a write that stalls (a slow disk, a dead connection) sends the rows queued behind it to the spool
    instead of holding their answers. A row spooled while a stalled write still holds it may be stored twice
    over; the drain's ON CONFLICT DO NOTHING keeps one.
    """
    deadline = time.monotonic() + app.config["QUESTION_LOG_WAIT"]
    key = (os.getpid(), str(app.config["DATABASE"]))
    group = _groups.get(key)
    if group is None:
        with _lock:
            group = _groups.setdefault(key, _Group())
    entry = [row, None]
    with group.mutex:
        group.pending.append(entry)
    if not group.writer.acquire(timeout=max(0.0, deadline - time.monotonic())):
        with group.mutex:  # a writer that has not taken it yet never will
            group.pending = [e for e in group.pending if e is not entry]
        return bool(entry[1])  # written meanwhile after all, or to the spool
    try:
        if entry[1] is None:  # not written by the thread before us: write it, and whatever else waits
            with group.mutex:
                batch, group.pending = group.pending, []
            written = False
            try:
                db = storage.get_db()
                with storage.waiting(db, max(0.0, deadline - time.monotonic())), storage.write(db):
                    for waiting_row, _ in batch:
                        db.run(insert_statement(tuple(waiting_row)), waiting_row)  # straight to the driver
                written = True
            except Exception as exc:
                log.warning("could not log question%s %s now (%s); spooling %s", "s" * (len(batch) > 1),
                            ", ".join(r["id"] for r, _ in batch), exc, "them" if len(batch) > 1 else "it")
            finally:  # each thread spools its own row if this did not write it
                for waiting in batch:
                    waiting[1] = written
    finally:
        group.writer.release()
    return bool(entry[1])


def spool_dir(app) -> Path:
    """QUESTION_SPOOL_DIR; by default next to a SQLite file, or in the instance folder for PostgreSQL."""
    if app.config["QUESTION_SPOOL_DIR"]:
        return _path(app.config["QUESTION_SPOOL_DIR"])
    target = storage.target_of(app)
    return Path(f"{target.path}.spool") if target.path is not None else Path(app.instance_path) / "question-spool"


def backlog(app) -> int:
    """How many rows wait in the spool (all processes): 0 when the log is up to date."""
    return sum(content.count(b"\n") for content in _contents(spool_dir(app)))


def is_spooled(app, question_id: str) -> bool:
    """Whether the row of `question_id` is still waiting in the spool."""
    needle = f'"id": "{question_id}"'.encode()
    return any(needle in content for content in _contents(spool_dir(app)))


def drain(app, everything: bool = False, wait: float | None = None) -> int:
    """Move spooled rows into the database; return how many were read. Raises when the database refuses them.

    Takes this process's files and those of processes that are gone (`everything`:
    all files, for start-up before any worker runs).
    """
    directory = spool_dir(app)
    moved = 0
    for path in _files(directory):
        if not (everything or _claimable(path)):
            continue
        claimed = directory / f"{os.getpid()}.{uuid.uuid4().hex}.draining"
        with _lock:  # only the rename: an append must never wait for the database
            try:
                os.rename(path, claimed)
            except FileNotFoundError:
                continue  # another process took it
        try:
            moved += _insert(app, claimed, wait)
        except BaseException:
            # Back in the queue, unless a starting process (init_app) took it meanwhile: then it writes it.
            with contextlib.suppress(FileNotFoundError):
                os.rename(claimed, directory / f"{os.getpid()}.{uuid.uuid4().hex}.jsonl")
            raise
        with contextlib.suppress(FileNotFoundError):  # taken by a starting process: it writes the rows again
            os.unlink(claimed)
    return moved


def init_app(app) -> None:
    """Settings, the spool directory, and the rows a previous run left in it (written before any worker starts)."""
    for key, value in DEFAULTS.items():
        app.config.setdefault(key, value)
    directory = spool_dir(app)
    directory.mkdir(parents=True, exist_ok=True)
    app.config["QUESTION_SPOOL_DIR"] = str(directory)  # fixed now, whatever DATABASE becomes later
    try:
        moved = drain(app, everything=True)
    except Exception as exc:
        log.error("could not write the %d spooled question rows in %s yet (%s)", backlog(app), directory, exc)
    else:
        if moved:
            log.warning("wrote %d question rows left in the spool %s", moved, directory)


# ---- helpers ----------------------------------------------------------------------------------------------------

def _own_file(directory: Path) -> Path:
    return directory / f"{os.getpid()}.jsonl"


@functools.lru_cache(maxsize=16)
def _path(folder: str) -> Path:
    return Path(folder)  # once, not once an ask


def _holds_rows(directory: Path) -> bool:
    """Whether `_files(directory)` would list anything: the check of every ask, without sorting or Paths."""
    try:
        with os.scandir(directory) as entries:
            return any(e.name.endswith((".jsonl", ".draining")) and _size(e) > 0 for e in entries)
    except FileNotFoundError:
        return False


def _files(directory: Path) -> list[Path]:
    try:
        with os.scandir(directory) as entries:
            return sorted(Path(e.path) for e in entries
                          if e.name.endswith((".jsonl", ".draining")) and _size(e) > 0)
    except FileNotFoundError:
        return []


def _size(entry: os.DirEntry | Path) -> int:
    """A spool file's size; 0 if another process renamed it away meanwhile (it is listed under its new name)."""
    try:
        return entry.stat().st_size
    except FileNotFoundError:
        return 0


def _contents(directory: Path) -> list[bytes]:
    """What every spool file holds. Files are renamed when claimed: one gone before it was read is
    listed again under its new name (or was written to the database and deleted)."""
    for _attempt in range(CONTENT_ATTEMPTS):
        contents = []
        try:
            for path in _files(directory):
                contents.append(path.read_bytes())
        except FileNotFoundError:
            continue
        return contents
    return contents


def _claimable(path: Path) -> bool:
    """This process's own file, or any file of a process that no longer runs."""
    try:
        pid = int(path.name.split(".", 1)[0])
    except ValueError:
        return False
    if pid == os.getpid():
        return not path.name.endswith(".draining")  # ours: only while not being drained right now
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def _append(directory: Path, row: dict, max_bytes: int) -> None:
    """Append `row` to this process's spool file, and make sure it stays in the spool.

    Other processes rename spool files to claim them (a drain thread takes those of dead
    processes, init_app takes all of them), then read and delete them. A claim between
    our open() and our write() moves the file away before the row reaches it, and the
    claimer may read it too soon: so once written, the row is written again to a new
    file unless the file it went to is still ours. A row written twice is stored once.
    """
    line = (json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8")
    with _lock:
        total = sum(_size(path) for path in _files(directory))
        if total + len(line) > max_bytes:
            raise OSError(f"the question spool is full ({total} bytes in {directory})")
        directory.mkdir(exist_ok=True)
        for _attempt in range(APPEND_ATTEMPTS):
            path = _own_file(directory)
            with open(path, "a+b") as f:
                end = f.seek(0, os.SEEK_END)
                if end and os.pread(f.fileno(), 1, end - 1) != b"\n":
                    f.write(b"\n")  # a write cut short (a full disk) left half a line: keep this row off it
                f.write(line)
                f.flush()
                if _still_at(f, path):  # checked while open: the file's inode cannot be reused meanwhile
                    return
    raise OSError(f"the question spool file was taken by another process {APPEND_ATTEMPTS} times in a row")


def _still_at(f, path: Path) -> bool:
    """Whether the open file `f` is still the file at `path` (not renamed away by another process)."""
    try:
        here = os.stat(path)
    except FileNotFoundError:
        return False
    mine = os.fstat(f.fileno())
    return (here.st_dev, here.st_ino) == (mine.st_dev, mine.st_ino)


def _insert(app, path: Path, wait: float | None) -> int:
    rows = []
    for number, line in enumerate(path.read_bytes().splitlines(), 1):
        if not line.strip():
            continue  # the line break _append puts after half a line
        try:
            rows.append(json.loads(line))
        except ValueError:
            # Only a write cut off by a crash can leave half a line; the rest is good.
            log.error("%s:%d: not a whole question row, skipped: %r", path, number, line[:200])
    if not rows:
        return 0
    db = storage.connect_app(app)
    try:
        with storage.waiting(db, app.config["DATABASE_TIMEOUT"] if wait is None else wait), storage.write(db):
            for row in rows:
                # Each row on its own savepoint: one the database refuses (a value it cannot hold, a row edited
                # by hand) is set aside, loudly, instead of keeping every row of the spool out for ever.
                db.run("SAVEPOINT spooled_row")
                try:
                    db.run(insert_statement(tuple(row), "ignore"), row)
                except (storage.DataError, storage.IntegrityError) as exc:
                    db.run("ROLLBACK TO SAVEPOINT spooled_row")
                    log.error("question %s cannot be stored and is dropped from the spool: %s",
                              row.get("id"), exc.orig if hasattr(exc, "orig") else exc)
                db.run("RELEASE SAVEPOINT spooled_row")
    finally:
        db.close()
    return len(rows)


def _start_drainer(app) -> None:
    key = (os.getpid(), str(spool_dir(app)))
    with _lock:
        thread = _drainers.get(key)
        if thread is not None and thread.is_alive():
            return
        if key not in _drainers and not app.testing:
            atexit.register(_drain_at_exit, app, key[0])  # gunicorn's workers exit normally on SIGTERM
        thread = threading.Thread(target=_drain_forever, args=(app,), name="question-spool", daemon=True)
        _drainers[key] = thread
        thread.start()


def _drain_forever(app) -> None:
    failing = False
    directory = spool_dir(app)
    while directory.is_dir():  # gone (a test's temporary folder): stop; the next spooled row starts a new thread
        time.sleep(DRAIN_INTERVAL)
        if not _files(directory):
            continue
        try:
            drain(app)
        except Exception as exc:
            if not failing:
                log.warning("the question spool cannot be written to the database yet: %s", exc)
            failing = True
        else:
            if failing:
                log.warning("the question spool is being written to the database again")
            failing = False


def _drain_at_exit(app, pid: int) -> None:
    if os.getpid() != pid:
        return  # registered before a fork: the parent's job
    try:
        drain(app)
    except Exception as exc:
        log.error("leaving %d question rows in the spool %s at exit (%s); they are written at the next start",
                  backlog(app), spool_dir(app), exc)

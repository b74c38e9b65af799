"""The question log: one row per ask, written without making the visitor wait, never lost to a busy database.

    record(row)          # from chat.ask(): queue it (or write it now), spool it when the database is stuck
    backlog()            # rows waiting in the spool, in every worker
    is_spooled(id)       # whether a question's row is still waiting
    wait_written(id)     # write this worker's waiting rows now, and wait a little for the other workers'

By default (QUESTION_LOG_BATCH, 0.1 s) an ask appends its row as one JSON line to
this process's file in the spool directory (QUESTION_SPOOL_DIR, by default
`<database>.spool/`), a single write to a file the process keeps open, and a
daemon thread in each process writes the rows gathered there to the database
every QUESTION_LOG_BATCH seconds, all in one transaction. The row is in the file
(the kernel's, whatever becomes of the process) before the visitor gets the
answer, so a worker killed after answering has lost nothing; and the ask never
touches the database to log itself. With QUESTION_LOG_BATCH = 0 each ask writes
its own row before it is answered instead (the threads of a process logging at
the same moment share one transaction), waiting at most QUESTION_LOG_WAIT
(50 ms) for the write lock; a row that cannot be written then is spooled, and
every later ask, in every worker, goes straight to the spool while it holds rows,
so only one visitor in all waits those 50 ms on a database that is stuck.

Either way the thread moves spooled rows with `ON CONFLICT DO NOTHING` (a row
written twice is stored once), then deletes the file; when the database does not
take them, the file waits for the next attempt. Files of processes that have
died are picked up by any other process and at start-up. The spool is bounded
(QUESTION_SPOOL_MAX_BYTES, 16 MiB, about 30,000 rows): beyond that, or if the
spool itself cannot be written, the row is lost and the server log says so with
the question id.
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import functools
import json
import logging
import os
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from flask import current_app

from . import db as storage
from .locks import ForkSafeLock

log = logging.getLogger(__name__)

DEFAULTS = {
    # Seconds between a process's writes of the rows its asks queued; 0: each ask writes its own row first (the
    # default of a TESTING app, whose tests read the log right after asking).
    "QUESTION_LOG_BATCH": 0.1,
    # Seconds an ask waits for the write lock before its log row goes to the spool.
    "QUESTION_LOG_WAIT": 0.05,
    # Where rows wait; None: next to a SQLite database ("<DATABASE>.spool"), or instance/question-spool.
    "QUESTION_SPOOL_DIR": None,
    # Most bytes the spool holds (all processes together) before rows are dropped, loudly.
    "QUESTION_SPOOL_MAX_BYTES": 16 * 1024 * 1024,
}
DRAIN_INTERVAL = 0.5  # seconds between a process's attempts to empty the spool
APPEND_ATTEMPTS = 5  # times a row is written again after its spool file was claimed as it was written

_lock = ForkSafeLock(threading.RLock)  # one process: an append never races a claim of the same file
_drainers: dict[tuple[int, str], threading.Thread] = {}  # (process, spool folder): its drain thread
LATE_AFTER = 2.0  # seconds a queued row may wait before /healthz counts it as held up (at least 10 batches)
FEEDBACK_WAIT = 2.0  # seconds feedback waits for another process to write the row it is about
MAX_RETRY_INTERVAL = 5.0  # seconds between a failing drain thread's attempts, at most (it backs off to this)
FREE = "free"  # a spool file put back after a failed write: any process may take it (not only its writer)


@functools.lru_cache(maxsize=8)
def insert_statement(columns: tuple[str, ...], duplicates: str = "fail") -> str:
    """An INSERT of one question row; `duplicates="ignore"`: a row already stored is skipped (both databases)."""
    names = ", ".join(f'"{column}"' for column in columns)
    values = ", ".join(f":{column}" for column in columns)
    ignore = " ON CONFLICT (id) DO NOTHING" if duplicates == "ignore" else ""
    return f"INSERT INTO questions ({names}) VALUES ({values}){ignore}"


def record(row: dict) -> str:
    """Log one question row: "queued" (written within QUESTION_LOG_BATCH), "logged" (in the database now),
    "spooled" (later: the database did not take it) or "lost" (see the server log)."""
    app = current_app._get_current_object()
    directory = spool_dir(app)
    if app.config["QUESTION_LOG_BATCH"]:
        outcome, add = "queued", _queue  # the drain thread writes it with the next batch
    elif not _holds_rows(directory) and _write_together(app, row):  # rows waiting (any worker): do not wait
        return "logged"
    else:
        app.extensions["log_failures"] = app.extensions.get("log_failures", 0) + 1
        outcome, add = "spooled", _append
    try:
        add(directory, row, app.config["QUESTION_SPOOL_MAX_BYTES"])
    except Exception:
        log.exception("could not log question %s: the row is lost", row["id"])
        return "lost"
    try:
        _start_drainer(app)
    except Exception:  # no thread can start (the process's limit, shutting down): the row waits for the next one
        log.exception("could not start the question spool's writer; rows wait in %s", directory)
    return outcome


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


def backlog(app, late: bool = False) -> int:
    """How many rows wait in the spool (all processes): 0 when the log is up to date.

    `late`: only the rows held up, not those queued a moment ago for the next batch (QUESTION_LOG_BATCH): a
    file whose first row was asked more than LATE_AFTER seconds (or ten batches) ago.
    """
    contents = list(_contents(spool_dir(app)))
    batch = app.config["QUESTION_LOG_BATCH"]
    if late and batch:
        cutoff = time.time() - max(LATE_AFTER, 10 * batch)
        contents = [content for content in contents if _first_asked(content) < cutoff]
    return sum(content.count(b"\n") for content in contents)


def _first_asked(content: bytes) -> float:
    """When the first row of a spool file was asked (seconds since the epoch); 0 when that cannot be read."""
    for line in content.split(b"\n", 3)[:3]:  # a broken line (a write cut short) may come first
        try:
            return datetime.fromisoformat(json.loads(line)["asked_at"]).timestamp()
        except (ValueError, KeyError, TypeError):
            continue
    return 0.0


def is_spooled(app, question_id: str) -> bool:
    """Whether the row of `question_id` is still waiting in the spool.

    Reads the newest files first and stops at the row: a row asked about is nearly always in a file written a
    moment ago, and a spool that grew while the database was down can hold many megabytes.
    """
    needle = f'"id": "{question_id}"'.encode()
    with contextlib.closing(_contents(spool_dir(app), newest_first=True)) as contents:  # the lock, until found
        return any(needle in content for content in contents)


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except FileNotFoundError:
        return 0.0


def wait_written(app, question_id: str) -> bool:
    """Write this process's queued rows now and wait (FEEDBACK_WAIT at most) for the other processes' to be
    written; True once the row of `question_id` no longer waits in the spool."""
    if not is_spooled(app, question_id):
        return True
    with contextlib.suppress(Exception):  # the database refuses: the row stays spooled, and we say so
        drain(app, wait=app.config["QUESTION_LOG_WAIT"], pooled=True)
    deadline = time.monotonic() + FEEDBACK_WAIT
    while is_spooled(app, question_id):
        if time.monotonic() >= deadline or not app.config["QUESTION_LOG_BATCH"]:
            return False
        time.sleep(min(0.1, app.config["QUESTION_LOG_BATCH"] / 2))
    return True


def drain(app, everything: bool = False, wait: float | None = None, pooled: bool = False) -> int:
    """Move spooled rows into the database; return how many were read. Raises when the database refuses them.

    Takes this process's files and those of processes that are gone (`everything`:
    all files, for start-up before any worker runs). `pooled`: write with a connection of this worker's pool
    (the drain thread) rather than one of its own.
    """
    directory = spool_dir(app)
    moved = 0
    for path in _files(directory):
        if not (everything or _claimable(path)):
            continue
        claimed = directory / f"{os.getpid()}.{uuid.uuid4().hex}.draining"
        # Only the rename under _lock, taken after the names' lock: an append never waits for the database, nor
        # for a reading of the spool.
        try:
            with _names_kept(directory), _lock:
                _close_queue(path)  # the file our asks append to: the next one opens a new file
                os.rename(path, claimed)
        except FileNotFoundError:
            continue  # another process took it
        try:
            moved += _insert(app, claimed, wait, pooled)
        except FileNotFoundError:
            continue  # taken from under us by a starting process (init_app), which writes it
        except BaseException:
            # Back in the queue, for any process to take (this one may never drain again: a preloading master, a
            # command), unless a starting process (init_app) took it meanwhile: then it writes it.
            with contextlib.suppress(FileNotFoundError), _names_kept(directory):
                os.rename(claimed, directory / f"{FREE}.{uuid.uuid4().hex}.jsonl")
            raise
        with contextlib.suppress(FileNotFoundError):  # taken by a starting process: it writes the rows again
            os.unlink(claimed)
    return moved


def init_app(app) -> None:
    """Settings, the spool directory, and the rows a previous run left in it (written before any worker starts)."""
    app.config.setdefault("QUESTION_LOG_BATCH", 0 if app.testing else DEFAULTS["QUESTION_LOG_BATCH"])
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


def _contents(directory: Path, newest_first: bool = False) -> Iterator[bytes]:
    """What each spool file holds (`newest_first`: the files written last first), read while no file can be renamed
    (see `_names_kept`), which holds until the last is read or the iterator is closed. A file deleted meanwhile had
    its rows written to the database."""
    try:
        with _names_kept(directory):
            paths = _files(directory)
            if newest_first:
                paths.sort(key=_modified, reverse=True)
            for path in paths:
                try:
                    content = path.read_bytes()
                except FileNotFoundError:
                    continue
                yield content
    except FileNotFoundError:  # no spool directory: nothing waits
        return


@contextlib.contextmanager
def _names_kept(directory: Path):
    """Hold the spool directory's lock on names: every rename of a spool file (a claim, a file put back) takes it,
    and so does every reading of the whole spool. Without it a listing made while a file moves from one name to
    the other can miss it under both, and a backlog of thousands of rows read as 0.

    An flock() of the directory itself, opened for this call: the lock belongs to the open directory, so a
    descriptor kept open would be shared with forked children, and threads of one process would not exclude
    each other.
    """
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _claimable(path: Path) -> bool:
    """This process's own file, a file put back for anyone, or any file of a process that no longer runs."""
    if path.name.startswith(f"{FREE}."):
        return not path.name.endswith(".draining")
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
                _fence(f.fileno())
                f.write(line)
                f.flush()
                if _still_at(f.fileno(), path):  # checked while open: the file's inode cannot be reused meanwhile
                    return
    raise OSError(f"the question spool file was taken by another process {APPEND_ATTEMPTS} times in a row")


def _fence(fd: int) -> int:
    """Put a line break after half a line (a write cut short by a full disk), so that the next row is kept off it;
    returns the file's size after."""
    size = os.fstat(fd).st_size
    if size and os.pread(fd, 1, size - 1) != b"\n":
        size += os.write(fd, b"\n")
    return size


def _still_at(fd: int, path: Path) -> bool:
    """Whether the open file `fd` is still the file at `path` (not renamed away by another process)."""
    try:
        here = os.stat(path)
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (here.st_dev, here.st_ino) == (mine.st_dev, mine.st_ino)


class _Queue:
    """The spool file this process's asks append to while QUESTION_LOG_BATCH is on, kept open between asks."""

    def __init__(self, fd: int, path: Path, others: int, size: int):
        self.fd, self.path = fd, path
        self.others = others  # bytes in the other spool files (all processes), measured at most a second ago
        self.measured = time.monotonic()
        self.size = size  # bytes in this one


_queues: dict[tuple[int, str], _Queue] = {}  # (process, spool folder): its open file
_COLUMNS = frozenset(storage.schema.metadata.tables["questions"].columns.keys())  # what a spooled row may hold


def _queue(directory: Path, row: dict, max_bytes: int) -> None:
    """Append `row` to this process's open spool file: one write() (about 5 us against 100 us for a commit).

    The drain thread renames the file away under `_lock` to write its rows, which closes it here, so the next
    row opens a new file. Only a starting process (init_app) renames the files of live processes: as in
    `_append`, a row whose file was taken while it was written is written again to a new file.
    """
    line = (json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8")
    key = (os.getpid(), str(directory))
    with _lock:
        for _attempt in range(APPEND_ATTEMPTS):
            queue = _queues.get(key)
            if queue is None:
                queue = _queues[key] = _open_queue(directory)
            if time.monotonic() - queue.measured > 1.0:  # the file stays open while the database is down
                queue.others, queue.measured = _others_size(directory, queue.path), time.monotonic()
            if queue.others + queue.size + len(line) > max_bytes:
                raise OSError(f"the question spool is full ({queue.others + queue.size} bytes in {directory})")
            written = 0
            try:
                written = os.write(queue.fd, line)
                if written != len(line):
                    raise OSError(f"only {written} of {len(line)} bytes of the row reached the spool")
            except BaseException:
                _close_queue(queue.path)  # the next row checks the file's end again
                raise
            queue.size += written
            if _still_at(queue.fd, queue.path):
                return
            _close_queue(queue.path)
    raise OSError(f"the question spool file was taken by another process {APPEND_ATTEMPTS} times in a row")


def _open_queue(directory: Path) -> _Queue:
    directory.mkdir(exist_ok=True)
    path = _own_file(directory)
    others = _others_size(directory, path)
    fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        size = _fence(fd)
    except BaseException:
        os.close(fd)
        raise
    return _Queue(fd, path, others, size)


def _others_size(directory: Path, path: Path) -> int:
    return sum(_size(p) for p in _files(directory) if p != path)


def _forget_queues_of_parent() -> None:
    """In a forked child: close the spool files its parent had open (the child opens its own)."""
    for key in [k for k in _queues if k[0] != os.getpid()]:
        with contextlib.suppress(OSError):
            os.close(_queues.pop(key).fd)


os.register_at_fork(after_in_child=_forget_queues_of_parent)


def _close_queue(path: Path) -> None:
    """Stop appending to `path` if it is this process's open spool file (called with `_lock` held)."""
    key = (os.getpid(), str(path.parent))
    queue = _queues.get(key)
    if queue is not None and queue.path == path:
        del _queues[key]
        with contextlib.suppress(OSError):
            os.close(queue.fd)


def _insert(app, path: Path, wait: float | None, pooled: bool = False) -> int:
    rows = []
    for number, line in enumerate(path.read_bytes().splitlines(), 1):
        if not line.strip():
            continue  # the line break _append puts after half a line
        try:
            row = json.loads(line)
        except ValueError:
            row = None
        if not isinstance(row, dict) or not row:
            # Only a write cut off by a crash (or a hand) can leave half a line; the rest is good.
            log.error("%s:%d: not a whole question row, skipped: %r", path, number, line[:200])
            continue
        unknown = set(row) - _COLUMNS
        if unknown:  # a row of another release (or edited by hand): stored without what the table cannot hold
            log.error("question %s: no column %s in the question log; stored without it",
                      row.get("id"), ", ".join(sorted(unknown)))
            row = {key: value for key, value in row.items() if key in _COLUMNS}
        rows.append(row)
    if not rows:
        return 0
    wait = app.config["DATABASE_TIMEOUT"] if wait is None else wait
    with storage.pooled(app) if pooled else contextlib.closing(storage.connect_app(app)) as db:
        if _insert_together(db, rows, wait):
            return len(rows)
        with storage.waiting(db, wait), storage.write(db):
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
    return len(rows)


def _insert_together(db, rows: list[dict], wait: float) -> bool:
    """Insert `rows` in one transaction, a statement for all rows of the same columns; False (nothing
    written) when the database refuses one of them, so that they are written one by one, setting it aside."""
    groups: dict[tuple[str, ...], list[dict]] = {}
    for row in rows:
        groups.setdefault(tuple(row), []).append(row)
    try:
        with storage.waiting(db, wait), storage.write(db):
            for columns, group in groups.items():
                db.run_many(insert_statement(columns, "ignore"), group)
    except (storage.DataError, storage.IntegrityError):
        return False
    return True


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
    directory = spool_dir(app)
    failures = 0  # failed attempts in a row: the thread waits longer after each, up to MAX_RETRY_INTERVAL
    while directory.is_dir():  # gone (a test's temporary folder): stop; the next spooled row starts a new thread
        interval = app.config["QUESTION_LOG_BATCH"] or DRAIN_INTERVAL
        time.sleep(min(MAX_RETRY_INTERVAL, interval * 2 ** min(failures, 10)))
        if not _files(directory):
            continue
        try:
            drain(app, pooled=True)
        except Exception as exc:
            if not failures:
                log.warning("the question spool cannot be written to the database yet: %s", exc)
            failures += 1
        else:
            if failures:
                log.warning("the question spool is being written to the database again")
            failures = 0


def _drain_at_exit(app, pid: int) -> None:
    if os.getpid() != pid:
        return  # registered before a fork: the parent's job
    try:
        drain(app)
    except Exception as exc:
        log.error("leaving %d question rows in the spool %s at exit (%s); they are written at the next start",
                  backlog(app), spool_dir(app), exc)

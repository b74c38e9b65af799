"""Module-level locks that survive a fork.

    _lock = ForkSafeLock()                  # or ForkSafeLock(threading.RLock)
    with _lock:
        ...

A fork copies a lock in whatever state it is in: one that another thread of the parent held at that moment is held
for ever in the child, whose first `with _lock:` then waits for ever (a test's forked worker hung so while the
parent spooled a question row). gunicorn forks its workers from the master, and tests fork theirs from a process
full of threads. A ForkSafeLock gives the child a new, free lock of the same kind; the child's threads are its own.
"""

from __future__ import annotations

import os
import threading


class ForkSafeLock:
    """A `threading.Lock` (or what `factory` makes) that a forked child gets anew, free."""

    def __init__(self, factory=threading.Lock):
        self._factory = factory
        self._lock = factory()
        os.register_at_fork(after_in_child=self._renew)  # module-level locks only: each lives as long as the process

    def _renew(self) -> None:
        self._lock = self._factory()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *exc_info):
        return self._lock.__exit__(*exc_info)

"""Clients that keep submitting rights requests while a test copies or backs up the database under them."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Arrivals:
    written: int = 0  # submissions sent so far (a test waits for more, or checks some were sent meanwhile)
    failures: list[int] = field(default_factory=list)  # the status of each one not accepted (201)


@contextmanager
def requests_keep_arriving(app, clients: int = 2):
    """`clients` threads submit requests to `app` without pause until the block ends; yields their Arrivals."""
    arrivals, stop = Arrivals(), threading.Event()

    def keep_writing():
        client = app.test_client()
        while not stop.is_set():
            response = client.post("/api/requests", json={"type": "deletion", "name": "Ravi Iyer",
                                                          "email": "ravi@example.com", "details": "Delete my account."})
            if response.status_code != 201:
                arrivals.failures.append(response.status_code)
            arrivals.written += 1

    threads = [threading.Thread(target=keep_writing) for _ in range(clients)]
    for thread in threads:
        thread.start()
    try:
        yield arrivals
    finally:
        stop.set()
        for thread in threads:
            thread.join()

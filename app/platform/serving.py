"""How gunicorn serves the app: threads, a deadline on every read, and its own error pages made safe.

    gunicorn app.wsgi:app --worker-class app.platform.serving.ThreadWorker --threads 16 ...   (see Procfile)

gunicorn's sync worker serves one connection at a time, so two clients that
announce a body and never send it held both workers until the worker timeout
(30 s), and the timeout answered them with gunicorn's own 500. This worker is
gunicorn's gthread worker (a thread pool per process; the main loop waits for
a connection's first bytes without a thread) with two additions:

- every read and write on a client's socket has a deadline (READ_TIMEOUT
  seconds, from the environment variable GUNICORN_READ_TIMEOUT, default 10):
  a client that stops sending its headers or body frees its thread after that
  long instead of holding it for good (the app answers 408 for a stalled
  body, see limits.read_body);
- the error pages gunicorn writes itself (400 for a malformed request line or
  header, 414, 431, 500) carry the same security headers as the app's pages.

A client that sends one byte every few seconds still holds a thread; the
buffering proxy in front (README, "Running in production") is what absorbs
slow clients for good. Each thread has its own SQLite connection (app/platform/db.py).
"""

from __future__ import annotations

import errno
import os
import sys

from gunicorn.workers import gthread

from . import db
from .security import DEFAULT_HEADERS, HSTS

READ_TIMEOUT = float(os.environ.get("GUNICORN_READ_TIMEOUT", "10"))
_ERROR_HEADERS = (
    "".join(f"{name}: {value}\r\n" for name, _lower, value in DEFAULT_HEADERS)
    + f"Strict-Transport-Security: {HSTS}\r\nCache-Control: no-store\r\n"
).encode("latin-1")


class _DeadlineConn(gthread.TConn):
    """A client connection whose blocking reads and writes give up after READ_TIMEOUT seconds."""

    def init(self):
        super().init()
        # The worker thread makes the socket blocking (no timeout) just before each request.
        self.sock.settimeout(READ_TIMEOUT)


class _HeaderedSocket:
    """Stands in for the client socket while gunicorn writes an error page; adds our headers to it."""

    def __init__(self, sock):
        self._sock = sock
        self._written = bytearray()

    def gettimeout(self):
        return 0.0  # gunicorn then writes without touching the real socket's blocking mode

    def send(self, data):
        self._written += data
        return len(data)

    def sendall(self, data):
        self._written += data

    def flush(self):
        head, sep, rest = bytes(self._written).partition(b"\r\n")
        if not sep:
            return
        self._sock.settimeout(READ_TIMEOUT)
        self._sock.sendall(head + sep + _ERROR_HEADERS + rest)


# How long a thread may keep the GIL while another wants it (Python's default: 5 ms). A thread coming back from
# the database must win the GIL back from the threads answering questions after every statement, and while it
# holds SQLite's write lock every writer in every worker waits for it. Traced under the load test on a loaded
# 2-CPU machine (three runs each way): a rights request's hold of the lock p90 69-107 ms -> 44-57 ms, the
# longest wait for it 3.9-4.6 s -> 1.7-3.9 s, and throughput 114-185 -> 186-237 requests/s.
SWITCH_INTERVAL = 0.001


class ThreadWorker(gthread.ThreadWorker):
    """gunicorn's gthread worker with read deadlines and security headers on its own error pages."""

    def init_process(self):
        sys.setswitchinterval(SWITCH_INTERVAL)
        # The question spool's drain and the review board's refresh run in threads of their own beside them.
        db.keep_connections(self.cfg.threads + 2)
        super().init_process()  # serves until the worker exits

    def accept(self, listener):
        try:
            client_sock, client_addr = listener.accept()
            self.nr_conns += 1
            client_sock.setblocking(True)
            self.enqueue_req(_DeadlineConn(self.cfg, client_sock, client_addr, listener.getsockname()))
        except OSError as e:
            if e.errno not in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                raise

    def handle_error(self, req, client, addr, exc):
        headered = _HeaderedSocket(client)
        super().handle_error(req, headered, addr, exc)
        try:
            headered.flush()
        except OSError:
            self.log.debug("Failed to send error message.")

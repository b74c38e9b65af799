"""The Procfile's `web` command, started for real on loopback: the tests that need gunicorn itself use this.

    server = ProcfileServer(tmp_path, tmp_path / "db.sqlite", workers=4).start()   # waits for /healthz
    status, data, seconds = server.call("POST", "/api/ask", {"question": "do you sell my data?"})
    server.stop()
"""

from __future__ import annotations

import http.client
import json
import os
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def procfile_command() -> str:
    """The `web:` line of the Procfile."""
    for line in (ROOT / "Procfile").read_text().splitlines():
        if line.startswith("web:"):
            return line[len("web:"):].strip()
    raise AssertionError("Procfile has no web: line")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ProcfileServer:
    """The Procfile's command bound to 127.0.0.1 on a free port, on `database`, with rate limits off.

    `env` adds or overrides environment variables (e.g. GUNICORN_READ_TIMEOUT).
    """

    def __init__(self, tmp: Path, database: Path, workers: int = 2, env: dict[str, str] | None = None):
        self.tmp, self.database, self.workers, self.extra = tmp, database, workers, env or {}
        self.port, self.proc, self.log = free_port(), None, None

    @property
    def log_path(self) -> Path:
        return self.tmp / f"gunicorn-{self.port}.log"

    def start(self) -> "ProcfileServer":
        env = {**os.environ, "PORT": str(self.port), "WEB_CONCURRENCY": str(self.workers),
               "FLASK_SECRET_KEY": secrets.token_hex(32), "FLASK_DATABASE": str(self.database),
               "FLASK_RATELIMIT_ENABLED": "false",
               "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}", **self.extra}
        command = procfile_command().replace("0.0.0.0:", "127.0.0.1:")  # loopback, not every interface
        self.log = open(self.log_path, "a")
        self.proc = subprocess.Popen(["bash", "-c", f"exec {command}"], cwd=ROOT, env=env, stdout=self.log,
                                     stderr=self.log)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                break
            try:
                if self.call("GET", "/healthz")[0] == 200:
                    return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise AssertionError(self.log_path.read_text()[-3000:])

    def stop(self) -> None:
        self.proc.terminate()
        # Longer than the Procfile's --graceful-timeout (30 s): a worker still booting when the master is told to stop
        # can miss the signal, and the master then waits out the graceful timeout before it kills it (seen once in
        # CI, with a restart stopped right after its first health check).
        self.proc.wait(timeout=45)
        self.log.close()

    def call(self, method: str, path: str, payload: dict | None = None) -> tuple[int, dict | None, float]:
        """One request on a new connection (so that any worker may take it): status, JSON body, seconds."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        started = time.perf_counter()
        try:
            conn.request(method, path, body=json.dumps(payload) if payload is not None else None,
                         headers={"Content-Type": "application/json"})
            response = conn.getresponse()
            body = response.read()
        finally:
            conn.close()  # the threaded workers keep a connection alive: close it, or it leaks
        elapsed = time.perf_counter() - started
        try:
            data = json.loads(body)
        except ValueError:
            data = None
        return response.status, data, elapsed

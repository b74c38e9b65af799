"""A PostgreSQL server for the tests and the cluster script: Debian's binaries, our own data folder and port.

    server = PostgresServer("/usr/lib/postgresql/15/bin/postgres", Path("/tmp/pg"))
    server.start()
    url = server.new_database()     # postgresql://postgres@127.0.0.1:PORT/test_3, empty
    server.stop()

PostgreSQL refuses to run as root; run as root (as CI does), the server runs as the `postgres` user that
Debian's package creates, with the data folder handed to it.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import time
from pathlib import Path


class PostgresServer:
    def __init__(self, postgres: str, folder: Path, port: int | None = None, durable: bool = False):
        self.bin = Path(os.path.realpath(postgres)).parent  # initdb finds its files next to the real binary
        self.folder = Path(folder)
        self.data = self.folder / "data"
        self.port = port or _free_port()
        self.durable = durable  # False (tests): no fsync, as a test's data need not survive a power cut
        self._names = itertools.count(1)
        self._user = "postgres" if os.geteuid() == 0 else None

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str, **kwargs) -> subprocess.CompletedProcess:
        command = list(args)
        if self._user:
            command = ["runuser", "-u", self._user, "--", *command]
        return subprocess.run(command, check=True, capture_output=True, text=True, **kwargs)

    def start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        if self._user:
            entry = pwd.getpwnam(self._user)
            for path in (self.folder, *self.folder.parents):  # the server must reach its folder
                if str(path) in ("/", "/tmp"):
                    break
                os.chmod(path, os.stat(path).st_mode | 0o711)
            shutil.chown(self.folder, entry.pw_uid, entry.pw_gid)
        if not (self.data / "PG_VERSION").exists():
            self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust",
                      "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync")
        # pg_ctl starts the server in the background and returns: it outlives this process (the cluster's
        # `up` exits while the server runs) until `stop`.
        options = (f"-p {self.port} -h 127.0.0.1 -k {self.folder} -c max_connections=300"
                   + ("" if self.durable else " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"))
        self._run(str(self.bin / "pg_ctl"), "start", "-D", str(self.data), "-l", str(self.folder / "server.log"),
                  "-o", options, "-w", "-t", "60")
        deadline = time.monotonic() + 30
        while True:
            try:
                self.execute("select 1")
                return
            except Exception:
                if time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"postgres did not start on port {self.port}")
                time.sleep(0.1)

    def execute(self, sql: str, database: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname={database}",
                             autocommit=True, connect_timeout=5) as conn:
            conn.execute(sql)

    def new_database(self) -> str:
        """A new, empty database; its postgresql:// URL."""
        name = f"test_{next(self._names)}"
        self.execute(f"create database {name}")
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def drop_database(self, url: str) -> bool:
        """Drop a database `new_database` made; False, and the database left, while a client is still on it (a
        thread the test started may still be finishing: it is not cut off)."""
        import psycopg

        name = url.rsplit("/", 1)[1]
        if not name.startswith("test_") or not name[5:].isdigit():
            raise ValueError(f"not a database new_database made: {url}")
        try:
            self.execute(f"drop database if exists {name}")
        except psycopg.errors.ObjectInUse:
            return False
        return True

    def stop(self) -> None:
        """Stop the server if it runs (fast: clients such as pooled connections are disconnected, not awaited)."""
        if (self.data / "postmaster.pid").exists():
            self._run(str(self.bin / "pg_ctl"), "stop", "-D", str(self.data), "-m", "fast", "-w", "-t", "60")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def find_postgres() -> str | None:
    """Debian's `postgres` server program ($POSTGRES, PATH, or the newest /usr/lib/postgresql/N/bin); None if none.

    A $POSTGRES that is not a program means none (not another one found elsewhere): that is how a machine without
    PostgreSQL is tried out here (`POSTGRES=/nonexistent make test`).
    """
    named = os.environ.get("POSTGRES")
    if named:
        return named if os.path.isfile(named) and os.access(named, os.X_OK) else None
    found = shutil.which("postgres")
    if found:
        return found
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/postgres"), key=lambda p: int(p.parent.parent.name))
    return str(versions[-1]) if versions else None

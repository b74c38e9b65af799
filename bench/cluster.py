"""A cluster on one machine: PostgreSQL, Redis, two copies of the Procfile's web process and HAProxy, on 127.0.0.1.

    python -m bench.cluster up [--dir build/cluster]     # start everything; prints the address to use
    python -m bench.cluster down [--dir build/cluster]   # stop everything cleanly
    python -m bench.cluster load [--asks 10000 --submissions 500 --clients 32]
                                                          # up, load through HAProxy, kill one web instance
                                                          # with SIGKILL halfway and restart it, report, down

Both web instances use one database (`FLASK_DATABASE`: by default a PostgreSQL server the
script starts from Debian's `postgresql` package, its data in the cluster's folder; `--database
sqlite` for a SQLite file there instead, which two instances on one host can share; or any
path or URL) and one Redis for rate limits and the sign-in throttle
(`FLASK_RATELIMIT_STORAGE_URI`), with the same `FLASK_SECRET_KEY`, so a visitor's
session and budget are the same whichever instance answers. HAProxy balances round
robin, checks `/healthz` every second, retries a request on the other instance only
when it could not be delivered at all (a connection refused by a dead instance: never
twice a request that reached one), and answers the requests that were in flight on an
instance that died with a JSON 502.

The load test's report: requests sent, accepted (200/201), failed (and with which
status), the rows stored for the accepted asks and submissions, and whether every
accepted submission is stored exactly once and every stored submission was accepted
or in flight when the instance died (a client never holds a reference that was not
stored).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.pgserver import PostgresServer, find_postgres

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT / "build" / "cluster"
QUESTIONS = ["do you sell my data?", "is my data encrypted?", "what cookies do you use?", "hello",
             "who do you share my data with?", "can i delete my account", "where is my data stored",
             "how do i stop marketing emails"]
SETTLE_SECONDS = 10.0  # most seconds the count waits for the spool to reach the database after the load

JSON_502 = ("HTTP/1.1 502 Bad Gateway\r\nContent-Type: application/json\r\nCache-Control: no-store\r\n"
            "Connection: close\r\n\r\n"
            '{"error": "The server handling your request stopped before answering. Nothing was confirmed: '
            'please send it again.", "status": 502}\n')
JSON_503 = ("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nCache-Control: no-store\r\n"
            "Connection: close\r\n\r\n"
            '{"error": "The service is briefly unavailable. Please try again in a few seconds.", "status": 503}\n')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def procfile_command() -> str:
    for line in (ROOT / "Procfile").read_text().splitlines():
        if line.startswith("web:"):
            return line[len("web:"):].strip().replace("0.0.0.0:", "127.0.0.1:")
    raise SystemExit("Procfile has no web: line")


def find_program(name: str) -> str:
    """redis-server or haproxy: $REDIS_SERVER or $HAPROXY (as the tests take them), else on PATH or in /usr/sbin."""
    named = os.environ.get({"redis-server": "REDIS_SERVER", "haproxy": "HAPROXY"}.get(name, ""))
    if named:
        if os.path.isfile(named) and os.access(named, os.X_OK):
            return named
        raise SystemExit(f"{named} (from the environment) is not a program: apt-get install {name}")
    for folder in os.environ.get("PATH", "").split(os.pathsep) + ["/usr/sbin", "/usr/bin"]:
        path = Path(folder) / name
        if path.is_file() and os.access(path, os.X_OK):
            return str(path)
    raise SystemExit(f"{name} not found: apt-get install {'redis-server' if name == 'redis-server' else name}")


def wait_for(check, what: str, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit(f"{what} did not come up within {seconds:g} s")


def http_status(port: int, path: str = "/healthz") -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    try:
        conn.request("GET", path)
        return conn.getresponse().status
    finally:
        conn.close()


class Cluster:
    """The processes of one cluster, with their ports, recorded in DIR/cluster.json."""

    def __init__(self, folder: Path):
        self.dir = folder
        self.state_file = folder / "cluster.json"
        self.state: dict = json.loads(self.state_file.read_text()) if self.state_file.exists() else {}
        self.procs: dict[str, subprocess.Popen] = {}  # the processes this object started, by name

    def _spawn(self, name: str, args: list[str], log_name: str, **options) -> subprocess.Popen:
        """Start a process in a session of its own (so its group can be signalled), logging to DIR/log_name."""
        with open(self.dir / log_name, "ab") as log:
            proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, **options)
        self.procs[name] = proc
        self.state["pids"][name] = proc.pid
        self.save()
        return proc

    def save(self) -> None:
        self.state_file.write_text(json.dumps(self.state, indent=2))

    # ---- start --------------------------------------------------------------------------------------------

    def up(self, database: str = "postgresql", extra_env: dict | None = None) -> None:
        if self.state:
            raise SystemExit(f"a cluster is already recorded in {self.state_file}: run `down` first")
        self.dir.mkdir(parents=True, exist_ok=True)
        # Each `up` starts empty, as the PostgreSQL server does: a SQLite file or spooled rows left by an earlier
        # cluster would be counted by the load test as this run's (a second run reported the first run's
        # requests as "stored but not accepted").
        for spool in self.dir.glob("spool-web*"):
            shutil.rmtree(spool)
        if database == "sqlite":
            database = str(self.dir / "cluster.sqlite")
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(database + suffix).unlink(missing_ok=True)
        self.state = {"redis_port": free_port(), "web_ports": [free_port(), free_port()], "proxy_port": free_port(),
                      "secret_key": secrets.token_hex(32), "pids": {}, "database": database, "env": extra_env or {}}
        self.save()
        try:
            if database == "postgresql":
                self._start_postgresql()
            self._start_redis()
            for number in range(2):
                self.start_web(number)
            self._start_haproxy()
        except BaseException:
            self.down()
            raise

    def _postgresql(self) -> PostgresServer:
        program = find_postgres()
        if program is None:
            raise SystemExit("postgres not found: apt-get install postgresql (or --database sqlite)")
        return PostgresServer(program, self.dir / "postgresql", self.state["postgresql_port"], durable=True)

    def _start_postgresql(self) -> None:
        """A PostgreSQL server of the cluster's own (data in DIR/postgresql), and an empty database on it."""
        self.state["postgresql_port"] = free_port()
        server = self._postgresql()
        server.start()
        self.state["postgresql"] = True
        self.state["database"] = server.new_database()
        self.save()

    def _start_redis(self) -> None:
        port = self.state["redis_port"]
        self._spawn("redis", [find_program("redis-server"), "--port", str(port), "--bind", "127.0.0.1",
                              "--save", "", "--appendonly", "no", "--dir", str(self.dir)], "redis.log")

        def pong() -> bool:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as conn:
                conn.sendall(b"PING\r\n")
                return conn.recv(16).startswith(b"+PONG")
        wait_for(pong, "redis-server")

    def web_env(self, number: int) -> dict:
        state = self.state
        return {**os.environ, "PORT": str(state["web_ports"][number]), "WEB_CONCURRENCY": "2",
                "FLASK_SECRET_KEY": state["secret_key"], "FLASK_DATABASE": state["database"],
                "FLASK_RATELIMIT_STORAGE_URI": f"redis://127.0.0.1:{state['redis_port']}/0",
                # Each instance spools question rows on its own disk, as it would on its own host.
                "FLASK_QUESTION_SPOOL_DIR": str(self.dir / f"spool-web{number}"),
                "FORWARDED_ALLOW_IPS": "127.0.0.1",
                "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}", **state["env"]}

    def start_web(self, number: int) -> None:
        # A session of its own: `kill_web` can SIGKILL the master and its workers together, as a lost host would.
        self._spawn(f"web{number}", ["bash", "-c", f"exec {procfile_command()}"], f"web{number}.log", cwd=ROOT,
                    env=self.web_env(number))
        wait_for(lambda: http_status(self.state["web_ports"][number]) == 200, f"web instance {number}", 60)

    def kill_web(self, number: int) -> None:
        """SIGKILL a web instance's master and workers at once (its process group), as if its host died."""
        name = f"web{number}"
        pid = self.state["pids"].pop(name)
        try:
            os.killpg(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self._reap(name, pid)
        self.save()

    def _start_haproxy(self) -> None:
        (self.dir / "502.http").write_text(JSON_502)
        (self.dir / "503.http").write_text(JSON_503)
        servers = "\n".join(f"    server web{n} 127.0.0.1:{port} check inter 1s fall 2 rise 2"
                            for n, port in enumerate(self.state["web_ports"]))
        config = f"""global
    maxconn 4096
    log stdout format raw local0

defaults
    mode http
    log global
    option httplog
    option dontlog-normal
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    timeout http-keep-alive 5s
    option forwardfor
    option redispatch
    retries 3
    retry-on conn-failure
    errorfile 502 {self.dir / '502.http'}
    errorfile 503 {self.dir / '503.http'}

frontend assistant
    bind 127.0.0.1:{self.state['proxy_port']}
    default_backend web

backend web
    balance roundrobin
    # A POST that may have reached an instance is never sent again: only connects that failed are retried.
    http-request disable-l7-retry if METH_POST
    option httpchk GET /healthz
{servers}
"""
        path = self.dir / "haproxy.cfg"
        path.write_text(config)
        self._spawn("haproxy", [find_program("haproxy"), "-f", str(path), "-db"], "haproxy.log")
        wait_for(lambda: http_status(self.state["proxy_port"]) == 200, "haproxy")

    # ---- stop ---------------------------------------------------------------------------------------------

    def down(self) -> None:
        for name in ["haproxy", "web0", "web1", "redis"]:
            pid = self.state.get("pids", {}).pop(name, None)
            if pid is None:
                continue
            try:
                os.killpg(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            self._reap(name, pid, timeout=30)
        if self.state.get("postgresql"):
            self._postgresql().stop()  # a demo cluster: each `up` starts with an empty database
            shutil.rmtree(self.dir / "postgresql", ignore_errors=True)
        self.state = {}
        self.state_file.unlink(missing_ok=True)


    def _reap(self, name: str, pid: int, timeout: float = 10.0) -> None:
        """Wait for process `name` to end: ours, or started by an earlier `up` of this folder (then polled)."""
        proc = self.procs.pop(name, None)
        if proc is not None:
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(pid, signal.SIGKILL)
                proc.wait()
            return
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.05)
        try:
            os.killpg(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


# ---- the load test ------------------------------------------------------------------------------------------

def _post(conn_holder: list, port: int, path: str, payload: dict) -> tuple[int, dict | None]:
    """POST through HAProxy on a kept-alive connection: (status, JSON body), or (0, None) when no answer came.

    As browsers do, a request is sent once more, on a new connection, only when a kept-alive connection was
    closed before any answer (HAProxy closes idle connections; it answers a request it forwarded, with a 502 if
    the instance died). A request on a new connection is never sent twice.
    """
    for attempt in range(2):
        reused = conn_holder[0] is not None
        conn = conn_holder[0] or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn_holder[0] = conn
        try:
            conn.request("POST", path, body=json.dumps(payload), headers={"Content-Type": "application/json"})
            response = conn.getresponse()
            body = response.read()
            if response.will_close or response.status >= 500:  # HAProxy closes after an error it answered
                conn.close()
                conn_holder[0] = None
            try:
                return response.status, json.loads(body)
            except ValueError:
                return response.status, None
        except (OSError, http.client.HTTPException) as exc:
            conn.close()
            conn_holder[0] = None
            idle_closed = reused and isinstance(exc, (http.client.RemoteDisconnected, ConnectionResetError,
                                                      BrokenPipeError))
            if attempt or not idle_closed:
                return 0, None  # no answer: nothing was confirmed
    return 0, None


def run_load(cluster: Cluster, asks: int, submissions: int, clients: int, out=sys.stdout) -> dict:
    """Send asks and submissions through HAProxy; SIGKILL web instance 0 halfway and restart it; count."""
    port = cluster.state["proxy_port"]
    jobs = [("/api/ask", {"question": QUESTIONS[i % len(QUESTIONS)], "session": f"c{i % 97}"}) for i in range(asks)]
    # Each submission carries its own key, as the form and the widget do: the one resend after a lost answer
    # (`_post`) gets the request already stored, not a second one.
    jobs += [("/api/requests", {"type": "deletion", "name": f"Load Visitor {i}", "email": f"load{i}@example.com",
                                "details": f"Load test request {i}", "submission_key": uuid.uuid4().hex})
             for i in range(submissions)]
    step = max(1, len(jobs) // submissions) if submissions else 1
    mixed = [job for job in jobs if job[0] == "/api/ask"]
    for i, job in enumerate(j for j in jobs if j[0] == "/api/requests"):
        mixed.insert(min(len(mixed), i * step), job)  # submissions spread through the run
    done = Counter()
    halfway = threading.Event()
    results: list[tuple[str, int, dict | None]] = []
    lock = threading.Lock()

    def client(k: int) -> None:
        holder = [None]
        for path, payload in mixed[k::clients]:
            status, body = _post(holder, port, path, payload)
            with lock:
                results.append((path, status, body))
                done["sent"] += 1
                if done["sent"] >= len(mixed) // 2:
                    halfway.set()
        if holder[0]:
            holder[0].close()

    killed_at = restarted_at = None
    load_before = os.getloadavg()
    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        futures = [pool.submit(client, k) for k in range(clients)]
        halfway.wait()
        killed_at = time.perf_counter() - started
        cluster.kill_web(0)
        cluster.start_web(0)
        restarted_at = time.perf_counter() - started
        for future in futures:
            future.result()
    elapsed = time.perf_counter() - started

    accepted_asks = {b["question_id"] for p, s, b in results if p == "/api/ask" and s == 200 and b}
    accepted_refs = [b["reference"] for p, s, b in results if p == "/api/requests" and s == 201 and b]
    failures = Counter(f"{p} {s}" for p, s, _ in results if s not in (200, 201))
    stored_asks, stored_refs, spooled = _logged(cluster)
    report = {
        "sent": len(results), "seconds": round(elapsed, 1), "killed_at_s": round(killed_at, 1),
        "restarted_at_s": round(restarted_at, 1),
        "asks": {"sent": asks, "accepted": len(accepted_asks), "stored": len(stored_asks & accepted_asks),
                 "waiting_in_spool": len((spooled - stored_asks) & accepted_asks)},
        "submissions": {"sent": submissions, "accepted": len(accepted_refs),
                        "stored": sum(1 for r in accepted_refs if r in stored_refs)},
        "failed": dict(failures),
        "accepted_submissions_stored_exactly_once": (len(set(accepted_refs)) == len(accepted_refs)
                                                      and all(stored_refs.get(r) == 1 for r in accepted_refs)),
        "stored_but_not_accepted": len(set(stored_refs) - set(accepted_refs)),
        # A row still in the spool is written by the next start (app/platform/questionlog.py): kept, not lost.
        "accepted_asks_not_logged": len(accepted_asks - stored_asks - spooled),
        # What else the machine was doing: the 1-minute load average as the load began and as it ended.
        "load_average_1min": {"before": round(load_before[0], 2), "after": round(os.getloadavg()[0], 2),
                              "cpus": os.cpu_count()},
    }
    print(json.dumps(report, indent=2), file=out)
    return report


def _stored(cluster: Cluster) -> tuple[set[str], dict[str, int]]:
    from app.platform import db as storage

    db = storage.connect(cluster.state["database"])
    try:
        asks = {row[0] for row in db.execute("select id from questions")}
        refs = Counter(row[0] for row in db.execute("select reference from requests"))
    finally:
        db.close()
    return asks, dict(refs)


def _logged(cluster: Cluster, settle: float = SETTLE_SECONDS) -> tuple[set[str], dict[str, int], set[str]]:
    """The question ids and references stored, and the question ids still in the spool.

    The instances' drain threads move rows from the spool to the database while this counts, so the spool is read
    first and the database after: a row leaves the spool only once its transaction has committed, and so it is
    seen in one or the other (read the other way round, a batch committed between the two reads was in neither).
    It waits up to `settle` seconds for the spool to empty, so that what is counted is where the rows came to rest.
    """
    deadline = time.monotonic() + settle
    while True:
        spooled = _spooled(cluster)
        asks, refs = _stored(cluster)
        if not spooled or time.monotonic() >= deadline:
            return asks, refs, spooled
        time.sleep(0.2)


def _spooled(cluster: Cluster) -> set[str]:
    """Ids of question rows waiting in the instances' spool folders (written to the database at the next start).

    A drain thread renames a file when it claims it: a file gone between the listing and the reading is listed
    again, under its new name (or it was written and deleted)."""
    for _attempt in range(50):
        ids = set()
        try:
            for path in cluster.dir.glob("spool-web*/*"):
                for line in path.read_bytes().splitlines():
                    try:
                        ids.add(json.loads(line)["id"])
                    except (ValueError, KeyError):
                        continue
        except FileNotFoundError:
            continue
        return ids
    raise RuntimeError(f"the spool folders in {cluster.dir} kept changing while they were read")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.cluster", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["up", "down", "load"])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help=f"the cluster's folder (default {DEFAULT_DIR})")
    parser.add_argument("--database", default="postgresql",
                        help="FLASK_DATABASE for both instances: postgresql (default: a server the script starts), "
                             "sqlite (a file in --dir), or a path or URL")
    parser.add_argument("--asks", type=int, default=10000)
    parser.add_argument("--submissions", type=int, default=500)
    parser.add_argument("--clients", type=int, default=32)
    args = parser.parse_args(argv)
    cluster = Cluster(args.dir)
    if args.command == "up":
        cluster.up(args.database)
        print(f"cluster up: http://127.0.0.1:{cluster.state['proxy_port']}/ (HAProxy) -> web instances on ports "
              f"{cluster.state['web_ports']}, Redis on {cluster.state['redis_port']}; stop with "
              f"`python -m bench.cluster down --dir {args.dir}`")
    elif args.command == "down":
        cluster.down()
        print("cluster down")
    else:
        # Limits stay on, counted in Redis, but high enough that one loopback client is never refused.
        cluster.up(args.database, {"FLASK_RATELIMIT_ASK": "1000000/minute", "FLASK_RATELIMIT_REQUESTS": "1000000/minute"})
        try:
            report = run_load(cluster, args.asks, args.submissions, args.clients)
        finally:
            cluster.down()
        return 0 if report["accepted_submissions_stored_exactly_once"] and not report["accepted_asks_not_logged"] \
            else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

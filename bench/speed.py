"""Speed: answer latency in process, index build time, and a load test of the
Procfile's gunicorn server with wrk.

    python -m bench.speed [QUESTION SETS...] [--duration 5] [--rounds 3] [--no-load] [--profile DIR]

* answer latency: p50 / p99 of `Assistant.answer` over every question of the
  sets (`python -m bench` takes them from the quality pass itself).
* index build: median wall time of several `load_assistant(corpus/)` calls
  (parse the policy and editor files, build the index), as at start-up.
* load: the `web` command of `Procfile`, started as written on a free loopback
  port with WEB_CONCURRENCY=2, a random FLASK_SECRET_KEY, rate limits off and a
  database in a temporary directory. wrk keeps CONNECTIONS connections busy on
  `GET /healthz` and `POST /api/ask` (questions cycled from the sets, or from
  bench/wrk_ask.lua), alternating, ROUNDS times each; medians are reported.
  Errors are wrk's non-2xx/3xx responses plus socket errors. The workers' CPU
  time per request (/proc/<pid>/stat) is reported too: it hardly moves when
  other programs compete for the CPUs, where requests/s and p99 do.
* profile (--profile DIR): after the measured runs of each server, one more
  run of each endpoint with py-spy sampling every worker (`pip install
  py-spy`); the collapsed stacks go to DIR/<endpoint>-<pid>.txt, and for the
  server with the cache off to DIR/uncached-<endpoint>-<pid>.txt (flamegraph.pl or
  speedscope read them) and the frames that take most of the samples, self
  and inclusive, to DIR/summary.txt and the terminal. These runs are not in
  the table: the sampler shares the CPUs.
* memory: VmRSS of each gunicorn worker (from /proc/<pid>/status) after the
  load, so every worker is warm, and the part of it not shared with the master
  (from /proc/<pid>/smaps_rollup).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shlex
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.report import Row  # noqa: E402

CONNECTIONS = 16
WRK_THREADS = 2
WRK_SCRIPT = Path(__file__).with_name("wrk_ask.lua")
WRK_INSTALL = "apt-get install wrk (Debian/Ubuntu) or brew install wrk (macOS)"
# The bars of the benchmark issue (on 2 cores); the ratio is issue 11's (it was 0.5).
TARGETS = {"ratio": 0.6, "ask_p99_ms": 20.0, "errors": 0}


class ProcfileError(ValueError):
    """The Procfile has no usable line for the process asked for."""


class ServerError(RuntimeError):
    """The server did not start or did not become healthy."""


def percentile(values, p: float) -> float:
    """The `p`-th percentile (0-100) of `values`, interpolating between ranks (numpy's default)."""
    if not values:
        raise ValueError("percentile of no values")
    if not 0 <= p <= 100:
        raise ValueError(f"percentile must be between 0 and 100, not {p}")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * p / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def timed(fn, sink: list[float]):
    """Wrap `fn` so that the wall time of each call, in ms, is appended to `sink`."""
    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            sink.append((time.perf_counter() - started) * 1000)
    return wrapper


def median_ms(fn, repeats: int = 7) -> float:
    """Median wall time of `repeats` calls of `fn()`, in ms."""
    times = []
    timed_fn = timed(fn, times)
    for _ in range(repeats):
        timed_fn()
    return statistics.median(times)


# --- Procfile ----------------------------------------------------------------

_VARIABLE = re.compile(r"\$(?:\{(\w+)(?::-([^}]*))?\}|(\w+))")


def expand(word: str, env: dict[str, str]) -> str:
    """Expand `$NAME`, `${NAME}` and `${NAME:-default}` in `word` as a shell would."""
    def value(match: re.Match) -> str:
        name = match.group(1) or match.group(3)
        default = match.group(2)
        found = env.get(name)
        if default is not None and not found:
            return default
        return found or ""
    return _VARIABLE.sub(value, word)


def procfile_command(text: str, env: dict[str, str], process: str = "web") -> list[str]:
    """The argument list of `process` in Procfile `text`, variables expanded from `env`."""
    for line in text.splitlines():
        name, sep, command = line.partition(":")
        if sep and name.strip() == process and not name.lstrip().startswith("#"):
            args = [expand(word, env) for word in shlex.split(command)]
            if args:
                return args
    raise ProcfileError(f"Procfile has no '{process}:' command")


def bind_loopback(args: list[str]) -> list[str]:
    """`args` with gunicorn's bind address moved to 127.0.0.1, port unchanged."""
    out = list(args)
    for i, arg in enumerate(out):
        if arg in ("--bind", "-b") and i + 1 < len(out):
            out[i + 1] = _loopback(out[i + 1])
        elif arg.startswith("--bind="):
            out[i] = "--bind=" + _loopback(arg[len("--bind="):])
    return out


def _loopback(address: str) -> str:
    _host, sep, port = address.rpartition(":")
    if not sep:
        raise ProcfileError(f"bind address {address!r} has no port")
    return f"127.0.0.1:{port}"


# --- wrk ---------------------------------------------------------------------

@dataclass
class LoadResult:
    """What one wrk run measured."""

    requests_per_s: float
    p50_ms: float
    p99_ms: float
    requests: int
    non_2xx: int = 0  # wrk counts status >= 400 here
    socket_errors: int = 0
    cpu_ms: float | None = None  # the workers' CPU time per request (robust to a busy machine)

    @property
    def errors(self) -> int:
        return self.non_2xx + self.socket_errors


_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _ms(value: str, unit: str) -> float:
    return float(value) * _UNITS_MS[unit]


def parse_wrk(text: str) -> LoadResult:
    """Read the figures out of wrk's report (run with --latency)."""
    def find(pattern: str) -> re.Match | None:
        return re.search(pattern, text, re.MULTILINE)

    rate = find(r"^Requests/sec:\s+([\d.]+)")
    p50 = find(r"^\s+50(?:\.000)?%\s+([\d.]+)(us|ms|s|m)\b")
    p99 = find(r"^\s+99(?:\.000)?%\s+([\d.]+)(us|ms|s|m)\b")
    total = find(r"^\s+(\d+) requests in ")
    if not (rate and p50 and p99 and total):
        raise ValueError("not a wrk --latency report:\n" + text)
    non_2xx = find(r"^\s+Non-2xx or 3xx responses:\s+(\d+)")
    sockets = find(r"^\s+Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")
    return LoadResult(
        requests_per_s=float(rate.group(1)),
        p50_ms=_ms(*p50.groups()),
        p99_ms=_ms(*p99.groups()),
        requests=int(total.group(1)),
        non_2xx=int(non_2xx.group(1)) if non_2xx else 0,
        socket_errors=sum(map(int, sockets.groups())) if sockets else 0,
    )


def run_wrk(wrk: str, url: str, seconds: float, script: Path | None = None, script_args=()) -> LoadResult:
    """Load `url` for `seconds` with CONNECTIONS connections and return what wrk measured."""
    cmd = [wrk, f"-t{WRK_THREADS}", f"-c{CONNECTIONS}", f"-d{seconds:g}s", "--latency", "--timeout", "5s"]
    if script:
        cmd += ["-s", str(script)]
    cmd.append(url)
    if script_args:
        cmd += ["--", *map(str, script_args)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True, timeout=seconds + 60)
    return parse_wrk(done.stdout)


# --- the server ----------------------------------------------------------------

def free_port() -> int:
    """A TCP port nobody listens on at 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def read_status(pid: int) -> dict[str, str]:
    """The fields of /proc/<pid>/status ("PPid", "VmRSS", ...)."""
    return parse_status(Path(f"/proc/{pid}/status").read_text())


def parse_status(text: str) -> dict[str, str]:
    fields = {}
    for line in text.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            fields[key] = value.strip()
    return fields


def rss_mb(status: dict[str, str]) -> float:
    """Resident memory from a /proc status, in MB (VmRSS is given in kB)."""
    value, unit = status["VmRSS"].split()
    if unit != "kB":
        raise ValueError(f"unexpected VmRSS unit {unit!r}")
    return int(value) / 1024


def parse_stat_cpu(text: str) -> float:
    """User + system CPU seconds from the text of /proc/<pid>/stat."""
    fields = text.rpartition(")")[2].split()  # the command name may hold spaces and parentheses
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_seconds(pids: list[int]) -> float:
    return sum(parse_stat_cpu(Path(f"/proc/{pid}/stat").read_text()) for pid in pids)


def private_mb(smaps_rollup: str) -> float:
    """Memory only this process uses (Private_Clean + Private_Dirty of /proc/<pid>/smaps_rollup), in MB."""
    fields = parse_status(smaps_rollup)
    return sum(int(fields[key].split()[0]) for key in ("Private_Clean", "Private_Dirty")) / 1024


def _private_mb(pid: int) -> float | None:
    try:
        return private_mb(Path(f"/proc/{pid}/smaps_rollup").read_text())
    except (OSError, KeyError):  # kernels before 4.14 have no smaps_rollup
        return None


def child_pids(parent: int) -> list[int]:
    """Processes whose parent is `parent` (gunicorn's workers of its master)."""
    children = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if read_status(int(entry.name)).get("PPid") == str(parent):
                    children.append(int(entry.name))
            except OSError:  # exited meanwhile
                pass
    return sorted(children)


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    workers: int

    def worker_pids(self) -> list[int]:
        return child_pids(self.process.pid)


@contextmanager
def serve_procfile(tmp: Path, workers: int = 2, timeout: float = 60.0, settings: dict[str, str] | None = None):
    """Start the Procfile's `web` command on a free loopback port; yield a Server; stop it.

    `settings`: more environment variables for the server (FLASK_ANSWER_CACHE_SIZE=0 ...).
    """
    port = free_port()
    env = dict(os.environ, PORT=str(port), WEB_CONCURRENCY=str(workers),
               FLASK_SECRET_KEY=secrets.token_hex(32), FLASK_RATELIMIT_ENABLED="false",
               FLASK_DATABASE=str(tmp / "bench.sqlite"), **(settings or {}))
    args = bind_loopback(procfile_command((ROOT / "Procfile").read_text(), env))
    local = Path(sys.executable).parent / args[0]  # the virtualenv's gunicorn
    if local.exists():
        args[0] = str(local)
    log = tmp / "server.log"
    with open(tmp / "access.log", "w") as access, open(log, "w") as errors:
        process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=access, stderr=errors)
    server = Server(f"http://127.0.0.1:{port}", process, workers)
    try:
        _wait_healthy(server, timeout, log)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_healthy(server: Server, timeout: float, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise ServerError(f"the server exited with {server.process.returncode}:\n{log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(server.url + "/healthz", timeout=2) as response:
                if response.status == 200 and len(server.worker_pids()) >= server.workers:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise ServerError(f"the server did not answer /healthz within {timeout:g} s:\n{log.read_text()[-2000:]}")


# --- rows of the table -----------------------------------------------------------

def latency_rows(assistant_ms: list[float], baseline_ms: list[float]) -> list[Row]:
    """p50 and p99 of in-process answer times."""
    n = len(assistant_ms)
    return [Row(f"answer latency p{p} in process ({n} questions)",
                f"{percentile(assistant_ms, p):.3f} ms", f"{percentile(baseline_ms, p):.3f} ms")
            for p in (50, 99)]


def build_rows(repeats: int = 7) -> list[Row]:
    """Median time to load the corpus and build the index, for both systems."""
    from app.engine.answering import load_assistant
    from app.engine.corpus import load_policy
    from bench.quality import baseline_predictor

    corpus = ROOT / "corpus"
    assistant = median_ms(lambda: load_assistant(corpus), repeats)
    baseline = median_ms(lambda: baseline_predictor(load_policy(corpus / "privacy-policy.md")), repeats)
    return [Row(f"index build, corpus loaded (median of {repeats})", f"{assistant:.1f} ms", f"{baseline:.1f} ms")]


def load_rows(questions: list[str], seconds: float = 5.0, rounds: int = 3, out=None,
              profile: Path | None = None) -> list[Row]:
    """Load-test the Procfile's server with wrk; rows for throughput, p99, errors and memory.

    With `profile`, a directory, each endpoint gets one more run sampled by py-spy (see profile_workers).
    """
    out = out or sys.stdout
    wrk = shutil.which("wrk")
    if not wrk:
        print(f"wrk not found: the load test is skipped. Install it: {WRK_INSTALL}", file=out)
        return [Row("load test: SKIPPED, wrk not installed (apt-get install wrk)", "-")]
    with tempfile.TemporaryDirectory(prefix="bench-speed-") as tmp:
        tmp = Path(tmp)
        bodies = tmp / "bodies.jsonl"
        if questions:
            bodies.write_text("".join(json.dumps({"question": q}) + "\n" for q in questions))
        script_args = [bodies] if questions else []
        try:
            with serve_procfile(tmp) as server:
                health, ask = _alternate(server, wrk, rounds, seconds, script_args)
                rss = [rss_mb(read_status(pid)) for pid in server.worker_pids()]
                private = [_private_mb(pid) for pid in server.worker_pids()]
                if profile is not None:
                    profile_server(server, wrk, Path(profile), "", seconds, script_args, out)
            # The same again with every question answered afresh: the questions are cycled, so above, after
            # the warm-up, each worker serves them from its answer cache (app/visitors/answers.py).
            (tmp / "uncached").mkdir()
            with serve_procfile(tmp / "uncached", settings={"FLASK_ANSWER_CACHE_SIZE": "0"}) as server:
                uncached_health, uncached = _alternate(server, wrk, rounds, seconds, script_args)
                if profile is not None:
                    profile_server(server, wrk, Path(profile), "uncached-", seconds, script_args, out)
        except (ServerError, ProcfileError, subprocess.SubprocessError, ValueError) as exc:
            detail = getattr(exc, "stderr", None) or exc
            print(f"load test FAILED: {type(exc).__name__}: {detail}", file=out)
            return [Row("load test: FAILED (see the message above the table)", "-", met=False)]
    return summarise_load(health, ask, rss, seconds, private) + uncached_rows(uncached_health, uncached)


# --- profile ---------------------------------------------------------------------

PY_SPY_INSTALL = "pip install py-spy"


def py_spy() -> str | None:
    """The py-spy executable: the virtualenv's, else one on PATH."""
    local = Path(sys.executable).parent / "py-spy"
    return str(local) if local.exists() else shutil.which("py-spy")


def profile_server(server: Server, wrk: str, directory: Path, prefix: str, seconds: float, script_args, out) -> None:
    """One more run of each endpoint of `server` with its workers sampled by py-spy (files named `prefix`...)."""
    health_url, ask_url, workers = server.url + "/healthz", server.url + "/api/ask", server.worker_pids()
    for name, args in (("healthz", (health_url, seconds)), ("ask", (ask_url, seconds, WRK_SCRIPT, script_args))):
        profile_workers(workers, directory, prefix + name, lambda: run_wrk(wrk, *args), seconds, out)


def profile_workers(workers: list[int], directory: Path, name: str, run, seconds: float, out) -> None:
    """Sample every worker with py-spy while `run()` loads the server; write and print where the time went."""
    spy = py_spy()
    if not spy:
        print(f"py-spy not found: no profile. Install it: {PY_SPY_INSTALL}", file=out or sys.stdout)
        return
    directory.mkdir(parents=True, exist_ok=True)
    files = [directory / f"{name}-{pid}.txt" for pid in workers]
    samplers = [subprocess.Popen([spy, "record", "--pid", str(pid), "--duration", str(max(1, int(seconds))),
                                  "--rate", "500", "--format", "raw", "--nonblocking", "--output", str(path)],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                for pid, path in zip(workers, files)]
    result = run()
    lines = []
    for sampler in samplers:
        _, errors = sampler.communicate(timeout=seconds + 60)
        if sampler.returncode:
            print(f"py-spy failed ({sampler.returncode}): {errors.strip()[-500:]}", file=out)
    for path in files:
        if path.exists():
            lines += path.read_text().splitlines()
    summary = [f"{name}: {result.requests} requests in {seconds:g} s, {len(workers)} workers sampled by py-spy",
               *format_profile(top_frames(lines))]
    (directory / f"{name}-summary.txt").write_text("\n".join(summary) + "\n")
    print("\n".join(summary), file=out)


def top_frames(collapsed: list[str], limit: int = 15) -> dict[str, list[tuple[str, float]]]:
    """The frames with most samples in py-spy's collapsed stacks ("frame;frame;frame COUNT" lines).

    {"self": [(frame, share), ...], "inclusive": [...]}: self counts the samples a frame was
    running in, inclusive the ones it was anywhere on the stack (each frame once per stack), for
    the project's own frames only ("(app/..."): gunicorn's and Flask's trunk is on every stack.
    """
    own, anywhere, total = {}, {}, 0
    for line in collapsed:
        stack, _, count = line.rstrip().rpartition(" ")
        if not stack or not count.isdigit():
            continue
        count, frames = int(count), stack.split(";")
        total += count
        own[frames[-1]] = own.get(frames[-1], 0) + count
        for frame in set(frames):
            if "(app/" in frame:
                anywhere[frame] = anywhere.get(frame, 0) + count
    if not total:
        return {"self": [], "inclusive": []}

    def top(counts):
        return [(frame, n / total) for frame, n in sorted(counts.items(), key=lambda kv: -kv[1])[:limit]]
    return {"self": top(own), "inclusive": top(anywhere)}


def format_profile(frames: dict[str, list[tuple[str, float]]]) -> list[str]:
    return [line for kind in ("inclusive", "self")
            for line in [f"  most samples, {kind}{' (app/ frames)' if kind == 'inclusive' else ''}:"] + [f"    {share:6.1%}  {frame}" for frame, share in frames[kind]]]


def _alternate(server: Server, wrk: str, rounds: int, seconds: float, script_args) -> tuple[list, list]:
    """Warm `server` up, then load `GET /healthz` and `POST /api/ask` in turn, `rounds` times each; their results."""
    health_url, ask_url = server.url + "/healthz", server.url + "/api/ask"
    run_wrk(wrk, health_url, 1)  # warm-up: connections, caches, the first log writes
    run_wrk(wrk, ask_url, 1, WRK_SCRIPT, script_args)
    workers = server.worker_pids()
    health, ask = [], []
    for _ in range(rounds):
        health.append(_measured(workers, run_wrk, wrk, health_url, seconds))
        ask.append(_measured(workers, run_wrk, wrk, ask_url, seconds, WRK_SCRIPT, script_args))
    return health, ask


def _median(results: list[LoadResult], attribute: str) -> float:
    return statistics.median(getattr(r, attribute) for r in results)


def _measured(workers: list[int], run, *args) -> LoadResult:
    """`run(*args)`, with the workers' CPU time per request added to its result."""
    before = cpu_seconds(workers)
    result = run(*args)
    if result.requests:
        result.cpu_ms = (cpu_seconds(workers) - before) * 1000 / result.requests
    return result


def summarise_load(health: list[LoadResult], ask: list[LoadResult], rss: list[float], seconds: float,
                   private: list[float | None] = ()) -> list[Row]:
    """Table rows from alternating wrk runs (medians) and the workers' resident memory."""
    runs = f"median of {len(ask)} x {seconds:g} s, {CONNECTIONS} connections"
    health_rate, ask_rate = _median(health, "requests_per_s"), _median(ask, "requests_per_s")
    ratio = ask_rate / health_rate if health_rate else 0.0
    errors = sum(r.errors for r in health + ask)
    ask_p99 = _median(ask, "p99_ms")
    return [
        Row(f"GET /healthz requests/s ({runs})", f"{health_rate:.0f}"),
        Row("POST /api/ask requests/s (same server, same run)", f"{ask_rate:.0f}"),
        Row("ask / healthz throughput", f"{ratio:.2f}", target=f">= {TARGETS['ratio']}",
            met=ratio >= TARGETS["ratio"]),
        Row("GET /healthz p99", f"{_median(health, 'p99_ms'):.1f} ms"),
        Row("POST /api/ask p99", f"{ask_p99:.1f} ms", target=f"< {TARGETS['ask_p99_ms']:g} ms",
            met=ask_p99 < TARGETS["ask_p99_ms"]),
        *([Row("worker CPU per request: GET /healthz", f"{_median(health, 'cpu_ms'):.2f} ms"),
           Row("worker CPU per request: POST /api/ask", f"{_median(ask, 'cpu_ms'):.2f} ms")]
          if all(r.cpu_ms is not None for r in health + ask) else []),
        Row("errors (non-2xx + socket), all runs", f"{errors} of {sum(r.requests for r in health + ask)}",
            target="0", met=errors == TARGETS["errors"]),
        Row(f"resident memory per worker ({len(rss)} workers, VmRSS)",
            " / ".join(f"{mb:.1f}" for mb in rss) + " MB"),
        *([Row("  of which not shared with the master (Private_*)",
               " / ".join(f"{mb:.1f}" for mb in private) + " MB")]
          if private and None not in private else []),
    ]


def uncached_rows(health: list[LoadResult], ask: list[LoadResult]) -> list[Row]:
    """Rows of the run with the answer cache off (FLASK_ANSWER_CACHE_SIZE=0): every ask answered afresh."""
    health_rate, ask_rate = _median(health, "requests_per_s"), _median(ask, "requests_per_s")
    rows = [Row("with the answer cache off (FLASK_ANSWER_CACHE_SIZE=0, a second server):", ""),
            Row("  ask / healthz throughput, every answer computed",
                f"{ask_rate / health_rate if health_rate else 0.0:.2f}  ({ask_rate:.0f} / {health_rate:.0f})")]
    if all(r.cpu_ms is not None for r in health + ask):
        rows.append(Row("  worker CPU per request: healthz / ask",
                        f"{_median(health, 'cpu_ms'):.2f} / {_median(ask, 'cpu_ms'):.2f} ms"))
    return rows


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options `python -m bench.speed` and `python -m bench` share: question sets and the load test's."""
    parser.add_argument("paths", nargs="*", help="question sets (JSON lines); default: ../shared/eval/*.jsonl")
    parser.add_argument("--duration", type=float, default=5.0, help="seconds per wrk run (default 5)")
    parser.add_argument("--rounds", type=int, default=3, help="wrk runs per endpoint (default 3)")
    parser.add_argument("--no-load", action="store_true", help="skip the gunicorn load test")
    parser.add_argument("--profile", metavar="DIR", type=Path,
                        help="after the load test of each server (cache on, cache off), sample the workers with "
                             "py-spy during one more run of each endpoint; stacks and a summary go to DIR")


def main(argv=None) -> int:
    from app.engine.answering import load_assistant
    from bench.quality import baseline_predictor, read_questions
    from bench.report import default_paths, print_table

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_arguments(parser)
    args = parser.parse_args(argv)
    load_average = os.getloadavg()[0]  # other work on the machine skews the figures
    paths = args.paths or default_paths()
    questions = [row["question"] for path in paths for row in read_questions(path)]
    if not questions:
        print("no questions: give question sets or put them in ../shared/eval", file=sys.stderr)
        return 2
    assistant = load_assistant(ROOT / "corpus")
    baseline = baseline_predictor(assistant.index.policy)
    assistant_ms, baseline_ms = [], []
    answer, predict = timed(assistant.answer, assistant_ms), timed(baseline, baseline_ms)
    for question in questions:
        answer(question)
        predict(question)
    rows = latency_rows(assistant_ms, baseline_ms) + build_rows()
    if not args.no_load:
        rows += load_rows(questions, args.duration, args.rounds, profile=args.profile)
    print_table(rows, load_average=load_average)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Server time of the editors' and agents' list pages on a big question log, against /healthz in the same run.

    .venv/bin/python -m bench.staff_pages                     # 200,000 questions, 5 rounds, SQLite
    .venv/bin/python -m bench.staff_pages --questions 20000 --rounds 3
    .venv/bin/python -m bench.staff_pages --database postgresql   # a PostgreSQL server of its own
    .venv/bin/python -m bench.staff_pages --database postgresql://user@host/empty_database

Fills a temporary database with a generated log (the team's questions from tests/data, reworded and spread
over a year, with a long tail of one-off wordings; a realistic mix of answers, declines, asking back,
hand-offs and thumbs; some "not covered" and dismissed decisions; 2,000 rights requests), signs in an editor
and times each page through Flask's test client, in three settings:

- "new database": the first request of each page on a database no page was read from, after the deploy step
  `flask review prepare` (timed and printed first: it counts the days that are over and collects the review
  list, what the first visit would otherwise wait for);
- "after restart": the first request of each page from a new app instance on that same database (a restart,
  or another worker or host), warmed up as the Procfile's server is before forking (`app.warm_up`);
- then the median and worst of the next rounds, and each median as a multiple of /healthz's median in the
  same rounds (the machine is shared, so the multiple is steadier than the milliseconds);
- and the review list right after an editor dismisses its first cluster, and right after undoing that.

No network, no server process besides PostgreSQL when asked for.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
import zlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

from app import create_app, warm_up
from app.platform import db as storage
from app.platform.db import connect, write
from app.staff import review
from app.staff.accounts import create_user
from bench.quality import read_questions

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
PASSWORD = "benchmark password only"
PAGES = ["/editor/?days=7", "/editor/", "/editor/?days=90", "/editor/?days=365", "/editor/unanswered",
         "/editor/unanswered?page=5", "/editor/gaps", "/editor/decisions/{batch}", "/editor/link-search?q=delete+my+data",
         "/staff/requests", "/staff/requests?status=all&page=20"]
HEALTH = "/healthz"
_TAILS = ["", "?", "??", " please", " pls", " plz tell me", " asap", "!"]
_CLAUSES = ["s2-1", "s3-1", "s4-1", "s5-1", "s6-1", "s7-1", "s9-1", "s10-1"]
_TOPICS = ["data_security", "third_party_sharing_collection", "children", "cookies_tracking", "data_retention",
           "user_access_edit_deletion", "first_party_collection_use"]


def _wordings() -> list[str]:
    rows = []
    for name in ("retrieval_cases.yaml", "visitor_cases.yaml", "request_cases.yaml"):
        rows += [r["question"] for r in read_questions(DATA / name)]
    return rows


def fill(db, questions: int, seed: int = 15) -> None:
    """Write `questions` generated log rows (and feedback, decisions, requests) into `db`."""
    rng = random.Random(seed)
    wordings = _wordings()
    now = datetime.now(timezone.utc)
    rows, feedback = [], []
    for n in range(questions):
        base = rng.choice(wordings)
        text = base + rng.choice(_TAILS)
        if rng.random() < 0.05:
            text += f" (order {rng.randrange(10 ** 6)})"  # the long tail: wordings asked once
        roll = rng.random()
        kind, answered, intent, confidence = (("answer", 1, None, rng.uniform(0.4, 1.0)) if roll < 0.62 else
                                              ("no_answer", 0, None, rng.uniform(0, 0.4)) if roll < 0.80 else
                                              ("clarify", 0, None, rng.uniform(0.2, 0.5)) if roll < 0.88 else
                                              ("answer", 1, "deletion", 0.9) if roll < 0.93 else
                                              ("smalltalk", 0, None, 0.0))
        asked = now - timedelta(seconds=rng.randrange(365 * 86400))
        qid = uuid.uuid4().hex
        # Retrieval ranks the same clause first for the same words: the best clause follows the wording.
        clause = _CLAUSES[zlib.crc32(base.encode()) % len(_CLAUSES)]
        rows.append({"id": qid, "asked_at": asked.isoformat(timespec="milliseconds"), "question": text, "kind": kind,
                     "answered": answered, "top_clause": clause, "confidence": round(confidence, 4),
                     "intent": intent, "session": f"s{rng.randrange(questions // 3)}", "channel": "api",
                     "topic": rng.choice(_TOPICS)})
        if rng.random() < 0.08:
            feedback.append({"question_id": qid, "helpful": int(rng.random() < 0.6),
                             "given_at": asked.isoformat(timespec="milliseconds")})
    rows.sort(key=lambda row: row["asked_at"])  # in the order they were asked, as the live log is written
    with write(db):
        db.execute(
            "insert into questions (id, asked_at, question, kind, answered, top_clause, confidence, intent, session, "
            "channel, topic) values (:id, :asked_at, :question, :kind, :answered, :top_clause, :confidence, "
            ":intent, :session, :channel, :topic)", rows)
        db.execute("insert into feedback (question_id, helpful, given_at) values (:question_id, :helpful, :given_at)",
                   feedback)
        for n in range(2000):
            received = (now - timedelta(days=rng.randrange(365))).isoformat(timespec="seconds")
            db.insert("requests", {"reference": f"BM-BENCH-{n:05d}", "type": rng.choice(["access", "deletion"]),
                                   "status": rng.choice(["new", "done", "in progress"]), "urgent": 0,
                                   "name": f"Requester {n}", "email": "r@example.com", "details": "bench",
                                   "received_at": received, "due_date": received[:10]})
    for text in wordings[-30:-20]:
        review.decide(db, text, "not_covered", "bench")
    for text in wordings[-20:-10]:
        review.decide(db, text, "dismissed", "bench")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--database", default="sqlite",
                        help="sqlite (a temporary file), postgresql (a server of its own) or the postgresql:// URL "
                             "of an empty database")
    parser.add_argument("--time", metavar="DATABASE", help=argparse.SUPPRESS)  # one process: see _time_pages
    parser.add_argument("--pages", nargs="*", default=[], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.time:
        print(json.dumps(_time_pages(args.time, args.pages, args.rounds)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        server = None
        if args.database.startswith("postgresql://"):
            database = args.database
        elif args.database == "postgresql":
            from bench.pgserver import PostgresServer, find_postgres

            program = find_postgres()
            if program is None:
                parser.error("no PostgreSQL server programs here (Debian: apt-get install postgresql)")
            server = PostgresServer(program, Path(tmp) / "postgresql")
            server.start()
            database = server.new_database()
        elif args.database == "sqlite":
            database = str(Path(tmp) / "bench.sqlite")
        else:
            parser.error(f"--database: sqlite, postgresql or a postgresql:// URL, not {args.database!r}")
        try:
            return _run(args, database)
        finally:
            if server is not None:
                server.stop()


def _run(args, database: str) -> int:
    started = time.perf_counter()
    app = create_app({"TESTING": True, "SECRET_KEY": "bench", "DATABASE": database,
                      "ARGON2_PARAMETERS": {"time_cost": 1, "memory_cost": 8, "parallelism": 1}})
    db = connect(database)
    try:
        fill(db, args.questions)
        with app.app_context():
            create_user(db, "bench", "editor", PASSWORD)
        batch = db.scalar("select batch from review_decisions where action = 'not_covered' order by decided_at limit 1")
    finally:
        db.close()
        storage.reset_connections(app)
    kind = storage.parse_target(database).kind
    print(f"{args.questions:,} questions logged in {time.perf_counter() - started:.1f} s ({kind})")
    pages = [p.format(batch=batch) for p in PAGES]
    started = time.perf_counter()
    prepared = subprocess.run([sys.executable, "-m", "flask", "--app", "app", "review", "prepare"], check=True,
                              capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent,
                              env={**os.environ, "FLASK_DATABASE": database})
    print(f"flask review prepare (the deploy step): {time.perf_counter() - started:.1f} s, of which "
          f"{prepared.stdout.strip().split(chr(10))[-1]}")
    new = _in_new_process(database, pages, 0)["first"]  # no page read from this database yet
    restarted = _in_new_process(database, pages, args.rounds)  # a restart: what the first run stored is there
    times = restarted["rounds"]
    health = statistics.median(times[HEALTH])
    print(f"{'page':40} {'new database':>13} {'after restart':>14} {'median':>9} {'worst':>9} {'x /healthz':>10}")
    print(f"{HEALTH:40} {'':>13} {'':>14} {health:6.1f} ms {max(times[HEALTH]):6.1f} ms {1:9.0f}x")
    for path in pages:
        median = statistics.median(times[path])
        print(f"{path:40} {new[path]:10.0f} ms {restarted['first'][path]:11.0f} ms {median:6.0f} ms "
              f"{max(times[path]):6.0f} ms {median / health:9.0f}x")
    for what, elapsed in restarted["actions"].items():
        print(f"{'/editor/unanswered ' + what:40} {'':>13} {elapsed:11.0f} ms")
    return 0


def _in_new_process(database: str, pages: list[str], rounds: int) -> dict:
    """`_time_pages` in a process of its own, as a worker that has just started."""
    result = subprocess.run([sys.executable, "-m", "bench.staff_pages", "--time", database, "--rounds", str(rounds),
                             "--pages", *pages], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parent.parent)
    return json.loads(result.stdout.strip().splitlines()[-1])


def _time_pages(database: str, pages: list[str], rounds: int) -> dict:
    """The first request of each page, then `rounds` rounds of every page and /healthz, interleaved."""
    app = create_app({"TESTING": True, "SECRET_KEY": "bench", "DATABASE": database, "RATELIMIT_ENABLED": False,
                      "WTF_CSRF_ENABLED": False, "HEALTH_PROBE_INTERVAL": 0,
                      "ARGON2_PARAMETERS": {"time_cost": 1, "memory_cost": 8, "parallelism": 1}})
    warm_up(app)  # as the Procfile's server does once before forking its workers (create_app(production=True))
    client = app.test_client()
    assert client.post("/login", data={"username": "bench", "password": PASSWORD}).status_code == 302
    first = {path: _time(client, path) for path in pages}
    times: dict[str, list[float]] = {path: [] for path in [HEALTH, *pages]}
    for _ in range(rounds):
        for path in times:  # interleaved, so that /healthz sees the same load as the pages
            times[path].append(_time(client, path))
    actions = {}
    if rounds:
        _wait_for_refreshes(database)
        db = connect(database)
        try:
            top = review.load_board(db.scalar("select board from review_boards where id = 1")).clusters[0]
        finally:
            db.close()
        keys = [g.key for g in top.members]
        assert client.post("/editor/unanswered/dismiss", data={"key": keys}).status_code == 302
        actions["after a decision"] = _time(client, "/editor/unanswered")
        _wait_for_refreshes(database)
        assert client.post("/editor/reopen", data={"key": keys[0]}).status_code == 302
        actions["after its undo"] = _time(client, "/editor/unanswered")
    _wait_for_refreshes(database)  # a background collection of the review list ends before the process does
    storage.reset_connections(app)
    return {"first": first, "rounds": times, "actions": actions}


def _time(client, path: str) -> float:
    started = time.perf_counter()
    response = client.get(path)
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (path, response.status_code)
    return elapsed


def _wait_for_refreshes(database: str, seconds: float = 600.0) -> None:
    """Let a background collection of the review list finish (it would slow down what is timed next)."""
    db = connect(database)
    try:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and db.scalar(
                "select count(*) from review_boards where refreshing_since is not null"):
            time.sleep(0.2)
    finally:
        db.close()


if __name__ == "__main__":
    raise SystemExit(main())

"""Server time of the editors' and agents' list pages on a big question log.

    .venv/bin/python -m bench.staff_pages                     # 200,000 questions, 5 rounds
    .venv/bin/python -m bench.staff_pages --questions 20000 --rounds 3

Fills a temporary database with a generated log (the team's questions from tests/data, reworded and spread
over a year, with a long tail of one-off wordings; a realistic mix of answers, declines, asking back,
hand-offs and thumbs; some "not covered" and dismissed decisions; 2,000 rights requests), signs in an editor
and times each page through Flask's test client: the first request (the review's wording analysis is not
cached yet) and the median and worst of the next rounds. No network, no server process.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import uuid
import zlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

from app import create_app
from app.platform.db import connect, write
from app.staff import review
from app.staff.accounts import create_user
from bench.quality import read_questions

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
PASSWORD = "benchmark password only"
PAGES = ["/editor/", "/editor/?days=365", "/editor/unanswered", "/editor/unanswered?page=5", "/editor/gaps",
         "/staff/requests", "/staff/requests?status=all&page=20"]
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
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"TESTING": True, "SECRET_KEY": "bench", "DATABASE": str(Path(tmp) / "bench.sqlite"),
                          "RATELIMIT_ENABLED": False, "WTF_CSRF_ENABLED": False,
                          "ARGON2_PARAMETERS": {"time_cost": 1, "memory_cost": 8, "parallelism": 1}})
        db = connect(app.config["DATABASE"])
        started = time.perf_counter()
        fill(db, args.questions)
        with app.app_context():
            create_user(db, "bench", "editor", PASSWORD)
        db.close()
        print(f"{args.questions:,} questions logged in {time.perf_counter() - started:.1f} s")
        client = app.test_client()
        assert client.post("/login", data={"username": "bench", "password": PASSWORD}).status_code == 302
        print(f"{'page':34} {'first':>9} {'median':>9} {'worst':>9}")
        for path in PAGES:
            times = []
            for _ in range(args.rounds + 1):
                started = time.perf_counter()
                response = client.get(path)
                times.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (path, response.status_code)
            rest = times[1:]
            print(f"{path:34} {times[0]:7.0f} ms {statistics.median(rest):7.0f} ms {max(rest):7.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Server time of the agents' clause search (`/staff/search.json`), per request.

    .venv/bin/python -m bench.staff_search            # every team question, 5 rounds
    .venv/bin/python -m bench.staff_search --rounds 20

Signs in a throw-away agent on a temporary database and times each search
twice: the view's own `Server-Timing` figure (retrieval, highlighting and
citations) and the whole request through Flask's test client (routing, the
session and staff checks, JSON encoding). No network, no server process.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import yaml

from app import create_app
from app.staff.accounts import create_user
from app.platform.db import connect

CASES = Path(__file__).resolve().parent.parent / "tests" / "data" / "retrieval_cases.yaml"
PASSWORD = "benchmark password only"


def _queries() -> list[str]:
    data = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    queries = [case["q"] for group in data.values() if isinstance(group, list) for case in group if "q" in case]
    # What an agent types on the way to a full question, as search-as-you-type sends it.
    return queries + [q[: len(q) // 2] for q in queries if len(q) > 8]


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="times each query is searched")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"TESTING": True, "SECRET_KEY": "bench", "DATABASE": str(Path(tmp) / "bench.sqlite"),
                          "RATELIMIT_ENABLED": False, "WTF_CSRF_ENABLED": False,
                          "ARGON2_PARAMETERS": {"time_cost": 1, "memory_cost": 8, "parallelism": 1}})
        db = connect(app.config["DATABASE"])
        with app.app_context():
            create_user(db, "bench", "agent", PASSWORD)
        db.close()
        client = app.test_client()
        assert client.post("/login", data={"username": "bench", "password": PASSWORD}).status_code == 302
        queries = _queries()
        server, total = [], []
        for _ in range(args.rounds):
            for q in queries:
                started = time.perf_counter()
                response = client.get("/staff/search.json", query_string={"q": q})
                total.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, response.status_code
                server.append(float(response.headers["Server-Timing"].split("dur=")[1]))
    print(f"{len(server)} searches ({len(queries)} queries x {args.rounds} rounds)")
    for name, values in (("search (Server-Timing)", server), ("whole request", total)):
        print(f"{name:24} median {statistics.median(values):6.2f} ms   p95 {_percentile(values, 0.95):6.2f} ms"
              f"   max {max(values):6.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

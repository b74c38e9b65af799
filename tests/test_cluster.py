"""The cluster of bench/cluster.py (PostgreSQL or SQLite, Redis, two Procfile web instances, HAProxy) under load,
losing an instance.

One web instance is killed with SIGKILL halfway (master and workers at once, as a lost host) and restarted.
Every submission a client was given a reference for is stored exactly once, nothing is stored unconfirmed except
what was in flight on the killed instance, and the only failures are the requests in flight on the killed instance, answered by HAProxy
with a JSON 502 (never a reference that was not stored).
"""

from __future__ import annotations

import io
import shutil
import tempfile
from pathlib import Path

import json
import time

import pytest

from app import create_app
from bench import cluster as cluster_bench
from bench.cluster import Cluster, run_load

CLIENTS = 16


@pytest.mark.slow
@pytest.mark.redis
@pytest.mark.haproxy
@pytest.mark.parametrize("database", [pytest.param("postgresql", marks=pytest.mark.postgresql), "sqlite"])
def test_losing_a_web_instance_under_load_loses_no_accepted_request(database):
    # Not in pytest's temporary folder: the PostgreSQL server runs as user postgres, which may not enter it.
    folder = Path(tempfile.mkdtemp(prefix="pa-test-cluster-"))
    cluster = Cluster(folder / "cluster")
    cluster.up(database, extra_env={"FLASK_RATELIMIT_ASK": "1000000/minute",
                                    "FLASK_RATELIMIT_REQUESTS": "1000000/minute"})
    try:
        report = run_load(cluster, asks=1500, submissions=150, clients=CLIENTS, out=io.StringIO())
    finally:
        cluster.down()
        shutil.rmtree(folder, ignore_errors=True)
    print(report)
    assert report["sent"] == 1650
    assert report["accepted_submissions_stored_exactly_once"]
    # A submission committed in the instant before the kill, whose answer never left: stored, its client got the
    # 502 ("nothing was confirmed, please send it again"). Only such in-flight ones may be stored unconfirmed.
    # (Status 0: the connection broke with no answer, e.g. the instance died halfway through writing one.)
    unanswered = report["failed"].get("/api/requests 502", 0) + report["failed"].get("/api/requests 0", 0)
    assert report["stored_but_not_accepted"] <= unanswered
    assert report["accepted_asks_not_logged"] == 0
    # The JSON 502 for requests in flight on the killed instance, or no answer at all: never another error.
    assert set(report["failed"]) <= {"/api/ask 502", "/api/ask 0", "/api/requests 502", "/api/requests 0"}
    assert sum(report["failed"].values()) <= 2 * CLIENTS  # at most what the killed instance's connections held
    assert report["submissions"]["accepted"] + unanswered == 150


@pytest.mark.slow
@pytest.mark.redis
@pytest.mark.haproxy
def test_a_second_run_in_the_same_folder_starts_empty_and_counts_only_its_own_rows():
    # `make cluster-load CLUSTER_ARGS="--database sqlite"` twice: the second run used to find the first run's
    # SQLite file and report its 10 requests as "stored but not accepted".
    folder = Path(tempfile.mkdtemp(prefix="pa-test-cluster-"))
    try:
        for _ in range(2):
            cluster = Cluster(folder / "cluster")
            cluster.up("sqlite", extra_env={"FLASK_RATELIMIT_REQUESTS": "1000000/minute"})
            try:
                report = run_load(cluster, asks=40, submissions=10, clients=4, out=io.StringIO())
            finally:
                cluster.down()
            assert report["submissions"]["accepted"] == report["submissions"]["stored"] == 10 - sum(
                count for failure, count in report["failed"].items() if failure.startswith("/api/requests"))
            # The first run's 10 rows are not counted; only a submission in flight on the killed instance may be
            # stored with its answer lost, as in the test above (CI at d926e4c: one such, "stored but not accepted").
            unanswered = report["failed"].get("/api/requests 502", 0) + report["failed"].get("/api/requests 0", 0)
            assert report["stored_but_not_accepted"] <= unanswered
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_rows_a_drain_moves_while_they_are_counted_are_counted_where_they_came_to_rest(tmp_path):
    # CI once reported 3 accepted asks "not logged": the count read the database and then the spool, and a drain
    # thread committed a batch and deleted its file between the two reads, so the rows were in neither.
    folder = tmp_path / "cluster"
    database = folder / "assistant.sqlite"
    app = create_app({"TESTING": True, "SECRET_KEY": "test-secret", "DATABASE": str(database),
                      "RATELIMIT_ENABLED": False, "QUESTION_LOG_BATCH": 0.5,
                      "QUESTION_SPOOL_DIR": str(folder / "spool-web0")})
    (folder / "cluster.json").write_text(json.dumps({"database": str(database)}))
    client = app.test_client()
    asked = {client.post("/api/ask", json={"question": f"do you sell my data? ({i})"}).get_json()["question_id"]
             for i in range(12)}
    assert asked <= cluster_bench._spooled(Cluster(folder))  # queued for the drain thread's next batch
    stored, _refs, spooled = cluster_bench._logged(Cluster(folder), settle=10.0)
    assert asked <= stored  # the drain thread wrote them while the count waited
    assert spooled == set()


def test_rows_the_database_does_not_take_are_counted_as_waiting_in_the_spool(tmp_path):
    folder = tmp_path / "cluster"
    (folder / "spool-web1").mkdir(parents=True)
    database = folder / "assistant.sqlite"
    create_app({"TESTING": True, "SECRET_KEY": "test-secret", "DATABASE": str(database)})  # the tables, empty
    (folder / "cluster.json").write_text(json.dumps({"database": str(database)}))
    (folder / "spool-web1" / "4242.jsonl").write_text('{"id": "q-1"}\n{"id": "q-2"}\n{"id": "q-3", "cut')
    started = time.monotonic()
    stored, _refs, spooled = cluster_bench._logged(Cluster(folder), settle=0.5)
    assert time.monotonic() - started >= 0.5  # it waited for a drain that never came
    assert (stored, spooled) == (set(), {"q-1", "q-2"})  # a line cut short is no row

"""The cluster of bench/cluster.py (Redis, two Procfile web instances, HAProxy) under load, losing an instance.

One web instance is killed with SIGKILL halfway (master and workers at once, as a lost host) and restarted.
Every submission a client was given a reference for is stored exactly once, nothing is stored unconfirmed except
what was in flight on the killed instance, and the only failures are the requests in flight on the killed instance, answered by HAProxy
with a JSON 502 (never a reference that was not stored).
"""

from __future__ import annotations

import io

import pytest

from bench.cluster import Cluster, run_load

CLIENTS = 16


@pytest.mark.slow
@pytest.mark.redis
@pytest.mark.haproxy
def test_losing_a_web_instance_under_load_loses_no_accepted_request(tmp_path):
    cluster = Cluster(tmp_path / "cluster")
    cluster.up(extra_env={"FLASK_RATELIMIT_ASK": "1000000/minute", "FLASK_RATELIMIT_REQUESTS": "1000000/minute"})
    try:
        report = run_load(cluster, asks=1500, submissions=150, clients=CLIENTS, out=io.StringIO())
    finally:
        cluster.down()
    print(report)
    assert report["sent"] == 1650
    assert report["accepted_submissions_stored_exactly_once"]
    # A submission committed in the instant before the kill, whose answer never left: stored, its client got the
    # 502 ("nothing was confirmed, please send it again"). Only such in-flight ones may be stored unconfirmed.
    assert report["stored_but_not_accepted"] <= report["failed"].get("/api/requests 502", 0)
    assert report["accepted_asks_not_logged"] == 0
    assert set(report["failed"]) <= {"/api/ask 502", "/api/requests 502"}  # the JSON 502 for requests in flight
    assert sum(report["failed"].values()) <= 2 * CLIENTS  # at most what the killed instance's connections held
    assert report["submissions"]["accepted"] + report["failed"].get("/api/requests 502", 0) == 150

"""The Procfile's gunicorn under hostile clients: slow senders, malformed requests, its own error pages.

Each test talks to the real server over raw sockets, as an attacker would (see app/platform/serving.py).
"""

from __future__ import annotations

import socket
import time

import pytest

from procfile_server import ProcfileServer

READ_TIMEOUT = 3
SECURITY_HEADERS = ("content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy",
                    "strict-transport-security")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("serving")
    running = ProcfileServer(tmp, tmp / "serving.sqlite", env={"GUNICORN_READ_TIMEOUT": str(READ_TIMEOUT)}).start()
    yield running.port
    running.stop()


def read_response(sock) -> tuple[int, dict[str, str], bytes]:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return int(lines[0].split()[1]), headers, body


def exchange(port, raw: bytes, timeout: float = 10) -> tuple[int, dict[str, str], bytes]:
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(raw)
        return read_response(sock)


def health_latency(port) -> float:
    started = time.perf_counter()
    status, _, _ = exchange(port, b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert status == 200
    return time.perf_counter() - started


def hold(port, count: int) -> list[socket.socket]:
    """`count` clients that announce a 1,000-byte body, send one byte and stall."""
    held = []
    for _ in range(count):
        sock = socket.create_connection(("127.0.0.1", port), timeout=READ_TIMEOUT + 10)
        sock.sendall(b"POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 1000\r\n\r\n{")
        held.append(sock)
    time.sleep(0.5)  # let every worker thread start reading
    return held


@pytest.mark.slow
@pytest.mark.parametrize("count", [2, 8])
def test_slow_clients_do_not_stall_the_service(server, count):
    held = hold(server, count)
    try:
        latencies = [health_latency(server) for _ in range(5)]
        print(f"\n/healthz with {count} held connections: worst {max(latencies) * 1000:.0f} ms")
        assert max(latencies) < 1.0
        # The stalled clients are answered by the app (408, with its headers) once the read deadline passes.
        for sock in held:
            status, headers, _ = read_response(sock)
            assert status == 408
            assert all(name in headers for name in SECURITY_HEADERS)
    finally:
        for sock in held:
            sock.close()


@pytest.mark.slow
@pytest.mark.parametrize("path", ["/api/requests", "/api/ask", "/request"])
def test_a_malformed_chunked_body_is_a_400(server, path):
    status, headers, _ = exchange(server, f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                          "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc".encode())
    assert status == 400
    assert all(name in headers for name in SECURITY_HEADERS)


@pytest.mark.slow
@pytest.mark.parametrize("raw,expected", [
    (b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
    (b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 20000 + b"\r\n\r\n", 431),
    (b"GET / HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-%d: 1\r\n" % n for n in range(120)) + b"\r\n", 431),
    (b"G@T / HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    (b"GET / HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n", 400),
])
def test_the_servers_own_error_pages_carry_the_security_headers(server, raw, expected):
    status, headers, _ = exchange(server, raw)
    assert status == expected
    assert all(name in headers for name in SECURITY_HEADERS)
    assert headers["cache-control"] == "no-store"


@pytest.mark.slow
def test_a_long_query_string_reaches_the_app(server):
    # gunicorn's default limit (4094) answered its own 414 for a URL the app could serve.
    status, headers, _ = exchange(server, b"GET /policy?x=" + b"a" * 6000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    assert status == 200 and "content-security-policy" in headers

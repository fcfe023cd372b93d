"""Slow clients meet limits (issue 17, point 6): `kb serve` closes a connection whose headers
or body take too long (408), and one more connection than a client may hold. Against a real
server process with short limits, over raw sockets."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest


def _serve(database_url: str, **settings: str) -> tuple[subprocess.Popen[bytes], int]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = dict(os.environ, KB_DATABASE_URL=database_url, KB_LOG_LEVEL="WARNING",
               **{f"KB_{name.upper()}": value for name, value in settings.items()})
    kb = str(Path(sys.executable).with_name("kb"))
    server = subprocess.Popen([kb, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as response:
                if response.status == 200:
                    return server, port
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("kb serve did not start")


@pytest.fixture(scope="module")
def hurried(seeded_sqlite: str) -> Iterator[int]:
    """A server that gives half a second to headers and to bodies."""
    server, port = _serve(seeded_sqlite, header_timeout="0.5", body_timeout="0.5")
    yield port
    server.terminate()
    server.wait(10)


@pytest.fixture(scope="module")
def capped(seeded_sqlite: str) -> Iterator[int]:
    """A server that lets one client hold three connections."""
    server, port = _serve(seeded_sqlite, max_connections_per_client="3")
    yield port
    server.terminate()
    server.wait(10)


def _answer(sock: socket.socket, wait: float = 3.0) -> bytes:
    """All the server sends until it closes the connection (or ``wait`` runs out)."""
    sock.settimeout(wait)
    received = b""
    try:
        while chunk := sock.recv(4096):
            received += chunk
    except TimeoutError:
        return received + b"<still open>"
    return received


@pytest.mark.parametrize(
    "sent",
    [
        b"",  # connects and says nothing
        b"GET /healthz HTTP/1.1\r\nHost: kb\r\n",  # headers never end
        b"POST /graphql HTTP/1.1\r\nHost: kb\r\nContent-Type: application/json\r\n"
        b"Content-Length: 100\r\n\r\n{\"query\"",  # a body that stops short
    ],
)
def test_a_slow_request_is_answered_408_and_closed(hurried, sent):
    with socket.create_connection(("127.0.0.1", hurried)) as sock:
        sock.sendall(sent)
        started = time.monotonic()
        received = _answer(sock)
        waited = time.monotonic() - started
    assert b"<still open>" not in received, received
    assert waited < 2.5, waited
    assert received.startswith(b"HTTP/1.1 408"), received


def test_a_prompt_request_is_answered(hurried):
    with socket.create_connection(("127.0.0.1", hurried)) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: kb\r\nConnection: close\r\n\r\n")
        assert _answer(sock).startswith(b"HTTP/1.1 200")


def test_one_connection_more_than_a_client_may_hold_is_closed(capped):
    held = [socket.create_connection(("127.0.0.1", capped)) for _ in range(3)]
    try:
        time.sleep(0.2)
        with socket.create_connection(("127.0.0.1", capped)) as extra:
            assert _answer(extra, wait=2.0) == b""  # closed at once, nothing answered
        # the three held ones still work
        held[0].sendall(b"GET /healthz HTTP/1.1\r\nHost: kb\r\nConnection: close\r\n\r\n")
        assert _answer(held[0]).startswith(b"HTTP/1.1 200")
    finally:
        for sock in held:
            sock.close()
    # closed connections no longer count
    time.sleep(0.2)
    with socket.create_connection(("127.0.0.1", capped)) as again:
        again.sendall(b"GET /healthz HTTP/1.1\r\nHost: kb\r\nConnection: close\r\n\r\n")
        assert _answer(again).startswith(b"HTTP/1.1 200")

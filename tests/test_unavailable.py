"""The database unavailable at start or in the middle of serving: requests get a clear 503
(with Retry-After), /healthz says so, and both recover when the database returns."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url
from starlette.testclient import TestClient

from kb.api.app import create_app
from kb.config import Settings
from kb.db import create_sync_engine, upgrade
from kb.load import load_paths
from tests.conftest import PG_URL, SEEDS

QUERY = "{ articles(first: 1) { totalCount nodes { title } } }"


class Proxy:
    """A TCP proxy in front of PostgreSQL that a test can cut (closing every connection)
    and restore, on the same port."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.port = 0
        self.sockets: list[socket.socket] = []
        self.listener: socket.socket | None = None
        self.lock = threading.Lock()
        self.start()

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen()
        self.port = listener.getsockname()[1]
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def stop(self) -> None:
        with self.lock:
            if self.listener is not None:
                with contextlib.suppress(OSError):  # wakes the accept() blocked in its thread
                    self.listener.shutdown(socket.SHUT_RDWR)
                self.listener.close()
                self.listener = None
            for sock in self.sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self.sockets.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.target)
            with self.lock:
                self.sockets += [client, server]
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


def _assert_unavailable(client: TestClient) -> None:
    response = client.post("/graphql", json={"query": QUERY})
    assert response.status_code == 503, response.text
    assert response.headers["retry-after"]
    [error] = response.json()["errors"]
    assert "database" in error["message"].lower() and "internal server error" not in error["message"].lower()
    health = client.get("/healthz")
    assert health.status_code == 503 and health.json()["database"] == "unavailable"


def _assert_available(client: TestClient) -> None:
    response = client.post("/graphql", json={"query": QUERY})
    assert response.status_code == 200 and "errors" not in response.json(), response.text
    assert client.get("/healthz").status_code == 200


@pytest.fixture
def proxied_postgres() -> Iterator[tuple[TestClient, Proxy]]:
    """The API over a loaded PostgreSQL database reached through a Proxy the test can cut."""
    if not PG_URL:
        pytest.skip("KB_TEST_DATABASE_URL not set")
    from tests.conftest import fresh_postgres

    url = fresh_postgres("unavailable")
    upgrade(url)
    engine = create_sync_engine(url)
    load_paths(engine, [SEEDS])
    engine.dispose()
    target = make_url(url)
    proxy = Proxy(target.host or "127.0.0.1", target.port or 5432)
    proxied = target.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    try:
        with TestClient(create_app(Settings(database_url=proxied, response_cache_size=0))) as client:
            yield client, proxy
    finally:
        proxy.stop()


def test_postgresql_going_away_and_coming_back(proxied_postgres):
    client, proxy = proxied_postgres
    _assert_available(client)
    proxy.stop()  # mid-service: pooled connections die with it
    _assert_unavailable(client)
    proxy.start()
    _assert_available(client)


def test_postgresql_restarted_while_idle_costs_no_request(proxied_postgres):
    """The pooled connections die while no request runs (a database restart, a failover):
    the next request reconnects and answers; nobody sees the dead connection."""
    client, proxy = proxied_postgres
    _assert_available(client)
    proxy.stop()
    proxy.start()
    _assert_available(client)
    _assert_available(client)


@pytest.mark.skipif(not PG_URL, reason="KB_TEST_DATABASE_URL not set")
def test_postgresql_down_at_start():
    target = make_url(PG_URL)
    proxy = Proxy(target.host or "127.0.0.1", target.port or 5432)
    proxied = target.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    proxy.stop()
    try:
        with TestClient(create_app(Settings(database_url=proxied))) as client:
            _assert_unavailable(client)
    finally:
        proxy.stop()


def test_sqlite_missing_then_created(tmp_path: Path):
    path = tmp_path / "later" / "kb.db"
    url = f"sqlite:///{path}"
    with TestClient(create_app(Settings(database_url=url))) as client:
        _assert_unavailable(client)  # no such folder: cannot be opened
        path.parent.mkdir()
        path.touch()
        response = client.post("/graphql", json={"query": QUERY})
        assert response.status_code == 503 and "kb db upgrade" in response.json()["errors"][0]["message"]
        upgrade(url)
        engine = create_sync_engine(url)
        load_paths(engine, [SEEDS])
        engine.dispose()
        _assert_available(client)


def test_healthz_says_when_the_schema_is_missing_or_outdated(empty_db):
    from kb.db import downgrade

    with TestClient(create_app(Settings(database_url=empty_db))) as client:
        assert client.get("/healthz").json() == {"status": "ok", "database": "ok", "schema": "ok"}
        downgrade(empty_db, "-1")  # an older kb's schema under a running server
        response = client.get("/healthz")
        assert response.status_code == 503 and response.json()["schema"] == "outdated"
        downgrade(empty_db, "base")  # the schema dropped
        response = client.get("/healthz")
        assert response.status_code == 503 and response.json()["schema"] == "missing"

"""Shared fixtures: real databases (SQLite always, PostgreSQL when KB_TEST_DATABASE_URL is
set), migrated by Alembic and loaded from seeds/ — the same data a user gets."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from starlette.testclient import TestClient

from kb.api.app import create_app
from kb.config import Settings
from kb.db import create_sync_engine, upgrade
from kb.load import load_paths

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PG_URL = os.environ.get("KB_TEST_DATABASE_URL")


def fresh_postgres(name: str) -> str:
    """A new, empty database beside the one KB_TEST_DATABASE_URL names (kept apart so that
    the shared seeded database and per-test empty ones never meet)."""
    assert PG_URL
    base = make_url(create_sync_engine(PG_URL).url)
    server = create_engine(base, isolation_level="AUTOCOMMIT")
    database = f"{base.database}_{name}"
    with server.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{database}"'))
    server.dispose()
    return base.set(database=database).render_as_string(hide_password=False)


def backends() -> list:
    return [
        pytest.param("sqlite", id="sqlite"),
        pytest.param(
            "postgresql",
            id="postgresql",
            marks=pytest.mark.skipif(not PG_URL, reason="KB_TEST_DATABASE_URL not set"),
        ),
    ]


@pytest.fixture(params=backends())
def empty_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A freshly migrated, empty database URL."""
    url = f"sqlite:///{tmp_path / 'kb.db'}" if request.param == "sqlite" else fresh_postgres("empty")
    upgrade(url)
    yield url


@pytest.fixture
def engine(empty_db: str) -> Iterator[Engine]:
    engine = create_sync_engine(empty_db)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session", params=backends())
def seeded_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database with the five seed articles loaded (shared by the read-only tests)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('seeded') / 'kb.db'}"
    else:
        url = fresh_postgres("seeded")
    return _seed(url)


@pytest.fixture(scope="session")
def seeded_sqlite(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The seeded SQLite database alone (for tests of SQLite's query plans)."""
    return _seed(f"sqlite:///{tmp_path_factory.mktemp('seeded-sqlite') / 'kb.db'}")


def _seed(url: str) -> str:
    upgrade(url)
    engine = create_sync_engine(url)
    report = load_paths(engine, [SEEDS])
    engine.dispose()
    assert report.failures == [], report.failures
    assert report.added == 5
    return url


@pytest.fixture(scope="module")
def served(seeded_db: str) -> Iterator[str]:
    """`kb serve` on a free loopback port over the seeded database; yields the GraphQL URL."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = dict(os.environ, KB_DATABASE_URL=seeded_db, KB_LOG_LEVEL="WARNING")
    kb = str(Path(sys.executable).with_name("kb"))
    server = subprocess.Popen([kb, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.05)
        else:
            raise RuntimeError("kb serve did not start")
        yield base + "/graphql"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def client(seeded_db: str) -> Iterator[TestClient]:
    """The API over the seeded database (a module that needs other settings defines its own)."""
    with TestClient(create_app(Settings(database_url=seeded_db))) as client:
        yield client

"""Faults: a load killed at any moment leaves whole articles only and a rerun completes it;
two loaders on one database neither corrupt nor duplicate; reading while a load runs sees
consistent snapshots. Loads run as real `kb load` processes."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text
from starlette.testclient import TestClient

from kb.api.app import create_app
from kb.config import Settings
from kb.db import create_sync_engine, upgrade
from kb.load import load_paths
from tests.checks import activity, counts
from tests.conftest import SEEDS
from tests.corpus import write_copies

KB = str(Path(sys.executable).with_name("kb"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("copies")
    write_copies(SEEDS, folder, 40)  # 200 articles
    return folder


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, int]:
    """The row counts of a clean load of the corpus."""
    url = f"sqlite:///{tmp_path_factory.mktemp('reference') / 'kb.db'}"
    upgrade(url)
    engine = create_sync_engine(url)
    load_paths(engine, [corpus])
    found = counts(engine)
    engine.dispose()
    return found


def _start_load(url: str, corpus: Path, *extra: str) -> subprocess.Popen[bytes]:
    env = dict(os.environ, KB_DATABASE_URL=url)
    return subprocess.Popen([KB, "load", str(corpus), "--quiet", "--batch-size", "10", *extra], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def _articles(url: str) -> int:
    reader = create_sync_engine(url, write=False)  # a writer's BEGIN IMMEDIATE would hold the loader up
    try:
        with reader.connect() as connection:
            return connection.execute(text("SELECT count(*) FROM article")).scalar_one()
    finally:
        reader.dispose()


def _session_processes(session: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if os.getsid(int(entry.name)) == session:
                    found.append(int(entry.name))
            except (ProcessLookupError, PermissionError):
                continue
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the loader's workers")
def test_a_load_killed_at_a_random_moment_leaves_whole_articles_and_a_rerun_completes_it(
        engine, empty_db, corpus, reference):
    threshold = random.Random().randint(1, 150)  # a random moment: after this many articles
    loader = _start_load(empty_db, corpus)
    deadline = time.monotonic() + 120
    while _articles(empty_db) < threshold and loader.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(loader.pid, signal.SIGKILL)  # the loader only, as `kill -9 PID` would
    loader.communicate()
    # Its workers notice and stop: nothing goes on parsing for a dead loader.
    for _ in range(50):
        if not _session_processes(loader.pid):
            break
        time.sleep(0.1)
    assert not _session_processes(loader.pid)

    present = counts(engine)  # every derived row agrees with the rows: whole articles only
    activity(engine)
    assert threshold <= present["article"] <= reference["article"]
    report = load_paths(engine, [corpus])
    assert report.failed == 0
    assert report.added == reference["article"] - present["article"]
    assert report.unchanged == present["article"]
    assert counts(engine) == reference  # nothing duplicated, nothing lost
    activity(engine)


def test_two_loaders_at_once_store_each_article_once(engine, empty_db, corpus, reference):
    first, second = _start_load(empty_db, corpus), _start_load(empty_db, corpus)
    for loader in (first, second):
        _, errors = loader.communicate(timeout=300)
        assert loader.returncode == 0, errors.decode()
    assert counts(engine) == reference
    activity(engine)


def test_reading_while_a_load_runs_sees_consistent_snapshots(engine, empty_db, corpus, reference):
    loader = _start_load(empty_db, corpus)
    seen = []
    query = "{ articles { totalCount } statements { totalCount } people(first: 1) { totalCount } }"
    with TestClient(create_app(Settings(database_url=empty_db, response_cache_size=0))) as client:
        while loader.poll() is None:
            response = client.post("/graphql", json={"query": query})
            assert response.status_code == 200, response.text
            body = response.json()
            assert "errors" not in body, body
            seen.append((body["data"]["articles"]["totalCount"], body["data"]["statements"]["totalCount"]))
            time.sleep(0.01)
    _, errors = loader.communicate()
    assert loader.returncode == 0, errors.decode()
    # Counts only grow, and articles and statements move together (one snapshot per request).
    assert seen == sorted(seen)
    per_article = reference["statement"] / reference["article"]
    for articles, statements in seen:
        assert statements == pytest.approx(articles * per_article, rel=0.5, abs=60)
    assert counts(engine) == reference


def test_the_wal_stays_small_while_readers_never_pause(tmp_path, corpus, reference, monkeypatch):
    """SQLite restarts its write-ahead log only at a moment no reader uses it; a busy API
    never gives it one, so the loader resets it (kb.db.reset_wal_if_large)."""
    import sqlite3
    import threading

    import kb.db

    limit = 256 * 1024
    monkeypatch.setattr(kb.db, "WAL_RESET_BYTES", limit)
    path = tmp_path / "kb.db"
    url = f"sqlite:///{path}"
    upgrade(url)
    stop = threading.Event()

    def read(offset: float) -> None:  # two of these overlap: some snapshot is always open
        connection = sqlite3.connect(path, isolation_level=None)
        time.sleep(offset)
        while not stop.is_set():
            connection.execute("BEGIN")
            connection.execute("SELECT count(*) FROM article").fetchone()
            time.sleep(0.01)
            connection.execute("COMMIT")
        connection.close()

    readers = [threading.Thread(target=read, args=(offset,)) for offset in (0.0, 0.005)]
    for reader in readers:
        reader.start()
    engine = create_sync_engine(url)
    try:
        load_paths(engine, [corpus], batch_size=20)
        wal = os.path.getsize(f"{path}-wal")  # while the readers still hold it open
    finally:
        stop.set()
        for reader in readers:
            reader.join()
    assert counts(engine) == reference
    engine.dispose()
    assert wal <= limit  # reset after the last batch (without it: megabytes)

"""The answer cache: a repeated query is answered from memory on the same data, and never
after a load has committed new data."""

from __future__ import annotations

from sqlalchemy import event
from starlette.testclient import TestClient

from kb.api.app import create_app
from kb.api.cache import ResponseCache, cache_key
from kb.config import Settings
from kb.db import create_sync_engine
from kb.load import load_paths
from tests.conftest import SEEDS

COUNTS = "{ articles { totalCount } statements(first: 2) { totalCount nodes { text } } }"


def _post(client: TestClient, query: str, variables: dict | None = None) -> tuple[dict, list[str]]:
    engine = client.app.state.database.sync_engine
    executed: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):  # noqa: ANN001
        executed.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        body = client.post("/graphql", json={"query": query, "variables": variables or {}}).json()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return body, [s for s in executed if s.lstrip().upper().startswith("SELECT")]


def test_a_repeated_query_is_answered_from_the_cache_until_a_load_commits(empty_db):
    engine = create_sync_engine(empty_db)
    seeds = sorted(SEEDS.iterdir())
    load_paths(engine, seeds[:4])
    with TestClient(create_app(Settings(database_url=empty_db))) as client:
        first, first_sql = _post(client, COUNTS)
        again, again_sql = _post(client, COUNTS)
        assert again == first and first["data"]["articles"]["totalCount"] == 4
        assert len(first_sql) > 1 and len(again_sql) == 1 and "data_version" in again_sql[0]
        # The same query with other variables, or another query, is not the kept answer.
        other, _ = _post(client, "query($n: Int) { statements(first: $n) { nodes { text } } }", {"n": 1})
        assert len(other["data"]["statements"]["nodes"]) == 1

        load_paths(engine, seeds[4:])  # a load commits: the kept answer is stale
        after, after_sql = _post(client, COUNTS)
        assert after["data"]["articles"]["totalCount"] == 5 and len(after_sql) > 1
        assert client.app.state.graphql.cache.hits == 1
    engine.dispose()


def test_errors_are_not_kept_and_the_cache_can_be_off(seeded_db):
    with TestClient(create_app(Settings(database_url=seeded_db, response_cache_size=0))) as client:
        assert client.app.state.graphql.cache is None
        for _ in range(2):
            body, sql = _post(client, COUNTS)
            assert "errors" not in body and len(sql) > 1
    with TestClient(create_app(Settings(database_url=seeded_db))) as client:
        bad = "{ statements(first: 1000) { nodes { text } } }"  # over the page-size limit
        for _ in range(2):
            body, _ = _post(client, bad)
            assert body["errors"]
        assert len(client.app.state.graphql.cache) == 0


def test_the_cache_is_bounded_least_recently_used_first():
    cache = ResponseCache(max_entries=2, max_bytes=10_000)
    keys = [cache_key(1, f"q{i}", {"b": 2, "a": 1}, None) for i in range(3)]
    assert cache_key(1, "q", {"a": 1, "b": 2}, None) == cache_key(1, "q", {"b": 2, "a": 1}, None)
    cache.put(keys[0], {"x": 0})
    cache.put(keys[1], {"x": 1})
    assert cache.get(keys[0]) == {"x": 0}  # now the most recent
    cache.put(keys[2], {"x": 2})  # drops keys[1], the least recently used
    assert cache.get(keys[1]) is None and cache.get(keys[0]) == {"x": 0} and len(cache) == 2
    cache.put(cache_key(1, "big", None, None), {"text": "x" * 5000})  # over an eighth of the bytes
    assert cache.get(cache_key(1, "big", None, None)) is None


def test_the_version_rises_with_each_committed_batch(engine):
    from sqlalchemy import text

    def version() -> int:
        with engine.connect() as connection:
            return connection.execute(text("SELECT version FROM data_version")).scalar_one()

    before = version()
    load_paths(engine, [SEEDS], batch_size=2)  # three batches
    assert version() == before + 3
    load_paths(engine, [SEEDS])  # nothing changed: nothing written
    assert version() == before + 3



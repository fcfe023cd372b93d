"""Global ids survive a rebuild: the same files loaded into two fresh databases in different
orders give every node the same id, in the API and in the exports (kb/ids.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from kb import export
from kb.api.app import create_app
from kb.config import Settings
from kb.db import create_sync_engine, upgrade
from kb.load import load_paths
from tests.conftest import SEEDS, backends, fresh_postgres

DEV = Path(__file__).parent / "dev" / "articles"

QUERY = """query($after: String) {
  statements(first: 100, after: $after) { pageInfo { hasNextPage endCursor }
    nodes { id text article { id title outlet { id key } } speaker { id key }
            mentions { id key } } } }"""
ENTITIES = """{ people(first: 100) { nodes { id key } } organizations(first: 100) { nodes { id key } }
  places(first: 100) { nodes { id key } } outlets(first: 100) { nodes { id key } } }"""


def _load(backend: str, tmp_path: Path, name: str, files: list[Path]) -> str:
    url = f"sqlite:///{tmp_path / name}.db" if backend == "sqlite" else fresh_postgres(f"lasting_{name}")
    upgrade(url)
    engine = create_sync_engine(url)
    for path in files:  # one at a time: the order of the rows is the order given
        report = load_paths(engine, [path], workers=1)
        assert report.failures == [], report.failures
    engine.dispose()
    return url


def _nodes(url: str) -> tuple[set[str], set[str]]:
    statements, after = set(), None
    with TestClient(create_app(Settings(database_url=url))) as client:
        while True:
            page = client.post("/graphql", json={"query": QUERY, "variables": {"after": after}}).json()
            page = page["data"]["statements"]
            statements |= {json.dumps(n, ensure_ascii=False, sort_keys=True) for n in page["nodes"]}
            if not page["pageInfo"]["hasNextPage"]:
                break
            after = page["pageInfo"]["endCursor"]
        found = client.post("/graphql", json={"query": ENTITIES}).json()["data"]
    entities = {json.dumps(n, sort_keys=True, ensure_ascii=False) for kind in found.values() for n in kind["nodes"]}
    return statements, entities


@pytest.mark.parametrize("backend", backends())
def test_ids_survive_a_rebuild_in_another_order(backend, tmp_path):
    files = sorted([*SEEDS.iterdir(), *sorted(DEV.iterdir())[:12]])
    first = _load(backend, tmp_path, "first", files)
    second = _load(backend, tmp_path, "second", list(reversed(files)))
    statements, entities = _nodes(first)
    assert len(statements) > 100 and len(entities) > 50
    assert _nodes(second) == (statements, entities)
    engines = [create_sync_engine(url) for url in (first, second)]
    try:
        for table in export.TABLES:  # the exports carry the same ids, and the same links
            rows = [list(export.rows(engine, table)) for engine in engines]
            ids = [{tuple(r.get(f) for f in _ID_FIELDS) for r in found} for found in rows]
            assert ids[0] == ids[1] and len(ids[0]) == len(rows[0]) > 0, table
    finally:
        for engine in engines:
            engine.dispose()


_ID_FIELDS = ("id", "articleId", "speakerId", "entityId", "outletId", "key")


@pytest.mark.parametrize(("kind", "key"), [("person", "jens-stoltenberg"), ("organization", "nato")])
def test_an_id_names_its_key(seeded_db, kind, key):
    from strawberry.relay import from_base64

    with TestClient(create_app(Settings(database_url=seeded_db))) as client:
        node = client.post("/graphql", json={"query": f'{{ {kind}(name: "{key}") {{ id }} }}'}).json()
        assert from_base64(node["data"][kind]["id"]) == (kind.title(), key)

"""The example queries in examples/queries run against the seed database and must give
exactly the answers committed beside them (``NAME.json``).

After a deliberate change, regenerate the answers with ``KB_UPDATE_EXAMPLES=1 pytest
tests/test_examples.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from kb.api.app import create_app
from kb.config import Settings

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "queries"
QUERIES = sorted(EXAMPLES.glob("*.graphql"))


@pytest.fixture(scope="module")
def client(seeded_db):
    with TestClient(create_app(Settings(database_url=seeded_db))) as client:
        yield client


def test_examples_exist():
    assert len(QUERIES) >= 6


@pytest.mark.parametrize("path", QUERIES, ids=[p.stem for p in QUERIES])
def test_example_gives_its_committed_answer(client, path):
    response = client.post("/graphql", json={"query": path.read_text(encoding="utf-8")})
    assert response.status_code == 200
    answer = response.json()
    assert "errors" not in answer, answer
    expected_path = path.with_suffix(".json")
    if os.environ.get("KB_UPDATE_EXAMPLES"):
        expected_path.write_text(json.dumps(answer, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert answer == json.loads(expected_path.read_text(encoding="utf-8"))

"""A lookup reads the first page of a list below it in its own statement (kb/api/lookahead.py):
the same answers (errors included) as when the list's resolver reads it, in fewer statements."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event
from starlette.testclient import TestClient

from kb.api import schema
from kb.api.app import create_app
from kb.config import Settings


def _run(url: str, query: str, variables: dict[str, Any] | None = None) -> tuple[int, dict[str, Any]]:
    """The number of SQL statements that read (not SQLite's BEGIN) a request sends, and its
    whole answer."""
    with TestClient(create_app(Settings(database_url=url, response_cache_size=0))) as client:
        engine = client.app.state.database.sync_engine
        statements: list[str] = []

        def count(conn, cursor, statement, parameters, context, executemany):  # noqa: ANN001
            if statement.strip().upper() != "BEGIN":  # SQLite's transaction, not a read
                statements.append(statement)

        event.listen(engine, "before_cursor_execute", count)
        try:
            body = client.post("/graphql", json={"query": query, "variables": variables or {}}).json()
        finally:
            event.remove(engine, "before_cursor_execute", count)
    return len(statements), body


STOLTENBERG = ('{ person(name: "Stoltenberg") { name statements(first: 3) { totalCount nodes { text kind '
               'verb article { title publishedAt outlet { name } } } } } }')

# (query, variables, whether the lookup reads the page: fewer statements)
CASES: list[tuple[str, dict[str, Any] | None, bool]] = [
    (STOLTENBERG, None, True),
    ('{ person(name: "斯托爾滕貝格") { statements { edges { cursor node { id } } pageInfo { hasNextPage '
     'hasPreviousPage startCursor endCursor } } } }', None, True),
    ('query($n: Int) { person(name: "普京") { statements(last: $n) { nodes { text speaker { name } } '
     'pageInfo { hasPreviousPage } } } }', {"n": 2}, True),
    ('{ person(name: "普京") { articles(first: 2) { totalCount nodes { title outlet { name } } } } }', None, True),
    ('{ person(name: "普京") { mentions(first: 2) { totalCount nodes { surface article { title } } } } }',
     None, True),
    ('{ organization(name: "北约") { name statements(first: 2) { totalCount nodes { text } } } }', None, True),
    ('{ person(name: "Stoltenberg") { a: statements(first: 1) { nodes { text } } '
     'b: statements(first: 2) { nodes { text } } } }', None, True),
    # no alias: the key, then the catalog person it sounds like; the first statement was the lookup's
    ('{ person(name: "person:zh-没有这个人") { statements(first: 2) { nodes { text } } } }', None, False),
    ('{ person(name: "斯托尔腾贝格") { name statements(first: 2) { nodes { text } } } }', None, False),
    ('{ person(name: "Stoltenberg") { statements(first: -1) { nodes { text } } } }', None, False),
    ('{ person(name: "Stoltenberg") { statements(first: 1, filter: {kind: DIRECT}) { nodes { text } } } }',
     None, False),
    ('{ person(name: "Stoltenberg") { ... on Person { statements(first: 1) { nodes { text } } } } }',
     None, False),
    ('{ person(name: "Stoltenberg") { statements(first: 1) @include(if: true) { nodes { text } } } }',
     None, False),
]


@pytest.mark.parametrize("query, variables, read_ahead", CASES)
def test_a_lookup_reading_its_list_answers_as_the_list_did(seeded_db: str, query: str,
                                                           variables: dict[str, Any] | None,
                                                           read_ahead: bool, monkeypatch) -> None:
    statements, answer = _run(seeded_db, query, variables)
    with monkeypatch.context() as patch:
        patch.setattr(schema, "child_page", lambda info, kind: None)  # every list reads its own page
        before, expected = _run(seeded_db, query, variables)
    assert answer == expected
    assert statements < before if read_ahead else statements == before


def test_the_stoltenberg_query_is_one_statement(seeded_db: str) -> None:
    statements, answer = _run(seeded_db, STOLTENBERG)
    assert answer["data"]["person"]["statements"]["nodes"]
    assert statements == 1


def test_a_later_page_through_the_lookup_follows_the_first(seeded_db: str) -> None:
    query = 'query($after: String) { person(name: "普京") { statements(first: 2, after: $after) { edges { cursor } } } }'
    _, first = _run(seeded_db, query)
    edges = first["data"]["person"]["statements"]["edges"]
    _, second = _run(seeded_db, query, {"after": edges[0]["cursor"]})
    assert second["data"]["person"]["statements"]["edges"][0] == edges[1]

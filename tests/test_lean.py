"""The lean executor (kb/api/lean.py) gives the answers graphql-core gives: the same query is
sent to two apps over the seeded database, one with it and one without, and the whole JSON
answers (data, errors, order of keys) must be equal — for the example and benchmark queries,
shapes written here to reach every branch of the plan, and queries generated from the schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from starlette.testclient import TestClient

from kb.api import lean
from kb.api.app import create_app
from kb.config import Settings

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted([*ROOT.glob("examples/queries/*.graphql"), *ROOT.glob("bench/queries/*.graphql")])

WRITTEN = {
    # fragments, inline fragments on an interface, aliases, __typename at each level
    "fragments": """
        fragment Said on Statement { text kind verb speaker { __typename name ...on Person { nameEn } } }
        { a: person(name: "Stoltenberg") { __typename name statements(first: 3) { totalCount
            edges { cursor node { ...Said article { title outlet { name key } } } }
            pageInfo { hasNextPage endCursor } } }
          b: person(name: "拜登") { name statementCount mentionCount } }""",
    # a person nobody knows: null, and the lookup's list below it
    "unknown": '{ person(name: "Nobody Atall") { name statements(first: 2) { totalCount } } }',
    # variables, a filter and an order
    "variables": (
        """query Q($who: String!, $n: Int) { person(name: $who) { name
             statements(first: $n, orderBy: [{field: PUBLISHED_AT, direction: ASC}]) {
               nodes { text article { publishedAt } } } } }""",
        {"who": "斯托尔滕贝格", "n": 2},
    ),
    "lists": """{ people(first: 5, orderBy: {field: STATEMENTS}) { totalCount nodes { name key
                    roles { title articleCount } aliases { name origin }
                    statements(first: 2) { nodes { text mentions { __typename name } } } } }
                  outlets(first: 10) { nodes { name domains articles(first: 1) { nodes { title
                    people { name } places { name } images { url } } } } } }""",
    "articles": """{ articles(first: 3, filter: {publishedAfter: "2022-01-01"}) { totalCount
                       nodes { id title url publishedAt byline sourceFormat outlet { name }
                               statements(first: 2) { nodes { speakerDescription anonymous } } } } }""",
    "search": '{ search(query: "北约", first: 5) { score snippet cursor node { __typename ... on Person { name } ... on Article { title } } } }',
    # the same field twice under one name, merged
    "merged": '{ person(name: "Stoltenberg") { name name nameEn } }',
    # a client's mistakes: graphql-core's errors and paths, whichever runs
    "bad page": '{ person(name: "Stoltenberg") { name statements(first: -1) { totalCount } } }',
    "bad cursor": '{ statements(first: 2, after: "nonsense") { nodes { text } } }',
    "bad variable": ('query Q($n: Int) { statements(first: $n) { totalCount } }', {"n": "two"}),
    "skip": '{ person(name: "Stoltenberg") { name nameEn @skip(if: true) } }',
    "node": '{ node(id: "UGVyc29uOmplbnMtc3RvbHRlbmJlcmc=") { __typename id } }',
}


@pytest.fixture(scope="module")
def clients(seeded_db: str):
    with (TestClient(create_app(Settings(database_url=seeded_db, response_cache_size=0))) as on,
          TestClient(create_app(Settings(database_url=seeded_db, response_cache_size=0,
                                         lean_execution=False))) as off):
        yield on, off


def _answers(clients, query: str, variables: dict | None = None) -> tuple[str, str]:
    # written as ASCII JSON: a generated query may hold a lone surrogate, which the server refuses
    body = json.dumps({"query": query, "variables": variables or {}})
    on, off = (c.post("/graphql", content=body, headers={"content-type": "application/json"})
               for c in clients)
    assert on.status_code == off.status_code
    if on.headers.get("content-type", "").startswith("application/json"):
        # the same JSON text: keys in the same order too
        return json.dumps(on.json(), ensure_ascii=False), json.dumps(off.json(), ensure_ascii=False)
    return on.text, off.text  # a request refused before GraphQL (400)


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.parent.name}-{p.stem}" for p in FILES])
def test_an_example_gets_the_same_answer(clients, path):
    before = lean.RUNS["lean"]
    on, off = _answers(clients, path.read_text("utf-8"))
    assert on == off
    assert lean.RUNS["lean"] == before + 1  # …by its plan


@pytest.mark.parametrize("name", WRITTEN)
def test_a_written_query_gets_the_same_answer(clients, name):
    query = WRITTEN[name]
    query, variables = query if isinstance(query, tuple) else (query, None)
    on, off = _answers(clients, query, variables)
    assert on == off


def test_the_shapes_it_covers_run_by_plan_and_the_rest_fall_back(clients):
    schema = clients[0].app.state.graphql.schema._schema
    from graphql import parse

    def planned(query: str) -> bool:
        try:
            lean.compile_operation(schema, parse(query), None)
        except lean.Unsupported:
            return False
        return True

    assert planned(WRITTEN["fragments"]) and planned(WRITTEN["lists"])
    assert not planned(WRITTEN["skip"])  # directives
    assert not planned(WRITTEN["node"])  # relay's node field has a field extension
    assert not planned("{ __schema { queryType { name } } }")
    assert not planned("{ a: person(name: \"x\") { name } a: outlet(name: \"y\") { name } }")


def test_plans_are_kept_per_query(clients):
    on, _ = clients
    query = f"{{ n{id(on)}: outlets(first: 1) {{ totalCount }} }}"  # a query no other test sent
    plans = set()
    for _ in range(3):
        on.post("/graphql", json={"query": query})
        plans.add(id(lean._PLANS.plans[(query, None)]))
    assert len(plans) == 1


def test_generated_queries_get_the_same_answer(clients, seeded_db):
    if not seeded_db.startswith("sqlite"):
        pytest.skip("generated once, on SQLite")
    operations = [r.ok() for r in schemathesis.graphql.from_asgi("/graphql", clients[0].app).get_all_operations()]
    differences: list[str] = []
    planned = lean.RUNS["lean"]
    for operation in operations:
        @settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def run(case):  # noqa: ANN001
            query = case.body if isinstance(case.body, str) else case.body["query"]
            on, off = _answers(clients, query)
            if on != off:
                differences.append(f"{query[:300]}\n  lean: {on[:300]}\n  core: {off[:300]}")

        run()
    assert not differences, "\n".join(differences[:5])
    assert lean.RUNS["lean"] - planned >= 5 * len(operations)  # most ran by plan

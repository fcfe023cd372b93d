"""Protection of the endpoint: every limit refuses cheaply with a clear message, bad
arguments are validation errors or nulls, internal failures are masked, and the HTTP
conventions (CORS, GET caching) hold."""

from __future__ import annotations

import dataclasses
import json
import logging

import pytest
from sqlalchemy import text
from starlette.testclient import TestClient

from kb.api.app import create_app
from kb.config import Settings
from kb.db import create_sync_engine, upgrade


@pytest.fixture(scope="module")
def settings(seeded_db):
    return Settings(database_url=seeded_db)


@pytest.fixture(scope="module")
def client(settings):
    with TestClient(create_app(settings)) as client:
        yield client


def post(client, query, variables=None):
    response = client.post("/graphql", json={"query": query, "variables": variables or {}})
    assert response.status_code == 200, response.text
    return response.json()


def assert_validation_error(body, *words):
    """Refused before execution: no data, no path, a message naming the problem."""
    assert body["data"] is None, body
    [error] = body["errors"]
    assert "path" not in error
    for word in words:
        assert word in error["message"], error["message"]


@pytest.mark.parametrize(("query", "variables", "words"), [
    ("{ people(first: -5) { totalCount } }", None, ["first", "-5"]),
    ("{ people(first: 101) { totalCount } }", None, ["first", "100"]),
    ("query($n: Int) { statements(last: $n) { totalCount } }", {"n": 5000}, ["last", "5000"]),
    ("{ outlets { nodes { topSpeakers(first: 1000) { statementCount } } } }", None, ["first"]),
    ("{ search(query: \"普京\", first: 500) { score } }", None, ["first"]),
])
def test_page_sizes_are_validated_without_a_path(client, query, variables, words):
    assert_validation_error(post(client, query, variables), *words)


def test_node_budget(client):
    nested = "{ people(first: 100) { nodes { articles(first: 100) { nodes { statements(first: 100) { totalCount } } } } } }"
    assert_validation_error(post(client, nested), "1,010,100 nodes", "50,000")
    # The same shape with small pages is fine.
    small = nested.replace("100", "5")
    assert "errors" not in post(client, small)


def test_depth_limit(client):
    deep = "{ person(name: \"普京\") { " + "articles { nodes { people { " * 6 + "name" + " } } }" * 6 + " } }"
    body = post(client, deep)
    assert body["errors"] and "exceeds maximum operation depth" in body["errors"][0]["message"]


def test_alias_flood(client):
    body = post(client, "{ " + " ".join(f"a{i}: __typename" for i in range(100)) + " }")
    assert body["data"] is None and "aliases" in body["errors"][0]["message"]
    # A thousand aliases do not even get parsed: the token limit stops them first.
    flood = post(client, "{ " + " ".join(f"a{i}: outlets {{ totalCount }}" for i in range(1000)) + " }")
    assert flood["data"] is None and "tokens" in flood["errors"][0]["message"]


def test_token_limit(client):
    body = post(client, "{ " + "__typename " * 3000 + "}")
    assert body["data"] is None and "token" in body["errors"][0]["message"].lower()


def test_fragment_cycles_are_refused(client):
    body = post(client, "query { outlets { nodes { ...A } } } fragment A on Outlet { ...B } "
                        "fragment B on Outlet { ...A }")
    assert body["data"] is None and "cannot spread fragment" in body["errors"][0]["message"].lower()


def _doubling_chain(length: int) -> str:
    """Fragments that each spread the next twice: 2^length fields once expanded."""
    parts = ["query { ...F0 }"]
    parts += [f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} __typename }}" for i in range(length)]
    parts.append(f"fragment F{length} on Query {{ __typename }}")
    return "\n".join(parts)


_HARD_LIMIT_SCRIPT = """
import json, sys
from starlette.testclient import TestClient
from kb.api.app import create_app
from kb.config import Settings
with TestClient(create_app(Settings(database_url=sys.argv[1]))) as client:
    print(json.dumps(client.post("/graphql", json={"query": sys.stdin.read()}).json()))
"""


@pytest.mark.parametrize(("query", "words"), [
    (_doubling_chain(50), ["expands to", "fields", "5,000"]),
    # The same field many times in one selection set: validation would compare every pair.
    ("{ " + "outlets { totalCount } " * 400 + "}", ["400 times", "50"]),
    ("query { ...A ...A ...A } fragment A on Query { " + "__typename " * 20 + "}", ["60 times"]),
])
def test_exploding_documents_are_refused_within_a_hard_time_limit(settings, query, words):
    """Each check visits every fragment once, so a 1 KB document that expands to 2^50 fields
    is refused at once instead of holding the process (hours, before the fix)."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _HARD_LIMIT_SCRIPT, settings.database_url], input=query,
                          capture_output=True, text=True, timeout=60, check=True)
    assert_validation_error(json.loads(done.stdout.splitlines()[-1]), *words)


def test_fragments_are_measured_as_if_spread(client):
    """Memoised per fragment, the limits still count a fragment everywhere it is spread."""
    people = "fragment P on PersonConnection { nodes { articles(first: 100) { nodes { statements(first: 100) { totalCount } } } } }"
    assert_validation_error(post(client, "{ people(first: 100) { ...P } } " + people), "1,010,100 nodes")
    aliased = "fragment N on Query { " + " ".join(f"a{i}: __typename" for i in range(11)) + " }"
    assert_validation_error(post(client, "{ ...N ...M } fragment M on Query { ...N ...N } " + aliased),
                            "33 aliases")
    deep = "fragment D on Person { articles { nodes { people { ...E } } } } fragment E on Person { " + \
        "articles { nodes { people { " * 3 + "name" + " } } }" * 3 + " }"
    body = post(client, '{ person(name: "普京") { ...D } } ' + deep)
    assert "exceeds maximum operation depth" in body["errors"][0]["message"]
    reused = ("{ a: person(name: \"普京\") { ...W } b: person(name: \"拜登\") { ...W } } "
              "fragment W on Person { name statements(first: 2) { nodes { text } } }")
    body = post(client, reused)
    assert "errors" not in body and body["data"]["a"]["name"] == "普京"


@pytest.mark.parametrize("query", [
    '{ node(id: "") { id } }',
    '{ node(id: "not base64 at all") { id } }',
    '{ node(id: "UGVyc29uOng=") { id } }',  # Person:x
    '{ node(id: "UGVyc29uOjk5OTk5OQ==") { id } }',  # Person:999999, no such row
    '{ statements(filter: {speaker: ["T3V0bGV0OjE="]}) { totalCount } }',  # an Outlet id as speaker
])
def test_bad_ids_give_null_and_a_clear_error_not_a_server_error(client, query):
    body = post(client, query)
    assert body["data"] is None or None in body["data"].values()
    for error in body.get("errors", []):
        assert error["message"] != "Internal server error; it has been logged."


def test_unknown_enum_values_are_validation_errors(client):
    body = post(client, "{ articles(orderBy: {field: NOPE}) { totalCount } }")
    assert_validation_error(body, "NOPE")


def test_internal_errors_are_masked_and_logged(settings, caplog, monkeypatch):
    from kb.api.data import Data

    async def broken(self, person_ids):  # a bug deep in a loader
        raise KeyError("person_role secret detail")

    monkeypatch.setattr(Data, "_load_roles", broken)
    with TestClient(create_app(settings)) as client, caplog.at_level(logging.ERROR):
        body = post(client, '{ person(name: "普京") { name roles { title } } }')
    [error] = body["errors"]
    assert error["message"] == "Internal server error; it has been logged."
    assert "secret" not in str(body) and "Traceback" not in str(body)
    assert any("secret detail" in record.getMessage() or (record.exc_info and "secret" in str(record.exc_info[1]))
               for record in caplog.records)


def test_a_database_without_kb_tables_is_a_503_not_a_masked_error(tmp_path):
    url = f"sqlite:///{tmp_path / 'broken.db'}"
    upgrade(url)
    engine = create_sync_engine(url)
    with engine.begin() as connection:  # a database that lost a table under the server
        connection.execute(text("INSERT INTO person (key, name, origin) VALUES ('x', 'x', 'test')"))
        connection.execute(text("DROP TABLE person_role"))
    engine.dispose()
    with TestClient(create_app(Settings(database_url=url))) as client:
        response = client.post("/graphql", json={"query": '{ node(id: "UGVyc29uOng=") { ... on Person { roles { title } } } }'})
    assert response.status_code == 503 and "kb tables" in response.json()["errors"][0]["message"]


def test_introspection_can_be_switched_off_and_suggestions_go_with_it(settings):
    closed = dataclasses.replace(settings, introspection=False)
    with TestClient(create_app(closed)) as client:
        body = post(client, "{ __schema { types { name } } }")
        assert body["data"] is None and "introspection" in body["errors"][0]["message"].lower()
        body = post(client, "{ peopl { totalCount } }")
        assert "Did you mean" not in body["errors"][0]["message"]
    with TestClient(create_app(settings)) as client:
        assert post(client, "{ __schema { queryType { name } } }")["data"]["__schema"]["queryType"]["name"] == "Query"
        assert "Did you mean" in post(client, "{ peopl { totalCount } }")["errors"][0]["message"]


def test_time_budget(settings):
    hurried = dataclasses.replace(settings, request_timeout=1e-9)
    with TestClient(create_app(hurried)) as client:
        body = post(client, "{ statements(first: 100) { nodes { article { people { name } } } } }")
        assert body["data"] is None and "time budget" in body["errors"][0]["message"]
        # The budget covers parsing and validation too: a query that never waits on the
        # database (nothing the time-out could interrupt) is not run once it is spent.
        body = post(client, "{ __typename }")
        assert body["data"] is None and "time budget" in body["errors"][0]["message"]


def test_graphiql_can_be_switched_off(settings):
    with TestClient(create_app(dataclasses.replace(settings, graphiql=False))) as client:
        response = client.get("/graphql", headers={"accept": "text/html"})
        assert response.status_code != 200 or "graphiql" not in response.text.lower()


def test_get_queries_are_cacheable_and_mutations_do_not_exist(client):
    response = client.get("/graphql", params={"query": "{ outlets { totalCount } }"})
    assert response.status_code == 200 and response.json()["data"]["outlets"]["totalCount"] == 5
    assert response.headers["cache-control"] == "public, max-age=60"
    failed = client.get("/graphql", params={"query": "{ people(first: 500) { totalCount } }"})
    assert failed.headers["cache-control"] == "no-store"
    assert client.post("/graphql", json={"query": "{ outlets { totalCount } }"}).headers["cache-control"] == "no-store"
    body = post(client, "{ __schema { mutationType { name } } }")
    assert body["data"]["__schema"]["mutationType"] is None  # read-only by design


def test_cors_allow_list(settings):
    allowed = dataclasses.replace(settings, cors_origins="https://app.example.org")
    with TestClient(create_app(allowed)) as client:
        preflight = client.options("/graphql", headers={
            "Origin": "https://app.example.org", "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type"})
        assert preflight.headers["access-control-allow-origin"] == "https://app.example.org"
        other = client.post("/graphql", json={"query": "{ outlets { totalCount } }"},
                            headers={"Origin": "https://evil.example.com"})
        assert "access-control-allow-origin" not in other.headers
    with TestClient(create_app(settings)) as client:  # default: no cross-origin access
        response = client.post("/graphql", json={"query": "{ outlets { totalCount } }"},
                               headers={"Origin": "https://app.example.org"})
        assert "access-control-allow-origin" not in response.headers


def test_settings_are_read_and_checked_from_the_environment():
    settings = Settings.from_env({"KB_MAX_NODES": "10_000", "KB_REQUEST_TIMEOUT": "2.5",
                                  "KB_INTROSPECTION": "off", "KB_CORS_ORIGINS": "https://a, https://b"})
    assert (settings.max_nodes, settings.request_timeout, settings.introspection) == (10_000, 2.5, False)
    assert settings.cors_origin_list == ["https://a", "https://b"]
    with pytest.raises(ValueError, match="KB_MAX_ALIASES"):
        Settings.from_env({"KB_MAX_ALIASES": "0"})
    with pytest.raises(ValueError, match="KB_REQUEST_TIMEOUT"):
        Settings.from_env({"KB_REQUEST_TIMEOUT": "soon"})


def test_sqlite_statements_stop_at_the_deadline(tmp_path):
    """SQLite runs in the event loop, so a long statement is stopped by SQLite itself."""
    import asyncio
    import time

    from kb.api.database import Database, OverTime

    database = Database(Settings(database_url=f"sqlite:///{tmp_path / 'kb.db'}"))
    endless = text("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n")

    async def run() -> float:
        reader = database.reader(deadline=time.monotonic() + 0.2)
        started = time.monotonic()
        try:
            with pytest.raises(OverTime, match="time budget"):
                await reader.rows(endless)
        finally:
            await reader.close()
        return time.monotonic() - started

    assert asyncio.run(run()) < 5
    asyncio.run(database.dispose())


@pytest.mark.parametrize("padding", [" " * (1 << 20), "#" + "x" * (1 << 20)])
def test_a_megabyte_query_is_refused_before_it_is_read(client, padding):
    response = client.post("/graphql", json={"query": "{ __typename }" + padding})
    assert response.status_code == 413
    assert "larger than 100,000 bytes" in response.json()["errors"][0]["message"]


def test_a_long_get_query_is_refused(settings):
    with TestClient(create_app(dataclasses.replace(settings, max_request_bytes=10_000))) as small:
        assert small.get("/graphql", params={"query": "{ __typename }"}).status_code == 200
        long_get = small.get("/graphql", params={"query": "{ __typename }" + " " * 20_000})
        assert long_get.status_code == 413 and "query string" in long_get.text


def test_a_body_without_a_length_is_counted(client):
    def chunks():
        for _ in range(200):
            yield b" " * 1000

    response = client.post("/graphql", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413


@pytest.mark.parametrize("nesting", ["[" * 40_000 + "]" * 40_000, '{"a":' * 5000 + "1" + "}" * 5000])
def test_deeply_nested_variables_are_refused(client, nesting):
    body = '{"query": "query($v: [ID!]) { statements(filter: {speaker: $v}) { totalCount } }", "variables": {"v": ' \
           + nesting + "}}"
    response = client.post("/graphql", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400 and "nested too deeply" in response.text


def test_nested_variables_of_the_wrong_shape_are_validation_errors(client):
    body = post(client, "query($v: [ID!]) { statements(filter: {speaker: $v}) { totalCount } }",
                {"v": [[[["UGVyc29uOjE="]]]]})
    assert body["errors"] and "data" in body and not body.get("data")


def test_batches_of_operations_are_refused(client):
    response = client.post("/graphql", json=[{"query": "{ __typename }"}] * 100)
    assert response.status_code == 400 and "Batching is not enabled" in response.text


def test_one_log_line_per_request_without_bodies(settings, caplog):
    secret = "斯托尔滕贝格-secret-variable"
    with TestClient(create_app(settings)) as client, caplog.at_level(logging.INFO, logger="kb.requests"):
        client.post("/graphql", json={"query": "query Stoltenberg($n: String!) { person(name: $n) { name } }",
                                      "variables": {"n": secret}})
        client.post("/graphql", json={"query": "{ outlets { totalCount } people { totalCount } }"})
        client.get("/healthz")
    lines = [r.getMessage() for r in caplog.records if r.name == "kb.requests"]
    assert len(lines) == 3, lines
    assert lines[0].startswith("POST /graphql 200 ") and "operation=Stoltenberg" in lines[0] and "sql=" in lines[0]
    assert "operation=outlets,people" in lines[1]
    assert lines[2].startswith("GET /healthz 200")
    assert not any(secret in r.getMessage() for r in caplog.records)


def _b64(text: str) -> str:
    import base64

    return base64.b64encode(text.encode()).decode()


@pytest.mark.parametrize(
    "payload",
    ["[1e400, 5]", "[[1, 2], [3]]", "null", "true", "[NaN, 1]", '["2023-01-01", 1]',
     "[9223372036854775808, 1]", '[{"t": "2023-01-01T00:00:00"}, 1]', "[" * 5000 + "]" * 5000],
)
def test_tampered_cursors_are_client_errors(client, payload):
    """Integers past 2^63, lists, null, booleans, NaN, a naive date, a string where a date
    belongs, deep JSON: each says the cursor is bad, none is an internal error."""
    body = post(client, "query($a: String) { articles(first: 2, after: $a) { totalCount } }", {"a": _b64(payload)})
    [error] = body["errors"]
    assert "cursor" in error["message"], error


@pytest.mark.parametrize("key", ["99999999999999999999999", " 1", "01", "١", "-1", "1e5", "x" * 5000, "'; --"])
def test_ids_of_unknown_keys_name_no_row(client, key):
    body = post(client, "query($i: ID!) { node(id: $i) { id } }", {"i": _b64(f"Article:{key}")})
    assert body == {"data": {"node": None}}, body
    body = post(client, "query($o: [ID!]) { statements(filter: {outlet: $o}) { totalCount } }",
                {"o": [_b64(f"Outlet:{key}")]})
    assert "no Outlet has the id" in body["errors"][0]["message"], body


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b'"a string"', "must be an object"), (b"1", "must be an object"), (b"null", "must be an object"),
        (b"true", "must be an object"), (b'{"query": "{ __typename }", "x": "\xff\xfe"}', "UTF-8"),
        (b'{"query": "query($n: String!) { person(name: $n) { id } }", "variables": {"n": "\\ud800"}}',
         "surrogate"),
    ],
)
def test_malformed_bodies_are_answered_400(client, raw, words):
    response = client.post("/graphql", content=raw, headers={"content-type": "application/json"})
    assert response.status_code == 400 and words in response.text, response.text


@pytest.mark.parametrize("number", ["99999999999999999999999", "١"])
def test_exports_refuse_overflowing_and_non_canonical_ids(client, number):
    response = client.get(f"/export/statements.jsonl?outlet={_b64(f'Outlet:{number}')}")
    assert response.status_code == 400, response.text


# -- one slow aggregate must not stop everyone (issue 17, point 2) ----------------------------------

_SLOW_SQL = text("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) "
                 "SELECT count(*) FROM c")


def _largest_loop_stall(url: str, heavy: bool) -> tuple[float, float]:
    """(seconds the statement took, the longest the event loop went without running a 5 ms
    timer meanwhile), reading ``_SLOW_SQL`` — half a second of SQLite's C code."""
    import asyncio
    import time

    from kb.api.database import SQLiteReader

    engine = create_sync_engine(url, write=False, pool_size=2)

    async def run() -> tuple[float, float]:
        reader = SQLiteReader(engine, deadline=time.monotonic() + 30)
        stall, done = 0.0, False

        async def watch() -> None:
            nonlocal stall
            while not done:
                before = time.monotonic()
                await asyncio.sleep(0.005)
                stall = max(stall, time.monotonic() - before)

        watcher = asyncio.create_task(watch())
        await asyncio.sleep(0.02)
        started = time.monotonic()
        try:
            await reader.rows(_SLOW_SQL, heavy=heavy)
        finally:
            took = time.monotonic() - started
            done = True
            await watcher
            await reader.close()
        return took, stall

    try:
        return asyncio.run(run())
    finally:
        engine.dispose()


def test_a_heavy_statement_leaves_the_event_loop_free(tmp_path):
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    upgrade(url)
    took, stall = _largest_loop_stall(url, heavy=True)
    assert took >= 0.3, took  # the statement did run long
    assert stall < 0.15, (took, stall)
    # …where read in the loop, the same statement stops it for as long as it runs
    took, stall = _largest_loop_stall(url, heavy=False)
    assert stall >= 0.8 * took, (took, stall)


def test_aggregates_are_read_as_heavy_statements(client, monkeypatch):
    from kb.api import database

    seen = []
    rows = database.SQLiteReader.rows

    async def spy(self, statement, params=None, heavy=False):
        seen.append(heavy)
        return await rows(self, statement, params, heavy)

    monkeypatch.setattr(database.SQLiteReader, "rows", spy)
    body = post(client, "{ outlets { nodes { topSpeakers(first: 3) { statementCount } "
                        "topPeople(first: 3) { articleCount } timeline { statements } } } }")
    assert "errors" not in body, body
    if not seen:
        pytest.skip("not a SQLite database")
    assert seen.count(True) >= 4, seen  # top speakers, top people, the timeline's two counts


@pytest.mark.parametrize(
    "query",
    [
        "{ outlets(first: 100) { nodes { topSpeakers(first: 10) { statementCount } } } }",
        "{ outlets(first: 50) { nodes { " + " ".join(
            f"t{i}: topSpeakers(first: {i}) {{ statementCount }}" for i in range(1, 11)) + " } } }",
    ],
)
def test_windowed_aggregates_are_priced_by_the_articles_they_read(client, query):
    assert_validation_error(post(client, query), "nodes")


@pytest.mark.parametrize(
    "payload",
    [
        {"query": '{ person(name: "\\u0000") { name } }'},  # a NUL written in the query
        {"query": "query($n: String!) { person(name: $n) { name } }", "variables": {"n": "普京\u0000"}},
    ],
)
def test_a_nul_character_is_refused_before_any_database_sees_it(client, payload):
    response = client.post("/graphql", json=payload)
    assert response.status_code == 400, response.text
    assert "NUL" in response.text

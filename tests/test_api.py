"""End to end: seeds loaded into a real database, queried over HTTP."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from kb.api.app import create_app
from kb.config import Settings

STOLTENBERG = """
{ person(name: "Stoltenberg") { id name nameEn
    statements(first: 50) { totalCount edges { node { text kind verb
      article { title publishedAt outlet { name nameEn } } } } }
    articles(first: 10) { totalCount nodes { outlet { nameEn } } } } }
"""


@pytest.fixture(scope="module")
def client(seeded_db):
    with TestClient(create_app(Settings(database_url=seeded_db))) as client:
        yield client


def gql(client, query, variables=None):
    response = client.post("/graphql", json={"query": query, "variables": variables or {}})
    assert response.status_code == 200, response.text
    return response.json()


def test_stoltenberg_across_outlets(client):
    data = gql(client, STOLTENBERG)["data"]["person"]
    assert data["nameEn"] == "Jens Stoltenberg"
    statements = data["statements"]["edges"]
    assert data["statements"]["totalCount"] == len(statements) >= 1
    for edge in statements:
        assert edge["node"]["article"]["outlet"]["nameEn"]
        assert edge["node"]["kind"] in {"DIRECT", "INDIRECT"}
    quoting = {e["node"]["article"]["outlet"]["nameEn"] for e in statements}
    assert "Radio France Internationale" in quoting
    mentioning = {n["outlet"]["nameEn"] for n in data["articles"]["nodes"]}
    assert {"Radio France Internationale", "Voice of America"} <= mentioning


@pytest.mark.parametrize("name", ["斯托爾滕貝格", "斯托尔滕贝格", "STOLTENBERG", "Jens Stoltenberg", "史托騰柏格"])
def test_every_form_finds_one_person(client, name):
    expected = gql(client, '{ person(name: "Stoltenberg") { id } }')["data"]["person"]["id"]
    assert gql(client, f'{{ person(name: "{name}") {{ id }} }}')["data"]["person"]["id"] == expected


def test_node_and_links_both_ways(client):
    person = gql(client, '{ person(name: "普京") { id statements(first: 1) { nodes { id article { id } } } } }')
    person = person["data"]["person"]
    statement_id = person["statements"]["nodes"][0]["id"]
    node = gql(client, f'{{ node(id: "{statement_id}") {{ ... on Statement {{ speaker {{ ... on Person {{ id }} }} }} }} }}')
    assert node["data"]["node"]["speaker"]["id"] == person["id"]
    article_id = person["statements"]["nodes"][0]["article"]["id"]
    article = gql(client, f'{{ node(id: "{article_id}") {{ ... on Article {{ people {{ id }} outlet {{ articles {{ totalCount }} }} }} }} }}')
    assert person["id"] in {p["id"] for p in article["data"]["node"]["people"]}


def test_anonymous_statements_have_no_speaker(client):
    data = gql(client, "{ statements(first: 100, filter: {anonymous: true}) { totalCount nodes { speaker { __typename } speakerDescription } } }")
    nodes = data["data"]["statements"]["nodes"]
    assert nodes and all(n["speaker"] is None and n["speakerDescription"] for n in nodes)


def test_statement_filters_and_pagination(client):
    outlets = gql(client, "{ outlets { nodes { id nameEn } } }")["data"]["outlets"]["nodes"]
    rfi = next(o["id"] for o in outlets if o["nameEn"] == "Radio France Internationale")
    rfi_only = gql(client, f'{{ statements(first: 100, filter: {{outlet: ["{rfi}"]}}) {{ totalCount nodes {{ article {{ outlet {{ id }} }} }} }} }}')
    nodes = rfi_only["data"]["statements"]["nodes"]
    assert nodes and all(n["article"]["outlet"]["id"] == rfi for n in nodes)
    none = gql(client, '{ statements(filter: {publishedAfter: "2030-01-01T00:00:00Z"}) { totalCount } }')
    assert none["data"]["statements"]["totalCount"] == 0
    first = gql(client, "{ statements(first: 3) { pageInfo { hasNextPage endCursor } nodes { id } } }")["data"]["statements"]
    assert first["pageInfo"]["hasNextPage"]
    after = first["pageInfo"]["endCursor"]
    second = gql(client, f'{{ statements(first: 3, after: "{after}") {{ pageInfo {{ hasPreviousPage }} nodes {{ id }} }} }}')["data"]["statements"]
    assert second["pageInfo"]["hasPreviousPage"]
    assert not {n["id"] for n in first["nodes"]} & {n["id"] for n in second["nodes"]}


@pytest.mark.parametrize("args", ["first: -5", "first: 1000", 'after: "garbage"', "first: 1, last: 1"])
def test_bad_page_arguments_are_client_errors(client, args):
    body = gql(client, f"{{ statements({args}) {{ totalCount }} }}")
    assert body["data"] is None or body["data"]["statements"] is None
    assert body["errors"] and "Traceback" not in str(body)


def test_graphiql_for_browsers(client):
    response = client.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code == 200 and "graphiql" in response.text.lower()
    assert client.get("/healthz").json()["status"] == "ok"


def test_statements_mentioning_an_entity(client):
    ids = gql(client, '{ a: person(name: "普京") { id } b: person(name: "Biden") { id } }')["data"]
    putin, biden = ids["a"]["id"], ids["b"]["id"]
    query = f'{{ statements(first: 100, filter: {{speaker: ["{biden}"], mentioning: ["{putin}"]}}) {{ totalCount nodes {{ text speaker {{ ... on Person {{ id }} }} mentions {{ ... on Person {{ id }} }} }} }} }}'
    data = gql(client, query)["data"]["statements"]
    assert data["totalCount"] == len(data["nodes"]) >= 1
    for node in data["nodes"]:
        assert node["speaker"]["id"] == biden
        assert putin in {m.get("id") for m in node["mentions"]}
        assert "普京" in node["text"] or "普丁" in node["text"]
    everything = gql(client, f'{{ statements(first: 100, filter: {{speaker: ["{biden}"]}}) {{ totalCount }} }}')
    assert everything["data"]["statements"]["totalCount"] > data["totalCount"]


def test_person_roles_and_aliases_with_provenance(client):
    data = gql(client, '{ person(name: "柯比") { roles { title organization { nameEn } place { nameEn } article { title } } aliases { name origin } } }')["data"]["person"]
    assert any(r["title"].endswith("发言人") for r in data["roles"])
    assert any((r["organization"] or {}).get("nameEn") == "United States Department of Defense"
               for r in data["roles"])
    assert {"name": "John Kirby", "origin": "catalog"} in data["aliases"] or any(
        a["name"] == "John Kirby" for a in data["aliases"]
    )


def test_place_speakers(client):
    data = gql(client, '{ place(name: "俄羅斯") { nameEn statements(first: 50) { totalCount } } }')["data"]["place"]
    assert data["nameEn"] == "Russia" and data["statements"]["totalCount"] >= 1

"""End to end: seeds loaded into a real database, queried over HTTP."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from kb.api.app import create_app
from kb.config import Settings
from tests.graphql import gql

STOLTENBERG = """
{ person(name: "Stoltenberg") { id name nameEn
    statements(first: 50) { totalCount edges { node { text kind verb
      article { title publishedAt outlet { name nameEn } } } } }
    articles(first: 10) { totalCount nodes { outlet { nameEn } } } } }
"""


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


# Transliterations no article and no catalog entry writes: found by how they sound.
@pytest.mark.parametrize("name", ["斯托尔腾贝格", "斯托爾騰伯格"])
def test_a_transliteration_written_nowhere_finds_the_person_it_sounds_like(client, name):
    expected = gql(client, '{ person(name: "Stoltenberg") { id } }')["data"]["person"]["id"]
    assert gql(client, f'{{ person(name: "{name}") {{ id }} }}')["data"]["person"]["id"] == expected


def test_a_name_that_sounds_like_no_one_finds_no_one(client):
    assert gql(client, '{ person(name: "王小明") { id } }')["data"]["person"] is None


@pytest.mark.parametrize(("kind", "key"), [("person", "jens-stoltenberg"), ("organization", "nato")])
def test_an_entity_is_found_by_its_key(client, kind, key):
    found = gql(client, f'{{ {kind}(name: "{key}") {{ key }} }}')["data"][kind]
    assert found == {"key": key}


def test_one_fragment_reads_any_speaker_and_mention(client):
    # Entity is an interface: name, key and aliases need no fragment per kind
    query = """{ statements(first: 50) { nodes { speaker { __typename id key name nameEn origin
                 statementCount aliases { name } } mentions { __typename key name } } } }"""
    nodes = gql(client, query)["data"]["statements"]["nodes"]
    speakers = [n["speaker"] for n in nodes if n["speaker"]]
    assert {s["__typename"] for s in speakers} >= {"Person", "Organization"}
    assert all(s["name"] and s["key"] and s["statementCount"] >= 1 and s["aliases"] for s in speakers)
    mentions = [m for n in nodes for m in n["mentions"]]
    assert {m["__typename"] for m in mentions} == {"Person", "Organization", "Place"}
    assert all(m["name"] and m["key"] for m in mentions)


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
    assert "Internal server error" not in body["errors"][0]["message"]  # the client's mistake, said so


def test_graphiql_for_browsers(client):
    response = client.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code == 200 and "graphiql" in response.text.lower()
    # The editor opens on the Stoltenberg query, which runs as it is.
    from kb.api.app import EXAMPLE_QUERY

    assert 'person(name: "Stoltenberg")' in response.text and "Welcome to GraphiQL" not in response.text
    # Its scripts and styles come from kb itself, not a CDN (GraphiQL works offline).
    import re

    assets = re.findall(r'(?:src|href)="(/static/vendor/[^"]+)"', response.text)
    assert len(assets) >= 5 and "unpkg.com" not in response.text
    for asset in assets:
        assert client.get(asset).status_code == 200, asset
    answer = gql(client, EXAMPLE_QUERY)
    assert "errors" not in answer and answer["data"]["person"]["statements"]["totalCount"] >= 1
    assert client.get("/healthz").json()["status"] == "ok"


@pytest.mark.parametrize(("path", "status"), [
    ("/explore", 200), ("/explore/person", 200), ("/explore/organization", 200), ("/explore/place", 200),
    ("/explore/outlet", 200), ("/explore/article", 404), ("/explore/..%2Fgraphql", 404),
])
def test_explorer_pages_and_their_scripts_come_from_kb(client, path, status):
    """Every explorer page is one HTML file whose scripts (Chart.js too) kb serves itself."""
    import re

    response = client.get(path)
    assert response.status_code == status
    if status != 200:
        return
    scripts = re.findall(r'(?:src|href)="([^"]+)"', response.text)
    assert "/static/vendor/chart.js@4.6.1/dist/chart.umd.min.js" in scripts
    for asset in scripts:
        assert asset.startswith("/"), asset  # nothing from another host
        assert client.get(asset).status_code == 200, asset


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


def test_each_role_is_listed_once_with_its_articles(client):
    query = """{ people(first: 30, orderBy: {field: MENTIONS, direction: DESC}) { nodes { name
                 roles { title articleCount organization { key } place { key } article { id }
                         articles(first: 20) { id } } } } }"""
    people = gql(client, query)["data"]["people"]["nodes"]
    roles = [(p["name"], r) for p in people for r in p["roles"]]
    assert any(r["articleCount"] >= 2 for _, r in roles), roles
    seen = set()
    for name, role in roles:
        held = (name, role["title"], (role["organization"] or {}).get("key"), (role["place"] or {}).get("key"))
        assert held not in seen, held
        seen.add(held)
        ids = [a["id"] for a in role["articles"]]
        assert len(ids) == len(set(ids)) == role["articleCount"] and ids[0] == role["article"]["id"]


def test_analyses_take_a_period(client):
    query = """{ person(name: "普京") {
        all: coMentioned(first: 5) { articleCount }
        early: coMentioned(first: 5, publishedBefore: "2022-01-21") { articleCount }
        none: coMentioned(first: 5, publishedAfter: "2030-01-01") { articleCount }
        weeks: timeline(bucket: MONTH) { statements articles }
        late: timeline(bucket: MONTH, publishedAfter: "2022-01-01") { start statements articles } }
      outlet(name: "RFI") {
        all: topSpeakers(first: 3) { statementCount }
        day: topSpeakers(first: 3, publishedAfter: "2022-01-25", publishedBefore: "2022-01-26") { statementCount }
        later: topSpeakers(first: 3, publishedAfter: "2022-01-25T23:00:00+08:00") { statementCount }
        people: topPeople(first: 3, publishedAfter: "2022-01-25T14:00:00") { articleCount } } }"""
    data = gql(client, query)["data"]
    person, outlet = data["person"], data["outlet"]
    assert person["none"] == [] and 0 < sum(p["articleCount"] for p in person["early"]) < sum(
        p["articleCount"] for p in person["all"])
    assert [p["start"] for p in person["late"]] == ["2022-01-01"]
    assert sum(p["articles"] for p in person["late"]) < sum(p["articles"] for p in person["weeks"])
    assert outlet["day"] == outlet["all"] != [] and outlet["later"] == []  # 14:15 UTC is 22:15 in +08:00
    assert outlet["people"]


def test_mentions_and_statements_name_their_paragraph_alike(client):
    query = """{ person(name: "普京") { mentions(first: 5) { nodes { paragraph line start end surface
                 article { text } } } } }"""
    for node in gql(client, query)["data"]["person"]["mentions"]["nodes"]:
        text = node["article"]["text"]
        assert node["line"] == node["paragraph"] == text[: node["start"]].count("\n")
        assert text[node["start"] : node["end"]] == node["surface"]


def test_place_speakers(client):
    data = gql(client, '{ place(name: "俄羅斯") { nameEn statements(first: 50) { totalCount } } }')["data"]["place"]
    assert data["nameEn"] == "Russia" and data["statements"]["totalCount"] >= 1


def test_articles_filters_and_orders(client):
    rfi = gql(client, '{ outlet(name: "RFI") { id } }')["data"]["outlet"]["id"]
    putin = gql(client, '{ person(name: "普京") { id } }')["data"]["person"]["id"]
    data = gql(client, f'''{{
        byTitle: articles(orderBy: {{field: TITLE, direction: ASC}}) {{ nodes {{ title }} }}
        oldest: articles(orderBy: {{direction: ASC}}) {{ nodes {{ publishedAt }} }}
        rfi: articles(filter: {{outlet: ["{rfi}"]}}) {{ totalCount nodes {{ outlet {{ id }} }} }}
        putin: articles(filter: {{mentions: ["{putin}"]}}) {{ totalCount nodes {{ people {{ id }} }} }}
        january: articles(filter: {{publishedAfter: "2022-01-01T00:00:00Z", publishedBefore: "2022-01-10T00:00:00Z"}}) {{
            nodes {{ publishedAt }} }} }}''')["data"]
    titles = [n["title"] for n in data["byTitle"]["nodes"]]
    assert titles == sorted(titles) and len(titles) == 5
    dates = [n["publishedAt"] for n in data["oldest"]["nodes"]]
    assert dates == sorted(dates)
    assert data["rfi"]["totalCount"] == 1 and data["rfi"]["nodes"][0]["outlet"]["id"] == rfi
    assert data["putin"]["totalCount"] == 4
    assert all(putin in {p["id"] for p in n["people"]} for n in data["putin"]["nodes"])
    assert data["january"]["nodes"] and all("2022-01-0" in n["publishedAt"] for n in data["january"]["nodes"])


def test_people_filters_and_orders(client):
    voa = gql(client, '{ outlet(name: "VOA") { id } }')["data"]["outlet"]["id"]
    data = gql(client, f'''{{
        quoted: people(first: 100, orderBy: {{field: STATEMENTS}}) {{ nodes {{ statementCount }} }}
        rarely: people(first: 100, orderBy: {{field: MENTIONS, direction: ASC}}) {{ nodes {{ mentionCount }} }}
        voa: people(first: 100, filter: {{outlet: ["{voa}"]}}) {{ nodes {{ articles(first: 100) {{ nodes {{ outlet {{ id }} }} }} }} }}
        secretaries: people(filter: {{role: "国务卿"}}) {{ nodes {{ nameEn }} }}
        ministries: organizations(first: 100, filter: {{kind: "ministry"}}) {{ nodes {{ kind }} }}
        countries: places(first: 100, filter: {{kind: "country"}}, orderBy: {{field: MENTIONS}}) {{ nodes {{ name kind }} }} }}''')["data"]
    counts = [n["statementCount"] for n in data["quoted"]["nodes"]]
    assert counts == sorted(counts, reverse=True) and counts[0] >= 10
    mentions = [n["mentionCount"] for n in data["rarely"]["nodes"]]
    assert mentions == sorted(mentions)
    for person in data["voa"]["nodes"]:
        assert voa in {a["outlet"]["id"] for a in person["articles"]["nodes"]}
    assert {"nameEn": "Antony Blinken"} in data["secretaries"]["nodes"]
    assert data["ministries"]["nodes"] and {n["kind"] for n in data["ministries"]["nodes"]} == {"ministry"}
    assert data["countries"]["nodes"][0]["kind"] == "country"


def test_statements_ordering_and_search_filter(client):
    data = gql(client, '''{
        newest: statements(first: 100) { nodes { article { publishedAt } } }
        oldest: statements(first: 100, orderBy: {direction: ASC}) { nodes { article { publishedAt } } }
        found: statements(first: 100, filter: {search: "制裁", kind: DIRECT}) { totalCount nodes { text kind speakerDescription } } }''')["data"]
    newest = [n["article"]["publishedAt"] for n in data["newest"]["nodes"]]
    assert newest == sorted(newest, reverse=True)
    oldest = [n["article"]["publishedAt"] for n in data["oldest"]["nodes"]]
    assert oldest == sorted(oldest)
    assert data["found"]["totalCount"] >= 1
    for node in data["found"]["nodes"]:
        assert node["kind"] == "DIRECT" and "制裁" in node["text"] + node["speakerDescription"]


def test_linked_analytics(client):
    data = gql(client, '''{
        person(name: "普京") { statementCount
            coMentioned(first: 3) { articleCount entity { __typename ... on Person { name } ... on Organization { name } } }
            outlets { statementCount outlet { name } } }
        outlets { nodes { name statements { totalCount }
            topSpeakers(first: 2) { statementCount speaker { __typename } }
            topPeople(first: 2) { articleCount mentionCount person { name } } } } }''')["data"]
    person = data["person"]
    shared = [c["articleCount"] for c in person["coMentioned"]]
    assert shared == sorted(shared, reverse=True) and shared[0] >= 3
    assert "普京" not in {c["entity"].get("name") for c in person["coMentioned"]}  # not itself
    assert sum(o["statementCount"] for o in person["outlets"]) == person["statementCount"]
    for outlet in data["outlets"]["nodes"]:
        top = [s["statementCount"] for s in outlet["topSpeakers"]]
        assert top == sorted(top, reverse=True) and sum(top) <= outlet["statements"]["totalCount"]
        assert len(outlet["topPeople"]) == 2


def test_timeline_buckets(client):
    body = gql(client, '''{
        days: timeline(bucket: DAY) { start end statements articles }
        weeks: timeline(bucket: WEEK) { start statements articles }
        months: timeline(bucket: MONTH) { start statements articles }
        total: statements { totalCount } articles { totalCount } }''')["data"]
    for bucket in ("days", "weeks", "months"):
        assert sum(p["statements"] for p in body[bucket]) == body["total"]["totalCount"]
        assert sum(p["articles"] for p in body[bucket]) == body["articles"]["totalCount"]
    assert all(p["end"] > p["start"] for p in body["days"])
    assert all(__import__("datetime").date.fromisoformat(p["start"]).weekday() == 0 for p in body["weeks"])
    assert [p["start"] for p in body["months"]] == ["2021-12-01", "2022-01-01"]
    biden = gql(client, '{ person(name: "Biden") { id } }')["data"]["person"]["id"]
    mine = gql(client, f'{{ timeline(bucket: MONTH, speaker: ["{biden}"]) {{ statements }} person(name: "Biden") {{ statementCount }} }}')["data"]
    assert sum(p["statements"] for p in mine["timeline"]) == mine["person"]["statementCount"]


def test_cursors_stay_valid_while_articles_are_loaded(empty_db):
    """Keyset cursors: a page taken before a load continues after it, without repeats."""
    from kb.db import create_sync_engine
    from kb.load import load_paths
    from tests.conftest import SEEDS

    seeds = sorted(SEEDS.glob("*.txt"))
    engine = create_sync_engine(empty_db)
    load_paths(engine, seeds[3:])  # the two oldest articles first
    with TestClient(create_app(Settings(database_url=empty_db))) as live:
        query = "query($after: String) { statements(first: 10, after: $after, orderBy: {direction: ASC}) { pageInfo { endCursor hasNextPage } nodes { id } } }"
        everything = "{ statements(first: 100) { pageInfo { hasNextPage } nodes { id } } }"
        before = live.post("/graphql", json={"query": everything}).json()["data"]["statements"]
        assert not before["pageInfo"]["hasNextPage"]
        first = live.post("/graphql", json={"query": query}).json()["data"]["statements"]
        load_paths(engine, seeds[:3])  # newer ones, after the cursor in this order
        seen = [n["id"] for n in first["nodes"]]
        after = first["pageInfo"]["endCursor"]
        while after:
            page = live.post("/graphql", json={"query": query, "variables": {"after": after}}).json()["data"]["statements"]
            seen += [n["id"] for n in page["nodes"]]
            after = page["pageInfo"]["endCursor"] if page["pageInfo"]["hasNextPage"] else None
    engine.dispose()
    assert len(seen) == len(set(seen))  # nothing repeated
    assert {n["id"] for n in before["nodes"]} <= set(seen)  # nothing that was there is skipped
    assert len(seen) > len(before["nodes"])  # and new statements after the cursor show up


def test_the_server_freezes_what_it_starts_with_and_thaws_on_shutdown(seeded_sqlite):
    """Objects made at start-up are kept out of the collector's full walks while serving
    (tail latency), and handed back to it when the app stops (tests start many apps)."""
    import gc

    with TestClient(create_app(Settings(database_url=seeded_sqlite))) as live:
        assert gc.get_freeze_count() > 0
        assert live.get("/healthz").status_code == 200
    assert gc.get_freeze_count() == 0


STATEMENTS_BY = '{ statements(first: 50, filter: {speaker: $speaker, outlet: $outlet}) { totalCount } }'


def _statement_count(client, speaker, outlet=None):
    query = "query($speaker: [ID!], $outlet: [ID!]) " + STATEMENTS_BY
    return gql(client, query, {"speaker": speaker, "outlet": outlet})


@pytest.mark.parametrize("name", ["斯托爾滕貝格", "斯托尔滕贝格", "Jens Stoltenberg", "史托騰柏格"])
def test_filters_take_names_where_ids_are_asked(client, name):
    by_id = gql(client, '{ person(name: "Stoltenberg") { id } }')["data"]["person"]["id"]
    expected = _statement_count(client, [by_id])["data"]["statements"]["totalCount"]
    assert expected >= 1
    assert _statement_count(client, [name])["data"]["statements"]["totalCount"] == expected
    outlets = ["RFI", "rfi.fr", "法国国际广播电台", "法國國際廣播電台"]
    for outlet in outlets:  # an outlet by name, short name or domain
        found = _statement_count(client, [name], [outlet])["data"]["statements"]["totalCount"]
        assert 1 <= found <= expected
    timeline = gql(client, f'{{ timeline(speaker: ["{name}"], bucket: MONTH) {{ statements }} }}')
    assert sum(p["statements"] for p in timeline["data"]["timeline"]) == expected


@pytest.mark.parametrize(("speaker", "outlet", "message"), [
    (["无此人"], None, "no person, organization or place is called '无此人'"),
    (None, ["无此台"], "no outlet is called '无此台'"),
])
def test_an_unknown_name_is_a_clear_error(client, speaker, outlet, message):
    errors = _statement_count(client, speaker or ["斯托尔滕贝格"], outlet)["errors"]
    assert message in errors[0]["message"], errors

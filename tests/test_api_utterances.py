"""Utterances over HTTP, on the seeds (SQLite, and PostgreSQL when configured): the links
both ways, the filters (names where ids are asked), the orders and keyset pages."""

from __future__ import annotations

import pytest

from tests.graphql import executed, gql


def data(client, query, variables=None):
    answer = gql(client, query, variables)
    assert "errors" not in answer, answer
    return answer["data"]


BIDEN = """{ utterances(filter: {speaker: ["Biden"]}, orderBy: {field: REPORTS}, first: 10) {
  totalCount nodes { id reportCount firstReported lastReported speaker { name }
    outlets { name } directQuote { text }
    reports { totalCount nodes { id text kind publishedAt: article { publishedAt } utterance { id } } } } } }"""


def test_one_warning_carried_by_two_outlets_is_one_utterance(client):
    nodes = data(client, BIDEN)["utterances"]["nodes"]
    carried = [n for n in nodes if len(n["outlets"]) > 1]
    assert len(carried) == 1
    warning = carried[0]
    assert warning["reportCount"] == warning["reports"]["totalCount"] == 3  # one outlet reports it twice
    assert [o["name"] for o in warning["outlets"]] == ["观察者网", "美国之音"]  # who was first
    texts = {r["text"] for r in warning["reports"]["nodes"]}
    assert any("果断反应" in t for t in texts) and any("果断回应" in t for t in texts)
    assert all(n["speaker"]["name"] == "拜登" for n in nodes)


def test_reports_come_earliest_first_and_link_back(client):
    for node in data(client, BIDEN)["utterances"]["nodes"]:
        reports = node["reports"]["nodes"]
        times = [r["publishedAt"]["publishedAt"] for r in reports]
        assert times == sorted(times)
        assert times[0] == node["firstReported"] and times[-1] == node["lastReported"]
        assert {r["utterance"]["id"] for r in reports} == {node["id"]}


def test_orders_put_the_most_carried_first(client):
    nodes = data(client, BIDEN)["utterances"]["nodes"]
    counts = [n["reportCount"] for n in nodes]
    assert counts == sorted(counts, reverse=True) and counts[0] >= 2
    by_date = data(client, '{ utterances(first: 50) { nodes { firstReported } } }')["utterances"]["nodes"]
    dates = [n["firstReported"] for n in by_date]
    assert dates == sorted(dates, reverse=True)


def test_the_direct_quote_is_the_longest_direct_report(client):
    nodes = data(client, BIDEN)["utterances"]["nodes"]
    quoted = [n for n in nodes if n["directQuote"]]
    assert quoted
    for node in quoted:
        direct = [r["text"] for r in node["reports"]["nodes"] if r["kind"] == "DIRECT"]
        assert node["directQuote"]["text"] == max(direct, key=len)
    assert all(n["directQuote"] is None for n in nodes
               if all(r["kind"] == "INDIRECT" for r in n["reports"]["nodes"]))


def test_a_statement_and_its_person_lead_to_the_same_utterances(client):
    found = data(client, """{ person(name: "斯托爾滕貝格") {
        statements { nodes { utterance { id reportCount } } }
        utterances { totalCount nodes { id reports { nodes { text } } } } } }""")["person"]
    from_statements = {s["utterance"]["id"] for s in found["statements"]["nodes"]}
    assert from_statements == {u["id"] for u in found["utterances"]["nodes"]}
    assert found["utterances"]["totalCount"] >= 1
    organization = data(client, '{ organization(name: "北約") { utterances(first: 5) { totalCount '
                                '  nodes { speaker { name } } } } }')["organization"]["utterances"]
    assert organization["totalCount"] >= 1 and {n["speaker"]["name"] for n in organization["nodes"]} == {"北约"}


def test_an_utterance_is_a_node(client):
    node = data(client, BIDEN)["utterances"]["nodes"][0]
    query = 'query($id: ID!) { node(id: $id) { ... on Utterance { id reportCount } } }'
    again = data(client, query, {"id": node["id"]})["node"]
    assert again == {"id": node["id"], "reportCount": node["reportCount"]}


def test_a_statement_without_a_speaker_has_no_utterance(client):
    nodes = data(client, '{ statements(filter: {anonymous: true}, first: 5) { nodes { utterance { id } } } }')
    assert nodes["statements"]["nodes"] and all(n["utterance"] is None for n in nodes["statements"]["nodes"])


@pytest.mark.parametrize(("filter", "check"), [
    ('{outlet: ["VOA"]}', lambda n: "美国之音" in [o["name"] for o in n["outlets"]]),
    ('{speaker: ["Biden"], outlet: ["观察者网"]}', lambda n: "观察者网" in [o["name"] for o in n["outlets"]]),
    ('{search: "果断"}', lambda n: any("果断" in r["text"] for r in n["reports"]["nodes"])),
    ('{mentioning: ["NATO"]}', lambda n: any("北约" in r["text"] for r in n["reports"]["nodes"])),
    ('{publishedAfter: "2022-01-20", publishedBefore: "2022-02-01"}',
     lambda n: "2022-01-20" <= n["firstReported"] < "2022-02-01"),
])
def test_filters(client, filter, check):
    query = ('{ utterances(first: 100, filter: FILTER) { totalCount nodes { firstReported outlets { name } '
             'reports { nodes { text } } } } }').replace("FILTER", filter)
    found = data(client, query)["utterances"]
    assert found["nodes"] and found["totalCount"] == len(found["nodes"])
    assert all(check(n) for n in found["nodes"])
    everything = data(client, "{ utterances { totalCount } }")["utterances"]["totalCount"]
    assert found["totalCount"] < everything


def test_an_unknown_speaker_is_an_error_that_names_it(client):
    answer = gql(client, '{ utterances(filter: {speaker: ["无此人"]}) { totalCount } }')
    assert "无此人" in answer["errors"][0]["message"]


@pytest.mark.parametrize("order", ["FIRST_REPORTED", "REPORTS"])
def test_pages_cover_the_list_once(client, order):
    query = """query($after: String) { utterances(first: 7, after: $after, orderBy: {field: ORDER}) {
        totalCount pageInfo { hasNextPage endCursor } nodes { id } } }""".replace("ORDER", order)
    seen, after = [], None
    while True:
        page = data(client, query, {"after": after})["utterances"]
        seen += [n["id"] for n in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == page["totalCount"] > 50


def test_page_sizes_are_limited(client):
    answer = gql(client, "{ utterances(first: 1000) { totalCount } }")
    assert "must be between 0 and 100" in answer["errors"][0]["message"]


def test_the_exports_carry_utterances_and_each_statement_s(client, seeded_db):
    from kb import export
    from kb.db import create_sync_engine

    engine = create_sync_engine(seeded_db)
    try:
        utterances = list(export.rows(engine, "utterances"))
        biden = list(export.rows(engine, "statements", {"speaker": "Biden"}))
        anonymous = list(export.rows(engine, "statements", {"anonymous": "true"}))
        his = list(export.rows(engine, "utterances", {"speaker": "拜登"}))
    finally:
        engine.dispose()
    assert len(utterances) == data(client, "{ utterances { totalCount } }")["utterances"]["totalCount"]
    ids = {u["id"] for u in utterances}
    assert biden and all(s["utteranceId"] in ids for s in biden)
    assert anonymous and all(s["utteranceId"] is None for s in anonymous)
    assert {u["id"] for u in his} == {s["utteranceId"] for s in biden}
    assert all(u["speakerName"] == "拜登" and u["reportCount"] >= 1 for u in his)


# --- cost -------------------------------------------------------------------------------------

from tests.test_query_count import small_and_large  # noqa: E402, F401  (the fixture: 5 and 50 articles)

NESTED = """{
  utterances(first: 30, orderBy: {field: REPORTS}) {
    totalCount
    nodes { reportCount speaker { name } outlets { name } directQuote { text }
      reports(first: 10) { totalCount nodes { text utterance { reportCount } article { title outlet { name } } } } }
  }
  people(first: 10, orderBy: {field: STATEMENTS}) {
    nodes { name utterances(first: 5) { totalCount nodes { reportCount outlets { name } } } }
  }
}"""


def _cost(url: str) -> tuple[int, int]:
    statements, data = executed(url, NESTED)
    return len(statements), max(n["reportCount"] for n in data["utterances"]["nodes"])


def test_nested_utterances_cost_the_same_on_5_and_50_articles(small_and_large):  # noqa: F811
    small, small_most = _cost(small_and_large[0])
    large, large_most = _cost(small_and_large[1])
    assert large_most > small_most  # ten copies of each article: each remark carried ten times
    assert large == small < 30


# --- the timeline counts utterances -----------------------------------------------------------

TIMELINE_FILTERS = [
    # (arguments of timeline and of utterances(filter:), why)
    ({}, "every utterance, on the day it was first reported"),
    ({"speaker": ["Biden"]}, "one speaker's (its speaker index)"),
    ({"outlet": ["美国之音"]}, "those an outlet carried, each once"),
    ({"mentioning": ["乌克兰"]}, "those with a report naming an entity"),
    ({"publishedAfter": "2022-01-25"}, "those first reported in a period"),
    ({"speaker": ["Biden"], "outlet": ["观察者网"], "publishedBefore": "2030-01-01"}, "filters together"),
]


def _days(nodes: list[dict]) -> dict[str, int]:
    counted: dict[str, int] = {}
    for node in nodes:
        day = node["firstReported"][:10]
        counted[day] = counted.get(day, 0) + 1
    return counted


@pytest.mark.parametrize(("arguments", "why"), TIMELINE_FILTERS, ids=[f[1] for f in TIMELINE_FILTERS])
def test_the_timeline_counts_utterances_where_they_were_first_reported(client, arguments, why):
    variables = dict(arguments)
    declared = ", ".join(f"${k}: {'[ID!]' if isinstance(v, list) else 'DateTime'}" for k, v in variables.items())
    passed = ", ".join(f"{k}: ${k}" for k in variables)
    query = (f"query{'(' + declared + ')' if declared else ''} {{ "
             f"timeline(bucket: DAY{', ' + passed if passed else ''}) {{ start utterances statements }} "
             f"utterances(first: 100{', filter: {' + passed + '}' if passed else ''}) "
             "{ totalCount nodes { firstReported } } }")
    answer = data(client, query, variables)
    expected = _days(answer["utterances"]["nodes"])
    assert answer["utterances"]["totalCount"] == len(answer["utterances"]["nodes"]) > 0
    counted = {p["start"]: p["utterances"] for p in answer["timeline"] if p["utterances"]}
    assert counted == expected
    assert sum(counted.values()) == answer["utterances"]["totalCount"]  # each remark once


@pytest.mark.parametrize(("owner", "list_filter"), [
    ('person(name: "Biden")', '{speaker: ["Biden"]}'),
    ('outlet(name: "美国之音")', '{outlet: ["美国之音"]}'),
], ids=["a person's own", "an outlet's carried"])
def test_entity_and_outlet_timelines_count_utterances(client, owner, list_filter):
    answer = data(client, f"{{ owner: {owner} {{ timeline(bucket: DAY) {{ start utterances }} }} "
                          f"utterances(first: 100, filter: {list_filter}) {{ nodes {{ firstReported }} }} }}")
    counted = {p["start"]: p["utterances"] for p in answer["owner"]["timeline"] if p["utterances"]}
    assert counted == _days(answer["utterances"]["nodes"]) != {}


def test_the_timeline_counts_utterances_only_when_asked(seeded_db):
    without, _ = executed(seeded_db, "{ timeline(bucket: MONTH) { start statements } }")
    asked, body = executed(seeded_db, "{ timeline(bucket: MONTH) { start statements ...U } } "
                                      "fragment U on TimelinePoint { utterances }")
    assert len(asked) == len(without) + 1  # one query more, found through the fragment too
    assert sum(p["utterances"] for p in body["timeline"]) > 0

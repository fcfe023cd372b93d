"""Statements and articles in an order of several fields (issue 15: "speaker then date"):
the order keys the API writes, then every ordered list end to end over HTTP, read whole and
page by page in both directions, on SQLite and PostgreSQL (both compare names by code
point: the test databases are C.UTF-8)."""

from __future__ import annotations

import pytest

from kb.api.inputs import (
    ArticleOrder,
    ArticleOrderField,
    OrderDirection,
    StatementOrder,
    StatementOrderField,
    article_order,
    statement_order,
)
from tests.graphql import gql as answer

S, A = StatementOrderField, ArticleOrderField
ASC, DESC = OrderDirection.ASC, OrderDirection.DESC


@pytest.mark.parametrize(("orders", "key"), [
    (None, "published_at:desc"),
    ([], "published_at:desc"),
    (StatementOrder(), "published_at:desc"),  # (one input, not a list: as older clients send)
    ([StatementOrder(direction=ASC)], "published_at:asc"),
    ([StatementOrder(field=S.SPEAKER)], "speaker:asc,published_at:desc"),
    ([StatementOrder(field=S.SPEAKER, direction=DESC)], "speaker:desc,published_at:desc"),
    ([StatementOrder(field=S.SPEAKER), StatementOrder(direction=ASC)], "speaker:asc,published_at:asc"),
    ([StatementOrder(field=S.OUTLET), StatementOrder(field=S.SPEAKER)], "outlet:asc,speaker:asc,published_at:desc"),
    ([StatementOrder(field=S.SPEAKER), StatementOrder(field=S.SPEAKER, direction=DESC)],
     "speaker:asc,published_at:desc"),  # a repeated field adds nothing
    ([StatementOrder(direction=ASC), StatementOrder(field=S.SPEAKER)], "published_at:asc,speaker:asc"),
])
def test_statement_order_keys(orders, key):
    assert statement_order(orders) == key


@pytest.mark.parametrize(("orders", "key"), [
    (None, "published_at:desc"),
    (ArticleOrder(field=A.TITLE), "title:asc,published_at:desc"),
    ([ArticleOrder(field=A.TITLE, direction=DESC)], "title:desc,published_at:desc"),
    ([ArticleOrder(field=A.OUTLET), ArticleOrder(direction=ASC)], "outlet:asc,published_at:asc"),
    ([ArticleOrder(field=A.OUTLET), ArticleOrder(field=A.TITLE)], "outlet:asc,title:asc,published_at:desc"),
])
def test_article_order_keys(orders, key):
    assert article_order(orders) == key


def gql(client, query, variables=None):
    body = answer(client, query, variables)
    assert "errors" not in body, body["errors"]
    return body["data"]


STATEMENT = "id speaker { name } article { publishedAt outlet { name } }"
ARTICLE = "id title publishedAt outlet { name }"


def _statement_value(node, field):
    return {"speaker": (node["speaker"] or {}).get("name", ""), "outlet": node["article"]["outlet"]["name"],
            "published_at": node["article"]["publishedAt"]}[field]


def _article_value(node, field):
    return {"title": node["title"], "outlet": node["outlet"]["name"], "published_at": node["publishedAt"]}[field]


def _in_order(nodes, terms, value):
    """Whether each neighbour pair keeps the order ``terms`` (field, descending) names, on the
    fields it names (ties past them are the id's, which no client reads)."""
    def key(node):
        return [value(node, field) for field, _ in terms]

    for a, b in zip(nodes, nodes[1:], strict=False):
        for (field, descending), x, y in zip(terms, key(a), key(b), strict=True):
            if x != y:
                assert (x > y) == descending, (field, x, y)
                break


# (list, the orderBy argument, the terms it sorts by: field, descending)
CASES = [
    ("statements(filter: {kind: DIRECT}, ", "[{field: SPEAKER}, {field: PUBLISHED_AT}]", [("speaker", False), ("published_at", True)]),
    ("statements(filter: {kind: DIRECT}, ", "{field: SPEAKER, direction: DESC}", [("speaker", True), ("published_at", True)]),
    ("statements(filter: {kind: DIRECT}, ", "[{field: OUTLET}, {field: SPEAKER}, {direction: ASC}]",
     [("outlet", False), ("speaker", False), ("published_at", False)]),
    ("statements(filter: {kind: DIRECT}, ", "[{direction: ASC}, {field: SPEAKER}]", [("published_at", False), ("speaker", False)]),
    ('outlet(name: "VOA") { statements(', "[{field: SPEAKER}, {direction: ASC}]",
     [("speaker", False), ("published_at", False)]),
    ('organization(name: "北约") { statements(', "[{field: OUTLET, direction: DESC}]",
     [("outlet", True), ("published_at", True)]),
    ("articles(", "[{field: OUTLET}, {field: PUBLISHED_AT, direction: ASC}]", [("outlet", False), ("published_at", False)]),
    ("articles(", "[{field: TITLE}]", [("title", False), ("published_at", True)]),
    ('person(name: "普京") { articles(', "[{field: OUTLET, direction: DESC}, {field: TITLE}]",
     [("outlet", True), ("title", False), ("published_at", True)]),
    ('organization(name: "北约") { articles(', "[{field: TITLE, direction: DESC}]", [("title", True), ("published_at", True)]),
]


def _list(opening, order, page="first: 100"):
    fields = ARTICLE if "articles(" in opening else STATEMENT
    closing = " }" if ") { " in opening else ""
    return (f"query($after: String, $before: String) {{ {opening}{page}, after: $after, before: $before, "
            f"orderBy: {order}) {{ totalCount pageInfo {{ startCursor endCursor hasNextPage hasPreviousPage }} "
            f"nodes {{ {fields} }} }}{closing} }}")


def pick(data):
    """The one connection a query of ``_list`` asks for, at the root or under one object."""
    while "nodes" not in data:
        (data,) = data.values()
    return data


@pytest.mark.parametrize(("opening", "order", "terms"), CASES, ids=[f"{c[0]}{c[1]}" for c in CASES])
def test_every_ordered_list_is_in_its_order_and_pages_through_it_both_ways(client, opening, order, terms):
    whole = pick(gql(client, _list(opening, order)))
    nodes = whole["nodes"]
    assert whole["totalCount"] == len(nodes) >= 2
    value = _article_value if "articles(" in opening else _statement_value
    _in_order(nodes, terms, value)
    leading = terms[0][0]
    if leading != "published_at":
        # the leading field groups: each value's items together, in one run
        runs = [value(n, leading) for i, n in enumerate(nodes) if i == 0 or value(nodes[i - 1], leading) != value(n, leading)]
        assert len(runs) == len(set(runs))

    forward_query = _list(opening, order, "first: 2")
    forward, after = [], None
    while True:
        page = pick(gql(client, forward_query, {"after": after}))
        forward += [n["id"] for n in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert forward == [n["id"] for n in nodes]

    backward_query = _list(opening, order, "last: 3")
    backward, before = [], None
    while True:
        page = pick(gql(client, backward_query, {"before": before}))
        backward = [n["id"] for n in page["nodes"]] + backward
        if not page["pageInfo"]["hasPreviousPage"]:
            break
        before = page["pageInfo"]["startCursor"]
    assert backward == [n["id"] for n in nodes]


def test_speaker_then_date_is_one_query_a_frontend_writes(client):
    """The issue's example: each speaker's statements together, newest first within each."""
    data = gql(client, """{ statements(first: 100, filter: {anonymous: false},
        orderBy: [{field: SPEAKER}, {field: PUBLISHED_AT, direction: DESC}]) {
        nodes { speaker { name } article { publishedAt } } } }""")["statements"]["nodes"]
    named = [n for n in data if n["speaker"]]
    names = [n["speaker"]["name"] for n in named]
    assert names == sorted(names) and len(set(names)) >= 3
    for name in set(names):
        dates = [n["article"]["publishedAt"] for n in named if n["speaker"]["name"] == name]
        assert dates == sorted(dates, reverse=True)


def test_anonymous_statements_come_first_by_speaker_and_last_in_reverse(client):
    data = gql(client, """{ up: statements(first: 100, orderBy: {field: SPEAKER}) { nodes { anonymous speaker { name } } }
        down: statements(first: 100, orderBy: {field: SPEAKER, direction: DESC}) { nodes { anonymous speaker { name } } } }""")
    up = [n["speaker"] is None for n in data["up"]["nodes"]]
    assert any(up) and up == sorted(up, reverse=True)  # the unnamed ones, then the named
    down = [n["speaker"] is None for n in data["down"]["nodes"]]
    assert down == sorted(down)


def test_a_cursor_of_one_order_is_refused_by_another(client):
    page = gql(client, "{ statements(first: 1, orderBy: [{field: SPEAKER}, {field: OUTLET}]) { pageInfo { endCursor } } }")
    cursor = page["statements"]["pageInfo"]["endCursor"]
    body = client.post("/graphql", json={"query": "query($c: String) { statements(first: 1, after: $c) { totalCount } }",
                                         "variables": {"c": cursor}}).json()
    assert body["errors"] and "cursor" in body["errors"][0]["message"]


def test_an_unknown_order_field_is_a_validation_error(client):
    body = client.post("/graphql", json={"query": "{ statements(orderBy: [{field: TITLE}]) { totalCount } }"}).json()
    assert body["errors"] and "TITLE" in body["errors"][0]["message"] and "data" not in body or body.get("data") is None


@pytest.mark.parametrize("union_parents", [200, 0], ids=["union", "window"])
def test_nested_lists_of_many_parents_keep_each_ones_order(client, monkeypatch, union_parents):
    """People's statements by outlet, for many people in one query (a UNION ALL of one branch
    per person, or past UNION_PARENTS one window function), are each what one person's list
    alone says."""
    import kb.api.pagination

    monkeypatch.setattr(kb.api.pagination, "UNION_PARENTS", union_parents)
    nested = "statements(first: 4, orderBy: [{field: OUTLET, direction: DESC}, {direction: ASC}]) { nodes { id } }"
    people = gql(client, f"{{ people(first: 30, orderBy: {{field: STATEMENTS}}) {{ nodes {{ id {nested} }} }} }}")
    checked = 0
    for person in people["people"]["nodes"]:
        if not person["statements"]["nodes"]:
            continue
        alone = gql(client, f'{{ node(id: "{person["id"]}") {{ ... on Person {{ {nested} }} }} }}')["node"]["statements"]
        assert person["statements"]["nodes"] == alone["nodes"]
        checked += 1
    assert checked >= 5

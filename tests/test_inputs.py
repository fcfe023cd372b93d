"""Every input of the schema, given odd values, answers a client error or data — never an
internal error (issue 15: inputs that just work). And dates as users write them: a plain date,
a date-time without an offset (UTC) and one with an offset, read one way for the API and the
exports (kb.when)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    get_named_type,
)
from starlette.testclient import TestClient

from kb.api.app import create_app
from kb.api.limits import MASKED_MESSAGE
from kb.api.schema import build_schema
from kb.config import Settings
from kb.when import parse_moment

ODD = {
    "String": ['""', '"\\u0000"', '"' + "名" * 300 + '"', "12", "true"],
    "ID": ['""', '"Article:1"', '"@@@"', '"99999999999999999999"', '"UGVyc29uOjk5OTk5OTk5OTk5OTk5OTk5OTk5"', "7"],
    "Int": ["-1", "0", "2147483648", "99999999", '"ten"'],
    "Float": ["-1.5", "1e308", '"x"'],
    "Boolean": ['"yes"', "1"],
    "DateTime": ['""', '"0001-01-01"', '"9999-12-31T23:59:59"', '"2022-01-01T25:00"', '"yesterday"', "20220101"],
}
VALID = {"String": '"x"', "ID": '"x"', "Int": "1", "Float": "1.0", "Boolean": "true", "DateTime": '"2022-01-01"'}


def _literal(type_, odd: bool = False) -> list[str]:
    """GraphQL literals for an input type: valid ones, or odd ones when ``odd``."""
    named = get_named_type(type_)
    if isinstance(named, GraphQLEnumType):
        return ["NO_SUCH_VALUE", '"A"'] if odd else [next(iter(named.values))]
    if isinstance(named, GraphQLInputObjectType):
        if odd:
            return ["{}", "[]", '"x"']
        required = [f"{n}: {_literal(f.type)[0]}" for n, f in named.fields.items()
                    if isinstance(f.type, GraphQLNonNull)]
        return ["{" + ", ".join(required) + "}"]
    assert isinstance(named, GraphQLScalarType), named
    values = ODD.get(named.name, ['"x"']) if odd else [VALID.get(named.name, '"x"')]
    inner = type_.of_type if isinstance(type_, GraphQLNonNull) else type_
    if isinstance(inner, GraphQLList):
        return ["[" + v + "]" for v in values] + (["[]", "[" + ", ".join(values[:1] * 3) + "]"] if odd else [])
    return values


def _selection(type_) -> str:
    return " { __typename }" if isinstance(get_named_type(type_), GraphQLObjectType) else ""


def _cases() -> list[tuple[str, str]]:
    """(label, query) for each odd value of each argument of each root field, and of each
    field of an input object argument."""
    schema = build_schema(Settings())._schema
    cases = []
    for name, field in schema.query_type.fields.items():
        if name == "node":
            continue
        required = {a: _literal(arg.type)[0] for a, arg in field.args.items() if isinstance(arg.type, GraphQLNonNull)}
        for arg_name, arg in field.args.items():
            values = list(_literal(arg.type, odd=True))
            named = get_named_type(arg.type)
            if isinstance(named, GraphQLInputObjectType):
                for inner_name, inner in named.fields.items():
                    values += ["{" + f"{inner_name}: {v}" + "}" for v in _literal(inner.type, odd=True)]
            for value in values:
                args = {**required, arg_name: value}
                text = ", ".join(f"{k}: {v}" for k, v in args.items())
                cases.append((f"{name}({arg_name}: {value[:40]})", f"{{ {name}({text}){_selection(field.type)} }}"))
    return cases


CASES = _cases()


@pytest.fixture(scope="module")
def client(seeded_db):
    with TestClient(create_app(Settings(database_url=seeded_db, response_cache_size=0))) as client:
        yield client


def test_the_sweep_reaches_every_root_argument():
    schema = build_schema(Settings())._schema
    arguments = {(n, a) for n, f in schema.query_type.fields.items() if n != "node" for a in f.args}
    swept = {(label.split("(")[0], label.split("(")[1].split(":")[0]) for label, _ in CASES}
    assert arguments <= swept, arguments - swept
    assert len(CASES) > 200


def test_no_input_answers_an_internal_error(client):
    failures = []
    for label, query in CASES:
        response = client.post("/graphql", json={"query": query})
        if response.status_code >= 500:
            failures.append((label, response.status_code))
            continue
        body = response.json() if response.headers.get("content-type", "").startswith("application/json") else {}
        if any(e.get("message") == MASKED_MESSAGE for e in body.get("errors") or []):
            failures.append((label, json.dumps(body["errors"], ensure_ascii=False)[:200]))
    assert failures == [], failures[:10]


@pytest.mark.parametrize(
    ("written", "moment"),
    [
        ("2022-01-01", datetime(2022, 1, 1, tzinfo=UTC)),  # a day: its midnight, UTC
        ("2022-01-01T08:00:00", datetime(2022, 1, 1, 8, tzinfo=UTC)),  # no offset: UTC
        ("2022-01-01 08:00", datetime(2022, 1, 1, 8, tzinfo=UTC)),
        ("2022-01-01T08:00:00+08:00", datetime(2022, 1, 1, 0, tzinfo=UTC)),
        ("2022-01-01T08:00:00Z", datetime(2022, 1, 1, 8, tzinfo=UTC)),
    ],
)
def test_a_moment_is_read_as_users_write_it(written, moment):
    assert parse_moment(written) == moment


@pytest.mark.parametrize("written", ["", "yesterday", "2022-13-01", "99999-01-01", "2022-01-01T25:00", "2022"])
def test_anything_else_says_what_to_write(written):
    with pytest.raises(ValueError, match="2022-01-01T08:00:00"):
        parse_moment(written)


@pytest.mark.parametrize("written", ["2022-01-01", "2022-01-01T08:00:00", "2022-01-01T08:00:00+08:00"])
def test_the_api_filters_by_any_of_them(client, written):
    body = client.post("/graphql", json={
        "query": "query($a: DateTime) { statements(first: 1, filter: {publishedAfter: $a}) { totalCount } }",
        "variables": {"a": written}}).json()
    assert "errors" not in body, body
    assert body["data"]["statements"]["totalCount"] > 0


def test_a_date_the_api_cannot_read_names_the_formats(client):
    body = client.post("/graphql", json={
        "query": '{ statements(filter: {publishedAfter: "yesterday"}) { totalCount } }'}).json()
    [error] = body["errors"]
    assert "yesterday" in error["message"] and "2022-01-01T08:00:00+08:00" in error["message"], error


def _encoded(text: str) -> str:
    import base64

    return base64.b64encode(text.encode()).decode()


@pytest.mark.parametrize(("argument", "value"), [
    ("statements(filter: {speaker: [$v]})", _encoded("Person:no-such-person")),  # a key no one has
    ("statements(filter: {mentioning: [$v]})", _encoded("Organization:no-such-body")),
    ("articles(filter: {mentions: [$v]})", _encoded("Place:no-such-place")),
    ("statements(filter: {outlet: [$v]})", _encoded("Outlet:no-such-outlet")),
])
def test_a_wrong_id_points_to_the_lookups(client, argument, value):
    """An id that names nothing says so and where ids come from (issue 15: "a wrong id's error
    points to person(name:) and friends")."""
    query = f"query($v: ID!) {{ {argument} {{ totalCount }} }}"
    body = client.post("/graphql", json={"query": query, "variables": {"v": value}}).json()
    message = body["errors"][0]["message"]
    assert "person(name:)" in message and "lookups" in message and value in message, message
    assert MASKED_MESSAGE not in message

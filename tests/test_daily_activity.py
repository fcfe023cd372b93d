"""Totals of whole lists and the overall timeline come from the loader's daily counts
(daily_activity); they must say exactly what counting the rows says, and filters the daily
counts cannot answer (a time of day, a speaker) must still be counted exactly."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from kb.db import sync_url


@pytest.fixture(scope="module")
def database(seeded_db):
    engine = create_engine(sync_url(seeded_db))
    with engine.connect() as connection:
        yield connection
    engine.dispose()


def gql(client, query, variables=None):
    body = client.post("/graphql", json={"query": query, "variables": variables or {}}).json()
    assert "errors" not in body, body
    return body["data"]


def test_whole_list_totals(client, database):
    data = gql(client, "{ statements { totalCount } articles { totalCount } }")
    assert data["statements"]["totalCount"] == database.execute(text("SELECT count(*) FROM statement")).scalar_one()
    assert data["articles"]["totalCount"] == database.execute(text("SELECT count(*) FROM article")).scalar_one() == 5


@pytest.mark.parametrize(("after", "before"), [
    ("2021-12-31T00:00:00Z", "2022-01-26T00:00:00Z"),  # whole days: daily counts
    ("2022-01-05T02:00:00Z", "2022-01-25T14:15:03Z"),  # times of day: counted from the rows
])
def test_outlet_and_date_totals(client, database, after, before):
    outlets = gql(client, "{ outlets { nodes { id name } } }")["outlets"]["nodes"]
    for outlet in outlets:
        query = """query($o: [ID!], $a: DateTime, $b: DateTime) {
          statements(filter: {outlet: $o, publishedAfter: $a, publishedBefore: $b}) { totalCount }
          articles(filter: {outlet: $o, publishedAfter: $a, publishedBefore: $b}) { totalCount } }"""
        data = gql(client, query, {"o": [outlet["id"]], "a": after, "b": before})
        counted = database.execute(text(
            "SELECT count(*) FROM article a JOIN outlet o ON o.id = a.outlet_id "
            "WHERE o.name = :name AND a.published_at >= :after AND a.published_at < :before"),
            {"name": outlet["name"], "after": _stored(database, after), "before": _stored(database, before)},
        ).scalar_one()
        assert data["articles"]["totalCount"] == counted, outlet["name"]
        statements = database.execute(text(
            "SELECT count(*) FROM statement s JOIN outlet o ON o.id = s.outlet_id "
            "WHERE o.name = :name AND s.published_at >= :after AND s.published_at < :before"),
            {"name": outlet["name"], "after": _stored(database, after), "before": _stored(database, before)},
        ).scalar_one()
        assert data["statements"]["totalCount"] == statements, outlet["name"]


def test_overall_timeline_matches_the_rows(client, database):
    points = gql(client, "{ timeline(bucket: DAY) { start statements articles } }")["timeline"]
    assert sum(p["statements"] for p in points) == database.execute(text("SELECT count(*) FROM statement")).scalar_one()
    assert sum(p["articles"] for p in points) == 5
    # The same days as counting every row (the path a speaker filter takes).
    person = gql(client, '{ person(name: "拜登") { id } }')["person"]["id"]
    by_speaker = gql(client, "query($p: [ID!]) { timeline(bucket: DAY, speaker: $p) { start statements } }",
                     {"p": [person]})["timeline"]
    assert by_speaker and all(p["statements"] >= 0 for p in by_speaker)
    per_day = {p["start"]: p["statements"] for p in points}
    for point in by_speaker:
        assert point["statements"] <= per_day.get(point["start"], 0)


def _stored(database, value: str):
    """A timestamp as the database compares it (SQLite stores UTC text)."""
    from datetime import datetime

    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if database.dialect.name == "sqlite":
        return moment.strftime("%Y-%m-%d %H:%M:%S.%f")
    return moment


def test_whole_list_totals_read_the_daily_counts(client):
    from sqlalchemy import event

    engine = client.app.state.database.sync_engine
    executed: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):  # noqa: ANN001
        executed.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        gql(client, '{ statements { totalCount } timeline(bucket: MONTH) { statements } '
                    'articles(filter: {publishedAfter: "2022-01-01T00:00:00Z"}) { totalCount } }')
    finally:
        event.remove(engine, "before_cursor_execute", record)
    counting = [s for s in executed if "count(" in s.lower() or "sum(" in s.lower()]
    assert counting and all("daily_activity" in s for s in counting), counting

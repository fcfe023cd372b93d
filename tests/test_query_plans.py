"""No request reads a whole large table: every statement the API issues for the benchmark
and example queries reaches articles, statements, mentions and article_entity rows through
an index range, an ordered index walk that a LIMIT stops, a partial index, or the search
index — so its cost follows its result, not the size of the archive.

SQLite plans these statements the same way on 5 articles as on 100,000 (kb runs no
ANALYZE, so the planner has no table sizes to change its mind with); PostgreSQL's plans
depend on statistics and are checked by the benchmarks instead."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event
from starlette.testclient import TestClient

from kb.api.app import create_app
from kb.config import Settings

ROOT = Path(__file__).resolve().parent.parent
QUERIES = sorted([*(ROOT / "bench" / "queries").glob("*.graphql"), *(ROOT / "examples" / "queries").glob("*.graphql")])
# person_role is left out: `people(filter: {role:})` matches a substring of the titles, which
# no B-tree index serves (a known cost: one row per titled person per article).
LARGE = ("article", "statement", "mention", "article_entity", "image")
SCAN = re.compile(rf"^SCAN ({'|'.join(LARGE)})(?:$| USING (?:COVERING )?INDEX (\w+))")


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_no_full_scan_of_a_large_table(seeded_sqlite: str, path: Path):
    executed: list[tuple[str, object]] = []
    with TestClient(create_app(Settings(database_url=seeded_sqlite))) as client:
        engine = client.app.state.database.sync_engine

        def record(conn, cursor, statement, parameters, context, executemany):  # noqa: ANN001
            executed.append((statement, parameters))

        event.listen(engine, "before_cursor_execute", record)
        try:
            body = client.post("/graphql", json={"query": path.read_text("utf-8")}).json()
        finally:
            event.remove(engine, "before_cursor_execute", record)
    assert "errors" not in body, body
    database = sqlite3.connect(seeded_sqlite.removeprefix("sqlite:///"))
    try:
        partial = {name for name, sql in database.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'")
                   if sql and " WHERE " in sql}
        for statement, parameters in executed:
            if not statement.lstrip().upper().startswith(("SELECT", "WITH")):
                continue
            plan = [row[-1] for row in database.execute("EXPLAIN QUERY PLAN " + statement, parameters)]
            for line in plan:
                scan = SCAN.match(line)
                if scan is None:
                    continue
                index = scan.group(2)
                bounded = index is not None and (index in partial or " LIMIT " in statement)
                assert bounded, f"{path.stem}: {line!r} in\n{statement}"
    finally:
        database.close()

"""The command line over a seeded database: kb query, kb export, kb stats; and the same
exports over HTTP."""

from __future__ import annotations

import csv
import io
import json

import pytest
from starlette.testclient import TestClient
from strawberry.relay import from_base64
from typer.testing import CliRunner

from kb.api.app import create_app
from kb.cli import app
from kb.config import Settings

STOLTENBERG = '{ person(name: "Stoltenberg") { name statements(first: 5) { nodes { text article { outlet { name } } } } } }'


@pytest.fixture
def run(seeded_db, monkeypatch):
    monkeypatch.setenv("KB_DATABASE_URL", seeded_db)
    runner = CliRunner()
    return lambda *args: runner.invoke(app, list(args), catch_exceptions=False)


def test_query_prints_json_and_the_first_list_as_csv_or_jsonl(run):
    result = run("query", STOLTENBERG)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["data"]["person"]["name"] == "斯托尔滕贝格"
    table = list(csv.DictReader(io.StringIO(run("query", STOLTENBERG, "--format", "csv").stdout)))
    assert table and set(table[0]) == {"text", "article.outlet.name"}
    lines = run("query", STOLTENBERG, "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line)["article.outlet.name"] for line in lines] == [row["article.outlet.name"] for row in table]
    assert "article.outlet.name" in run("query", STOLTENBERG, "--format", "table").stdout


def test_query_prints_a_single_object_as_one_row_with_lists_joined(run):
    query = '{ person(name: "Stoltenberg") { name key roles { title articleCount } aliases { name } } }'
    rows = list(csv.DictReader(io.StringIO(run("query", query, "--format", "csv").stdout)))
    assert len(rows) == 1 and rows[0]["key"] == "jens-stoltenberg"
    assert "Jens Stoltenberg" in rows[0]["aliases"].split("|")
    assert rows[0]["roles"].startswith("秘书长 ")  # an item of several fields: its values


def test_query_variables_and_errors(run):
    query = "query($name: String!, $n: Int) { person(name: $name) { statements(first: $n) { totalCount nodes { text } } } }"
    result = run("query", query, "--var", "name=斯托爾滕貝格", "--var", "n=1")
    body = json.loads(result.stdout)
    assert result.exit_code == 0 and len(body["data"]["person"]["statements"]["nodes"]) == 1
    bad = run("query", "{ statements(first: 1000) { totalCount } }")
    assert bad.exit_code == 1 and "first" in bad.output


def test_export_streams_whole_tables_with_global_ids(run):
    result = run("export", "statements", "--filter", "speaker=Stoltenberg")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(r["speakerName"] == "斯托尔滕贝格" for r in rows)
    assert all(from_base64(r["id"])[0] == "Statement" and r["articleId"] for r in rows)
    assert all(r["anonymous"] is False for r in rows)  # JSON booleans, not 0 and 1
    everything = [json.loads(line) for line in run("export", "statements").stdout.splitlines()]
    ids = [from_base64(r["id"])[1] for r in everything]
    assert len(set(ids)) == len(ids) and len(everything) > len(rows)  # each statement once
    people = list(csv.DictReader(io.StringIO(run("export", "people", "--format", "csv").stdout)))
    assert {"id", "key", "name", "nameEn", "aliases", "statementCount"} <= set(people[0])
    assert any("Jens Stoltenberg" in p["aliases"] for p in people)


def test_every_table_exports_with_the_apis_names_and_global_ids(run):
    kinds = {"places": "Place", "outlets": "Outlet", "organizations": "Organization", "mentions": "Mention"}
    for table, type_name in kinds.items():
        result = run("export", table)
        assert result.exit_code == 0, result.output
        rows = [json.loads(line) for line in result.stdout.splitlines()]
        assert rows and all(from_base64(r["id"])[0] == type_name for r in rows), table
        assert all("_" not in field for r in rows for field in r), table  # camelCase, as the API
    outlets = [json.loads(line) for line in run("export", "outlets").stdout.splitlines()]
    assert any("rfi.fr" in o["domains"] for o in outlets)
    mentions = [json.loads(line) for line in run("export", "mentions").stdout.splitlines()]
    assert all(from_base64(m["entityId"])[0] == m["entityType"] for m in mentions)


def test_exports_filter_by_what_statements_and_articles_mention(run):
    putin = [json.loads(line) for line in run("export", "statements", "--filter", "mentioning=普京").stdout.splitlines()]
    assert putin and all("普京" in r["text"] or "普丁" in r["text"] for r in putin)
    everything = run("export", "articles").stdout.splitlines()
    naming = run("export", "articles", "--filter", "mentioning=Stoltenberg").stdout.splitlines()
    assert 0 < len(naming) < len(everything)
    # search reads the text as the API's search filter does (either script)
    nato = run("export", "statements", "--filter", "search=北約").stdout.splitlines()
    api = json.loads(run("query", '{ statements(filter: {search: "北約"}) { totalCount } }').stdout)
    assert 0 < len(nato) == api["data"]["statements"]["totalCount"]
    assert 0 < len(run("export", "articles", "--filter", "search=斯托爾滕貝格").stdout.splitlines()) < len(everything)


@pytest.mark.parametrize(("args", "message"), [
    (["export", "nothing"], "unknown table"),
    (["export", "people", "--filter", "speaker=x"], "cannot be filtered by speaker"),
    (["export", "statements", "--filter", "speaker=No Such Person"], "no person, organization or place"),
    (["export", "statements", "--filter", "publishedAfter=yesterday"], "not a date or time"),
    (["export", "statements", "--filter", "speaker"], "NAME=VALUE"),
])
def test_export_refuses_bad_requests_with_the_reason(run, args, message):
    result = run(*args)
    assert result.exit_code == 2 and message in result.output


def test_stats_counts_tables_and_outlets(run):
    found = json.loads(run("stats", "--json").stdout)
    assert found["tables"]["article"] == 5 and found["tables"]["statement"] > 50
    assert sum(o["articles"] for o in found["outlets"]) == 5
    assert "per outlet" in run("stats").stdout


def test_every_command_has_help(run):
    for command in ("load", "eval", "serve", "query", "export", "stats", "export-schema", "db"):
        result = run(command, "--help")
        assert result.exit_code == 0 and "Usage" in result.stdout, command


def test_exports_over_http(seeded_db):
    with TestClient(create_app(Settings(database_url=seeded_db))) as client:
        response = client.get("/export/statements.jsonl", params={"speaker": "斯托爾滕貝格"})
        assert response.status_code == 200 and response.headers["content-type"].startswith("application/x-ndjson")
        rows = [json.loads(line) for line in response.text.splitlines()]
        assert rows and all(r["speakerName"] == "斯托尔滕贝格" for r in rows)
        as_csv = client.get("/export/articles.csv", params={"publishedAfter": "2022-01-01T00:00:00Z"})
        assert as_csv.status_code == 200 and as_csv.text.startswith("id,title,")
        assert len(list(csv.DictReader(io.StringIO(as_csv.text)))) == 4  # one seed is from 2021
        assert client.get("/export/nothing.jsonl").status_code == 404
        bad = client.get("/export/statements.jsonl", params={"colour": "red"})
        assert bad.status_code == 400 and "cannot be filtered by colour" in bad.json()["error"]


FORMULA_ARTICLE = """---
title: "=HYPERLINK(\\"http://evil.example\\",\\"点击\\")"
date: 2023-05-01
url: https://www.example.com/formula
---
<p>北约秘书长斯托尔滕贝格表示，“@SUM(1+1)是公式”。</p>
"""


def test_every_csv_neutralises_formulas(empty_db, tmp_path, monkeypatch):
    """A cell that would start a spreadsheet formula (=, +, -, @, tab, CR) goes out with a
    leading apostrophe, on all three CSV paths (OWASP CSV injection)."""
    from kb.db import create_sync_engine
    from kb.load import load_paths

    (tmp_path / "formula.txt").write_text(FORMULA_ARTICLE, encoding="utf-8")
    engine = create_sync_engine(empty_db)
    assert load_paths(engine, [tmp_path / "formula.txt"]).added == 1
    engine.dispose()
    monkeypatch.setenv("KB_DATABASE_URL", empty_db)
    runner = CliRunner()
    exported = runner.invoke(app, ["export", "articles", "--format", "csv"], catch_exceptions=False).stdout
    queried = runner.invoke(app, ["query", "{ articles(first: 5) { nodes { title } } }", "--format", "csv"],
                            catch_exceptions=False).stdout
    with TestClient(create_app(Settings(database_url=empty_db))) as client:
        served = client.get("/export/articles.csv").text
    for output in (exported, queried, served):
        titles = [row["title"] for row in csv.DictReader(io.StringIO(output))]
        assert titles == ["'=HYPERLINK(\"http://evil.example\",\"点击\")"], output
    statements = runner.invoke(app, ["export", "statements", "--format", "csv"], catch_exceptions=False).stdout
    assert [row["text"] for row in csv.DictReader(io.StringIO(statements))] == ["'@SUM(1+1)是公式"]


@pytest.mark.parametrize(("value", "safe"), [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@x", "'@x"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("普通", "普通"), (-1, -1), (None, None), ("a=b", "a=b"),
])
def test_a_csv_cell_is_made_safe(value, safe):
    from kb.export import csv_cell

    assert csv_cell(value) == safe


def test_a_database_without_the_schema_is_one_line_of_error_and_load_creates_it(tmp_path, monkeypatch):
    """A new user who skips `kb db upgrade` gets one line naming the fix, not a traceback
    from a worker process; `kb load` makes the schema of a database that has none."""
    monkeypatch.setenv("KB_DATABASE_URL", f"sqlite:///{tmp_path / 'new.db'}")
    runner = CliRunner()
    for args in (["stats"], ["export", "people"], ["query", "{ outlets { totalCount } }"]):
        refused = runner.invoke(app, args, catch_exceptions=False)
        assert refused.exit_code == 2
        assert "no kb schema yet: run `kb db upgrade` first" in refused.output
        assert not (tmp_path / "new.db").exists()  # (and no empty database left behind)
    article = tmp_path / "one.txt"
    article.write_text(FORMULA_ARTICLE, encoding="utf-8")
    loaded = runner.invoke(app, ["load", str(article)], catch_exceptions=False)
    assert loaded.exit_code == 0, loaded.output
    assert "created the kb schema" in loaded.output and "1 added" in loaded.output
    assert runner.invoke(app, ["stats", "--json"], catch_exceptions=False).exit_code == 0


def test_version_and_a_missing_query_file_are_one_line(run, tmp_path):
    from kb.extract import EXTRACTOR_VERSION

    version = run("--version")
    assert version.exit_code == 0 and version.stdout.startswith("kb ") and f"extractor {EXTRACTOR_VERSION}" in (
        version.stdout
    )
    missing = run("query", f"@{tmp_path / 'absent.graphql'}")
    assert missing.exit_code == 2
    assert "cannot read the query file" in missing.output and "Traceback" not in missing.output


def test_serve_names_graphiql_and_the_explorer_and_nothing_of_alembic(seeded_db):
    import os
    import signal
    import socket
    import subprocess
    import sys
    import time
    from pathlib import Path

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    kb = str(Path(sys.executable).with_name("kb"))
    env = dict(os.environ, KB_DATABASE_URL=seeded_db, COLUMNS="200")
    server = subprocess.Popen([kb, "serve", "--port", str(port)], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    lines, deadline = [], time.monotonic() + 60
    while time.monotonic() < deadline and "startup complete" not in "".join(lines):
        line = server.stdout.readline()  # (the server writes until it is stopped)
        if not line:
            break
        lines.append(line)
    server.send_signal(signal.SIGINT)
    output = "".join(lines) + server.communicate(timeout=20)[0]
    assert f"http://127.0.0.1:{port}/graphql" in output and f"http://127.0.0.1:{port}/explore" in output
    assert "alembic" not in output.lower(), output

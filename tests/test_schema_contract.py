"""schema.graphql is the committed contract: it must be what the code serves."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from kb.api.schema import schema_sdl
from kb.cli import app

COMMITTED = Path(__file__).resolve().parent.parent / "schema.graphql"


def test_committed_schema_is_current():
    assert COMMITTED.read_text(encoding="utf-8") == schema_sdl(), (
        "schema.graphql is stale: run `kb export-schema -o schema.graphql` and commit it"
    )


def test_export_schema_command(tmp_path):
    result = CliRunner().invoke(app, ["export-schema", "--output", str(tmp_path / "s.graphql")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "s.graphql").read_text(encoding="utf-8") == schema_sdl()
    printed = CliRunner().invoke(app, ["export-schema"])
    assert printed.stdout == schema_sdl()


def test_every_list_is_a_relay_connection_with_total_count():
    sdl = schema_sdl()
    for block in sdl.split("\n\n"):
        if block.lstrip().startswith("type ") and "Connection {" in block:
            for field in ("edges:", "nodes:", "pageInfo:", "totalCount:"):
                assert field in block, block

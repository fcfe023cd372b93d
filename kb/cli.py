"""The ``kb`` command: a thin layer over the library (every command is callable from Python)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from kb.config import Settings

app = typer.Typer(help="kb — a GraphQL knowledge base of news: who said what, where.",
                  no_args_is_help=True, add_completion=False)
db_app = typer.Typer(help="Manage the database schema (Alembic migrations).", no_args_is_help=True)
app.add_typer(db_app, name="db")
utterances_app = typer.Typer(help="Group statements into utterances (one remark, every outlet that "
                                  "carried it).", no_args_is_help=True)
app.add_typer(utterances_app, name="utterances")
console = Console(stderr=True)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        from kb.extract import EXTRACTOR_VERSION

        try:
            release = version("kb")
        except PackageNotFoundError:  # (run from a checkout that was not installed)
            release = "unknown"
        print(f"kb {release} (extractor {EXTRACTOR_VERSION})")
        raise typer.Exit()


@app.callback()
def main(
    show_version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                               help="Print kb's version and exit.")] = False,
) -> None:
    """kb — a GraphQL knowledge base of news: who said what, where."""


def _settings() -> Settings:
    try:
        return Settings.from_env()
    except ValueError as exc:
        console.print(f"[red]configuration error:[/red] {exc}")
        raise typer.Exit(2) from None


@db_app.command("upgrade")
def db_upgrade(revision: Annotated[str, typer.Argument(help="Target revision.")] = "head") -> None:
    """Create or upgrade the schema to REVISION (default: the newest)."""
    from kb.db import upgrade

    settings = _settings()
    upgrade(settings.database_url, revision)
    console.print(f"database at [bold]{revision}[/bold]: {_safe(settings.database_url)}")


@db_app.command("downgrade")
def db_downgrade(revision: Annotated[str, typer.Argument(help="Target revision, e.g. -1 or base.")]) -> None:
    """Downgrade the schema to REVISION."""
    from kb.db import downgrade

    downgrade(_settings().database_url, revision)


@db_app.command("current")
def db_current() -> None:
    """Print the schema revision of the database."""
    from kb.db import current_revision

    print(current_revision(_settings().database_url) or "none")


def _usable_database(url: str, *, create: bool = False) -> None:
    """Stop with one line when the database lacks kb's schema (``create``: make it if absent)."""
    from kb.db import current_revision, schema_problem, upgrade

    if create and current_revision(url) is None:
        upgrade(url)
        console.print(f"created the kb schema in {_safe(url)}")
        return
    problem = schema_problem(url)
    if problem:
        console.print(f"[red]error:[/red] {_safe(url)}: {problem}")
        raise typer.Exit(2)


def _safe(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


@app.command()
def load(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders.")],
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per transaction.")] = 200,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1,
                                             help="Worker processes that parse and extract "
                                                  "(default: one per core).")] = None,
) -> None:
    """Load articles: parse, extract and store them (idempotent; changed files replace)."""
    from kb.db import create_sync_engine
    from kb.load import iter_files, load_paths

    settings = _settings()
    _usable_database(settings.database_url, create=True)
    engine = create_sync_engine(settings.database_url)
    files = list(iter_files(paths))
    show = not quiet and sys.stderr.isatty()
    with Progress(TextColumn("[bold]loading"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.description}"), console=console, disable=not show) as bar:
        task = bar.add_task("", total=len(files))
        report = load_paths(engine, files, batch_size=batch_size, workers=jobs,
                            on_file=lambda path, status: bar.update(task, advance=1,
                                                                     description=path.name))
    engine.dispose()
    for path, reason in report.failures:
        console.print(f"[red]error[/red] {path}: {reason}")
    for path, earlier in report.duplicates:
        console.print(f"[yellow]skipped[/yellow] {path}: the same article (its link) as {earlier}, "
                      "which was loaded instead")
    if not quiet:
        out = Console()
        count = len(report.duplicates)
        duplicates = f", {count} duplicate{'' if count == 1 else 's'}" if count else ""
        out.print(f"articles: {report.added} added, {report.updated} updated, "
                  f"{report.unchanged} unchanged, {report.failed} failed{duplicates}")
        out.print(f"new entities: {report.new_entities.get('person', 0)} people, "
                  f"{report.new_entities.get('organization', 0)} organizations, "
                  f"{report.new_entities.get('place', 0)} places")
        out.print(f"stored: {report.statements} statements, {report.mentions} mentions")
        turn = (f"; of the writing, waiting for other loaders {report.turn_seconds:.1f} s, "
                f"in the loaders' turn {report.turn_held_seconds:.1f} s"
                if engine.dialect.name == "postgresql" else "")
        out.print(f"time: writing {report.writing_seconds:.1f} s, waiting for parsing and extraction "
                  f"{report.waiting_seconds:.1f} s{turn}")
    if report.failed:
        raise typer.Exit(1)


@utterances_app.command("rebuild")
def utterances_rebuild() -> None:
    """Regroup every statement into utterances (after the matching rules or the window changed)."""
    from kb.db import create_sync_engine
    from kb.utterances import rebuild

    settings = _settings()
    _usable_database(settings.database_url)
    engine = create_sync_engine(settings.database_url)
    try:
        with engine.begin() as connection:
            if connection.dialect.name == "postgresql":  # in the loaders' turn (kb.store)
                from kb.store import LOADER_LOCK

                connection.exec_driver_sql("SELECT pg_advisory_xact_lock(%s)", (LOADER_LOCK,))
            count = rebuild(connection)
            connection.exec_driver_sql("UPDATE data_version SET version = version + 1")
    finally:
        engine.dispose()
    Console().print(f"utterances: {count:,}")


@app.command("eval")
def evaluate_command(
    gold: Annotated[list[Path], typer.Argument(help="Folders of gold JSON files.")],
    articles: Annotated[
        list[Path],
        typer.Option("--articles", help="Folder of the annotated articles: one for all gold folders, "
                                        "or one per gold folder, in the same order."),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    min_f1: Annotated[
        list[str] | None,
        typer.Option("--min-f1", help="Fail below a threshold: CATEGORY=F1 (people, organizations, "
                                      "places, statements) or a bare F1 for all."),
    ] = None,
    details: Annotated[bool, typer.Option(help="List every miss and false hit.")] = True,
) -> None:
    """Score extraction against gold annotations (precision, recall, F1)."""
    from kb.evaluate import CATEGORIES, evaluate, format_details, format_table

    thresholds: dict[str, float] = {}
    for item in min_f1 or []:
        name, _, value = item.rpartition("=")
        try:
            for category in [name] if name else ["people", "organizations", "statements"]:
                if category not in CATEGORIES:
                    raise ValueError(category)
                thresholds[category] = float(value)
        except ValueError:
            console.print(f"[red]bad --min-f1 {item!r}[/red]: use CATEGORY=0.9 with one of {CATEGORIES}")
            raise typer.Exit(2) from None
    if len(articles) not in (1, len(gold)):
        console.print("[red]give one --articles folder, or one per gold folder[/red]")
        raise typer.Exit(2)
    report = evaluate(list(gold), list(articles))
    if as_json:
        print(report.to_json())
    else:
        print(format_table(report))
        if details:
            print(format_details(report))
    failed = [f"{c} F1 {report.total(c).f1:.3f} < {t}" for c, t in thresholds.items()
              if report.total(c).f1 < t]
    for line in failed:
        console.print(f"[red]below threshold:[/red] {line}")
    if failed:
        raise typer.Exit(1)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
) -> None:
    """Serve GraphQL (and GraphiQL in a browser) at http://HOST:PORT/graphql."""
    import uvicorn

    from kb.api.connections import GuardedHttpToolsProtocol

    settings = _settings()
    _usable_database(settings.database_url)
    logging.basicConfig(level=settings.log_level)
    console.print(f"GraphiQL: http://{host}:{port}/graphql")
    console.print(f"Explorer: http://{host}:{port}/explore")
    # kb logs each request itself, in one line with what GraphQL did (kb.api.guards.RequestLog).
    # Slow clients meet time limits on headers and bodies and a cap on connections per address
    # (kb.api.connections).
    uvicorn.run("kb.api.app:create_app", factory=True, host=host, port=port, workers=workers,
                log_level=settings.log_level.lower(), access_log=False, http=GuardedHttpToolsProtocol)


def _key_values(items: list[str] | None, option: str) -> dict[str, str]:
    values = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep or not key:
            console.print(f"[red]bad {option} {item!r}[/red]: use NAME=VALUE")
            raise typer.Exit(2)
        values[key.strip()] = value
    return values


@app.command()
def query(
    document: Annotated[str, typer.Argument(help="The GraphQL query (or @FILE to read it from a file).")],
    var: Annotated[list[str] | None,
                   typer.Option("--var", help="A variable: NAME=VALUE (JSON, or a string).")] = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="json, jsonl, csv or table.")] = "json",
) -> None:
    """Run a GraphQL query here, without a server; jsonl, csv and table print the first list."""
    import asyncio
    import json

    from kb.api.local import execute, rows_of

    if output_format not in ("json", "jsonl", "csv", "table"):
        console.print("[red]--format[/red] must be json, jsonl, csv or table")
        raise typer.Exit(2)
    try:
        text = Path(document[1:]).read_text("utf-8") if document.startswith("@") else document
    except OSError as exc:
        console.print(f"[red]error:[/red] cannot read the query file {document[1:]}: {exc.strerror}")
        raise typer.Exit(2) from None
    variables = {}
    for name, raw in _key_values(var, "--var").items():
        try:
            variables[name] = json.loads(raw)
        except ValueError:
            variables[name] = raw
    settings = _settings()
    _usable_database(settings.database_url)
    result = asyncio.run(execute(settings, text, variables))
    errors = [e.formatted for e in result.errors or []]
    if output_format == "json":
        print(json.dumps({"data": result.data, **({"errors": errors} if errors else {})}, ensure_ascii=False,
                         indent=2))
    else:
        _print_rows(rows_of(result.data), output_format)
    for error in errors:
        console.print(f"[red]error:[/red] {error['message']}")
    if errors:
        raise typer.Exit(1)


def _print_rows(rows: list[dict], output_format: str) -> None:
    import csv
    import json

    if output_format == "jsonl":
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
    elif output_format == "csv":
        columns = list(dict.fromkeys(k for row in rows for k in row))
        from kb.export import csv_row

        writer = csv.DictWriter(sys.stdout, fieldnames=columns)
        writer.writeheader()
        writer.writerows(map(csv_row, rows))
    else:
        from rich.table import Table

        table = Table(*dict.fromkeys(k for row in rows for k in row))
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row.values()))
        Console().print(table)


@app.command()
def export(
    table: Annotated[str, typer.Argument(help="statements, articles, mentions, people, organizations, "
                                              "places, outlets or utterances.")],
    output_format: Annotated[str, typer.Option("--format", "-f", help="jsonl or csv.")] = "jsonl",
    filters: Annotated[list[str] | None, typer.Option(
        "--filter", help="NAME=VALUE, as statements(filter:) names them: speaker, outlet, kind, "
                         "anonymous, publishedAfter, publishedBefore, mentioning, search (outlet, dates, "
                         "mentioning and search for articles; entity and outlet for mentions; speaker and "
                         "dates for utterances); names or global ids.")] = None,
) -> None:
    """Stream a whole table with the API's field names and global ids (constant memory, one
    snapshot)."""
    from kb import export as exporting
    from kb.db import create_sync_engine

    if output_format not in ("jsonl", "csv"):
        console.print("[red]--format[/red] must be jsonl or csv")
        raise typer.Exit(2)
    url = _settings().database_url
    _usable_database(url)
    engine = create_sync_engine(url, write=False)
    raw = _key_values(filters, "--filter")
    try:
        exporting.check(engine, table, raw)
        rows = exporting.rows(engine, table, raw)
        for line in (exporting.jsonl(rows) if output_format == "jsonl" else exporting.csv_lines(rows)):
            sys.stdout.write(line)
    except exporting.ExportError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    except BrokenPipeError:  # `kb export … | head`
        pass
    finally:
        engine.dispose()


@app.command()
def stats(as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False) -> None:
    """Rows per table, and articles and statements per outlet."""
    import json

    from kb.db import create_sync_engine
    from kb.stats import database_stats

    url = _settings().database_url
    _usable_database(url)
    engine = create_sync_engine(url, write=False)
    try:
        found = database_stats(engine)
    finally:
        engine.dispose()
    if as_json:
        print(json.dumps(found, ensure_ascii=False, indent=2))
        return
    from rich.table import Table

    tables = Table("table", "rows", title="kb")
    for name, count in found["tables"].items():
        tables.add_row(name, f"{count:,}")
    outlets = Table("outlet", "articles", "statements", "first", "last", title="per outlet")
    for row in found["outlets"]:
        outlets.add_row(row["outlet"], f"{row['articles']:,}", f"{row['statements']:,}",
                        row["first_day"] or "", row["last_day"] or "")
    out = Console()
    out.print(tables)
    out.print(outlets)


@app.command("export-schema")
def export_schema(
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here, not to stdout.")] = None,
) -> None:
    """Print the GraphQL schema (SDL), the contract committed as schema.graphql."""
    from kb.api.schema import schema_sdl

    sdl = schema_sdl()
    if output is None:
        sys.stdout.write(sdl)
    else:
        output.write_text(sdl, encoding="utf-8")
        console.print(f"wrote {output}")


if __name__ == "__main__":  # pragma: no cover
    app()

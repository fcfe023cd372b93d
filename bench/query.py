"""Query benchmark: latency and throughput of representative GraphQL queries over HTTP, each
beside the hand-written SQL that returns the same data, so GraphQL's overhead is a ratio.

    .venv/bin/python -m bench.query --database-url URL [--concurrency 8] [--duration 10]
        [--warmup 2] [--sql-duration SECONDS] [--queries a,b] [--out bench/results/query-NAME.json]

The database must already hold a corpus (``kb db upgrade`` and ``kb load``). For each query in
``bench/queries/`` (``NAME.graphql``, and ``NAME.sql`` or ``NAME.<sqlite|postgresql>.sql``):

1. GraphQL: ``kb serve --workers 1`` runs as a subprocess on a free loopback port (HTTP caching
   off, log level WARNING). The query is checked once (HTTP 200, no ``errors``, a non-null
   root field), warmed up, then loaded with ``wrk -t2 -cCONCURRENCY -dDURATIONs`` POSTing the
   JSON body; a generated Lua ``done()`` prints the latency percentiles and error counts
   (socket errors, non-2xx answers, 2xx answers carrying GraphQL ``errors``).
2. SQL: the statements of the SQL file, run over one connection per thread from CONCURRENCY
   threads with the plain driver (``sqlite3``; ``psycopg`` in a REPEATABLE READ transaction,
   as the API reads), rows fetched, for the same duration after the same warm-up. Before
   timing, its rows are checked against the GraphQL answer, so both return the same data.

Writes a JSON file (machine, database, settings, and per query ``graphql`` and ``sql``
p50/p95/p99 in ms and requests per second, and ``ratio_p50`` = GraphQL p50 / SQL p50) and
prints a Markdown table. Needs ``wrk`` (``apt-get install -y wrk``).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import platform
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from bench import month, postgraphile
from bench.machine import cpu_model, python_speed_ms, ram_gib
from bench.processes import stop

ROOT = Path(__file__).resolve().parent.parent
QUERIES_DIR = Path(__file__).resolve().parent / "queries"
RESULTS_DIR = Path(__file__).resolve().parent / "results"

# The fixed set, in the order they run and are reported.
QUERY_NAMES = ("stoltenberg", "outlet_date_range", "nested_two_levels", "search", "co_mentions", "timeline")

WRK_INSTALL = "apt-get install -y wrk"
RESULT_MARK = "BENCH_RESULT "


class BenchError(RuntimeError):
    """A failure that stops the benchmark, with a message for the user."""


# --- the database ---------------------------------------------------------------------------


def database_kind(url: str) -> str:
    scheme = url.split(":", 1)[0].split("+", 1)[0].lower()
    if scheme == "sqlite":
        return "sqlite"
    if scheme in ("postgresql", "postgres"):
        return "postgresql"
    raise BenchError(f"unsupported database URL {url!r}: use sqlite:///PATH or postgresql://…")


def sqlite_path(url: str) -> str:
    from sqlalchemy.engine import make_url

    path = make_url(url).database
    if not path or path == ":memory:":
        raise BenchError("the benchmark needs an SQLite file, not an in-memory database")
    if not Path(path).is_file():
        raise BenchError(f"no SQLite database at {path}: create it with `kb db upgrade` and `kb load`")
    return path


def postgresql_conninfo(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def connect(url: str) -> Any:
    """A plain DB-API connection, set up as the API's: autocommit reads on SQLite (WAL),
    REPEATABLE READ transactions on PostgreSQL."""
    if database_kind(url) == "sqlite":
        connection = sqlite3.connect(sqlite_path(url), isolation_level=None, check_same_thread=False,
                                     timeout=30)
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute("PRAGMA busy_timeout=30000")
        return connection
    import psycopg

    connection = psycopg.connect(postgresql_conninfo(url), autocommit=False)
    connection.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
    return connection


def run_statements(connection: Any, statements: list[str], kind: str) -> list[tuple[Any, ...]]:
    """Run the statements in order over one connection; the rows of the last one."""
    rows: list[tuple[Any, ...]] = []
    cursor = connection.cursor()
    try:
        for statement in statements:
            cursor.execute(statement)
            rows = cursor.fetchall() if cursor.description else []
    finally:
        cursor.close()
        if kind == "postgresql":
            connection.rollback()  # end the read transaction, as the API's pool does
    return [tuple(row) for row in rows]


def database_facts(url: str) -> dict[str, Any]:
    kind = database_kind(url)
    try:
        connection = connect(url)
    except Exception as exc:  # sqlite3.Error, psycopg.Error: unreachable or missing database
        raise BenchError(f"cannot connect to {safe_url(url)}: {exc}") from None
    try:
        if kind == "sqlite":
            version = sqlite3.sqlite_version
        else:
            version = run_statements(connection, ["SHOW server_version"], kind)[0][0]
        rows = {}
        for table in ("article", "statement", "person", "organization", "place", "mention"):
            rows[table] = run_statements(connection, [f"SELECT count(*) FROM {table}"], kind)[0][0]
    finally:
        connection.close()
    return {"kind": kind, "version": version, "rows": rows}


# --- the queries ----------------------------------------------------------------------------


def split_statements(sql: str) -> list[str]:
    """Statements of an SQL file: each ends with ``;`` at the end of a line."""
    statements = []
    for chunk in re.split(r";[ \t]*(?:\n|$)", sql):
        code = [line for line in chunk.splitlines() if line.strip() and not line.strip().startswith("--")]
        if code:
            statements.append(chunk.strip())
    return statements


def load_query(name: str, kind: str) -> tuple[str, list[str], Path]:
    """The GraphQL document, the SQL statements and the SQL file of query ``name``."""
    graphql_file = QUERIES_DIR / f"{name}.graphql"
    if not graphql_file.is_file():
        raise BenchError(f"no query file {graphql_file}")
    for candidate in (QUERIES_DIR / f"{name}.{kind}.sql", QUERIES_DIR / f"{name}.sql"):
        if candidate.is_file():
            statements = split_statements(candidate.read_text(encoding="utf-8"))
            if not statements:
                raise BenchError(f"{candidate} has no SQL statement")
            return graphql_file.read_text(encoding="utf-8"), statements, candidate
    raise BenchError(f"no SQL for {name} on {kind}: write {QUERIES_DIR}/{name}.{kind}.sql or {name}.sql")


def month_values(url: str, term: str) -> dict[str, str]:
    """The loaded month's values for ``--month`` (bench/month.py)."""
    connection = connect(url)
    try:
        return month.parameters(lambda sql: run_statements(connection, [sql], database_kind(url)), term)
    except ValueError as exc:
        raise BenchError(str(exc)) from None
    finally:
        connection.close()


def load_month_query(name: str, kind: str, values: dict[str, str]) -> tuple[str, list[str], Path]:
    """``load_query`` of the benchmark query behind month query ``name``, filled with the month's values."""
    document, statements, sql_file = load_query(month.MONTH_QUERIES[name], kind)
    return (month.fill(name, document, values), [month.fill(name, s, values) for s in statements], sql_file)


# Each view turns one answer into the same plain shape, from the GraphQL JSON (``data``) and
# from the SQL rows, so the benchmark can check that both return the same data.


def _instant(value: Any) -> str:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:  # SQLite stores UTC without a zone
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat()


def _day(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)[:10]


def _stoltenberg(data: dict[str, Any]) -> Any:
    person = data["person"]
    statements = person["statements"]
    return [person["name"], statements["totalCount"], [
        [n["text"], n["kind"], n["verb"], n["article"]["title"], _instant(n["article"]["publishedAt"]),
         n["article"]["outlet"]["name"]] for n in statements["nodes"]]]


def _stoltenberg_sql(rows: list[tuple[Any, ...]]) -> Any:
    if not rows:
        return None
    statements = [[text, kind.upper(), verb, title, _instant(at), outlet]
                  for _, _, text, kind, verb, title, at, outlet in rows if text is not None]
    return [rows[0][0], rows[0][1], statements]


def _outlet_date_range(data: dict[str, Any]) -> Any:
    articles = data["outlet"]["articles"]
    return [articles["totalCount"], [[n["title"], _instant(n["publishedAt"])] for n in articles["nodes"]]]


def _outlet_date_range_sql(rows: list[tuple[Any, ...]]) -> Any:
    if not rows:
        return None
    return [rows[0][0], [[title, _instant(at)] for _, title, at in rows if title is not None]]


def _nested(data: dict[str, Any]) -> Any:
    return [[p["name"], [[s["text"], s["article"]["title"], s["article"]["outlet"]["name"]]
                         for s in p["statements"]["nodes"]]] for p in data["people"]["nodes"]]


def _nested_sql(rows: list[tuple[Any, ...]]) -> Any:
    people: list[Any] = []
    last = None
    for person_id, name, text, title, outlet in rows:
        if person_id != last:
            people.append([name, []])
            last = person_id
        if text is not None:
            people[-1][1].append([text, title, outlet])
    return people


def _search(data: dict[str, Any]) -> Any:
    return [[hit["node"]["__typename"], round(hit["score"], 6)] for hit in data["search"]]  # as the API


def _search_sql(rows: list[tuple[Any, ...]]) -> Any:
    return [[typename, round(float(score), 6)] for typename, _, score, _ in rows]


def _co_mentions(data: dict[str, Any]) -> Any:
    return [[c["articleCount"], c["entity"]["__typename"], c["entity"].get("name")]
            for c in data["person"]["coMentioned"]]


def _co_mentions_sql(rows: list[tuple[Any, ...]]) -> Any:
    return [[count, typename, name] for count, typename, name in rows]


def _timeline(data: dict[str, Any]) -> Any:
    return [[p["start"], p["statements"], p["articles"]] for p in data["person"]["timeline"]]


def _timeline_sql(rows: list[tuple[Any, ...]]) -> Any:
    return [[_day(start), statements, articles] for start, statements, articles in rows]


View = Callable[[Any], Any]
VIEWS: dict[str, tuple[View, View]] = {
    "stoltenberg": (_stoltenberg, _stoltenberg_sql),
    "outlet_date_range": (_outlet_date_range, _outlet_date_range_sql),
    "nested_two_levels": (_nested, _nested_sql),
    "search": (_search, _search_sql),
    "co_mentions": (_co_mentions, _co_mentions_sql),
    "timeline": (_timeline, _timeline_sql),
}


def check_same_data(name: str, data: dict[str, Any], rows: list[tuple[Any, ...]]) -> None:
    graphql_view, sql_view = VIEWS[month.MONTH_QUERIES.get(name, name)]
    check_same_rows(name, graphql_view(data), sql_view(rows), "SQL")


def check_same_rows(name: str, expected: Any, got: Any, what: str) -> None:
    """Stop unless ``what`` (the SQL, PostGraphile) returned the rows kb's answer holds."""
    if expected != got:
        raise BenchError(
            f"{name}: the {what} does not return the data of the GraphQL query\n"
            f"  GraphQL: {json.dumps(expected, ensure_ascii=False)[:2000]}\n"
            f"  {what + ':':<8} {json.dumps(got, ensure_ascii=False, default=str)[:2000]}"
        )


# --- the server -----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def kb_executable() -> str:
    beside = Path(sys.executable).parent / "kb"
    if beside.is_file():
        return str(beside)
    found = shutil.which("kb")
    if found is None:
        raise BenchError("cannot find the `kb` command: install the project (pip install -e .)")
    return found


@contextmanager
def api_server(url: str, workers: int = 1, startup_timeout: float = 60.0,
               response_cache: bool = False) -> Iterator[str]:
    """``kb serve`` on a free loopback port; yields its base URL and stops it on exit. The
    answer cache is off unless ``response_cache``: a repeated query would be served from it."""
    port = free_port()
    env = dict(os.environ, KB_DATABASE_URL=url, KB_CACHE_MAX_AGE="0", KB_LOG_LEVEL="WARNING",
               KB_RESPONSE_CACHE_SIZE="1000" if response_cache else "0")
    command = [kb_executable(), "serve", "--host", "127.0.0.1", "--port", str(port),
               "--workers", str(workers)]
    with tempfile.TemporaryFile("w+") as log:
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True)

        def server_log() -> str:
            log.flush()
            log.seek(0)
            return log.read()[-4000:]

        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + startup_timeout
            while True:
                if process.poll() is not None:
                    raise BenchError(f"`{' '.join(command)}` exited with {process.returncode}:\n"
                                     f"{server_log()}")
                try:
                    with urllib.request.urlopen(base + "/healthz", timeout=2) as answer:
                        if answer.status == 200:
                            break
                except (urllib.error.URLError, ConnectionError, TimeoutError):
                    pass
                if time.monotonic() > deadline:
                    raise BenchError(f"the server did not answer GET /healthz with 200 within "
                                     f"{startup_timeout:g} s:\n{server_log()}")
                time.sleep(0.2)
            yield base
        finally:
            stop(process)


def graphql_body(document: str) -> str:
    return json.dumps({"query": document})  # ASCII only: Chinese is \u-escaped


def check_graphql(base: str, name: str, body: str) -> tuple[dict[str, Any], int]:
    """POST the query once: it must answer 200 with data and no errors. Its data and size."""
    request = urllib.request.Request(base + "/graphql", data=body.encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            status, raw = answer.status, answer.read()
    except urllib.error.HTTPError as exc:
        status, raw = exc.code, exc.read()
    text = raw.decode("utf-8", "replace")
    if status != 200:
        raise BenchError(f"{name}: the server answered HTTP {status}: {text[:2000]}")
    answer_json = json.loads(text)
    if answer_json.get("errors"):
        raise BenchError(f"{name}: the query answered with errors: "
                         f"{json.dumps(answer_json['errors'], ensure_ascii=False)[:2000]}")
    data = answer_json.get("data") or {}
    empty = [field for field, value in data.items() if value is None]
    if not data or empty:
        raise BenchError(f"{name}: {', '.join(empty) or 'data'} is null on this database, so the "
                         f"benchmark would measure nothing; load a corpus that has it")
    return data, len(raw)


# --- wrk ------------------------------------------------------------------------------------


def wrk_executable() -> str:
    found = shutil.which("wrk")
    if found is None:
        raise BenchError(f"wrk is not installed; install it with `{WRK_INSTALL}`")
    return found


def wrk_version(wrk: str) -> str:
    result = subprocess.run([wrk, "-v"], capture_output=True, text=True, check=False)
    first = (result.stdout or result.stderr).strip().splitlines()
    return first[0] if first else "unknown"


LUA_TEMPLATE = """-- Generated by bench/query.py for the query {name}.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [==[{body}]==]

local threads = {{}}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
  graphql_errors = 0
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  elseif string.find(body, '"errors"', 1, true) then
    graphql_errors = graphql_errors + 1
  end
end

function done(summary, latency, requests)
  local bad_status, bad_answers = 0, 0
  for _, thread in ipairs(threads) do
    bad_status = bad_status + thread:get("non2xx")
    bad_answers = bad_answers + thread:get("graphql_errors")
  end
  local e = summary.errors
  local socket_errors = e.connect + e.read + e.write + e.timeout
  io.write(string.format(
    '{mark}{{"p50_us":%.1f,"p90_us":%.1f,"p95_us":%.1f,"p99_us":%.1f,"mean_us":%.1f,"max_us":%.1f,' ..
    '"requests":%d,"errors":%d,"socket_errors":%d,"non2xx":%d,"graphql_errors":%d,' ..
    '"bytes":%d,"duration_us":%d}}\\n',
    latency:percentile(50), latency:percentile(90), latency:percentile(95), latency:percentile(99),
    latency.mean, latency.max, summary.requests, socket_errors + bad_status + bad_answers,
    socket_errors, bad_status, bad_answers, summary.bytes, summary.duration))
end
"""


def lua_script(name: str, body: str) -> str:
    if "]==]" in body:
        raise BenchError(f"{name}: the request body cannot be embedded in Lua")
    return LUA_TEMPLATE.format(name=name, body=body, mark=RESULT_MARK)


def run_wrk(wrk: str, script: Path, url: str, concurrency: int, seconds: float) -> dict[str, Any]:
    threads = max(1, min(2, concurrency))
    command = [wrk, f"-t{threads}", f"-c{concurrency}", f"-d{max(1, round(seconds))}s", "--timeout", "60s",
               "-s", str(script), url]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    for line in result.stdout.splitlines():
        if line.startswith(RESULT_MARK):
            return json.loads(line[len(RESULT_MARK):])
    raise BenchError(f"`{' '.join(command)}` failed (exit {result.returncode}):\n"
                     f"{result.stdout[-2000:]}{result.stderr[-2000:]}")


def graphql_stats(raw: dict[str, Any]) -> dict[str, Any]:
    seconds = raw["duration_us"] / 1e6
    return {
        "p50_ms": round(raw["p50_us"] / 1000, 3),
        "p90_ms": round(raw["p90_us"] / 1000, 3),
        "p95_ms": round(raw["p95_us"] / 1000, 3),
        "p99_ms": round(raw["p99_us"] / 1000, 3),
        "mean_ms": round(raw["mean_us"] / 1000, 3),
        "max_ms": round(raw["max_us"] / 1000, 3),
        "rps": round(raw["requests"] / seconds, 1) if seconds else 0.0,
        "requests": raw["requests"],
        "errors": raw["errors"],
        "socket_errors": raw["socket_errors"],
        "non2xx": raw["non2xx"],
        "graphql_errors": raw["graphql_errors"],
        "duration_s": round(seconds, 3),
    }


# --- SQL ------------------------------------------------------------------------------------


def percentile(ordered: list[float], p: float) -> float:
    """Nearest-rank percentile of a sorted list."""
    if not ordered:
        return math.nan
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def run_sql(
    url: str, statements: list[str], concurrency: int, warmup: float, seconds: float
) -> dict[str, Any]:
    """The statements in a loop from ``concurrency`` threads, one connection each: a warm-up,
    then ``seconds`` of timed runs (each: execute, fetch all rows, end the transaction)."""
    kind = database_kind(url)
    connections = [connect(url) for _ in range(concurrency)]
    latencies: list[list[int]] = [[] for _ in range(concurrency)]
    failures: list[BaseException] = []
    ready = threading.Barrier(concurrency + 1)  # every thread connected
    warm = threading.Barrier(concurrency + 1)  # every thread warmed up: timing starts
    stop = threading.Event()

    def work(index: int) -> None:
        connection, own = connections[index], latencies[index]
        try:
            ready.wait()
            warm_until = time.perf_counter() + warmup
            while time.perf_counter() < warm_until:
                run_statements(connection, statements, kind)
            warm.wait()
            while not stop.is_set():
                began = time.perf_counter_ns()
                run_statements(connection, statements, kind)
                own.append(time.perf_counter_ns() - began)
        except threading.BrokenBarrierError:
            pass  # another thread failed
        except BaseException as exc:  # reported after the run
            failures.append(exc)
            ready.abort()
            warm.abort()

    workers = [threading.Thread(target=work, args=(i,), daemon=True) for i in range(concurrency)]
    try:
        for worker in workers:
            worker.start()
        try:
            ready.wait()
            warm.wait()
        except threading.BrokenBarrierError:
            pass
        began = time.perf_counter()
        while time.perf_counter() - began < seconds and not failures:
            time.sleep(0.02)
        stop.set()
        for worker in workers:
            worker.join()
        elapsed = time.perf_counter() - began
    finally:
        stop.set()
        for connection in connections:
            connection.close()
    if failures:
        raise BenchError(f"the SQL failed: {failures[0]!r}")
    ordered = sorted(ns / 1e6 for own in latencies for ns in own)
    return {
        "p50_ms": round(percentile(ordered, 50), 3),
        "p90_ms": round(percentile(ordered, 90), 3),
        "p95_ms": round(percentile(ordered, 95), 3),
        "p99_ms": round(percentile(ordered, 99), 3),
        "mean_ms": round(sum(ordered) / len(ordered), 3) if ordered else math.nan,
        "max_ms": round(ordered[-1], 3) if ordered else math.nan,
        "rps": round(len(ordered) / elapsed, 1),
        "requests": len(ordered),
        "duration_s": round(elapsed, 3),
    }


# --- the machine ----------------------------------------------------------------------------


def git(*args: str) -> str | None:
    # Read-only: --no-optional-locks keeps `status` from refreshing the index.
    result = subprocess.run(["git", "--no-optional-locks", "-C", str(ROOT), *args],
                            capture_output=True, text=True, check=False)
    return result.stdout.strip() if result.returncode == 0 else None


def machine(url: str) -> dict[str, Any]:
    facts = database_facts(url)
    status = git("status", "--porcelain", "--untracked-files=no")
    return {
        "cpu_model": cpu_model(),
        "cores": os.cpu_count(),
        "cores_available": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "ram_gib": ram_gib(),
        "python_speed_ms": python_speed_ms(),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "database": facts["kind"],
        "database_version": facts["version"],
        "rows": facts["rows"],
        "git_commit": git("rev-parse", "HEAD"),
        "git_dirty": None if status is None else bool(status),
    }


# --- the run --------------------------------------------------------------------------------


def markdown_table(report: dict[str, Any]) -> str:
    m = report["machine"]
    lines = [
        f"Query benchmark on {m['database']} {m['database_version']} "
        f"({m['rows']['article']} articles, {m['rows']['statement']} statements, "
        f"{m['rows']['person']} people); concurrency {report['settings']['concurrency']}, "
        f"{report['settings']['duration_s']:g} s per query; {m['cpu_model']}, {m['cores']} cores; "
        f"answer cache {'on' if report['settings'].get('response_cache') else 'off'}.",
        "",
        "| query | GraphQL p50 ms | p95 ms | p99 ms | req/s | errors | SQL p50 ms | p95 ms | p99 ms "
        "| req/s | GraphQL/SQL p50 |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, result in report["queries"].items():
        g, s = result["graphql"], result["sql"]
        lines.append(
            f"| {name} | {g['p50_ms']:.2f} | {g['p95_ms']:.2f} | {g['p99_ms']:.2f} | {g['rps']:.0f} "
            f"| {g['errors']} | {s['p50_ms']:.3f} | {s['p95_ms']:.3f} | {s['p99_ms']:.3f} | {s['rps']:.0f} "
            f"| {result['ratio_p50']:.1f}× |"
        )
    rivals = {n: r for n, r in report["queries"].items() if "postgraphile" in r}
    if rivals:
        lines += ["", f"Side by side with PostGraphile {report['settings'].get('postgraphile', '')} "
                      "(same database, same rows, same load):", "",
                  "| query | kb req/s | kb p50 ms | PostGraphile req/s | PostGraphile p50 ms "
                  "| hand SQL req/s | kb ÷ PostGraphile |",
                  "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for name, result in rivals.items():
            g, r, s = result["graphql"], result["postgraphile"], result["sql"]
            lines.append(f"| {name} | {g['rps']:.0f} | {g['p50_ms']:.2f} | {r['rps']:.0f} "
                         f"| {r['p50_ms']:.2f} | {s['rps']:.0f} | {result['ratio_rps_postgraphile']:.2f} |")
    ones = {n: r["one_client"] for n, r in report["queries"].items() if "one_client" in r}
    if ones:
        lines += ["", "One client at a time (p50 ms):", "", "| query | kb | PostGraphile | hand SQL |",
                  "| --- | ---: | ---: | ---: |"]
        for name, one in ones.items():
            rival = f"{one['postgraphile']['p50_ms']:.2f}" if "postgraphile" in one else "–"
            lines.append(f"| {name} | {one['graphql']['p50_ms']:.2f} | {rival} "
                         f"| {one['sql']['p50_ms']:.3f} |")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> dict[str, Any]:
    url = args.database_url
    kind = database_kind(url)
    wrk = wrk_executable()
    known = tuple(month.MONTH_QUERIES) if args.month else QUERY_NAMES
    names = [n.strip() for n in args.queries.split(",") if n.strip()] if args.queries else list(known)
    unknown = [n for n in names if n not in known]
    if unknown:
        raise BenchError(f"unknown queries {', '.join(unknown)}; known: {', '.join(known)}")
    values = month_values(url, args.term) if args.month else None
    queries = {name: load_month_query(name, kind, values) if values else load_query(name, kind)
               for name in names}
    if kind == "sqlite":
        sqlite_path(url)
    sql_seconds = args.sql_duration if args.sql_duration is not None else args.duration
    report: dict[str, Any] = {
        "benchmark": "query",
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "database_url": safe_url(url),
        "machine": machine(url),
        "settings": {
            "concurrency": args.concurrency,
            "duration_s": args.duration,
            "warmup_s": args.warmup,
            "sql_duration_s": sql_seconds,
            "wrk": wrk_version(wrk),
            "wrk_threads": max(1, min(2, args.concurrency)),
            "workers": args.workers,
            "server": f"kb serve --workers {args.workers} (KB_CACHE_MAX_AGE=0, KB_LOG_LEVEL=WARNING, "
                      f"KB_RESPONSE_CACHE_SIZE={1000 if args.response_cache else 0})",
            "response_cache": args.response_cache,
            "server_pythonpath": os.environ.get("PYTHONPATH"),
            "sql_driver": "sqlite3 (autocommit)" if kind == "sqlite"
            else "psycopg (REPEATABLE READ, rollback after each run)",
        },
        "queries": {},
    }
    if values:
        report["month"] = values
    with contextlib.ExitStack() as stack:
        scratch = stack.enter_context(tempfile.TemporaryDirectory(prefix="kb-bench-query-"))
        base = stack.enter_context(api_server(url, args.workers, response_cache=args.response_cache))
        rival = None
        if args.postgraphile:
            if kind != "postgresql":
                raise BenchError("--postgraphile needs a PostgreSQL database")
            try:
                rival = stack.enter_context(postgraphile.server(postgresql_conninfo(url), free_port()))
            except postgraphile.PostGraphileError as exc:
                raise BenchError(str(exc)) from None
            report["settings"]["postgraphile"] = postgraphile.version()
        for name, (document, statements, sql_file) in queries.items():
            print(f"{name}: GraphQL …", file=sys.stderr, flush=True)
            body = graphql_body(document)
            data, size = check_graphql(base, name, body)
            script = Path(scratch) / f"{name}.lua"
            script.write_text(lua_script(name, body), encoding="utf-8")
            if args.warmup > 0:
                run_wrk(wrk, script, base + "/graphql", args.concurrency, args.warmup)
            graphql = graphql_stats(run_wrk(wrk, script, base + "/graphql", args.concurrency, args.duration))
            one_client: dict[str, Any] = {}
            if args.one_client:
                one_client["graphql"] = graphql_stats(run_wrk(wrk, script, base + "/graphql", 1,
                                                              args.one_client))
            rival_result = None
            rival_document = postgraphile.query(name) if rival and not values else None
            if rival and rival_document:
                print(f"{name}: PostGraphile …", file=sys.stderr, flush=True)
                rival_body = graphql_body(rival_document)
                rival_data, rival_size = check_graphql(rival.removesuffix("/graphql"), name, rival_body)
                check_same_rows(name, VIEWS[name][0](data), postgraphile.VIEWS[name](rival_data),
                                "PostGraphile")
                rival_script = Path(scratch) / f"{name}.postgraphile.lua"
                rival_script.write_text(lua_script(name, rival_body), encoding="utf-8")
                if args.warmup > 0:
                    run_wrk(wrk, rival_script, rival, args.concurrency, args.warmup)
                rival_result = graphql_stats(run_wrk(wrk, rival_script, rival, args.concurrency,
                                                     args.duration))
                rival_result["response_bytes"] = rival_size
                if args.one_client:
                    one_client["postgraphile"] = graphql_stats(run_wrk(wrk, rival_script, rival, 1,
                                                                       args.one_client))
            print(f"{name}: SQL …", file=sys.stderr, flush=True)
            connection = connect(url)
            try:
                rows = run_statements(connection, statements, kind)
            finally:
                connection.close()
            check_same_data(name, data, rows)
            sql = run_sql(url, statements, args.concurrency, args.warmup, sql_seconds)
            if args.one_client:
                one_client["sql"] = run_sql(url, statements, 1, 0.5, args.one_client)
            report["queries"][name] = {
                "graphql": graphql,
                "sql": sql,
                "ratio_p50": round(graphql["p50_ms"] / sql["p50_ms"], 2) if sql["p50_ms"] else None,
                "response_bytes": size,
                "sql_rows": len(rows),
                "sql_statements": len(statements),
                "sql_file": str(sql_file.relative_to(ROOT)),
            }
            if rival_result is not None:
                report["queries"][name]["postgraphile"] = rival_result
                report["queries"][name]["ratio_rps_postgraphile"] = (
                    round(graphql["rps"] / rival_result["rps"], 3) if rival_result["rps"] else None)
            if one_client:
                report["queries"][name]["one_client"] = one_client
            if graphql["errors"]:
                print(f"{name}: warning: {graphql['errors']} failed requests under load", file=sys.stderr)
    return report


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.query", description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", required=True, help="sqlite:///PATH or postgresql://USER@HOST/DB")
    parser.add_argument("--concurrency", type=int, default=8, help="wrk connections and SQL threads (8)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="server worker processes (default: one per core)")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds of load per query (10)")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds of warm-up per query (2)")
    parser.add_argument("--sql-duration", type=float, default=None,
                        help="seconds of SQL runs per query (default: --duration)")
    parser.add_argument("--queries", default=None, help=f"comma-separated subset of {','.join(QUERY_NAMES)}")
    parser.add_argument("--response-cache", action="store_true",
                        help="serve with the answer cache on (off by default: each request runs the query)")
    parser.add_argument("--postgraphile", action="store_true",
                        help="PostgreSQL only: also serve the database with PostGraphile 5 (Node, installed "
                             "by npm into bench/postgraphile on first use), check it returns the same rows "
                             "and time it the same way (queries with a bench/postgraphile/queries file)")
    parser.add_argument("--month", action="store_true",
                        help="ask what a loaded month of real news holds (bench/month.py): the most quoted "
                             "person's page, the top outlet's last week, a search, co-mentions")
    parser.add_argument("--term", default="北约", help="--month: the search term (two characters; 北约)")
    parser.add_argument("--one-client", type=float, default=0.0, metavar="SECONDS",
                        help="also time each query from one client at a time for SECONDS (0: off)")
    parser.add_argument("--out", type=Path, default=None,
                        help="JSON result file (default: bench/results/query-<database kind>.json)")
    args = parser.parse_args(argv)
    if args.concurrency < 1 or args.duration < 1 or args.warmup < 0:
        parser.error("--concurrency and --duration must be at least 1, --warmup at least 0")
    if args.sql_duration is not None and args.sql_duration <= 0:
        parser.error("--sql-duration must be positive")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        report = run(args)
    except BenchError as exc:
        print(f"bench.query: {exc}", file=sys.stderr)
        return 1
    out = args.out or RESULTS_DIR / f"query-{report['machine']['database']}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(markdown_table(report))
    print(f"\nwritten: {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

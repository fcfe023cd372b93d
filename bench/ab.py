"""Interleaved A/B of kb versions: which is faster, on a machine whose load moves under you.

    .venv/bin/python -m bench.ab --database-url URL --variant before=/path/to/old/checkout \\
        --variant after=/path/to/new/checkout [--rounds 6] [--seconds 2] [--out FILE]

Each variant is a folder holding a ``kb`` package (a git worktree of another commit, say),
served by ``kb serve --workers 1`` with that folder first on ``PYTHONPATH``. All variants
run at once; every round drives each benchmark query against each variant in turn with
``wrk`` (8 connections, then one), alternating the order from round to round, so a change
in the machine's load falls on every variant alike. The medians of the rounds are printed;
a JSON file keeps every run. The variants must answer each query with the same JSON.

Short interleaved runs compare versions; ``bench.query`` measures one version in full
(percentiles, the hand SQL, PostGraphile).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from bench.processes import stop
from bench.query import (
    QUERIES_DIR,
    RESULT_MARK,
    BenchError,
    free_port,
    graphql_body,
    kb_executable,
    lua_script,
    wrk_executable,
)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_QUERIES = ("stoltenberg", "outlet_date_range", "nested_two_levels")


def serve(url: str, path: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = dict(os.environ, KB_DATABASE_URL=url, KB_CACHE_MAX_AGE="0", KB_LOG_LEVEL="WARNING",
               KB_RESPONSE_CACHE_SIZE="0", KB_MIGRATIONS_DIR=str(ROOT / "migrations"), PYTHONPATH=path)
    process = subprocess.Popen([kb_executable(), "serve", "--host", "127.0.0.1", "--port", str(port),
                                "--workers", "1"], env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=1):
                return process, base + "/graphql"
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if process.poll() is not None:
                break
            time.sleep(0.2)
    process.terminate()
    raise BenchError(f"kb serve with PYTHONPATH={path} did not start")


def answer(url: str, body: str) -> str:
    request = urllib.request.Request(url, data=body.encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.dumps(json.loads(response.read()), sort_keys=True)


def drive(wrk: str, script: Path, url: str, connections: int, seconds: float) -> tuple[float, float]:
    """Requests per second and p50 (ms) of one wrk run."""
    command = [wrk, f"-t{min(2, connections)}", f"-c{connections}", f"-d{max(1, round(seconds))}s",
               "-s", str(script), url]
    output = subprocess.run(command, capture_output=True, text=True, check=False).stdout
    for line in output.splitlines():
        if line.startswith(RESULT_MARK):
            result = json.loads(line[len(RESULT_MARK):])
            if result["errors"]:
                raise BenchError(f"{url}: {result['errors']} failed requests")
            return result["requests"] / (result["duration_us"] / 1e6), result["p50_us"] / 1000
    raise BenchError(f"`{' '.join(command)}` failed:\n{output[-2000:]}")


def run(args: argparse.Namespace) -> dict[str, Any]:
    wrk = wrk_executable()
    variants = dict(v.split("=", 1) for v in args.variant)
    queries = {name: (QUERIES_DIR / f"{name}.graphql").read_text("utf-8") for name in args.queries.split(",")}
    servers: dict[str, tuple[subprocess.Popen[bytes], str]] = {}
    runs: dict[str, dict[str, list[tuple[float, float]]]] = {q: {v: [] for v in variants} for q in queries}
    try:
        for name, path in variants.items():
            servers[name] = serve(args.database_url, path)
        with tempfile.TemporaryDirectory(prefix="kb-bench-ab-") as scratch:
            scripts = {}
            for query, document in queries.items():
                body = graphql_body(document)
                if len({answer(url, body) for _, url in servers.values()}) != 1:
                    raise BenchError(f"{query}: the variants answer differently")
                scripts[query] = Path(scratch) / f"{query}.lua"
                scripts[query].write_text(lua_script(query, body), encoding="utf-8")
                for _, url in servers.values():  # warm-up
                    drive(wrk, scripts[query], url, 8, 1)
            for number in range(args.rounds):
                order = list(servers.items()) if number % 2 == 0 else list(reversed(servers.items()))
                for query in queries:
                    for name, (_, url) in order:
                        rps, _ = drive(wrk, scripts[query], url, 8, args.seconds)
                        _, p50 = drive(wrk, scripts[query], url, 1, args.seconds)
                        runs[query][name].append((round(rps, 1), round(p50, 3)))
    finally:
        for process, _ in servers.values():
            stop(process)
    medians = {q: {v: {"rps": round(statistics.median(r[0] for r in rs), 1),
                       "one_client_p50_ms": round(statistics.median(r[1] for r in rs), 2)}
                   for v, rs in by_variant.items()} for q, by_variant in runs.items()}
    return {"benchmark": "ab", "database_url": args.database_url, "variants": variants, "rounds": args.rounds,
            "seconds": args.seconds, "load_average": os.getloadavg(), "medians": medians, "runs": runs}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.ab", description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--variant", action="append", required=True, metavar="NAME=PATH",
                        help="a folder holding a kb package (repeat: two or more)")
    parser.add_argument("--queries", default=",".join(DEFAULT_QUERIES))
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--seconds", type=float, default=2.0, help="per wrk run (default 2)")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    if len(args.variant) < 2 or any("=" not in v for v in args.variant):
        parser.error("give two or more --variant NAME=PATH")
    try:
        report = run(args)
    except BenchError as exc:
        print(f"bench.ab: {exc}", file=sys.stderr)
        return 1
    for query, by_variant in report["medians"].items():
        print(query, " | ".join(f"{v}: {m['rps']:.0f} req/s, one client p50 {m['one_client_p50_ms']:.2f} ms"
                                for v, m in by_variant.items()))
    if args.out:
        args.out.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

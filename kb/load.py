"""The load pipeline: files → parse → extract → store.

Parsing, extraction, search terms and the rows to store are computed in worker processes
(they are CPU-bound and independent per file); one writer stores them in file order, a
batch of ``batch_size`` articles per transaction, each table's rows of a batch in one bulk
statement. If a batch fails, its articles are stored one transaction each, so a bad file is
reported with its path and reason and the others load. An article is stored whole or not
at all, and memory stays flat because only a bounded number of files are in flight.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from kb.catalog import Catalog, default_catalog
from kb.db import reset_wal_if_large
from kb.extract import Extraction, extract_all
from kb.extract.entities import matcher_for
from kb.parse import ParsedArticle, ParseError, parse_file
from kb.store import (
    ADDED,
    UNCHANGED,
    UPDATED,
    ArticleRows,
    Store,
    StoredVersion,
    rows_for,
    stored_versions,
)

log = logging.getLogger(__name__)

FAILED = "failed"
# A file holding an article an earlier file of the same load already gave (one link, two
# files: an updated copy saved beside the first). The first file wins, every load alike.
DUPLICATE = "duplicate"
# Below this many files a pool costs more than it saves.
PARALLEL_THRESHOLD = 64
# Files a worker takes at a time: the tagger reads their sentences in shared batches, which
# cost less a character the fuller they are (16 files: 1.15 network calls an article, not 1.6).
FILES_PER_TASK = 16


@dataclass
class LoadReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (file, the earlier file)
    new_entities: dict[str, int] = field(default_factory=dict)
    statements: int = 0
    mentions: int = 0
    # Where a load's time goes: the single writer storing batches, and the writer waiting
    # for the workers' parsed and extracted files (seconds of wall time each).
    writing_seconds: float = 0.0
    waiting_seconds: float = 0.0
    # PostgreSQL: of the writing, the seconds spent waiting for other loaders' turn
    # (kb.store.LOADER_LOCK).
    turn_seconds: float = 0.0
    turn_held_seconds: float = 0.0  # and holding it

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def files(self) -> int:
        return self.added + self.updated + self.unchanged + self.failed + len(self.duplicates)


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and files under folders named (sorted, hidden ones skipped).

    Symbolic links to folders are not followed, so a link loop cannot trap the walk. A folder
    that cannot be listed (gone, or unreadable) is yielded too, so that reading it reports why.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            unlisted: list[OSError] = []
            for root, dirs, files in os.walk(path, onerror=unlisted.append):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name
            yield from (Path(error.filename) for error in unlisted if error.filename)
        else:
            yield path


# --- preparing (in worker processes) ----------------------------------------------------------

# (path, status, detail): status "ok" with the article's ArticleRows, UNCHANGED with its
# identity, or FAILED with a reason.
Prepared = tuple[str, str, Any]

_worker: dict[str, Any] = {}


def _init_worker(database_url: str | None, dialect: str, catalog: Catalog | None,
                 parent: int | None = None) -> None:
    """A worker's state. ``catalog`` None is the default one, which the worker builds itself:
    sending it costs each spawn the pickled half megabyte, one worker after the other."""
    from kb.db import create_sync_engine

    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()

    catalog = catalog or default_catalog()
    _worker["engine"] = create_sync_engine(database_url, write=False) if database_url else None
    _worker["dialect"] = dialect
    _worker["catalog"] = catalog
    matcher_for(catalog)  # build the matcher now, not inside the first file


def _exit_with(parent: int) -> None:
    """Stop this worker when the loader that started it is gone (killed, even with SIGKILL,
    it cannot stop its workers; they would go on parsing for nobody)."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _prepare_many(paths: list[str]) -> list[Prepared]:
    """Parse the files, then extract those not already stored as they are (one lookup)."""
    parsed: list[tuple[str, ParsedArticle | None, str | None]] = [_parse(path) for path in paths]
    current: dict[str, StoredVersion] = {}
    engine = _worker.get("engine")
    identities = [article.identity for _, article, _ in parsed if article is not None]
    if engine is not None and identities:
        with engine.connect() as connection:
            current = stored_versions(connection, identities)
    prepared: list[Prepared | None] = []
    to_extract: list[tuple[int, str, ParsedArticle]] = []
    for path, article, reason in parsed:
        stored = current.get(article.identity) if article is not None else None
        if article is None:
            prepared.append((path, FAILED, reason))
        elif stored is not None and stored.matches(article.content_hash):
            prepared.append((path, UNCHANGED, article.identity))
        else:
            to_extract.append((len(prepared), path, article))
            prepared.append(None)
    # One call for the files together: the tagger reads their sentences in shared batches.
    extractions = extract_all([article for _, _, article in to_extract], _worker["catalog"])
    for (index, path, article), extraction in zip(to_extract, extractions, strict=True):
        prepared[index] = _rows(path, article, extraction)
    return [p for p in prepared if p is not None]


def _parse(path: str) -> tuple[str, ParsedArticle | None, str | None]:
    if not os.path.exists(path):
        return path, None, "no such file or folder"
    try:
        return path, parse_file(path), None
    except ParseError as exc:
        return path, None, exc.reason


def _rows(path: str, parsed: ParsedArticle, extraction: Extraction | Exception) -> Prepared:
    """The rows of an extracted file, or why it failed: a bug must not stop the load."""
    try:
        if isinstance(extraction, Exception):
            raise extraction
        rows = rows_for(parsed, extraction, _worker["dialect"])
    except Exception as exc:
        log.exception("extraction failed for %s", path)
        return path, FAILED, f"extraction error: {exc.__class__.__name__}: {exc}"
    return path, "ok", rows


def _prepared(files: Iterator[Path], workers: int, database_url: str | None, dialect: str,
              catalog: Catalog | None, ahead: int) -> Iterator[Prepared]:
    """Prepared files, in order; in a process pool when there are enough of them, with up
    to ``ahead`` files submitted beyond the one being consumed."""
    head = list(islice(files, PARALLEL_THRESHOLD))
    if workers <= 1 or len(head) < PARALLEL_THRESHOLD:
        _init_worker(None, dialect, catalog)
        rest = (str(p) for p in [*head, *files])
        while chunk := list(islice(rest, FILES_PER_TASK)):
            yield from _prepare_many(chunk)
        return
    # Fresh interpreters, not forks: a fork would inherit the writer's open database handle.
    context = multiprocessing.get_context("spawn")
    remaining = (str(p) for p in [*head, *files])
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                             initargs=(database_url, dialect, catalog, os.getpid())) as pool:
        in_flight: deque[Future[list[Prepared]]] = deque()

        def submit() -> bool:
            chunk = list(islice(remaining, FILES_PER_TASK))
            if chunk:
                in_flight.append(pool.submit(_prepare_many, chunk))
            return bool(chunk)

        # The writer takes a batch at a time and then writes it: the workers must have more
        # than a batch of files to go on with meanwhile, or they stand idle.
        while len(in_flight) < max(workers * 4, ahead // FILES_PER_TASK) and submit():
            pass
        while in_flight:
            results = in_flight.popleft().result()
            submit()
            yield from results


# --- storing (in this process) ----------------------------------------------------------------


def load_paths(
    engine: Engine,
    paths: Iterable[str | Path],
    *,
    catalog: Catalog | None = None,
    on_file: Callable[[Path, str], None] | None = None,
    workers: int | None = None,
    batch_size: int = 200,
) -> LoadReport:
    """Load every article under ``paths``. ``on_file(path, status)`` follows progress."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    report = LoadReport()
    # Workers read the database to skip current articles; an in-memory one they cannot see.
    url = None if engine.url.database in (None, "", ":memory:") else engine.url.render_as_string(
        hide_password=False)
    prepared = _prepared(iter_files(paths), workers, url, engine.dialect.name, catalog, 2 * batch_size)
    with engine.connect() as connection:
        store = Store(connection)
        batch: list[tuple[str, str, Any]] = []
        first_file: dict[str, str] = {}  # identity → the file of this load that gave it
        waited = time.perf_counter()
        for item in prepared:
            report.waiting_seconds += time.perf_counter() - waited
            batch.append(_first_of_identity(item, first_file))
            if len(batch) >= batch_size:
                started = time.perf_counter()
                _write_batch(connection, store, batch, report, on_file)
                batch = []
                _keep_wal_small(connection)
                report.writing_seconds += time.perf_counter() - started
            waited = time.perf_counter()
        started = time.perf_counter()
        _write_batch(connection, store, batch, report, on_file)
        _keep_wal_small(connection)
        _refresh_statistics(connection, report)
        report.writing_seconds += time.perf_counter() - started
        report.turn_seconds, report.turn_held_seconds = store.turn_seconds, store.turn_held_seconds
    return report


def _first_of_identity(item: Prepared, first_file: dict[str, str]) -> Prepared:
    """``item``, or a duplicate when an earlier file of this load gave the same article."""
    path, status, detail = item
    identity = detail.identity if status == "ok" else detail if status == UNCHANGED else None
    if identity is None:
        return item
    earlier = first_file.setdefault(identity, path)
    return item if earlier == path else (path, DUPLICATE, earlier)


def _keep_wal_small(connection: Connection) -> None:
    """SQLite: reset the write-ahead log when it has grown large (kb.db.reset_wal_if_large)."""
    if reset_wal_if_large(connection) is False:
        log.info("the WAL could not be reset: readers kept it busy; trying again after the next batch")


def _refresh_statistics(connection: Connection, report: LoadReport) -> None:
    """ANALYZE after a load that changed much of the database (PostgreSQL). Its planner
    chooses indexes by table statistics; after a bulk load they are missing or stale until
    autovacuum gets to them — never, where autovacuum is off — and plans go wrong by orders of
    magnitude. SQLite's planner is left without statistics on purpose (tests/test_query_plans.py)."""
    written = report.added + report.updated
    if connection.dialect.name != "postgresql" or not written:
        return
    total = connection.exec_driver_sql("SELECT count(*) FROM article").scalar_one()
    connection.rollback()
    if written * 10 >= total or written >= 1000:
        with connection.begin():
            connection.exec_driver_sql("ANALYZE")


def _write_batch(connection: Connection, store: Store, batch: list[Prepared], report: LoadReport,
                 on_file: Callable[[Path, str], None] | None) -> None:
    """Store a batch of prepared files in one transaction. If that fails, store them one
    transaction each, so only the article at fault fails (with its reason)."""
    ready = [(path, rows) for path, status, rows in batch if status == "ok"]
    outcomes: dict[str, tuple[str, Any]] = {path: (status, detail) for path, status, detail in batch
                                            if status != "ok"}
    if ready:
        try:
            results = _write_retrying(connection, store, [rows for _, rows in ready])
        except Exception:
            log.info("a batch of %d files failed; storing them one by one", len(ready), exc_info=True)
            store.forget()
            for path, rows in ready:
                outcomes[path] = _write_one(connection, store, path, rows)
        else:
            for (path, _), result in zip(ready, results, strict=True):
                outcomes[path] = ("stored", result)
    for path, _, _ in batch:
        status, detail = outcomes[path]
        _count(report, path, status, detail)
        if on_file:
            on_file(Path(path), detail.status if status == "stored" else status)


# PostgreSQL errors that another loader writing at the same moment can cause, which writing the
# batch again resolves: a deadlock or serialization failure (PostgreSQL aborts one side), and
# a row that vanished or appeared under it (an entity dropped as an orphan by a loader replacing
# articles, a key created meanwhile).
RETRIED_SQLSTATES = frozenset({"40P01", "40001", "23503", "23505"})
ATTEMPTS = 3


def _write_retrying(connection: Connection, store: Store, batch: list[ArticleRows]) -> list[Any]:
    """``store.write(batch)`` in one transaction, tried again (from scratch) after an error
    that a concurrent loader can cause; other errors are raised at once."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            with connection.begin():
                return store.write(batch)
        except Exception as exc:
            # (bulk rows go through the driver's own cursor: its errors arrive unwrapped)
            state = getattr(exc, "sqlstate", None) or getattr(getattr(exc, "orig", None), "sqlstate", None)
            if attempt == ATTEMPTS or state not in RETRIED_SQLSTATES:
                raise
            log.info("writing a batch of %d articles met another loader (%s); writing it again",
                     len(batch), state)
            store.forget()
    raise AssertionError("unreachable")


def _write_one(connection: Connection, store: Store, path: str, rows: ArticleRows) -> tuple[str, Any]:
    try:
        [result] = _write_retrying(connection, store, [rows])
    except SQLAlchemyError as exc:
        log.exception("database error while storing %s", path)
        store.forget()
        reason = getattr(exc, "orig", None) or exc
        return FAILED, f"database error: {exc.__class__.__name__}: {reason}"
    except Exception as exc:  # a bug must not stop the load: report the file
        log.exception("store error for %s", path)
        store.forget()
        return FAILED, f"store error: {exc.__class__.__name__}: {exc}"
    return "stored", result


def _count(report: LoadReport, path: str, status: str, detail: Any) -> None:
    if status == FAILED:
        report.failures.append((path, detail))
    elif status == DUPLICATE:
        report.duplicates.append((path, detail))
    elif status == UNCHANGED:
        report.unchanged += 1
    else:
        result = detail
        if result.status == ADDED:
            report.added += 1
        elif result.status == UPDATED:
            report.updated += 1
        else:
            report.unchanged += 1
        for kind, count in result.new_entities.items():
            report.new_entities[kind] = report.new_entities.get(kind, 0) + count
        report.statements += result.statements
        report.mentions += result.mentions

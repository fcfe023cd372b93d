"""The load pipeline: files → parse → extract → store, one transaction per file.

A file that fails (unreadable, unknown format, broken front matter, a database error) is
reported with its path and reason; the other files load; nothing stored before is touched.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from kb.catalog import Catalog, default_catalog
from kb.extract import extract
from kb.parse import ParseError, parse_file
from kb.store import ADDED, UNCHANGED, UPDATED, find_article, is_current, store_article

log = logging.getLogger(__name__)


@dataclass
class LoadReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    new_entities: dict[str, int] = field(default_factory=dict)
    statements: int = 0
    mentions: int = 0

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def files(self) -> int:
        return self.added + self.updated + self.unchanged + self.failed


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and files under folders named (sorted, hidden ones skipped).

    Symbolic links to folders are not followed, so a link loop cannot trap the walk.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name
        else:
            yield path


def load_paths(
    engine: Engine,
    paths: Iterable[str | Path],
    *,
    catalog: Catalog | None = None,
    on_file: Callable[[Path, str], None] | None = None,
) -> LoadReport:
    """Load every article under ``paths``. ``on_file(path, status)`` follows progress."""
    catalog = catalog or default_catalog()
    report = LoadReport()
    for path in iter_files(paths):
        status = _load_one(engine, path, catalog, report)
        if on_file:
            on_file(path, status)
    return report


def _load_one(engine: Engine, path: Path, catalog: Catalog, report: LoadReport) -> str:
    if not path.exists():
        report.failures.append((str(path), "no such file or folder"))
        return "failed"
    try:
        parsed = parse_file(path)
        with Session(engine) as session, session.begin():
            if is_current(find_article(session, parsed.identity), parsed):
                report.unchanged += 1
                return UNCHANGED
            result = store_article(session=session, parsed=parsed, extraction=extract(parsed, catalog))
    except ParseError as exc:
        report.failures.append((str(path), exc.reason))
        return "failed"
    except SQLAlchemyError as exc:
        log.exception("database error while storing %s", path)
        detail = getattr(exc, "orig", None) or exc
        report.failures.append((str(path), f"database error: {exc.__class__.__name__}: {detail}"))
        return "failed"
    if result.status == ADDED:
        report.added += 1
    elif result.status == UPDATED:
        report.updated += 1
    for kind, count in result.new_entities.items():
        report.new_entities[kind] = report.new_entities.get(kind, 0) + count
    report.statements += result.statements
    report.mentions += result.mentions
    return result.status if result.status in (ADDED, UPDATED) else UNCHANGED

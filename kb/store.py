"""Write parsed and extracted articles to the database, idempotently and in bulk.

Two steps, so that the costly one runs where the cores are:

* ``article_rows(parsed, extraction, payload)`` turns one article into the rows it will be
  stored as, with entities by position instead of database id. It reads no database, so
  the loader runs it in its worker processes; the result is plain tuples, cheap to send.
* ``Store.write(batch)`` stores a batch of them through one connection, inside the
  caller's transaction: it looks up which articles exist, assigns ids, and inserts each
  table's rows for the whole batch at once (``executemany`` on SQLite, ``COPY`` on
  PostgreSQL). When it raises, the caller rolls the transaction back, calls ``forget()``
  and may write the articles one by one to find the bad one (``kb.load`` does).

An article is keyed by its identity (canonical URL, or outlet + title + date); storing the
same content again changes nothing, changed content replaces that article's extracted rows.
The store remembers the ids of the outlets and entities it has written and the aliases they
have, and keeps the entities' activity counts by increments rather than recounts.
"""

from __future__ import annotations

import time
import zlib
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, exists, func, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from kb.extract import EXTRACTOR_VERSION, EntityInfo, Extraction, OutletRef
from kb.ids import article_uid, statement_uid
from kb.models import (
    ENTITY_TABLES,
    OWNER_COLUMN,
    Alias,
    Article,
    ArticleEntity,
    Image,
    Mention,
    Outlet,
    OutletDomain,
    PersonRole,
    Statement,
)
from kb.normalise import normalise_key
from kb.parse import ParsedArticle
from kb.remark import remark
from kb.search import SearchPayload, search_payload
from kb.utterances import Grouper, Report

ADDED, UPDATED, UNCHANGED = "added", "updated", "unchanged"
# PostgreSQL advisory locks. Loaders write a batch's articles, their mentions and the entities
# they create at the same time (no lock but each article's own, below; entities and outlets go
# in with ON CONFLICT); they take turns ("kb.load" as a number) only for the part of a batch
# that reads and changes rows other batches share: grouping statements into utterances and
# storing the statements, aliases, entities' counts and facts, daily activity, the data
# version, and replacing stored articles. `kb utterances rebuild` takes it too.
LOADER_LOCK = int.from_bytes(b"kb.load", "big")
# Each article's identity while a batch writes it (two-key advisory locks, this namespace):
# two loaders given the same file store it once, the second finding it unchanged.
ARTICLE_LOCKS = int.from_bytes(b"kbar", "big")

EntityRef = tuple[str, int]  # (kind, id)
KINDS = tuple(OWNER_COLUMN)
SPEAKER_COLUMNS = tuple("speaker_" + column for column in OWNER_COLUMN.values())
ARTICLE_COLUMNS = ("url", "title", "published_at", "byline", "lead_image", "text", "dateline",
                   "source_path", "source_format", "content_hash")


@dataclass(frozen=True, slots=True)
class ArticleRows:
    """One article as rows to store. Entities are referred to by their position in
    ``entities``; statement texts are offsets into the article's text."""

    identity: str
    content_hash: str
    outlet: OutletRef
    article: tuple[Any, ...]  # ARTICLE_COLUMNS
    images: tuple[tuple[int, str, str | None], ...]
    entities: tuple[EntityInfo, ...]
    aliases: tuple[tuple[tuple[str, str, str], ...], ...]  # per entity: (name, normalised, origin)
    mentions: tuple[tuple[int, int, int, int, str], ...]  # entity, start, end, line, surface
    # speaker entity or None, speaker_text, anonymous, kind, verb, start, end, line
    statements: tuple[tuple[int | None, str, bool, str, str, int, int, int], ...]
    roles: tuple[tuple[int, str, int | None, int | None], ...]  # person, title, organization, place
    search: tuple[Any, ...]  # SearchPayload.entries: the article, then each statement
    # Each statement's remark (kb/remark.py), None for one without a speaker: computed here,
    # in the workers, so the writer only compares.
    remarks: tuple[str | None, ...] = ()

    @property
    def published_at(self) -> datetime:
        return self.article[2]

    @property
    def text(self) -> str:
        return self.article[5]


def article_rows(parsed: ParsedArticle, extraction: Extraction, payload: SearchPayload) -> ArticleRows:
    """The rows ``parsed`` and its ``extraction`` are stored as (no database needed)."""
    if len(payload.entries) != 1 + len(extraction.statements):
        raise ValueError("search payload does not match the article's statements")
    position = {key: i for i, key in enumerate(extraction.entities)}
    entities = tuple(extraction.entities.values())
    text = parsed.text
    statements = []
    for s in extraction.statements:
        if text[s.start:s.end] != s.text:
            raise ValueError(f"statement text is not the article's text at {s.start}:{s.end}")
        statements.append((position.get(s.speaker_key or ""), s.speaker_text, s.anonymous, s.kind, s.verb,
                           s.start, s.end, s.line))
    return ArticleRows(
        identity=parsed.identity,
        content_hash=parsed.content_hash,
        outlet=extraction.outlet,
        article=(parsed.url, parsed.title, parsed.published_at, parsed.byline, parsed.lead_image, text,
                 parsed.dateline, parsed.source_path, parsed.source_format, parsed.content_hash),
        images=tuple((i, image.url, image.caption) for i, image in enumerate(parsed.images)),
        entities=entities,
        aliases=tuple(tuple((name.strip(), normalise_key(name), origin) for name, origin in info.aliases)
                      for info in entities),
        mentions=tuple((position[m.key], m.start, m.end, m.line, m.surface) for m in extraction.mentions),
        statements=tuple(statements),
        roles=tuple((position[r.person_key], r.title, position.get(r.organization_key or ""),
                     position.get(r.place_key or "")) for r in extraction.roles if r.person_key in position),
        search=payload.entries,
        remarks=_remarks(extraction, statements),
    )


def _remarks(extraction: Extraction, statements: list[tuple[Any, ...]]) -> tuple[str | None, ...]:
    """Each statement's remark (kb/remark.py) with the entities named inside it; None for a
    statement without a speaker (it is in no utterance)."""
    mentions = sorted((m.start, m.end, m.key) for m in extraction.mentions)
    starts = [start for start, _, _ in mentions]
    found: list[str | None] = []
    for s, row in zip(extraction.statements, statements, strict=True):
        if row[0] is None:
            found.append(None)
            continue
        inside = mentions[bisect_left(starts, s.start):bisect_left(starts, s.end)]
        found.append(remark(s.text, (key for _, end, key in inside if end <= s.end)))
    return tuple(found)


def rows_for(parsed: ParsedArticle, extraction: Extraction, dialect: str) -> ArticleRows:
    """``article_rows`` with the search payload computed for ``dialect``."""
    return article_rows(parsed, extraction, search_payload(parsed, extraction, dialect))


@dataclass
class StoreResult:
    status: str
    article_id: int
    new_entities: dict[str, int] = field(default_factory=dict)
    statements: int = 0
    mentions: int = 0


@dataclass(frozen=True)
class StoredVersion:
    """What decides whether an article must be written again."""

    article_id: int
    content_hash: str
    extractor_version: str

    def matches(self, content_hash: str) -> bool:
        return self.content_hash == content_hash and self.extractor_version == EXTRACTOR_VERSION


def stored_version(connection: Connection, identity: str) -> StoredVersion | None:
    return stored_versions(connection, [identity]).get(identity)


def stored_versions(connection: Connection, identities: Sequence[str]) -> dict[str, StoredVersion]:
    """The stored version of each of ``identities`` that is stored."""
    found: dict[str, StoredVersion] = {}
    mark = _mark(connection.dialect.name)
    for start in range(0, len(identities), 500):
        chunk = list(dict.fromkeys(identities[start:start + 500]))
        rows = connection.exec_driver_sql(
            "SELECT identity, id, content_hash, extractor_version FROM article "
            f"WHERE identity IN ({', '.join([mark] * len(chunk))})", tuple(chunk))
        for identity, *version in rows:
            found[identity] = StoredVersion(*version)
    return found


def _mark(dialect: str) -> str:
    return "?" if dialect == "sqlite" else "%s"


class _Tables:
    """The rows of one batch, per table, in insertion order."""

    def __init__(self) -> None:
        self.articles: list[tuple[Any, ...]] = []
        self.images: list[tuple[Any, ...]] = []
        self.mentions: list[tuple[Any, ...]] = []
        self.article_entities: list[tuple[Any, ...]] = []
        self.statements: list[tuple[Any, ...]] = []
        self.roles: list[tuple[Any, ...]] = []
        self.aliases: list[tuple[Any, ...]] = []
        self.article_fts: list[tuple[Any, ...]] = []
        self.statement_fts: list[tuple[Any, ...]] = []
        self.reports: list[Report] = []  # the statements with a speaker, to group
        self.outlet_ids: list[int] = []  # of each article planned, in order


class Store:
    """Writes batches of articles through one connection (the caller owns the transaction)."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.dialect = connection.dialect.name
        self._mark = _mark(self.dialect)
        self._outlets: dict[str, int] = {}
        self._entities: dict[tuple[str, str], int] = {}
        self._aliases: dict[EntityRef, set[str]] = {}
        self._catalog_aliases_stored: set[tuple[EntityRef, tuple[tuple[str, str, str], ...]]] = set()
        self._grouper: Grouper | None = None
        # Catalog facts that changed, written in the loaders' turn: (table, id, values).
        self._facts: list[tuple[Any, int, dict[str, Any]]] = []
        self._turn_taken = False
        # PostgreSQL: seconds spent waiting for the loaders' turn (other loaders' batches), and
        # holding it (until the batch's rows are written; the commit follows).
        self.turn_seconds = 0.0
        self.turn_held_seconds = 0.0
        self._turn_started = 0.0

    @property
    def grouper(self) -> Grouper:
        if self._grouper is None:  # (reads its window setting once, on the first batch)
            self._grouper = Grouper(self)
        return self._grouper

    def forget(self) -> None:
        """Drop what is remembered: after the caller's transaction rolled back."""
        self._outlets.clear()
        self._entities.clear()
        self._aliases.clear()
        self._catalog_aliases_stored.clear()
        self._facts.clear()

    # --- a batch ----------------------------------------------------------------------------

    def write(self, batch: Sequence[ArticleRows]) -> list[StoreResult]:
        """Insert or replace each article of ``batch`` with everything extracted from it.
        Returns one result per article, in order. A later article of the batch with the
        identity of an earlier one replaces it, as if they had been written one by one.

        On PostgreSQL several loaders write at once. Their locks are taken in one order, so
        they cannot wait on each other in a circle: the batch's articles (by identity), the
        outlets and entities it creates (by key: ON CONFLICT waits for another loader creating
        the same one), then the loaders' turn (``LOADER_LOCK``) for what batches share. The
        articles' own rows — article, images, mentions, article_entity, roles, the bulk of a
        batch — go in before the turn when no stored article is replaced."""
        postgresql = self.dialect == "postgresql"
        self._turn_taken = False
        if postgresql:
            self._lock_articles(rows.identity for rows in batch)
        stored = stored_versions(self.connection, [rows.identity for rows in batch])
        results: list[StoreResult] = []
        planned: dict[str, int] = {}  # identity → index in batch of the rows to write
        for index, rows in enumerate(batch):
            earlier = planned.get(rows.identity)
            if earlier is not None:
                if batch[earlier].content_hash == rows.content_hash:
                    results.append(StoreResult(UNCHANGED, results[earlier].article_id))
                    continue
                # The earlier rows are not written: these replace them.
                results.append(StoreResult(UPDATED, results[earlier].article_id))
                planned[rows.identity] = index
                continue
            existing = stored.get(rows.identity)
            if existing is not None and existing.matches(rows.content_hash):
                results.append(StoreResult(UNCHANGED, existing.article_id))
                continue
            status = ADDED if existing is None else UPDATED
            results.append(StoreResult(status, existing.article_id if existing else 0))
            planned[rows.identity] = index
        if not planned:
            return results

        order = sorted(planned.values())
        new_ids = iter(self._ids("article", sum(1 for i in order if results[i].article_id == 0)))
        for i in order:
            if results[i].article_id == 0:
                results[i].article_id = next(new_ids)
        for rows, result in zip(batch, results, strict=True):  # duplicates share the final id
            if result.article_id == 0:
                result.article_id = results[planned[rows.identity]].article_id

        counts: Counter[tuple[EntityRef, int]] = Counter()  # ((kind, id), 0 statements | 1 mentions)
        activity: Counter[tuple[Any, int, int]] = Counter()  # (day, outlet id, 0 articles | 1 statements)
        orphans: set[EntityRef] = set()
        chosen = [batch[i] for i in order]
        self._resolve_outlets(chosen)
        self._resolve_entities(chosen, [results[i] for i in order])
        replaced = [results[i].article_id for i in order if stored.get(batch[i].identity)]
        touched: set[int] = set()
        if replaced:
            # Replacing moves statements between utterances other batches group into, and
            # may leave entities to drop: all of it in the loaders' turn.
            self._take_turn()
            touched = self.grouper.touched(replaced)  # utterances that lose statements
            orphans = self._clear(replaced, counts, activity)
        tables = _Tables()
        statement_ids = iter(self._ids("statement", sum(len(batch[i].statements) for i in order)))
        loaded_at = self._timestamp(datetime.now(UTC))
        for i in order:
            self._plan(batch[i], results[i], tables, statement_ids, counts, loaded_at,
                       update=batch[i].identity in stored)
            day = self._day(batch[i].published_at)
            activity[(day, tables.outlet_ids[-1], 0)] += 1
            activity[(day, tables.outlet_ids[-1], 1)] += len(batch[i].statements)
        self._insert_articles(tables)
        self._take_turn()
        self._update_facts()
        utterance_of = self.grouper.assign(tables.reports, touched)
        tables.statements = [(*row, utterance_of.get(row[0])) for row in tables.statements]
        self._insert_shared(tables, [results[i].article_id for i in order if batch[i].identity in stored])
        self._add_counts(counts)
        self._add_activity(activity)
        if orphans:
            self._drop_orphans(orphans)
        # Readers key what they keep by this number (kb.api.cache); it commits with the rows.
        # Last: every batch changes this one row, which stays locked until the commit.
        self.connection.exec_driver_sql("UPDATE data_version SET version = version + 1")
        if self._turn_taken:
            self.turn_held_seconds += time.perf_counter() - self._turn_started
        return results

    def _lock_articles(self, identities: Iterable[str]) -> None:
        """PostgreSQL: lock the batch's articles by identity, in order (a hash of it: two
        identities of one hash only wait for each other). Held until the transaction ends."""
        keys = sorted({zlib.crc32(identity.encode()) - 2**31 for identity in identities})
        if keys:
            self.connection.exec_driver_sql(
                "SELECT count(pg_advisory_xact_lock(%s, k)) FROM (SELECT unnest(%s::integer[]) AS k "
                "ORDER BY 1) AS keys", (ARTICLE_LOCKS, keys))

    def _take_turn(self) -> None:
        """PostgreSQL: wait for the loaders' turn (held until the transaction ends)."""
        if self.dialect != "postgresql" or self._turn_taken:
            return
        started = time.perf_counter()
        self.connection.exec_driver_sql("SELECT pg_advisory_xact_lock(%s)", (LOADER_LOCK,))
        self._turn_started = time.perf_counter()
        self.turn_seconds += self._turn_started - started
        self._turn_taken = True

    def _plan(self, rows: ArticleRows, result: StoreResult, tables: _Tables, statement_ids: Any,
              counts: Counter[tuple[EntityRef, int]], loaded_at: Any, update: bool) -> None:
        """Add one article's rows to ``tables``, with database ids in place of positions."""
        article_id = result.article_id
        outlet_id = self._outlet_id(rows.outlet)
        tables.outlet_ids.append(outlet_id)
        published = self._timestamp(rows.published_at)
        fields = (outlet_id, *rows.article[:2], published, *rows.article[3:], EXTRACTOR_VERSION, loaded_at)
        postgresql = self.dialect == "postgresql"
        if postgresql:  # the search terms go in with the rows
            fields = (*fields, rows.search[0])
        if update:
            assignments = [f"{c} = {self._mark}" for c in _ARTICLE_FIELDS]
            if postgresql:
                assignments.append("terms = CAST(%s AS tsvector)")
            self._driver(f"UPDATE article SET {', '.join(assignments)} WHERE id = {self._mark}",
                         [(*fields, article_id)])
        else:
            tables.articles.append((article_id, rows.identity, article_uid(rows.identity), *fields))
        tables.images.extend((article_id, *image) for image in rows.images)

        ids = [self._entities[(info.kind, info.key)] for info in rows.entities]  # (_resolve_entities)
        # Each entity's three owner columns, two of them NULL.
        owners = [tuple(ident if kind == info.kind else None for kind in KINDS)
                  for ident, info in zip(ids, rows.entities, strict=True)]
        for ident, info, aliases in zip(ids, rows.entities, rows.aliases, strict=True):
            self._alias_rows(info.kind, ident, aliases, article_id, tables.aliases)
        per_entity: Counter[int] = Counter()
        for entity, start, end, line, surface in rows.mentions:
            tables.mentions.append((article_id, *owners[entity], start, end, line, surface))
            per_entity[entity] += 1
        for entity, number in per_entity.items():
            tables.article_entities.append((article_id, *owners[entity], outlet_id, published, number))
            counts[((rows.entities[entity].kind, ids[entity]), 1)] += number

        text = rows.text
        uid = article_uid(rows.identity)
        no_speaker = (None, None, None)
        for position, (speaker, speaker_text, anonymous, kind, verb, start, end, line) in enumerate(
                rows.statements):
            ident = next(statement_ids)
            if speaker is None:
                speaker_owners = no_speaker
            else:
                speaker_owners = owners[speaker]
                counts[((rows.entities[speaker].kind, ids[speaker]), 0)] += 1
            said = rows.remarks[position] if speaker is not None and rows.remarks else None
            if said is not None:
                tables.reports.append(Report(ident, statement_uid(uid, position),
                                             (rows.entities[speaker].kind, ids[speaker]), rows.published_at,
                                             said))
            row = (ident, article_id, position, statement_uid(uid, position), *speaker_owners, speaker_text,
                   anonymous, kind, verb,
                   text[start:end], start, end, line, outlet_id, published, said)
            if postgresql:
                tables.statements.append((*row, rows.search[1 + position]))
            else:
                tables.statements.append(row)
                tables.statement_fts.append((ident, *rows.search[1 + position]))
        if not postgresql:
            tables.article_fts.append((article_id, *rows.search[0]))
        tables.roles.extend((ids[person], article_id, title,
                             ids[organization] if organization is not None else None,
                             ids[place] if place is not None else None)
                            for person, title, organization, place in rows.roles)
        result.statements, result.mentions = len(rows.statements), len(rows.mentions)

    def _insert_articles(self, tables: _Tables) -> None:
        """The rows that belong to the batch's articles alone (no other batch writes them)."""
        postgresql = self.dialect == "postgresql"
        article_columns = ("id", "identity", "uid", *_ARTICLE_FIELDS)
        self._insert("article", (*article_columns, "terms") if postgresql else article_columns,
                     tables.articles)
        self._insert("image", ("article_id", "position", "url", "caption"), tables.images)
        self._insert("mention", ("article_id", *OWNER_COLUMN.values(), "start", "end", "line", "surface"),
                     tables.mentions)
        self._insert("article_entity", ("article_id", *OWNER_COLUMN.values(), "outlet_id", "published_at",
                                        "mentions"), tables.article_entities)
        self._insert("person_role", ("person_id", "article_id", "title", "organization_id", "place_id"),
                     tables.roles)

    def _insert_shared(self, tables: _Tables, updated: list[int]) -> None:
        """The rows written in the loaders' turn: aliases (another loader may have stored the
        same since this one looked), statements (grouped with everything stored) and their
        search entries."""
        postgresql = self.dialect == "postgresql"
        alias_columns = (*OWNER_COLUMN.values(), "name", "normalised", "origin", "article_id")
        if postgresql:
            if tables.aliases:
                types = ("integer[]",) * 3 + ("text[]",) * 3 + ("integer[]",)
                self.connection.exec_driver_sql(
                    f"INSERT INTO alias ({', '.join(alias_columns)}) SELECT * FROM unnest("
                    + ", ".join(f"%s::{t}" for t in types) + ") ON CONFLICT DO NOTHING",
                    tuple(list(column) for column in zip(*tables.aliases, strict=True)))
        else:
            self._insert("alias", alias_columns, tables.aliases)
        statement_columns = ("id", "article_id", "position", "uid", *SPEAKER_COLUMNS, "speaker_text",
                             "anonymous", "kind", "verb", "text", "start", "end", "line", "outlet_id",
                             "published_at", "remark")
        # (each row ends with its utterance, after the search terms on PostgreSQL: see write)
        self._insert("statement", (*statement_columns, "terms", "utterance_id") if postgresql
                     else (*statement_columns, "utterance_id"), tables.statements)
        if not postgresql:
            # FTS5 writes its pending terms to disk at every savepoint and commit: one batch
            # of entries makes one segment, not one per article.
            if updated:  # the article row stays when it is replaced; its old entry must go
                self._driver("DELETE FROM article_fts WHERE rowid = ?", [(i,) for i in updated])
            self._insert("article_fts", ("rowid", "title", "body"), tables.article_fts)
            self._insert("statement_fts", ("rowid", "title", "body"), tables.statement_fts)

    # --- bulk rows --------------------------------------------------------------------------
    # Rows go to the driver directly: SQLAlchemy's per-row processing cost more than the
    # database's work (these columns need none).

    def _insert(self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        quoted = ", ".join(f'"{c}"' for c in columns)
        if self.dialect == "postgresql":
            # COPY parses each value with its column's input function (tsvector included).
            cursor = self.connection.connection.cursor()
            try:
                with cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:  # type: ignore[attr-defined]
                    for row in rows:
                        copy.write_row(row)
            finally:
                cursor.close()
            return
        self._driver(f"INSERT INTO {table} ({quoted}) VALUES ({', '.join('?' * len(columns))})", rows)

    def _driver(self, sql: str, rows: Sequence[tuple[Any, ...]]) -> None:
        """executemany on the driver's own cursor."""
        cursor = self.connection.connection.cursor()
        try:
            cursor.executemany(sql, rows)
        finally:
            cursor.close()

    def _timestamp(self, value: datetime) -> Any:
        """A timestamp as the driver takes it; on SQLite, the text SQLAlchemy's DateTime reads."""
        if self.dialect != "sqlite":
            return value
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")

    def _ids(self, table: str, count: int) -> list[int]:
        """``count`` new ids for ``table``, so rows can be written in bulk with their ids
        known: PostgreSQL's sequence, or on SQLite the next ids after the largest (a loader
        holds SQLite's write lock for its whole transaction)."""
        if count == 0:
            return []
        if self.dialect == "postgresql":
            return list(self.connection.exec_driver_sql(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", (table, count)
            ).scalars())
        first = self.connection.exec_driver_sql(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").scalar_one()
        return list(range(first, first + count))

    # --- replacing --------------------------------------------------------------------------

    def _clear(self, article_ids: list[int], counts: Counter[tuple[EntityRef, int]],
               activity: Counter[tuple[Any, int, int]]) -> set[EntityRef]:
        """Delete the articles' extracted rows; count down what they counted. Returns the
        entities they referred to (candidates for deletion if nothing else refers to them)."""
        referred: set[EntityRef] = set()
        old = self.connection.execute(
            select(Article.outlet_id, Article.published_at,
                   select(func.count()).where(Statement.article_id == Article.id).scalar_subquery())
            .where(Article.id.in_(article_ids)))
        for outlet_id, published_at, statements in old:
            day = self._day(published_at)
            activity[(day, outlet_id, 0)] -= 1
            activity[(day, outlet_id, 1)] -= statements
        sources = ((Mention, 1, ""), (Statement, 0, "speaker_"))
        for table, column, prefix in sources:
            owners = [getattr(table, prefix + OWNER_COLUMN[kind]) for kind in KINDS]
            rows = self.connection.execute(
                select(*owners, func.count()).where(table.article_id.in_(article_ids)).group_by(*owners)
            )
            for *values, number in rows:
                for kind, value in zip(KINDS, values, strict=True):
                    if value is not None:
                        counts[((kind, value), column)] -= number
                        referred.add((kind, value))
        for table in (ArticleEntity, Statement, Mention, PersonRole, Image):
            self.connection.execute(delete(table).where(table.article_id.in_(article_ids)))
        learned = Alias.article_id.in_(article_ids) & (Alias.origin != "catalog")
        self.connection.execute(delete(Alias).where(learned))
        # Aliases learned from these articles are gone: what is remembered of them is stale.
        self._aliases.clear()
        self._catalog_aliases_stored.clear()
        return referred

    def _add_counts(self, counts: Counter[tuple[EntityRef, int]]) -> None:
        changes: dict[EntityRef, list[int]] = {}
        for (ref, column), number in counts.items():
            if number:
                changes.setdefault(ref, [0, 0])[column] += number
        mark = self._mark
        for kind in KINDS:
            rows = sorted(((s, m, ident) for (k, ident), (s, m) in changes.items() if k == kind),
                          key=lambda row: row[2])  # (rows locked in one order)
            if rows:
                self._driver(
                    f"UPDATE {kind} SET statement_count = statement_count + {mark}, "
                    f"mention_count = mention_count + {mark} WHERE id = {mark}", rows)

    def _add_activity(self, activity: Counter[tuple[Any, int, int]]) -> None:
        changes: dict[tuple[Any, int], list[int]] = {}
        for (day, outlet_id, column), number in activity.items():
            changes.setdefault((day, outlet_id), [0, 0])[column] += number
        rows = sorted((day, outlet_id, a, s) for (day, outlet_id), (a, s) in changes.items() if a or s)
        if not rows:
            return
        mark = self._mark
        self._driver(
            f"INSERT INTO daily_activity (day, outlet_id, articles, statements) "
            f"VALUES ({mark}, {mark}, {mark}, {mark}) ON CONFLICT (day, outlet_id) DO UPDATE SET "
            "articles = daily_activity.articles + excluded.articles, "
            "statements = daily_activity.statements + excluded.statements", rows)
        if any(a < 0 for _, _, a, _ in rows):  # a replaced article moved to another day or outlet
            self.connection.exec_driver_sql(
                "DELETE FROM daily_activity WHERE articles = 0 AND statements = 0")

    def _day(self, value: datetime) -> Any:
        """The UTC day of a timestamp, as the driver takes a date."""
        day = value.astimezone(UTC).date() if value.tzinfo else value.date()
        return day.isoformat() if self.dialect == "sqlite" else day

    def _drop_orphans(self, candidates: Iterable[EntityRef]) -> None:
        """Entities no article mentions or quotes any more (aliases and roles follow by ON
        DELETE CASCADE). Only the replaced articles' entities can have become orphans."""
        for kind, table in ENTITY_TABLES.items():
            ids = sorted(i for k, i in candidates if k == kind)
            if not ids:
                continue
            column = OWNER_COLUMN[kind]
            mentioned = exists().where(getattr(Mention, column) == table.id)
            speaking = exists().where(getattr(Statement, f"speaker_{column}") == table.id)
            unused = select(table.id).where(table.id.in_(ids), ~mentioned, ~speaking)
            if self.dialect == "postgresql":
                # An entity another loader's batch is referring to right now (its mentions are
                # written, not committed: they hold a key-share lock on it) stays.
                unused = unused.with_for_update(skip_locked=True)
            self.connection.execute(delete(table).where(table.id.in_(unused.scalar_subquery())))
        self._entities.clear()

    # --- outlets and entities ---------------------------------------------------------------

    def _outlet_id(self, ref: OutletRef) -> int:
        return self._outlets[ref.key]  # (_resolve_outlets)

    def _resolve_outlets(self, batch: Sequence[ArticleRows]) -> None:
        """Find or create the batch's outlets and their domains, in key order."""
        wanted = {rows.outlet.key: rows.outlet for rows in batch if rows.outlet.key not in self._outlets}
        for key in sorted(wanted):
            ref = wanted[key]
            row = self.connection.execute(
                select(Outlet.id, Outlet.name, Outlet.name_en, Outlet.short_name).where(Outlet.key == ref.key)
            ).first()
            if row is None:
                values = dict(key=ref.key, name=ref.name, name_en=ref.name_en, short_name=ref.short,
                              country=ref.country, origin=ref.origin)
                if self.dialect == "postgresql":  # another loader may be creating it too
                    outlet_id = self.connection.execute(
                        pg_insert(Outlet).values(**values).on_conflict_do_nothing(index_elements=["key"])
                        .returning(Outlet.id)).scalar()
                    if outlet_id is None:  # it did: its transaction committed meanwhile
                        outlet_id = self.connection.execute(
                            select(Outlet.id).where(Outlet.key == ref.key)).scalar_one()
                else:
                    outlet_id = self.connection.execute(insert(Outlet).values(**values)
                                                        .returning(Outlet.id)).scalar_one()
            else:
                outlet_id = row.id
                stale = (row.name, row.name_en, row.short_name) != (ref.name, ref.name_en, ref.short)
                if ref.origin == "catalog" and stale:
                    self._facts.append((Outlet, outlet_id, dict(name=ref.name, name_en=ref.name_en,
                                                                short_name=ref.short, country=ref.country)))
            known = set(self.connection.execute(
                select(OutletDomain.domain).where(OutletDomain.domain.in_(ref.domains))).scalars())
            new_domains = sorted((d, outlet_id) for d in ref.domains if d not in known)
            if new_domains:
                conflict = " ON CONFLICT DO NOTHING" if self.dialect == "postgresql" else ""
                mark = self._mark
                self._driver(f"INSERT INTO outlet_domain (domain, outlet_id) "
                             f"VALUES ({mark}, {mark}){conflict}", new_domains)
            self._outlets[ref.key] = outlet_id

    def _update_facts(self) -> None:
        """Write the catalog facts that changed (in the loaders' turn, in one order: these
        rows are locked until the commit)."""
        for table, ident, values in sorted(self._facts, key=lambda fact: (fact[0].__tablename__, fact[1])):
            self.connection.execute(update(table).where(table.id == ident).values(**values))
        self._facts.clear()

    def _resolve_entities(self, batch: Sequence[ArticleRows], results: Sequence[StoreResult]) -> None:
        """Find or create every entity the batch refers to, a few statements per kind for the
        whole batch (not two per new entity); each new one is counted for the first article
        that refers to it. Kinds in one order and keys sorted: on PostgreSQL a loader creating
        an entity another one is creating waits for it (ON CONFLICT), and waits in that order
        cannot go round in a circle."""
        wanted: dict[str, dict[str, tuple[EntityInfo, StoreResult]]] = {}
        for rows, result in zip(batch, results, strict=True):
            for info in rows.entities:
                if (info.kind, info.key) not in self._entities:
                    wanted.setdefault(info.kind, {}).setdefault(info.key, (info, result))
        for kind in KINDS:
            by_key = wanted.get(kind)
            if not by_key:
                continue
            table = ENTITY_TABLES[kind]
            keys = sorted(by_key)
            self._find_entities(kind, by_key, keys)
            absent = [by_key[k] for k in keys if (kind, k) not in self._entities]
            if not absent:
                continue
            values = []
            for info, _ in absent:
                row = dict(key=info.key, origin=info.origin, name=info.name, name_en=info.name_en,
                           wikidata=info.wikidata, country=info.country)
                if kind != "person":
                    row["kind"] = info.subkind
                values.append(row)
            if self.dialect == "postgresql":
                created = self._create_entities(kind, values)
            else:
                for ident, row in zip(self._ids(kind, len(values)), values, strict=True):
                    row["id"] = ident
                    self._entities[(kind, row["key"])] = ident
                self.connection.execute(insert(table), values)
                created = [row["key"] for row in values]
            for key in created:
                info, result = by_key[key]
                result.new_entities[kind] = result.new_entities.get(kind, 0) + 1

    def _find_entities(self, kind: str, by_key: dict[str, tuple[EntityInfo, StoreResult]],
                       keys: list[str]) -> None:
        """Remember the ids of the stored entities among ``keys``; note the catalog facts that
        changed."""
        table = ENTITY_TABLES[kind]
        for first in range(0, len(keys), _IN_CHUNK):
            found = self.connection.execute(
                select(table.id, table.key, table.name, table.name_en, table.wikidata, table.country)
                .where(table.key.in_(keys[first : first + _IN_CHUNK]))
            )
            for row in found:
                info = by_key[row.key][0]
                self._entities[(kind, row.key)] = row.id
                values = dict(name=info.name, name_en=info.name_en, wikidata=info.wikidata,
                              country=info.country)
                if info.origin == "catalog" and tuple(row[2:]) != tuple(values.values()):
                    self._facts.append((table, row.id, values))

    def _create_entities(self, kind: str, values: list[dict[str, Any]]) -> list[str]:
        """PostgreSQL: insert these entities (sorted by key) unless another loader has; returns
        the keys this one created. ON CONFLICT waits for a loader creating the same key to
        commit; then its row is read. (Should that row be gone — dropped as an orphan by a
        loader replacing articles — it is inserted again.)"""
        created: list[str] = []
        pending = values
        columns = list(values[0])
        # One statement of arrays (a statement of many VALUES rows cost more to build than to run).
        sql = (f"INSERT INTO {kind} ({', '.join(columns)}) SELECT * FROM unnest("
               + ", ".join(["%s::text[]"] * len(columns))
               + ") ON CONFLICT (key) DO NOTHING RETURNING id, key")
        while pending:
            for first in range(0, len(pending), _IN_CHUNK):
                chunk = pending[first:first + _IN_CHUNK]
                rows = self.connection.exec_driver_sql(sql, tuple([row[c] for row in chunk] for c in columns))
                for ident, key in rows:
                    self._entities[(kind, key)] = ident
                    created.append(key)
            self._find_keys(kind, [row["key"] for row in pending if (kind, row["key"]) not in self._entities])
            pending = [row for row in pending if (kind, row["key"]) not in self._entities]
        return created

    def _find_keys(self, kind: str, keys: list[str]) -> None:
        table = ENTITY_TABLES[kind]
        for first in range(0, len(keys), _IN_CHUNK):
            for ident, key in self.connection.execute(
                    select(table.id, table.key).where(table.key.in_(keys[first:first + _IN_CHUNK]))):
                self._entities[(kind, key)] = ident

    def _alias_rows(self, kind: str, ident: int, aliases: tuple[tuple[str, str, str], ...], article_id: int,
                    out: list[tuple[Any, ...]]) -> None:
        ref = (kind, ident)
        seen = (ref, aliases)
        if seen in self._catalog_aliases_stored:  # the same catalog names as before: nothing new
            return
        known = self._aliases.get(ref)
        if known is None:
            column = OWNER_COLUMN[kind]
            known = self._aliases[ref] = set(self.connection.execute(
                select(Alias.normalised).where(getattr(Alias, column) == ident)).scalars())
        owners = tuple(ident if k == kind else None for k in KINDS)
        for name, key, origin in aliases:
            if not key or key in known:
                continue
            known.add(key)
            out.append((*owners, name, key, origin, None if origin == "catalog" else article_id))
        if all(origin == "catalog" for _, _, origin in aliases):
            # Only catalog names do not depend on the article: remember they are all stored.
            self._catalog_aliases_stored.add(seen)


# Keys per `IN (…)` when looking entities up (well under SQLite's variable limit).
_IN_CHUNK = 500

# The article's columns after id and identity, as _plan orders them.
_ARTICLE_FIELDS = ("outlet_id", *ARTICLE_COLUMNS, "extractor_version", "loaded_at")

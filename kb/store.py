"""Write parsed and extracted articles to the database, idempotently and fast.

A ``Store`` writes through one connection inside the caller's transaction, each article in
its own SAVEPOINT: an article is stored whole or not at all, and one that fails does not
undo the others of its batch. An article is keyed by its identity (canonical URL, or outlet
+ title + date); storing the same content again changes nothing, changed content replaces
that article's extracted rows.

For speed over long loads the store remembers the ids of the outlets and entities it has
written and the aliases they have, inserts rows in bulk, and keeps the entities' activity
counts by increments rather than recounts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, exists, func, insert, select, update

from kb.extract import EXTRACTOR_VERSION, EntityInfo, Extraction
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
from kb.search import SearchPayload, search_payload

ADDED, UPDATED, UNCHANGED = "added", "updated", "unchanged"

EntityRef = tuple[str, int]  # (kind, id)
SPEAKER_COLUMNS = tuple("speaker_" + column for column in OWNER_COLUMN.values())


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

    def matches(self, parsed: ParsedArticle) -> bool:
        return self.content_hash == parsed.content_hash and self.extractor_version == EXTRACTOR_VERSION


def stored_version(connection: Connection, identity: str) -> StoredVersion | None:
    row = connection.execute(
        select(Article.id, Article.content_hash, Article.extractor_version)
        .where(Article.identity == identity)
    ).first()
    return StoredVersion(*row) if row else None


class Store:
    """Writes articles through one connection (the caller owns the outer transaction)."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.dialect = connection.dialect.name
        self._outlets: dict[str, int] = {}
        self._entities: dict[tuple[str, str], int] = {}
        self._aliases: dict[EntityRef, set[str]] = {}
        self._undo: list[Callable[[], None]] = []
        self._alias_lists: dict[tuple[EntityRef, tuple[tuple[str, str], ...]], bool] = {}
        self._id_transaction: Any = None
        self._next_id: dict[str, int] = {}

    def forget(self) -> None:
        """Drop what is remembered: after the outer transaction rolled back."""
        self._outlets.clear()
        self._entities.clear()
        self._aliases.clear()
        self._alias_lists.clear()

    def store(self, parsed: ParsedArticle, extraction: Extraction,
              payload: SearchPayload | None = None) -> StoreResult:
        """Insert or replace one article and everything extracted from it."""
        existing = stored_version(self.connection, parsed.identity)
        if existing is not None and existing.matches(parsed):
            return StoreResult(UNCHANGED, existing.article_id)
        if payload is None:
            payload = search_payload(parsed, extraction, self.dialect)
        savepoint = self.connection.begin_nested()
        self._undo = []
        try:
            result = self._write(parsed, extraction, payload, existing)
        except BaseException:
            savepoint.rollback()
            for undo in reversed(self._undo):
                undo()
            raise
        savepoint.commit()
        return result

    # --- the article ------------------------------------------------------------------------

    def _write(self, parsed: ParsedArticle, extraction: Extraction, payload: SearchPayload,
               existing: StoredVersion | None) -> StoreResult:
        outlet_id = self._outlet_id(extraction)
        fields = dict(
            outlet_id=outlet_id, url=parsed.url, title=parsed.title, published_at=parsed.published_at,
            byline=parsed.byline, lead_image=parsed.lead_image, text=parsed.text,
            dateline=parsed.dateline, source_path=parsed.source_path,
            source_format=parsed.source_format, content_hash=parsed.content_hash,
            extractor_version=EXTRACTOR_VERSION,
        )
        counts: Counter[tuple[EntityRef, str]] = Counter()
        previous: set[EntityRef] = set()
        if existing is None:
            article_id = self.connection.execute(
                insert(Article).values(identity=parsed.identity, **fields).returning(Article.id)
            ).scalar_one()
            status = ADDED
        else:
            article_id = existing.article_id
            previous = self._clear(article_id, counts)
            self.connection.execute(update(Article).where(Article.id == article_id).values(**fields))
            status = UPDATED
        result = StoreResult(status, article_id)

        self._rows("image", ("article_id", "position", "url", "caption"),
                   [(article_id, i, image.url, image.caption) for i, image in enumerate(parsed.images)])
        ids = {key: self._entity_id(info, article_id, result.new_entities)
               for key, info in extraction.entities.items()}
        kinds = {key: info.kind for key, info in extraction.entities.items()}
        mentions = []
        for m in extraction.mentions:
            ident = ids[m.key]
            owners = tuple(ident if kind == m.kind else None for kind in OWNER_COLUMN)
            mentions.append((article_id, *owners, m.start, m.end, m.line, m.surface))
            counts[((m.kind, ident), "mention_count")] += 1
        self._rows("mention", ("article_id", *OWNER_COLUMN.values(), "start", "end", "line", "surface"),
                   mentions)
        published = self._timestamp(parsed.published_at)
        per_entity = Counter((m.kind, ids[m.key]) for m in extraction.mentions)
        self._rows("article_entity", ("article_id", *OWNER_COLUMN.values(), "outlet_id", "published_at",
                                      "mentions"),
                   [(article_id, *(ident if k == kind else None for k in OWNER_COLUMN), outlet_id, published,
                     number) for (kind, ident), number in per_entity.items()])
        statement_ids = self._ids("statement", len(extraction.statements))
        statements = []
        for position, (ident, statement) in enumerate(zip(statement_ids, extraction.statements, strict=True)):
            speaker_kind = kinds.get(statement.speaker_key or "")
            speaker_id = ids.get(statement.speaker_key or "")
            owners = tuple(speaker_id if kind == speaker_kind else None for kind in OWNER_COLUMN)
            if speaker_kind is not None:
                counts[((speaker_kind, speaker_id), "statement_count")] += 1
            statements.append((ident, article_id, position, *owners, statement.speaker_text,
                               statement.anonymous, statement.kind, statement.verb, statement.text,
                               statement.start, statement.end, statement.line, outlet_id, published))
        columns = ("id", "article_id", "position", *SPEAKER_COLUMNS, "speaker_text", "anonymous", "kind",
                   "verb", "text", "start", "end", "line", "outlet_id", "published_at")
        if self.dialect == "postgresql":  # the search terms go in with the row
            statements = [(*row, terms) for row, terms in zip(statements, payload.entries[1:], strict=True)]
            self._rows("statement", (*columns, "terms"), statements, tsvector="terms")
        else:
            self._rows("statement", columns, statements)
        self._rows("person_role", ("person_id", "article_id", "title", "organization_id", "place_id"), [
            (ids[role.person_key], article_id, role.title,
             ids.get(role.organization_key) if role.organization_key else None,
             ids.get(role.place_key) if role.place_key else None)
            for role in extraction.roles if role.person_key in ids
        ])
        self._index(article_id, statement_ids, payload, replace=status == UPDATED)
        self._add_counts(counts)
        if status == UPDATED:
            self._drop_orphans(previous)
        result.statements, result.mentions = len(statements), len(mentions)
        return result

    # --- bulk rows --------------------------------------------------------------------------
    # The rows of an article go to the driver's executemany directly: SQLAlchemy's
    # per-row processing cost more than the database's work (these columns need none).

    def _rows(self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]],
              tsvector: str | None = None) -> None:
        if not rows:
            return
        mark = "?" if self.dialect == "sqlite" else "%s"
        quoted = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join(f"CAST({mark} AS tsvector)" if c == tsvector else mark for c in columns)
        self._driver(f"INSERT INTO {table} ({quoted}) VALUES ({marks})", rows)

    def _driver(self, sql: str, rows: Sequence[tuple[Any, ...]]) -> None:
        """executemany on the driver's own cursor: the bulk of a load, with no per-row work
        on our side (SQLAlchemy's statement wrapping cost as much as SQLite's insert)."""
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
        known: PostgreSQL's sequence, or on SQLite the next ids after the largest (the
        loader holds SQLite's write lock for the whole transaction)."""
        if count == 0:
            return []
        if self.dialect == "postgresql":
            return list(self.connection.exec_driver_sql(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", (table, count)
            ).scalars())
        transaction = self.connection.get_transaction()
        if self._id_transaction is not transaction:
            self._id_transaction, self._next_id = transaction, {}
        if table not in self._next_id:
            self._next_id[table] = self.connection.exec_driver_sql(
                f"SELECT coalesce(max(id), 0) + 1 FROM {table}").scalar_one()
        first = self._next_id[table]
        self._next_id[table] = first + count
        return list(range(first, first + count))

    def _index(self, article_id: int, statement_ids: Sequence[int], payload: SearchPayload,
               replace: bool) -> None:
        """Add the article and its statements to the search index (see kb.search); on
        PostgreSQL the statements' terms went in with their rows."""
        if len(payload.entries) != 1 + len(statement_ids):
            raise ValueError("search payload does not match the article's statements")
        if self.dialect == "postgresql":
            self._driver("UPDATE article SET terms = CAST(%s AS tsvector) WHERE id = %s",
                         [(payload.entries[0], article_id)])
            return
        if replace:  # the article row stays when it is replaced; its old entry must go
            self._driver("DELETE FROM article_fts WHERE rowid = ?", [(article_id,)])
        self._driver("INSERT INTO article_fts (rowid, title, body) VALUES (?, ?, ?)",
                     [(article_id, *payload.entries[0])])
        self._driver(
            "INSERT INTO statement_fts (rowid, title, body) VALUES (?, ?, ?)",
            [(i, *entry) for i, entry in zip(statement_ids, payload.entries[1:], strict=True)],
        )

    def _clear(self, article_id: int, counts: Counter[tuple[EntityRef, str]]) -> set[EntityRef]:
        """Delete an article's extracted rows; count down what they counted. Returns the
        entities they referred to (candidates for deletion if nothing else refers to them)."""
        referred: set[EntityRef] = set()
        sources = ((Mention, "mention_count", ""), (Statement, "statement_count", "speaker_"))
        for table, column, prefix in sources:
            owners = [getattr(table, prefix + OWNER_COLUMN[kind]) for kind in OWNER_COLUMN]
            rows = self.connection.execute(
                select(*owners, func.count()).where(table.article_id == article_id).group_by(*owners)
            )
            for *values, number in rows:
                for kind, value in zip(OWNER_COLUMN, values, strict=True):
                    if value is not None:
                        counts[((kind, value), column)] -= number
                        referred.add((kind, value))
        for table in (ArticleEntity, Statement, Mention, PersonRole, Image):
            self.connection.execute(delete(table).where(table.article_id == article_id))
        learned = (Alias.article_id == article_id) & (Alias.origin != "catalog")
        self.connection.execute(delete(Alias).where(learned))
        # Aliases learned from this article are gone: what is remembered of them is stale.
        self._aliases.clear()
        self._alias_lists.clear()
        return referred

    def _add_counts(self, counts: Counter[tuple[EntityRef, str]]) -> None:
        changes: dict[EntityRef, list[int]] = {}
        for (ref, column), number in counts.items():
            if number:
                changes.setdefault(ref, [0, 0])[column == "mention_count"] += number
        mark = "?" if self.dialect == "sqlite" else "%s"
        for kind in OWNER_COLUMN:
            rows = [(s, m, ident) for (k, ident), (s, m) in changes.items() if k == kind]
            if rows:
                self._driver(
                    f"UPDATE {kind} SET statement_count = statement_count + {mark}, "
                    f"mention_count = mention_count + {mark} WHERE id = {mark}", rows)

    def _drop_orphans(self, candidates: set[EntityRef]) -> None:
        """Entities no article mentions or quotes any more (aliases and roles follow by ON
        DELETE CASCADE). Only the replaced article's entities can have become orphans."""
        for kind, table in ENTITY_TABLES.items():
            ids = sorted(i for k, i in candidates if k == kind)
            if not ids:
                continue
            column = OWNER_COLUMN[kind]
            mentioned = exists().where(getattr(Mention, column) == table.id)
            speaking = exists().where(getattr(Statement, f"speaker_{column}") == table.id)
            self.connection.execute(delete(table).where(table.id.in_(ids), ~mentioned, ~speaking))
        self._entities.clear()

    # --- outlets and entities ---------------------------------------------------------------

    def _remember(self, mapping: dict[Any, Any], key: Any, value: Any) -> None:
        mapping[key] = value
        self._undo.append(lambda: mapping.pop(key, None))

    def _outlet_id(self, extraction: Extraction) -> int:
        ref = extraction.outlet
        if ref.key in self._outlets:
            return self._outlets[ref.key]
        row = self.connection.execute(
            select(Outlet.id, Outlet.name, Outlet.name_en, Outlet.short_name).where(Outlet.key == ref.key)
        ).first()
        if row is None:
            outlet_id = self.connection.execute(insert(Outlet).values(
                key=ref.key, name=ref.name, name_en=ref.name_en, short_name=ref.short,
                country=ref.country, origin=ref.origin).returning(Outlet.id)).scalar_one()
        else:
            outlet_id = row.id
            if ref.origin == "catalog" and (row.name, row.name_en, row.short_name) != (ref.name, ref.name_en,
                                                                                       ref.short):
                self.connection.execute(update(Outlet).where(Outlet.id == outlet_id).values(
                    name=ref.name, name_en=ref.name_en, short_name=ref.short, country=ref.country))
        known = set(self.connection.execute(
            select(OutletDomain.domain).where(OutletDomain.domain.in_(ref.domains))).scalars())
        self._rows("outlet_domain", ("domain", "outlet_id"),
                   [(d, outlet_id) for d in ref.domains if d not in known])
        self._remember(self._outlets, ref.key, outlet_id)
        return outlet_id

    def _entity_id(self, info: EntityInfo, article_id: int, new: dict[str, int]) -> int:
        ref_key = (info.kind, info.key)
        ident = self._entities.get(ref_key)
        if ident is None:
            ident = self._fetch_or_create(info, new)
            self._remember(self._entities, ref_key, ident)
        self._add_aliases(info, ident, article_id)
        return ident

    def _fetch_or_create(self, info: EntityInfo, new: dict[str, int]) -> int:
        table = ENTITY_TABLES[info.kind]
        row = self.connection.execute(
            select(table.id, table.name, table.name_en, table.wikidata, table.country)
            .where(table.key == info.key)
        ).first()
        facts = dict(name=info.name, name_en=info.name_en, wikidata=info.wikidata, country=info.country)
        if row is None:
            values = dict(key=info.key, origin=info.origin, **facts)
            if info.kind != "person":
                values["kind"] = info.subkind
            new[info.kind] = new.get(info.kind, 0) + 1
            return self.connection.execute(insert(table).values(**values).returning(table.id)).scalar_one()
        if info.origin == "catalog" and tuple(row[1:]) != tuple(facts.values()):
            self.connection.execute(update(table).where(table.id == row.id).values(**facts))
        return row.id

    def _add_aliases(self, info: EntityInfo, ident: int, article_id: int) -> None:
        ref = (info.kind, ident)
        seen = (ref, info.aliases)
        if seen in self._alias_lists:  # the same names as before: nothing new (catalog entries)
            return
        known = self._aliases.get(ref)
        if known is None:
            column = OWNER_COLUMN[info.kind]
            known = set(self.connection.execute(
                select(Alias.normalised).where(getattr(Alias, column) == ident)).scalars())
            self._remember(self._aliases, ref, known)
        rows = []
        for name, origin in info.aliases:
            key = normalise_key(name)
            if not key or key in known:
                continue
            known.add(key)
            self._undo.append(lambda key=key: known.discard(key))
            owners = tuple(ident if kind == info.kind else None for kind in OWNER_COLUMN)
            rows.append((*owners, name.strip(), key, origin, None if origin == "catalog" else article_id))
        self._rows("alias", (*OWNER_COLUMN.values(), "name", "normalised", "origin", "article_id"), rows)
        if not any(origin != "catalog" for _, origin in info.aliases):
            # Only catalog names do not depend on the article: remember they are all stored.
            self._remember(self._alias_lists, seen, True)

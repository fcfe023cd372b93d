"""Per-request data access for the API: DataLoaders over an async engine.

Everything the schema reads goes through here, batched: rows by id, the entities of many
articles, and pages of every connection (see ``pagination``). A loader lives for one
request (Strawberry's DataLoader guide: a shared one would cache forever).
"""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable, Hashable, Sequence
from dataclasses import dataclass
from itertools import zip_longest
from typing import Any

from sqlalchemy import Select, bindparam, case, func, literal, or_, select, true
from strawberry.dataloader import DataLoader

from kb.api import analytics
from kb.api.joins import Join, LinkedRow, joinable, split_links, with_links
from kb.api.lists import LISTS, ArticleFilters, ListKey, StatementFilters, text_matches
from kb.api.lookahead import ChildPage
from kb.api.pagination import PageResult, batched_page_query, page_query, sort_rows, to_result
from kb.api.prefetch import Paths, prefetch
from kb.models import (
    OWNER_COLUMN,
    Alias,
    Article,
    DataVersion,
    Image,
    Mention,
    Organization,
    Outlet,
    OutletDomain,
    Person,
    PersonRole,
    Place,
    Statement,
    Utterance,
)
from kb.normalise import normalise_key
from kb.search import snippet

ENTITY_KINDS = ("person", "organization", "place")
# The label of a page's count column (kb.api.data.Data._total_column); no table has it.
TOTAL_LABEL = "kb_total_count"
# The labels of a looked-up entity's columns beside its list's page (Data._lookup_with_page).
FOUND_PREFIX = "kb_found__"
TABLES: dict[str, Any] = {
    "outlet": Outlet,
    "article": Article,
    "person": Person,
    "organization": Organization,
    "place": Place,
    "statement": Statement,
    "utterance": Utterance,
}


def _by_ids(table: Any) -> Select[Any]:
    return select(*table.__table__.columns).where(table.id.in_(bindparam("ids", expanding=True)))


# Built once: a statement object is reused with new ids, so SQLAlchemy skips building it and
# computing its cache key on every request (most of a small statement's cost).
BY_IDS: dict[str, Select[Any]] = {name: _by_ids(table) for name, table in TABLES.items()}
# The column each type's global id names (kb/ids.py): keys that survive a rebuild.
ID_COLUMN = {"outlet": "key", "article": "uid", "person": "key", "organization": "key", "place": "key",
             "statement": "uid", "utterance": "uid"}
BY_NODE_IDS: dict[str, Select[Any]] = {
    name: select(*table.__table__.columns)
    .where(getattr(table, ID_COLUMN[name]).in_(bindparam("ids", expanding=True)))
    for name, table in TABLES.items()
}
ARTICLE_TEXTS = select(Article.id, Article.text).where(Article.id.in_(bindparam("ids", expanding=True)))
DATA_VERSION = select(DataVersion.version).where(DataVersion.id == 1)
# An entity by a normalised alias: English names are aliases too (catalog and
# parenthetical), so one indexed lookup; the most mentioned wins when two share a form.
BY_ALIAS: dict[str, Select[Any]] = {
    name: select(*TABLES[name].__table__.columns)
    .where(TABLES[name].id.in_(
        select(getattr(Alias, OWNER_COLUMN[name])).where(Alias.normalised == bindparam("key"))))
    .order_by(TABLES[name].mention_count.desc(), TABLES[name].id)
    .limit(1)
    for name in ENTITY_KINDS
}
BY_KEY: dict[str, Select[Any]] = {
    name: select(*TABLES[name].__table__.columns).where(TABLES[name].key == bindparam("key"))
    for name in ENTITY_KINDS
}
STATEMENT_COUNTS: dict[str, Select[Any]] = {
    name: select(TABLES[name].id, TABLES[name].statement_count)
    .where(TABLES[name].id.in_(bindparam("ids", expanding=True)))
    for name in ENTITY_KINDS
}


@dataclass(frozen=True)
class LookupPlan:
    """A lookup's statement with its list's page (Data._lookup_plan), and how to read its rows."""

    statement: Select[Any]
    order: Any
    joins: list[Join]
    rest: Paths
    total: bool
    columns: list[str]  # the entity's, each labelled FOUND_PREFIX + name


# Plans by the shape of their page; few (lists without filters, a handful of page sizes).
_LOOKUP_PLANS: dict[tuple[Any, ...], LookupPlan] = {}
_LOOKUP_PLANS_MAX = 256


class Data:
    """The loaders of one request."""

    def __init__(self, reader: Any, aggregate_window: int = 1000, search_window: int = 2000) -> None:
        self.reader = reader
        self.aggregate_window = aggregate_window
        self.search_window = search_window
        self.dialect = reader.dialect
        self._rows: dict[str, dict[int, Any]] = {name: {} for name in TABLES}
        self.by_id = {name: DataLoader(self._by_id_loader(name, table)) for name, table in TABLES.items()}
        # rows by the key their global id holds (node(id:), ids in filters)
        self.by_node_id = {name: DataLoader(self._by_node_id_loader(name)) for name in TABLES}
        self.pages: DataLoader[ListKey, PageResult] = DataLoader(self._load_pages)
        self.counts: DataLoader[ListKey, int] = DataLoader(self._load_counts)
        self.article_entities: DataLoader[tuple[str, int], list[Any]] = DataLoader(
            self._load_article_entities
        )
        self.aliases: DataLoader[tuple[str, int], list[Any]] = DataLoader(self._load_aliases)
        self.roles: DataLoader[int, list[Any]] = DataLoader(self._load_roles)
        self.images: DataLoader[int, list[Any]] = DataLoader(self._load_images)
        # The text of articles read through a join, which leaves it out (kb.api.joins).
        self.article_texts: DataLoader[int, str] = DataLoader(self._load_article_texts)
        self.domains: DataLoader[int, list[str]] = DataLoader(self._load_domains)
        self.statement_entities: DataLoader[int, list[tuple[str, Any]]] = DataLoader(
            self._load_statement_entities
        )
        # Aggregates, keyed by (parameters, parent id); one query per distinct parameters.
        self.co_mentions = _grouped(self._co_mentions)
        self.speaker_outlets = _grouped(self._speaker_outlets)
        self.top_speakers = _grouped(self._top_speakers)
        self.top_people = _grouped(self._top_people)
        self.timelines = _grouped(self._timelines)

    @classmethod
    def for_request(cls, database: Any, settings: Any) -> Data:
        """The loaders of a request that starts now: its reader stops at the time budget."""
        return cls(database.reader(time.monotonic() + settings.request_timeout),
                   settings.aggregate_window, settings.search_window)

    async def rows(self, statement: Select[Any], params: dict[str, Any] | None = None,
                   heavy: bool = False) -> list[Any]:
        """The statement's rows; ``heavy`` for an aggregate, which the reader may run off the
        event loop (kb.api.database.SQLiteReader)."""
        return await self.reader.rows(statement, params, heavy)

    async def data_version(self) -> int:
        """The version of the data this request reads (see kb.api.cache). Read first, it
        also fixes the request's snapshot."""
        rows = await self.rows(DATA_VERSION)
        return rows[0][0] if rows else 0

    async def close(self) -> None:
        """End the request's read transaction (see kb.api.database)."""
        await self.reader.close()

    def loaded(self, table: str, row_id: int) -> Any:
        """The row of ``table`` with ``row_id`` if this request has loaded it, else None."""
        return self._rows[table].get(row_id)

    def _by_node_id_loader(self, name: str) -> Callable[[list[str]], Any]:
        column = ID_COLUMN[name]

        async def load(keys: list[str]) -> list[Any]:
            rows = await self.rows(BY_NODE_IDS[name], {"ids": keys})
            self.by_id[name].prime_many({row.id: row for row in rows})
            found = {getattr(row, column): row for row in rows}
            return [found.get(k) for k in keys]

        return load

    def _by_id_loader(self, name: str, table: Any) -> Callable[[list[int]], Any]:
        found = self._rows[name]

        async def load(ids: list[int]) -> list[Any]:
            rows = await self.rows(BY_IDS[name], {"ids": ids})
            found.update((row.id, row) for row in rows)
            return [found.get(i) for i in ids]

        return load

    async def _load_pages(self, keys: list[ListKey]) -> list[PageResult]:
        groups: dict[tuple[Any, ...], list[ListKey]] = defaultdict(list)
        for key in keys:
            groups[(key.name, key.page, key.filters, key.order)].append(key)
        results: dict[ListKey, PageResult] = {}
        for (name, page, filters, order_key), members in groups.items():
            base, parent, order = LISTS[name](filters, order_key, self.dialect)
            parents = sorted({k.parent for k in members}) if parent is not None else []
            # The list's size, when asked for and only SQL can tell it, counted by the page's
            # own statement (a scalar subquery): one round trip instead of two.
            total = (self._total_column(name, filters, base, parent, parents)
                     if any(k.total for k in members) else None)
            # (Linked rows are read by prefetch here, not joined in: this statement is built
            # afresh for each request, and building and keying a wider one cost SQLAlchemy
            # more than the round trips a join saves — see Data._lookup_plan, which joins.)
            if total is not None:
                base = base.add_columns(total.label(TOTAL_LABEL))
            if parent is None:
                rows = await self.rows(page_query(base, order, page))
                self._keep_total(rows, members, total)
                for key in members:
                    results[key] = to_result(rows, order, page)
                continue
            rows = await self.rows(batched_page_query(base, parent, parents, order, page))
            self._keep_total(rows, members, total)
            if len(parents) == 1:  # one ORDER BY … LIMIT: the rows come in page order
                results[members[0]] = to_result(rows, order, page)
                for key in members[1:]:
                    results[key] = results[members[0]]
                continue
            by_parent: dict[Any, list[Any]] = defaultdict(list)
            for row in rows:
                by_parent[row.parent_key].append(row)
            for key in members:
                results[key] = to_result(sort_rows(by_parent.get(key.parent, []), order, page), order, page)
        # The linked rows these pages' nodes will ask for, for all of them at once.
        wanted: dict[str, list[tuple[list[Any], Paths]]] = defaultdict(list)
        for key in keys:
            if key.links and key.links[1]:
                wanted[key.links[0]].append((results[key].rows, key.links[1]))
        for type_name, items in wanted.items():
            await prefetch(self._fetch_rows, type_name, items)
        return [results[key] for key in keys]

    def _total_column(self, name: str, filters: Any, base: Select[Any], parent: Any,
                      parents: list[Any]) -> Any:
        """The count ``_load_counts`` would run for this list, as a scalar subquery; None
        where it reads no SQL for it (stored or daily counts) or counts many parents at once."""
        kind, _, field = name.partition(".")
        if field == "statements" and kind in ENTITY_KINDS and filters in (None, StatementFilters()):
            return None  # the count kept on the entity
        # correlate(None): the subquery counts its own rows, not the outer page's row
        counted = base.with_only_columns(func.count(), maintain_column_froms=True).correlate(None)
        if parent is None:
            if name in ("statements", "articles") and analytics.daily_answerable(
                    filters if name == "statements" else None, filters if name == "articles" else None):
                return None  # the loader's daily counts
            return counted.scalar_subquery()
        if len(parents) != 1:
            return None
        return counted.where(parent == parents[0]).scalar_subquery()

    def _keep_total(self, rows: list[Any], members: list[ListKey], total: Any) -> None:
        """Prime the counts of ``members`` with the total their page's rows carry. Without
        rows (an empty page) the counts loader counts, as it always did."""
        if total is None or not rows:
            return
        value = rows[0]._mapping[TOTAL_LABEL]
        for key in members:
            self.counts.prime(key, value)

    def _keep_links(self, rows: list[Any], joins: list[Join]) -> None:
        """Keep the linked rows a lookup's statement read (kb.api.joins) for the request."""
        if not joins:
            return
        for table, found in split_links(rows, joins).items():
            loaded = self._rows[table]
            fresh = {i: row for i, row in found.items() if i not in loaded}
            loaded.update(fresh)
            self.by_id[table].prime_many(fresh)

    async def _fetch_rows(self, table: str, ids: set[int]) -> dict[int, Any]:
        """Rows of ``table`` by id, read now (those not loaded yet) and kept for the request."""
        loaded = self._rows[table]
        missing = [i for i in ids if i not in loaded]
        if missing:
            rows = await self.rows(BY_IDS[table], {"ids": missing})
            loaded.update((row.id, row) for row in rows)
            self.by_id[table].prime_many({row.id: row for row in rows})
        return {i: loaded[i] for i in ids if i in loaded}

    async def _load_counts(self, keys: list[ListKey]) -> list[int]:
        groups: dict[tuple[str, Any], list[ListKey]] = defaultdict(list)
        for key in keys:
            groups[(key.name, key.filters)].append(key)
        counts: dict[ListKey, int] = {}
        for (name, filters), members in groups.items():
            kind, _, field = name.partition(".")
            if field == "statements" and kind in ENTITY_KINDS and filters in (None, StatementFilters()):
                # All of an entity's statements: the count the loader keeps on the entity,
                # on its row when this request has read it.
                loaded = self._rows[kind]
                found = {k.parent: loaded[k.parent].statement_count for k in members if k.parent in loaded}
                missing = sorted({k.parent for k in members} - found.keys())
                if missing:
                    found.update(dict(await self.rows(STATEMENT_COUNTS[kind], {"ids": missing})))  # type: ignore[arg-type]
                for key in members:
                    counts[key] = found.get(key.parent, 0)
                continue
            base, parent, _ = LISTS[name](filters, "default", self.dialect)
            if parent is None:
                if name in ("statements", "articles") and analytics.daily_answerable(
                        filters if name == "statements" else None, filters if name == "articles" else None):
                    # The whole list (or an outlet's, in whole days): the loader's daily counts.
                    counted = analytics.daily_total(name, filters)
                else:
                    counted = base.with_only_columns(func.count(), maintain_column_froms=True)
                total = (await self.rows(counted))[0][0]
                for key in members:
                    counts[key] = total
                continue
            rows = await self.rows(
                base.with_only_columns(parent.label("parent_key"), func.count(),
                                       maintain_column_froms=True)
                .where(parent.in_({k.parent for k in members}))
                .group_by(parent)
            )
            found = {row[0]: row[1] for row in rows}
            for key in members:
                counts[key] = found.get(key.parent, 0)
        return [counts[key] for key in keys]

    async def _load_article_entities(self, keys: list[tuple[str, int]]) -> list[list[Any]]:
        """Distinct entities mentioned in each article, in order of first mention."""
        results: dict[tuple[str, int], list[Any]] = {}
        for kind in {k for k, _ in keys}:
            table = TABLES[kind]
            articles = [a for k, a in keys if k == kind]
            column = getattr(Mention, OWNER_COLUMN[kind])
            first = (
                select(Mention.article_id, column.label("owner"), func.min(Mention.start).label("at"))
                .where(Mention.article_id.in_(articles), column.is_not(None))
                .group_by(Mention.article_id, column)
                .subquery()
            )
            rows = await self.rows(
                select(*table.__table__.columns, first.c.article_id.label("article_key"))
                .join(first, first.c.owner == table.id)
                .order_by(first.c.article_id, first.c.at)
            )
            grouped: dict[int, list[Any]] = defaultdict(list)
            for row in rows:
                grouped[row.article_key].append(row)
            for article in articles:
                results[(kind, article)] = grouped.get(article, [])
        return [results[key] for key in keys]

    async def _load_aliases(self, keys: list[tuple[str, int]]) -> list[list[Any]]:
        results: dict[tuple[str, int], list[Any]] = defaultdict(list)
        for kind in {k for k, _ in keys}:
            column = getattr(Alias, OWNER_COLUMN[kind])
            rows = await self.rows(
                select(*Alias.__table__.columns)
                .where(column.in_([i for k, i in keys if k == kind]))
                .order_by(Alias.id)
            )
            for row in rows:
                results[(kind, row._mapping[OWNER_COLUMN[kind]])].append(row)
        return [results.get(key, []) for key in keys]

    async def _load_roles(self, person_ids: list[int]) -> list[list[Any]]:
        rows = await self.rows(
            select(*PersonRole.__table__.columns)
            .where(PersonRole.person_id.in_(person_ids))
            .order_by(PersonRole.id)
        )
        grouped: dict[int, list[Any]] = defaultdict(list)
        for row in rows:
            grouped[row.person_id].append(row)
        return [grouped.get(i, []) for i in person_ids]

    async def _load_article_texts(self, article_ids: list[int]) -> list[str]:
        rows = await self.rows(ARTICLE_TEXTS, {"ids": article_ids})
        found = dict(rows)  # type: ignore[arg-type]
        return [found[i] for i in article_ids]

    async def _load_images(self, article_ids: list[int]) -> list[list[Any]]:
        rows = await self.rows(
            select(*Image.__table__.columns)
            .where(Image.article_id.in_(article_ids))
            .order_by(Image.article_id, Image.position)
        )
        grouped: dict[int, list[Any]] = defaultdict(list)
        for row in rows:
            grouped[row.article_id].append(row)
        return [grouped.get(i, []) for i in article_ids]

    async def _load_statement_entities(self, ids: list[int]) -> list[list[tuple[str, Any]]]:
        """Entities named inside each statement's text, in order, each once."""
        found: dict[int, list[tuple[str, Any]]] = defaultdict(list)
        for kind, table in ((k, TABLES[k]) for k in OWNER_COLUMN):
            column = getattr(Mention, OWNER_COLUMN[kind])
            rows = await self.rows(
                select(*table.__table__.columns, Statement.id.label("statement_key"),
                       func.min(Mention.start).label("at"))
                .select_from(Statement)
                .join(Mention, (Mention.article_id == Statement.article_id)
                      & (Mention.start >= Statement.start) & (Mention.end <= Statement.end))
                .join(table, table.id == column)
                .where(Statement.id.in_(ids))
                .group_by(Statement.id, *table.__table__.columns)
            )
            for row in rows:
                found[row.statement_key].append((kind, row))
        return [[(k, r) for k, r in sorted(found.get(i, []), key=lambda pair: pair[1].at)] for i in ids]

    async def _load_domains(self, outlet_ids: list[int]) -> list[list[str]]:
        rows = await self.rows(
            select(OutletDomain.outlet_id, OutletDomain.domain)
            .where(OutletDomain.outlet_id.in_(outlet_ids))
            .order_by(OutletDomain.domain)
        )
        grouped: dict[int, list[str]] = defaultdict(list)
        for row in rows:
            grouped[row.outlet_id].append(row.domain)
        return [grouped.get(i, []) for i in outlet_ids]

    async def lookup(self, kind: str, name: str, child: ChildPage | None = None) -> Any | None:
        """An entity by any alias (either script, English, any case) or by its key; the most
        mentioned wins when two share a form. With ``child`` (kb.api.lookahead), the alias
        lookup reads that list's page in the same statement."""
        key = normalise_key(name)
        if not key:
            return None
        if child is not None:
            found = await self._lookup_with_page(kind, key, child)
            if found is not None:
                return found
            rows = []  # no alias matched: that statement was the alias lookup
        else:
            rows = await self.rows(BY_ALIAS[kind], {"key": key})
        if not rows:  # jens-stoltenberg, person:zh-吴瑞北: the entity's key
            rows = await self.rows(BY_KEY[kind], {"key": name.strip()})
        if not rows and kind == "person":
            # 斯托尔腾贝格, written as no article wrote it: the catalog person it sounds like
            sounds_like = await asyncio.to_thread(_person_by_reading, key)
            if sounds_like is not None:
                rows = await self.rows(BY_KEY[kind], {"key": sounds_like})
        if not rows:
            return None
        self._rows[kind][rows[0].id] = rows[0]
        return rows[0]

    def _lookup_plan(self, kind: str, child: ChildPage) -> LookupPlan:
        """The statement of an alias lookup with ``child``'s page, built once per shape of
        page (no cursor: a cursor's values are part of the statement): a statement object
        reused is neither built nor keyed again by SQLAlchemy, which cost more than the
        round trip it saves."""
        shape = (kind, self.dialect, child.name, child.filters, child.order, child.page, child.links,
                 child.total)
        plan = _LOOKUP_PLANS.get(shape) if child.page.after is None and child.page.before is None else None
        if plan is not None:
            return plan
        base, parent, order = LISTS[child.name](child.filters, child.order, self.dialect)
        found = BY_ALIAS[kind].subquery("found")
        found_id = select(found.c.id).scalar_subquery()
        total = (self._total_column(child.name, child.filters, base, parent, [found_id])
                 if child.total else None)
        joined, rest = joinable(child.type_name, child.links)
        joins: list[Join] = []
        if joined:
            base, joins = with_links(base, child.type_name, joined)
        if total is not None:
            base = base.add_columns(total.label(TOTAL_LABEL))
        paged = page_query(base.where(parent == found_id), order, child.page).subquery("page")
        statement = (select(*(c.label(FOUND_PREFIX + c.key) for c in found.c), paged)
                     .select_from(found).outerjoin(paged, true()))
        plan = LookupPlan(statement, order, joins, rest, total is not None, [c.key for c in found.c])
        if child.page.after is None and child.page.before is None:
            if len(_LOOKUP_PLANS) >= _LOOKUP_PLANS_MAX:
                _LOOKUP_PLANS.clear()
            _LOOKUP_PLANS[shape] = plan
        return plan

    async def _lookup_with_page(self, kind: str, key: str, child: ChildPage) -> Any | None:
        """The entity a normalised alias names, with ``child``'s page read by the same
        statement and primed into the pages loader; None when no alias matches."""
        plan = self._lookup_plan(kind, child)
        rows = await self.rows(plan.statement, {"key": key})
        if not rows:
            return None
        first = rows[0]._mapping
        entity = LinkedRow((name, first[FOUND_PREFIX + name]) for name in plan.columns)
        self._rows[kind][entity.id] = entity
        page_rows = sort_rows([r for r in rows if r._mapping["id"] is not None], plan.order, child.page)
        list_key = child.key(entity.id)
        result = to_result(page_rows, plan.order, child.page)
        self._keep_links(page_rows, plan.joins)
        self._keep_total(page_rows, [list_key], True if plan.total else None)
        if plan.rest:
            await prefetch(self._fetch_rows, child.type_name, [(result.rows, plan.rest)])
        self.pages.prime(list_key, result)
        return entity

    async def node_row(self, table: str, key: str) -> Any | None:
        """A row by the key its global id holds (kb/ids.py)."""
        return await self.by_node_id[table].load(key)

    async def outlet_by_name(self, name: str) -> Any | None:
        key = name.strip().lower()
        rows = await self.rows(
            select(*Outlet.__table__.columns).where(
                (func.lower(Outlet.name) == key)
                | (Outlet.name == normalise_key(name))  # 德國之聲: the name in the other script
                | (func.lower(Outlet.name_en) == key)
                | (func.lower(Outlet.short_name) == key)
                | (Outlet.key == key)
                | Outlet.id.in_(select(OutletDomain.outlet_id).where(OutletDomain.domain == key))
            ).limit(1)
        )
        return rows[0] if rows else None

    # --- aggregates -------------------------------------------------------------------------

    async def _co_mentions(self, params: tuple[Any, ...], parents: list[int]) -> dict[int, list[Any]]:
        kind, kinds, first, period = params
        statement = analytics.co_mentions(kind, parents, kinds, first, self.aggregate_window, period)
        rows = await self.rows(statement, heavy=True)
        rows.sort(key=lambda r: (-r.articles, *(r._mapping[c] or 0 for c in analytics.ENTITY_COLUMNS)))
        entities = await self._fetch([_entity_ref(r) for r in rows])
        return _by_parent(rows, lambda r: ((_entity_ref(r)[0], entities[_entity_ref(r)]), r.articles))

    async def _speaker_outlets(self, params: tuple[Any, ...], parents: list[int]) -> dict[int, list[Any]]:
        (kind,) = params
        rows = await self.rows(analytics.speaker_outlets(kind, parents), heavy=True)
        outlets = await self._fetch([("outlet", r.outlet_id) for r in rows])
        return _by_parent(rows, lambda r: (outlets[("outlet", r.outlet_id)], r.statements))

    async def _top_speakers(self, params: tuple[Any, ...], parents: list[int]) -> dict[int, list[Any]]:
        first, period = params
        statement = analytics.top_speakers(parents, first, self.aggregate_window, period)
        rows = await self.rows(statement, heavy=True)
        rows.sort(key=lambda r: (-r.statements, *(r._mapping[c] or 0 for c in analytics.ENTITY_COLUMNS)))
        entities = await self._fetch([_entity_ref(r) for r in rows])
        return _by_parent(rows, lambda r: ((_entity_ref(r)[0], entities[_entity_ref(r)]), r.statements))

    async def _top_people(self, params: tuple[Any, ...], parents: list[int]) -> dict[int, list[Any]]:
        first, period = params
        statement = analytics.top_people(parents, first, self.aggregate_window, period)
        rows = await self.rows(statement, heavy=True)
        rows.sort(key=lambda r: (-r.articles, -r.mentions, r.person_id))
        people = await self._fetch([("person", r.person_id) for r in rows])
        return _by_parent(rows, lambda r: (people[("person", r.person_id)], r.articles, r.mentions))

    async def _fetch(self, refs: Sequence[tuple[str, int]]) -> dict[tuple[str, int], Any]:
        """Rows for ``(kind, id)`` pairs, one query per kind, fetched right here (not left to
        a later loader round, whose batching would depend on timing); primes ``by_id``."""
        found: dict[tuple[str, int], Any] = {}
        for kind in sorted({kind for kind, _ in refs}):
            ids = sorted({ident for k, ident in refs if k == kind})
            for row in await self.rows(BY_IDS[kind], {"ids": ids}):
                found[(kind, row.id)] = row
                self.by_id[kind].prime(row.id, row)
        return found

    async def _timelines(self, params: tuple[Any, ...], parents: list[int]) -> dict[int, list[Any]]:
        kind, bucket, period, with_utterances = params
        statements_sql, articles_sql = analytics.per_day_by_parent(kind, parents, self.dialect, period)
        statements = await self.rows(statements_sql, heavy=True)
        articles = await self.rows(articles_sql, heavy=True)
        utterances = []
        if with_utterances:  # (only when asked for: a query of its own)
            utterances = await self.rows(
                analytics.utterances_per_day_by_parent(kind, parents, self.dialect, period), heavy=True)
        result = {}
        for parent in parents:
            result[parent] = analytics.roll_up([(r[1], r[2]) for r in statements if r[0] == parent],
                                               [(r[1], r[2]) for r in articles if r[0] == parent], bucket,
                                               [(r[1], r[2]) for r in utterances if r[0] == parent])
        return result

    async def timeline(
        self, statements: StatementFilters, articles: ArticleFilters, bucket: str,
        with_utterances: bool = False,
    ) -> list[tuple[Any, Any, int, int, int]]:
        if analytics.daily_answerable(statements, articles):  # the loader's counts per day
            per_statement_day = await self.rows(analytics.daily_counts("statements", statements))
            per_article_day = await self.rows(analytics.daily_counts("articles", articles))
        else:
            by_statement = analytics.statements_per_day(statements, self.dialect)
            by_article = analytics.articles_per_day(articles, statements, self.dialect)
            per_statement_day = await self.rows(by_statement, heavy=True)
            per_article_day = await self.rows(by_article, heavy=True)
        per_utterance_day = []
        if with_utterances:
            by_utterance = analytics.utterances_per_day(statements, self.dialect)
            per_utterance_day = await self.rows(by_utterance, heavy=True)
        return analytics.roll_up([tuple(r) for r in per_statement_day],
                                 [tuple(r) for r in per_article_day], bucket,
                                 [tuple(r) for r in per_utterance_day])

    # --- search -----------------------------------------------------------------------------

    async def search(self, query: str, kinds: Sequence[str], first: int) -> list[SearchHit]:
        """Best matches across kinds: names first (exact, then prefix, then substring), then
        articles and statements alternating, each by text relevance — so a search box shows
        both, however long articles are."""
        hits: list[SearchHit] = []
        key = normalise_key(query)
        if key and "outlet" in kinds:
            hits += await self._search_outlets(query, key, first)
        for kind in ENTITY_KINDS:
            if key and kind in kinds:
                hits += await self._search_entities(kind, key, first)
        hits.sort(key=lambda h: -h.score)
        by_kind: list[list[SearchHit]] = []
        for kind, table in (("article", Article), ("statement", Statement)):
            if kind not in kinds:
                continue
            matches = text_matches(kind, query, self.dialect, recent=self.search_window).subquery()
            rows = await self.rows(
                select(*table.__table__.columns, matches.c.score)
                .join(matches, matches.c.ref_id == table.id)
                .order_by(matches.c.score.desc(), table.id)
                .limit(first)
            )
            by_kind.append([
                SearchHit(kind, row, float(row.score),
                          snippet(row.text.partition("\n")[2] if kind == "article" else row.text, query))
                for row in rows
            ])
        texts = [hit for group in zip_longest(*by_kind) for hit in group if hit is not None]
        return (hits + texts)[:first]

    async def _search_entities(self, kind: str, key: str, first: int) -> list[SearchHit]:
        table, owner = TABLES[kind], getattr(Alias, OWNER_COLUMN[kind])
        quality = func.max(case((Alias.normalised == key, 3),
                                (Alias.normalised.startswith(key, autoescape=True), 2), else_=1))
        names = (select(owner.label("owner"), quality.label("quality"))
                 .where(Alias.normalised.contains(key, autoescape=True)).group_by(owner).subquery())
        rows = await self.rows(
            select(*table.__table__.columns, names.c.quality)
            .join(names, names.c.owner == table.id)
            .order_by(names.c.quality.desc(), table.mention_count.desc(), table.id)
            .limit(first)
        )
        # Name matches rank above any text match: 100 per quality step, plus a share for activity.
        return [SearchHit(kind, row, 100.0 * row.quality + row.mention_count / (1 + row.mention_count),
                          row.name) for row in rows]

    async def _search_outlets(self, query: str, key: str, first: int) -> list[SearchHit]:
        forms = (func.lower(Outlet.name), func.lower(Outlet.name_en), func.lower(Outlet.short_name),
                 Outlet.key)
        keys = {key, query.strip().lower()}
        exact = or_(*(form == k for form in forms for k in keys))
        rows = await self.rows(
            select(*Outlet.__table__.columns, case((exact, literal(3)), else_=literal(1)).label("quality"))
            .where(or_(*(form.contains(k, autoescape=True) for form in forms for k in keys)))
            .order_by(Outlet.name, Outlet.id)
            .limit(first)
        )
        return [SearchHit("outlet", row, 100.0 * row.quality + 0.5, row.name) for row in rows]


@dataclass
class SearchHit:
    kind: str  # outlet | person | organization | place | article | statement
    row: Any
    score: float
    snippet: str


def _entity_ref(row: Any) -> tuple[str, int]:
    for kind in ENTITY_KINDS:
        value = row._mapping[OWNER_COLUMN[kind]]
        if value is not None:
            return kind, value
    raise ValueError("row names no entity")


def _by_parent(rows: Sequence[Any], convert: Callable[[Any], Any]) -> dict[int, list[Any]]:
    grouped: dict[int, list[Any]] = defaultdict(list)
    for row in rows:
        grouped[row.parent_key].append(convert(row))
    return grouped


Fetch = Callable[[tuple[Any, ...], list[int]], Awaitable[dict[int, list[Any]]]]


def _grouped(fetch: Fetch) -> DataLoader[tuple[tuple[Hashable, ...], int], list[Any]]:
    """A loader of ``(parameters, parent)`` keys: one ``fetch`` per distinct parameters."""

    async def load(keys: list[tuple[tuple[Hashable, ...], int]]) -> list[list[Any]]:
        parents_by_params: dict[tuple[Hashable, ...], list[int]] = defaultdict(list)
        for params, parent in keys:
            parents_by_params[params].append(parent)
        found = {params: await fetch(params, sorted(set(parents)))
                 for params, parents in parents_by_params.items()}
        return [found[params].get(parent, []) for params, parent in keys]

    return DataLoader(load)


def _person_by_reading(written: str) -> str | None:
    """The catalog person whose name ``written`` transliterates, by its Mandarin reading, as
    extraction matches a transliteration no catalog lists (kb/extract/readings.py); the
    rules are built once, on the first such lookup."""
    from kb.extract.rules import default_rules

    return default_rules().readings.match(written)

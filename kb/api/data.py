"""Per-request data access for the API: DataLoaders over an async engine.

Everything the schema reads goes through here, batched: rows by id, the entities of many
articles, and pages of every connection (see ``pagination``). A loader lives for one
request (Strawberry's DataLoader guide: a shared one would cache forever).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncEngine
from strawberry.dataloader import DataLoader

from kb.api.pagination import (
    Order,
    Page,
    PageResult,
    batched_page_query,
    page_query,
    to_result,
)
from kb.models import (
    OWNER_COLUMN,
    Alias,
    Article,
    Image,
    Mention,
    Organization,
    Outlet,
    OutletDomain,
    Person,
    PersonRole,
    Place,
    Statement,
)
from kb.normalise import normalise_key

TABLES: dict[str, Any] = {
    "outlet": Outlet,
    "article": Article,
    "person": Person,
    "organization": Organization,
    "place": Place,
    "statement": Statement,
}


@dataclass(frozen=True)
class StatementFilters:
    speakers: tuple[tuple[str, int], ...] = ()
    outlets: tuple[int, ...] = ()
    kind: str | None = None
    anonymous: bool | None = None
    published_after: datetime | None = None
    published_before: datetime | None = None
    mentioning: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class ArticleFilters:
    outlets: tuple[int, ...] = ()
    published_after: datetime | None = None
    published_before: datetime | None = None


@dataclass(frozen=True)
class ListKey:
    """One connection request: which list, whose (parent id), which page, which filters."""

    name: str
    parent: int | None
    page: Page
    filters: StatementFilters | ArticleFilters | None = None


def _statement_base(filters: StatementFilters | None) -> Select[Any]:
    base = select(*Statement.__table__.columns)
    if filters is None:
        return base
    if filters.outlets or filters.published_after or filters.published_before:
        base = base.join(Article, Article.id == Statement.article_id)
        if filters.outlets:
            base = base.where(Article.outlet_id.in_(filters.outlets))
        if filters.published_after:
            base = base.where(Article.published_at >= filters.published_after)
        if filters.published_before:
            base = base.where(Article.published_at < filters.published_before)
    if filters.speakers:
        by_kind: dict[str, list[int]] = defaultdict(list)
        for kind, ident in filters.speakers:
            by_kind[kind].append(ident)
        base = base.where(or_(*(
            getattr(Statement, "speaker_" + OWNER_COLUMN[kind]).in_(ids) for kind, ids in by_kind.items()
        )))
    for kind, ident in filters.mentioning:
        # Each entity must be named inside the statement's own text.
        base = base.where(exists().where(
            Mention.article_id == Statement.article_id,
            Mention.start >= Statement.start,
            Mention.end <= Statement.end,
            getattr(Mention, OWNER_COLUMN[kind]) == ident,
        ))
    if filters.kind:
        base = base.where(Statement.kind == filters.kind)
    if filters.anonymous is not None:
        base = base.where(Statement.anonymous == filters.anonymous)
    return base


def _article_base(filters: ArticleFilters | None) -> Select[Any]:
    base = select(*Article.__table__.columns)
    if filters is None:
        return base
    if filters.outlets:
        base = base.where(Article.outlet_id.in_(filters.outlets))
    if filters.published_after:
        base = base.where(Article.published_at >= filters.published_after)
    if filters.published_before:
        base = base.where(Article.published_at < filters.published_before)
    return base


def _mentioned_articles(kind: str, filters: ArticleFilters | None) -> tuple[Select[Any], Any]:
    pairs = select(Mention.article_id, getattr(Mention, OWNER_COLUMN[kind]).label("owner")).distinct()
    pairs_sq = pairs.where(getattr(Mention, OWNER_COLUMN[kind]).is_not(None)).subquery()
    base = _article_base(filters).join(pairs_sq, pairs_sq.c.article_id == Article.id)
    return base, pairs_sq.c.owner


STATEMENT_ORDER = Order(((Statement.id, False),))
ARTICLE_ORDER = Order(((Article.published_at, True), (Article.id, True)))
MENTION_ORDER = Order(((Mention.id, False),))


def _name_order(table: Any) -> Order:
    return Order(((table.name, False), (table.id, False)))


# name -> (filters -> (base select, parent column or None, order))
ListSpec = Callable[[Any], tuple[Select[Any], ColumnElement[Any] | None, Order]]
LISTS: dict[str, ListSpec] = {
    "statements": lambda f: (_statement_base(f), None, STATEMENT_ORDER),
    "article.statements": lambda f: (_statement_base(f), Statement.article_id, STATEMENT_ORDER),
    "person.statements": lambda f: (_statement_base(f), Statement.speaker_person_id, STATEMENT_ORDER),
    "organization.statements": lambda f: (
        _statement_base(f), Statement.speaker_organization_id, STATEMENT_ORDER
    ),
    "place.statements": lambda f: (_statement_base(f), Statement.speaker_place_id, STATEMENT_ORDER),
    "articles": lambda f: (_article_base(f), None, ARTICLE_ORDER),
    "outlet.articles": lambda f: (_article_base(f), Article.outlet_id, ARTICLE_ORDER),
    "person.articles": lambda f: (*_mentioned_articles("person", f), ARTICLE_ORDER),
    "organization.articles": lambda f: (*_mentioned_articles("organization", f), ARTICLE_ORDER),
    "place.articles": lambda f: (*_mentioned_articles("place", f), ARTICLE_ORDER),
    "person.mentions": lambda f: (select(*Mention.__table__.columns), Mention.person_id, MENTION_ORDER),
    "organization.mentions": lambda f: (
        select(*Mention.__table__.columns), Mention.organization_id, MENTION_ORDER
    ),
    "place.mentions": lambda f: (select(*Mention.__table__.columns), Mention.place_id, MENTION_ORDER),
    "outlets": lambda f: (select(*Outlet.__table__.columns), None, _name_order(Outlet)),
    "people": lambda f: (select(*Person.__table__.columns), None, _name_order(Person)),
    "organizations": lambda f: (
        select(*Organization.__table__.columns), None, _name_order(Organization)
    ),
    "places": lambda f: (select(*Place.__table__.columns), None, _name_order(Place)),
}


class Data:
    """The loaders of one request."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.by_id = {name: DataLoader(self._by_id_loader(table)) for name, table in TABLES.items()}
        self.pages: DataLoader[ListKey, PageResult] = DataLoader(self._load_pages)
        self.counts: DataLoader[ListKey, int] = DataLoader(self._load_counts)
        self.article_entities: DataLoader[tuple[str, int], list[Any]] = DataLoader(
            self._load_article_entities
        )
        self.aliases: DataLoader[tuple[str, int], list[Any]] = DataLoader(self._load_aliases)
        self.roles: DataLoader[int, list[Any]] = DataLoader(self._load_roles)
        self.images: DataLoader[int, list[Any]] = DataLoader(self._load_images)
        self.domains: DataLoader[int, list[str]] = DataLoader(self._load_domains)
        self.statement_entities: DataLoader[int, list[tuple[str, Any]]] = DataLoader(
            self._load_statement_entities
        )

    async def rows(self, statement: Select[Any]) -> list[Any]:
        async with self.engine.connect() as connection:
            return list((await connection.execute(statement)).all())

    def _by_id_loader(self, table: Any) -> Callable[[list[int]], Any]:
        async def load(ids: list[int]) -> list[Any]:
            rows = await self.rows(select(*table.__table__.columns).where(table.id.in_(ids)))
            found = {row.id: row for row in rows}
            return [found.get(i) for i in ids]

        return load

    async def _load_pages(self, keys: list[ListKey]) -> list[PageResult]:
        groups: dict[tuple[str, Page, Any], list[ListKey]] = defaultdict(list)
        for key in keys:
            groups[(key.name, key.page, key.filters)].append(key)
        results: dict[ListKey, PageResult] = {}
        for (name, page, filters), members in groups.items():
            base, parent, order = LISTS[name](filters)
            if parent is None:
                rows = await self.rows(page_query(base, order, page))
                for key in members:
                    results[key] = to_result(rows, order, page)
                continue
            parents = sorted({k.parent for k in members})
            rows = await self.rows(batched_page_query(base, parent, parents, order, page))
            by_parent: dict[Any, list[Any]] = defaultdict(list)
            for row in rows:
                by_parent[row.parent_key].append(row)
            for key in members:
                results[key] = to_result(by_parent.get(key.parent, []), order, page)
        return [results[key] for key in keys]

    async def _load_counts(self, keys: list[ListKey]) -> list[int]:
        groups: dict[tuple[str, Any], list[ListKey]] = defaultdict(list)
        for key in keys:
            groups[(key.name, key.filters)].append(key)
        counts: dict[ListKey, int] = {}
        for (name, filters), members in groups.items():
            base, parent, _ = LISTS[name](filters)
            if parent is None:
                total = (await self.rows(select(func.count()).select_from(base.subquery())))[0][0]
                for key in members:
                    counts[key] = total
                continue
            inner = base.add_columns(parent.label("parent_key")).where(
                parent.in_({k.parent for k in members})
            ).subquery()
            rows = await self.rows(
                select(inner.c.parent_key, func.count()).group_by(inner.c.parent_key)
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

    async def lookup(self, kind: str, name: str) -> Any | None:
        """An entity by any alias (either script, English, any case); the most mentioned wins
        when two share a form."""
        key = normalise_key(name)
        if not key:
            return None
        table = TABLES[kind]
        owner = getattr(Alias, OWNER_COLUMN[kind])
        mentions = (
            select(func.count())
            .where(getattr(Mention, OWNER_COLUMN[kind]) == table.id)
            .scalar_subquery()
        )
        matches = select(owner).where(Alias.normalised == key)
        english = func.lower(table.name_en) == name.strip().lower()
        rows = await self.rows(
            select(*table.__table__.columns)
            .where(table.id.in_(matches) | english)
            .order_by(mentions.desc(), table.id)
            .limit(1)
        )
        return rows[0] if rows else None

    async def outlet_by_name(self, name: str) -> Any | None:
        key = name.strip().lower()
        rows = await self.rows(
            select(*Outlet.__table__.columns).where(
                (func.lower(Outlet.name) == key)
                | (func.lower(Outlet.name_en) == key)
                | (func.lower(Outlet.short_name) == key)
                | (Outlet.key == key)
                | Outlet.id.in_(select(OutletDomain.outlet_id).where(OutletDomain.domain == key))
            ).limit(1)
        )
        return rows[0] if rows else None


def ids_of(rows: Sequence[Any]) -> list[int]:
    return [row.id for row in rows]

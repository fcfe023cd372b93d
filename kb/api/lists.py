"""The lists the API pages through: their filters, their orders and the SQL behind them.

A list is named (``statements``, ``person.articles`` …) and built from typed filter values
and an order key — never from client-supplied SQL. Each spec returns the base ``SELECT``,
the parent column for nested lists (None at the root) and the keyset ``Order``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, false, func, literal_column, or_, select, table
from sqlalchemy.dialects.postgresql import TSQUERY
from sqlalchemy.sql.expression import cast, literal

from kb.api.pagination import Order, Page
from kb.models import (
    OWNER_COLUMN,
    Alias,
    Article,
    Mention,
    Organization,
    Outlet,
    Person,
    PersonRole,
    Place,
    SearchDocument,
    Statement,
)
from kb.normalise import normalise_key
from kb.search import fts5_query, tsquery_literal

EntityRef = tuple[str, int]  # (kind, id): ("person", 3)


@dataclass(frozen=True)
class StatementFilters:
    speakers: tuple[EntityRef, ...] = ()
    outlets: tuple[int, ...] = ()
    kind: str | None = None
    anonymous: bool | None = None
    published_after: datetime | None = None
    published_before: datetime | None = None
    mentioning: tuple[EntityRef, ...] = ()
    search: str | None = None


@dataclass(frozen=True)
class ArticleFilters:
    outlets: tuple[int, ...] = ()
    published_after: datetime | None = None
    published_before: datetime | None = None
    mentions: tuple[EntityRef, ...] = ()
    search: str | None = None


@dataclass(frozen=True)
class EntityFilters:
    search: str | None = None
    outlets: tuple[int, ...] = ()
    role: str | None = None
    kind: str | None = None


Filters = StatementFilters | ArticleFilters | EntityFilters


@dataclass(frozen=True)
class ListKey:
    """One connection request: which list, whose (parent id), which page, filters, order."""

    name: str
    parent: int | None
    page: Page
    filters: Filters | None = None
    order: str = "default"


# --- full-text matches ------------------------------------------------------------------------


def text_matches(kind: str, query: str, dialect: str) -> Select[Any]:
    """``(ref_id, score)`` of the ``kind`` documents (article, statement) matching ``query``;
    a higher score is a better match. See ``kb.search`` for the term scheme."""
    empty = select(SearchDocument.ref_id, literal_column("0.0").label("score")).where(false())
    if dialect == "postgresql":
        expression = tsquery_literal(query)
        if expression is None:
            return empty
        tsquery = cast(literal(expression), TSQUERY)
        terms = literal_column("search_document.terms")
        return select(SearchDocument.ref_id, func.ts_rank(terms, tsquery).label("score")).where(
            SearchDocument.kind == kind, terms.op("@@")(tsquery)
        )
    expression = fts5_query(query)
    if expression is None:
        return empty
    return (
        select(SearchDocument.ref_id, (-literal_column("bm25(search_fts, 5.0, 1.0)")).label("score"))
        .select_from(table("search_fts"))
        .join(SearchDocument, SearchDocument.id == literal_column("search_fts.rowid"))
        .where(literal_column("search_fts").op("MATCH")(expression), SearchDocument.kind == kind)
    )


def _like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def alias_matches(kind: str, query: str) -> Select[Any]:
    """Ids of entities of ``kind`` with a name containing ``query`` (any script or case)."""
    owner = getattr(Alias, OWNER_COLUMN[kind])
    key = normalise_key(query)
    if not key:
        return select(owner).where(false())
    return select(owner).where(Alias.normalised.like(_like_pattern(key), escape="\\"))


# --- filters ----------------------------------------------------------------------------------


def _published(base: Select[Any], after: datetime | None, before: datetime | None) -> Select[Any]:
    if after:
        base = base.where(Article.published_at >= after)
    if before:
        base = base.where(Article.published_at < before)
    return base


def _mentioned_in(owner_table: Any, refs: tuple[EntityRef, ...], start: Any = None, end: Any = None):
    """Conditions: each entity is mentioned in the row's article (inside [start, end) if given)."""
    conditions = []
    for kind, ident in refs:
        where = [Mention.article_id == owner_table, getattr(Mention, OWNER_COLUMN[kind]) == ident]
        if start is not None:
            where += [Mention.start >= start, Mention.end <= end]
        conditions.append(exists().where(*where))
    return conditions


def statement_base(filters: StatementFilters | None, dialect: str) -> Select[Any]:
    base = select(*Statement.__table__.columns, Article.published_at).join(
        Article, Article.id == Statement.article_id
    )
    if filters is None:
        return base
    if filters.outlets:
        base = base.where(Article.outlet_id.in_(filters.outlets))
    base = _published(base, filters.published_after, filters.published_before)
    if filters.speakers:
        by_kind: dict[str, list[int]] = defaultdict(list)
        for kind, ident in filters.speakers:
            by_kind[kind].append(ident)
        base = base.where(or_(*(
            getattr(Statement, "speaker_" + OWNER_COLUMN[kind]).in_(ids) for kind, ids in by_kind.items()
        )))
    # Each entity must be named inside the statement's own text.
    inside = _mentioned_in(Statement.article_id, filters.mentioning, Statement.start, Statement.end)
    base = base.where(*inside)
    if filters.kind:
        base = base.where(Statement.kind == filters.kind)
    if filters.anonymous is not None:
        base = base.where(Statement.anonymous == filters.anonymous)
    if filters.search is not None:
        matches = text_matches("statement", filters.search, dialect).subquery()
        base = base.where(Statement.id.in_(select(matches.c.ref_id)))
    return base


def article_base(filters: ArticleFilters | None, dialect: str) -> Select[Any]:
    base = select(*Article.__table__.columns)
    if filters is None:
        return base
    if filters.outlets:
        base = base.where(Article.outlet_id.in_(filters.outlets))
    base = _published(base, filters.published_after, filters.published_before)
    base = base.where(*_mentioned_in(Article.id, filters.mentions))
    if filters.search is not None:
        matches = text_matches("article", filters.search, dialect).subquery()
        base = base.where(Article.id.in_(select(matches.c.ref_id)))
    return base


def _mentioned_articles(kind: str, filters: ArticleFilters | None, dialect: str) -> tuple[Select[Any], Any]:
    column = getattr(Mention, OWNER_COLUMN[kind])
    pairs = select(Mention.article_id, column.label("owner")).where(column.is_not(None)).distinct().subquery()
    base = article_base(filters, dialect).join(pairs, pairs.c.article_id == Article.id)
    return base, pairs.c.owner


def entity_base(kind: str, filters: EntityFilters | None) -> Select[Any]:
    entity = ENTITY_TABLE[kind]
    base = select(*entity.__table__.columns)
    if filters is None:
        return base
    if filters.search is not None:
        base = base.where(entity.id.in_(alias_matches(kind, filters.search)))
    if filters.outlets:
        column = getattr(Mention, OWNER_COLUMN[kind])
        in_outlets = select(column).join(Article, Article.id == Mention.article_id).where(
            Article.outlet_id.in_(filters.outlets)
        )
        base = base.where(entity.id.in_(in_outlets))
    if filters.role and kind == "person":
        titles = {filters.role.strip(), normalise_key(filters.role)}
        base = base.where(Person.id.in_(select(PersonRole.person_id).where(or_(*(
            PersonRole.title.like(_like_pattern(t), escape="\\") for t in titles if t
        )))))
    if filters.kind and kind != "person":
        base = base.where(entity.kind == filters.kind)
    return base


ENTITY_TABLE: dict[str, Any] = {"person": Person, "organization": Organization, "place": Place}


# --- orders -----------------------------------------------------------------------------------


def statement_order(key: str) -> Order:
    """``published_at:desc`` (newest first, reading order within an article) or ``:asc``."""
    descending = not key.endswith(":asc")
    return Order(((Article.published_at, descending), (Statement.id, False)))


def article_order(key: str) -> Order:
    field, _, direction = key.partition(":")
    descending = direction != "asc"
    column = Article.title if field == "title" else Article.published_at
    return Order(((column, descending), (Article.id, descending)))


def entity_order(kind: str, key: str) -> Order:
    entity = ENTITY_TABLE[kind]
    field, _, direction = key.partition(":")
    if field in ("statements", "mentions"):
        column = entity.statement_count if field == "statements" else entity.mention_count
        descending = direction != "asc"
        # Ties fall back to the id, so pages are stable.
        return Order(((column, descending), (entity.id, False)))
    return Order(((entity.name, direction == "desc"), (entity.id, direction == "desc")))


MENTION_ORDER = Order(((Mention.id, False),))
OUTLET_ORDER = Order(((Outlet.name, False), (Outlet.id, False)))

# name -> (filters, order key, dialect) -> (base select, parent column or None, order)
ListSpec = Callable[[Any, str, str], tuple[Select[Any], ColumnElement[Any] | None, Order]]


def _statements(parent: Any) -> ListSpec:
    return lambda f, o, d: (statement_base(f, d), parent, statement_order(o))


def _entity_list(kind: str) -> ListSpec:
    return lambda f, o, d: (entity_base(kind, f), None, entity_order(kind, o))


def _entity_articles(kind: str) -> ListSpec:
    return lambda f, o, d: (*_mentioned_articles(kind, f, d), article_order(o))


def _entity_mentions(kind: str) -> ListSpec:
    column = getattr(Mention, OWNER_COLUMN[kind])
    return lambda f, o, d: (select(*Mention.__table__.columns), column, MENTION_ORDER)


LISTS: dict[str, ListSpec] = {
    "statements": _statements(None),
    "article.statements": _statements(Statement.article_id),
    **{f"{kind}.statements": _statements(getattr(Statement, "speaker_" + OWNER_COLUMN[kind]))
       for kind in OWNER_COLUMN},
    "articles": lambda f, o, d: (article_base(f, d), None, article_order(o)),
    "outlet.articles": lambda f, o, d: (article_base(f, d), Article.outlet_id, article_order(o)),
    **{f"{kind}.articles": _entity_articles(kind) for kind in OWNER_COLUMN},
    **{f"{kind}.mentions": _entity_mentions(kind) for kind in OWNER_COLUMN},
    "outlets": lambda f, o, d: (select(*Outlet.__table__.columns), None, OUTLET_ORDER),
    "people": _entity_list("person"),
    "organizations": _entity_list("organization"),
    "places": _entity_list("place"),
}

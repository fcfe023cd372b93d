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

from sqlalchemy import ColumnElement, Select, exists, false, func, literal_column, or_, select
from sqlalchemy import table as table_clause
from sqlalchemy.dialects.postgresql import TSQUERY
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.sql.expression import cast, literal

from kb.api.pagination import Order, Page
from kb.api.prefetch import Paths
from kb.models import (
    ENTITY_TABLES,
    OWNER_COLUMN,
    Alias,
    Article,
    ArticleEntity,
    Mention,
    Outlet,
    Person,
    PersonRole,
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
    # The node type and the link paths its query selects, to prefetch (kb.api.prefetch).
    links: tuple[str, Paths] | None = None
    # Whether the query selects totalCount: the page's statement may count too (kb.api.data).
    total: bool = False


# --- full-text matches ------------------------------------------------------------------------


def text_matches(kind: str, query: str, dialect: str, recent: int | None = None) -> Select[Any]:
    """``(ref_id, score)`` of the ``kind`` rows (article, statement) matching ``query``; a
    higher score is a better match. With ``recent``, only the newest that many matches are
    scored (by id, i.e. load order), so ranking a very common word stays cheap.
    See ``kb.search`` for the term scheme."""
    table = SEARCHABLE[kind]
    if dialect == "postgresql":
        expression = tsquery_literal(query)
        if expression is None:
            return select(table.id.label("ref_id"), literal_column("0.0").label("score")).where(false())
        tsquery = cast(literal(expression), TSQUERY)
        terms = literal_column(f"{kind}.terms")
        if recent is not None:
            # Rank only the window: ts_rank reads each row's whole tsvector (kilobytes, in
            # TOAST), and PostgreSQL would compute it for every match before the LIMIT. The
            # window itself comes from the GIN index (migration 0004 says why).
            newest = (select(literal_column("id")).select_from(
                getattr(func, f"kb_newest_{kind}_matches")(tsquery, recent).table_valued("id"))
                .subquery())
            ranked = table.__table__.alias(f"{kind}_ranked")
            ranked_terms = literal_column(f"{kind}_ranked.terms")
            return (select(newest.c.id.label("ref_id"), func.ts_rank(ranked_terms, tsquery).label("score"))
                    .join(ranked, ranked.c.id == newest.c.id))
        matches = select(table.id.label("ref_id"), func.ts_rank(terms, tsquery).label("score")).where(
            terms.op("@@")(tsquery))
    else:
        expression = fts5_query(query)
        fts = table_clause(f"{kind}_fts")
        rowid = literal_column(f"{kind}_fts.rowid")
        if expression is None:
            return select(rowid.label("ref_id"), literal_column("0.0").label("score")).select_from(fts).where(
                false())
        matches = (
            select(rowid.label("ref_id"), (-literal_column(f"bm25({kind}_fts, 5.0, 1.0)")).label("score"))
            .select_from(fts)
            .where(literal_column(f"{kind}_fts").op("MATCH")(expression))
        )
    if recent is not None:
        newest = matches.order_by(literal_column("ref_id").desc()).limit(recent).subquery()
        return select(newest.c.ref_id, newest.c.score)
    return matches


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


def mentioned_in(owner_table: Any, refs: tuple[EntityRef, ...], start: Any = None, end: Any = None):
    """Conditions: each entity is mentioned in the row's article (inside [start, end) if given)."""
    conditions = []
    for kind, ident in refs:
        where = [Mention.article_id == owner_table, getattr(Mention, OWNER_COLUMN[kind]) == ident]
        if start is not None:
            where += [Mention.start >= start, Mention.end <= end]
        conditions.append(exists().where(*where))
    return conditions


def statement_base(filters: StatementFilters | None, dialect: str) -> Select[Any]:
    base = select(*Statement.__table__.columns)
    if filters is None:
        return base
    if filters.outlets:
        base = base.where(Statement.outlet_id.in_(filters.outlets))
    if filters.published_after:
        base = base.where(Statement.published_at >= filters.published_after)
    if filters.published_before:
        base = base.where(Statement.published_at < filters.published_before)
    if filters.speakers:
        by_kind: dict[str, list[int]] = defaultdict(list)
        for kind, ident in filters.speakers:
            by_kind[kind].append(ident)
        base = base.where(or_(*(
            getattr(Statement, "speaker_" + OWNER_COLUMN[kind]).in_(ids) for kind, ids in by_kind.items()
        )))
    # Each entity must be named inside the statement's own text.
    inside = mentioned_in(Statement.article_id, filters.mentioning, Statement.start, Statement.end)
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
    for kind, ident in filters.mentions:
        base = base.where(exists().where(ArticleEntity.article_id == Article.id,
                                         getattr(ArticleEntity, OWNER_COLUMN[kind]) == ident))
    if filters.search is not None:
        matches = text_matches("article", filters.search, dialect).subquery()
        base = base.where(Article.id.in_(select(matches.c.ref_id)))
    return base


def _mentioned_articles(kind: str, filters: ArticleFilters | None, dialect: str) -> tuple[Select[Any], Any]:
    base = article_base(filters, dialect).add_columns(ArticleEntity.article_id).join(
        ArticleEntity, ArticleEntity.article_id == Article.id)
    return base, getattr(ArticleEntity, OWNER_COLUMN[kind])


def entity_base(kind: str, filters: EntityFilters | None) -> Select[Any]:
    entity = ENTITY_TABLES[kind]
    base = select(*entity.__table__.columns)
    if filters is None:
        return base
    if filters.search is not None:
        base = base.where(entity.id.in_(alias_matches(kind, filters.search)))
    if filters.outlets:
        column = getattr(ArticleEntity, OWNER_COLUMN[kind])
        base = base.where(entity.id.in_(select(column).where(ArticleEntity.outlet_id.in_(filters.outlets))))
    if filters.role and kind == "person":
        titles = {filters.role.strip(), normalise_key(filters.role)}
        base = base.where(Person.id.in_(select(PersonRole.person_id).where(or_(*(
            PersonRole.title.like(_like_pattern(t), escape="\\") for t in titles if t
        )))))
    if filters.kind and kind != "person":
        base = base.where(entity.kind == filters.kind)
    return base


SEARCHABLE: dict[str, Any] = {"article": Article, "statement": Statement}


# --- orders -----------------------------------------------------------------------------------


def _order_terms(key: str) -> list[tuple[str, bool]]:
    """``speaker:asc,published_at:desc`` as ``[("speaker", False), ("published_at", True)]``
    (kb.api.inputs writes these keys; they always end with publication time)."""
    terms = []
    for term in key.split(","):
        field, _, direction = term.partition(":")
        terms.append((field, direction != "asc"))
    if not any(field == "published_at" for field, _ in terms):
        terms.append(("published_at", True))
    return terms


def _speaker_name() -> Any:
    """The speaker's name, or '' for a statement no one is named for (so keyset pages never
    compare with NULL)."""
    names = [select(ENTITY_TABLES[kind].name)
             .where(ENTITY_TABLES[kind].id == getattr(Statement, "speaker_" + OWNER_COLUMN[kind]))
             .scalar_subquery() for kind in OWNER_COLUMN]
    return func.coalesce(*names, "")


def _outlet_name(outlet_id: Any) -> Any:
    return select(Outlet.name).where(Outlet.id == outlet_id).scalar_subquery()


def _ordered(base: Select[Any], key: str, fields: dict[str, Any], published: Any,
             ident: Any) -> tuple[Select[Any], Order]:
    """``base`` in the order ``key`` names: each field's column (an expression gets a column
    of its own, ``order_<field>``, for the cursors), then the id in the direction of the
    publication time, so that every list is stable."""
    columns: list[tuple[Any, bool]] = []
    published_descending = True
    for field, descending in _order_terms(key):
        if field == "published_at":
            columns.append((published, descending))
            published_descending = descending
            continue
        expression = fields.get(field)
        if expression is None:
            continue  # (only the API writes keys; an unknown field orders nothing)
        if not isinstance(expression, InstrumentedAttribute):
            expression = expression.label("order_" + field)
            base = base.add_columns(expression)
        columns.append((expression, descending))
    columns.append((ident, published_descending))
    return base, Order(tuple(columns))


def statement_order(base: Select[Any], key: str) -> tuple[Select[Any], Order]:
    """Newest first by default; ``published_at:asc`` gives the oldest first, in reading order
    (the id follows the date's direction). Dates alone are one range of an index; a speaker or
    outlet first sorts the matching statements."""
    return _ordered(base, key, {"speaker": _speaker_name(), "outlet": _outlet_name(Statement.outlet_id)},
                    Statement.published_at, Statement.id)


def entity_article_order(base: Select[Any], key: str) -> tuple[Select[Any], Order]:
    """Articles of an entity, by date through ``article_entity``'s index; by other fields as
    any articles."""
    terms = _order_terms(key)
    if len(terms) > 1:
        return article_order(base, key)
    descending = terms[0][1]
    return base, Order(((ArticleEntity.published_at, descending), (ArticleEntity.article_id, descending)))


def article_order(base: Select[Any], key: str) -> tuple[Select[Any], Order]:
    return _ordered(base, key, {"title": Article.title, "outlet": _outlet_name(Article.outlet_id)},
                    Article.published_at, Article.id)


def entity_order(kind: str, key: str) -> Order:
    entity = ENTITY_TABLES[kind]
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
    def spec(f: Any, o: str, d: str) -> tuple[Select[Any], ColumnElement[Any] | None, Order]:
        base, order = statement_order(statement_base(f, d), o)
        return base, parent, order

    return spec


def _articles(parent: Any) -> ListSpec:
    def spec(f: Any, o: str, d: str) -> tuple[Select[Any], ColumnElement[Any] | None, Order]:
        base, order = article_order(article_base(f, d), o)
        return base, parent, order

    return spec


def _entity_list(kind: str) -> ListSpec:
    return lambda f, o, d: (entity_base(kind, f), None, entity_order(kind, o))


def _entity_articles(kind: str) -> ListSpec:
    def spec(f: Any, o: str, d: str) -> tuple[Select[Any], ColumnElement[Any] | None, Order]:
        base, parent = _mentioned_articles(kind, f, d)
        base, order = entity_article_order(base, o)
        return base, parent, order

    return spec


def _entity_mentions(kind: str) -> ListSpec:
    column = getattr(Mention, OWNER_COLUMN[kind])
    return lambda f, o, d: (select(*Mention.__table__.columns), column, MENTION_ORDER)


LISTS: dict[str, ListSpec] = {
    "statements": _statements(None),
    "article.statements": _statements(Statement.article_id),
    **{f"{kind}.statements": _statements(getattr(Statement, "speaker_" + OWNER_COLUMN[kind]))
       for kind in OWNER_COLUMN},
    "articles": _articles(None),
    "outlet.articles": _articles(Article.outlet_id),
    **{f"{kind}.articles": _entity_articles(kind) for kind in OWNER_COLUMN},
    **{f"{kind}.mentions": _entity_mentions(kind) for kind in OWNER_COLUMN},
    "outlets": lambda f, o, d: (select(*Outlet.__table__.columns), None, OUTLET_ORDER),
    "people": _entity_list("person"),
    "organizations": _entity_list("organization"),
    "places": _entity_list("place"),
}

"""Aggregates a frontend draws: co-mentions, who is quoted where, and counts over time.

Each builder takes many parents at once and ranks within each parent with
``ROW_NUMBER() OVER (PARTITION BY parent)``, so a list of twenty people costs one query,
not twenty. Ties are broken by ids, so results are the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, func, or_, select

from kb.api.lists import ArticleFilters, StatementFilters, article_base, statement_base
from kb.models import OWNER_COLUMN, Article, Mention, Statement

ENTITY_COLUMNS = ("person_id", "organization_id", "place_id")


def _top(inner: Any, parent: Any, order: Sequence[Any], first: int) -> Select[Any]:
    number = func.row_number().over(partition_by=parent, order_by=list(order)).label("rank")
    ranked = select(inner, number).subquery()
    return select(ranked).where(ranked.c.rank <= first).order_by(ranked.c.parent_key, ranked.c.rank)


def co_mentions(kind: str, parents: Sequence[int], kinds: Sequence[str], first: int) -> Select[Any]:
    """Entities of ``kinds`` named in the same articles as each parent, by shared articles."""
    own = getattr(Mention, OWNER_COLUMN[kind])
    mine = select(Mention.article_id, own.label("parent_key")).where(own.in_(parents)).distinct().subquery()
    others = select(Mention.article_id, *(getattr(Mention, c) for c in ENTITY_COLUMNS)).where(
        or_(*(getattr(Mention, OWNER_COLUMN[k]).is_not(None) for k in kinds))
    ).distinct().subquery()
    other_own = others.c[OWNER_COLUMN[kind]]
    entity = [others.c[c] for c in ENTITY_COLUMNS]
    counted = (
        select(mine.c.parent_key, *entity, func.count().label("articles"))
        .select_from(mine.join(others, others.c.article_id == mine.c.article_id))
        .where(or_(other_own.is_(None), other_own != mine.c.parent_key))
        .group_by(mine.c.parent_key, *entity)
        .subquery()
    )
    order = [counted.c.articles.desc(), *(func.coalesce(counted.c[c], 0) for c in ENTITY_COLUMNS)]
    return _top(counted, counted.c.parent_key, order, first)


def speaker_outlets(kind: str, parents: Sequence[int]) -> Select[Any]:
    """For each speaker, the outlets that quote them and how often."""
    speaker = getattr(Statement, "speaker_" + OWNER_COLUMN[kind])
    return (
        select(speaker.label("parent_key"), Article.outlet_id, func.count().label("statements"))
        .join(Article, Article.id == Statement.article_id)
        .where(speaker.in_(parents))
        .group_by(speaker, Article.outlet_id)
        .order_by(speaker, func.count().desc(), Article.outlet_id)
    )


def top_speakers(outlets: Sequence[int], first: int) -> Select[Any]:
    """For each outlet, its most quoted named speakers (people, organizations, places)."""
    speakers = [getattr(Statement, "speaker_" + c) for c in ENTITY_COLUMNS]
    counted = (
        select(Article.outlet_id.label("parent_key"),
               *(s.label(c) for s, c in zip(speakers, ENTITY_COLUMNS, strict=True)),
               func.count().label("statements"))
        .join(Article, Article.id == Statement.article_id)
        .where(Article.outlet_id.in_(outlets), or_(*(s.is_not(None) for s in speakers)))
        .group_by(Article.outlet_id, *speakers)
        .subquery()
    )
    order = [counted.c.statements.desc(), *(func.coalesce(counted.c[c], 0) for c in ENTITY_COLUMNS)]
    return _top(counted, counted.c.parent_key, order, first)


def top_people(outlets: Sequence[int], first: int) -> Select[Any]:
    """For each outlet, the people its articles mention most (articles, then mentions)."""
    counted = (
        select(Article.outlet_id.label("parent_key"), Mention.person_id,
               func.count(func.distinct(Mention.article_id)).label("articles"),
               func.count().label("mentions"))
        .join(Article, Article.id == Mention.article_id)
        .where(Article.outlet_id.in_(outlets), Mention.person_id.is_not(None))
        .group_by(Article.outlet_id, Mention.person_id)
        .subquery()
    )
    order = [counted.c.articles.desc(), counted.c.mentions.desc(), counted.c.person_id]
    return _top(counted, counted.c.parent_key, order, first)


# --- timeline ---------------------------------------------------------------------------------


def _day(column: Any, dialect: str) -> Any:
    """The UTC calendar day of a timestamp."""
    if dialect == "postgresql":
        return func.date(func.timezone("UTC", column))
    return func.date(column)  # SQLite stores UTC text; date() takes its day


def statements_per_day(filters: StatementFilters, dialect: str) -> Select[Any]:
    inner = statement_base(filters, dialect).subquery()
    day = _day(inner.c.published_at, dialect).label("day")
    return select(day, func.count()).group_by(day)


def articles_per_day(filters: ArticleFilters, speakers: StatementFilters | None, dialect: str) -> Select[Any]:
    """Articles matching ``filters``; with ``speakers``, only those quoting one of them."""
    base = article_base(filters, dialect)
    if speakers is not None and speakers.speakers:
        quoting = statement_base(StatementFilters(speakers=speakers.speakers), dialect).subquery()
        base = base.where(Article.id.in_(select(quoting.c.article_id)))
    inner = base.subquery()
    day = _day(inner.c.published_at, dialect).label("day")
    return select(day, func.count()).group_by(day)


def per_day_by_parent(kind: str, parents: Sequence[int], dialect: str) -> tuple[Select[Any], Select[Any]]:
    """Daily counts for many parents at once: ``(parent_key, day, count)`` of statements and of
    articles. Parents are outlets (statements and articles they published) or entities
    (statements they made, articles naming them)."""
    day = _day(Article.published_at, dialect).label("day")
    if kind == "outlet":
        parent = Article.outlet_id
        statements = select(parent.label("parent_key"), day, func.count()).join(
            Statement, Statement.article_id == Article.id)
        articles = select(parent.label("parent_key"), day, func.count()).select_from(Article)
    else:
        speaker = getattr(Statement, "speaker_" + OWNER_COLUMN[kind])
        parent = getattr(Mention, OWNER_COLUMN[kind])
        statements = select(speaker.label("parent_key"), day, func.count()).join(
            Article, Article.id == Statement.article_id).where(speaker.in_(parents))
        articles = select(parent.label("parent_key"), day, func.count(func.distinct(Article.id))).join(
            Article, Article.id == Mention.article_id)
        return (statements.group_by(speaker, day),
                articles.where(parent.in_(parents)).group_by(parent, day))
    return (statements.where(parent.in_(parents)).group_by(parent, day),
            articles.where(parent.in_(parents)).group_by(parent, day))


def as_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def bucket_start(day: date, bucket: str) -> date:
    if bucket == "week":
        return day - timedelta(days=day.weekday())  # ISO weeks start on Monday
    if bucket == "month":
        return day.replace(day=1)
    return day


def next_bucket(start: date, bucket: str) -> date:
    if bucket == "week":
        return start + timedelta(days=7)
    if bucket == "month":
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return start + timedelta(days=1)


def roll_up(
    statements: Sequence[tuple[Any, int]], articles: Sequence[tuple[Any, int]], bucket: str
) -> list[tuple[date, date, int, int]]:
    """Daily counts → ``(start, end, statements, articles)`` per bucket, gaps filled with 0."""
    totals: dict[date, list[int]] = {}
    for index, rows in ((0, statements), (1, articles)):
        for day, count in rows:
            if day is None:
                continue
            start = bucket_start(as_date(day), bucket)
            totals.setdefault(start, [0, 0])[index] += count
    if not totals:
        return []
    result = []
    start, last = min(totals), max(totals)
    while start <= last:
        end = next_bucket(start, bucket)
        counts = totals.get(start, [0, 0])
        result.append((start, end, counts[0], counts[1]))
        start = end
    return result


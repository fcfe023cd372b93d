"""Aggregates a frontend draws: co-mentions, who is quoted where, and counts over time.

Each builder takes many parents at once and ranks within each parent with
``ROW_NUMBER() OVER (PARTITION BY parent)``, so a list of twenty people costs one query,
not twenty. Ties are broken by ids, so results are the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import CompoundSelect, Select, func, literal, or_, select, union_all
from sqlalchemy.orm import aliased

from kb.api.lists import ArticleFilters, StatementFilters, article_base, statement_base
from kb.models import OWNER_COLUMN, Article, ArticleEntity, DailyActivity, Statement, Utterance

ENTITY_COLUMNS = tuple(OWNER_COLUMN.values())


def _branches(parents: Sequence[int], branch: Any) -> Select[Any] | CompoundSelect[Any]:
    """One statement for many parents: ``branch(parent)`` each, joined by UNION ALL (each
    branch reads only its parent's index range)."""
    parts = [select(branch(parent).subquery()) for parent in parents]
    return parts[0] if len(parts) == 1 else union_all(*parts)


Period = tuple[datetime | None, datetime | None]  # published after (inclusive), before (exclusive)


def period(after: datetime | None, before: datetime | None) -> Period:
    """A period of publication as the aggregates take it: UTC (naive times are UTC)."""
    return (_utc(after) if after else None, _utc(before) if before else None)


def _within(column: Any, period: Period) -> list[Any]:
    """Conditions that keep ``column`` inside ``period``."""
    after, before = period
    return [c for c in ((column >= after) if after else None, (column < before) if before else None)
            if c is not None]


def co_mentions(kind: str, parents: Sequence[int], kinds: Sequence[str], first: int,
                window: int, period: Period = (None, None)) -> Select[Any] | CompoundSelect[Any]:
    """Entities of ``kinds`` named in the same articles as each parent, by the number of
    articles shared, among the parent's ``window`` most recent articles (in ``period``)."""
    own = getattr(ArticleEntity, OWNER_COLUMN[kind])
    other = aliased(ArticleEntity)
    wanted = or_(*(getattr(other, OWNER_COLUMN[k]).is_not(None) for k in kinds))
    other_own = getattr(other, OWNER_COLUMN[kind])

    def branch(parent: int) -> Select[Any]:
        dated = _within(ArticleEntity.published_at, period)
        recent = (select(ArticleEntity.article_id).where(own == parent, *dated)
                  .order_by(ArticleEntity.published_at.desc(), ArticleEntity.article_id.desc())
                  .limit(window).subquery())
        entity = [getattr(other, c) for c in ENTITY_COLUMNS]
        return (
            select(literal(parent).label("parent_key"), *entity, func.count().label("articles"))
            .join(recent, recent.c.article_id == other.article_id)
            .where(wanted, or_(other_own.is_(None), other_own != parent))
            .group_by(*entity)
            .order_by(func.count().desc(), *(func.coalesce(c, 0) for c in entity))
            .limit(first)
        )

    return _branches(parents, branch)


def speaker_outlets(kind: str, parents: Sequence[int]) -> Select[Any]:
    """For each speaker, the outlets that quote them and how often (all their statements)."""
    speaker = getattr(Statement, "speaker_" + OWNER_COLUMN[kind])
    return (
        select(speaker.label("parent_key"), Statement.outlet_id, func.count().label("statements"))
        .where(speaker.in_(parents))
        .group_by(speaker, Statement.outlet_id)
        .order_by(speaker, func.count().desc(), Statement.outlet_id)
    )


def _recent_articles(outlet: int, window: int, period: Period) -> Any:
    return (select(Article.id).where(Article.outlet_id == outlet, *_within(Article.published_at, period))
            .order_by(Article.published_at.desc(), Article.id.desc()).limit(window).subquery())


def top_speakers(outlets: Sequence[int], first: int, window: int,
                 period: Period = (None, None)) -> Select[Any] | CompoundSelect[Any]:
    """For each outlet, the named speakers it quotes most in its ``window`` latest articles
    (in ``period``)."""
    speakers = [getattr(Statement, "speaker_" + c) for c in ENTITY_COLUMNS]

    def branch(outlet: int) -> Select[Any]:
        recent = _recent_articles(outlet, window, period)
        return (
            select(literal(outlet).label("parent_key"),
                   *(s.label(c) for s, c in zip(speakers, ENTITY_COLUMNS, strict=True)),
                   func.count().label("statements"))
            .join(recent, recent.c.id == Statement.article_id)
            .where(or_(*(s.is_not(None) for s in speakers)))
            .group_by(*speakers)
            .order_by(func.count().desc(), *(func.coalesce(s, 0) for s in speakers))
            .limit(first)
        )

    return _branches(outlets, branch)


def top_people(outlets: Sequence[int], first: int, window: int,
               period: Period = (None, None)) -> Select[Any] | CompoundSelect[Any]:
    """For each outlet, the people its ``window`` latest articles (in ``period``) name most:
    by articles, then mentions."""

    def branch(outlet: int) -> Select[Any]:
        recent = _recent_articles(outlet, window, period)
        articles = func.count().label("articles")
        mentions = func.sum(ArticleEntity.mentions).label("mentions")
        return (
            select(literal(outlet).label("parent_key"), ArticleEntity.person_id, articles, mentions)
            .join(recent, recent.c.id == ArticleEntity.article_id)
            .where(ArticleEntity.person_id.is_not(None))
            .group_by(ArticleEntity.person_id)
            .order_by(func.count().desc(), func.sum(ArticleEntity.mentions).desc(), ArticleEntity.person_id)
            .limit(first)
        )

    return _branches(outlets, branch)


# --- timeline ---------------------------------------------------------------------------------


def _utc(value: datetime) -> datetime:
    return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)


def _midnight(value: datetime | None) -> bool:
    return value is None or _utc(value).time() == time(0)


def daily_answerable(statements: StatementFilters | None, articles: ArticleFilters | None = None) -> bool:
    """Whether ``daily_activity`` answers these filters exactly: only outlets and whole
    UTC days (what the loader counts per day and outlet)."""
    for filters in (statements, articles):
        if filters is None:
            continue
        if not (_midnight(filters.published_after) and _midnight(filters.published_before)):
            return False
        if filters.search is not None:
            return False
    if statements is not None and (statements.speakers or statements.mentioning or statements.kind
                                   or statements.anonymous is not None):
        return False
    return not (articles is not None and articles.mentions)


def _daily_where(query: Select[Any], filters: StatementFilters | ArticleFilters | None) -> Select[Any]:
    if filters is None:
        return query
    if filters.outlets:
        query = query.where(DailyActivity.outlet_id.in_(filters.outlets))
    if filters.published_after:
        query = query.where(DailyActivity.day >= _utc(filters.published_after).date())
    if filters.published_before:
        query = query.where(DailyActivity.day < _utc(filters.published_before).date())
    return query


def daily_counts(column: str, filters: StatementFilters | ArticleFilters | None) -> Select[Any]:
    """``(day, count)`` of statements or articles per day, from ``daily_activity``."""
    counted = getattr(DailyActivity, column)
    return _daily_where(select(DailyActivity.day, func.sum(counted)), filters).group_by(DailyActivity.day)


def daily_total(column: str, filters: StatementFilters | ArticleFilters | None) -> Select[Any]:
    """The number of statements or articles matching ``filters``, from ``daily_activity``."""
    counted = getattr(DailyActivity, column)
    return _daily_where(select(func.coalesce(func.sum(counted), 0)), filters)


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


def utterances_per_day(filters: StatementFilters, dialect: str) -> Select[Any]:
    """``(day, count)`` of utterances by the day they were first reported (their earliest
    report, by any outlet), in the filters' period, with a report matching the rest of the
    filters: each utterance counted once, so a bucket's count is the remarks that were new
    in it. Without filters it reads the utterances' first-report index, with speakers their
    speaker index; other filters first find the matching reports (all of them: a report
    outside the period may belong to an utterance first reported inside it)."""
    first = Utterance.first_reported
    day = _day(first, dialect).label("day")
    period = (filters.published_after, filters.published_before)
    query = select(day, func.count()).where(*_within(first, period))
    if filters.speakers:
        query = query.where(or_(*(getattr(Utterance, "speaker_" + OWNER_COLUMN[kind]) == ident
                                  for kind, ident in filters.speakers)))
    rest = replace(filters, speakers=(), published_after=None, published_before=None)
    if rest != StatementFilters():
        reports = statement_base(rest, dialect).where(Statement.utterance_id.is_not(None))
        query = query.where(Utterance.id.in_(reports.with_only_columns(Statement.utterance_id)))
    return query.group_by(day)


def utterances_per_day_by_parent(kind: str, parents: Sequence[int], dialect: str,
                                 period: Period = (None, None)) -> Select[Any]:
    """``(parent_key, day, count)`` of utterances by the day they were first reported (in
    ``period``): an entity's own (its speaker index), or those an outlet carried (each once,
    however many of its articles reported it)."""
    first = Utterance.first_reported
    day = _day(first, dialect).label("day")
    if kind == "outlet":
        return (select(Statement.outlet_id.label("parent_key"), day, func.count(func.distinct(Utterance.id)))
                .join(Utterance, Utterance.id == Statement.utterance_id)
                .where(Statement.outlet_id.in_(parents), *_within(first, period))
                .group_by(Statement.outlet_id, day))
    speaker = getattr(Utterance, "speaker_" + OWNER_COLUMN[kind])
    return (select(speaker.label("parent_key"), day, func.count())
            .where(speaker.in_(parents), *_within(first, period)).group_by(speaker, day))


def per_day_by_parent(kind: str, parents: Sequence[int], dialect: str,
                      period: Period = (None, None)) -> tuple[Select[Any], Select[Any]]:
    """Daily counts for many parents at once: ``(parent_key, day, count)`` of statements and of
    articles (published in ``period``). Parents are outlets (statements and articles they
    published) or entities (statements they made, articles naming them)."""
    if kind == "outlet":
        statement_parent, article_parent, dated = Statement.outlet_id, Article.outlet_id, Article
    else:
        statement_parent = getattr(Statement, "speaker_" + OWNER_COLUMN[kind])
        article_parent, dated = getattr(ArticleEntity, OWNER_COLUMN[kind]), ArticleEntity
    statement_day = _day(Statement.published_at, dialect).label("day")
    article_day = _day(dated.published_at, dialect).label("day")
    statements = (select(statement_parent.label("parent_key"), statement_day, func.count())
                  .where(statement_parent.in_(parents), *_within(Statement.published_at, period))
                  .group_by(statement_parent, statement_day))
    articles = (select(article_parent.label("parent_key"), article_day, func.count())
                .where(article_parent.in_(parents), *_within(dated.published_at, period))
                .group_by(article_parent, article_day))
    return statements, articles


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
    statements: Sequence[tuple[Any, int]], articles: Sequence[tuple[Any, int]], bucket: str,
    utterances: Sequence[tuple[Any, int]] = (),
) -> list[tuple[date, date, int, int, int]]:
    """Daily counts → ``(start, end, statements, articles, utterances)`` per bucket, gaps
    filled with 0."""
    totals: dict[date, list[int]] = {}
    for index, rows in ((0, statements), (1, articles), (2, utterances)):
        for day, count in rows:
            if day is None:
                continue
            start = bucket_start(as_date(day), bucket)
            totals.setdefault(start, [0, 0, 0])[index] += count
    if not totals:
        return []
    result = []
    start, last = min(totals), max(totals)
    while start <= last:
        end = next_bucket(start, bucket)
        counts = totals.get(start, [0, 0, 0])
        result.append((start, end, counts[0], counts[1], counts[2]))
        start = end
    return result


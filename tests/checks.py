"""Consistency of a loaded database, checked by the load and fault tests: every derived row
(search index, article_entity, daily_activity, entity counts) agrees with the rows it is
derived from."""

from __future__ import annotations

from sqlalchemy import func, select, text
from sqlmodel import Session

from kb.models import (
    Alias,
    Article,
    ArticleEntity,
    Image,
    Mention,
    Organization,
    Outlet,
    Person,
    PersonRole,
    Place,
    Statement,
)

TABLES = [Outlet, Article, Image, Person, Organization, Place, Alias, Mention, Statement, PersonRole,
          ArticleEntity]


def counts(engine) -> dict[str, int]:
    with Session(engine) as session:
        found = {t.__tablename__: session.exec(select(func.count()).select_from(t)).one()[0] for t in TABLES}
        for table in ("article", "statement"):  # the search index follows its rows
            if engine.dialect.name == "sqlite":
                indexed = session.execute(text(f"SELECT count(*) FROM {table}_fts")).scalar_one()
            else:
                indexed = session.execute(text(f"SELECT count(*) FROM {table} WHERE terms != ''")).scalar_one()
            assert indexed == found[table]
        # article_entity holds each (article, entity) pair of the mentions once.
        pairs = session.execute(text("SELECT count(*) FROM (SELECT DISTINCT article_id, person_id, "
                                     "organization_id, place_id FROM mention) AS pairs")).scalar_one()
        assert found["article_entity"] == pairs
        # daily_activity holds the articles and statements of each (UTC day, outlet).
        day = "date(timezone('UTC', a.published_at))" if engine.dialect.name == "postgresql" else "date(a.published_at)"
        expected = session.execute(text(
            f"SELECT {day}, a.outlet_id, count(*), sum((SELECT count(*) FROM statement s WHERE s.article_id = a.id)) "
            f"FROM article a GROUP BY {day}, a.outlet_id ORDER BY 1, 2")).all()
        daily = session.execute(text("SELECT day, outlet_id, articles, statements FROM daily_activity "
                                     "ORDER BY 1, 2")).all()
        assert [tuple(r) for r in daily] == [tuple(r) for r in expected]
        return found


def activity(engine) -> dict[str, tuple[int, int]]:
    """Denormalised counts per person, and the same counted from the rows."""
    with Session(engine) as session:
        stored = {p.key: (p.statement_count, p.mention_count) for p in session.exec(select(Person)).scalars()}
        counted = {}
        for person in session.exec(select(Person)).scalars():
            statements = session.exec(select(func.count()).where(Statement.speaker_person_id == person.id)).one()[0]
            mentions = session.exec(select(func.count()).where(Mention.person_id == person.id)).one()[0]
            counted[person.key] = (statements, mentions)
    assert stored == counted
    return stored

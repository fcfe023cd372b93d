"""What a database holds: rows per table, and articles and statements per outlet (``kb stats``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, func, select

from kb.models import (
    Alias,
    Article,
    DailyActivity,
    Image,
    Mention,
    Organization,
    Outlet,
    Person,
    PersonRole,
    Place,
    Statement,
)

TABLES = (Outlet, Article, Statement, Mention, Person, Organization, Place, Alias, PersonRole, Image)


def database_stats(engine: Engine) -> dict[str, Any]:
    with engine.connect() as connection:
        tables = {t.__tablename__: connection.execute(select(func.count()).select_from(t)).scalar_one()
                  for t in TABLES}
        # Per outlet from the loader's daily counts: a few rows per day, not every article.
        per_outlet = connection.execute(
            select(Outlet.name, func.coalesce(func.sum(DailyActivity.articles), 0),
                   func.coalesce(func.sum(DailyActivity.statements), 0),
                   func.min(DailyActivity.day), func.max(DailyActivity.day))
            .select_from(Outlet).outerjoin(DailyActivity, DailyActivity.outlet_id == Outlet.id)
            .group_by(Outlet.id, Outlet.name)
            .order_by(func.coalesce(func.sum(DailyActivity.articles), 0).desc(), Outlet.name)
        ).all()
    return {
        "tables": tables,
        "outlets": [{"outlet": name, "articles": int(articles), "statements": int(statements),
                     "first_day": str(first) if first else None, "last_day": str(last) if last else None}
                    for name, articles, statements, first, last in per_outlet],
    }

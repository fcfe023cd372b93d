"""Articles and statements per day and outlet; anonymous statements indexed.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 09:00:00

- daily_activity: articles and statements per UTC day and outlet, kept by the loader. The
  overall timeline and the totals of whole lists (all statements, all articles, an outlet's
  in a range of days) read these rows instead of counting every row: their cost follows
  the number of days, not the size of the archive. Filled here from what is stored.
- ix_statement_anonymous: statement (published_at, id) of anonymous statements, so the
  anonymous filter's pages and count are one short range instead of a scan of every
  statement.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    op.create_table(
        "daily_activity",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("outlet_id", sa.Integer(), nullable=False),
        sa.Column("articles", sa.Integer(), server_default="0", nullable=False),
        sa.Column("statements", sa.Integer(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(["outlet_id"], ["outlet.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("day", "outlet_id"),
    )
    day = "date(timezone('UTC', {}))" if postgresql else "date({})"
    op.execute(
        "INSERT INTO daily_activity (day, outlet_id, articles, statements) "
        f"SELECT {day.format('a.published_at')}, a.outlet_id, count(*), "
        "coalesce(sum((SELECT count(*) FROM statement AS s WHERE s.article_id = a.id)), 0) "
        f"FROM article AS a GROUP BY {day.format('a.published_at')}, a.outlet_id"
    )
    # SQLite uses a partial index only for a query term written as the index's (SQLAlchemy
    # writes anonymous = 1 there); PostgreSQL reads anonymous = true as anonymous.
    op.create_index("ix_statement_anonymous", "statement", ["published_at", "id"],
                    sqlite_where=sa.text("anonymous = 1"), postgresql_where=sa.text("anonymous"))


def downgrade() -> None:
    op.drop_index("ix_statement_anonymous", table_name="statement")
    op.drop_table("daily_activity")

"""Owner indexes hold only their own rows.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 08:00:00

A mention, a statement speaker and an article_entity row point at one of three entity
tables through three nullable columns, and each column has its own index. A full index
holds an entry for every row, two thirds of them NULL that no query asks for; loading paid
for all three on every insert. Each index now holds only the rows whose column is set
(``WHERE column IS NOT NULL``), which ``column = ?`` and ``column IN (...)`` imply on both
SQLite and PostgreSQL, so the same queries use them.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (index, table, owner column, the columns after it)
OWNER_INDEXES = [
    (f"ix_statement_{kind}", "statement", f"speaker_{kind}_id", ["published_at", "id"])
    for kind in ("person", "organization", "place")
] + [
    (f"ix_mention_{kind}_article", "mention", f"{kind}_id", ["article_id"])
    for kind in ("person", "organization", "place")
] + [
    (f"ix_article_entity_{kind}", "article_entity", f"{kind}_id", ["published_at", "article_id"])
    for kind in ("person", "organization", "place")
]


def _recreate(partial: bool) -> None:
    for name, table, owner, rest in OWNER_INDEXES:
        op.drop_index(name, table_name=table)
        where = sa.text(f"{owner} IS NOT NULL")
        kwargs = {"sqlite_where": where, "postgresql_where": where} if partial else {}
        op.create_index(name, table, [owner, *rest], **kwargs)


def upgrade() -> None:
    _recreate(partial=True)


def downgrade() -> None:
    _recreate(partial=False)

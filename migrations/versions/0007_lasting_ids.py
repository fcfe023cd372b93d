"""Lasting ids: article.uid and statement.uid, the keys of their global ids.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 17:40:00

Global ids were row numbers, so rebuilding the database or loading the same files in another
order changed them. Articles are now named by a hash of their identity and statements by
their article's and their position (kb/ids.py); people, organizations, places and outlets by
their key, which they already had.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from kb.ids import article_uid

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("article", sa.Column("uid", sa.String(length=32), nullable=True))
    op.add_column("statement", sa.Column("uid", sa.String(length=48), nullable=True))
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, identity FROM article")).fetchall()
    if rows:
        connection.execute(sa.text("UPDATE article SET uid = :uid WHERE id = :id"),
                           [{"uid": article_uid(identity), "id": ident} for ident, identity in rows])
        connection.execute(sa.text(
            "UPDATE statement SET uid = (SELECT article.uid FROM article WHERE article.id = statement.article_id)"
            " || '.' || CAST(position AS VARCHAR(12))"
        ))
    op.create_index("ix_article_uid", "article", ["uid"], unique=True)
    op.create_index("ix_statement_uid", "statement", ["uid"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_statement_uid", table_name="statement")
    op.drop_index("ix_article_uid", table_name="article")
    # (plain ALTER TABLE, SQLite 3.35 and later too: a batch copy of article would cascade
    # its deletion to every statement)
    op.execute("ALTER TABLE statement DROP COLUMN uid")
    op.execute("ALTER TABLE article DROP COLUMN uid")

"""Full-text search, activity counts, statements by date, and the entities of each article.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 05:30:00

- Search (see kb.search): FTS5 tables article_fts and statement_fts on SQLite (rowid = the
  row's id; triggers drop entries with their rows, ON DELETE CASCADE included); a `terms`
  tsvector column with a GIN index on article and statement on PostgreSQL.
- person/organization/place: statement_count and mention_count, indexed for ordering.
- statement.outlet_id and published_at (the article's), indexed per speaker and per outlet:
  newest-first pages are one index range.
- article_entity: each entity an article names, once, with its outlet and date.

Existing articles are marked stale, so the next `kb load` of the same files re-extracts and
indexes them; the counts, dates and article_entity rows are filled here.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import kb.models

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ENTITIES = (("person", "person_id"), ("organization", "organization_id"), ("place", "place_id"))


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for table, column in ENTITIES:
        op.add_column(table, sa.Column("statement_count", sa.Integer(), server_default="0", nullable=False))
        op.add_column(table, sa.Column("mention_count", sa.Integer(), server_default="0", nullable=False))
        op.create_index(f"ix_{table}_name", table, ["name", "id"])
        op.create_index(f"ix_{table}_statement_count", table, ["statement_count", "id"])
        op.create_index(f"ix_{table}_mention_count", table, ["mention_count", "id"])
        op.execute(
            f"UPDATE {table} SET "
            f"statement_count = (SELECT count(*) FROM statement WHERE speaker_{column} = {table}.id), "
            f"mention_count = (SELECT count(*) FROM mention WHERE {column} = {table}.id)"
        )

    with op.batch_alter_table("statement") as batch:
        batch.add_column(sa.Column("outlet_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("published_at", kb.models.UTCDateTime(timezone=True), nullable=True))
    for column in ("outlet_id", "published_at"):
        op.execute(f"UPDATE statement SET {column} = "
                   f"(SELECT {column} FROM article WHERE article.id = statement.article_id)")
    with op.batch_alter_table("statement") as batch:
        batch.alter_column("outlet_id", nullable=False, existing_type=sa.Integer())
        batch.alter_column("published_at", nullable=False, existing_type=kb.models.UTCDateTime(timezone=True))
        batch.create_foreign_key("fk_statement_outlet_id_outlet", "outlet", ["outlet_id"], ["id"],
                                 ondelete="CASCADE")
        batch.create_index("ix_statement_outlet", ["outlet_id", "published_at", "id"])
        for _, column in ENTITIES:
            batch.drop_index(f"ix_statement_{column[:-3]}")
            batch.create_index(f"ix_statement_{column[:-3]}", [f"speaker_{column}", "published_at", "id"])
        batch.create_index("ix_statement_published", ["published_at", "id"])

    op.create_table(
        "article_entity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("organization_id", sa.Integer(), nullable=True),
        sa.Column("place_id", sa.Integer(), nullable=True),
        sa.Column("outlet_id", sa.Integer(), nullable=False),
        sa.Column("published_at", kb.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("mentions", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "(CASE WHEN person_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN organization_id IS NULL THEN 0 "
            "ELSE 1 END) + (CASE WHEN place_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="ck_article_entity_owner",
        ),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["organization_id"], ["organization.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["outlet_id"], ["outlet.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["place_id"], ["place.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_article_entity_article_id"), "article_entity", ["article_id"])
    for _, column in ENTITIES:
        op.create_index(f"ix_article_entity_{column[:-3]}", "article_entity",
                        [column, "published_at", "article_id"])
        op.execute(
            f"INSERT INTO article_entity (article_id, {column}, outlet_id, published_at, mentions) "
            f"SELECT m.article_id, m.{column}, a.outlet_id, a.published_at, count(*) FROM mention m "
            f"JOIN article a ON a.id = m.article_id WHERE m.{column} IS NOT NULL "
            f"GROUP BY m.article_id, m.{column}, a.outlet_id, a.published_at"
        )

    if postgresql:
        for table in ("article", "statement"):
            op.execute(f"ALTER TABLE {table} ADD COLUMN terms tsvector NOT NULL DEFAULT ''")
            op.execute(f"CREATE INDEX ix_{table}_terms ON {table} USING gin (terms)")
    else:
        for table in ("article", "statement"):
            op.execute(f"CREATE VIRTUAL TABLE {table}_fts USING fts5(title, body)")
            # Entries leave with their rows, including by ON DELETE CASCADE.
            op.execute(f"CREATE TRIGGER {table}_fts_delete AFTER DELETE ON {table} "
                       f"BEGIN DELETE FROM {table}_fts WHERE rowid = old.id; END")
    # Not indexed yet: the next `kb load` of the same files re-extracts and indexes them.
    op.execute("UPDATE article SET extractor_version = 'pre-0002'")


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for table in ("article", "statement"):
        if postgresql:
            op.execute(f"DROP INDEX IF EXISTS ix_{table}_terms")
            op.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS terms")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_fts_delete")
            op.execute(f"DROP TABLE IF EXISTS {table}_fts")
    op.drop_table("article_entity")
    with op.batch_alter_table("statement") as batch:
        batch.drop_index("ix_statement_published")
        batch.drop_index("ix_statement_outlet")
        batch.drop_constraint("fk_statement_outlet_id_outlet", type_="foreignkey")
        batch.drop_column("outlet_id")
        for _, column in ENTITIES:
            batch.drop_index(f"ix_statement_{column[:-3]}")
            batch.create_index(f"ix_statement_{column[:-3]}", [f"speaker_{column}", "id"])
        batch.drop_column("published_at")
    for table, _ in ENTITIES:
        op.drop_index(f"ix_{table}_mention_count", table_name=table)
        op.drop_index(f"ix_{table}_statement_count", table_name=table)
        op.drop_index(f"ix_{table}_name", table_name=table)
        with op.batch_alter_table(table) as batch:
            batch.drop_column("mention_count")
            batch.drop_column("statement_count")

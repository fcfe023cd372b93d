"""Search index (articles and statements) and activity counts on entities.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 05:30:00

The terms index is dialect-specific (see kb.search and kb.models.SearchDocument): an FTS5
table on SQLite, a tsvector column with a GIN index on PostgreSQL. Existing articles are
indexed by reloading them (``kb load`` with the new extractor version), which also fills the
counts; the counts are also computed here so ordering works at once.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ENTITIES = (("person", "person_id"), ("organization", "organization_id"), ("place", "place_id"))


def upgrade() -> None:
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

    op.create_table(
        "search_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("ref_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("kind", "ref_id", name="uq_search_document_ref"),
    )
    op.create_index(op.f("ix_search_document_article_id"), "search_document", ["article_id"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE search_document ADD COLUMN terms tsvector NOT NULL DEFAULT ''")
        op.execute("CREATE INDEX ix_search_document_terms ON search_document USING gin (terms)")
    else:
        op.execute("CREATE VIRTUAL TABLE search_fts USING fts5(title, body)")
        # Rows leave the FTS table with their document, including by ON DELETE CASCADE.
        op.execute(
            "CREATE TRIGGER search_fts_delete AFTER DELETE ON search_document "
            "BEGIN DELETE FROM search_fts WHERE rowid = old.id; END"
        )
    # Articles stored before this revision have no search documents: mark them stale so
    # the next `kb load` of the same files re-extracts and indexes them.
    op.execute("UPDATE article SET extractor_version = 'pre-0002'")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        op.execute("DROP TRIGGER IF EXISTS search_fts_delete")
        op.execute("DROP TABLE IF EXISTS search_fts")
    op.drop_index(op.f("ix_search_document_article_id"), table_name="search_document")
    op.drop_table("search_document")
    for table, _ in ENTITIES:
        op.drop_index(f"ix_{table}_mention_count", table_name=table)
        op.drop_index(f"ix_{table}_statement_count", table_name=table)
        op.drop_index(f"ix_{table}_name", table_name=table)
        with op.batch_alter_table(table) as batch:
            batch.drop_column("mention_count")
            batch.drop_column("statement_count")

"""PostgreSQL: the newest matches of a search through the GIN index, always.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 08:30:00

``search`` ranks the newest KB_SEARCH_WINDOW matches of a query. An article's tsvector is
kilobytes (TOASTed), and ANALYZE skips values over 1 kB, so PostgreSQL has no statistics
for article terms: it guessed that 北约 matches 0.5% of articles and walked the primary
key (or the whole table) newest first, decompressing every tsvector to test it — 0.2 s at
10,000 articles, seconds at 100,000. The GIN index finds the matches without reading a
tsvector. These functions run the window query with sequential and plain index scans off
(a function's own SET clause: nothing else is affected), so the plan is the GIN bitmap
scan and a top-N sort by id. SQLite's FTS5 walks its matches newest first already.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("article", "statement")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        op.execute(f"""
            CREATE FUNCTION kb_newest_{table}_matches(query tsquery, n integer)
            RETURNS TABLE (id integer)
            LANGUAGE sql STABLE
            SET enable_seqscan = off
            SET enable_indexscan = off
            AS $$ SELECT t.id FROM {table} AS t WHERE t.terms @@ query ORDER BY t.id DESC LIMIT n $$
        """)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        op.execute(f"DROP FUNCTION IF EXISTS kb_newest_{table}_matches(tsquery, integer)")

"""Utterances: the statements by one speaker that report the same remark.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 03:00:00

- utterance: one row per group (kb/utterances.py), with its lasting id (its earliest
  statement's), speaker, first and last report and number of reports; indexed for the lists
  the API pages (by speaker, by first report, by reports).
- statement.remark: the statement's text as matching reads it (kb/remark.py), so the loader
  compares stored statements without folding their text again; statement.utterance_id, with
  an index for an utterance's reports in order.

What is stored already is grouped here (the same code ``kb utterances rebuild`` runs).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OWNERS = (("person", "speaker_person_id"), ("organization", "speaker_organization_id"),
           ("place", "speaker_place_id"))


def upgrade() -> None:
    connection = op.get_bind()
    sqlite = connection.dialect.name == "sqlite"
    one_owner = " + ".join(f"(CASE WHEN {c} IS NULL THEN 0 ELSE 1 END)" for _, c in _OWNERS) + " = 1"
    op.create_table(
        "utterance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=48), nullable=False),
        *(sa.Column(column, sa.Integer(), nullable=True) for _, column in _OWNERS),
        sa.Column("first_reported", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_reported", sa.DateTime(timezone=True), nullable=False),
        sa.Column("report_count", sa.Integer(), nullable=False),
        sa.CheckConstraint(one_owner, name="ck_utterance_speaker"),
        *(sa.ForeignKeyConstraint([column], [f"{table}.id"], ondelete="CASCADE") for table, column in _OWNERS),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_utterance_uid", "utterance", ["uid"], unique=True)
    op.create_index("ix_utterance_first_reported", "utterance", ["first_reported", "uid"])
    op.create_index("ix_utterance_report_count", "utterance", ["report_count", "first_reported", "uid"])
    for table, column in _OWNERS:
        where = sa.text(f"{column} IS NOT NULL")
        op.create_index(f"ix_utterance_{table}", "utterance", [column, "first_reported", "uid"],
                        sqlite_where=where, postgresql_where=where)
    if sqlite:
        # (plain ALTER TABLE: a batch copy of statement would rebuild its every index)
        op.execute("ALTER TABLE statement ADD COLUMN remark TEXT")
        op.execute("ALTER TABLE statement ADD COLUMN utterance_id INTEGER REFERENCES utterance (id)")
    else:
        op.add_column("statement", sa.Column("remark", sa.Text(), nullable=True))
        op.add_column("statement", sa.Column("utterance_id", sa.Integer(), nullable=True))
        op.create_foreign_key(None, "statement", "utterance", ["utterance_id"], ["id"])
    where = sa.text("utterance_id IS NOT NULL")
    op.create_index("ix_statement_utterance", "statement", ["utterance_id", "published_at", "id"],
                    sqlite_where=where, postgresql_where=where)
    if connection.execute(sa.text("SELECT count(*) FROM statement")).scalar_one():
        from kb.utterances import rebuild

        rebuild(connection)


def downgrade() -> None:
    op.drop_index("ix_statement_utterance", table_name="statement")
    if op.get_bind().dialect.name == "postgresql":
        op.drop_constraint("statement_utterance_id_fkey", "statement", type_="foreignkey")
    op.execute("ALTER TABLE statement DROP COLUMN utterance_id")
    op.execute("ALTER TABLE statement DROP COLUMN remark")
    op.drop_table("utterance")

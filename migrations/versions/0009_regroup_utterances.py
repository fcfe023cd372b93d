"""Utterances regrouped under the matching rules of issue 16's second round.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 06:00:00

No schema change. A statement's stored remark now carries its content characters and its
entities' sides (kb/remark.py), and two remarks may also match by the content characters they
share, so every stored remark is computed again and every statement regrouped (the same code
``kb utterances rebuild`` runs). The revision is what makes a database loaded under the old
rules regroup: the API's health check wants the newest one.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    connection = op.get_bind()
    if connection.execute(sa.text("SELECT count(*) FROM statement")).scalar_one():
        from kb.utterances import rebuild

        rebuild(connection)


def downgrade() -> None:
    # (0008's code groups what is stored when it is upgraded to again; its rules are gone, so
    # the groups stay as they are: they are valid rows, only made by newer rules)
    pass

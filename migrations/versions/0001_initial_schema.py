"""Initial schema: outlets, articles, images, people, organizations, places, aliases,
mentions, statements and roles.

Revision ID: 0001
Revises:
Create Date: 2026-11-22 04:27:33.599797
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import kb.models

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('organization',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name_en', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('wikidata', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
    sa.Column('country', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=True),
    sa.Column('origin', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    op.create_table('outlet',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name_en', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('short_name', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('country', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=True),
    sa.Column('origin', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name_en', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('wikidata', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
    sa.Column('country', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=True),
    sa.Column('origin', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    op.create_table('place',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name_en', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('wikidata', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
    sa.Column('country', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=True),
    sa.Column('origin', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    op.create_table('article',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('identity', sqlmodel.sql.sqltypes.AutoString(length=2048), nullable=False),
    sa.Column('outlet_id', sa.Integer(), nullable=False),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('published_at', kb.models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('byline', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('lead_image', sa.Text(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('dateline', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('source_path', sa.Text(), nullable=False),
    sa.Column('source_format', sqlmodel.sql.sqltypes.AutoString(length=1), nullable=False),
    sa.Column('content_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('extractor_version', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('loaded_at', kb.models.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['outlet_id'], ['outlet.id'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('identity')
    )
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.create_index('ix_article_outlet_published', ['outlet_id', 'published_at', 'id'], unique=False)
        batch_op.create_index('ix_article_published', ['published_at', 'id'], unique=False)

    op.create_table('outlet_domain',
    sa.Column('domain', sqlmodel.sql.sqltypes.AutoString(length=253), nullable=False),
    sa.Column('outlet_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['outlet_id'], ['outlet.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('domain')
    )
    with op.batch_alter_table('outlet_domain', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outlet_domain_outlet_id'), ['outlet_id'], unique=False)

    op.create_table('alias',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=True),
    sa.Column('place_id', sa.Integer(), nullable=True),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('normalised', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('origin', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('(CASE WHEN person_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN organization_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN place_id IS NULL THEN 0 ELSE 1 END) = 1', name='ck_alias_owner'),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['place_id'], ['place.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('organization_id', 'normalised', name='uq_alias_organization'),
    sa.UniqueConstraint('person_id', 'normalised', name='uq_alias_person'),
    sa.UniqueConstraint('place_id', 'normalised', name='uq_alias_place')
    )
    with op.batch_alter_table('alias', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_alias_normalised'), ['normalised'], unique=False)
        batch_op.create_index(batch_op.f('ix_alias_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_alias_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_alias_place_id'), ['place_id'], unique=False)

    op.create_table('image',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('caption', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('image', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_image_article_id'), ['article_id'], unique=False)

    op.create_table('mention',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=True),
    sa.Column('place_id', sa.Integer(), nullable=True),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('line', sa.Integer(), nullable=False),
    sa.Column('surface', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.CheckConstraint('(CASE WHEN person_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN organization_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN place_id IS NULL THEN 0 ELSE 1 END) = 1', name='ck_mention_entity'),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['place_id'], ['place.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('mention', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mention_article_id'), ['article_id'], unique=False)
        batch_op.create_index('ix_mention_organization_article', ['organization_id', 'article_id'], unique=False)
        batch_op.create_index('ix_mention_person_article', ['person_id', 'article_id'], unique=False)
        batch_op.create_index('ix_mention_place_article', ['place_id', 'article_id'], unique=False)

    op.create_table('person_role',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=True),
    sa.Column('place_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['place_id'], ['place.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('person_role', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_role_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_role_person_id'), ['person_id'], unique=False)

    op.create_table('statement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('speaker_person_id', sa.Integer(), nullable=True),
    sa.Column('speaker_organization_id', sa.Integer(), nullable=True),
    sa.Column('speaker_place_id', sa.Integer(), nullable=True),
    sa.Column('speaker_text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('anonymous', sa.Boolean(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('verb', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('line', sa.Integer(), nullable=False),
    sa.CheckConstraint('(CASE WHEN speaker_person_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN speaker_organization_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN speaker_place_id IS NULL THEN 0 ELSE 1 END) <= 1', name='ck_statement_speaker'),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['speaker_organization_id'], ['organization.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['speaker_person_id'], ['person.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['speaker_place_id'], ['place.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('statement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_statement_article_id'), ['article_id'], unique=False)
        batch_op.create_index('ix_statement_organization', ['speaker_organization_id', 'id'], unique=False)
        batch_op.create_index('ix_statement_person', ['speaker_person_id', 'id'], unique=False)
        batch_op.create_index('ix_statement_place', ['speaker_place_id', 'id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('statement', schema=None) as batch_op:
        batch_op.drop_index('ix_statement_place')
        batch_op.drop_index('ix_statement_person')
        batch_op.drop_index('ix_statement_organization')
        batch_op.drop_index(batch_op.f('ix_statement_article_id'))

    op.drop_table('statement')
    with op.batch_alter_table('person_role', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_role_person_id'))
        batch_op.drop_index(batch_op.f('ix_person_role_article_id'))

    op.drop_table('person_role')
    with op.batch_alter_table('mention', schema=None) as batch_op:
        batch_op.drop_index('ix_mention_place_article')
        batch_op.drop_index('ix_mention_person_article')
        batch_op.drop_index('ix_mention_organization_article')
        batch_op.drop_index(batch_op.f('ix_mention_article_id'))

    op.drop_table('mention')
    with op.batch_alter_table('image', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_image_article_id'))

    op.drop_table('image')
    with op.batch_alter_table('alias', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_alias_place_id'))
        batch_op.drop_index(batch_op.f('ix_alias_person_id'))
        batch_op.drop_index(batch_op.f('ix_alias_organization_id'))
        batch_op.drop_index(batch_op.f('ix_alias_normalised'))

    op.drop_table('alias')
    with op.batch_alter_table('outlet_domain', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outlet_domain_outlet_id'))

    op.drop_table('outlet_domain')
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.drop_index('ix_article_published')
        batch_op.drop_index('ix_article_outlet_published')

    op.drop_table('article')
    op.drop_table('place')
    op.drop_table('person')
    op.drop_table('outlet')
    op.drop_table('organization')

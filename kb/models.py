"""The relational schema (SQLModel tables). Alembic migrations create it; nothing else does.

Entities are three tables — people, organizations, places — because they carry different
facts. Aliases, mentions and statement speakers point at exactly one of them through
nullable foreign keys guarded by CHECK constraints, so every row is joinable with plain SQL.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite stores them naive)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime; kb stores timezone-aware UTC only")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _one_owner(*columns: str) -> str:
    return " + ".join(f"(CASE WHEN {c} IS NULL THEN 0 ELSE 1 END)" for c in columns) + " = 1"


def _at_most_one(*columns: str) -> str:
    return " + ".join(f"(CASE WHEN {c} IS NULL THEN 0 ELSE 1 END)" for c in columns) + " <= 1"


def _owner_index(name: str, owner: str, *rest: str) -> sa.Index:
    """An index of one owner column that holds only the rows it owns: the other two thirds
    are NULL there, and no query looks them up (``owner = ?`` implies ``IS NOT NULL``)."""
    where = sa.text(f"{owner} IS NOT NULL")
    return sa.Index(name, owner, *rest, sqlite_where=where, postgresql_where=where)


def _entity_indexes(table: str) -> tuple[sa.Index, ...]:
    # Keyset pagination of people/organizations/places by name or by activity.
    return (
        sa.Index(f"ix_{table}_name", "name", "id"),
        sa.Index(f"ix_{table}_statement_count", "statement_count", "id"),
        sa.Index(f"ix_{table}_mention_count", "mention_count", "id"),
    )


class Outlet(SQLModel, table=True):
    __tablename__ = "outlet"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True, max_length=200)
    name: str
    name_en: str
    short_name: str | None = None
    country: str | None = Field(default=None, max_length=8)
    origin: str = Field(max_length=16)  # catalog | domain | name


class OutletDomain(SQLModel, table=True):
    __tablename__ = "outlet_domain"

    domain: str = Field(primary_key=True, max_length=253)
    outlet_id: int = Field(foreign_key="outlet.id", ondelete="CASCADE", index=True)


class Article(SQLModel, table=True):
    __tablename__ = "article"
    __table_args__ = (
        sa.Index("ix_article_published", "published_at", "id"),
        sa.Index("ix_article_outlet_published", "outlet_id", "published_at", "id"),
        sa.Index("ix_article_uid", "uid", unique=True),
    )

    id: int | None = Field(default=None, primary_key=True)
    identity: str = Field(unique=True, max_length=2048)
    uid: str | None = Field(default=None, max_length=32)  # its global id's key (kb/ids.py)
    outlet_id: int = Field(foreign_key="outlet.id", ondelete="RESTRICT")
    url: str | None = Field(default=None, sa_type=sa.Text)
    title: str = Field(sa_type=sa.Text)
    published_at: datetime = Field(sa_type=UTCDateTime)
    byline: str | None = None
    lead_image: str | None = Field(default=None, sa_type=sa.Text)
    text: str = Field(sa_type=sa.Text)
    dateline: str | None = None
    source_path: str = Field(sa_type=sa.Text)
    source_format: str = Field(max_length=1)
    content_hash: str = Field(max_length=64)
    extractor_version: str = Field(max_length=16)
    loaded_at: datetime = Field(default_factory=_utcnow, sa_type=UTCDateTime)


class Image(SQLModel, table=True):
    __tablename__ = "image"

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", ondelete="CASCADE", index=True)
    position: int
    url: str = Field(sa_type=sa.Text)
    caption: str | None = Field(default=None, sa_type=sa.Text)


class Person(SQLModel, table=True):
    __tablename__ = "person"
    __table_args__ = _entity_indexes("person")

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True, max_length=200)
    name: str
    name_en: str | None = None
    wikidata: str | None = Field(default=None, max_length=32)
    country: str | None = Field(default=None, max_length=8)
    origin: str = Field(max_length=16)  # catalog | discovered
    statement_count: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    mention_count: int = Field(default=0, sa_column_kwargs={"server_default": "0"})


class Organization(SQLModel, table=True):
    __tablename__ = "organization"
    __table_args__ = _entity_indexes("organization")

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True, max_length=200)
    name: str
    name_en: str | None = None
    wikidata: str | None = Field(default=None, max_length=32)
    kind: str | None = Field(default=None, max_length=32)
    country: str | None = Field(default=None, max_length=8)
    origin: str = Field(max_length=16)
    statement_count: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    mention_count: int = Field(default=0, sa_column_kwargs={"server_default": "0"})


class Place(SQLModel, table=True):
    __tablename__ = "place"
    __table_args__ = _entity_indexes("place")

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True, max_length=200)
    name: str
    name_en: str | None = None
    wikidata: str | None = Field(default=None, max_length=32)
    kind: str | None = Field(default=None, max_length=32)
    country: str | None = Field(default=None, max_length=8)
    origin: str = Field(max_length=16)
    statement_count: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    mention_count: int = Field(default=0, sa_column_kwargs={"server_default": "0"})


class Alias(SQLModel, table=True):
    """A written form of an entity, and how it was learned (catalog, parenthetical, title)."""

    __tablename__ = "alias"
    __table_args__ = (
        sa.CheckConstraint(_one_owner("person_id", "organization_id", "place_id"), name="ck_alias_owner"),
        # One constraint per owner: NULLs never collide, so each only binds its own rows.
        sa.UniqueConstraint("person_id", "normalised", name="uq_alias_person"),
        sa.UniqueConstraint("organization_id", "normalised", name="uq_alias_organization"),
        sa.UniqueConstraint("place_id", "normalised", name="uq_alias_place"),
    )

    id: int | None = Field(default=None, primary_key=True)
    person_id: int | None = Field(default=None, foreign_key="person.id", ondelete="CASCADE", index=True)
    organization_id: int | None = Field(
        default=None, foreign_key="organization.id", ondelete="CASCADE", index=True
    )
    place_id: int | None = Field(default=None, foreign_key="place.id", ondelete="CASCADE", index=True)
    name: str
    normalised: str = Field(index=True)
    origin: str = Field(max_length=16)
    article_id: int | None = Field(default=None, foreign_key="article.id", ondelete="SET NULL")


class Mention(SQLModel, table=True):
    __tablename__ = "mention"
    __table_args__ = (
        sa.CheckConstraint(_one_owner("person_id", "organization_id", "place_id"), name="ck_mention_entity"),
        _owner_index("ix_mention_person_article", "person_id", "article_id"),
        _owner_index("ix_mention_organization_article", "organization_id", "article_id"),
        _owner_index("ix_mention_place_article", "place_id", "article_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", ondelete="CASCADE", index=True)
    person_id: int | None = Field(default=None, foreign_key="person.id", ondelete="CASCADE")
    organization_id: int | None = Field(default=None, foreign_key="organization.id", ondelete="CASCADE")
    place_id: int | None = Field(default=None, foreign_key="place.id", ondelete="CASCADE")
    start: int
    end: int
    line: int
    surface: str


class Statement(SQLModel, table=True):
    """A quote or reported speech. ``start``/``end`` locate ``text`` in the article's text.

    A named speaker is one of the three foreign keys; an anonymous one (一名美国官员) has none
    and ``anonymous`` set; ``speaker_text`` keeps the words that named the speaker either way.
    """

    __tablename__ = "statement"
    __table_args__ = (
        sa.CheckConstraint(
            _at_most_one("speaker_person_id", "speaker_organization_id", "speaker_place_id"),
            name="ck_statement_speaker",
        ),
        # Lists of statements run newest first, overall or per speaker: each is one index range.
        sa.Index("ix_statement_published", "published_at", "id"),
        # Anonymous statements (a filter of their own) as one short index range.
        sa.Index("ix_statement_anonymous", "published_at", "id", sqlite_where=sa.text("anonymous = 1"),
                 postgresql_where=sa.text("anonymous")),
        sa.Index("ix_statement_outlet", "outlet_id", "published_at", "id"),
        _owner_index("ix_statement_person", "speaker_person_id", "published_at", "id"),
        _owner_index("ix_statement_organization", "speaker_organization_id", "published_at", "id"),
        _owner_index("ix_statement_place", "speaker_place_id", "published_at", "id"),
        sa.Index("ix_statement_uid", "uid", unique=True),
        # An utterance's reports in order (kb/utterances.py); ungrouped statements hold none.
        _owner_index("ix_statement_utterance", "utterance_id", "published_at", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", ondelete="CASCADE", index=True)
    position: int
    uid: str | None = Field(default=None, max_length=48)  # its global id's key (kb/ids.py)
    speaker_person_id: int | None = Field(default=None, foreign_key="person.id", ondelete="CASCADE")
    speaker_organization_id: int | None = Field(
        default=None, foreign_key="organization.id", ondelete="CASCADE"
    )
    speaker_place_id: int | None = Field(default=None, foreign_key="place.id", ondelete="CASCADE")
    speaker_text: str
    anonymous: bool = False
    kind: str = Field(max_length=16)  # direct | indirect
    verb: str
    text: str = Field(sa_type=sa.Text)
    start: int
    end: int
    line: int
    # The article's outlet and publication time, copied so that lists of statements need no
    # join to filter or sort.
    outlet_id: int = Field(foreign_key="outlet.id", ondelete="CASCADE")
    published_at: datetime = Field(sa_type=UTCDateTime)
    # The text as matching reads it (kb/remark.py), for statements with a speaker; and the
    # utterance the statement reports (kb/utterances.py).
    remark: str | None = Field(default=None, sa_type=sa.Text)
    # (no ON DELETE action: SQLite's reflection reads none on a column added later, and the
    # loader moves statements before it deletes their utterance)
    utterance_id: int | None = Field(default=None, foreign_key="utterance.id")


class Utterance(SQLModel, table=True):
    """The statements by one speaker that report the same remark, across outlets and scripts
    (kb/utterances.py): the loader keeps one row per group, with its earliest statement's
    lasting id as its own, and the numbers its lists sort by."""

    __tablename__ = "utterance"
    __table_args__ = (
        sa.CheckConstraint(_one_owner("speaker_person_id", "speaker_organization_id", "speaker_place_id"),
                           name="ck_utterance_speaker"),
        sa.Index("ix_utterance_uid", "uid", unique=True),
        # The lists' orders, ties broken by the lasting id so that pages are the same whatever
        # order the files were loaded in (kb/api/utterances.py).
        sa.Index("ix_utterance_first_reported", "first_reported", "uid"),
        sa.Index("ix_utterance_report_count", "report_count", "first_reported", "uid"),
        _owner_index("ix_utterance_person", "speaker_person_id", "first_reported", "uid"),
        _owner_index("ix_utterance_organization", "speaker_organization_id", "first_reported", "uid"),
        _owner_index("ix_utterance_place", "speaker_place_id", "first_reported", "uid"),
    )

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(max_length=48)  # its global id's key: its earliest statement's uid
    speaker_person_id: int | None = Field(default=None, foreign_key="person.id", ondelete="CASCADE")
    speaker_organization_id: int | None = Field(
        default=None, foreign_key="organization.id", ondelete="CASCADE"
    )
    speaker_place_id: int | None = Field(default=None, foreign_key="place.id", ondelete="CASCADE")
    first_reported: datetime = Field(sa_type=UTCDateTime)
    last_reported: datetime = Field(sa_type=UTCDateTime)
    report_count: int


class PersonRole(SQLModel, table=True):
    """A title given to a person in an article (北约秘书长 → Stoltenberg)."""

    __tablename__ = "person_role"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", index=True)
    article_id: int = Field(foreign_key="article.id", ondelete="CASCADE", index=True)
    title: str
    organization_id: int | None = Field(default=None, foreign_key="organization.id", ondelete="CASCADE")
    place_id: int | None = Field(default=None, foreign_key="place.id", ondelete="CASCADE")


class ArticleEntity(SQLModel, table=True):
    """Each entity an article names, once, with the article's outlet and date copied: the
    articles of an entity newest first, and who appears with whom, without scanning every
    mention."""

    __tablename__ = "article_entity"
    __table_args__ = (
        sa.CheckConstraint(_one_owner("person_id", "organization_id", "place_id"),
                           name="ck_article_entity_owner"),
        _owner_index("ix_article_entity_person", "person_id", "published_at", "article_id"),
        _owner_index("ix_article_entity_organization", "organization_id", "published_at", "article_id"),
        _owner_index("ix_article_entity_place", "place_id", "published_at", "article_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", ondelete="CASCADE", index=True)
    person_id: int | None = Field(default=None, foreign_key="person.id", ondelete="CASCADE")
    organization_id: int | None = Field(default=None, foreign_key="organization.id", ondelete="CASCADE")
    place_id: int | None = Field(default=None, foreign_key="place.id", ondelete="CASCADE")
    outlet_id: int = Field(foreign_key="outlet.id", ondelete="CASCADE")
    published_at: datetime = Field(sa_type=UTCDateTime)
    mentions: int


class DailyActivity(SQLModel, table=True):
    """Articles and statements per UTC day and outlet, kept by the loader as it stores and
    replaces articles: the overall timeline and the totals of whole lists read these few
    rows (days × outlets) instead of counting every article and statement."""

    __tablename__ = "daily_activity"

    day: date = Field(primary_key=True)
    outlet_id: int = Field(primary_key=True, foreign_key="outlet.id", ondelete="CASCADE")
    articles: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    statements: int = Field(default=0, sa_column_kwargs={"server_default": "0"})


class DataVersion(SQLModel, table=True):
    """One row: a number the loader raises with every batch it commits (in the same
    transaction), so a reader knows which state of the data it sees (the API's answer cache
    is keyed by it)."""

    __tablename__ = "data_version"

    id: int = Field(primary_key=True)
    version: int = Field(default=0, sa_column_kwargs={"server_default": "0"})


# The full-text index (see kb.search) is dialect-specific, so the migrations create it outside
# the ORM's metadata: FTS5 tables article_fts and statement_fts (rowid = the row's id) on
# SQLite; a `terms` tsvector column with a GIN index on article and statement on PostgreSQL.
UNMAPPED_SEARCH_OBJECTS = frozenset({"terms", "ix_article_terms", "ix_statement_terms"})
FTS_TABLES = {"article": "article_fts", "statement": "statement_fts"}


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Alembic autogenerate filter: ignore the dialect-specific search index."""
    if name is None:
        return True
    return not (name in UNMAPPED_SEARCH_OBJECTS or name.startswith(tuple(FTS_TABLES.values())))


# The column that points at an entity of each kind (aliases, mentions; speaker_ + it on
# statements).
OWNER_COLUMN = {"person": "person_id", "organization": "organization_id", "place": "place_id"}

ENTITY_TABLES: dict[str, type[Person] | type[Organization] | type[Place]] = {
    "person": Person,
    "organization": Organization,
    "place": Place,
}

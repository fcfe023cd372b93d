"""Write a parsed and extracted article to the database, idempotently.

``store_article`` runs inside the caller's transaction: one file, one transaction. An
article is keyed by its identity (canonical URL, or outlet + title + date); storing the same
content again changes nothing, changed content replaces that article's extracted rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import delete, exists, func, select, text, update
from sqlmodel import Session

from kb.extract import EXTRACTOR_VERSION, EntityInfo, Extraction
from kb.models import (
    ENTITY_TABLES,
    OWNER_COLUMN,
    Alias,
    Article,
    Image,
    Mention,
    Outlet,
    OutletDomain,
    Person,
    PersonRole,
    SearchDocument,
    Statement,
)
from kb.normalise import normalise_key
from kb.parse import ParsedArticle
from kb.search import BODY, TITLE, fts5_document, tsvector_literal

ADDED, UPDATED, UNCHANGED = "added", "updated", "unchanged"


@dataclass
class StoreResult:
    status: str
    article_id: int
    new_entities: dict[str, int] = field(default_factory=dict)
    statements: int = 0
    mentions: int = 0


def find_article(session: Session, identity: str) -> Article | None:
    return session.exec(select(Article).where(Article.identity == identity)).scalars().first()


def is_current(article: Article | None, parsed: ParsedArticle) -> bool:
    """True when the stored article came from the same content and the same extractor."""
    return (
        article is not None
        and article.content_hash == parsed.content_hash
        and article.extractor_version == EXTRACTOR_VERSION
    )


def _outlet_id(session: Session, extraction: Extraction) -> int:
    ref = extraction.outlet
    outlet = session.exec(select(Outlet).where(Outlet.key == ref.key)).scalars().first()
    if outlet is None:
        outlet = Outlet(key=ref.key, name=ref.name, name_en=ref.name_en, short_name=ref.short,
                        country=ref.country, origin=ref.origin)
        session.add(outlet)
        session.flush()
    elif ref.origin == "catalog" and (outlet.name, outlet.name_en, outlet.short_name) != (
        ref.name, ref.name_en, ref.short
    ):
        outlet.name, outlet.name_en, outlet.short_name = ref.name, ref.name_en, ref.short
        outlet.country = ref.country
    assert outlet.id is not None
    for domain in ref.domains:
        if session.get(OutletDomain, domain) is None:
            session.add(OutletDomain(domain=domain, outlet_id=outlet.id))
    return outlet.id


def _entity_id(session: Session, info: EntityInfo, article_id: int, new: dict[str, int]) -> int:
    table = ENTITY_TABLES[info.kind]
    row = session.exec(select(table).where(table.key == info.key)).scalars().first()
    if row is None:
        values = dict(key=info.key, name=info.name, name_en=info.name_en, wikidata=info.wikidata,
                      country=info.country, origin=info.origin)
        if table is not Person:
            values["kind"] = info.subkind
        row = table(**values)
        session.add(row)
        session.flush()
        new[info.kind] = new.get(info.kind, 0) + 1
    elif info.origin == "catalog":
        row.name, row.name_en, row.wikidata, row.country = (
            info.name, info.name_en, info.wikidata, info.country
        )
    assert row.id is not None
    column = getattr(Alias, OWNER_COLUMN[info.kind])
    known = set(session.exec(select(Alias.normalised).where(column == row.id)).scalars())
    for name, origin in info.aliases:
        key = normalise_key(name)
        if not key or key in known:
            continue
        known.add(key)
        session.add(Alias(**{OWNER_COLUMN[info.kind]: row.id}, name=name.strip(), normalised=key,
                          origin=origin, article_id=None if origin == "catalog" else article_id))
    return row.id


def _entities_of(session: Session, article_id: int) -> dict[str, set[int]]:
    """Entities an article mentions or quotes (their counts change with it)."""
    found: dict[str, set[int]] = {kind: set() for kind in OWNER_COLUMN}
    for kind, column in OWNER_COLUMN.items():
        mentioned = select(getattr(Mention, column)).where(Mention.article_id == article_id)
        speaking = select(getattr(Statement, "speaker_" + column)).where(Statement.article_id == article_id)
        found[kind].update(i for i in session.exec(mentioned.union(speaking)).scalars() if i is not None)
    return found


def _refresh_counts(session: Session, entities: dict[str, set[int]]) -> None:
    """Recount statements and mentions of the given entities (denormalised for ordering)."""
    for kind, ids in entities.items():
        if not ids:
            continue
        table, column = ENTITY_TABLES[kind], OWNER_COLUMN[kind]
        statements = (select(func.count()).where(getattr(Statement, "speaker_" + column) == table.id)
                      .scalar_subquery())
        mentions = select(func.count()).where(getattr(Mention, column) == table.id).scalar_subquery()
        session.execute(update(table).where(table.id.in_(sorted(ids)))
                        .values(statement_count=statements, mention_count=mentions))


def _index(session: Session, article: Article, statements: list[Statement]) -> None:
    """Add the article and its statements to the search index (see kb.search)."""
    texts = [("article", article.id, article.id, article.title, article.text.partition("\n")[2])]
    texts += [("statement", s.id, article.id, s.speaker_text, s.text) for s in statements]
    documents = [SearchDocument(kind=kind, ref_id=ref, article_id=art) for kind, ref, art, _, _ in texts]
    session.add_all(documents)
    session.flush()
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("UPDATE search_document SET terms = CAST(:terms AS tsvector) WHERE id = :id"),
            [{"id": d.id, "terms": tsvector_literal(((TITLE, t[3]), (BODY, t[4])))}
             for d, t in zip(documents, texts, strict=True)],
        )
    else:
        session.execute(
            text("INSERT INTO search_fts (rowid, title, body) VALUES (:id, :title, :body)"),
            [{"id": d.id, "title": fts5_document(t[3]), "body": fts5_document(t[4])}
             for d, t in zip(documents, texts, strict=True)],
        )


def _clear_extracted(session: Session, article_id: int) -> None:
    for table in (SearchDocument, Statement, Mention, PersonRole, Image):
        session.execute(delete(table).where(table.article_id == article_id))
    session.execute(delete(Alias).where(Alias.article_id == article_id, Alias.origin != "catalog"))


def _drop_orphans(session: Session) -> None:
    """Entities that no article mentions or quotes any more (their aliases and roles follow
    by ON DELETE CASCADE)."""
    for kind, table in ENTITY_TABLES.items():
        column = OWNER_COLUMN[kind]
        mentioned = exists().where(getattr(Mention, column) == table.id)
        speaking = exists().where(getattr(Statement, f"speaker_{column}") == table.id)
        session.execute(delete(table).where(~mentioned, ~speaking))


def store_article(*, session: Session, parsed: ParsedArticle, extraction: Extraction) -> StoreResult:
    """Insert or replace one article and everything extracted from it."""
    existing = find_article(session, parsed.identity)
    if is_current(existing, parsed):
        assert existing is not None and existing.id is not None
        return StoreResult(UNCHANGED, existing.id)
    outlet_id = _outlet_id(session, extraction)
    fields = dict(
        outlet_id=outlet_id, url=parsed.url, title=parsed.title, published_at=parsed.published_at,
        byline=parsed.byline, lead_image=parsed.lead_image, text=parsed.text,
        dateline=parsed.dateline, source_path=parsed.source_path,
        source_format=parsed.source_format, content_hash=parsed.content_hash,
        extractor_version=EXTRACTOR_VERSION,
    )
    if existing is None:
        article = Article(identity=parsed.identity, **fields)
        session.add(article)
        session.flush()
        status = ADDED
    else:
        article = existing
        for name, value in fields.items():
            setattr(article, name, value)
        assert article.id is not None
        previous = _entities_of(session, article.id)
        _clear_extracted(session, article.id)
        status = UPDATED
    assert article.id is not None
    result = StoreResult(status, article.id)

    for position, image in enumerate(parsed.images):
        session.add(Image(article_id=article.id, position=position, url=image.url,
                          caption=image.caption))
    ids: dict[str, int] = {}
    for key, info in extraction.entities.items():
        ids[key] = _entity_id(session, info, article.id, result.new_entities)
    kinds = {key: info.kind for key, info in extraction.entities.items()}
    for mention in extraction.mentions:
        session.add(Mention(article_id=article.id, start=mention.start, end=mention.end,
                            line=mention.line, surface=mention.surface,
                            **{OWNER_COLUMN[mention.kind]: ids[mention.key]}))
    stored: list[Statement] = []
    for position, statement in enumerate(extraction.statements):
        speaker = {}
        if statement.speaker_key and statement.speaker_key in ids:
            column = "speaker_" + OWNER_COLUMN[kinds[statement.speaker_key]]
            speaker[column] = ids[statement.speaker_key]
        stored.append(Statement(article_id=article.id, position=position, kind=statement.kind,
                                verb=statement.verb, text=statement.text, start=statement.start,
                                end=statement.end, line=statement.line,
                                speaker_text=statement.speaker_text,
                                anonymous=statement.anonymous, **speaker))
    session.add_all(stored)
    for role in extraction.roles:
        if role.person_key not in ids:
            continue
        session.add(PersonRole(
            person_id=ids[role.person_key], article_id=article.id, title=role.title,
            organization_id=ids.get(role.organization_key) if role.organization_key else None,
            place_id=ids.get(role.place_key) if role.place_key else None,
        ))
    session.flush()
    _index(session, article, stored)
    touched = _entities_of(session, article.id)
    if status == UPDATED:
        _drop_orphans(session)
        for kind, ids in previous.items():
            touched[kind] |= ids
    _refresh_counts(session, touched)
    result.statements = len(extraction.statements)
    result.mentions = len(extraction.mentions)
    return result

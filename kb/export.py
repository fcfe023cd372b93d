"""Whole tables for bulk pulls: `kb export` and `/export/NAME.jsonl|csv` stream these rows.

Rows come in id order, a chunk at a time over one read transaction (one consistent
snapshot, constant memory however large the table). Fields carry the API's names
(camelCase) and ids are the API's global ids, so an exported statement, person or article is
the same node `node(id:)` returns. Filters take the names of the GraphQL `statements(filter:)`
fields; a speaker, entity or outlet may be given by global id or by any name the API's
lookups accept.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, Select, func, select
from strawberry.relay import from_base64, to_base64

from kb.api.lists import mentioned_in, text_matches
from kb.models import (
    OWNER_COLUMN,
    Alias,
    Article,
    Mention,
    Organization,
    Outlet,
    OutletDomain,
    Person,
    Place,
    Statement,
    Utterance,
)
from kb.normalise import normalise_key
from kb.when import parse_moment

CHUNK = 1000
ENTITY_TYPES = {"person": ("Person", Person), "organization": ("Organization", Organization),
                "place": ("Place", Place)}
_TABLE_OF_TYPE: dict[str, Any] = {"Person": Person, "Organization": Organization, "Place": Place,
                                  "Outlet": Outlet, "Article": Article, "Statement": Statement}
# Which filters each table takes (the GraphQL names).
FILTERS = {
    "statements": {"speaker", "outlet", "kind", "anonymous", "publishedAfter", "publishedBefore",
                   "mentioning", "search"},
    "articles": {"outlet", "publishedAfter", "publishedBefore", "mentioning", "search"},
    "mentions": {"entity", "outlet"},
    "people": set(),
    "organizations": set(),
    "places": set(),
    "outlets": set(),
    "utterances": {"speaker", "publishedAfter", "publishedBefore"},
}
TABLES = tuple(FILTERS)


class ExportError(ValueError):
    """A bad export request (unknown table, filter or name), with the reason."""


@dataclass(frozen=True)
class Filters:
    speaker: tuple[str, int] | None = None  # (kind, id)
    entity: tuple[str, int] | None = None
    mentioning: tuple[str, int] | None = None  # named in the statement (or the article)
    search: str | None = None  # words in the text, as the API's `search` filter reads them
    outlet: int | None = None
    kind: str | None = None
    anonymous: bool | None = None
    published_after: datetime | None = None
    published_before: datetime | None = None


def parse_filters(connection: Connection, table: str, raw: dict[str, str]) -> Filters:
    """``raw`` filter values (strings, as from a command line or a URL) for ``table``."""
    if table not in FILTERS:
        raise ExportError(f"unknown table {table!r}; one of {', '.join(TABLES)}")
    unknown = set(raw) - FILTERS[table]
    if unknown:
        allowed = ", ".join(sorted(FILTERS[table])) or "none"
        raise ExportError(f"{table} cannot be filtered by {', '.join(sorted(unknown))} (filters: {allowed})")
    values: dict[str, Any] = {}
    for name in ("speaker", "entity", "mentioning"):
        if name in raw:
            values[name] = _entity(connection, raw[name])
    if "outlet" in raw:
        values["outlet"] = _outlet(connection, raw["outlet"])
    if "search" in raw:
        if not 0 < len(raw["search"]) <= 200:
            raise ExportError("search must be 1 to 200 characters")
        values["search"] = raw["search"]
    if "kind" in raw:
        kind = raw["kind"].lower()
        if kind not in ("direct", "indirect"):
            raise ExportError("kind must be DIRECT or INDIRECT")
        values["kind"] = kind
    if "anonymous" in raw:
        if raw["anonymous"].lower() not in ("true", "false"):
            raise ExportError("anonymous must be true or false")
        values["anonymous"] = raw["anonymous"].lower() == "true"
    for name, field in (("publishedAfter", "published_after"), ("publishedBefore", "published_before")):
        if name in raw:
            values[field] = _moment(name, raw[name])
    return Filters(**values)


def _moment(name: str, value: str) -> datetime:
    try:
        return parse_moment(value)
    except ValueError as exc:
        raise ExportError(f"{name}: {value!r} is {exc}") from None


def _entity(connection: Connection, value: str) -> tuple[str, int]:
    decoded = _global_id(connection, value)
    if decoded is not None:
        type_name, ident = decoded
        for kind, (name, _) in ENTITY_TYPES.items():
            if name == type_name:
                return kind, ident
        raise ExportError(f"{value!r} is a {type_name} id, not a person, organization or place")
    key = normalise_key(value)
    best: tuple[int, str, int] | None = None
    for kind, (_, table) in ENTITY_TYPES.items():
        owner = getattr(Alias, OWNER_COLUMN[kind])
        named = select(owner).where(Alias.normalised == key)
        row = connection.execute(select(table.id, table.mention_count).where(table.id.in_(named))
                                 .order_by(table.mention_count.desc(), table.id).limit(1)).first()
        if row is not None and (best is None or row.mention_count > best[0]):
            best = (row.mention_count, kind, row.id)
    if best is None:
        raise ExportError(f"no person, organization or place is called {value!r}")
    return best[1], best[2]


def _outlet(connection: Connection, value: str) -> int:
    decoded = _global_id(connection, value)
    if decoded is not None:
        if decoded[0] != "Outlet":
            raise ExportError(f"{value!r} is a {decoded[0]} id, not an outlet")
        return decoded[1]
    key = value.strip().lower()
    row = connection.execute(select(Outlet.id).where(
        (func.lower(Outlet.name) == key) | (func.lower(Outlet.name_en) == key)
        | (func.lower(Outlet.short_name) == key) | (Outlet.key == key)
        | Outlet.id.in_(select(OutletDomain.outlet_id).where(OutletDomain.domain == key))).limit(1)).first()
    if row is None:
        raise ExportError(f"no outlet is called {value!r}")
    return row.id


def _global_id(connection: Connection, value: str) -> tuple[str, int] | None:
    """The type and row of a global id (its key: kb/ids.py), or None for a name."""
    try:
        type_name, key = from_base64(value)
    except (ValueError, TypeError):
        return None
    table = _TABLE_OF_TYPE.get(type_name)
    if not type_name or table is None:
        return None
    column = table.uid if table in (Article, Statement) else table.key
    row = connection.execute(select(table.id).where(column == key)).first()
    if row is None:
        raise ExportError(f"no {type_name} has the id {value!r}")
    return type_name, row.id


# --- the rows ---------------------------------------------------------------------------------


def check(engine: Engine, table: str, raw_filters: dict[str, str]) -> None:
    """Raise ExportError now if the table or filters are bad (before a response starts)."""
    with engine.connect() as connection:
        parse_filters(connection, table, raw_filters)


def rows(engine: Engine, table: str, raw_filters: dict[str, str] | None = None) -> Iterator[dict[str, Any]]:
    """Every row of ``table`` (as dicts, JSON-ready) matching the filters, in id order."""
    with engine.connect() as connection, connection.begin():
        filters = parse_filters(connection, table, raw_filters or {})
        after = 0
        while True:
            chunk = list(connection.execute(_query(table, filters, after, connection.dialect.name)))
            if not chunk:
                return
            yield from _shape(connection, table, chunk)
            after = chunk[-1].id


def _query(table: str, f: Filters, after: int, dialect: str) -> Select[Any]:
    if table == "statements":
        query = _with_speakers(
            select(*Statement.__table__.columns, Article.title, Article.url, Article.uid.label("article_uid"),
                   Outlet.name.label("outlet_name"), Outlet.key.label("outlet_key"),
                   Utterance.uid.label("utterance_uid"))
            .join(Article, Article.id == Statement.article_id)
            .join(Outlet, Outlet.id == Statement.outlet_id)
            .outerjoin(Utterance, Utterance.id == Statement.utterance_id), Statement,
        ).where(Statement.id > after)
        if f.speaker:
            query = query.where(getattr(Statement, "speaker_" + OWNER_COLUMN[f.speaker[0]]) == f.speaker[1])
        if f.kind:
            query = query.where(Statement.kind == f.kind)
        if f.anonymous is not None:
            query = query.where(Statement.anonymous == f.anonymous)
        if f.mentioning:
            named = mentioned_in(Statement.article_id, (f.mentioning,), Statement.start, Statement.end)
            query = query.where(*named)
        if f.search:
            query = query.where(Statement.id.in_(_matching("statement", f.search, dialect)))
        return _of_outlet_and_dates(query, Statement, f).order_by(Statement.id).limit(CHUNK)
    if table == "articles":
        query = (select(*Article.__table__.columns, Outlet.name.label("outlet_name"),
                        Outlet.key.label("outlet_key"))
                 .join(Outlet, Outlet.id == Article.outlet_id)
                 .where(Article.id > after))
        if f.mentioning:
            query = query.where(*mentioned_in(Article.id, (f.mentioning,)))
        if f.search:
            query = query.where(Article.id.in_(_matching("article", f.search, dialect)))
        return _of_outlet_and_dates(query, Article, f).order_by(Article.id).limit(CHUNK)
    if table == "mentions":
        keys = (t.key.label(f"{k}_key") for k, (_, t) in ENTITY_TYPES.items())
        query = (select(*Mention.__table__.columns, Article.uid.label("article_uid"), *keys)
                 .join(Article, Article.id == Mention.article_id)
                 .outerjoin(Person, Person.id == Mention.person_id)
                 .outerjoin(Organization, Organization.id == Mention.organization_id)
                 .outerjoin(Place, Place.id == Mention.place_id).where(Mention.id > after))
        if f.entity:
            query = query.where(getattr(Mention, OWNER_COLUMN[f.entity[0]]) == f.entity[1])
        if f.outlet:
            of_outlet = select(Article.id).where(Article.outlet_id == f.outlet)
            query = query.where(Mention.article_id.in_(of_outlet))
        return query.order_by(Mention.id).limit(CHUNK)
    if table == "outlets":
        return select(*Outlet.__table__.columns).where(Outlet.id > after).order_by(Outlet.id).limit(CHUNK)
    if table == "utterances":
        return _utterances(f, after)
    entity = ENTITY_TYPES[_KIND_OF_TABLE[table]][1]
    return select(*entity.__table__.columns).where(entity.id > after).order_by(entity.id).limit(CHUNK)


_KIND_OF_TABLE = {"people": "person", "organizations": "organization", "places": "place"}


def _with_speakers(query: Select[Any], table: Any) -> Select[Any]:
    """``query`` with the name and key of the speaker of each row of ``table`` (a statement
    or an utterance), whichever kind it is: ``person_name``, ``organization_key`` …"""
    speakers = [getattr(table, "speaker_" + c) for c in OWNER_COLUMN.values()]
    names = [t.name.label(f"{k}_name") for k, (_, t) in ENTITY_TYPES.items()]
    keys = [t.key.label(f"{k}_key") for k, (_, t) in ENTITY_TYPES.items()]
    return (query.add_columns(*names, *keys)
            .outerjoin(Person, Person.id == speakers[0])
            .outerjoin(Organization, Organization.id == speakers[1])
            .outerjoin(Place, Place.id == speakers[2]))


def _utterances(f: Filters, after: int) -> Select[Any]:
    """Utterances with their speaker's key and name (kb/utterances.py); dates are the first
    report's."""
    query = _with_speakers(select(*Utterance.__table__.columns), Utterance).where(Utterance.id > after)
    if f.speaker:
        query = query.where(getattr(Utterance, "speaker_" + OWNER_COLUMN[f.speaker[0]]) == f.speaker[1])
    if f.published_after:
        query = query.where(Utterance.first_reported >= f.published_after)
    if f.published_before:
        query = query.where(Utterance.first_reported < f.published_before)
    return query.order_by(Utterance.id).limit(CHUNK)


def _matching(kind: str, query: str, dialect: str) -> Select[Any]:
    """Ids of the articles or statements whose text matches ``query`` (the API's search)."""
    matches = text_matches(kind, query, dialect).subquery()
    return select(matches.c.ref_id)


def _of_outlet_and_dates(query: Select[Any], table: Any, f: Filters) -> Select[Any]:
    """The filters statements and articles share (both rows carry outlet and date)."""
    if f.outlet:
        query = query.where(table.outlet_id == f.outlet)
    if f.published_after:
        query = query.where(table.published_at >= f.published_after)
    if f.published_before:
        query = query.where(table.published_at < f.published_before)
    return query


def _time(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value else None


def _shape(connection: Connection, table: str, chunk: list[Any]) -> Iterator[dict[str, Any]]:
    """Rows as the API names them: camelCase fields, global ids, JSON booleans."""
    if table == "statements":
        for s in chunk:
            kind = next((k for k, c in OWNER_COLUMN.items() if getattr(s, "speaker_" + c)), None)
            yield {
                "id": to_base64("Statement", s.uid), "text": s.text, "kind": s.kind.upper(), "verb": s.verb,
                "speakerId": to_base64(ENTITY_TYPES[kind][0], getattr(s, f"{kind}_key")) if kind else None,
                "speakerType": ENTITY_TYPES[kind][0] if kind else None,
                "speakerName": getattr(s, f"{kind}_name") if kind else None,
                "speakerDescription": s.speaker_text, "anonymous": bool(s.anonymous),
                "publishedAt": _time(s.published_at), "outletId": to_base64("Outlet", s.outlet_key),
                "outlet": s.outlet_name, "articleId": to_base64("Article", s.article_uid),
                "articleTitle": s.title, "articleUrl": s.url, "paragraph": s.line,
                "start": s.start, "end": s.end,
                "utteranceId": to_base64("Utterance", s.utterance_uid) if s.utterance_uid else None,
            }
    elif table == "articles":
        for a in chunk:
            yield {
                "id": to_base64("Article", a.uid), "title": a.title, "url": a.url,
                "publishedAt": _time(a.published_at), "outletId": to_base64("Outlet", a.outlet_key),
                "outlet": a.outlet_name, "byline": a.byline, "dateline": a.dateline,
                "leadImage": a.lead_image, "sourceFormat": a.source_format, "text": a.text,
            }
    elif table == "mentions":
        for m in chunk:
            kind = next(k for k, c in OWNER_COLUMN.items() if getattr(m, c))
            yield {
                "id": to_base64("Mention", f"{m.article_uid}@{m.start}-{m.end}"),
                "articleId": to_base64("Article", m.article_uid),
                "entityId": to_base64(ENTITY_TYPES[kind][0], getattr(m, f"{kind}_key")),
                "entityType": ENTITY_TYPES[kind][0], "surface": m.surface, "start": m.start, "end": m.end,
                "paragraph": m.line,
            }
    elif table == "utterances":
        for u in chunk:
            kind = next(k for k, c in OWNER_COLUMN.items() if getattr(u, "speaker_" + c))
            yield {
                "id": to_base64("Utterance", u.uid),
                "speakerId": to_base64(ENTITY_TYPES[kind][0], getattr(u, f"{kind}_key")),
                "speakerType": ENTITY_TYPES[kind][0], "speakerName": getattr(u, f"{kind}_name"),
                "firstReported": _time(u.first_reported), "lastReported": _time(u.last_reported),
                "reportCount": u.report_count,
            }
    elif table == "outlets":
        ids = [row.id for row in chunk]
        domains: dict[int, list[str]] = {}
        for ident, domain in connection.execute(select(OutletDomain.outlet_id, OutletDomain.domain)
                                                .where(OutletDomain.outlet_id.in_(ids))
                                                .order_by(OutletDomain.domain)):
            domains.setdefault(ident, []).append(domain)
        for o in chunk:
            yield {"id": to_base64("Outlet", o.key), "key": o.key, "name": o.name, "nameEn": o.name_en,
                   "shortName": o.short_name, "country": o.country, "origin": o.origin,
                   "domains": domains.get(o.id, [])}
    else:
        kind = _KIND_OF_TABLE[table]
        type_name, _ = ENTITY_TYPES[kind]
        owner = getattr(Alias, OWNER_COLUMN[kind])
        ids = [row.id for row in chunk]
        aliases: dict[int, list[str]] = {}
        named = select(owner, Alias.name).where(owner.in_(ids)).order_by(Alias.id)
        for ident, name in connection.execute(named):
            aliases.setdefault(ident, []).append(name)
        for e in chunk:
            shaped = {"id": to_base64(type_name, e.key), "key": e.key, "name": e.name, "nameEn": e.name_en,
                      "wikidata": e.wikidata, "country": e.country, "origin": e.origin,
                      "statementCount": e.statement_count, "mentionCount": e.mention_count,
                      "aliases": aliases.get(e.id, [])}
            if kind != "person":
                shaped["kind"] = e.kind
            yield shaped


# --- formats ----------------------------------------------------------------------------------


def jsonl(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(row, ensure_ascii=False) + "\n"


# What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A value safe to open in a spreadsheet: text that would start a formula
    (``=HYPERLINK(…)`` in a title) gets a leading apostrophe, as OWASP recommends; numbers
    and other values pass unchanged. Every CSV kb writes goes through here."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def csv_row(row: dict[str, Any]) -> dict[str, Any]:
    """A row for ``csv.DictWriter``: lists joined with ``|``, every cell made safe."""
    return {k: csv_cell("|".join(map(str, v)) if isinstance(v, list) else v) for k, v in row.items()}


def csv_lines(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """CSV with a header from the first row; lists joined with ``|``."""
    buffer = io.StringIO()
    writer: csv.DictWriter[str] | None = None
    for row in rows:
        flat = csv_row(row)
        if writer is None:
            writer = csv.DictWriter(buffer, fieldnames=list(flat))
            writer.writeheader()
        writer.writerow(flat)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()

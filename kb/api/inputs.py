"""Typed arguments of the API: enums, filter inputs and orderings, and their translation into
the filter values of ``lists`` (global ids checked and turned into row ids)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from enum import Enum
from typing import Any, Protocol, TypeVar

import strawberry
from strawberry import relay

from kb.api.errors import ClientError
from kb.api.lists import ArticleFilters, EntityFilters, EntityRef, StatementFilters
from kb.ids import row_number


@strawberry.enum(description="Whether a statement quotes the speaker's own words.")
class StatementKind(Enum):
    DIRECT = "direct"
    INDIRECT = "indirect"


@strawberry.enum
class OrderDirection(Enum):
    ASC = "asc"
    DESC = "desc"


@strawberry.enum
class ArticleOrderField(Enum):
    PUBLISHED_AT = strawberry.enum_value("published_at",
                                         description="Publication time (default: newest first).")
    TITLE = strawberry.enum_value("title", description="Title (default: A→Z, by code point).")
    OUTLET = strawberry.enum_value("outlet", description="The outlet's name (default: A→Z).")


@strawberry.enum
class StatementOrderField(Enum):
    PUBLISHED_AT = strawberry.enum_value(
        "published_at", description="Publication time of the article (default: newest first).")
    SPEAKER = strawberry.enum_value(
        "speaker", description="The speaker's name (default: A→Z; anonymous and unresolved "
                               "speakers, who have none, come first).")
    OUTLET = strawberry.enum_value("outlet", description="The outlet's name (default: A→Z).")


@strawberry.enum
class EntityOrderField(Enum):
    NAME = "name"
    STATEMENTS = "statements"
    MENTIONS = "mentions"


@strawberry.enum(description="People, organizations or places.")
class EntityKind(Enum):
    PERSON = "person"
    ORGANIZATION = "organization"
    PLACE = "place"


@strawberry.enum(description="What `search` looks in.")
class SearchKind(Enum):
    OUTLET = "outlet"
    PERSON = "person"
    ORGANIZATION = "organization"
    PLACE = "place"
    ARTICLE = "article"
    STATEMENT = "statement"


@strawberry.enum(description="The width of a timeline bucket (UTC; weeks start on Monday).")
class TimeBucket(Enum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


def _order_help(example: str) -> str:
    return ("`orderBy` takes one of these or a list, the first deciding and each next one breaking "
            f"its ties ({example}); the rest of the ties go by publication time. A first field other "
            "than PUBLISHED_AT sorts every matching item: narrow long lists with a filter.")


@strawberry.input(description="Order of articles. Default: newest first. " + _order_help(
    "[{field: OUTLET}, {field: PUBLISHED_AT, direction: ASC}]: each outlet's, oldest first"))
class ArticleOrder:
    field: ArticleOrderField = ArticleOrderField.PUBLISHED_AT
    direction: OrderDirection | None = strawberry.field(
        default=None, description="Default: newest first for PUBLISHED_AT, A→Z for the others.")


@strawberry.input(description="Order of statements. Default: newest first; ASC on PUBLISHED_AT "
                              "gives the oldest first, in reading order within an article. "
                              + _order_help("[{field: SPEAKER}, {field: OUTLET}]: each speaker's, "
                                            "by outlet, newest first"))
class StatementOrder:
    field: StatementOrderField = StatementOrderField.PUBLISHED_AT
    direction: OrderDirection | None = strawberry.field(
        default=None, description="Default: newest first for PUBLISHED_AT, A→Z for the others.")


@strawberry.input(description="Order of people, organizations or places. Default direction: "
                              "A→Z for NAME, most first for STATEMENTS and MENTIONS.")
class EntityOrder:
    field: EntityOrderField = EntityOrderField.NAME
    direction: OrderDirection | None = None


OUTLETS_HELP = "Any of these outlets: global ids or names (中央社, CNA, cna.com.tw)."
SEARCH_HELP = ("Words to find, in either script (北約 finds 北约); all space-separated parts "
               "must occur.")


@strawberry.input(description="Narrow a list of articles; all given conditions must hold.")
class ArticleFilter:
    outlet: list[strawberry.ID] | None = strawberry.field(default=None, description=OUTLETS_HELP)
    published_after: datetime | None = strawberry.field(default=None, description="Inclusive.")
    published_before: datetime | None = strawberry.field(default=None, description="Exclusive.")
    mentions: list[strawberry.ID] | None = strawberry.field(
        default=None, description="People, organizations or places the article must all mention "
                                  "(ids or names)."
    )
    search: str | None = strawberry.field(default=None, description=SEARCH_HELP)


@strawberry.input(description="Narrow a list of statements; all given conditions must hold.")
class StatementFilter:
    speaker: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Said by any of these people, organizations or places: global ids "
                                  "or names in either script, a transliteration or English (斯托尔滕"
                                  "贝格, 史托騰柏格, Jens Stoltenberg)."
    )
    outlet: list[strawberry.ID] | None = strawberry.field(default=None, description=OUTLETS_HELP)
    kind: StatementKind | None = None
    anonymous: bool | None = None
    published_after: datetime | None = strawberry.field(default=None, description="Inclusive.")
    published_before: datetime | None = strawberry.field(default=None, description="Exclusive.")
    mentioning: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Entities that must all be named in the statement's text (ids or names)."
    )
    search: str | None = strawberry.field(default=None, description=SEARCH_HELP)


@strawberry.input(description="Narrow a list of people.")
class PersonFilter:
    search: str | None = strawberry.field(default=None, description="Part of any name, any script.")
    outlet: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Mentioned by any of these outlets (ids or names)."
    )
    role: str | None = strawberry.field(default=None, description="Part of a title they hold (秘书长).")


@strawberry.input(description="Narrow a list of organizations or places.")
class EntityFilter:
    search: str | None = strawberry.field(default=None, description="Part of any name, any script.")
    outlet: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Mentioned by any of these outlets (ids or names)."
    )
    kind: str | None = strawberry.field(
        default=None, description="Catalog kind: intergovernmental, ministry, military … for "
                                  "organizations; country, city, region … for places."
    )


# --- names where ids are asked ----------------------------------------------------------------

_TYPE_OF_KIND = {"person": "Person", "organization": "Organization", "place": "Place"}
_F = TypeVar("_F")
_ENTITY_FIELDS = ("speaker", "mentioning", "mentions")


class NameLookup(Protocol):
    """What resolves a name (the API's data loader)."""

    async def lookup(self, kind: str, name: str) -> Any | None: ...
    async def outlet_by_name(self, name: str) -> Any | None: ...
    async def node_row(self, table: str, key: str) -> Any | None: ...


async def named(lookup: NameLookup, filter: _F) -> _F:
    """``filter`` with its names replaced by global ids (see ``with_ids``)."""
    await with_ids(lookup, filter)
    return filter


async def with_ids(lookup: NameLookup, filter: object | None) -> None:
    """Replace the names in a filter's entity and outlet fields with global ids, as the exports
    take them: ``speaker: ["斯托尔滕贝格"]`` is ``speaker: [<his id>]``."""
    if filter is None:
        return
    for field in _ENTITY_FIELDS:
        values = getattr(filter, field, None)
        if values:
            setattr(filter, field, [await entity_id(lookup, v) for v in values])
    values = getattr(filter, "outlet", None)
    if values:
        filter.outlet = [await outlet_id(lookup, v) for v in values]


async def entity_id(lookup: NameLookup, value: object) -> relay.GlobalID:
    """A person's, organization's or place's global id, or the one of that name (the most
    mentioned of the kinds that have it)."""
    decoded = _decoded(value)
    if decoded is not None:
        kind = _KIND_OF_TYPE.get(decoded.type_name)
        if kind is None:
            raise ClientError(f"expected a Person, Organization or Place id, not {decoded.type_name}")
        return await _internal(lookup, kind, decoded)
    best: tuple[int, str, Any] | None = None
    for kind in _TYPE_OF_KIND:
        row = await lookup.lookup(kind, str(value))
        if row is not None and (best is None or row.mention_count > best[0]):
            best = (row.mention_count, kind, row)
    if best is None:
        raise ClientError(f"no person, organization or place is called {str(value)!r} (ids and names in "
                          "either script, transliterations and English are accepted; see person(name:))")
    return relay.GlobalID(_TYPE_OF_KIND[best[1]], str(best[2].id))


async def outlet_id(lookup: NameLookup, value: object) -> relay.GlobalID:
    """An outlet's global id, or the one of that name, English name, short name or domain."""
    decoded = _decoded(value)
    if decoded is not None:
        if decoded.type_name != "Outlet":
            raise ClientError(f"expected Outlet ids, got a {decoded.type_name} id")
        return await _internal(lookup, "outlet", decoded)
    row = await lookup.outlet_by_name(str(value))
    if row is None:
        raise ClientError(f"no outlet is called {str(value)!r} (see outlets and outlet(name:))")
    return relay.GlobalID("Outlet", str(row.id))


async def _internal(lookup: NameLookup, table: str, gid: relay.GlobalID) -> relay.GlobalID:
    """A client's global id (its key: kb/ids.py) as the row-numbered one the filters read."""
    row = await lookup.node_row(table, gid.node_id)
    if row is None:
        raise ClientError(f"no {gid.type_name} has the id {str(gid)!r} (find ids with "
                          "person(name:), outlet(name:) and the other lookups)")
    return relay.GlobalID(gid.type_name, str(row.id))


def _decoded(value: object) -> relay.GlobalID | None:
    """``value`` as a global id, if it is one (a name is not)."""
    if isinstance(value, relay.GlobalID):
        return value
    try:
        return relay.GlobalID.from_id(str(value))
    except Exception:  # noqa: BLE001 — not base64, or no "Type:" inside: a name
        return None


# --- translation ------------------------------------------------------------------------------

_KIND_OF_TYPE = {"Person": "person", "Organization": "organization", "Place": "place"}


def _gids(ids: Iterable[object] | None) -> list[relay.GlobalID]:
    """Global ids (names are replaced by ``with_ids`` before this)."""
    result = []
    for value in ids or ():
        gid = _decoded(value)
        if gid is None:
            raise ClientError(f"{str(value)!r} is not a global id (find ids with person(name:), "
                              "outlet(name:) and the other lookups)")
        result.append(gid)
    return result


def row_ids(ids: Iterable[object] | None, type_name: str) -> tuple[int, ...]:
    result = []
    for gid in _gids(ids):
        if gid.type_name != type_name:
            raise ClientError(f"expected {type_name} ids, got a {gid.type_name} id")
        result.append(_number(gid))
    return tuple(result)


def entity_refs(ids: Iterable[object] | None) -> tuple[EntityRef, ...]:
    """Global ids of people, organizations and places as (kind, row id)."""
    result = []
    for gid in _gids(ids):
        kind = _KIND_OF_TYPE.get(gid.type_name)
        if kind is None:
            raise ClientError(f"expected a Person, Organization or Place id, not {gid.type_name}")
        result.append((kind, _number(gid)))
    return tuple(result)


def _number(gid: relay.GlobalID) -> int:
    number = row_number(gid.node_id)
    if number is None:
        raise ClientError(f"malformed {gid.type_name} id (find ids with person(name:), outlet(name:) "
                          "and the other lookups)")
    return number


def _search(text: str | None) -> str | None:
    if text is None:
        return None
    if len(text) > 200:
        raise ClientError("`search` must be at most 200 characters")
    return text


def statement_filters(filter: StatementFilter | None, **fixed: object) -> StatementFilters:
    if filter is None:
        return StatementFilters(**fixed)  # type: ignore[arg-type]
    values = dict(
        speakers=entity_refs(filter.speaker), outlets=row_ids(filter.outlet, "Outlet"),
        kind=filter.kind.value if filter.kind else None, anonymous=filter.anonymous,
        published_after=filter.published_after, published_before=filter.published_before,
        mentioning=entity_refs(filter.mentioning), search=_search(filter.search),
    )
    for name, value in fixed.items():  # the parent's ids narrow the client's (both must hold)
        given = values[name]
        values[name] = tuple(v for v in value if not given or v in given) or (0,)  # type: ignore[union-attr]
    return StatementFilters(**values)  # type: ignore[arg-type]


def article_filters(filter: ArticleFilter | None) -> ArticleFilters | None:
    if filter is None:
        return None
    return ArticleFilters(
        outlets=row_ids(filter.outlet, "Outlet"), published_after=filter.published_after,
        published_before=filter.published_before, mentions=entity_refs(filter.mentions),
        search=_search(filter.search),
    )


def entity_filters(filter: PersonFilter | EntityFilter | None) -> EntityFilters | None:
    if filter is None:
        return None
    return EntityFilters(
        search=_search(filter.search), outlets=row_ids(filter.outlet, "Outlet"),
        role=getattr(filter, "role", None), kind=getattr(filter, "kind", None),
    )


def _order_key(orders: Iterable[ArticleOrder | StatementOrder]) -> str:
    """``field:direction`` terms joined by commas, each field once (a repeated field adds no
    order), ending with publication time: ``speaker:asc,published_at:desc``."""
    terms: dict[str, str] = {}
    for order in orders:
        if order is None:  # (a null inside the list)
            continue
        field = order.field.value
        default = OrderDirection.DESC if field == "published_at" else OrderDirection.ASC
        terms.setdefault(field, (order.direction or default).value)
    terms.setdefault("published_at", OrderDirection.DESC.value)
    return ",".join(f"{field}:{direction}" for field, direction in terms.items())


def article_order(order: list[ArticleOrder] | ArticleOrder | None) -> str:
    return _order_key(order if isinstance(order, list) else [order] if order else [])


def statement_order(order: list[StatementOrder] | StatementOrder | None) -> str:
    return _order_key(order if isinstance(order, list) else [order] if order else [])


def entity_order(order: EntityOrder | None) -> str:
    order = order or EntityOrder()
    default = OrderDirection.ASC if order.field is EntityOrderField.NAME else OrderDirection.DESC
    return f"{order.field.value}:{(order.direction or default).value}"

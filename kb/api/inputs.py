"""Typed arguments of the API: enums, filter inputs and orderings, and their translation into
the filter values of ``lists`` (global ids checked and turned into row ids)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from enum import Enum

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
    PUBLISHED_AT = "published_at"
    TITLE = "title"


@strawberry.enum
class StatementOrderField(Enum):
    PUBLISHED_AT = "published_at"


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


@strawberry.input(description="Order of articles. Default: newest first.")
class ArticleOrder:
    field: ArticleOrderField = ArticleOrderField.PUBLISHED_AT
    direction: OrderDirection = OrderDirection.DESC


@strawberry.input(description="Order of statements. Default: newest first (DESC). ASC gives the "
                              "oldest first, in reading order within an article.")
class StatementOrder:
    field: StatementOrderField = StatementOrderField.PUBLISHED_AT
    direction: OrderDirection = OrderDirection.DESC


@strawberry.input(description="Order of people, organizations or places. Default direction: "
                              "A→Z for NAME, most first for STATEMENTS and MENTIONS.")
class EntityOrder:
    field: EntityOrderField = EntityOrderField.NAME
    direction: OrderDirection | None = None


SEARCH_HELP = ("Words to find, in either script (北約 finds 北约); all space-separated parts "
               "must occur.")


@strawberry.input(description="Narrow a list of articles; all given conditions must hold.")
class ArticleFilter:
    outlet: list[relay.GlobalID] | None = strawberry.field(default=None, description="Any of these outlets.")
    published_after: datetime | None = strawberry.field(default=None, description="Inclusive.")
    published_before: datetime | None = strawberry.field(default=None, description="Exclusive.")
    mentions: list[relay.GlobalID] | None = strawberry.field(
        default=None, description="People, organizations or places the article must all mention."
    )
    search: str | None = strawberry.field(default=None, description=SEARCH_HELP)


@strawberry.input(description="Narrow a list of statements; all given conditions must hold.")
class StatementFilter:
    speaker: list[relay.GlobalID] | None = strawberry.field(
        default=None, description="Said by any of these people, organizations or places."
    )
    outlet: list[relay.GlobalID] | None = strawberry.field(default=None, description="Any of these outlets.")
    kind: StatementKind | None = None
    anonymous: bool | None = None
    published_after: datetime | None = strawberry.field(default=None, description="Inclusive.")
    published_before: datetime | None = strawberry.field(default=None, description="Exclusive.")
    mentioning: list[relay.GlobalID] | None = strawberry.field(
        default=None, description="Entities that must all be named in the statement's text."
    )
    search: str | None = strawberry.field(default=None, description=SEARCH_HELP)


@strawberry.input(description="Narrow a list of people.")
class PersonFilter:
    search: str | None = strawberry.field(default=None, description="Part of any name, any script.")
    outlet: list[relay.GlobalID] | None = strawberry.field(
        default=None, description="Mentioned by any of these outlets."
    )
    role: str | None = strawberry.field(default=None, description="Part of a title they hold (秘书长).")


@strawberry.input(description="Narrow a list of organizations or places.")
class EntityFilter:
    search: str | None = strawberry.field(default=None, description="Part of any name, any script.")
    outlet: list[relay.GlobalID] | None = strawberry.field(
        default=None, description="Mentioned by any of these outlets."
    )
    kind: str | None = strawberry.field(
        default=None, description="Catalog kind: intergovernmental, ministry, military … for "
                                  "organizations; country, city, region … for places."
    )


# --- translation ------------------------------------------------------------------------------

_KIND_OF_TYPE = {"Person": "person", "Organization": "organization", "Place": "place"}


def row_ids(ids: Iterable[relay.GlobalID] | None, type_name: str) -> tuple[int, ...]:
    result = []
    for gid in ids or ():
        if gid.type_name != type_name:
            raise ClientError(f"expected {type_name} ids, got a {gid.type_name} id")
        result.append(_number(gid))
    return tuple(result)


def entity_refs(ids: Iterable[relay.GlobalID] | None) -> tuple[EntityRef, ...]:
    """Global ids of people, organizations and places as (kind, row id)."""
    result = []
    for gid in ids or ():
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


def article_order(order: ArticleOrder | None) -> str:
    order = order or ArticleOrder()
    return f"{order.field.value}:{order.direction.value}"


def statement_order(order: StatementOrder | None) -> str:
    order = order or StatementOrder()
    return f"{order.field.value}:{order.direction.value}"


def entity_order(order: EntityOrder | None) -> str:
    order = order or EntityOrder()
    default = OrderDirection.ASC if order.field is EntityOrderField.NAME else OrderDirection.DESC
    return f"{order.field.value}:{(order.direction or default).value}"

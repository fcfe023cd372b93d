"""The GraphQL schema's root: lookups by name, filtered lists, search and the timeline."""

from __future__ import annotations

import base64
import logging
from datetime import datetime
from typing import Annotated, Any

import strawberry
from graphql import GraphQLError
from strawberry import relay
from strawberry.schema.config import StrawberryConfig
from strawberry.types import Info

from kb.api import limits
from kb.api.errors import ClientError
from kb.api.inputs import (
    ArticleFilter,
    ArticleOrder,
    EntityFilter,
    EntityOrder,
    PersonFilter,
    SearchKind,
    StatementFilter,
    StatementOrder,
    TimeBucket,
    article_filters,
    article_order,
    entity_filters,
    entity_id,
    entity_order,
    entity_refs,
    named,
    outlet_id,
    row_ids,
    statement_filters,
    statement_order,
)
from kb.api.lists import ArticleFilters, StatementFilters
from kb.api.lookahead import child_page
from kb.api.types import (
    Article,
    Connection,
    Organization,
    Outlet,
    Person,
    Place,
    Statement,
    TimelinePoint,
    Utterance,
    UtteranceFilter,
    UtteranceOrder,
    _connection,
    _data,
    asks_for,
    check_first,
    utterance_connection,
)
from kb.config import Settings
from kb.when import FORMATS, parse_moment

log = logging.getLogger(__name__)

SearchResult = Annotated[
    Outlet | Person | Organization | Place | Article | Statement, strawberry.union("SearchResult")
]
_NODE_TYPES: dict[str, Any] = {"outlet": Outlet, "person": Person, "organization": Organization,
                               "place": Place, "article": Article, "statement": Statement}


@strawberry.type(description="One search result.")
class SearchHit:
    node: SearchResult
    score: float = strawberry.field(description="Higher is better within a kind. Name matches "
                                                "(exact, then prefix, then substring) come first; "
                                                "then articles and statements, alternating.")
    snippet: str = strawberry.field(description="The matched name, or the text around the first match.")
    cursor: str = strawberry.field(description="Pass as `after` for the hits after this one.")


# How deep `search` pages: hits are ranked afresh for each page, so its cost grows with depth.
_SEARCH_DEPTH = 1000


def _search_offset(after: str | None) -> int:
    """The number of hits before the page that ``after`` (a hit's cursor) starts."""
    if after is None:
        return 0
    try:
        kind, _, number = base64.b64decode(after.encode("ascii"), validate=True).decode().partition(":")
        offset = int(number) if kind == "search" and number.isascii() and number.isdigit() else -1
    except (ValueError, UnicodeError):
        offset = -1
    if not 0 < offset <= _SEARCH_DEPTH:
        raise ClientError(f"`after` is not a search cursor (search pages at most {_SEARCH_DEPTH} hits deep)")
    return offset


def _search_cursor(position: int) -> str:
    return base64.b64encode(f"search:{position}".encode()).decode()


Paging = dict[str, Any]


@strawberry.type
class QueryFields:

    @strawberry.field(description="A person by any name: either script, any transliteration "
                                  "the knowledge base knows, or English (case-insensitive); or "
                                  "by key (jens-stoltenberg).")
    async def person(self, info: Info, name: str) -> Person | None:
        row = await _data(info).lookup("person", name, child_page(info, "person"))
        return Person.from_row(row) if row else None

    @strawberry.field(description="An organization by any name (北约, 北約, NATO …) or key.")
    async def organization(self, info: Info, name: str) -> Organization | None:
        row = await _data(info).lookup("organization", name, child_page(info, "organization"))
        return Organization.from_row(row) if row else None

    @strawberry.field(description="A place by any name or key.")
    async def place(self, info: Info, name: str) -> Place | None:
        row = await _data(info).lookup("place", name, child_page(info, "place"))
        return Place.from_row(row) if row else None

    @strawberry.field(description="An outlet by name, English name, short name or domain.")
    async def outlet(self, info: Info, name: str) -> Outlet | None:
        row = await _data(info).outlet_by_name(name)
        return Outlet.from_row(row) if row else None

    @strawberry.field(description="Outlets, by name.")
    async def outlets(self, info: Info, first: int | None = None, after: str | None = None,
                      last: int | None = None, before: str | None = None) -> Connection[Outlet]:
        return await _connection(info, "outlets", None, Outlet.from_row, first, after, last, before)

    @strawberry.field(description="Articles, newest first unless ordered.")
    async def articles(
        self, info: Info, first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
        filter: ArticleFilter | None = None, order_by: list[ArticleOrder] | None = None,
    ) -> Connection[Article]:
        filter = await named(_data(info), filter)
        return await _connection(info, "articles", None, Article.from_row, first, after, last,
                                 before, article_filters(filter), article_order(order_by))

    @strawberry.field(description="Statements, newest first; filter by speaker, outlet, kind, "
                                  "date, the entities they name, or words they contain.")
    async def statements(
        self, info: Info, first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
        filter: StatementFilter | None = None, order_by: list[StatementOrder] | None = None,
    ) -> Connection[Statement]:
        filter = await named(_data(info), filter)
        return await _connection(info, "statements", None, Statement.from_row, first, after,
                                 last, before, statement_filters(filter), statement_order(order_by))

    @strawberry.field(description="Utterances: each remark once, with every statement (any outlet, "
                                  "either script, quoted or paraphrased) that reports it; the most "
                                  "recently first reported first unless ordered.")
    async def utterances(
        self, info: Info, first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
        filter: UtteranceFilter | None = None, order_by: UtteranceOrder | None = None,
    ) -> Connection[Utterance]:
        return await utterance_connection(info, "utterances", None, first, after, last, before, filter,
                                          order_by)

    @strawberry.field(description="People, by name unless ordered by statements or mentions.")
    async def people(
        self, info: Info, first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
        filter: PersonFilter | None = None, order_by: EntityOrder | None = None,
    ) -> Connection[Person]:
        filter = await named(_data(info), filter)
        return await _connection(info, "people", None, Person.from_row, first, after, last, before,
                                 entity_filters(filter), entity_order(order_by))

    @strawberry.field(description="Organizations, by name unless ordered by statements or mentions.")
    async def organizations(
        self, info: Info, first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
        filter: EntityFilter | None = None, order_by: EntityOrder | None = None,
    ) -> Connection[Organization]:
        filter = await named(_data(info), filter)
        return await _connection(info, "organizations", None, Organization.from_row, first, after,
                                 last, before, entity_filters(filter), entity_order(order_by))

    @strawberry.field(description="Places, by name unless ordered by statements or mentions.")
    async def places(
        self, info: Info, first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
        filter: EntityFilter | None = None, order_by: EntityOrder | None = None,
    ) -> Connection[Place]:
        filter = await named(_data(info), filter)
        return await _connection(info, "places", None, Place.from_row, first, after, last, before,
                                 entity_filters(filter), entity_order(order_by))

    @strawberry.field(description="One search box over outlets, people, organizations, places, "
                                  "articles and statements, best first. Chinese of any length "
                                  "and either script: 普京, 北約 and 斯托尔滕贝格 all work. Text "
                                  "matches are ranked among the newest KB_SEARCH_WINDOW (2,000) "
                                  "of each kind. Scores compare within a kind: ask for one kind "
                                  "(`kinds: [ARTICLE]`) for one ranked list; page with `after` "
                                  "(a hit's cursor).")
    async def search(
        self, info: Info, query: str, first: int = 10, kinds: list[SearchKind] | None = None,
        after: str | None = None,
    ) -> list[SearchHit]:
        if len(query) > 200:
            raise ClientError("`query` must be at most 200 characters")
        chosen = [k.value for k in kinds] if kinds else [k.value for k in SearchKind]
        offset = _search_offset(after)
        hits = await _data(info).search(query, chosen, offset + check_first(info, first))
        return [SearchHit(node=_NODE_TYPES[h.kind].from_row(h.row), score=round(h.score, 6),
                          snippet=h.snippet, cursor=_search_cursor(offset + n))
                for n, h in enumerate(hits[offset:], start=1)]

    @strawberry.field(description="Statements, articles and utterances per day, week or month (UTC), "
                                  "gaps filled with zeros. Statements match like `statements(filter:)` "
                                  "(`mentioning`: named in the statement); articles are those of "
                                  "the outlets that mention the entities and, with `speaker`, "
                                  "quote one of the speakers.")
    async def timeline(
        self, info: Info, bucket: TimeBucket = TimeBucket.WEEK,
        speaker: list[strawberry.ID] | None = None, outlet: list[strawberry.ID] | None = None,
        mentioning: list[strawberry.ID] | None = None,
        published_after: datetime | None = None, published_before: datetime | None = None,
    ) -> list[TimelinePoint]:
        dates = dict(published_after=published_after, published_before=published_before)
        data = _data(info)  # (names where ids are asked, as in the filters)
        speaker = [await entity_id(data, v) for v in speaker or ()]
        mentioning = [await entity_id(data, v) for v in mentioning or ()]
        outlet = [await outlet_id(data, v) for v in outlet or ()]
        outlets, mentioned = row_ids(outlet, "Outlet"), entity_refs(mentioning)
        statements = StatementFilters(speakers=entity_refs(speaker), outlets=outlets, mentioning=mentioned,
                                      **dates)
        articles = ArticleFilters(outlets=outlets, mentions=mentioned, **dates)
        points = await _data(info).timeline(statements, articles, bucket.value, asks_for(info, "utterances"))
        return [TimelinePoint(start=s, end=e, statements=n, articles=a, utterances=u)
                for s, e, n, a, u in points]


def _parse_date_time(value: object) -> datetime:
    """A DateTime input: a date, a naive date-time (UTC) or one with an offset (kb.when)."""
    if not isinstance(value, str):
        raise ClientError(f"a DateTime is a string: {FORMATS}")
    try:
        return parse_moment(value)
    except ValueError as exc:
        raise ClientError(f'"{value}" is {exc}') from None


# DateTime as the exports read it: a plain date and a date-time without an offset are
# accepted too (UTC), and a value that is neither says what to write.
DATE_TIME = strawberry.scalar(name="DateTime", description="Date with time (isoformat)",
                              serialize=datetime.isoformat, parse_value=_parse_date_time)


class KnowledgeBaseSchema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context: Any = None) -> None:
        """Log the server's failures with their traceback; the client's mistakes in one line."""
        for error in errors:
            if limits.should_mask(error):
                log.error("internal error: %s", error.message, exc_info=error.original_error)
            else:
                log.info("client error: %s", error.message)


def build_schema(settings: Settings) -> strawberry.Schema:
    # relay.node() binds its resolver to the field it is given, so each schema gets a new one.
    @strawberry.type(name="Query")
    class Query(QueryFields):
        node: relay.Node | None = relay.node(description="Any object by its global id.")

    return KnowledgeBaseSchema(
        query=Query,
        types=[Person, Organization, Place, Outlet, Article, Statement, Utterance],
        extensions=limits.extensions(settings),
        config=StrawberryConfig(disable_field_suggestions=not settings.introspection,
                                scalar_map={datetime: DATE_TIME}),
    )


def schema_sdl(settings: Settings | None = None) -> str:
    """The schema in SDL, as committed in ``schema.graphql``."""
    return build_schema(settings or Settings()).as_str() + "\n"

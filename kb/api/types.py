"""The GraphQL object types: Relay nodes, connections and the aggregates a frontend draws,
linked both ways (person → statements → article → outlet, and back)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import Any, ClassVar, Generic, TypeVar

import strawberry
from strawberry import relay
from strawberry.types import Info
from strawberry.types.nodes import SelectedField

from kb.api import analytics
from kb.api.data import Data
from kb.api.errors import ClientError
from kb.api.inputs import (
    ArticleFilter,
    ArticleOrder,
    EntityKind,
    StatementFilter,
    StatementKind,
    StatementOrder,
    TimeBucket,
    article_filters,
    article_order,
    named,
    statement_filters,
    statement_order,
)
from kb.api.lists import ListKey
from kb.api.pagination import PageResult, make_page
from kb.api.prefetch import link_paths, selects_total
from kb.config import Settings

NodeT = TypeVar("NodeT")


def _data(info: Info) -> Data:
    return info.context["data"]


def _settings(info: Info) -> Settings:
    return info.context["settings"]


def check_first(info: Info, first: int) -> int:
    """``first`` of a ranked list (not a connection): 0 … the page-size maximum."""
    maximum = _settings(info).max_page_size
    if not 0 <= first <= maximum:
        raise ClientError(f"`first` must be between 0 and {maximum} (got {first})")
    return first


@strawberry.type(name="PageInfo", description="Where a page sits in its list.")
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    _result: strawberry.Private[PageResult]

    # (cursors are written only when asked for: see PageResult.cursors)
    @strawberry.field
    def start_cursor(self) -> str | None:
        cursors = self._result.cursors
        return cursors[0] if cursors else None

    @strawberry.field
    def end_cursor(self) -> str | None:
        cursors = self._result.cursors
        return cursors[-1] if cursors else None


@strawberry.type(description="A node and its cursor.")
class Edge(Generic[NodeT]):
    # (both read through methods, so the schema keeps its order: cursor, then node)
    _node: strawberry.Private[Any]
    _result: strawberry.Private[PageResult]
    _index: strawberry.Private[int]

    @strawberry.field
    def cursor(self) -> str:
        return self._result.cursors[self._index]

    @strawberry.field
    def node(self) -> NodeT:
        return self._node


@strawberry.type(description="A page of a list, Relay style, with the list's total size.")
class Connection(Generic[NodeT]):
    # (fields read through methods keep the schema's order: edges, pageInfo, nodes, totalCount)
    _page_info: strawberry.Private[PageInfo]
    _key: strawberry.Private[ListKey]
    _result: strawberry.Private[PageResult]
    _make: strawberry.Private[Callable[[Any], Any]]

    @strawberry.field
    def edges(self) -> list[Edge[NodeT]]:
        return [Edge(_node=node, _result=self._result, _index=i) for i, node in enumerate(self.nodes())]

    @strawberry.field
    def page_info(self) -> PageInfo:
        return self._page_info

    @strawberry.field(description="The nodes of this page, without cursors.")
    def nodes(self) -> list[NodeT]:
        made = self.__dict__.get("_made")
        if made is None:  # (each row's object made once, whether edges or nodes ask first)
            made = self.__dict__["_made"] = [self._make(row) for row in self._result.rows]
        return made

    @strawberry.field(description="How many items the whole list has (all pages).")
    async def total_count(self, info: Info) -> int:
        return await _data(info).counts.load(self._key)


async def _connection(
    info: Info,
    name: str,
    parent: int | None,
    make: Any,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
    filters: Any = None,
    order: str = "default",
) -> Connection[Any]:
    settings = _settings(info)
    # A PaginationError (a ClientError) reaches the client as written.
    page = make_page(first, after, last, before, default=settings.default_page_size,
                     maximum=settings.max_page_size)
    type_name = make.__self__.__name__
    key = ListKey(name, parent, page, filters, order, (type_name, link_paths(info, type_name)),
                  selects_total(info))
    result = await _data(info).pages.load(key)
    return Connection(
        _page_info=PageInfo(has_next_page=result.has_next, has_previous_page=result.has_previous,
                            _result=result),
        _key=key,
        _result=result,
        _make=make,
    )


def _linked(info: Info, table: str, row_id: int, make: Callable[[Any], Any]) -> Any:
    """The node of ``table`` with ``row_id``: at once when this request has loaded its row
    (see ``kb.api.prefetch``), else an awaitable through the DataLoader."""
    data = _data(info)
    row = data.loaded(table, row_id)
    if row is not None:
        return make(row)

    async def load() -> Any:
        return make(await data.by_id[table].load(row_id))

    return load()


async def _nodes(info: Info, table: str, ids: Iterable[str], make: Any, required: bool) -> list[Any]:
    """Nodes by the keys their global ids hold (kb/ids.py); an unknown key is null."""
    rows = await _data(info).by_node_id[table].load_many([str(raw) for raw in ids])
    return [make(row) if row is not None else None for row in rows]


# --- nodes ------------------------------------------------------------------------------------


@strawberry.type(description="A news outlet (RFI, VOA, 德国之声 …).")
class Outlet(relay.Node):
    id: relay.NodeID[str]
    key: str = strawberry.field(description="Its lasting key (rfi, or the web domain of an outlet "
                                            "the catalog lacks); `outlet(name:)` takes it.")
    name: str
    name_en: str
    short_name: str | None
    country: str | None
    origin: str = strawberry.field(description="`catalog`, or `domain` for an outlet first seen "
                                               "as an unknown web domain.")
    _row_id: strawberry.Private[int]

    @classmethod
    def from_row(cls, row: Any) -> Outlet:
        return cls(id=row.key, key=row.key, name=row.name, name_en=row.name_en,
                   short_name=row.short_name, country=row.country, origin=row.origin, _row_id=row.id)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False):  # type: ignore[override]
        return await _nodes(info, "outlet", node_ids, cls.from_row, required)

    @strawberry.field
    async def domains(self, info: Info) -> list[str]:
        return await _data(info).domains.load(self._row_id)

    @strawberry.field(description="Articles of this outlet, newest first unless ordered.")
    async def articles(
        self, info: Info, first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
        filter: ArticleFilter | None = None, order_by: list[ArticleOrder] | None = None,
    ) -> Connection[Article]:
        filter = await named(_data(info), filter)
        return await _connection(info, "outlet.articles", self._row_id, Article.from_row, first, after,
                                 last, before, article_filters(filter), article_order(order_by))

    @strawberry.field(description="Statements published by this outlet.")
    async def statements(
        self, info: Info, first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
        filter: StatementFilter | None = None, order_by: list[StatementOrder] | None = None,
    ) -> Connection[Statement]:
        filter = await named(_data(info), filter)
        return await _connection(info, "statements", None, Statement.from_row, first, after, last,
                                 before, statement_filters(filter, outlets=(self._row_id,)),
                                 statement_order(order_by))

    @strawberry.field(description="Its statements and articles, and the utterances it carried, per "
                                  "day, week or month (UTC), gaps filled with zeros.")
    async def timeline(self, info: Info, bucket: TimeBucket = TimeBucket.WEEK,
                       published_after: datetime | None = None,
                       published_before: datetime | None = None) -> list[TimelinePoint]:
        period = analytics.period(published_after, published_before)
        return await _timeline(info, "outlet", self._row_id, bucket, period)

    @strawberry.field(description="The speakers this outlet quotes most in its most recent articles "
                                  "(KB_AGGREGATE_WINDOW) published in the period given, with "
                                  "statement counts.")
    async def top_speakers(self, info: Info, first: int = 10, published_after: datetime | None = None,
                           published_before: datetime | None = None) -> list[SpeakerCount]:
        params = (check_first(info, first), analytics.period(published_after, published_before))
        rows = await _data(info).top_speakers.load((params, self._row_id))
        return [SpeakerCount(speaker=_entity(row), statement_count=n) for row, n in rows]

    @strawberry.field(description="The people this outlet's most recent articles (KB_AGGREGATE_WINDOW) "
                                  "published in the period given name most: by articles, then "
                                  "mentions.")
    async def top_people(self, info: Info, first: int = 10, published_after: datetime | None = None,
                         published_before: datetime | None = None) -> list[PersonCount]:
        params = (check_first(info, first), analytics.period(published_after, published_before))
        rows = await _data(info).top_people.load((params, self._row_id))
        return [PersonCount(person=Person.from_row(p), article_count=a, mention_count=m) for p, a, m in rows]


@strawberry.type(description="An image of an article, with its caption.")
class ArticleImage:
    url: str
    caption: str | None


def _article_text(root: Article, info: Info) -> str:
    """An article's text: at once from its row, or (a row read through a join, which leaves
    it out: kb.api.joins) an awaitable through the loader."""
    if root._text is not None:
        return root._text
    return _data(info).article_texts.load(root._row_id)  # type: ignore[return-value]


@strawberry.type(description="A news article.")
class Article(relay.Node):
    id: relay.NodeID[str]
    title: str
    url: str | None
    published_at: datetime
    byline: str | None
    lead_image: str | None
    text: str = strawberry.field(resolver=_article_text,
                                 description="The stored plain text: the title, then one line "
                                             "per paragraph, heading or caption. Offsets of "
                                             "mentions and statements point into it.")
    source_format: str
    _outlet_id: strawberry.Private[int]
    _row_id: strawberry.Private[int]
    _text: strawberry.Private[str | None] = None

    @classmethod
    def from_row(cls, row: Any) -> Article:
        return cls(id=row.uid, title=row.title, url=row.url, published_at=row.published_at,
                   byline=row.byline, lead_image=row.lead_image, _text=getattr(row, "text", None),
                   source_format=row.source_format, _outlet_id=row.outlet_id, _row_id=row.id)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False):  # type: ignore[override]
        return await _nodes(info, "article", node_ids, cls.from_row, required)

    @strawberry.field(description="Body paragraphs (no title, no captions).")
    async def paragraphs(self, info: Info) -> list[str]:
        captions = {image.caption for image in await _data(info).images.load(self._row_id)}
        text = self._text if self._text is not None else await _data(info).article_texts.load(self._row_id)
        return [line for line in text.split("\n")[1:] if line not in captions]

    @strawberry.field
    def outlet(self, info: Info) -> Outlet:
        return _linked(info, "outlet", self._outlet_id, Outlet.from_row)

    @strawberry.field
    async def images(self, info: Info) -> list[ArticleImage]:
        rows = await _data(info).images.load(self._row_id)
        return [ArticleImage(url=row.url, caption=row.caption) for row in rows]

    @strawberry.field(description="People mentioned, in order of first mention.")
    async def people(self, info: Info) -> list[Person]:
        return [Person.from_row(r) for r in await _data(info).article_entities.load(("person", self._row_id))]

    @strawberry.field(description="Organizations mentioned, in order of first mention.")
    async def organizations(self, info: Info) -> list[Organization]:
        rows = await _data(info).article_entities.load(("organization", self._row_id))
        return [Organization.from_row(r) for r in rows]

    @strawberry.field(description="Places mentioned, in order of first mention.")
    async def places(self, info: Info) -> list[Place]:
        return [Place.from_row(r) for r in await _data(info).article_entities.load(("place", self._row_id))]

    @strawberry.field(description="Statements in this article, in reading order.")
    async def statements(
        self, info: Info, first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None, filter: StatementFilter | None = None,
    ) -> Connection[Statement]:
        filter = await named(_data(info), filter)
        return await _connection(info, "article.statements", self._row_id, Statement.from_row,
                                 first, after, last, before, statement_filters(filter))


@strawberry.type(description="A written form of an entity's name and how kb learned it.")
class Alias:
    name: str
    origin: str = strawberry.field(description="`catalog`, `parenthetical` (中文名（English "
                                               "Name）), `title` (a name after a title), `discovered` "
                                               "(a name found in the text) or `written` (a catalog "
                                               "name written with its company ending, JR东海公司).")


@strawberry.type(description="Where an entity is named in an article.")
class Mention:
    surface: str = strawberry.field(description="The name as written there.")
    start: int = strawberry.field(description="Where it starts in the article's `text`.")
    end: int = strawberry.field(description="Where it ends in the article's `text` (exclusive).")
    paragraph: int = strawberry.field(description="Line of the article's text (0 is the title), as "
                                                  "`Statement.paragraph`.")
    _article_id: strawberry.Private[int]

    @strawberry.field(deprecation_reason="Use `paragraph`, the name statements use.")
    def line(self) -> int:
        return self.paragraph

    @classmethod
    def from_row(cls, row: Any) -> Mention:
        return cls(surface=row.surface, start=row.start, end=row.end, paragraph=row.line,
                   _article_id=row.article_id)

    @strawberry.field
    def article(self, info: Info) -> Article:
        return _linked(info, "article", self._article_id, Article.from_row)


@strawberry.type(description="A title a person holds (北约秘书长), once per title and the body "
                              "or country it belongs to, with the articles that give it.")
class Role:
    title: str
    article_count: int = strawberry.field(description="How many articles give the title.")
    _article_ids: strawberry.Private[list[int]]
    _organization_id: strawberry.Private[int | None] = None
    _place_id: strawberry.Private[int | None] = None

    @strawberry.field(description="The organization the title belongs to (北约 in 北约秘书长).")
    async def organization(self, info: Info) -> Organization | None:
        if self._organization_id is None:
            return None
        return Organization.from_row(await _data(info).by_id["organization"].load(self._organization_id))

    @strawberry.field(description="The country the title belongs to (美国 in 美国国务卿).")
    async def place(self, info: Info) -> Place | None:
        if self._place_id is None:
            return None
        return Place.from_row(await _data(info).by_id["place"].load(self._place_id))

    @strawberry.field(description="The first article (in load order) that gives the title.")
    async def article(self, info: Info) -> Article:
        return Article.from_row(await _data(info).by_id["article"].load(self._article_ids[0]))

    @strawberry.field(description="The articles that give the title, in load order.")
    async def articles(self, info: Info, first: int = 10) -> list[Article]:
        ids = self._article_ids[: check_first(info, first)]
        return [Article.from_row(row) for row in await _data(info).by_id["article"].load_many(ids)]


@strawberry.interface(description="A person, organization or place: the fields every named "
                                  "thing has, so one fragment reads any speaker or mention.")
class Entity(relay.Node):
    id: relay.NodeID[str]
    key: str = strawberry.field(description="Its lasting key: the catalog's (jens-stoltenberg), or "
                                            "its kind and name for one found in the news "
                                            "(person:zh-吴瑞北). `person(key:)` and friends look it up.")
    name: str = strawberry.field(description="Its name in Chinese (simplified unless only known "
                                             "otherwise).")
    name_en: str | None = strawberry.field(description="Its English name, when known.")
    wikidata: str | None = strawberry.field(description="Its Wikidata id (Q…), when known.")
    country: str | None = strawberry.field(description="ISO country code, when known.")
    origin: str = strawberry.field(description="`catalog` (kb's curated list) or `discovered` "
                                               "(found in the news).")
    _row: strawberry.Private[Any]
    KIND: ClassVar[str] = ""

    @strawberry.field(description="Every known written form of the name.")
    async def aliases(self, info: Info) -> list[Alias]:
        rows = await _data(info).aliases.load((self.KIND, self._row.id))
        return [Alias(name=r.name, origin=r.origin) for r in rows]

    @strawberry.field(description="How many statements it made (all outlets).")
    def statement_count(self) -> int:
        return self._row.statement_count

    @strawberry.field(description="How many times articles name it.")
    def mention_count(self) -> int:
        return self._row.mention_count


def _entity_fields(kind: str) -> Any:
    """Fields shared by Person, Organization and Place (statements, articles, mentions)."""

    @strawberry.type(name=f"{kind.title()}Links")
    class Fields:
        _row: strawberry.Private[Any]

        @strawberry.field(description="Statements it made across outlets, newest first unless ordered.")
        async def statements(
            self, info: Info, first: int | None = None, after: str | None = None,
            last: int | None = None, before: str | None = None,
            filter: StatementFilter | None = None, order_by: list[StatementOrder] | None = None,
        ) -> Connection[Statement]:
            filter = await named(_data(info), filter)
            return await _connection(info, f"{kind}.statements", self._row.id,  # type: ignore[attr-defined]
                                     Statement.from_row, first, after, last, before,
                                     statement_filters(filter), statement_order(order_by))

        @strawberry.field(description="Articles that mention it, newest first unless ordered.")
        async def articles(
            self, info: Info, first: int | None = None, after: str | None = None,
            last: int | None = None, before: str | None = None,
            filter: ArticleFilter | None = None, order_by: list[ArticleOrder] | None = None,
        ) -> Connection[Article]:
            filter = await named(_data(info), filter)
            return await _connection(info, f"{kind}.articles", self._row.id,  # type: ignore[attr-defined]
                                     Article.from_row, first, after, last, before,
                                     article_filters(filter), article_order(order_by))

        @strawberry.field(description="Every place it is named, in load order.")
        async def mentions(
            self, info: Info, first: int | None = None, after: str | None = None,
            last: int | None = None, before: str | None = None,
        ) -> Connection[Mention]:
            return await _connection(info, f"{kind}.mentions", self._row.id,  # type: ignore[attr-defined]
                                     Mention.from_row, first, after, last, before)

        @strawberry.field(description="Entities most often named in the same articles, with the "
                                      "number of articles shared, among its most recent articles "
                                      "(KB_AGGREGATE_WINDOW, 1,000 by default) published in the "
                                      "period given.")
        async def co_mentioned(
            self, info: Info, first: int = 10,
            kinds: list[EntityKind] | None = None,
            published_after: datetime | None = None, published_before: datetime | None = None,
        ) -> list[CoMention]:
            chosen = kinds or (EntityKind.PERSON, EntityKind.ORGANIZATION)
            params = (kind, tuple(sorted(k.value for k in chosen)), check_first(info, first),
                      analytics.period(published_after, published_before))
            rows = await _data(info).co_mentions.load((params, self._row.id))  # type: ignore[attr-defined]
            return [CoMention(entity=_entity(row), article_count=n) for row, n in rows]

        @strawberry.field(description="Its statements and utterances, and the articles naming it, per "
                                      "day, week or month (UTC), gaps filled with zeros.")
        async def timeline(self, info: Info, bucket: TimeBucket = TimeBucket.WEEK,
                           published_after: datetime | None = None,
                           published_before: datetime | None = None) -> list[TimelinePoint]:
            period = analytics.period(published_after, published_before)
            return await _timeline(info, kind, self._row.id, bucket, period)  # type: ignore[attr-defined]

        @strawberry.field(description="What it said, each remark once with every outlet that carried "
                                      "it; the most recently first reported first unless ordered.")
        async def utterances(
            self, info: Info, first: int | None = None, after: str | None = None,
            last: int | None = None, before: str | None = None,
            filter: UtteranceFilter | None = None, order_by: UtteranceOrder | None = None,
        ) -> Connection[Utterance]:
            return await utterance_connection(info, f"{kind}.utterances", self._row.id,  # type: ignore[attr-defined]
                                              first, after, last, before, filter, order_by)

        @strawberry.field(description="The outlets that quote it, with statement counts, most first.")
        async def outlets(self, info: Info) -> list[OutletCount]:
            rows = await _data(info).speaker_outlets.load(((kind,), self._row.id))  # type: ignore[attr-defined]
            return [OutletCount(outlet=Outlet.from_row(o), statement_count=n) for o, n in rows]

    return Fields


@strawberry.type(description="A person.")
class Person(Entity, _entity_fields("person")):  # type: ignore[misc]
    KIND: ClassVar[str] = "person"

    @classmethod
    def from_row(cls, row: Any) -> Person:
        return cls(id=row.key, key=row.key, name=row.name, name_en=row.name_en,
                   wikidata=row.wikidata, country=row.country, origin=row.origin, _row=row)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False):  # type: ignore[override]
        return await _nodes(info, "person", node_ids, cls.from_row, required)

    @strawberry.field(description="Titles given to this person, each once, with the articles as "
                                  "evidence.")
    async def roles(self, info: Info) -> list[Role]:
        rows = await _data(info).roles.load(self._row.id)
        articles: dict[tuple[str, int | None, int | None], list[int]] = {}
        for r in rows:  # one role per title and its body or country, in first-seen order
            ids = articles.setdefault((r.title, r.organization_id, r.place_id), [])
            if r.article_id not in ids:
                ids.append(r.article_id)
        return [Role(title=title, article_count=len(ids), _article_ids=ids, _organization_id=organization,
                     _place_id=place) for (title, organization, place), ids in articles.items()]


@strawberry.type(description="An organization: government body, alliance, company, media …")
class Organization(Entity, _entity_fields("organization")):  # type: ignore[misc]
    KIND: ClassVar[str] = "organization"
    kind: str | None

    @classmethod
    def from_row(cls, row: Any) -> Organization:
        return cls(id=row.key, key=row.key, name=row.name, name_en=row.name_en, wikidata=row.wikidata,
                   kind=row.kind, country=row.country, origin=row.origin, _row=row)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False):  # type: ignore[override]
        return await _nodes(info, "organization", node_ids, cls.from_row, required)


@strawberry.type(description="A country, city, region or sea.")
class Place(Entity, _entity_fields("place")):  # type: ignore[misc]
    KIND: ClassVar[str] = "place"
    kind: str | None

    @classmethod
    def from_row(cls, row: Any) -> Place:
        return cls(id=row.key, key=row.key, name=row.name, name_en=row.name_en, wikidata=row.wikidata,
                   kind=row.kind, country=row.country, origin=row.origin, _row=row)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False):  # type: ignore[override]
        return await _nodes(info, "place", node_ids, cls.from_row, required)


_ENTITY_TYPES: dict[str, Any] = {"person": Person, "organization": Organization, "place": Place}


def _entity(pair: tuple[str, Any]) -> Any:
    """The Person, Organization or Place of a ``(kind, row)`` pair."""
    kind, row = pair
    return _ENTITY_TYPES[kind].from_row(row)


async def _timeline(info: Info, kind: str, parent: int, bucket: TimeBucket,
                    period: tuple[datetime | None, datetime | None]) -> list[TimelinePoint]:
    params = (kind, bucket.value, period, asks_for(info, "utterances"))
    points = await _data(info).timelines.load((params, parent))
    return [TimelinePoint(start=s, end=e, statements=n, articles=a, utterances=u) for s, e, n, a, u in points]


def asks_for(info: Info, name: str) -> bool:
    """Whether the query selects ``name`` in what this field returns (through fragments too):
    a count that costs a query of its own is made only when asked for."""
    def among(selections: Sequence[Any]) -> bool:
        for selection in selections:
            if isinstance(selection, SelectedField):
                if selection.name == name:
                    return True
            elif among(selection.selections):  # a fragment spread or an inline fragment
                return True
        return False

    return any(among(field.selections) for field in info.selected_fields)


@strawberry.type(description="An entity named in the same articles as another.")
class CoMention:
    entity: Entity
    article_count: int = strawberry.field(description="Articles naming both.")


@strawberry.type(description="An outlet and how many statements of a speaker it published.")
class OutletCount:
    outlet: Outlet
    statement_count: int


@strawberry.type(description="A speaker and how many of their statements an outlet published.")
class SpeakerCount:
    speaker: Entity
    statement_count: int


@strawberry.type(description="A person and how much an outlet's articles name them.")
class PersonCount:
    person: Person
    article_count: int
    mention_count: int


@strawberry.type(description="Counts in one time bucket [start, end), for charts.")
class TimelinePoint:
    start: date
    end: date
    statements: int = strawberry.field(description="Statements matching the filters.")
    articles: int = strawberry.field(description="Articles matching the filters.")
    utterances: int = strawberry.field(description="Utterances first reported in the bucket (their "
                                                   "earliest report, by any outlet) with a report "
                                                   "matching the filters: each remark counted once, "
                                                   "where it was new.")


@strawberry.type(description="A quote or reported speech, with who said it and where.")
class Statement(relay.Node):
    id: relay.NodeID[str]
    text: str
    kind: StatementKind
    verb: str = strawberry.field(description="The reporting verb as written (说, 表示, 强调 …).")
    anonymous: bool = strawberry.field(description="Said by an unnamed source (一名美国官员).")
    speaker_description: str = strawberry.field(
        description="The words that name the speaker, as written (北约秘书长斯托尔滕贝格, "
                    "一名美国官员)."
    )
    paragraph: int = strawberry.field(description="Line of the article's text (0 is the title).")
    start: int = strawberry.field(description="Where the content starts in the article's `text`.")
    end: int = strawberry.field(description="Where it ends in the article's `text` (exclusive).")
    _row: strawberry.Private[Any]

    @classmethod
    def from_row(cls, row: Any) -> Statement:
        return cls(id=row.uid, text=row.text, kind=StatementKind(row.kind), verb=row.verb,
                   anonymous=row.anonymous, speaker_description=row.speaker_text,
                   paragraph=row.line, start=row.start, end=row.end, _row=row)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False):  # type: ignore[override]
        return await _nodes(info, "statement", node_ids, cls.from_row, required)

    @strawberry.field(description="Who said it; null when anonymous or not resolved.")
    def speaker(self, info: Info) -> Entity | None:
        row = self._row
        if row.speaker_person_id:
            return _linked(info, "person", row.speaker_person_id, Person.from_row)
        if row.speaker_organization_id:
            return _linked(info, "organization", row.speaker_organization_id, Organization.from_row)
        if row.speaker_place_id:
            return _linked(info, "place", row.speaker_place_id, Place.from_row)
        return None

    @strawberry.field
    def article(self, info: Info) -> Article:
        return _linked(info, "article", self._row.article_id, Article.from_row)

    @strawberry.field(description="The remark it reports, with every other report of it (null "
                                  "without a speaker).")
    def utterance(self, info: Info) -> Utterance | None:
        return utterance_of(info, self._row)

    @strawberry.field(description="People, organizations and places named in the statement.")
    async def mentions(self, info: Info) -> list[Entity]:
        rows = await _data(info).statement_entities.load(self._row.id)
        return [_ENTITY_TYPES[kind].from_row(row) for kind, row in rows]


# Utterances link to the types above and they to them: imported last, for the annotations.
from kb.api.utterances import (  # noqa: E402
    Utterance,
    UtteranceFilter,
    UtteranceOrder,
    utterance_connection,
    utterance_of,
)

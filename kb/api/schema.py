"""The GraphQL schema: Relay nodes and connections over the knowledge base, linked both ways
(person → statements → article → outlet, and back)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from enum import Enum
from typing import Annotated, Any, Generic, TypeVar

import strawberry
from strawberry import relay
from strawberry.extensions import MaxAliasesLimiter, QueryDepthLimiter
from strawberry.types import Info

from kb.api.data import ArticleFilters, Data, ListKey, StatementFilters
from kb.api.pagination import PaginationError, make_page
from kb.config import Settings

NodeT = TypeVar("NodeT")


@strawberry.enum(description="Whether a statement quotes the speaker's own words.")
class StatementKind(Enum):
    DIRECT = "direct"
    INDIRECT = "indirect"


def _data(info: Info) -> Data:
    return info.context["data"]


def _settings(info: Info) -> Settings:
    return info.context["settings"]


@strawberry.type(name="PageInfo", description="Where a page sits in its list.")
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type(description="A node and its cursor.")
class Edge(Generic[NodeT]):
    cursor: str
    node: NodeT


@strawberry.type(description="A page of a list, Relay style, with the list's total size.")
class Connection(Generic[NodeT]):
    edges: list[Edge[NodeT]]
    page_info: PageInfo
    _key: strawberry.Private[ListKey]

    @strawberry.field(description="The nodes of this page, without cursors.")
    def nodes(self) -> list[NodeT]:
        return [edge.node for edge in self.edges]

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
) -> Connection[Any]:
    settings = _settings(info)
    try:
        page = make_page(first, after, last, before, default=settings.default_page_size,
                         maximum=settings.max_page_size)
    except PaginationError as exc:
        raise ValueError(str(exc)) from None
    key = ListKey(name, parent, page, filters)
    result = await _data(info).pages.load(key)
    edges = [Edge(cursor=c, node=make(row)) for row, c in zip(result.rows, result.cursors, strict=True)]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=result.has_next,
            has_previous_page=result.has_previous,
            start_cursor=result.cursors[0] if result.cursors else None,
            end_cursor=result.cursors[-1] if result.cursors else None,
        ),
        _key=key,
    )


def _global_ids(ids: Iterable[relay.GlobalID] | None, type_name: str) -> tuple[int, ...]:
    result = []
    for gid in ids or ():
        if gid.type_name != type_name:
            raise ValueError(f"expected {type_name} ids, got a {gid.type_name} id")
        try:
            result.append(int(gid.node_id))
        except ValueError:
            raise ValueError(f"malformed {type_name} id") from None
    return tuple(result)


async def _nodes(info: Info, table: str, ids: Iterable[str], make: Any, required: bool) -> list[Any]:
    numbers = []
    for raw in ids:
        try:
            numbers.append(int(raw))
        except ValueError:
            numbers.append(-1)
    rows = await _data(info).by_id[table].load_many(numbers)
    return [make(row) if row is not None else None for row in rows]


# --- nodes ------------------------------------------------------------------------------------


@strawberry.type(description="A news outlet (RFI, VOA, 德国之声 …).")
class Outlet(relay.Node):
    id: relay.NodeID[int]
    key: str
    name: str
    name_en: str
    short_name: str | None
    country: str | None
    origin: str = strawberry.field(description="`catalog`, or `domain` for an outlet first seen "
                                               "as an unknown web domain.")

    @classmethod
    def from_row(cls, row: Any) -> Outlet:
        return cls(id=row.id, key=row.key, name=row.name, name_en=row.name_en,
                   short_name=row.short_name, country=row.country, origin=row.origin)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False):  # type: ignore[override]
        return await _nodes(info, "outlet", node_ids, cls.from_row, required)

    @strawberry.field
    async def domains(self, info: Info) -> list[str]:
        return await _data(info).domains.load(self.id)

    @strawberry.field(description="Articles of this outlet, newest first.")
    async def articles(
        self, info: Info, first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
        published_after: datetime | None = None, published_before: datetime | None = None,
    ) -> Connection[Article]:
        filters = ArticleFilters(published_after=published_after, published_before=published_before)
        return await _connection(info, "outlet.articles", self.id, Article.from_row,
                                 first, after, last, before, filters)

    @strawberry.field(description="Statements published by this outlet.")
    async def statements(
        self, info: Info, first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
    ) -> Connection[Statement]:
        return await _connection(info, "statements", None, Statement.from_row, first, after,
                                 last, before, StatementFilters(outlets=(self.id,)))


@strawberry.type(description="An image of an article, with its caption.")
class ArticleImage:
    url: str
    caption: str | None


@strawberry.type(description="A news article.")
class Article(relay.Node):
    id: relay.NodeID[int]
    title: str
    url: str | None
    published_at: datetime
    byline: str | None
    lead_image: str | None
    text: str = strawberry.field(description="The stored plain text: the title, then one line "
                                             "per paragraph, heading or caption. Offsets of "
                                             "mentions and statements point into it.")
    source_format: str
    _outlet_id: strawberry.Private[int]

    @classmethod
    def from_row(cls, row: Any) -> Article:
        return cls(id=row.id, title=row.title, url=row.url, published_at=row.published_at,
                   byline=row.byline, lead_image=row.lead_image, text=row.text,
                   source_format=row.source_format, _outlet_id=row.outlet_id)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False):  # type: ignore[override]
        return await _nodes(info, "article", node_ids, cls.from_row, required)

    @strawberry.field(description="Body paragraphs (no title, no captions).")
    async def paragraphs(self, info: Info) -> list[str]:
        captions = {image.caption for image in await _data(info).images.load(self.id)}
        return [line for line in self.text.split("\n")[1:] if line not in captions]

    @strawberry.field
    async def outlet(self, info: Info) -> Outlet:
        return Outlet.from_row(await _data(info).by_id["outlet"].load(self._outlet_id))

    @strawberry.field
    async def images(self, info: Info) -> list[ArticleImage]:
        rows = await _data(info).images.load(self.id)
        return [ArticleImage(url=row.url, caption=row.caption) for row in rows]

    @strawberry.field(description="People mentioned, in order of first mention.")
    async def people(self, info: Info) -> list[Person]:
        return [Person.from_row(r) for r in await _data(info).article_entities.load(("person", self.id))]

    @strawberry.field(description="Organizations mentioned, in order of first mention.")
    async def organizations(self, info: Info) -> list[Organization]:
        rows = await _data(info).article_entities.load(("organization", self.id))
        return [Organization.from_row(r) for r in rows]

    @strawberry.field(description="Places mentioned, in order of first mention.")
    async def places(self, info: Info) -> list[Place]:
        return [Place.from_row(r) for r in await _data(info).article_entities.load(("place", self.id))]

    @strawberry.field(description="Statements in this article, in reading order.")
    async def statements(
        self, info: Info, first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
    ) -> Connection[Statement]:
        return await _connection(info, "article.statements", self.id, Statement.from_row,
                                 first, after, last, before)


@strawberry.type(description="A written form of an entity's name and how kb learned it.")
class Alias:
    name: str
    origin: str = strawberry.field(description="`catalog`, `parenthetical` (中文名（English "
                                               "Name）) or `title` (a name after a title).")


@strawberry.type(description="Where an entity is named in an article.")
class Mention:
    surface: str
    start: int
    end: int
    line: int
    _article_id: strawberry.Private[int]

    @classmethod
    def from_row(cls, row: Any) -> Mention:
        return cls(surface=row.surface, start=row.start, end=row.end, line=row.line,
                   _article_id=row.article_id)

    @strawberry.field
    async def article(self, info: Info) -> Article:
        return Article.from_row(await _data(info).by_id["article"].load(self._article_id))


@strawberry.type(description="A title a person holds in an article (北约秘书长).")
class Role:
    title: str
    _article_id: strawberry.Private[int]
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

    @strawberry.field
    async def article(self, info: Info) -> Article:
        return Article.from_row(await _data(info).by_id["article"].load(self._article_id))


def _entity_fields(kind: str) -> Any:
    """Fields shared by Person, Organization and Place (statements, articles, mentions)."""

    @strawberry.type(name=f"{kind.title()}Links")
    class Fields:
        id: int

        @strawberry.field(description="Every known written form of the name.")
        async def aliases(self, info: Info) -> list[Alias]:
            rows = await _data(info).aliases.load((kind, self.id))  # type: ignore[attr-defined]
            return [Alias(name=r.name, origin=r.origin) for r in rows]

        @strawberry.field(description="Statements this entity made, across outlets.")
        async def statements(
            self, info: Info, first: int | None = None, after: str | None = None,
            last: int | None = None, before: str | None = None,
            outlet: list[relay.GlobalID] | None = None,
            published_after: datetime | None = None, published_before: datetime | None = None,
            mentioning: list[relay.GlobalID] | None = None,
        ) -> Connection[Statement]:
            filters = StatementFilters(outlets=_global_ids(outlet, "Outlet"),
                                       published_after=published_after,
                                       published_before=published_before,
                                       mentioning=_entity_ids(mentioning))
            return await _connection(info, f"{kind}.statements", self.id,  # type: ignore[attr-defined]
                                     Statement.from_row, first, after, last, before, filters)

        @strawberry.field(description="Articles that mention this entity, newest first.")
        async def articles(
            self, info: Info, first: int | None = None, after: str | None = None,
            last: int | None = None, before: str | None = None,
        ) -> Connection[Article]:
            return await _connection(info, f"{kind}.articles", self.id,  # type: ignore[attr-defined]
                                     Article.from_row, first, after, last, before)

        @strawberry.field(description="Every place this entity is named.")
        async def mentions(
            self, info: Info, first: int | None = None, after: str | None = None,
            last: int | None = None, before: str | None = None,
        ) -> Connection[Mention]:
            return await _connection(info, f"{kind}.mentions", self.id,  # type: ignore[attr-defined]
                                     Mention.from_row, first, after, last, before)

    return Fields


@strawberry.type(description="A person.")
class Person(relay.Node, _entity_fields("person")):  # type: ignore[misc]
    id: relay.NodeID[int]
    key: str
    name: str
    name_en: str | None
    wikidata: str | None
    country: str | None
    origin: str

    @classmethod
    def from_row(cls, row: Any) -> Person:
        return cls(id=row.id, key=row.key, name=row.name, name_en=row.name_en,
                   wikidata=row.wikidata, country=row.country, origin=row.origin)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False):  # type: ignore[override]
        return await _nodes(info, "person", node_ids, cls.from_row, required)

    @strawberry.field(description="Titles given to this person, with the article as evidence.")
    async def roles(self, info: Info) -> list[Role]:
        rows = await _data(info).roles.load(self.id)
        return [Role(title=r.title, _article_id=r.article_id, _organization_id=r.organization_id,
                     _place_id=r.place_id) for r in rows]


@strawberry.type(description="An organization: government body, alliance, company, media …")
class Organization(relay.Node, _entity_fields("organization")):  # type: ignore[misc]
    id: relay.NodeID[int]
    key: str
    name: str
    name_en: str | None
    wikidata: str | None
    kind: str | None
    country: str | None
    origin: str

    @classmethod
    def from_row(cls, row: Any) -> Organization:
        return cls(id=row.id, key=row.key, name=row.name, name_en=row.name_en,
                   wikidata=row.wikidata, kind=row.kind, country=row.country, origin=row.origin)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False):  # type: ignore[override]
        return await _nodes(info, "organization", node_ids, cls.from_row, required)


@strawberry.type(description="A country, city, region or sea.")
class Place(relay.Node, _entity_fields("place")):  # type: ignore[misc]
    id: relay.NodeID[int]
    key: str
    name: str
    name_en: str | None
    wikidata: str | None
    kind: str | None
    country: str | None
    origin: str

    @classmethod
    def from_row(cls, row: Any) -> Place:
        return cls(id=row.id, key=row.key, name=row.name, name_en=row.name_en,
                   wikidata=row.wikidata, kind=row.kind, country=row.country, origin=row.origin)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False):  # type: ignore[override]
        return await _nodes(info, "place", node_ids, cls.from_row, required)


Speaker = Annotated[Person | Organization | Place, strawberry.union("Speaker")]
Entity = Annotated[Person | Organization | Place, strawberry.union("Entity")]
_ENTITY_TYPES: dict[str, Any] = {"person": Person, "organization": Organization, "place": Place}


def _entity_ids(ids: Iterable[relay.GlobalID] | None) -> tuple[tuple[str, int], ...]:
    """Global ids of people, organizations and places as (kind, id)."""
    result = []
    for gid in ids or ():
        kind = {"Person": "person", "Organization": "organization", "Place": "place"}.get(gid.type_name)
        if kind is None:
            raise ValueError(f"expected a Person, Organization or Place id, not {gid.type_name}")
        try:
            result.append((kind, int(gid.node_id)))
        except ValueError:
            raise ValueError(f"malformed {gid.type_name} id") from None
    return tuple(result)


@strawberry.type(description="A quote or reported speech, with who said it and where.")
class Statement(relay.Node):
    id: relay.NodeID[int]
    text: str
    kind: StatementKind
    verb: str = strawberry.field(description="The reporting verb as written (说, 表示, 强调 …).")
    anonymous: bool = strawberry.field(description="Said by an unnamed source (一名美国官员).")
    speaker_description: str = strawberry.field(
        description="The words that name the speaker, as written (北约秘书长斯托尔滕贝格, "
                    "一名美国官员)."
    )
    paragraph: int = strawberry.field(description="Line of the article's text (0 is the title).")
    start: int
    end: int
    _row: strawberry.Private[Any]

    @classmethod
    def from_row(cls, row: Any) -> Statement:
        return cls(id=row.id, text=row.text, kind=StatementKind(row.kind), verb=row.verb,
                   anonymous=row.anonymous, speaker_description=row.speaker_text,
                   paragraph=row.line, start=row.start, end=row.end, _row=row)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False):  # type: ignore[override]
        return await _nodes(info, "statement", node_ids, cls.from_row, required)

    @strawberry.field(description="Who said it; null when anonymous or not resolved.")
    async def speaker(self, info: Info) -> Speaker | None:
        data = _data(info)
        if self._row.speaker_person_id:
            return Person.from_row(await data.by_id["person"].load(self._row.speaker_person_id))
        if self._row.speaker_organization_id:
            row = await data.by_id["organization"].load(self._row.speaker_organization_id)
            return Organization.from_row(row)
        if self._row.speaker_place_id:
            return Place.from_row(await data.by_id["place"].load(self._row.speaker_place_id))
        return None

    @strawberry.field
    async def article(self, info: Info) -> Article:
        return Article.from_row(await _data(info).by_id["article"].load(self._row.article_id))

    @strawberry.field(description="People, organizations and places named in the statement.")
    async def mentions(self, info: Info) -> list[Entity]:
        rows = await _data(info).statement_entities.load(self.id)
        return [_ENTITY_TYPES[kind].from_row(row) for kind, row in rows]


# --- root -------------------------------------------------------------------------------------


@strawberry.input(description="Narrow a list of statements; all given conditions must hold.")
class StatementFilter:
    speaker: list[relay.GlobalID] | None = strawberry.field(
        default=None, description="Person, Organization or Place ids."
    )
    outlet: list[relay.GlobalID] | None = None
    kind: StatementKind | None = None
    anonymous: bool | None = None
    published_after: datetime | None = None
    published_before: datetime | None = None
    mentioning: list[relay.GlobalID] | None = strawberry.field(
        default=None, description="Entities that must all be named in the statement's text."
    )


def _statement_filters(filter: StatementFilter | None) -> StatementFilters:
    if filter is None:
        return StatementFilters()
    return StatementFilters(
        speakers=_entity_ids(filter.speaker),
        mentioning=_entity_ids(filter.mentioning), outlets=_global_ids(filter.outlet, "Outlet"),
        kind=filter.kind.value if filter.kind else None, anonymous=filter.anonymous,
        published_after=filter.published_after, published_before=filter.published_before,
    )


@strawberry.type
class QueryFields:

    @strawberry.field(description="A person by any name: either script, any transliteration "
                                  "the knowledge base knows, or English (case-insensitive).")
    async def person(self, info: Info, name: str) -> Person | None:
        row = await _data(info).lookup("person", name)
        return Person.from_row(row) if row else None

    @strawberry.field(description="An organization by any name (北约, 北約, NATO …).")
    async def organization(self, info: Info, name: str) -> Organization | None:
        row = await _data(info).lookup("organization", name)
        return Organization.from_row(row) if row else None

    @strawberry.field(description="A place by any name.")
    async def place(self, info: Info, name: str) -> Place | None:
        row = await _data(info).lookup("place", name)
        return Place.from_row(row) if row else None

    @strawberry.field(description="An outlet by name, English name, short name or domain.")
    async def outlet(self, info: Info, name: str) -> Outlet | None:
        row = await _data(info).outlet_by_name(name)
        return Outlet.from_row(row) if row else None

    @strawberry.field
    async def outlets(self, info: Info, first: int | None = None, after: str | None = None,
                      last: int | None = None, before: str | None = None) -> Connection[Outlet]:
        return await _connection(info, "outlets", None, Outlet.from_row, first, after, last, before)

    @strawberry.field(description="Articles, newest first.")
    async def articles(
        self, info: Info, first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
        outlet: list[relay.GlobalID] | None = None,
        published_after: datetime | None = None, published_before: datetime | None = None,
    ) -> Connection[Article]:
        filters = ArticleFilters(outlets=_global_ids(outlet, "Outlet"),
                                 published_after=published_after, published_before=published_before)
        return await _connection(info, "articles", None, Article.from_row, first, after, last,
                                 before, filters)

    @strawberry.field
    async def people(self, info: Info, first: int | None = None, after: str | None = None,
                     last: int | None = None, before: str | None = None) -> Connection[Person]:
        return await _connection(info, "people", None, Person.from_row, first, after, last, before)

    @strawberry.field
    async def organizations(
        self, info: Info, first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
    ) -> Connection[Organization]:
        return await _connection(info, "organizations", None, Organization.from_row, first,
                                 after, last, before)

    @strawberry.field
    async def places(self, info: Info, first: int | None = None, after: str | None = None,
                     last: int | None = None, before: str | None = None) -> Connection[Place]:
        return await _connection(info, "places", None, Place.from_row, first, after, last, before)

    @strawberry.field(description="Statements, in load order; filter by speaker, outlet, kind "
                                  "and publication date.")
    async def statements(
        self, info: Info, first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
        filter: StatementFilter | None = None,
    ) -> Connection[Statement]:
        return await _connection(info, "statements", None, Statement.from_row, first, after,
                                 last, before, _statement_filters(filter))


def build_schema(settings: Settings) -> strawberry.Schema:
    # relay.node() binds its resolver to the field it is given, so each schema gets a new one.
    @strawberry.type(name="Query")
    class Query(QueryFields):
        node: relay.Node | None = relay.node(description="Any object by its global id.")

    return strawberry.Schema(
        query=Query,
        types=[Person, Organization, Place, Outlet, Article, Statement],
        extensions=[
            lambda: QueryDepthLimiter(max_depth=settings.max_query_depth),
            lambda: MaxAliasesLimiter(max_alias_count=30),
        ],
    )

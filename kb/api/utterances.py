"""Utterances in the API: one remark and every statement that reports it (kb/utterances.py).

Kept apart from ``types`` and ``schema``, which only link here: ``Statement.utterance``,
``Person.utterances`` (and organizations', places'), and the root ``utterances`` list. The
lists are registered with the others (``kb.api.lists.LISTS``), so they page, count and
batch as every connection does; the per-utterance aggregates (its outlets, its longest
direct version) are DataLoaders of the request, one query for all utterances on a page.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

import strawberry
from sqlalchemy import Select, exists, func, or_, select
from strawberry import relay
from strawberry.dataloader import DataLoader
from strawberry.types import Info

from kb.api.data import BY_IDS, Data
from kb.api.inputs import SEARCH_HELP, OrderDirection, _search, entity_refs, named, row_ids
from kb.api.lists import LISTS, EntityRef, mentioned_in, statement_base, statement_order, text_matches
from kb.api.pagination import Order
from kb.api.types import (
    Connection,
    Entity,
    Outlet,
    Statement,
    _connection,
    _data,
    _entity,
    _linked,
    _nodes,
)
from kb.models import OWNER_COLUMN
from kb.models import Statement as StatementRow
from kb.models import Utterance as UtteranceRow

# --- filters and orders -----------------------------------------------------------------------


@strawberry.enum(description="How utterances are ordered.")
class UtteranceOrderField(Enum):
    FIRST_REPORTED = "first_reported"
    REPORTS = "reports"


@strawberry.input(description="Order of utterances. Default: the most recently first reported first "
                              "(DESC); REPORTS puts the most carried first.")
class UtteranceOrder:
    field: UtteranceOrderField = UtteranceOrderField.FIRST_REPORTED
    direction: OrderDirection = OrderDirection.DESC


@strawberry.input(description="Narrow a list of utterances; all given conditions must hold.")
class UtteranceFilter:
    speaker: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Said by any of these people, organizations or places (global ids "
                                  "or names in either script, a transliteration or English).")
    outlet: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Carried by any of these outlets (global ids or names: 中央社, "
                                  "CNA, cna.com.tw).")
    mentioning: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Entities that must each be named in one of its reports (ids or names).")
    published_after: datetime | None = strawberry.field(
        default=None, description="First reported at or after (inclusive).")
    published_before: datetime | None = strawberry.field(
        default=None, description="First reported before (exclusive).")
    search: str | None = strawberry.field(default=None, description="In any of its reports. " + SEARCH_HELP)


@dataclass(frozen=True)
class UtteranceFilters:
    speakers: tuple[EntityRef, ...] = ()
    outlets: tuple[int, ...] = ()
    mentioning: tuple[EntityRef, ...] = ()
    published_after: datetime | None = None
    published_before: datetime | None = None
    search: str | None = None


def utterance_filters(filter: UtteranceFilter | None) -> UtteranceFilters | None:
    if filter is None:
        return None
    return UtteranceFilters(
        speakers=entity_refs(filter.speaker), outlets=row_ids(filter.outlet, "Outlet"),
        mentioning=entity_refs(filter.mentioning), published_after=filter.published_after,
        published_before=filter.published_before, search=_search(filter.search))


def utterance_order(order: UtteranceOrder | None) -> str:
    order = order or UtteranceOrder()
    return f"{order.field.value}:{order.direction.value}"


# --- the lists --------------------------------------------------------------------------------


def utterance_base(filters: UtteranceFilters | None, dialect: str) -> Select[Any]:
    base = select(*UtteranceRow.__table__.columns)
    if filters is None:
        return base
    if filters.speakers:
        by_kind: dict[str, list[int]] = defaultdict(list)
        for kind, ident in filters.speakers:
            by_kind[kind].append(ident)
        base = base.where(or_(*(getattr(UtteranceRow, "speaker_" + OWNER_COLUMN[kind]).in_(ids)
                                for kind, ids in by_kind.items())))
    if filters.published_after:
        base = base.where(UtteranceRow.first_reported >= filters.published_after)
    if filters.published_before:
        base = base.where(UtteranceRow.first_reported < filters.published_before)
    reported = StatementRow.utterance_id == UtteranceRow.id
    if filters.outlets:
        base = base.where(exists().where(reported, StatementRow.outlet_id.in_(filters.outlets)))
    for ref in filters.mentioning:  # each in one of the reports (not necessarily the same one)
        inside = mentioned_in(StatementRow.article_id, (ref,), StatementRow.start, StatementRow.end)
        base = base.where(exists().where(reported, *inside))
    if filters.search is not None:
        matches = text_matches("statement", filters.search, dialect).subquery()
        base = base.where(exists().where(reported, StatementRow.id.in_(select(matches.c.ref_id))))
    return base


def order_of(key: str) -> Order:
    """Newest (or oldest) first report first, or most (fewest) reports first; ties by the
    first report, then the lasting id, so pages are the same whatever order the files were
    loaded in."""
    field, _, direction = key.partition(":")
    descending = direction != "asc"
    columns = [(UtteranceRow.first_reported, descending), (UtteranceRow.uid, descending)]
    if field == "reports":
        columns.insert(0, (UtteranceRow.report_count, descending))
    return Order(tuple(columns))


def _utterances(parent: Any) -> Any:
    return lambda f, o, d: (utterance_base(f, d), parent, order_of(o))


# Registered beside the other lists: one place pages and counts every connection.
LISTS.update({
    "utterances": _utterances(None),
    **{f"{kind}.utterances": _utterances(getattr(UtteranceRow, "speaker_" + OWNER_COLUMN[kind]))
       for kind in OWNER_COLUMN},
    "utterance.reports": lambda f, o, d: _reports(d),
})


def _reports(dialect: str) -> Any:
    """An utterance's reports, earliest first (the statements' own order, oldest first)."""
    base, order = statement_order(statement_base(None, dialect), "published_at:asc")
    return base, StatementRow.utterance_id, order


async def utterance_connection(info: Info, name: str, parent: int | None, first: int | None,
                               after: str | None, last: int | None, before: str | None,
                               filter: UtteranceFilter | None,
                               order_by: UtteranceOrder | None) -> Connection[Utterance]:
    """A page of utterances (the root list, or an entity's with ``parent``)."""
    filter = await named(_data(info), filter)
    return await _connection(info, name, parent, Utterance.from_row, first, after, last, before,
                             utterance_filters(filter), utterance_order(order_by))


# --- per-request loaders ----------------------------------------------------------------------


def _loader(data: Data, name: str, load: Any) -> DataLoader[int, Any]:
    """The request's loader ``name`` (made on first use: the request's ``Data`` holds it)."""
    loaders: dict[str, DataLoader[int, Any]] = data.__dict__.setdefault("_utterance_loaders", {})
    if name not in loaders:
        loaders[name] = DataLoader(lambda keys: load(data, keys))
    return loaders[name]


async def _load_outlets(data: Data, ids: list[int]) -> list[list[Any]]:
    """Each utterance's outlets, in the order they first carried it."""
    rows = await data.rows(
        select(StatementRow.utterance_id, StatementRow.outlet_id,
               func.min(StatementRow.published_at).label("first"))
        .where(StatementRow.utterance_id.in_(ids))
        .group_by(StatementRow.utterance_id, StatementRow.outlet_id))
    wanted = sorted({r.outlet_id for r in rows})
    outlets = {row.id: row for row in await data.rows(BY_IDS["outlet"], {"ids": wanted})}
    grouped: dict[int, list[tuple[Any, str, int]]] = defaultdict(list)
    for row in rows:
        grouped[row.utterance_id].append((row.first, outlets[row.outlet_id].name, row.outlet_id))
    return [[outlets[o] for _, _, o in sorted(grouped.get(i, []))] for i in ids]


async def _load_direct(data: Data, ids: list[int]) -> list[Any]:
    """Each utterance's longest direct report (the earliest of equally long ones), or None."""
    rows = await data.rows(
        select(*StatementRow.__table__.columns)
        .where(StatementRow.utterance_id.in_(ids), StatementRow.kind == "direct"))
    best: dict[int, Any] = {}
    for row in rows:
        current = best.get(row.utterance_id)
        if current is None or (-len(row.text), row.published_at, row.uid) < (
                -len(current.text), current.published_at, current.uid):
            best[row.utterance_id] = row
    return [best.get(i) for i in ids]


# --- the type ---------------------------------------------------------------------------------


@strawberry.type(description="One remark and every statement that reports it: the same speaker, "
                              "the same words or their paraphrase, in any outlet and either script, "
                              "reported within KB_UTTERANCE_WINDOW_DAYS (3) of each other.")
class Utterance(relay.Node):
    id: relay.NodeID[str]
    first_reported: datetime = strawberry.field(description="When the first report was published.")
    last_reported: datetime = strawberry.field(description="When the latest report was published.")
    report_count: int = strawberry.field(description="How many statements report it (a lead and its "
                                                     "body count twice).")
    _row: strawberry.Private[Any]

    @classmethod
    def from_row(cls, row: Any) -> Utterance:
        return cls(id=row.uid, first_reported=row.first_reported, last_reported=row.last_reported,
                   report_count=row.report_count, _row=row)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False):  # type: ignore[override]
        return await _nodes(info, "utterance", node_ids, cls.from_row, required)

    @strawberry.field(description="Who said it.")
    async def speaker(self, info: Info) -> Entity:
        for kind, column in OWNER_COLUMN.items():
            ident = getattr(self._row, "speaker_" + column)
            if ident is not None:
                row = await _data(info).by_id[kind].load(ident)
                return _entity((kind, row))
        raise ValueError("an utterance without a speaker")

    @strawberry.field(description="The statements that report it, earliest first.")
    async def reports(self, info: Info, first: int | None = None, after: str | None = None,
                      last: int | None = None, before: str | None = None) -> Connection[Statement]:
        return await _connection(info, "utterance.reports", self._row.id, Statement.from_row, first,
                                 after, last, before)

    @strawberry.field(description="The outlets that carried it, in the order they first did.")
    async def outlets(self, info: Info) -> list[Outlet]:
        rows = await _loader(_data(info), "outlets", _load_outlets).load(self._row.id)
        return [Outlet.from_row(row) for row in rows]

    @strawberry.field(description="The longest direct quotation among its reports, if any quotes it.")
    async def direct_quote(self, info: Info) -> Statement | None:
        row = await _loader(_data(info), "direct", _load_direct).load(self._row.id)
        return Statement.from_row(row) if row is not None else None


def utterance_of(info: Info, row: Any) -> Any:
    """The utterance a statement row reports (None for one not grouped: no speaker)."""
    if row.utterance_id is None:
        return None
    return _linked(info, "utterance", row.utterance_id, Utterance.from_row)

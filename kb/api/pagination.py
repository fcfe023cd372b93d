"""Keyset pagination for Relay connections, batched across parents.

A page is the rows after (or before) a cursor in a stable order — never an OFFSET — so
cursors stay valid while articles are loaded. Nested connections (the statements of each
of twenty people) are fetched for all parents in one query with ``ROW_NUMBER() OVER
(PARTITION BY parent)``, so the number of queries follows the shape of the GraphQL query,
not the number of rows.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cmp_to_key
from typing import Any

from sqlalchemy import ColumnElement, CompoundSelect, Select, and_, func, or_, select, union_all

from kb.api.errors import ClientError


class PaginationError(ClientError):
    """Bad pagination arguments; shown to the client as a validation error."""


@dataclass(frozen=True)
class Page:
    first: int | None
    after: str | None
    last: int | None
    before: str | None

    @property
    def forward(self) -> bool:
        return self.last is None

    @property
    def size(self) -> int:
        return self.first if self.forward else self.last  # type: ignore[return-value]


def make_page(
    first: int | None, after: str | None, last: int | None, before: str | None,
    *, default: int, maximum: int,
) -> Page:
    if first is not None and last is not None:
        raise PaginationError("pass either `first` or `last`, not both")
    for name, value in (("first", first), ("last", last)):
        if value is not None and value < 0:
            raise PaginationError(f"`{name}` must not be negative (got {value})")
        if value is not None and value > maximum:
            raise PaginationError(f"`{name}` must be at most {maximum} (got {value})")
    if first is None and last is None:
        first = default
    for name, cursor in (("after", after), ("before", before)):
        if cursor is not None:
            decode_cursor(cursor, name)
    return Page(first, after, last, before)


def encode_cursor(values: Sequence[Any]) -> str:
    plain = [{"t": v.isoformat()} if isinstance(v, datetime) else v for v in values]
    return base64.urlsafe_b64encode(json.dumps(plain, separators=(",", ":")).encode()).decode()


def decode_cursor(cursor: str, name: str = "cursor") -> list[Any]:
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor.encode()))
        if not isinstance(values, list) or not values:
            raise ValueError
        return [datetime.fromisoformat(v["t"]) if isinstance(v, dict) else v for v in values]
    except (ValueError, TypeError, KeyError, binascii.Error, UnicodeError):
        raise PaginationError(f"`{name}` is not a valid cursor") from None


@dataclass(frozen=True)
class Order:
    """A stable order: columns with directions; the last one must be unique (the id)."""

    columns: tuple[tuple[ColumnElement[Any], bool], ...]  # (column, descending)

    def clauses(self, reverse: bool = False) -> list[ColumnElement[Any]]:
        return [c.desc() if desc != reverse else c.asc() for c, desc in self.columns]

    def values(self, row: Any) -> list[Any]:
        return [row._mapping[c.key] for c, _ in self.columns]

    def after(self, values: Sequence[Any], reverse: bool = False) -> ColumnElement[bool]:
        """Rows strictly after ``values`` in this order (before it when ``reverse``)."""
        if len(values) != len(self.columns):
            raise PaginationError("cursor does not belong to this list")
        terms = []
        for index, (column, desc) in enumerate(self.columns):
            goes_up = desc == reverse
            step = column > values[index] if goes_up else column < values[index]
            equal = [c == values[i] for i, (c, _) in enumerate(self.columns[:index])]
            terms.append(and_(*equal, step))
        return or_(*terms)


@dataclass
class PageResult:
    rows: list[Any]
    has_next: bool
    has_previous: bool
    cursors: list[str]


def _page_filters(order: Order, page: Page) -> list[ColumnElement[bool]]:
    filters = []
    if page.after:
        filters.append(order.after(decode_cursor(page.after)))
    if page.before:
        filters.append(order.after(decode_cursor(page.before), reverse=True))
    return filters


def page_query(base: Select[Any], order: Order, page: Page) -> Select[Any]:
    """One list: the page plus one row to tell whether more follow."""
    return (
        base.where(*_page_filters(order, page))
        .order_by(*order.clauses(reverse=not page.forward))
        .limit(page.size + 1)
    )


# Up to this many parents, each gets its own ORDER BY … LIMIT branch of a UNION ALL (one
# index range each, however many rows a parent has); beyond it, one window function ranks
# every row of the parents (still one statement, but it reads all their rows).
UNION_PARENTS = 200


def batched_page_query(
    base: Select[Any], parent: ColumnElement[Any], parents: Sequence[Any], order: Order, page: Page
) -> Select[Any] | CompoundSelect[Any]:
    """The same page for many parents in one statement; rows carry ``parent_key``. Rows come
    grouped by parent but not ordered: ``sort_rows`` puts each parent's in page order."""
    clauses = order.clauses(reverse=not page.forward)
    if len(parents) <= UNION_PARENTS:
        filters = _page_filters(order, page)
        with_parent = base.add_columns(parent.label("parent_key"))
        if len(parents) == 1:
            return with_parent.where(parent == parents[0], *filters).order_by(*clauses).limit(page.size + 1)
        branches = [
            select(with_parent.where(parent == value, *filters).order_by(*clauses).limit(page.size + 1)
                   .subquery())
            for value in parents
        ]
        return branches[0] if len(branches) == 1 else union_all(*branches)
    number = func.row_number().over(partition_by=parent, order_by=clauses)
    inner = (
        base.add_columns(parent.label("parent_key"), number.label("row_number"))
        .where(parent.in_(parents), *_page_filters(order, page))
        .subquery()
    )
    return select(inner).where(inner.c.row_number <= page.size + 1)


def sort_rows(rows: list[Any], order: Order, page: Page) -> list[Any]:
    """One parent's rows in the order its page query asked for."""
    reverse = not page.forward
    keys = [(column.key, descending != reverse) for column, descending in order.columns]

    def compare(a: Any, b: Any) -> int:
        for key, descending in keys:
            x, y = a._mapping[key], b._mapping[key]
            if x != y:
                return (-1 if x < y else 1) * (-1 if descending else 1)
        return 0

    return sorted(rows, key=cmp_to_key(compare))


def to_result(rows: list[Any], order: Order, page: Page) -> PageResult:
    more = len(rows) > page.size
    rows = rows[: page.size]
    if not page.forward:
        rows.reverse()
    cursors = [encode_cursor(order.values(row)) for row in rows]
    return PageResult(
        rows=rows,
        has_next=more if page.forward else page.before is not None,
        has_previous=more if not page.forward else page.after is not None,
        cursors=cursors,
    )

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
import math
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
    """The values a cursor holds, each of a kind ``encode_cursor`` writes: a bounded integer,
    a finite number, a short string, null or a date-time with its offset. Anything else — a
    tampered cursor — is the client's mistake, not a query to run."""
    try:
        if len(cursor) > _CURSOR_MAX:
            raise ValueError
        values = json.loads(base64.urlsafe_b64decode(cursor.encode()), parse_constant=_no_constant)
        if not isinstance(values, list) or not values:
            raise ValueError
        return [_cursor_value(v) for v in values]
    except (ValueError, TypeError, KeyError, binascii.Error, UnicodeError, RecursionError):
        raise PaginationError(f"`{name}` is not a valid cursor") from None


_CURSOR_MAX = 1000
_INT_MAX = 2**63 - 1


def _no_constant(name: str) -> None:
    raise ValueError(name)  # NaN, Infinity: no cursor holds them


def _cursor_value(value: Any) -> Any:
    if isinstance(value, dict):
        moment = datetime.fromisoformat(value["t"])
        if moment.tzinfo is None or len(value) != 1:
            raise ValueError
        return moment
    if isinstance(value, bool) or isinstance(value, int) and not -_INT_MAX <= value <= _INT_MAX:
        raise ValueError
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError  # 1e400 decodes to infinity
    if value is None or isinstance(value, int | float | str):
        return value
    raise ValueError  # a list inside a cursor


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
        if len(values) != len(self.columns) or not all(
            _fits(column, value) for (column, _), value in zip(self.columns, values, strict=True)
        ):
            raise PaginationError("cursor does not belong to this list")
        terms = []
        for index, (column, desc) in enumerate(self.columns):
            goes_up = desc == reverse
            step = column > values[index] if goes_up else column < values[index]
            equal = [c == values[i] for i, (c, _) in enumerate(self.columns[:index])]
            terms.append(and_(*equal, step))
        return or_(*terms)


def _fits(column: ColumnElement[Any], value: Any) -> bool:
    """Whether a cursor's value is of the column's kind (a date where a date belongs)."""
    if value is None:
        return True
    try:
        kind = getattr(column.type, "impl", column.type).python_type  # (a decorated type: its base's)
    except NotImplementedError:
        return True
    if kind is datetime:
        return isinstance(value, datetime)
    if kind is int:
        return isinstance(value, int)
    if kind is float:
        return isinstance(value, int | float)
    return isinstance(value, kind)


@dataclass
class PageResult:
    rows: list[Any]
    has_next: bool
    has_previous: bool
    order: Order
    _cursors: list[str] | None = None

    @property
    def cursors(self) -> list[str]:
        """Each row's cursor, written when first asked for: most pages are read for their
        nodes alone, and a cursor costs a JSON and a base64 encoding per row."""
        if self._cursors is None:
            self._cursors = [encode_cursor(self.order.values(row)) for row in self.rows]
        return self._cursors


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
    return PageResult(
        rows=rows,
        has_next=more if page.forward else page.before is not None,
        has_previous=more if not page.forward else page.after is not None,
        order=order,
    )

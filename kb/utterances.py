"""Utterances: the statements by one speaker that report the same remark, across outlets.

Two statements are *linked* when they have the same speaker entity, their articles were
published at most ``KB_UTTERANCE_WINDOW_DAYS`` apart, and their texts report the same remark
(``kb.remark.same_remark``). An utterance is a connected component of that graph, so it does
not depend on the order in which articles were loaded: the same files give the same groups.
Its lasting id (``uid``) is its earliest statement's (by publication, then statement id),
so it survives rebuilding the database too; it changes only when an earlier report of the
remark arrives.

The loader keeps the groups up to date in the transaction that stores the articles
(``Grouper``): a new statement is compared with the same speaker's statements inside the
window (the speaker-and-date indexes of ``statement`` find them; the remarks' bigrams
decide), joins the utterances it links to — merging them when it links several — or starts
its own. Replacing an article regroups only the utterances its old statements were in: the
rest of each is split into its components again. ``rebuild`` regroups everything, after
the matching rules change (``kb utterances rebuild``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, bindparam, delete, select, update

from kb.models import ENTITY_TABLES, OWNER_COLUMN, Mention, Statement, Utterance
from kb.remark import Shape, remark, same_remark, shape

if TYPE_CHECKING:
    from kb.store import Store

KINDS = tuple(OWNER_COLUMN)
SPEAKER_COLUMNS = tuple("speaker_" + column for column in OWNER_COLUMN.values())
DEFAULT_WINDOW_DAYS = 3.0

SpeakerRef = tuple[str, int]  # (kind, id)


def window_from_env() -> timedelta:
    """``KB_UTTERANCE_WINDOW_DAYS`` (default 3): how far apart two reports of one remark may be."""
    from kb.config import Settings

    return timedelta(days=Settings.from_env().utterance_window_days)


@dataclass(frozen=True, slots=True)
class Report:
    """A statement as grouping sees it."""

    id: int
    uid: str
    speaker: SpeakerRef
    published_at: datetime
    remark: str
    utterance_id: int | None = None  # (stored statements only)


def speaker_of(row: Any) -> SpeakerRef | None:
    for kind, column in zip(KINDS, SPEAKER_COLUMNS, strict=True):
        value = row._mapping[column]
        if value is not None:
            return kind, value
    return None


def _report(row: Any) -> Report:
    speaker = speaker_of(row)
    assert speaker is not None
    return Report(row.id, row.uid, speaker, row.published_at, row.remark or "", row.utterance_id)


def components(reports: Sequence[Report], window: timedelta) -> list[list[Report]]:
    """The connected components of ``reports`` under the link relation, earliest first."""
    groups = _components(len(reports), linked_pairs(reports, window))
    return [sorted((reports[i] for i in group), key=earliest) for group in groups]


def linked_pairs(reports: Sequence[Report], window: timedelta,
                 only: set[int] | None = None) -> Iterator[tuple[int, int]]:
    """Index pairs of linked reports: same speaker, within ``window``, same remark. With
    ``only``, just the pairs with at least one of those indexes. Reports are compared only
    with the same speaker's inside the window (sorted by time, found by bisection)."""
    by_speaker: dict[SpeakerRef, list[int]] = defaultdict(list)
    for i, report in enumerate(reports):
        by_speaker[report.speaker].append(i)
    shapes: dict[int, Shape] = {}  # (for this call only: a cache across batches cost 100+ MB)

    def shape_of(i: int) -> Shape:
        found = shapes.get(i)
        if found is None:
            found = shapes[i] = shape(reports[i].remark)
        return found

    for indexes in by_speaker.values():
        indexes.sort(key=lambda i: reports[i].published_at)
        times = [reports[i].published_at for i in indexes]
        if len(indexes) == 1:
            continue  # (the common case: nothing to compare)
        for position, i in enumerate(indexes):
            if only is not None and i not in only:
                continue
            low = bisect_left(times, times[position] - window)
            high = bisect_right(times, times[position] + window)
            if high - low == 1:
                continue
            mine = shape_of(i)
            for j in indexes[low:high]:
                if j == i or (only is not None and j in only and j < i):
                    continue  # itself, or a pair already given from j's side
                if same_remark(mine, shape_of(j)):
                    yield i, j


def earliest(report: Report) -> tuple[datetime, str]:
    return report.published_at, report.uid


# --- the loader's side ------------------------------------------------------------------------


@dataclass
class _Row:
    """An utterance row as written: its id, lasting id, speaker and counts."""

    id: int
    uid: str
    speaker: SpeakerRef
    first: datetime
    last: datetime
    count: int

    def values(self, stamp: Any) -> tuple[Any, ...]:
        owners = tuple(self.speaker[1] if kind == self.speaker[0] else None for kind in KINDS)
        return (self.id, self.uid, *owners, stamp(self.first), stamp(self.last), self.count)


UTTERANCE_COLUMNS = ("id", "uid", *SPEAKER_COLUMNS, "first_reported", "last_reported", "report_count")
_CANDIDATE_CHUNK = 200  # (speaker, period) ranges per query


class Grouper:
    """Keeps utterances up to date as a ``Store`` writes a batch (inside its transaction)."""

    def __init__(self, store: Store, window: timedelta | None = None) -> None:
        self.store = store
        self.connection: Connection = store.connection
        self.window = window if window is not None else window_from_env()

    def touched(self, article_ids: Sequence[int]) -> set[int]:
        """The utterances the statements of these articles (about to be replaced) are in."""
        if not article_ids:
            return set()
        rows = self.connection.execute(
            select(Statement.utterance_id).distinct()
            .where(Statement.article_id.in_(article_ids), Statement.utterance_id.is_not(None)))
        return set(rows.scalars())

    def assign(self, new: Sequence[Report], touched: set[int]) -> dict[int, int]:
        """Group the batch's new statements (not written yet) with what is stored, and regroup
        the ``touched`` utterances (which lost statements). Writes the utterance rows and
        moves stored statements; returns the utterance id of each new statement."""
        if not new and not touched:
            return {}
        stored = self._candidates(new)
        # Statements of touched (or never grouped) utterances are regrouped one by one; the
        # other stored ones stand for their utterance, whose statements are linked already.
        loose = self._members(touched)
        loose_ids = {r.id for r in loose}
        whole = [r for r in stored if r.utterance_id is not None and r.utterance_id not in touched
                 and r.id not in loose_ids]
        loose += [r for r in stored if r.utterance_id is None and r.id not in loose_ids]
        reports = [*new, *loose, *whole]
        new_count = len(new)
        # Known links: the stored statements of one untouched utterance, and the loose ones
        # among themselves (a touched utterance's rest) — compared below, like the new ones.
        first_of: dict[int, int] = {}
        known: list[tuple[int, int]] = []
        for index, report in enumerate(reports[new_count + len(loose):], start=new_count + len(loose)):
            anchor = first_of.setdefault(report.utterance_id or 0, index)
            if anchor != index:
                known.append((anchor, index))
        only = set(range(new_count + len(loose)))
        links = list(linked_pairs(reports, self.window, only=only))
        groups = _components(len(reports), [*known, *links])
        return self._write(reports, groups, new_count, touched)

    def _candidates(self, new: Sequence[Report]) -> list[Report]:
        """Stored statements of the new ones' speakers inside their windows: per speaker, the
        overlapping windows merged into periods, each one range of a speaker index."""
        periods: dict[SpeakerRef, list[list[datetime]]] = defaultdict(list)
        for report in sorted(new, key=lambda r: (r.speaker, r.published_at)):
            start, end = report.published_at - self.window, report.published_at + self.window
            spans = periods[report.speaker]
            if spans and start <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], end)
            else:
                spans.append([start, end])
        found: list[Report] = []
        for kind in KINDS:
            ranges = [(ident, start, end) for (k, ident), spans in periods.items() if k == kind
                      for start, end in spans]
            for first in range(0, len(ranges), _CANDIDATE_CHUNK):
                found += self._in_ranges(kind, ranges[first:first + _CANDIDATE_CHUNK])
        return found

    def _in_ranges(self, kind: str, ranges: list[tuple[int, datetime, datetime]]) -> list[Report]:
        """The statements of ``kind`` speakers in ``(speaker, start, end)`` ranges: a join of
        the ranges (as VALUES) with the speaker's index, written for the driver (SQLAlchemy's
        building and compiling of a new statement per batch cost more than the query)."""
        column = "speaker_" + OWNER_COLUMN[kind]
        store = self.store
        if store.dialect == "postgresql":
            row = "(%s::integer, %s::timestamptz, %s::timestamptz)"
        else:
            row = "(?, ?, ?)"
        sql = (f"WITH ranges (speaker, low, high) AS (VALUES {', '.join([row] * len(ranges))}) "
               f"SELECT s.id, s.uid, s.{column}, s.published_at, s.remark, s.utterance_id "
               f"FROM ranges JOIN statement AS s ON s.{column} = ranges.speaker "
               "AND s.published_at >= ranges.low AND s.published_at <= ranges.high")
        params = [value for ident, start, end in ranges
                  for value in (ident, store._timestamp(start), store._timestamp(end))]
        rows = self.connection.exec_driver_sql(sql, tuple(params)).fetchall()
        moment = _moment if store.dialect == "sqlite" else (lambda value: value)
        return [Report(ident, uid, (kind, speaker), moment(published), said or "", utterance)
                for ident, uid, speaker, published, said, utterance in rows]

    def _members(self, utterance_ids: set[int]) -> list[Report]:
        found: list[Report] = []
        ids = sorted(utterance_ids)
        for first in range(0, len(ids), 500):
            rows = self.connection.execute(
                _REPORT_COLUMNS.where(Statement.utterance_id.in_(ids[first:first + 500])))
            found += map(_report, rows)
        return found

    def _write(self, reports: list[Report], groups: list[list[int]], new_count: int,
               touched: set[int]) -> dict[int, int]:
        existing = {r.utterance_id for r in reports[new_count:] if r.utterance_id is not None}
        rows = self._rows(existing - touched)
        keep: list[_Row] = []
        fresh: list[_Row] = []
        moves: list[tuple[int, int]] = []  # (from utterance, to utterance): whole utterances merged
        relinks: list[tuple[int, int]] = []  # (utterance, statement): loose stored statements
        assigned: dict[int, int] = {}
        dropped = set(touched)
        for group in groups:
            if len(group) == 1 and group[0] < new_count:  # (nearly always) a remark of its own
                report = reports[group[0]]
                target = _Row(0, report.uid, report.speaker, report.published_at, report.published_at, 1)
                fresh.append(target)
                assigned[report.id] = id(target)
                continue
            members = [reports[i] for i in group]
            whole = sorted({r.utterance_id for r in members if r.utterance_id in rows})  # type: ignore[misc]
            singles = [r for i, r in zip(group, members, strict=True)
                       if i < new_count or r.utterance_id not in rows]
            if not singles and len(whole) == 1:
                continue  # an untouched utterance nothing new joined
            first = min([*(earliest(r) for r in singles), *((rows[u].first, rows[u].uid) for u in whole)])
            last = max([*(r.published_at for r in singles), *(rows[u].last for u in whole)])
            count = len(singles) + sum(rows[u].count for u in whole)
            if whole:
                target = _Row(whole[0], first[1], members[0].speaker, first[0], last, count)
                keep.append(target)
                moves += [(u, target.id) for u in whole[1:]]
                dropped.update(whole[1:])
            else:
                target = _Row(0, first[1], members[0].speaker, first[0], last, count)
                fresh.append(target)
            for i, report in zip(group, members, strict=True):
                if i < new_count:
                    assigned[report.id] = id(target)
                elif report.utterance_id not in rows:
                    relinks.append((id(target), report.id))
        for row, ident in zip(fresh, self.store._ids("utterance", len(fresh)), strict=True):
            row.id = ident
        by_object = {id(row): row.id for row in [*keep, *fresh]}
        self._apply(keep, fresh, moves, dropped, [(by_object[t], s) for t, s in relinks])
        return {statement: by_object[target] for statement, target in assigned.items()}

    def _rows(self, ids: set[int]) -> dict[int, _Row]:
        found: dict[int, _Row] = {}
        ordered = sorted(ids)
        for first in range(0, len(ordered), 500):
            for row in self.connection.execute(select(*Utterance.__table__.columns)
                                               .where(Utterance.id.in_(ordered[first:first + 500]))):
                speaker = speaker_of(row)
                assert speaker is not None
                found[row.id] = _Row(row.id, row.uid, speaker, row.first_reported, row.last_reported,
                                     row.report_count)
        return found

    def _apply(self, keep: list[_Row], fresh: list[_Row], moves: list[tuple[int, int]],
               dropped: set[int], relinks: list[tuple[int, int]]) -> None:
        """Write the outcome in an order that never holds one lasting id twice: statements of
        merged utterances move first, then the utterances that are gone are deleted (their
        lasting ids may pass to others), then the kept ones change and new ones are added."""
        connection = self.connection
        if moves:
            connection.execute(update(Statement).where(Statement.utterance_id == bindparam("old"))
                               .values(utterance_id=bindparam("new")),
                               [{"old": old, "new": new} for old, new in moves])
        if dropped:
            ordered = sorted(dropped)
            for first in range(0, len(ordered), 500):
                chunk = ordered[first:first + 500]
                # (what is left of a touched utterance is relinked below)
                connection.execute(update(Statement).where(Statement.utterance_id.in_(chunk))
                                   .values(utterance_id=None))
                connection.execute(delete(Utterance).where(Utterance.id.in_(chunk)))
        if keep:
            connection.execute(
                update(Utterance).where(Utterance.id == bindparam("row"))
                .values(uid=bindparam("new_uid"), first_reported=bindparam("first"),
                        last_reported=bindparam("last"), report_count=bindparam("count")),
                [{"row": r.id, "new_uid": r.uid, "first": r.first, "last": r.last, "count": r.count}
                 for r in keep])
        stamp = _stamps(self.store)
        self.store._insert("utterance", UTTERANCE_COLUMNS, [row.values(stamp) for row in fresh])
        if relinks:
            connection.execute(update(Statement).where(Statement.id == bindparam("statement"))
                               .values(utterance_id=bindparam("target")),
                               [{"statement": s, "target": t} for t, s in relinks])


def _components(size: int, links: Iterable[tuple[int, int]]) -> list[list[int]]:
    """Connected components of ``range(size)`` under ``links``, each in index order."""
    parent = list(range(size))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in links:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(size):
        groups[find(i)].append(i)
    return list(groups.values())


def _stamps(store: Store) -> Any:
    """``store._timestamp``, remembered per moment: an article's statements share its time,
    and formatting one for SQLite costs more than the rest of its row."""
    done: dict[datetime, Any] = {}

    def stamp(moment: datetime) -> Any:
        value = done.get(moment)
        if value is None:
            value = done[moment] = store._timestamp(moment)
        return value

    return stamp


def _moment(text: str) -> datetime:
    """A timestamp as SQLite stores it (kb.store: UTC, no offset)."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


_REPORT_COLUMNS = select(Statement.id, Statement.uid, *(getattr(Statement, c) for c in SPEAKER_COLUMNS),
                         Statement.published_at, Statement.remark, Statement.utterance_id)


# --- rebuilding -------------------------------------------------------------------------------


def rebuild(connection: Connection, window: timedelta | None = None, *,
            recompute_remarks: bool = True) -> int:
    """Regroup every statement from scratch (inside the caller's transaction): remarks
    computed again from the texts (the rules may have changed), then each speaker's
    statements grouped. Returns the number of utterances."""
    from kb.store import Store

    store = Store(connection)
    window = window if window is not None else window_from_env()
    connection.execute(update(Statement).values(utterance_id=None))
    connection.execute(delete(Utterance))
    speakers = set()
    for kind, column in zip(KINDS, SPEAKER_COLUMNS, strict=True):
        rows = connection.execute(select(getattr(Statement, column)).distinct()
                                  .where(getattr(Statement, column).is_not(None)))
        speakers.update((kind, ident) for ident in rows.scalars())
    total = 0
    for kind, ident in sorted(speakers):
        column = getattr(Statement, "speaker_" + OWNER_COLUMN[kind])
        rows = connection.execute(
            select(Statement.id, Statement.uid, *(getattr(Statement, c) for c in SPEAKER_COLUMNS),
                   Statement.published_at, Statement.text, Statement.remark)
            .where(column == ident).order_by(Statement.published_at, Statement.id)).all()
        named = _named_inside(connection, column == ident) if recompute_remarks else {}
        reports = []
        changed = []
        for row in rows:
            text = remark(row.text, named.get(row.id, ())) if recompute_remarks else (row.remark or "")
            if text != row.remark:
                changed.append({"statement": row.id, "new_remark": text})
            reports.append(Report(row.id, row.uid, (kind, ident), row.published_at, text))
        if changed:
            connection.execute(update(Statement).where(Statement.id == bindparam("statement"))
                               .values(remark=bindparam("new_remark")), changed)
        groups = components(reports, window)
        fresh = [_Row(0, group[0].uid, (kind, ident), group[0].published_at, group[-1].published_at,
                      len(group)) for group in groups]
        for row, new_id in zip(fresh, store._ids("utterance", len(fresh)), strict=True):
            row.id = new_id
        store._insert("utterance", UTTERANCE_COLUMNS, [row.values(_stamps(store)) for row in fresh])
        connection.execute(update(Statement).where(Statement.id == bindparam("statement"))
                           .values(utterance_id=bindparam("target")),
                           [{"statement": r.id, "target": row.id}
                            for row, group in zip(fresh, groups, strict=True) for r in group])
        total += len(fresh)
    return total


def _named_inside(connection: Connection, which: Any) -> dict[int, list[str]]:
    """The keys of the entities named inside each statement ``which`` selects (as the loader
    reads them from its extraction: a mention inside the statement's span)."""
    found: dict[int, list[str]] = defaultdict(list)
    for kind, table in ENTITY_TABLES.items():
        owner = getattr(Mention, OWNER_COLUMN[kind])
        rows = connection.execute(
            select(Statement.id, table.key).select_from(Statement)
            .join(Mention, (Mention.article_id == Statement.article_id) & (Mention.start >= Statement.start)
                  & (Mention.end <= Statement.end))
            .join(table, table.id == owner).where(which))
        for statement, key in rows:
            found[statement].append(key)
    return found

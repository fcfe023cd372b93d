"""Look-ahead prefetching of the rows a page's nodes link to.

A page of 100 statements asking for ``article { outlet { name } }`` would otherwise resolve
200 link fields by awaiting a DataLoader each: the SQL is batched, but graphql-core then
completes every list item asynchronously (a task per item), which costs more CPU than the
queries. So a connection reads which links the query selects below its nodes
(``link_paths``, part of the page's key); the page loader fetches those rows for the whole
batch of pages, one query per table and level, before it answers; and the link fields
answer synchronously from the rows this request has loaded (``Data.loaded``), falling back
to the DataLoader otherwise.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from graphql import FieldNode, FragmentSpreadNode, InlineFragmentNode, SelectionSetNode

# Node type → link field → (table, id of the linked row per row of the node, linked type).
LINKS: dict[str, dict[str, list[tuple[str, Callable[[Any], int | None], str]]]] = {
    "Statement": {
        "article": [("article", lambda row: row.article_id, "Article")],
        "speaker": [
            ("person", lambda row: row.speaker_person_id, "Person"),
            ("organization", lambda row: row.speaker_organization_id, "Organization"),
            ("place", lambda row: row.speaker_place_id, "Place"),
        ],
    },
    "Article": {"outlet": [("outlet", lambda row: row.outlet_id, "Outlet")]},
    "Mention": {"article": [("article", lambda row: row.article_id, "Article")]},
}

Paths = tuple[tuple[str, ...], ...]


def _subselections(selection_sets: Iterable[SelectionSetNode | None], fragments: dict[str, Any],
                   ) -> dict[str, list[SelectionSetNode | None]]:
    """Field name → its selection sets, over ``selection_sets`` with fragments flattened."""
    fields: dict[str, list[SelectionSetNode | None]] = defaultdict(list)
    pending = [s for s in selection_sets if s is not None]
    seen: set[str] = set()
    while pending:
        for selection in pending.pop().selections:
            if isinstance(selection, FieldNode):
                fields[selection.name.value].append(selection.selection_set)
            elif isinstance(selection, InlineFragmentNode):
                pending.append(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = fragments.get(name)
                if fragment is not None and name not in seen:  # cycles fail validation anyway
                    seen.add(name)
                    pending.append(fragment.selection_set)
    return fields


def link_paths(info: Any, type_name: str) -> Paths:
    """The link paths (``("article", "outlet")`` …) the query selects below the nodes of the
    connection being resolved (``nodes { … }`` and ``edges { node { … } }``)."""
    if type_name not in LINKS:
        return ()
    raw = info._raw_info
    fields = _subselections((node.selection_set for node in raw.field_nodes), raw.fragments)
    edges = _subselections(fields.get("edges", []), raw.fragments)
    found: list[tuple[str, ...]] = []

    def walk(type_name: str, selections: list[SelectionSetNode | None], prefix: tuple[str, ...]) -> None:
        selected = _subselections(selections, raw.fragments)
        for field, targets in LINKS.get(type_name, {}).items():
            if field in selected:
                found.append((*prefix, field))
                for _, _, target in targets:
                    walk(target, selected[field], (*prefix, field))

    walk(type_name, [*fields.get("nodes", []), *edges.get("node", [])], ())
    return tuple(sorted(set(found)))


async def prefetch(fetch: Callable[[str, set[int]], Awaitable[dict[int, Any]]], type_name: str,
                   items: list[tuple[list[Any], Paths]]) -> None:
    """Fetch the rows that each ``(rows, paths)`` of ``items`` reaches (``rows`` are nodes of
    ``type_name``): one ``fetch(table, ids) → {id: row}`` per table and level."""
    for field, targets in LINKS.get(type_name, {}).items():
        wanted = [(rows, tuple(p[1:] for p in paths if p[0] == field))
                  for rows, paths in items if any(p[0] == field for p in paths)]
        for table, link, target in targets:
            ids = {i for rows, _ in wanted for i in map(link, rows) if i is not None}
            if not ids:
                continue
            found = await fetch(table, ids)
            deeper = [([found[i] for i in map(link, rows) if i in found], tuple(r for r in rests if r))
                      for rows, rests in wanted]
            await prefetch(fetch, target, [(rows, rests) for rows, rests in deeper if rests and rows])


def selects_total(info: Any) -> bool:
    """Whether the connection being resolved selects ``totalCount``."""
    raw = info._raw_info
    return "totalCount" in _subselections((node.selection_set for node in raw.field_nodes), raw.fragments)

"""The first page of a looked-up entity's list, read by the lookup's own statement.

``person(name: "Stoltenberg") { statements(first: 20) { … } }`` used to cost two
statements one after the other: the lookup, then (once its id was known) the page. Here the
lookup's resolver reads ahead in the query: when a list below it asks only for a page
(``first``/``after``/``last``/``before``, no filter or order), it names that list exactly
as the list's resolver will (``ChildPage``, completed to the ``ListKey`` of
``kb.api.types._connection`` once the id is known), and ``Data.lookup`` reads the entity
and the page in one statement, then primes the pages loader with the page, so the list's
resolver finds it read. Anything else (filters, fragments, directives, a field written
twice, a bad page size) is left to the list's own resolver, as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from graphql import FieldNode, GraphQLField, Undefined, VariableNode, get_named_type
from graphql.utilities import value_from_ast

from kb.api.inputs import article_filters, article_order, statement_filters, statement_order
from kb.api.lists import Filters, ListKey
from kb.api.pagination import Page, make_page
from kb.api.prefetch import Paths, link_paths, selects_total

# Field of an entity → (its node type, its filters and order with no arguments), as
# kb.api.types passes them to _connection.
CHILD_LISTS: dict[str, dict[str, tuple[str, Any, str]]] = {
    kind: {
        "statements": ("Statement", statement_filters(None), statement_order(None)),
        "articles": ("Article", article_filters(None), article_order(None)),
        "mentions": ("Mention", None, "default"),
    }
    for kind in ("person", "organization", "place")
}

PAGE_ARGUMENTS = frozenset({"first", "after", "last", "before"})


@dataclass(frozen=True)
class ChildPage:
    """A list below a lookup, named as its resolver will name it, but for the parent's id."""

    name: str
    type_name: str
    page: Page
    filters: Filters | None
    order: str
    links: Paths
    total: bool

    def key(self, parent: int) -> ListKey:
        return ListKey(self.name, parent, self.page, self.filters, self.order,
                       (self.type_name, self.links), self.total)


def child_page(info: Any, kind: str) -> ChildPage | None:
    """The first list below the field being resolved (a lookup of ``kind``) that the lookup
    can read with it, or None."""
    raw = info._raw_info
    lists = CHILD_LISTS.get(kind, {})
    parent_type = get_named_type(raw.return_type)
    settings = info.context["settings"]
    nodes: dict[str, list[FieldNode]] = {}
    for field_node in raw.field_nodes:
        if field_node.selection_set is None:
            return None
        for selection in field_node.selection_set.selections:
            if not isinstance(selection, FieldNode):
                return None  # fragments: their type conditions are the list resolver's to read
            response_key = (selection.alias or selection.name).value
            nodes.setdefault(response_key, []).append(selection)
    for written in nodes.values():
        node = written[0]
        if len(written) != 1 or node.name.value not in lists or node.directives:
            continue
        if any(argument.name.value not in PAGE_ARGUMENTS for argument in node.arguments or ()):
            continue
        type_name, filters, order = lists[node.name.value]
        values = _arguments(parent_type.fields[node.name.value], node, raw.variable_values or {})
        if values is None:
            continue
        try:
            page = make_page(values.get("first"), values.get("after"), values.get("last"),
                             values.get("before"), default=settings.default_page_size,
                             maximum=settings.max_page_size)
        except Exception:  # a bad page size: the list's resolver reports it, as before
            continue
        below = SimpleNamespace(_raw_info=SimpleNamespace(field_nodes=[node], fragments=raw.fragments))
        return ChildPage(f"{kind}.{node.name.value}", type_name, page, filters, order,
                         link_paths(below, type_name), selects_total(below))
    return None


def _arguments(field: GraphQLField, node: FieldNode, variables: dict[str, Any]) -> dict[str, Any] | None:
    """The field's page arguments as its resolver receives them (an omitted variable is an
    omitted argument); None when one cannot be read here (the resolver reports it)."""
    values: dict[str, Any] = {}
    for argument in node.arguments or ():
        if isinstance(argument.value, VariableNode) and argument.value.name.value not in variables:
            continue
        value = value_from_ast(argument.value, field.args[argument.name.value].type, variables)
        if value is Undefined:
            return None
        values[argument.name.value] = value
    return values

"""The shape of a query document, measured with each fragment visited once, and checked
before any other walk of the document.

A fragment may spread another twice, that one the next twice, and so on: 50 such fragments
make a 2 KB document whose expansion has 2^50 fields. Walking the expansion (as a depth or
alias counter naturally does) never ends, so every measure here is computed per fragment
once and combined: depth is the deepest of a fragment's selections, aliases and fields are
sums weighted by how often a fragment is spread. GraphQL's own validation compares every
pair of fields that share a name in one selection set, so the most such fields is bounded
too. A document within these bounds costs every later step (validation, the node budget,
execution) time in proportion to its size.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)
from strawberry.extensions import ValidationCache

from kb.config import Settings

# The most fields one selection set may select under one response name (fragments merged):
# validation compares each pair of them.
MAX_REPEATS = 50


@dataclass(frozen=True)
class Shape:
    depth: int  # deepest field nesting (introspection fields do not count, as in Strawberry)
    aliases: int  # aliased fields in the expansion
    fields: int  # fields in the expansion
    repeats: int  # most fields under one response name in one selection set


class DocumentShape:
    """Measures the operations of one document, memoising each fragment's shape."""

    def __init__(self, document: DocumentNode) -> None:
        self.fragments = {d.name.value: d for d in document.definitions
                          if isinstance(d, FragmentDefinitionNode)}
        # A fragment's shape and the response names it selects at its top level.
        self._memo: dict[str, tuple[Shape, Counter[str]]] = {}
        self._visiting: set[str] = set()

    def operation(self, operation: OperationDefinitionNode) -> Shape:
        return self._selections(operation.selection_set)[0]

    def _selections(self, selection_set: SelectionSetNode | None) -> tuple[Shape, Counter[str]]:
        depth = aliases = fields = repeats = 0
        names: Counter[str] = Counter()
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode):
                inner, _ = self._selections(selection.selection_set)
                fields += 1 + inner.fields
                aliases += (selection.alias is not None) + inner.aliases
                repeats = max(repeats, inner.repeats)
                if selection.selection_set and not selection.name.value.startswith("__"):
                    depth = max(depth, 1 + inner.depth)
                names[(selection.alias or selection.name).value] += 1
                continue
            if isinstance(selection, InlineFragmentNode):
                inner, inner_names = self._selections(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                inner, inner_names = self._fragment(selection.name.value)
            else:  # pragma: no cover - graphql-core has no other selection kinds
                continue
            depth, aliases, fields = max(depth, inner.depth), aliases + inner.aliases, fields + inner.fields
            repeats = max(repeats, inner.repeats)
            names.update(inner_names)
        repeats = max(repeats, max(names.values(), default=0))
        return Shape(depth, aliases, fields, repeats), names

    def _fragment(self, name: str) -> tuple[Shape, Counter[str]]:
        known = self._memo.get(name)
        if known is not None:
            return known
        definition = self.fragments.get(name)
        if definition is None or name in self._visiting:  # unknown or a cycle: validation reports it
            return Shape(0, 0, 0, 0), Counter()
        self._visiting.add(name)
        try:
            known = self._memo[name] = self._selections(definition.selection_set)
        finally:
            self._visiting.discard(name)
        return known


@lru_cache(maxsize=256)
def shape_errors(document: DocumentNode, max_depth: int, max_aliases: int,
                 max_fields: int) -> tuple[GraphQLError, ...]:
    """What is wrong with the document's shape (nothing, for most)."""
    measure = DocumentShape(document)
    errors: list[GraphQLError] = []
    aliases = 0
    for definition in document.definitions:
        if not isinstance(definition, OperationDefinitionNode):
            continue
        shape = measure.operation(definition)
        name = definition.name.value if definition.name else "anonymous"
        if shape.fields > max_fields:
            errors.append(GraphQLError(
                f"'{name}' expands to {shape.fields:,} fields (fragments spread in full); "
                f"the limit is {max_fields:,}.", [definition]))
        elif shape.repeats > MAX_REPEATS:  # implied by most documents over the field limit
            errors.append(GraphQLError(
                f"'{name}' selects one field {shape.repeats:,} times in one selection set; "
                f"the limit is {MAX_REPEATS}.", [definition]))
        if shape.depth > max_depth:
            errors.append(GraphQLError(f"'{name}' exceeds maximum operation depth of {max_depth}",
                                       [definition]))
        aliases += shape.aliases
    if aliases > max_aliases:
        errors.append(GraphQLError(f"{aliases} aliases found. Allowed: {max_aliases}"))
    return tuple(errors)


class ScreenedValidation(ValidationCache):
    """GraphQL validation (cached by document), run only on documents whose shape is within
    the limits: a document outside them is refused by the shape check alone."""

    def __init__(self, settings: Settings, maxsize: int) -> None:
        super().__init__(maxsize=maxsize)
        self.limits = (settings.max_query_depth, settings.max_aliases, settings.max_fields)

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        errors = shape_errors(context.graphql_document, *self.limits)
        if errors:
            context.pre_execution_errors = list(errors)
            yield
        else:
            yield from super().on_validate()

"""Protection of the endpoint: what a query may cost, and what a client may see of failures.

Strawberry's own extensions cover depth, aliases, tokens, introspection and error masking.
The node budget is ours: like GitHub's GraphQL API, it multiplies the page sizes along each
path of the query (``people(first: 100) { statements(first: 100) }`` asks for up to
100 + 100 × 100 nodes) and refuses a query over the budget before running any SQL. It also
checks every ``first``/``last``, so a bad page size is a validation error without a
``path`` — whether written inline or passed as a variable. Windowed aggregates (topSpeakers
…) are priced by the articles they read, not the rows they return.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from typing import Any

from graphql import ExecutionResult as GraphQLExecutionResult
from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLList,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    get_named_type,
    get_nullable_type,
)
from graphql.utilities import value_from_ast_untyped
from strawberry.extensions import (
    DisableIntrospection,
    MaskErrors,
    MaxTokensLimiter,
    ParserCache,
    SchemaExtension,
)

from kb.api.errors import PublicError
from kb.api.lean import LeanExecution
from kb.api.shape import ScreenedValidation
from kb.config import Settings

MASKED_MESSAGE = "Internal server error; it has been logged."
# Lists without page arguments (an article's people, a person's aliases) are counted as
# this many nodes each: they are small, but they multiply what is nested inside them.
UNPAGED_LIST_SIZE = 10
QUERY_CACHE_SIZE = 256
# Aggregates that count over their parent's most recent articles (Settings.aggregate_window):
# each costs the database work of reading that window, whatever few rows it returns, so each
# is priced at half the window's articles per parent on top of its rows (a request that asks
# for 100 outlets' topSpeakers is priced as the 50,000 statements it scans, not as 1,000 rows).
WINDOWED_AGGREGATES = frozenset({"topSpeakers", "topPeople", "coMentioned"})


class QueryCost:
    """Walks one operation with the schema, checking page sizes and summing nodes.

    A list's nodes grow linearly with the multiplier its path brings, so each fragment's
    nodes are computed once at multiplier 1 and scaled where it is spread."""

    def __init__(self, schema: GraphQLSchema, document: Any, variables: dict[str, Any] | None,
                 settings: Settings) -> None:
        self.schema = schema
        self.variables = variables or {}
        self.settings = settings
        self.fragments = {d.name.value: d for d in document.definitions
                          if isinstance(d, FragmentDefinitionNode)}
        self.errors: list[GraphQLError] = []
        self.nodes = 0
        self._fragment_nodes: dict[str, int] = {}
        self._visiting: set[str] = set()

    def operation(self, operation: OperationDefinitionNode) -> None:
        root = self.schema.get_root_type(operation.operation)
        if root is not None:
            self.nodes += self._selections(operation.selection_set, root)

    def _selections(self, selection_set: SelectionSetNode, parent: GraphQLNamedType) -> int:
        nodes = 0
        for selection in selection_set.selections or ():
            if isinstance(selection, FieldNode):
                nodes += self._field(selection, parent)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                target = self.schema.get_type(condition.name.value) if condition else parent
                nodes += self._selections(selection.selection_set, target or parent)
            elif isinstance(selection, FragmentSpreadNode):
                nodes += self._fragment(selection.name.value, parent)
        return nodes

    def _fragment(self, name: str, parent: GraphQLNamedType) -> int:
        known = self._fragment_nodes.get(name)
        if known is not None:
            return known
        fragment = self.fragments.get(name)
        if fragment is None or name in self._visiting:  # a cycle: validation reports it
            return 0
        self._visiting.add(name)
        try:
            target = self.schema.get_type(fragment.type_condition.name.value)
            nodes = self._fragment_nodes[name] = self._selections(fragment.selection_set, target or parent)
        finally:
            self._visiting.discard(name)
        return nodes

    def _field(self, node: FieldNode, parent: GraphQLNamedType) -> int:
        fields = getattr(parent, "fields", None)
        definition = fields.get(node.name.value) if fields else None
        if definition is None:
            return 0  # __typename, or an unknown field that validation reports
        size = self._page_size(node, definition)
        returns = get_nullable_type(definition.type)
        # A connection's edges and nodes are its page, already counted with its `first`.
        in_connection = "pageInfo" in fields
        if size is None and not in_connection and isinstance(returns, GraphQLList) and isinstance(
            get_named_type(returns), GraphQLObjectType
        ):
            size = UNPAGED_LIST_SIZE
        inner = 0
        if node.selection_set is not None:
            inner = self._selections(node.selection_set, get_named_type(definition.type))
        work = self.settings.aggregate_window // 2 if node.name.value in WINDOWED_AGGREGATES else 0
        if size is None:
            return inner + work
        size = max(size, 1)
        return size + size * inner + work

    def _page_size(self, node: FieldNode, definition: Any) -> int | None:
        """The page size a field asks for, or None when it takes no page arguments."""
        if "first" not in definition.args:
            return None
        given = {a.name.value: value_from_ast_untyped(a.value, self.variables)
                 for a in node.arguments or ()}
        maximum = self.settings.max_page_size
        size = None
        for name in ("first", "last"):
            value = given.get(name)
            if value is None:
                continue
            if not isinstance(value, int) or not 0 <= value <= maximum:
                self.errors.append(GraphQLError(
                    f"`{name}` of `{node.name.value}` must be between 0 and {maximum} (got {value!r}).",
                    nodes=[node],
                ))
                return 0
            size = value
        if size is not None:
            return size
        default = definition.args["first"].default_value
        return default if isinstance(default, int) else self.settings.default_page_size


class QueryBudget(SchemaExtension):
    """Refuses, before execution, queries with bad page sizes or over the node budget."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        operation = _operation(document, context.operation_name) if document else None
        deadline = context.context.get("deadline") if isinstance(context.context, dict) else None
        if deadline is not None and time.monotonic() > deadline:
            # Parsing and validation run without a pause where the time-out could stop
            # them; a request that spent its budget there is not executed as well.
            context.result = GraphQLExecutionResult(data=None, errors=[GraphQLError(
                f"The query ran longer than the time budget of {self.settings.request_timeout:g} s "
                "before it could run; ask for less.")])
        elif operation is not None:
            cost = self._cost(context, document, operation)
            errors = cost.errors
            if not errors and cost.nodes > self.settings.max_nodes:
                errors = [GraphQLError(
                    f"This query may return up to {cost.nodes:,} nodes; the limit is "
                    f"{self.settings.max_nodes:,}. Ask for smaller pages or fewer nested lists.",
                    nodes=[operation],
                )]
            if errors:
                # A result set here stops execution before any resolver runs.
                context.result = GraphQLExecutionResult(data=None, errors=errors)
        yield


    def _cost(self, context: Any, document: Any, operation: OperationDefinitionNode) -> QueryCost:
        """The operation's cost; kept per query text when no variable can change it (the same
        queries come again and again, and the walk is a tenth of a small query's time)."""
        key = (context.query, context.operation_name, self.settings.max_page_size, self.settings.max_nodes)
        fixed = not operation.variable_definitions and context.query is not None
        if fixed and (kept := _COSTS.get(key)) is not None:
            _COSTS.move_to_end(key)
            return kept
        cost = QueryCost(context.schema._schema, document, context.variables, self.settings)
        cost.operation(operation)
        if fixed and not cost.errors:  # (errors are answered anew each time)
            _COSTS[key] = cost
            if len(_COSTS) > QUERY_CACHE_SIZE:
                _COSTS.popitem(last=False)
        return cost


_COSTS: OrderedDict[tuple[Any, ...], QueryCost] = OrderedDict()


def _operation(document: Any, name: str | None) -> OperationDefinitionNode | None:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if name is None:
        return operations[0] if len(operations) == 1 else None
    return next((o for o in operations if o.name and o.name.value == name), None)


def should_mask(error: GraphQLError) -> bool:
    """Mask everything but GraphQL's own errors and the client's mistakes."""
    original = error.original_error
    if original is None or isinstance(original, (GraphQLError, PublicError)):
        return False
    # Strawberry reports undecodable global ids as plain ValueErrors of its relay module.
    return type(original).__module__.split(".")[0] != "strawberry"


def extensions(settings: Settings) -> list[Callable[[], SchemaExtension] | type[SchemaExtension]]:
    """The schema's extensions, as factories (a fresh instance per request)."""
    chosen: list[Callable[[], SchemaExtension] | type[SchemaExtension]] = [
        lambda: MaxTokensLimiter(max_token_count=settings.max_tokens),
        # Parsing and validating a document cost more than running a small query: both are
        # cached (bounded LRU, shared by requests) by the query text.
        lambda: ParserCache(maxsize=QUERY_CACHE_SIZE),
        # Depth, aliases and size are checked first, each fragment once (kb.api.shape).
        lambda: ScreenedValidation(settings, maxsize=QUERY_CACHE_SIZE),
        lambda: QueryBudget(settings),
        lambda: MaskErrors(should_mask_error=should_mask, error_message=MASKED_MESSAGE),
    ]
    if settings.lean_execution:
        # after the node budget, which may refuse the query before anything runs
        chosen.insert(4, LeanExecution)
    if not settings.introspection:
        chosen.append(DisableIntrospection)
    return chosen

"""A lean executor: the same resolvers and the same answer, without graphql-core's per-field work.

graphql-core executes a query field by field: for each field of each object it builds a
resolve-info, runs middleware and Strawberry's wrappers, checks for awaitables and completes
the value through its type, about 8 µs a field here. A page of 20 statements with their
articles and outlets is about 170 fields, so that walk cost more than the SQL that read the
page (issue 18). Here a query document is compiled once into a plan per selection set (which
fields, read how, completed how) and run level by level: a field is read for every object of
its level at once (a plain attribute read where the field has no resolver; the field's own
resolver, with one resolve-info per field and request, where it has one), awaited together
so the DataLoaders batch as before, and completed by the serializers graphql-core uses.

What the plan does not cover is left to graphql-core, unchanged: mutations and
subscriptions, directives, introspection, fields with Strawberry field extensions (relay's
``node``), one response name selecting two different fields. Any exception while running a
plan (a client's bad argument, a null in a non-null field, a database error) also falls back:
graphql-core then runs the query from the start and reports the error as it always has, with
its path and partial data. A plan therefore changes no answer; ``tests/test_lean.py`` compares
the two executors on every example and test query.
"""

from __future__ import annotations

import asyncio
import inspect
from collections import Counter, OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from graphql import ExecutionResult as GraphQLExecutionResult
from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLAbstractType,
    GraphQLField,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    GraphQLSchema,
    InlineFragmentNode,
    ListValueNode,
    ObjectValueNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    VariableNode,
    is_leaf_type,
    print_ast,
)
from graphql.execution.values import VariableValues, get_argument_values, get_variable_values
from graphql.pyutils import Path
from graphql.type.definition import GraphQLResolveInfoHelpers
from strawberry.extensions import SchemaExtension

try:  # Strawberry's resolve-info (with the operation's extensions), else graphql-core's
    from strawberry.schema.schema import _OperationContextAwareGraphQLResolveInfo as _RESOLVE_INFO

    _RESOLVE_INFO_EXTRA: tuple[Any, ...] = (None,)
except ImportError:  # pragma: no cover - an older or newer Strawberry
    _RESOLVE_INFO, _RESOLVE_INFO_EXTRA = GraphQLResolveInfo, ()

# Plans kept per process, by query text and operation name (the parser's cache holds as many).
PLAN_CACHE_SIZE = 256
# A document whose fragments multiply past this many planned fields is left to graphql-core.
MAX_PLANNED_FIELDS = 5000
_DEFINITION = "strawberry-definition"


class Unsupported(Exception):
    """What the lean executor leaves to graphql-core."""


@dataclass(eq=False)
class Shape:
    """How a field's value is completed: non-null and list wrappers, then a leaf's serializer,
    an object's plan, or (an interface or union) a plan per concrete type, made when seen."""

    non_null: bool
    item: Shape | None = None  # a list of these
    serialize: Callable[[Any], Any] | None = None  # a scalar or an enum
    object_type: GraphQLObjectType | None = None
    abstract: GraphQLAbstractType | None = None
    selections: tuple[SelectionSetNode, ...] = ()


@dataclass(eq=False)
class FieldPlan:
    key: str
    name: str
    definition: GraphQLField | None  # None for __typename
    nodes: list[FieldNode]
    parent: GraphQLObjectType
    shape: Shape | None
    attribute: str | None = None  # read with getattr: a field without a resolver
    # a resolver without arguments, called as Strawberry calls it, minus its wrappers
    direct: Callable[[Any, Any], Any] | None = None
    arguments: dict[str, Any] | None = None  # coerced once, when written without variables
    path: Path | None = None


@dataclass(eq=False)
class ObjectPlan:
    type: GraphQLObjectType
    fields: list[FieldPlan]


@dataclass(eq=False)
class Plan:
    """One operation, compiled."""

    schema: GraphQLSchema
    operation: OperationDefinitionNode
    fragments: dict[str, FragmentDefinitionNode]
    root: ObjectPlan
    # by type and the ids of its selection sets (AST nodes hash by their whole content)
    objects: dict[tuple[str, tuple[int, ...]], ObjectPlan] = field(default_factory=dict)
    planned: int = 0

    def object_plan(self, object_type: GraphQLObjectType, selections: tuple[SelectionSetNode, ...],
                    path: Path | None) -> ObjectPlan:
        key = (object_type.name, tuple(map(id, selections)))
        plan = self.objects.get(key)
        if plan is None:
            plan = self.objects[key] = ObjectPlan(object_type, self._fields(object_type, selections, path))
        return plan

    def _fields(self, parent: GraphQLObjectType, selections: tuple[SelectionSetNode, ...],
                path: Path | None) -> list[FieldPlan]:
        grouped: dict[str, list[FieldNode]] = {}
        for selection_set in selections:
            self._collect(parent, selection_set, grouped, set())
        fields = []
        for key, nodes in grouped.items():
            name = nodes[0].name.value
            if any(node.name.value != name for node in nodes):
                raise Unsupported("one response name, two fields")
            self.planned += 1
            if self.planned > MAX_PLANNED_FIELDS:
                raise Unsupported("too many fields")
            here = Path(path, key, parent.name)
            if name == "__typename":
                fields.append(FieldPlan(key, name, None, nodes, parent, None, path=here))
                continue
            if name.startswith("__"):
                raise Unsupported("introspection")
            definition = parent.fields.get(name)
            if definition is None:
                raise Unsupported(f"no field {name}")
            strawberry_field = (definition.extensions or {}).get(_DEFINITION)
            if strawberry_field is not None and strawberry_field.extensions:
                raise Unsupported("a field with extensions")
            attribute = None
            if getattr(definition.resolve, "_is_default", False) and strawberry_field is not None:
                attribute = strawberry_field.python_name
            direct = _direct_call(strawberry_field) if not definition.args and not attribute else None
            arguments = None
            if not any(node.arguments for node in nodes):
                arguments = {}
            elif not _has_variables(nodes[0]) and all(_same_arguments(nodes[0], n) for n in nodes):
                arguments = get_argument_values(definition, nodes[0], None)
            elif not all(_same_arguments(nodes[0], n) for n in nodes):
                raise Unsupported("one field, two sets of arguments")
            sub = tuple(n.selection_set for n in nodes if n.selection_set is not None)
            shape = _shape(definition.type, sub)
            fields.append(FieldPlan(key, name, definition, nodes, parent, shape, attribute, direct,
                                    arguments, here))
            # Planned now, not when first met: a document the plan cannot cover is known at once.
            while shape.item is not None:
                shape = shape.item
            if shape.object_type is not None:
                self.object_plan(shape.object_type, sub, here)
            elif shape.abstract is not None:
                for possible in self.schema.get_possible_types(shape.abstract):
                    self.object_plan(possible, sub, here)
        return fields

    def _collect(self, parent: GraphQLObjectType, selection_set: SelectionSetNode,
                 grouped: dict[str, list[FieldNode]], visiting: set[str]) -> None:
        for selection in selection_set.selections:
            if selection.directives:
                raise Unsupported("directives")
            if isinstance(selection, FieldNode):
                key = (selection.alias or selection.name).value
                grouped.setdefault(key, []).append(selection)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                if condition is None or self._applies(condition.name.value, parent):
                    self._collect(parent, selection.selection_set, grouped, visiting)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is None or name in visiting:
                    raise Unsupported("fragment")
                if fragment.directives:
                    raise Unsupported("directives")
                if self._applies(fragment.type_condition.name.value, parent):
                    self._collect(parent, fragment.selection_set, grouped, visiting | {name})

    def _applies(self, condition: str, object_type: GraphQLObjectType) -> bool:
        if condition == object_type.name:
            return True
        named = self.schema.get_type(condition)
        return isinstance(named, GraphQLAbstractType) and self.schema.is_sub_type(named, object_type)


def _direct_call(strawberry_field: Any) -> Callable[[Any, Any], Any] | None:
    """``resolver(source, info)`` for a Strawberry field's resolver that takes no arguments:
    the source as ``self`` or as its root or parent parameter, the info where it asks for one
    (what Strawberry's ``get_arguments`` passes it)."""
    resolver = getattr(strawberry_field, "base_resolver", None)
    if resolver is None or strawberry_field.arguments:
        return None
    function = resolver.wrapped_func
    as_self = resolver.self_parameter is not None
    by_name = [p.name for p in (resolver.parent_parameter, resolver.root_parameter) if p is not None]
    info_name = resolver.info_parameter.name if resolver.info_parameter is not None else None

    def call(source: Any, info: Any) -> Any:
        kwargs = dict.fromkeys(by_name, source)
        if info_name is not None:
            kwargs[info_name] = info
        return function(source, **kwargs) if as_self else function(**kwargs)

    return call


def _shape(output: GraphQLOutputType, selections: tuple[SelectionSetNode, ...]) -> Shape:
    non_null = isinstance(output, GraphQLNonNull)
    inner = output.of_type if non_null else output
    if isinstance(inner, GraphQLList):
        return Shape(non_null, item=_shape(inner.of_type, selections))
    if is_leaf_type(inner):
        # what graphql-core completes a scalar or an enum with (serialize before 3.3)
        return Shape(non_null, serialize=getattr(inner, "coerce_output_value", None) or inner.serialize)
    if isinstance(inner, GraphQLObjectType):
        return Shape(non_null, object_type=inner, selections=selections)
    return Shape(non_null, abstract=inner, selections=selections)


def _has_variables(node: FieldNode) -> bool:
    stack: list[Any] = [argument.value for argument in node.arguments or ()]
    while stack:
        value = stack.pop()
        if isinstance(value, VariableNode):
            return True
        if isinstance(value, ListValueNode):
            stack.extend(value.values)
        elif isinstance(value, ObjectValueNode):
            stack.extend(f.value for f in value.fields)
    return False


def _same_arguments(a: FieldNode, b: FieldNode) -> bool:
    def printed(node: FieldNode) -> list[str]:
        return sorted(print_ast(argument) for argument in node.arguments or ())

    return a is b or printed(a) == printed(b)


def compile_operation(schema: GraphQLSchema, document: Any, operation_name: str | None) -> Plan:
    """The plan of the document's operation; Unsupported where graphql-core should run it."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is None:
        operation = operations[0] if len(operations) == 1 else None
    else:
        operation = next((o for o in operations if o.name and o.name.value == operation_name), None)
    if operation is None or operation.operation != OperationType.QUERY or operation.directives:
        raise Unsupported("not one query")
    if any(v.directives for v in operation.variable_definitions or ()):
        raise Unsupported("directives")
    query_type = schema.query_type
    if query_type is None:
        raise Unsupported("no query type")
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    plan = Plan(schema, operation, fragments, ObjectPlan(query_type, []))
    plan.root = plan.object_plan(query_type, (operation.selection_set,), None)
    return plan


class Run:
    """One request's run of a plan."""

    def __init__(self, plan: Plan, context: Any, root_value: Any, variables: VariableValues,
                 info_class: type) -> None:
        self.plan = plan
        self.context = context
        self.root_value = root_value
        self.variables = variables
        self.infos: dict[int, GraphQLResolveInfo] = {}
        self.strawberry_infos: dict[int, Any] = {}
        self.info_class = info_class
        self.helpers = GraphQLResolveInfoHelpers(gather=_gather, track=lambda values: None)

    async def data(self) -> dict[str, Any]:
        return (await self._objects(self.plan.root, [self.root_value]))[0]

    async def _objects(self, plan: ObjectPlan, objects: list[Any]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = [{} for _ in objects]
        for field_plan in plan.fields:
            key = field_plan.key
            if field_plan.shape is None:  # __typename
                for answer in out:
                    answer[key] = plan.type.name
                continue
            values = await self._read(field_plan, objects)
            for answer, value in zip(out, await self._complete(field_plan.shape, values, field_plan),
                                     strict=True):
                answer[key] = value
        return out

    async def _read(self, field_plan: FieldPlan, objects: list[Any]) -> list[Any]:
        if field_plan.attribute is not None:
            name = field_plan.attribute
            return [getattr(o, name) for o in objects]
        if field_plan.direct is not None:
            direct, info = field_plan.direct, self._strawberry_info(field_plan)
            values = [direct(o, info) for o in objects]
            return await _settled(values)
        definition = field_plan.definition
        assert definition is not None and definition.resolve is not None
        arguments = field_plan.arguments
        if arguments is None:
            arguments = get_argument_values(definition, field_plan.nodes[0], self.variables)
        info = self._info(field_plan)
        resolve = definition.resolve
        return await _settled([resolve(o, info, **arguments) for o in objects])

    def _strawberry_info(self, field_plan: FieldPlan) -> Any:
        info = self.strawberry_infos.get(id(field_plan))
        if info is None:
            strawberry_field = (field_plan.definition.extensions or {})[_DEFINITION]  # type: ignore[union-attr]
            info = self.strawberry_infos[id(field_plan)] = self.info_class(
                _raw_info=self._info(field_plan), _field=strawberry_field)
        return info

    def _info(self, field_plan: FieldPlan) -> GraphQLResolveInfo:
        info = self.infos.get(id(field_plan))
        if info is None:
            definition = field_plan.definition
            assert definition is not None
            # as Strawberry's executor builds it: the variables as the plain coerced dict
            info = self.infos[id(field_plan)] = _RESOLVE_INFO(  # type: ignore[call-arg]
                field_plan.name, field_plan.nodes, definition.type, field_plan.parent, field_plan.path,
                self.plan.schema, self.plan.fragments, self.root_value, self.plan.operation,
                self.variables.coerced, self.context, inspect.isawaitable, None, self.helpers,
                *_RESOLVE_INFO_EXTRA,
            )
        return info

    async def _complete(self, shape: Shape, values: list[Any], field_plan: FieldPlan) -> list[Any]:
        if shape.non_null and any(v is None for v in values):
            raise Unsupported("null in a non-null field")  # graphql-core reports it, with its path
        if shape.serialize is not None:
            serialize = shape.serialize
            return [None if v is None else _leaf(serialize(v)) for v in values]
        if shape.item is not None:
            items = [item for v in values if v is not None for item in v]
            done = iter(await self._complete(shape.item, items, field_plan))
            return [None if v is None else [next(done) for _ in v] for v in values]
        present = [v for v in values if v is not None]
        if not present:
            return values
        if shape.object_type is not None:
            plan = self.plan.object_plan(shape.object_type, shape.selections, field_plan.path)
            done = iter(await self._objects(plan, present))
        else:
            done = iter(await self._abstract(shape, present, field_plan))
        return [None if v is None else next(done) for v in values]

    async def _abstract(self, shape: Shape, values: list[Any], field_plan: FieldPlan) -> list[Any]:
        """Objects of an interface or union, completed by the plan of each one's own type."""
        by_type: OrderedDict[str, list[int]] = OrderedDict()
        for i, value in enumerate(values):
            definition = getattr(type(value), "__strawberry_definition__", None)
            if definition is None:
                raise Unsupported("an object of no Strawberry type")
            by_type.setdefault(definition.name, []).append(i)
        out: list[Any] = [None] * len(values)
        for type_name, indexes in by_type.items():
            object_type = self.plan.schema.get_type(type_name)
            if not isinstance(object_type, GraphQLObjectType) or not self.plan.schema.is_sub_type(
                shape.abstract, object_type  # type: ignore[arg-type]
            ):
                raise Unsupported("an object outside its abstract type")
            plan = self.plan.object_plan(object_type, shape.selections, field_plan.path)
            for i, answer in zip(indexes, await self._objects(plan, [values[i] for i in indexes]),
                                 strict=True):
                out[i] = answer
        return out


def _leaf(value: Any) -> Any:
    if value is None:  # graphql-core: a leaf serialized to nothing is an error
        raise Unsupported("a leaf without a value")
    return value


async def _settled(values: list[Any]) -> list[Any]:
    """``values`` with each awaitable among them awaited, all together."""
    pending = [i for i, v in enumerate(values) if inspect.isawaitable(v)]
    if pending:
        for i, value in zip(pending, await _gather([values[i] for i in pending]), strict=True):
            values[i] = value
    return values


async def _gather(values: Sequence[Awaitable[Any]]) -> list[Any]:
    if len(values) == 1:
        return [await values[0]]
    return list(await asyncio.gather(*values))


class _Plans:
    """Plans by (query text, operation name): a bounded LRU, shared by requests."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.plans: OrderedDict[tuple[str, str | None], Plan | None] = OrderedDict()

    def get(self, schema: GraphQLSchema, query: str, document: Any,
            operation_name: str | None) -> Plan | None:
        key = (query, operation_name)
        if key in self.plans:
            self.plans.move_to_end(key)
            return self.plans[key]
        try:
            plan: Plan | None = compile_operation(schema, document, operation_name)
        except Unsupported:
            plan = None
        self.plans[key] = plan
        if len(self.plans) > self.size:
            self.plans.popitem(last=False)
        return plan


_PLANS = _Plans(PLAN_CACHE_SIZE)


async def run(plan: Plan, context: Any, root_value: Any, raw_variables: dict[str, Any] | None,
              info_class: type) -> dict[str, Any] | None:
    """The operation's data by its plan, or None where graphql-core should run it."""
    definitions = plan.operation.variable_definitions or ()
    variables = get_variable_values(plan.schema, definitions, raw_variables or {})
    if not isinstance(variables, VariableValues):
        return None  # errors in the variables: graphql-core reports them
    try:
        return await Run(plan, context, root_value, variables, info_class).data()
    except Exception:  # noqa: BLE001 - graphql-core runs it again and reports the error
        return None


# Requests by how they ran: "lean", "fallback" (planned, then left to graphql-core) or
# "core" (no plan). The request log line says the same per request (executor=…).
RUNS: Counter[str] = Counter()


class LeanExecution(SchemaExtension):
    """Runs a query by its plan (see the module's docstring) unless an earlier extension has
    answered already (the node budget's refusal) or the plan does not cover it."""

    async def on_execute(self) -> AsyncIterator[None]:  # type: ignore[override]
        context = self.execution_context
        document = context.graphql_document
        if context.result is None and document is not None and context.query:
            schema = context.schema._schema
            plan = _PLANS.get(schema, context.query, document, context.operation_name)
            executor = "core"
            if plan is not None:
                data = await run(plan, context.context, context.root_value, context.variables,
                                 context.schema.config.info_class)
                executor = "fallback" if data is None else "lean"
                if data is not None:
                    context.result = GraphQLExecutionResult(data=data, errors=None)
            RUNS[executor] += 1
            request = context.context.get("request") if isinstance(context.context, dict) else None
            if request is not None:
                request.scope.setdefault("state", {}).setdefault("kb_log", {})["executor"] = executor
        yield

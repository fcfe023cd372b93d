"""Run a GraphQL query in this process, without a server (``kb query``, scripts, cron jobs):
the same schema, limits and reads as over HTTP."""

from __future__ import annotations

from typing import Any

from strawberry.types import ExecutionResult

from kb.api.data import Data
from kb.api.database import Database
from kb.api.schema import build_schema
from kb.config import Settings


async def execute(settings: Settings, query: str, variables: dict[str, Any] | None = None,
                  operation_name: str | None = None) -> ExecutionResult:
    database = Database(settings)
    data = Data.for_request(database, settings)
    try:
        return await build_schema(settings).execute(
            query, variable_values=variables, operation_name=operation_name,
            context_value={"request": None, "response": None, "settings": settings, "data": data})
    finally:
        await data.close()
        await database.dispose()


def rows_of(data: Any) -> list[dict[str, Any]]:
    """The rows ``--format csv|table`` prints: the first list of objects in a result (a
    connection's edges' nodes count as one), or, when the result is one object holding no
    connection (``person(name:) { name aliases { name } }``), that object as one row; each
    flattened to dotted keys (``article.outlet.name``) as pandas.json_normalize does, lists
    joined with ``|``."""
    top = next(iter(data.values()), None) if isinstance(data, dict) and len(data) == 1 else None
    if isinstance(top, dict) and not _holds_connection(top):
        return [_flatten(top)]
    found = _first_list(data)
    return [_flatten(row) for row in found] if found is not None else []


def _holds_connection(value: Any) -> bool:
    if isinstance(value, dict):
        return "edges" in value or "nodes" in value or any(_holds_connection(v) for v in value.values())
    return False


def _first_list(value: Any) -> list[Any] | None:
    if isinstance(value, list):
        if value and all(isinstance(v, dict) for v in value):
            if all(set(v) == {"node"} or ("node" in v and "cursor" in v) for v in value):
                return [v["node"] for v in value]
            return value
        return None
    if isinstance(value, dict):
        for child in value.values():
            found = _first_list(child)
            if found is not None:
                return found
    return None


def _flatten(value: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, item in value.items():
        name = f"{prefix}{key}"
        if isinstance(item, dict):
            flat.update(_flatten(item, name + "."))
        elif isinstance(item, list):
            flat[name] = "|".join(str(_scalar(i)) for i in item)
        else:
            flat[name] = item
    return flat


def _scalar(item: Any) -> Any:
    """One list item as a cell: an object of one field is that field's value; a larger one
    is its fields' values joined with spaces (title 秘书长 | articleCount 2 → 秘书长 2)."""
    if isinstance(item, dict):
        flat = _flatten(item)
        return " ".join("" if v is None else str(v) for v in flat.values())
    return item

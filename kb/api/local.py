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
    """The first list of objects in a result (a connection's edges' nodes count as one), each
    flattened to dotted keys (``article.outlet.name``): the table ``--format csv`` prints."""
    found = _first_list(data)
    return [_flatten(row) for row in found] if found is not None else []


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
    if isinstance(item, dict):
        return next(iter(item.values()), "") if len(item) == 1 else item
    return item

"""The Starlette application: GraphQL (and GraphiQL on GET from a browser) at ``/graphql``."""

from __future__ import annotations

import asyncio
import gc
import logging
import re
import time
from collections.abc import Iterator
from contextlib import asynccontextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

# Strawberry's HTTP layer (cross-web) turns this into a plain 400 answer.
from cross_web import HTTPException
from graphql import FieldNode, GraphQLError, OperationDefinitionNode, parse
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from strawberry.asgi import GraphQL
from strawberry.types import ExecutionResult

from kb import export
from kb.api import encoding
from kb.api.cache import ResponseCache, cache_key
from kb.api.data import Data
from kb.api.database import Database
from kb.api.errors import DatabaseUnavailable
from kb.api.guards import RequestLog, RequestSizeLimit
from kb.api.schema import build_schema
from kb.config import Settings
from kb.db import head_revision

log = logging.getLogger(__name__)


class KnowledgeBaseGraphQL(GraphQL):
    def __init__(self, settings: Settings, database: Database) -> None:
        super().__init__(
            build_schema(settings),
            graphql_ide="graphiql" if settings.graphiql else None,
            allow_queries_via_get=True,
        )
        self.settings = settings
        self.database = database
        self.cache = (ResponseCache(settings.response_cache_size, settings.response_cache_mb * 2**20)
                      if settings.response_cache_size > 0 else None)

    async def get_context(self, request: Any, response: Any) -> dict[str, Any]:
        # Loaders are made per request: a shared DataLoader would cache forever.
        # The time budget starts here, so that it covers parsing and validation too.
        return {"request": request, "response": response, "settings": self.settings,
                "data": Data.for_request(self.database, self.settings),
                "deadline": time.monotonic() + self.settings.request_timeout}

    @property
    def graphql_ide_html(self) -> str:
        """Strawberry's GraphiQL page, opening on the question kb is for (not a blank editor)."""
        return _with_example(super().graphql_ide_html)

    def encode_json(self, data: object) -> bytes:
        """Answers as UTF-8 JSON (kb.api.encoding): Chinese as itself, not ``\\uXXXX``."""
        return encoding.dumps(data)

    def decode_json(self, data: str | bytes) -> object:
        """The request's JSON (a body, or GET's variables): an object or a batch of them, with
        well-formed text; anything else is the client's mistake, answered 400."""
        try:
            decoded = super().decode_json(data)
        except RecursionError:  # json's decoder recurses once per level of nesting
            raise HTTPException(400, "The request's JSON is nested too deeply.") from None
        except UnicodeDecodeError:
            raise HTTPException(400, "The request's body is not valid UTF-8.") from None
        if not isinstance(decoded, dict | list):
            raise HTTPException(400, "The request's JSON must be an object (or a list of them), "
                                     f"not {type(decoded).__name__ if decoded is not None else 'null'}.")
        if _has_lone_surrogate(decoded):
            raise HTTPException(400, "The request's JSON holds a lone UTF-16 surrogate (\\ud800-\\udfff).")
        if _has_nul(decoded):
            raise HTTPException(400, "The request's JSON holds a NUL character (\\u0000), "
                                     "which no text in kb has.")
        return decoded

    async def execute_single(self, request: Any, request_adapter: Any, sub_response: Any,  # type: ignore[override]
                             context: Any, root_value: Any, request_data: Any) -> Any:
        """Serve a kept answer when this query ran before on the same version of the data."""
        if request_data.query and _NUL_ESCAPE in request_data.query:
            # "\u0000" in a GraphQL string is a NUL character: PostgreSQL refuses it in any text.
            raise HTTPException(400, "The query holds a NUL character (\\u0000), which no text in kb has.")
        if self.cache is None or not request_data.query:
            return await super().execute_single(request, request_adapter, sub_response, context, root_value,
                                                request_data)
        version = await context["data"].data_version()
        key = cache_key(version, request_data.query, request_data.variables, request_data.operation_name)
        data = self.cache.get(key)
        _log_fields(request)["cache"] = "hit" if data is not None else "miss"
        if data is not None:
            return ExecutionResult(data=data, errors=None)
        result = await super().execute_single(request, request_adapter, sub_response, context, root_value,
                                              request_data)
        if isinstance(result, ExecutionResult) and not result.errors and result.data is not None:
            self.cache.put(key, result.data)
        return result

    async def execute_operation(self, request: Any, request_adapter: Any, request_data: Any,  # type: ignore[override]
                                context: Any, root_value: Any, sub_response: Any) -> Any:
        """Run the operation within the time budget; let HTTP caches keep good GET answers."""
        fields = _log_fields(request)
        if not isinstance(request_data, list):
            fields["operation"] = request_data.operation_name or _operation_label(request_data.query)
        timeout = self.settings.request_timeout
        try:
            async with asyncio.timeout(max(0.0, context["deadline"] - time.monotonic())):
                result = await super().execute_operation(
                    request, request_adapter, request_data, context, root_value, sub_response
                )
        except TimeoutError:
            log.warning("query exceeded the time budget of %s s", timeout)
            result = ExecutionResult(data=None, errors=[GraphQLError(
                f"The query ran longer than the time budget of {timeout:g} s; ask for less."
            )])
        except DatabaseUnavailable as exc:  # before execution (the data version)
            result = ExecutionResult(data=None, errors=[GraphQLError(str(exc), original_error=exc)])
        finally:
            try:
                await context["data"].close()
            except Exception:  # a connection the database dropped: nothing left to end
                log.debug("closing the request's connection failed", exc_info=True)
        fields["sql"] = context["data"].reader.statements
        if isinstance(result, ExecutionResult) and result.errors:
            fields["errors"] = len(result.errors)
        if isinstance(result, ExecutionResult) and any(
                isinstance(error.original_error, DatabaseUnavailable) for error in result.errors or ()):
            log.warning("database unavailable: %s", result.errors[0].message)  # type: ignore[index]
            sub_response.status_code = 503
            sub_response.headers["Retry-After"] = "5"
        cacheable = (request_adapter.method == "GET" and self.settings.cache_max_age > 0
                     and isinstance(result, ExecutionResult) and not result.errors)
        sub_response.headers["Cache-Control"] = (
            f"public, max-age={self.settings.cache_max_age}" if cacheable else "no-store"
        )
        return result


EXAMPLE_QUERY = """# kb: who said what, where, across outlets and scripts.
# Run with Ctrl-Enter. Any name works: 斯托尔滕贝格, 斯托爾滕貝格, 史托騰柏格, Stoltenberg.
# Explore the schema with the Docs and Explorer buttons on the left.
{
  person(name: "Stoltenberg") {
    name
    nameEn
    statements(first: 10) {
      totalCount
      nodes {
        text
        verb
        article { title publishedAt outlet { name } }
      }
    }
  }
}
"""
_EXAMPLE_SLOT = re.compile(r"(const EXAMPLE_QUERY = `).*?(`;)", re.S)


STATIC = Path(__file__).resolve().parent.parent / "static"
EXPLORER_PAGES = ("index", "person", "organization", "place", "outlet")
_UNPKG = re.compile(r"https://unpkg\.com/([^\"']+)")


_NUL_ESCAPE = "\\u0000"


def _strings(value: object) -> Iterator[str]:
    """Every string of a decoded JSON value, keys included."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _has_nul(value: object) -> bool:
    """Whether a decoded JSON value holds a NUL character, which PostgreSQL refuses in text."""
    return any("\x00" in text for text in _strings(value))


def _has_lone_surrogate(value: object) -> bool:
    """Whether a decoded JSON value holds a string with an unpaired surrogate, which no
    database or encoder accepts (json decodes ``"\\ud800"`` into one)."""
    return any(_SURROGATE.search(text) for text in _strings(value))


_SURROGATE = re.compile("[\ud800-\udfff]")


def _with_example(html: str) -> str:
    """``html`` with kb's example as GraphiQL's default query (unchanged if the page has no
    EXAMPLE_QUERY constant, as a future Strawberry might), loading its scripts and styles
    from kb's own copies (kb/static/vendor) where it has them."""
    escaped = EXAMPLE_QUERY.replace("\\", "\\\\").replace("`", "\\`").replace("${", "\\${")
    html = _EXAMPLE_SLOT.sub(lambda m: m.group(1) + escaped + m.group(2), html, count=1)
    return _UNPKG.sub(lambda m: f"/static/vendor/{m.group(1)}" if (STATIC / "vendor" / m.group(1)).is_file()
                      else m.group(0), html)


def _log_fields(request: Any) -> dict[str, Any]:
    """What the request log line says about this GraphQL request (see kb.api.guards.RequestLog)."""
    state = request.scope.setdefault("state", {})
    return state.setdefault("kb_log", {})


@lru_cache(maxsize=256)  # the same queries come again and again
def _operation_label(query: str | None) -> str:
    """An operation as the log names it: its name in the document, or its root fields
    (``person,statements``) when it has none."""
    if not query:
        return "-"
    try:
        document = parse(query, max_tokens=2000)
    except GraphQLError:
        return "invalid"
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    named = [o.name.value for o in operations if o.name]
    if named:
        return ",".join(named)[:100]
    fields = [s.name.value for o in operations for s in o.selection_set.selections
              if isinstance(s, FieldNode)]
    return ",".join(dict.fromkeys(fields))[:100] or "-"


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or Settings.from_env()
    if not logging.getLogger().handlers:  # each server worker process configures its own
        logging.basicConfig(level=settings.log_level,
                            format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    database = Database(settings)
    graphql = KnowledgeBaseGraphQL(settings, database)

    head = head_revision()

    async def healthz(request: Request) -> Response:
        try:
            await database.ping()
        except Exception as exc:  # the database is down or unreachable
            log.warning("health check failed: %s", exc)
            return JSONResponse({"status": "error", "database": "unavailable"}, status_code=503)
        revision = await database.revision()
        if revision != head:
            # a database emptied, replaced or downgraded under a running server
            state = "missing" if revision is None else "outdated"
            log.warning("health check failed: schema %s (at %s, kb needs %s)", state, revision, head)
            return JSONResponse({"status": "error", "database": "ok", "schema": state,
                                 "revision": revision, "expected": head}, status_code=503)
        return JSONResponse({"status": "ok", "database": "ok", "schema": "ok"})

    async def home(request: Request) -> Response:
        return RedirectResponse("/graphql")

    async def explore(request: Request) -> Response:
        """The explorer (kb/static/explore): one HTML page whose script draws the page the
        path names, from /graphql."""
        if request.path_params.get("page", "index") not in EXPLORER_PAGES:
            return JSONResponse({"error": "no such page"}, status_code=404)
        return FileResponse(STATIC / "explore" / "explore.html")

    async def export_table(request: Request) -> Response:
        """A whole table streamed (kb.export), with the statements(filter:) field names as query
        parameters: /export/statements.jsonl?speaker=斯托尔滕贝格&publishedAfter=2022-01-01."""
        table, fmt = request.path_params["table"], request.path_params["format"]
        if fmt not in ("jsonl", "csv"):
            return JSONResponse({"error": "format must be jsonl or csv"}, status_code=404)
        raw = dict(request.query_params)
        engine = database.export_engine()
        try:
            await run_in_threadpool(export.check, engine, table, raw)
        except export.ExportError as exc:
            return JSONResponse({"error": str(exc)}, status_code=404 if table not in export.TABLES else 400)
        rows = export.rows(engine, table, raw)
        lines = export.jsonl(rows) if fmt == "jsonl" else export.csv_lines(rows)
        media = "application/x-ndjson; charset=utf-8" if fmt == "jsonl" else "text/csv; charset=utf-8"
        return StreamingResponse(lines, media_type=media,
                                 headers={"Content-Disposition": f'inline; filename="{table}.{fmt}"'})

    @asynccontextmanager
    async def lifespan(app: Starlette):  # type: ignore[no-untyped-def]
        # What exists at start-up (modules, the schema, catalogs) lives as long as the process:
        # frozen, the collector stops walking it at every full collection — those walks were
        # the p99 (Stoltenberg query, 8 clients: p99 87–96 ms → 22–25 ms; bench/query).
        gc.collect()
        gc.freeze()
        try:
            yield
        finally:
            gc.unfreeze()
            await database.dispose()

    middleware = [Middleware(RequestLog), Middleware(RequestSizeLimit, max_bytes=settings.max_request_bytes)]
    if settings.cors_origin_list:
        middleware.append(Middleware(
            CORSMiddleware, allow_origins=settings.cors_origin_list, allow_methods=["GET", "POST"],
            allow_headers=["Content-Type", "Authorization"], max_age=600,
        ))
    app = Starlette(
        routes=[
            Route("/", home),
            Route("/healthz", healthz),
            Route("/graphql", graphql, methods=["GET", "POST"]),
            Route("/export/{table}.{format}", export_table),
            Route("/explore", explore),
            Route("/explore/{page}", explore),
            Mount("/static", StaticFiles(directory=STATIC), name="static"),
        ],
        middleware=middleware,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.database = database
    app.state.graphql = graphql
    return app

"""The Starlette application: GraphQL (and GraphiQL on GET from a browser) at ``/graphql``."""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import text
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route
from strawberry.asgi import GraphQL

from kb.api.data import Data
from kb.api.schema import build_schema
from kb.config import Settings
from kb.db import create_async_db_engine

log = logging.getLogger(__name__)


class KnowledgeBaseGraphQL(GraphQL):
    def __init__(self, settings: Settings, engine: Any) -> None:
        super().__init__(
            build_schema(settings),
            graphql_ide="graphiql" if settings.graphiql else None,
            allow_queries_via_get=True,
        )
        self.settings = settings
        self.engine = engine

    async def get_context(self, request: Any, response: Any) -> dict[str, Any]:
        # Loaders are made per request: a shared DataLoader would cache forever.
        return {"request": request, "response": response, "settings": self.settings,
                "data": Data(self.engine)}


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or Settings.from_env()
    engine = create_async_db_engine(settings.database_url)
    graphql = KnowledgeBaseGraphQL(settings, engine)

    async def healthz(request: Request) -> Response:
        try:
            async with engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
        except Exception as exc:  # the database is down or unreachable
            log.warning("health check failed: %s", exc)
            return JSONResponse({"status": "error", "database": "unavailable"}, status_code=503)
        return JSONResponse({"status": "ok", "database": "ok"})

    async def home(request: Request) -> Response:
        return RedirectResponse("/graphql")

    @asynccontextmanager
    async def lifespan(app: Starlette):  # type: ignore[no-untyped-def]
        yield
        await engine.dispose()

    app = Starlette(
        routes=[
            Route("/", home),
            Route("/healthz", healthz),
            Route("/graphql", graphql, methods=["GET", "POST"]),
        ],
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.engine = engine
    return app

"""How the API reads the database: one connection and one read transaction per request.

Every list and count of a response then sees the same snapshot (a load may be committing
meanwhile), a request holds at most one pooled connection, and loaders batch the same way
whatever the timing of the database. PostgreSQL is read through psycopg's asyncio driver.
SQLite is read through the standard driver in a worker thread, one hop per statement (the
asyncio wrapper for SQLite costs several thread hops per statement, which made it most of
a small request's time).
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from sqlalchemy import Engine, Select, text

from kb.config import Settings
from kb.db import create_async_db_engine, create_sync_engine, sync_url


class Database:
    """The API's engine, and a ``reader()`` per request."""

    def __init__(self, settings: Settings) -> None:
        self.url = settings.database_url
        self.dialect = "sqlite" if sync_url(self.url).startswith("sqlite") else "postgresql"
        if self.dialect == "sqlite":
            self.engine: Any = create_sync_engine(self.url, write=False)
        else:
            self.engine = create_async_db_engine(
                self.url, pool_size=settings.db_pool_size, max_overflow=settings.db_max_overflow,
                statement_timeout=settings.request_timeout,
            )

    @property
    def sync_engine(self) -> Engine:
        """The engine whose events see every statement (for instrumentation and tests)."""
        return self.engine if self.dialect == "sqlite" else self.engine.sync_engine

    def reader(self) -> ThreadedReader | AsyncReader:
        return ThreadedReader(self.engine) if self.dialect == "sqlite" else AsyncReader(self.engine)

    async def ping(self) -> None:
        reader = self.reader()
        try:
            await reader.rows(text("SELECT 1"))  # type: ignore[arg-type]
        finally:
            await reader.close()

    async def dispose(self) -> None:
        if self.dialect == "sqlite":
            self.engine.dispose()
        else:
            await self.engine.dispose()


class AsyncReader:
    """One request's reads over an asyncio engine (PostgreSQL)."""

    def __init__(self, engine: Any) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        self._connection: Any = None
        self._lock = asyncio.Lock()

    async def rows(self, statement: Select[Any]) -> list[Any]:
        async with self._lock:
            if self._connection is None:
                connection = await self.engine.connect()
                if self.dialect == "postgresql":
                    connection = await connection.execution_options(isolation_level="REPEATABLE READ")
                self._connection = connection
            return list((await self._connection.execute(statement)).all())

    async def close(self) -> None:
        """End the read transaction and return the connection to the pool."""
        if self._connection is not None:
            connection, self._connection = self._connection, None
            await connection.close()


class ThreadedReader:
    """One request's reads over SQLite's own driver, each statement in a worker thread."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = "sqlite"
        self._connection: Any = None
        self._lock = asyncio.Lock()
        self._running: asyncio.Future[list[Any]] | None = None

    def _rows(self, statement: Select[Any]) -> list[Any]:
        if self._connection is None:
            self._connection = self.engine.connect()
        return list(self._connection.execute(statement).all())

    async def rows(self, statement: Select[Any]) -> list[Any]:
        async with self._lock:
            self._running = asyncio.ensure_future(asyncio.to_thread(self._rows, statement))
            # Shielded: a request that runs out of time stops waiting, and close() stops the
            # statement itself.
            return await asyncio.shield(self._running)

    async def close(self) -> None:
        running, self._running = self._running, None
        if running is not None and not running.done():
            with contextlib.suppress(Exception):
                self._connection.connection.driver_connection.interrupt()
            with contextlib.suppress(Exception):
                await running
        if self._connection is not None:
            connection, self._connection = self._connection, None
            await asyncio.to_thread(connection.close)

"""How the API reads the database: one connection and one read transaction per request.

Every list and count of a response then sees the same snapshot (a load may be committing
meanwhile), a request holds at most one pooled connection, and loaders batch the same way
whatever the timing of the database. PostgreSQL is read through psycopg's asyncio driver;
SQLite through its own driver, in the event loop (see SQLiteReader).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, Select, text
from sqlalchemy.exc import DBAPIError, OperationalError

from kb.api.errors import ClientError, DatabaseUnavailable
from kb.config import Settings
from kb.db import create_async_db_engine, create_sync_engine, sync_url


class Database:
    """The API's engine, and a ``reader()`` per request."""

    def __init__(self, settings: Settings) -> None:
        self.url = settings.database_url
        self.dialect = "sqlite" if sync_url(self.url).startswith("sqlite") else "postgresql"
        self._export_engine: Engine | None = None
        # SQLite: requests reading at once, per process (more wait, without blocking the loop).
        self._sqlite_readers = settings.db_pool_size + settings.db_max_overflow
        self._slots: tuple[asyncio.AbstractEventLoop, asyncio.Semaphore] | None = None
        if self.dialect == "sqlite":
            self.engine: Any = create_sync_engine(self.url, write=False, pool_size=settings.db_pool_size)
        else:
            self.engine = create_async_db_engine(
                self.url, pool_size=settings.db_pool_size, max_overflow=settings.db_max_overflow,
                statement_timeout=settings.request_timeout,
            )

    def export_engine(self) -> Engine:
        """A blocking engine for streamed exports (kb.export), made when first needed."""
        if self.dialect == "sqlite":
            return self.engine
        if self._export_engine is None:
            self._export_engine = create_sync_engine(self.url, write=False)
        return self._export_engine

    @property
    def sync_engine(self) -> Engine:
        """The engine whose events see every statement (for instrumentation and tests)."""
        return self.engine if self.dialect == "sqlite" else self.engine.sync_engine

    def reader(self, deadline: float | None = None) -> SQLiteReader | AsyncReader:
        """Reads for one request; SQLite stops a statement past ``deadline`` (monotonic);
        PostgreSQL has its statement_timeout."""
        if self.dialect == "sqlite":
            return SQLiteReader(self.engine, deadline, self._reader_slots())
        return AsyncReader(self.engine)

    def _reader_slots(self) -> asyncio.Semaphore:
        """The semaphore bounding SQLite readers, one per event loop (a semaphore belongs
        to the loop it first waits in; tests and `kb query` run several loops in turn)."""
        loop = asyncio.get_running_loop()
        if self._slots is None or self._slots[0] is not loop:
            self._slots = (loop, asyncio.Semaphore(self._sqlite_readers))
        return self._slots[1]

    async def ping(self) -> None:
        reader = self.reader()
        try:
            await reader.rows(text("SELECT 1"))  # type: ignore[arg-type]
        finally:
            await reader.close()

    async def revision(self) -> str | None:
        """The schema revision Alembic recorded, or None when the database has no kb schema."""
        reader = self.reader()
        try:
            rows = await reader.rows(text("SELECT version_num FROM alembic_version"))  # type: ignore[arg-type]
        except Exception:  # no alembic_version table: never migrated
            return None
        finally:
            await reader.close()
        return rows[0][0] if rows else None

    async def dispose(self) -> None:
        if self.dialect == "sqlite":
            self.engine.dispose()
        else:
            await self.engine.dispose()
        if self._export_engine is not None:
            self._export_engine.dispose()


class AsyncReader:
    """One request's reads over an asyncio engine (PostgreSQL)."""

    def __init__(self, engine: Any) -> None:
        self.engine = engine
        self.statements = 0  # run for this request (logged)
        self.dialect = engine.dialect.name
        self._connection: Any = None
        self._lock = asyncio.Lock()

    async def rows(self, statement: Select[Any], params: dict[str, Any] | None = None,
                   heavy: bool = False) -> list[Any]:
        """(``heavy`` changes nothing here: PostgreSQL does the work in its own process.)"""
        async with self._lock:
            self.statements += 1
            fresh = self._connection is None
            try:
                return await self._execute(statement, params)
            except DBAPIError as exc:
                if not (fresh and exc.connection_invalidated):
                    raise unavailable(exc) or exc from exc
            # The pooled connection had died while idle (a restart, a failover). The engine
            # does not ping each one it hands out (a round trip per request); instead the
            # request's first statement, which has changed nothing, runs again once on a
            # new connection. The failure invalidated the pool's other idle connections.
            await self.close()
            try:
                return await self._execute(statement, params)
            except DBAPIError as exc:
                raise unavailable(exc) or exc from exc

    async def _execute(self, statement: Select[Any], params: dict[str, Any] | None) -> list[Any]:
        if self._connection is None:
            # REPEATABLE READ on PostgreSQL: the engine's level (kb.db.create_async_db_engine)
            self._connection = await self.engine.connect()
        return list((await self._connection.execute(statement, params)).all())

    async def close(self) -> None:
        """End the read transaction and return the connection to the pool."""
        if self._connection is not None:
            connection, self._connection = self._connection, None
            await connection.close()


# Driver messages that mean "not reachable now", not a bug.
_UNREACHABLE = ("connection refused", "could not connect", "connection failed",
                "server closed the connection", "terminating connection", "connection is closed",
                "the database system is", "timeout expired", "unable to open database file",
                "disk i/o error", "database is locked")


def unavailable(exc: DBAPIError) -> DatabaseUnavailable | None:
    """The client-facing error for a failure to reach the database, or None for others."""
    message = str(exc.orig).lower()
    missing_database = message.startswith("database ") and "does not exist" in message
    if exc.connection_invalidated or missing_database or any(part in message for part in _UNREACHABLE):
        return DatabaseUnavailable("The database is unavailable right now; try again shortly.")
    if "no such table" in message or ("relation" in message and "does not exist" in message):
        return DatabaseUnavailable("The database is missing kb tables: has it been migrated "
                                   "(`kb db upgrade`)?")
    return None


class OverTime(ClientError):
    """A statement stopped at the request's deadline."""


class SQLiteReader:
    """One request's reads over SQLite's own driver, run right in the event loop.

    SQLite is a library, not a server: a statement of a page costs tens of microseconds,
    while handing it to a worker thread and back cost a millisecond or more (most of a small
    request). A statement that runs long is stopped by the deadline, checked by SQLite's
    progress handler every few thousand steps, rather than left to block the loop.

    Aggregates (``heavy``: top speakers, co-mentions, timelines) read thousands of rows per
    parent, tens to hundreds of milliseconds in SQLite's C code, which releases the GIL: they
    run in a worker thread, so other requests go on meanwhile. One lock keeps the request's
    statements on its connection one at a time.
    """

    # SQLite virtual-machine steps between two checks of the deadline.
    PROGRESS_STEPS = 20_000

    def __init__(self, engine: Engine, deadline: float | None = None,
                 slots: asyncio.Semaphore | None = None) -> None:
        self.engine = engine
        self.statements = 0  # run for this request (logged)
        self.dialect = "sqlite"
        self.deadline = deadline
        self._slots = slots
        self._holds_slot = False
        self._connection: Any = None
        self._lock = asyncio.Lock()
        # An in-memory database lives in one thread's connection: it is read where it is.
        self._offload = ":memory:" not in str(engine.url)

    async def _take_slot(self) -> None:
        """Wait, in the event loop, for one of the process's reader slots: a request past
        the bound queues here instead of blocking the loop inside the connection pool."""
        if self._slots is None:
            return
        if not self._slots.locked():  # a free slot: taken at once, without a timer task
            await self._slots.acquire()
            self._holds_slot = True
            return
        budget = None if self.deadline is None else max(0.0, self.deadline - time.monotonic())
        try:
            await asyncio.wait_for(self._slots.acquire(), budget)
        except TimeoutError:
            raise OverTime("The server is busy and the query ran out of its time budget; "
                           "try again shortly.") from None
        self._holds_slot = True

    async def rows(self, statement: Select[Any], params: dict[str, Any] | None = None,
                   heavy: bool = False) -> list[Any]:
        self.statements += 1
        async with self._lock:
            if self._connection is None and not self._holds_slot:
                await self._take_slot()
            try:
                if self._connection is None:
                    self._connection = self.engine.connect()
                    driver = self._connection.connection.driver_connection
                    driver.set_progress_handler(self._over_time, self.PROGRESS_STEPS)
                connection = self._connection
                if heavy and self._offload:
                    return await _in_thread(lambda: list(connection.execute(statement, params).all()))
                return list(connection.execute(statement, params).all())
            except OperationalError as exc:
                if self._over_time():
                    raise OverTime("The query ran longer than its time budget; ask for less.") from None
                raise unavailable(exc) or exc from exc

    def _over_time(self) -> int:
        return int(self.deadline is not None and time.monotonic() > self.deadline)

    async def close(self) -> None:
        async with self._lock:  # (after a statement still running in a worker thread)
            await self._close()

    async def _close(self) -> None:
        try:
            if self._connection is not None:
                connection, self._connection = self._connection, None
                connection.connection.driver_connection.set_progress_handler(None, 0)
                connection.close()
        finally:
            if self._holds_slot:
                self._holds_slot = False
                self._slots.release()  # type: ignore[union-attr]


async def _in_thread(work: Callable[[], list[Any]]) -> list[Any]:
    """``work()`` in a worker thread. Cancelled (a timeout, a client gone), it still waits for
    the thread, which SQLite's progress handler stops at the deadline: the connection is not
    closed or reused under a statement that is still running."""
    task = asyncio.ensure_future(asyncio.to_thread(work))
    try:
        return await asyncio.shield(task)
    except asyncio.CancelledError:
        while not task.done():
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.wait({task})
        raise

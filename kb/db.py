"""Engines, sessions and migrations for the configured database (SQLite or PostgreSQL)."""

from __future__ import annotations

import os
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool


def sync_url(url: str) -> str:
    """The URL with the driver kb uses for blocking work (loading, migrations)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    elif parsed.get_backend_name() == "sqlite":
        parsed = parsed.set(drivername="sqlite")
    else:
        raise ValueError(f"unsupported database {parsed.get_backend_name()!r}: use sqlite or postgresql")
    return parsed.render_as_string(hide_password=False)


def async_url(url: str) -> str:
    """The URL with the asyncio driver the API uses."""
    parsed = make_url(sync_url(url))
    if parsed.get_backend_name() == "sqlite":
        parsed = parsed.set(drivername="sqlite+aiosqlite")
    return parsed.render_as_string(hide_password=False)


WRITER_CACHE_KIB = 128 * 1024


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    # Foreign keys are off by default in SQLite; WAL lets readers work while a load writes.
    if hasattr(dbapi_connection, "isolation_level"):
        # The sqlite3 module's own transaction handling breaks SAVEPOINTs: SQLAlchemy emits
        # BEGIN itself (see _sqlite_begin).
        dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_writer_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    # A load inserts into a dozen B-trees at once: with SQLite's default 2 MB page cache the
    # index pages it revisits fall out between articles. Statement journals (each bulk
    # insert can fail midway) go in memory rather than in a temporary file.
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA cache_size=-{WRITER_CACHE_KIB}")
    cursor.execute("PRAGMA temp_store=MEMORY")
    cursor.close()


# A load's write-ahead log is reset once it grows past this (see reset_wal_if_large).
WAL_RESET_BYTES = 64 * 2**20


def reset_wal_if_large(connection: Connection, limit: int | None = None, wait_ms: int = 2000) -> bool | None:
    """Checkpoint a SQLite database's WAL and truncate it to nothing once it holds more than
    ``limit`` bytes; True if it did, False if readers kept it busy past the busy timeout,
    None when there was nothing to do (small WAL, or not SQLite).

    SQLite's automatic checkpoints copy pages back but restart the log only at a moment no
    reader is using it; an API answering without pause never leaves one, so under a load
    the WAL grew without end (20 GB in a ten-minute soak) and with it the shared-memory index
    every process maps. TRUNCATE waits (up to ``wait_ms``: a long export may hold its snapshot
    for minutes) for the readers of the moment to move on instead."""
    limit = WAL_RESET_BYTES if limit is None else limit
    database = connection.engine.url.database
    if connection.dialect.name != "sqlite" or not database or database == ":memory:":
        return None
    try:
        size = os.path.getsize(f"{database}-wal")
    except OSError:
        return None
    if size <= limit:
        return None
    # On the driver's own connection, outside any transaction (the pragma cannot run in one).
    driver = connection.connection.driver_connection
    timeout = driver.execute("PRAGMA busy_timeout").fetchone()[0]
    driver.execute(f"PRAGMA busy_timeout={int(wait_ms)}")
    try:
        busy, _, _ = driver.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        driver.execute(f"PRAGMA busy_timeout={int(timeout)}")
    return not busy


def create_sync_engine(url: str, *, write: bool = True, pool_size: int | None = None) -> Engine:
    """An engine for blocking work. On SQLite a writing engine takes the write lock when its
    transaction begins (BEGIN IMMEDIATE), so two loaders queue instead of failing midway.

    With ``pool_size`` a SQLite file's pool keeps that many connections and opens more
    without limit rather than ever making a caller wait: the API reads SQLite in its event
    loop, where waiting for a pooled connection would stop every request (the API bounds
    its connections itself, see kb.api.database)."""
    url = sync_url(url)
    if url.startswith("sqlite"):
        pooling = {"pool_size": pool_size, "max_overflow": -1} if pool_size and ":memory:" not in url else {}
        engine = create_engine(url, connect_args={"timeout": 30}, **pooling)
        event.listen(engine, "connect", _sqlite_pragmas)
        if write:
            event.listen(engine, "connect", _sqlite_writer_pragmas)
        begin = "BEGIN IMMEDIATE" if write else "BEGIN"
        event.listen(engine, "begin", lambda connection: connection.exec_driver_sql(begin))
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)


def create_async_db_engine(url: str, *, pool_size: int = 10, max_overflow: int = 10,
                           statement_timeout: float | None = None) -> AsyncEngine:
    """The API's engine. On PostgreSQL a pool of ``pool_size`` connections (plus
    ``max_overflow`` under bursts) and, with ``statement_timeout`` seconds, a server-side
    limit so a runaway statement stops even if its client has gone."""
    url = async_url(url)
    if url.startswith("sqlite"):
        engine = create_async_engine(url, poolclass=NullPool if ":memory:" in url else None)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    connect_args = {}
    if statement_timeout:
        connect_args["options"] = f"-c statement_timeout={int(statement_timeout * 1000)}"
    # No pre-ping (a round trip per request): AsyncReader retries a request's first
    # statement once when its pooled connection turns out dead. Every connection reads in
    # REPEATABLE READ (one snapshot per request), set once for the engine rather than on
    # each checkout and reset on each return.
    return create_async_engine(url, pool_size=pool_size, max_overflow=max_overflow,
                               pool_recycle=1800, connect_args=connect_args,
                               isolation_level="REPEATABLE READ")


def migrations_dir() -> Path:
    """Where the Alembic scripts are: ``KB_MIGRATIONS_DIR``, beside the package, or ./migrations."""
    configured = os.environ.get("KB_MIGRATIONS_DIR")
    candidates = [Path(configured)] if configured else []
    candidates += [Path(__file__).resolve().parent.parent / "migrations", Path.cwd() / "migrations"]
    for candidate in candidates:
        if (candidate / "env.py").is_file():
            return candidate
    raise FileNotFoundError("cannot find the migrations folder; set KB_MIGRATIONS_DIR")


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    # env.py reads this attribute first, so a URL given here wins over the environment.
    config.attributes["database_url"] = url
    return config


def upgrade(url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(url), revision)


def downgrade(url: str, revision: str) -> None:
    command.downgrade(alembic_config(url), revision)


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config("")).get_current_head()
    assert head is not None
    return head


def schema_problem(url: str) -> str | None:
    """Why the database at ``url`` cannot be used as it is (no schema, or an older one), or None."""
    current = current_revision(url)
    if current is None:
        return "the database has no kb schema yet: run `kb db upgrade` first"
    head = head_revision()
    if current != head:
        return f"the database schema is at revision {current}, this kb needs {head}: run `kb db upgrade`"
    return None


def _missing_sqlite_file(url: str) -> bool:
    """Whether ``url`` names a SQLite file that does not exist (connecting would create it)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    path = parsed.database
    return parsed.get_backend_name() == "sqlite" and bool(path) and path != ":memory:" and (
        not path.startswith("file:") and not Path(path).exists()
    )


def current_revision(url: str) -> str | None:
    from alembic.runtime.migration import MigrationContext

    if _missing_sqlite_file(url):
        return None  # (asking would leave an empty file behind)
    engine = create_sync_engine(url)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()

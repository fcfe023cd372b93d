"""Each request reads one snapshot: on PostgreSQL its connection is in a REPEATABLE READ
transaction, set once on the API's engine (kb.db.create_async_db_engine)."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import text

from kb.api.database import Database
from kb.config import Settings


def test_a_request_reads_in_repeatable_read_on_postgresql(seeded_db: str) -> None:
    if not seeded_db.startswith("postgresql"):
        pytest.skip("SQLite reads one snapshot per transaction at any level")

    async def levels() -> list[str]:
        database = Database(Settings(database_url=seeded_db))
        try:
            seen = []
            for _ in range(3):  # a connection back from the pool keeps the level
                reader = database.reader()
                try:
                    seen.append((await reader.rows(text("SHOW transaction_isolation")))[0][0])  # type: ignore[arg-type]
                finally:
                    await reader.close()
            return seen
        finally:
            await database.dispose()

    assert asyncio.run(levels()) == ["repeatable read"] * 3

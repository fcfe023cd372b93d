"""Many requests at once on SQLite. The API reads SQLite in its event loop, so a request
must never wait for a connection inside the pool: that wait blocks the loop, no other
request can finish and give its connection back, and every request in flight runs out of
time (seen in bench/soak at 32 clients). Requests past the bound queue in the loop instead."""

from __future__ import annotations

import asyncio
import time
from dataclasses import replace

import httpx
import pytest
from sqlalchemy import select

from kb.api.app import create_app
from kb.api.database import OverTime, SQLiteReader
from kb.config import Settings
from kb.db import create_sync_engine

# Several statements per request (a person, their statements, each article and outlet), so
# requests interleave at every await while holding their connection.
QUERY = """{ person(name: "拜登") { name statements(first: 20) { totalCount
  nodes { text article { title outlet { name } } } } } }"""


def _settings(url: str, **changes) -> Settings:
    return replace(Settings.from_env({}), database_url=url, response_cache_size=0, **changes)


@pytest.mark.parametrize("pool_size, overflow", [(1, 0), (2, 1)])
def test_more_requests_than_connections_all_answer(seeded_sqlite, pool_size, overflow):
    app = create_app(_settings(seeded_sqlite, db_pool_size=pool_size, db_max_overflow=overflow,
                               request_timeout=20.0))

    async def run() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://kb") as client:
            return await asyncio.gather(*(client.post("/graphql", json={"query": QUERY}) for _ in range(24)))

    started = time.monotonic()
    answers = asyncio.run(run())
    assert [a.status_code for a in answers] == [200] * 24
    bodies = [a.json() for a in answers]
    assert all("errors" not in b for b in bodies), next(b for b in bodies if "errors" in b)
    assert all(b["data"]["person"]["statements"]["totalCount"] >= 10 for b in bodies)
    # A blocked loop would have waited out the pool's 30 s time-out at least once.
    assert time.monotonic() - started < 20


def test_a_request_that_cannot_get_a_connection_in_time_is_told_so(seeded_sqlite):
    engine = create_sync_engine(seeded_sqlite, write=False, pool_size=1)

    async def run() -> None:
        busy = asyncio.Semaphore(0)  # every slot taken
        reader = SQLiteReader(engine, time.monotonic() + 0.2, busy)
        try:
            with pytest.raises(OverTime, match="busy"):
                await reader.rows(select(1))
        finally:
            await reader.close()
        assert busy._value == 0  # nothing released that was never taken

    asyncio.run(run())
    engine.dispose()

"""Limits on connections, below HTTP requests: slow clients.

A client that opens a connection and sends its headers or body a byte at a time holds a
connection and its memory for as long as it likes; a few hundred such clients fill the
server. uvicorn bounds only the idle time between requests (``timeout_keep_alive``), so kb
serves HTTP with uvicorn's httptools protocol and three more limits, from the settings:

- ``KB_HEADER_TIMEOUT``: seconds from a connection's opening (or a request's first byte)
  to the end of its headers;
- ``KB_BODY_TIMEOUT``: seconds from the end of the headers to the end of the body;
- ``KB_MAX_CONNECTIONS_PER_CLIENT``: connections one client address may hold open in one
  server process; one more is closed as it opens.

A client past a time limit gets ``408 Request Timeout`` when nothing was answered yet, and
the connection is closed.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from functools import lru_cache
from typing import Any, ClassVar

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from kb.config import Settings

log = logging.getLogger("kb.api")

_TIMEOUT_RESPONSE = b"HTTP/1.1 408 Request Timeout\r\nconnection: close\r\ncontent-length: 0\r\n\r\n"


@lru_cache(maxsize=1)
def _settings() -> Settings:
    return Settings.from_env()


class GuardedHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with time limits on headers and bodies and a cap on
    connections per client address (see the module's docstring)."""

    # Open connections by client address, in this process.
    open_by_client: ClassVar[Counter[str]] = Counter()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._timer: asyncio.TimerHandle | None = None
        self._address: str | None = None
        self._answering = False  # a request's headers are in: the app answers from now on

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        settings = _settings()
        self._address = self.client[0] if self.client else ""
        self.open_by_client[self._address] += 1
        cap = settings.max_connections_per_client
        if cap and self.open_by_client[self._address] > cap:
            log.warning("%s holds %d connections, more than %d: closed", self._address,
                        self.open_by_client[self._address], cap)
            transport.close()
            return
        self._arm(settings.header_timeout)

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        if self._address is not None:
            self.open_by_client[self._address] -= 1
            if self.open_by_client[self._address] <= 0:
                del self.open_by_client[self._address]
            self._address = None
        super().connection_lost(exc)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._answering = False
        self._arm(_settings().header_timeout)

    def on_headers_complete(self) -> None:
        self._answering = True
        self._arm(_settings().body_timeout)
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        self._disarm()
        super().on_message_complete()

    def _arm(self, seconds: float) -> None:
        self._disarm()
        if seconds > 0:
            self._timer = self.loop.call_later(seconds, self._too_slow)

    def _disarm(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _too_slow(self) -> None:
        self._timer = None
        if self.transport.is_closing():
            return
        stage = "body" if self._answering else "headers"
        log.warning("%s sent its request's %s too slowly: connection closed", self._address, stage)
        started = self.cycle is not None and self.cycle.response_started
        if not started:
            self.transport.write(_TIMEOUT_RESPONSE)
        self.transport.close()

"""HTTP-level middleware: the request log, and protections before a request reaches GraphQL.

GraphQL's own limits (tokens, depth, aliases, page sizes, the node budget; kb.api.limits)
are checked on a parsed document; a megabyte of whitespace or comment costs nothing there
but still has to be received, decoded and scanned. So a request body (or a GET query
string) over ``max_bytes`` is answered 413 at once, without being read to its end.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any

log = logging.getLogger("kb.requests")

Scope = dict[str, Any]
Receive = Any
Send = Any


class RequestTooLarge(Exception):
    pass


class RequestSizeLimit:
    """ASGI middleware: refuse requests whose body or query string exceeds ``max_bytes``."""

    def __init__(self, app: Any, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("query_string", b"")) > self.max_bytes:
            await self._refuse(send, "query string")
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(send, "body")
            return
        received = 0
        started = False

        async def counted_receive() -> Any:  # a body sent without a length, or lying about it
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise RequestTooLarge
            return message

        async def tracked_send(message: Any) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except RequestTooLarge:
            if not started:
                await self._refuse(send, "body")

    async def _refuse(self, send: Send, part: str) -> None:
        message = (f"The request {part} is larger than {self.max_bytes:,} bytes (KB_MAX_REQUEST_BYTES); "
                   "send a smaller query.")
        body = json.dumps({"data": None, "errors": [{"message": message}]}).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})


class RequestLog:
    """ASGI middleware: one INFO line per request — method, path, status, duration, and for
    GraphQL the operation (its name, or its root fields), SQL statements run and cache use.
    Never the body or the variables: they may hold what a client did not mean to publish."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def tracked_send(message: Any) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, tracked_send)
        finally:
            if log.isEnabledFor(logging.INFO):
                fields = scope.get("state", {}).get("kb_log", {})
                extra = "".join(f" {key}={value}" for key, value in fields.items())
                log.info("%s %s %d %.1fms%s", scope["method"], scope["path"], status,
                         (time.perf_counter() - started) * 1000, extra)

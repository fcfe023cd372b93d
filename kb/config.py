"""Settings, read once from the environment (prefix ``KB_``).

Every component — the loader, the server, Alembic's ``env.py`` — reads the database URL
from here, so it is written exactly once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields

DEFAULT_DATABASE_URL = "sqlite:///kb.db"


def _bool(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ValueError(f"not a boolean: {value!r}")


@dataclass(frozen=True)
class Settings:
    """Runtime settings. Each field ``name`` is read from ``KB_NAME``."""

    database_url: str = DEFAULT_DATABASE_URL
    #: Serve GraphiQL at /graphql to browsers.
    graphiql: bool = True
    #: Answer introspection queries (GraphiQL needs them); off also hides field suggestions.
    introspection: bool = True
    #: Largest `first`/`last` a list accepts; larger is a validation error.
    max_page_size: int = 100
    #: Page size when a query gives neither `first` nor `last`.
    default_page_size: int = 20
    #: Deepest selection nesting a query may have.
    max_query_depth: int = 12
    #: Most aliases in one query.
    max_aliases: int = 30
    #: Most tokens (names, punctuation) in one query document.
    max_tokens: int = 2000
    #: Most fields an operation may have with its fragments spread in full (a fragment
    #: spread twice counts twice), so that no walk of the document can explode.
    max_fields: int = 5000
    #: Node budget: the sum, over every list in the query, of the product of page sizes
    #: along its path (GitHub's rule; they allow 500,000 on far larger machines).
    max_nodes: int = 50_000
    #: coMentioned, topSpeakers and topPeople count over this many most recent articles of
    #: their entity or outlet, so their cost does not grow with the archive.
    aggregate_window: int = 1000
    #: Days two reports of one remark may be apart: statements by one speaker whose articles
    #: are published further apart are not linked as one utterance (kb/utterances.py).
    utterance_window_days: float = 3.0
    #: `search` ranks (by relevance) the newest this many articles and statements that match.
    search_window: int = 2000
    #: Largest request body (or GET query string) accepted, in bytes; larger is refused (413).
    max_request_bytes: int = 100_000
    #: Seconds a request may run before it is answered with a time-out error (PostgreSQL
    #: also cancels the request's statements after this long).
    request_timeout: float = 10.0
    #: Seconds a client has to send a request's headers (from connecting, or from the
    #: request's first byte), and then its body; past either, 408 and the connection closes.
    #: 0 turns a limit off. (kb.api.connections)
    header_timeout: float = 10.0
    body_timeout: float = 30.0
    #: Connections one client address may hold open in each server process; more are closed
    #: as they open (0: no cap). A proxy in front makes every client one address: raise it.
    max_connections_per_client: int = 32
    #: Connections each API process keeps open to the database (each request uses one), and
    #: how many more it may open under bursts; on SQLite their sum bounds the requests
    #: reading at once (the rest queue for a free one, within their time budget).
    db_pool_size: int = 10
    db_max_overflow: int = 10
    #: Browser origins allowed to call the API (comma-separated; `*` for any; empty: none).
    cors_origins: str = ""
    #: Seconds HTTP caches may keep a successful GET /graphql answer (0: no caching).
    cache_max_age: int = 60
    #: Answers each API process keeps, keyed by query, variables and the data's version
    #: (a load makes them stale at once); 0 turns the cache off. And its size in MB.
    response_cache_size: int = 1000
    response_cache_mb: int = 64
    #: Run the queries it covers with the lean executor (kb.api.lean): the same answers,
    #: without graphql-core's per-field work. Off: graphql-core runs every query.
    lean_execution: bool = True
    log_level: str = "INFO"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for field in fields(cls):
            raw = env.get(f"KB_{field.name.upper()}")
            if raw is None or raw == "":
                continue
            try:
                if field.type in ("bool", bool):
                    values[field.name] = _bool(raw)
                elif field.type in ("int", int):
                    values[field.name] = int(raw.replace("_", ""))
                elif field.type in ("float", float):
                    values[field.name] = float(raw)
                else:
                    values[field.name] = raw
            except ValueError as exc:
                raise ValueError(f"KB_{field.name.upper()}: {exc}") from None
        settings = cls(**values)  # type: ignore[arg-type]
        if settings.default_page_size > settings.max_page_size:
            raise ValueError("KB_DEFAULT_PAGE_SIZE must not exceed KB_MAX_PAGE_SIZE")
        for name in ("max_page_size", "max_query_depth", "max_aliases", "max_tokens", "max_fields",
                     "max_nodes", "max_request_bytes", "aggregate_window", "search_window"):
            if getattr(settings, name) < 1:
                raise ValueError(f"KB_{name.upper()} must be at least 1")
        if settings.utterance_window_days < 0:
            raise ValueError("KB_UTTERANCE_WINDOW_DAYS must not be negative")
        if settings.request_timeout <= 0:
            raise ValueError("KB_REQUEST_TIMEOUT must be positive")
        for name in ("header_timeout", "body_timeout", "max_connections_per_client"):
            if getattr(settings, name) < 0:
                raise ValueError(f"KB_{name.upper()} must not be negative")
        return settings

    @property
    def cors_origin_list(self) -> list[str]:
        return [origin.strip() for origin in self.cors_origins.split(",") if origin.strip()]

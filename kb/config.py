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
    graphiql: bool = True
    max_page_size: int = 100
    default_page_size: int = 20
    max_query_depth: int = 12
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
                    values[field.name] = int(raw)
                else:
                    values[field.name] = raw
            except ValueError as exc:
                raise ValueError(f"KB_{field.name.upper()}: {exc}") from None
        settings = cls(**values)  # type: ignore[arg-type]
        if settings.default_page_size > settings.max_page_size:
            raise ValueError("KB_DEFAULT_PAGE_SIZE must not exceed KB_MAX_PAGE_SIZE")
        return settings

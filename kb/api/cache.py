"""Answers kept per API process, keyed by the query and the data they were computed from.

The knowledge base changes only when a load commits, and every batch the loader commits
adds one to ``data_version`` (in the same transaction). A request reads that number first,
inside its own read transaction, so an answer kept under (version, query, variables,
operation) is exactly what running the query again on this snapshot would return; after a
load, the version differs and old answers are never served again (they age out of the
LRU). Only complete answers are kept (no errors). Each API process has its own cache, so
processes stay interchangeable.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from typing import Any

CacheKey = tuple[int, str, str, str | None]


def cache_key(version: int, query: str, variables: dict[str, Any] | None, operation: str | None) -> CacheKey:
    # Variables in a canonical form, so {"a":1,"b":2} and {"b":2,"a":1} are one entry.
    canonical = json.dumps(variables or {}, sort_keys=True, separators=(",", ":"), default=str)
    return (version, query, canonical, operation)


class ResponseCache:
    """A least-recently-used map of answers, bounded in entries and in (JSON) bytes."""

    def __init__(self, max_entries: int, max_bytes: int) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._entries: OrderedDict[CacheKey, tuple[Any, int]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: CacheKey) -> Any | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return entry[0]

    def put(self, key: CacheKey, data: Any) -> None:
        size = len(json.dumps(data, separators=(",", ":"), default=str)) + len(key[1]) + len(key[2])
        if size > self.max_bytes // 8:  # one answer may not push out most of the others
            return
        with self._lock:
            if key in self._entries:
                return
            self._entries[key] = (data, size)
            self._bytes += size
            while self._entries and (len(self._entries) > self.max_entries or self._bytes > self.max_bytes):
                _, (_, dropped) = self._entries.popitem(last=False)
                self._bytes -= dropped

    def __len__(self) -> int:
        return len(self._entries)

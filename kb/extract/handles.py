"""People named by a social-media handle: 网友@聂俊峰发帖说, 推特用户@gaoyu写道.

A handle is whatever its owner chose, so no tagger or surname list finds it; the @ and the
verb or channel right after it say that it names someone speaking."""

from __future__ import annotations

import re
from functools import lru_cache

from kb.extract.entities import slug


@lru_cache(maxsize=4)
def _handle_pattern(verbs: tuple[str, ...]) -> re.Pattern[str]:
    after = "|".join(map(re.escape, sorted(verbs, key=lambda v: (-len(v), v))))
    return re.compile(r"@(?P<handle>[\w\u4e00-\u9fff·.\-]{2,24}?)(?=" + after + ")")


def handles(view: str, verbs: tuple[str, ...]) -> dict[str, str]:
    """Each handle written after @ and right before one of ``verbs`` (发帖说, 表示): form → key."""
    found: dict[str, str] = {}
    if "@" not in view:
        return found
    for match in _handle_pattern(verbs).finditer(view):
        handle = match["handle"]
        found[handle] = "person:" + slug(handle) if handle.isascii() else f"person:zh-{handle}"
    return found


__all__ = ["handles"]

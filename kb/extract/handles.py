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


@lru_cache(maxsize=4)
def _quoted_handle_pattern(owners: tuple[str, ...], verbs: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(map(re.escape, sorted(owners, key=lambda w: (-len(w), w))))
    after = "|".join(map(re.escape, sorted(verbs, key=lambda v: (-len(v), v))))
    return re.compile(f"(?:{words})[“「](?P<handle>[^“”「」，,。\\s]{{2,24}})[”」](?=" + after + ")")


def handles(view: str, verbs: tuple[str, ...], owners: tuple[str, ...] = (),
            words: frozenset[str] = frozenset()) -> dict[str, str]:
    """Each handle written after @, or in quotes after a user's word (微博网民“睡到七点半ming”说),
    right before one of ``verbs`` (发帖说, 表示): form → key."""
    found: dict[str, str] = {}
    matches = [*(_handle_pattern(verbs).finditer(view) if "@" in view else ()),
               *(_quoted_handle_pattern(owners, verbs).finditer(view) if owners else ())]
    for match in matches:
        handle = match["handle"]
        if handle in words:
            continue  # 网友“打趣”说: a word of the language in quotes, how it was said
        found[handle] = "person:" + slug(handle) if handle.isascii() else f"person:zh-{handle}"
    return found


__all__ = ["handles"]

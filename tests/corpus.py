"""Copies of the seed articles as distinct articles (new identity, shifted date), for tests
that need a bigger database with the same shape of data."""

from __future__ import annotations

import re
from pathlib import Path

_FORMAT_A_HEAD = re.compile(r"\A<!--(\d+)-->\n\[(.*?)\]\((.*?)\)")
_FORMAT_B_TITLE = re.compile(r"^title: '(.*)'$", re.M)
_FORMAT_B_DATE = re.compile(r"^date: (.*)$", re.M)


def copy_seed(text: str, number: int) -> str:
    """The seed as copy ``number``: another URL or title (so another identity), a day later."""
    head = _FORMAT_A_HEAD.match(text)
    if head:
        epoch, title, url = head.groups()
        shifted = int(epoch) + number * 86_400_000
        return f"<!--{shifted}-->\n[{title}（{number}）]({url}?copy={number})" + text[head.end():]
    text = _FORMAT_B_TITLE.sub(lambda m: f"title: '{m.group(1)}（{number}）'", text, count=1)
    return text


def write_copies(seeds: Path, target: Path, copies: int) -> list[Path]:
    """``copies`` copies of every seed in ``target`` (copy 0 is the seed itself)."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for seed in sorted(seeds.glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        for number in range(copies):
            path = target / f"{seed.stem}-{number:03d}.txt"
            path.write_text(text if number == 0 else copy_seed(text, number), encoding="utf-8")
            written.append(path)
    return written

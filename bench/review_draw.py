"""What both blind-review draws share (bench.names_review, bench.statements_review): the
archive's posts, leaving out every post an earlier draw used or a review names, drawn,
extracted, and the sample written as JSON lines."""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kb.extract import Extraction, extract_all
from kb.extract.rules import default_rules
from kb.parse import ParsedArticle, parse_file

_REVIEWS = Path(__file__).resolve().parent.parent / "docs" / "reviews"


def parser(description: str, articles: int) -> argparse.ArgumentParser:
    """The arguments both draws take; each adds how many items it writes."""
    arguments = argparse.ArgumentParser(description=description,
                                        formatter_class=argparse.RawDescriptionHelpFormatter)
    arguments.add_argument("folders", nargs="+", type=Path)
    arguments.add_argument("--seed", type=int, required=True)
    arguments.add_argument("--out", type=Path, required=True)
    arguments.add_argument("--articles", type=int, default=articles)
    arguments.add_argument("--exclude-draw", action="append", default=[], metavar="SEED:N[:html]")
    return arguments


def posts(folders: list[Path], html_only: bool) -> list[Path]:
    """The folders' posts (html only, or html and Markdown), sorted by path."""
    pattern = "*.html" if html_only else "*"
    return sorted(p for folder in folders for p in folder.glob(pattern) if p.is_file())


def excluded(folders: list[Path], draws: list[str]) -> set[str]:
    """File names of the posts earlier draws used (``SEED:N[:html]``) and reviews name."""
    taken = {json.loads(line)["file"] for review in _REVIEWS.glob("*.jsonl")
             for line in review.read_text().splitlines() if line.strip()}
    for draw in draws:
        seed, n, *scope = draw.split(":")
        pool = posts(folders, html_only=scope == ["html"])
        taken.update(p.name for p in random.Random(int(seed)).sample(pool, int(n)))
    return taken


def extracted(args: argparse.Namespace, html_only: bool) -> Iterator[tuple[Path, ParsedArticle, Extraction]]:
    """``--articles`` posts no earlier draw or review used, drawn with ``random.Random(seed)``,
    parsed and extracted; a post that fails is reported and left out."""
    taken = excluded(args.folders, args.exclude_draw)
    pool = [p for p in posts(args.folders, html_only=html_only) if p.name not in taken]
    parsed = []
    for path in random.Random(args.seed).sample(pool, args.articles):
        try:
            parsed.append((path, parse_file(path)))
        except Exception as exc:  # noqa: BLE001 - a bad post is reported and left out
            print(f"{path.name}: {exc}")
    results = extract_all([article for _, article in parsed], default_rules())
    for (path, article), result in zip(parsed, results, strict=True):
        if isinstance(result, Exception):
            print(f"{path.name}: {result}")
        else:
            yield path, article, result


def write(out: Path, rows: list[dict[str, Any]]) -> None:
    with out.open("w", encoding="utf-8") as file:
        for row in rows:
            file.write(json.dumps(row, ensure_ascii=False) + "\n")

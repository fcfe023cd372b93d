"""Draw discovered names for a blind review (docs/reviews/).

    python -m bench.names_review ARCHIVE_POSTS_DIR... --seed 12067 --out review.jsonl \
        --exclude-draw 7:2000:html --exclude-draw 55501:400:html

Draws ``--articles`` html posts (sorted paths of all the folders given, e.g. the ``_posts`` of
``agora0/2305`` and ``agora0/2312``) with ``random.Random(seed)``, leaving out every post an
earlier draw used (``--exclude-draw SEED:N[:html]``, the same sampling of the same folders) and
every post a review in docs/reviews names; extracts them, and writes ``--people`` and
``--organizations`` discovered names (no catalog entry; one per name and article) drawn with
``random.Random(seed + 1)``, each with its article, the surface of its first mention and the
context around it. The reviewer adds ``verdict`` (ok, wrong, unsure) and ``why``.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from kb.extract import extract_all
from kb.extract.rules import default_rules
from kb.parse import parse_file

_REVIEWS = Path(__file__).resolve().parent.parent / "docs" / "reviews"


def posts(folders: list[Path], html_only: bool) -> list[Path]:
    """The folders' posts (html only, or html and Markdown), sorted by path."""
    pattern = "*.html" if html_only else "*"
    return sorted(p for folder in folders for p in folder.glob(pattern) if p.is_file())


def excluded(folders: list[Path], draws: list[str]) -> set[str]:
    """File names of the posts earlier draws used (``SEED:N[:html]``) and reviews name."""
    taken = _reviewed()
    for draw in draws:
        seed, n, *scope = draw.split(":")
        pool = posts(folders, html_only=scope == ["html"])
        taken.update(p.name for p in random.Random(int(seed)).sample(pool, int(n)))
    return taken


def _reviewed() -> set[str]:
    names = set()
    for review in _REVIEWS.glob("*.jsonl"):
        names.update(json.loads(line)["file"] for line in review.read_text().splitlines() if line.strip())
    return names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--people", type=int, default=100)
    parser.add_argument("--organizations", type=int, default=100)
    parser.add_argument("--exclude-draw", action="append", default=[], metavar="SEED:N[:html]")
    args = parser.parse_args()

    taken = excluded(args.folders, args.exclude_draw)
    pool = [p for p in posts(args.folders, html_only=True) if p.name not in taken]
    drawn = random.Random(args.seed).sample(pool, args.articles)

    parsed = []
    for path in drawn:
        try:
            parsed.append((path, parse_file(path)))
        except Exception as exc:  # noqa: BLE001 - a bad post is reported and left out
            print(f"{path.name}: {exc}")
    results = extract_all([article for _, article in parsed], default_rules())
    found: dict[str, list[dict]] = {"person": [], "organization": []}
    for (path, article), result in zip(parsed, results, strict=True):
        if isinstance(result, Exception):
            print(f"{path.name}: {result}")
            continue
        for entity in result.entities.values():
            mentions = [m for m in result.mentions if m.key == entity.key]
            if entity.origin != "discovered" or entity.kind not in found or not mentions:
                continue
            first = mentions[0]
            text = article.text
            before, after = text[max(0, first.start - 80) : first.start], text[first.end : first.end + 80]
            context = f"{before}【{text[first.start : first.end]}】{after}".replace("\n", " ")
            found[entity.kind].append({"file": path.name, "name": entity.name, "kind": entity.kind,
                                       "surface": first.surface, "n": len(mentions), "context": context})
    pick = random.Random(args.seed + 1)
    chosen = (pick.sample(found["person"], min(args.people, len(found["person"])))
              + pick.sample(found["organization"], min(args.organizations, len(found["organization"]))))
    with args.out.open("w", encoding="utf-8") as out:
        for row in chosen:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    people, organizations = len(found["person"]), len(found["organization"])
    print(f"{len(drawn)} articles, {people} people and {organizations} organizations discovered; "
          f"{len(chosen)} written to {args.out}")


if __name__ == "__main__":
    main()

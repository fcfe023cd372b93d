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

import random
from typing import Any

from bench.review_draw import extracted, parser, write


def main() -> None:
    arguments = parser(__doc__ or "", articles=400)
    arguments.add_argument("--people", type=int, default=100)
    arguments.add_argument("--organizations", type=int, default=100)
    args = arguments.parse_args()
    found: dict[str, list[dict[str, Any]]] = {"person": [], "organization": []}
    for path, article, result in extracted(args, html_only=True):
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
    write(args.out, chosen)
    people, organizations = len(found["person"]), len(found["organization"])
    print(f"{args.articles} articles, {people} people and {organizations} organizations discovered; "
          f"{len(chosen)} written to {args.out}")


if __name__ == "__main__":
    main()

"""Draw statements for a blind review (docs/reviews/).

    python -m bench.statements_review ARCHIVE_POSTS_DIR... --seed 12068 --out review.jsonl \
        --exclude-draw 7:2000:html

Draws ``--articles`` posts (html and Markdown; sorted paths of all the folders given) with
``random.Random(seed)``, leaving out every post an earlier draw used (``--exclude-draw
SEED:N[:html]``) and every post a review in docs/reviews names; extracts them and writes
``--statements`` of their statements drawn with ``random.Random(seed + 1)``: the speaker as kb
names it (with its English name), the words that name it in the text, the verb, the content
and the paragraph around it. The reviewer adds ``verdict`` (ok, wrong) and ``why``.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from bench.names_review import excluded, posts
from kb.extract import extract_all
from kb.extract.rules import default_rules
from kb.parse import parse_file


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--statements", type=int, default=100)
    parser.add_argument("--exclude-draw", action="append", default=[], metavar="SEED:N[:html]")
    args = parser.parse_args()

    taken = excluded(args.folders, args.exclude_draw)
    pool = [p for p in posts(args.folders, html_only=False) if p.name not in taken]
    drawn = random.Random(args.seed).sample(pool, args.articles)
    parsed = []
    for path in drawn:
        try:
            parsed.append((path, parse_file(path)))
        except Exception as exc:  # noqa: BLE001 - a bad post is reported and left out
            print(f"{path.name}: {exc}")
    results = extract_all([article for _, article in parsed], default_rules())
    found = []
    for (path, article), result in zip(parsed, results, strict=True):
        if isinstance(result, Exception):
            print(f"{path.name}: {result}")
            continue
        for statement in result.statements:
            entity = result.entities.get(statement.speaker_key or "")
            speaker = entity.name if entity else "(anonymous)" if statement.anonymous else "(none)"
            if entity and entity.name_en and entity.name_en != entity.name:
                speaker += f" ({entity.name_en})"
            text = article.text
            line_start = text.rfind("\n", 0, statement.start) + 1
            line_end = text.find("\n", statement.end)
            context = text[max(line_start, statement.start - 200) : line_end if line_end >= 0 else len(text)]
            found.append({"file": path.name, "speaker": speaker, "speaker_words": statement.speaker_text,
                          "verb": statement.verb, "content": statement.text, "context": context[:600]})
    chosen = random.Random(args.seed + 1).sample(found, min(args.statements, len(found)))
    with args.out.open("w", encoding="utf-8") as out:
        for row in chosen:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(drawn)} articles, {len(found)} statements; {len(chosen)} written to {args.out}")


if __name__ == "__main__":
    main()

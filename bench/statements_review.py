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

import random

from bench.review_draw import extracted, parser, write


def main() -> None:
    arguments = parser(__doc__ or "", articles=300)
    arguments.add_argument("--statements", type=int, default=100)
    args = arguments.parse_args()
    found = []
    for path, article, result in extracted(args, html_only=False):
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
    write(args.out, chosen)
    print(f"{args.articles} articles, {len(found)} statements; {len(chosen)} written to {args.out}")


if __name__ == "__main__":
    main()

"""How dense a loaded kb database is: stored rows and text per article.

    python -m bench.density DATABASE_URL            # a database kb has loaded
    python -m bench.density FOLDER                  # load FOLDER into a temporary SQLite first
    python -m bench.density --corpus real --count 2000 [--seed 0]   # generate, load, measure

Per article, mean and median: stored statements, stored mentions, paragraphs (the lines of
the stored text after the title: paragraphs, subheadings, captions and a closing byline, as
``kb.parse`` keeps them) and Chinese characters of that body (CJK unified ideographs, the
title left out); images besides. Each figure is printed beside the real month's
(``REAL_MONTH``) with its deviation, so that ``bench.corpus --density real`` can be checked
against real news, as ``tests/test_bench_corpus.py`` does on 200 articles.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

# The real month: agora0/2312 (eight outlets, December 2023; bench/README.md says how to get
# it), all 12,626 files loaded with `kb load` into a fresh SQLite database (12,365 articles:
# the other files repeat an article's link), then `python -m bench.density sqlite:///…/kb.db`
# (commit 3b8d706, 2026-12-06). Means per article; the medians were 4 statements, 23 mentions,
# 7 paragraphs and 444 characters. Measure again when extraction changes what it stores.
REAL_MONTH = {"statements": 5.00, "mentions": 32.62, "paragraphs": 7.91, "chars": 565.1}
MEASURES = ("statements", "mentions", "paragraphs", "chars")
TOLERANCE = 0.20  # issue 19: the calibrated corpus within 20% of the real densities

_NOT_CJK = re.compile(r"[^\u4e00-\u9fff]+")


def body_of(text: str) -> list[str]:
    """The stored text's lines after the title (``kb.parse``: title, then one line per block)."""
    return [line for line in text.split("\n")[1:] if line.strip()]


def measure(url: str) -> dict[str, float]:
    """Per-article means (``statements``, ``mentions``, ``paragraphs``, ``chars``, ``images``),
    medians (``*_median``) and ``articles`` of the kb database at ``url``."""
    import sqlalchemy as sa

    from kb.db import create_sync_engine

    engine = create_sync_engine(url)
    try:
        with engine.connect() as connection:
            per: dict[str, dict[int, int]] = {}
            for table in ("statement", "mention", "image"):
                rows = connection.execute(
                    sa.text(f"SELECT article_id, count(*) FROM {table} GROUP BY article_id")
                )
                per[table] = {article: count for article, count in rows}
            values: dict[str, list[int]] = {name: [] for name in (*MEASURES, "images")}
            rows = connection.execution_options(yield_per=2000).execute(
                sa.text("SELECT id, text FROM article")
            )
            for article, text in rows:
                body = body_of(text)
                values["statements"].append(per["statement"].get(article, 0))
                values["mentions"].append(per["mention"].get(article, 0))
                values["images"].append(per["image"].get(article, 0))
                values["paragraphs"].append(len(body))
                values["chars"].append(len(_NOT_CJK.sub("", "".join(body))))
    finally:
        engine.dispose()
    result: dict[str, float] = {"articles": len(values["chars"])}
    for name, numbers in values.items():
        result[name] = statistics.fmean(numbers) if numbers else 0.0
        result[f"{name}_median"] = statistics.median(numbers) if numbers else 0.0
    return result


def deviations(measured: dict[str, float], reference: dict[str, float] = REAL_MONTH) -> dict[str, float]:
    """Relative deviation of each measure from the reference (0.1 is 10% above)."""
    return {name: measured[name] / reference[name] - 1 for name in MEASURES}


def load_into_sqlite(paths: Iterable[Path], folder: Path, workers: int | None = None) -> str:
    """Load ``paths`` into a fresh SQLite database in ``folder`` the way ``kb load`` does; its URL."""
    from kb.db import create_sync_engine, upgrade
    from kb.load import load_paths

    url = f"sqlite:///{folder / 'kb.db'}"
    upgrade(url)
    engine = create_sync_engine(url)
    try:
        load_paths(engine, list(paths), workers=workers)
    finally:
        engine.dispose()
    return url


def report(measured: dict[str, float], label: str) -> str:
    lines = [
        f"{label}: {int(measured['articles']):,} articles",
        f"{'per article':12} {'mean':>9} {'median':>8} {'real month':>11} {'deviation':>10}",
    ]
    off = deviations(measured)
    for name in MEASURES:
        lines.append(
            f"{name:12} {measured[name]:9.2f} {measured[name + '_median']:8.1f} "
            f"{REAL_MONTH[name]:11.2f} {off[name]:+10.1%}"
        )
    lines.append(f"{'images':12} {measured['images']:9.2f} {measured['images_median']:8.1f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.density", description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="?", help="a database URL, or a folder of articles to load first")
    parser.add_argument(
        "--corpus",
        choices=("real", "dense"),
        help="instead: generate --count articles of this density (bench.corpus) and load them",
    )
    parser.add_argument("--count", "-n", type=int, default=2000, help="articles for --corpus (default 2000)")
    parser.add_argument("--seed", "-s", type=int, default=0, help="corpus seed for --corpus (default 0)")
    args = parser.parse_args(argv)
    if (args.source is None) == (args.corpus is None):
        parser.error("give a database URL or folder, or --corpus real|dense")
    with tempfile.TemporaryDirectory(prefix="kb-bench-density-") as scratch:
        if args.corpus is not None:
            from bench import corpus

            folder = Path(scratch) / "corpus"
            corpus.generate(folder, args.count, seed=args.seed, density=args.corpus)
            url, label = load_into_sqlite([folder], Path(scratch)), f"bench.corpus --density {args.corpus}"
        elif "://" in args.source:
            url, label = args.source, args.source
        else:
            source = Path(args.source)
            if not source.exists():
                parser.error(f"no such folder or file: {source}")
            print(f"loading {source} into a temporary SQLite database …", file=sys.stderr, flush=True)
            url, label = load_into_sqlite([source], Path(scratch)), str(source)
        print(report(measure(url), label))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

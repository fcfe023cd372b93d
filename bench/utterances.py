"""How well kb groups the bench corpus's remarks into utterances.

    python -m bench.utterances --count 2000 [--seed 0] [--corpus-dir /tmp/kb-bench-corpus]

The corpus (bench/corpus.py) has each period's news remark carried by several articles —
quoted, paraphrased and shortened, in either script — and near-misses: the same speaker, the
same days, another remark or the same words about another country, city or number. The
generator knows which article reports which remark (``article_remarks``), so after loading
the corpus into a fresh SQLite database each reported remark's statement is found (its
article, its speaker, its words) and grouping is scored pairwise, like the gold pairs of
tests/utterances: over pairs of statements by one speaker within the grouping window of which
at least one reports a known remark, *same* when both report the same remark, *found* when
kb put them in one utterance. (Pairs of two of the corpus's other sentences are left out: the
generator repeats its sentence banks, so it cannot say whether two of those are one remark.)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import text

from bench import corpus

WINDOW = timedelta(days=3)  # kb's default KB_UTTERANCE_WINDOW_DAYS


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    pairs: int  # pairs scored
    reports: int  # statements found reporting a generated remark
    missed: int  # generated reports with no statement found (extraction, not grouping)
    carried: int  # remarks with reports in two or more outlets


def _flat(value: str) -> str:
    from kb.remark import _KEPT
    from kb.search import fold

    return "".join(_KEPT.findall(fold(value)))


def score(url: str, seed: int, density: str = corpus.DEFAULT_DENSITY) -> Scores:
    """Pairwise precision and recall of the utterances in the database at ``url``, which holds
    (some of) the articles of the corpus with ``seed`` and ``density``, written by ``corpus.generate``."""
    from kb.db import create_sync_engine

    engine = create_sync_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text(
                "SELECT s.id, a.source_path, p.key, s.text, s.utterance_id, s.published_at, s.outlet_id "
                "FROM statement AS s JOIN article AS a ON a.id = s.article_id "
                "JOIN person AS p ON p.id = s.speaker_person_id")).all()
    finally:
        engine.dispose()
    by_article: dict[int, list] = defaultdict(list)
    for row in rows:
        by_article[int(Path(row.source_path).stem)].append(row)
    label: dict[int, str] = {}
    missed = 0
    outlets: dict[str, set[int]] = defaultdict(set)
    for index, statements in by_article.items():
        for reported in corpus.article_remarks(seed, index, density):
            words = _flat(reported.text)
            found = [s for s in statements if s.key == reported.speaker and s.id not in label
                     and (_flat(s.text) in words or words in _flat(s.text))]
            if not found:
                missed += 1
                continue
            for statement in found:  # (a sentence the extractor reads as several statements)
                label[statement.id] = reported.remark
            outlets[reported.remark].add(found[0].outlet_id)
    speakers = {row.key for row in rows if row.id in label}
    by_speaker: dict[str, list] = defaultdict(list)
    for row in rows:
        if row.key in speakers:
            by_speaker[row.key].append(row)
    tp = fp = fn = pairs = 0
    for statements in by_speaker.values():
        for position, a in enumerate(statements):
            for b in statements[position + 1:]:
                if a.id not in label and b.id not in label:
                    continue
                if abs(_moment(a.published_at) - _moment(b.published_at)) > WINDOW:
                    continue
                pairs += 1
                same = label.get(a.id, "a") == label.get(b.id, "b")
                found = a.utterance_id == b.utterance_id
                tp += same and found
                fp += found and not same
                fn += same and not found
    return Scores(tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0, pairs,
                  len(label), missed, sum(len(o) > 1 for o in outlets.values()))


def _moment(value: object) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return datetime.fromisoformat(str(value)).replace(tzinfo=UTC)


def measure(folder: Path, seed: int, density: str = corpus.DEFAULT_DENSITY) -> Scores:
    """Load the corpus in ``folder`` into a fresh SQLite database and score its utterances."""
    from kb.db import create_sync_engine, upgrade
    from kb.load import load_paths

    with tempfile.TemporaryDirectory(prefix="kb-bench-utterances-") as scratch:
        url = f"sqlite:///{Path(scratch) / 'kb.db'}"
        upgrade(url)
        engine = create_sync_engine(url)
        try:
            load_paths(engine, [folder])
        finally:
            engine.dispose()
        return score(url, seed, density)


def main(argv: list[str] | None = None) -> int:
    from bench.load import ensure_corpus

    parser = argparse.ArgumentParser(prog="python -m bench.utterances", description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", "-n", type=int, default=2000, help="corpus size (default 2000)")
    parser.add_argument("--seed", "-s", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--corpus-dir", type=Path, default=Path(tempfile.gettempdir()) / "kb-bench-corpus")
    parser.add_argument("--jobs", type=int, default=2, help="processes for corpus generation")
    parser.add_argument("--density", choices=corpus.DENSITIES, default=corpus.DEFAULT_DENSITY,
                        help="corpus density (bench.corpus; default %(default)s)")
    args = parser.parse_args(argv)
    folder, _ = ensure_corpus(args.corpus_dir, args.count, args.seed, args.jobs, args.density)
    scores = measure(folder, args.seed, args.density)
    print(f"{args.count} {args.density} articles (seed {args.seed}): {scores.reports} reports of "
          f"generated remarks found ({scores.missed} not extracted), {scores.carried} remarks carried by "
          f"two or more outlets; "
          f"{scores.pairs} pairs: precision {scores.precision:.3f}, recall {scores.recall:.3f}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

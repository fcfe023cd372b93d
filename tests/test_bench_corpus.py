"""The benchmark corpus generator (bench/corpus.py): deterministic, parseable, realistic enough;
its real density within 20% of a real month's (bench/density.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.corpus import (
    MARKER_NAME,
    MAX_CHARS,
    MAX_PARAGRAPHS,
    MIN_CHARS,
    MIN_PARAGRAPHS,
    REAL_MAX_CHARS,
    REAL_MAX_PARAGRAPHS,
    article_path,
    article_text,
    cjk_count,
    generate,
    marker,
    read_marker,
)
from kb.catalog import default_catalog
from kb.extract import extract
from kb.parse import decode, parse_text

COUNT = 30


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The dense (stress) profile, whose length limits are the module's constants."""
    out = tmp_path_factory.mktemp("corpus")
    assert generate(out, COUNT, seed=3, density="dense") == COUNT
    return out


@pytest.fixture(scope="module")
def parsed(small_corpus: Path) -> list:
    files = sorted(p for p in small_corpus.rglob("*.txt"))
    return [parse_text(decode(path.read_bytes(), path), path) for path in files]


def test_same_seed_gives_identical_text() -> None:
    for index in (0, 1, 17, 999):
        assert article_text(5, index) == article_text(5, index)
        assert article_text(5, index, "dense") == article_text(5, index, "dense")


def test_different_seeds_or_indices_give_different_text() -> None:
    assert article_text(1, 0) != article_text(2, 0)
    assert article_text(1, 0) != article_text(1, 1)
    assert article_text(1, 0, "real") != article_text(1, 0, "dense")


def test_the_two_densities_write_different_articles_each_the_same_every_time() -> None:
    # (Not pinned to a digest: the text is built from kb/data, whose catalogs grow.)
    dense = [article_text(0, index, "dense") for index in range(20)]
    assert dense == [article_text(0, index, "dense") for index in range(20)]
    assert all(a != article_text(0, index, "real") for index, a in enumerate(dense))


def test_the_marker_records_the_density(tmp_path: Path) -> None:
    assert marker(10, 3) == marker(10, 3, "real") != marker(10, 3, "dense")
    generate(tmp_path, 3, seed=3, density="dense")
    assert read_marker(tmp_path) == marker(3, 3, "dense")
    assert [p.read_text("utf-8") for p in sorted(tmp_path.rglob("*.txt"))] == [
        article_text(3, i, "dense") for i in range(3)
    ]
    with pytest.raises(ValueError):
        generate(tmp_path, 3, density="sparse")


def test_an_article_depends_only_on_seed_and_index(small_corpus: Path, tmp_path: Path) -> None:
    # A smaller corpus with the same seed holds the same articles, byte for byte.
    generate(tmp_path, 10, seed=3, density="dense")
    for index in range(10):
        smaller = article_path(tmp_path, index, 10).read_bytes()
        assert smaller == article_path(small_corpus, index, COUNT).read_bytes()
        assert smaller == article_text(3, index, "dense").encode("utf-8")


def test_files_are_sharded_with_a_marker(small_corpus: Path) -> None:
    files = sorted(small_corpus.rglob("*.txt"))
    assert len(files) == COUNT
    assert {p.parent.name for p in files} == {"000"}
    assert files[0].name == "000000.txt"
    assert article_path("out", 1234, 5000) == Path("out/001/001234.txt")
    assert article_path("out", 5, 2_000_000) == Path("out/0000/0000005.txt")
    assert read_marker(small_corpus) == marker(COUNT, 3, "dense")
    assert (small_corpus / MARKER_NAME).name.startswith(".")  # hidden: kb load skips it


def test_regenerating_replaces_the_previous_corpus(tmp_path: Path) -> None:
    generate(tmp_path, 12, seed=1)
    generate(tmp_path, 4, seed=2)
    files = sorted(tmp_path.rglob("*.txt"))
    assert [p.read_text("utf-8") for p in files] == [article_text(2, i) for i in range(4)]
    assert read_marker(tmp_path) == marker(4, 2)


def test_every_file_parses_in_both_formats_with_unique_identities(parsed: list) -> None:
    formats = [article.source_format for article in parsed]
    assert set(formats) == {"A", "B"}
    assert len({article.identity for article in parsed}) == COUNT
    assert len({article.url for article in parsed if article.url}) == formats.count("A")
    for article in parsed:
        paragraphs = [b for b in article.blocks if b.kind == "paragraph"]
        assert MIN_PARAGRAPHS <= len(paragraphs) <= MAX_PARAGRAPHS
        assert MIN_CHARS <= cjk_count(article.text) <= MAX_CHARS
        assert "2021-06-01" <= article.published_at.date().isoformat() <= "2023-06-30"


def test_both_scripts_images_and_outlets_occur(parsed: list) -> None:
    text = "\n".join(article.text for article in parsed)
    assert "北约" in text or "美国" in text
    assert "國" in text or "說" in text  # traditional script
    assert sum(len(article.images) for article in parsed) > COUNT / 2
    assert any(image.caption for article in parsed for image in article.images)
    assert len({article.outlet_domain or article.outlet_names for article in parsed}) > 10


def test_extraction_finds_people_and_statements(parsed: list) -> None:
    catalog = default_catalog()
    people = statements = anonymous = 0
    for article in parsed:
        result = extract(article, catalog)
        article_people = sum(e.kind == "person" for e in result.entities.values())
        assert article_people >= 1 and result.statements, article.source_path
        people += article_people
        statements += len(result.statements)
        anonymous += sum(s.anonymous for s in result.statements)
    assert people / COUNT >= 3
    assert statements / COUNT >= 5
    assert anonymous > 0


# --- real density ----------------------------------------------------------------------------

REAL_COUNT = 200


@pytest.fixture(scope="module")
def real_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("real")
    assert generate(out, REAL_COUNT, seed=0) == REAL_COUNT  # real is the default
    return out


def test_real_density_articles_parse_in_both_formats(real_corpus: Path) -> None:
    files = sorted(real_corpus.rglob("*.txt"))
    parsed = [parse_text(decode(path.read_bytes(), path), path) for path in files]
    assert {article.source_format for article in parsed} == {"A", "B"}
    assert len({article.identity for article in parsed}) == REAL_COUNT
    paragraphs = [sum(b.kind == "paragraph" for b in article.blocks) for article in parsed]
    assert 1 in paragraphs and max(paragraphs) > 12  # briefs and long articles, as in real news
    assert max(paragraphs) <= REAL_MAX_PARAGRAPHS + 1  # (a closing note may add one)
    assert all(cjk_count(article.text) <= REAL_MAX_CHARS + 400 for article in parsed)


def test_real_density_is_within_20_percent_of_the_real_month(real_corpus: Path, tmp_path: Path) -> None:
    from bench.density import MEASURES, REAL_MONTH, TOLERANCE, deviations, load_into_sqlite, measure

    measured = measure(load_into_sqlite([real_corpus], tmp_path, workers=1))
    assert measured["articles"] == REAL_COUNT
    off = deviations(measured)
    assert all(abs(off[name]) <= TOLERANCE for name in MEASURES), (measured, REAL_MONTH)


# --- remarks carried by several outlets (utterances) ------------------------------------------


@pytest.fixture(scope="module")
def busy_periods() -> list[int]:
    """The indices (seed 3, first 2,000) of the six periods with the most articles: where one
    remark is carried by several of them."""
    from collections import defaultdict

    from bench.corpus import period_of, published_at

    periods: dict[int, list[int]] = defaultdict(list)
    for index in range(2000):
        periods[period_of(published_at(3, index))].append(index)
    busiest = sorted(periods.values(), key=lambda indices: (-len(indices), indices[0]))[:6]
    return sorted(index for indices in busiest for index in indices)


def test_a_period_s_remarks_are_a_pure_function_of_seed_and_period() -> None:
    from bench.corpus import remarks_of

    assert remarks_of(3, 40) == remarks_of(3, 40) != remarks_of(4, 40)
    news, other, *same_words = remarks_of(3, 40)
    assert news.speaker == other.speaker and news.forms != other.forms  # a near-miss: another remark
    for again in same_words:  # the same words about another country, city or number
        assert again.speaker == news.speaker and again.forms != news.forms


def test_remarks_are_carried_by_several_outlets_in_both_scripts_quoted_and_paraphrased(busy_periods) -> None:
    from collections import defaultdict

    from bench.corpus import article_remarks

    reports = [r for index in busy_periods for r in article_remarks(3, index)]
    outlets: dict[str, set[str]] = defaultdict(set)
    for report in reports:
        outlets[report.remark].add(report.outlet)
    assert sum(len(o) >= 2 for key, o in outlets.items() if key.endswith(":0")) >= 3  # the news, widely carried
    assert any(not key.endswith(":0") for key in outlets)  # and near-misses by the same speaker
    assert {r.form for r in reports} == {"quote", "paraphrase", "short"}
    assert {r.traditional for r in reports} == {True, False}
    # an article's text holds each of its reports (in its paragraph's script)
    from bench.corpus import _t2s

    index = next(i for i in busy_periods if article_remarks(3, i))
    flat = _t2s().convert(article_text(3, index))
    assert all(r.text in flat for r in article_remarks(3, index))


def test_grouping_finds_the_bench_corpus_s_remarks(busy_periods, tmp_path: Path) -> None:
    from bench.utterances import score
    from kb.db import create_sync_engine, upgrade
    from kb.load import load_paths

    # The dense profile, the one these targets were set on.
    for index in busy_periods:
        (tmp_path / f"{index:06d}.txt").write_text(article_text(3, index, "dense"), encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    upgrade(url)
    engine = create_sync_engine(url)
    try:
        load_paths(engine, [tmp_path], workers=1)
    finally:
        engine.dispose()
    scores = score(url, 3, "dense")
    assert scores.reports >= 20 and scores.carried >= 3
    assert scores.missed <= scores.reports // 10  # extraction finds nearly every report
    assert scores.precision >= 0.95 and scores.recall >= 0.85  # the targets

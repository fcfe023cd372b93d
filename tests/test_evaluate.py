"""Extraction quality on the seed gold: the floors of the extraction issue."""

from pathlib import Path

from kb.evaluate import evaluate, format_table

ROOT = Path(__file__).resolve().parent.parent
FLOORS = {"people": 0.95, "organizations": 0.90, "statements": 0.90}


def test_seed_gold_floors():
    report = evaluate(ROOT / "tests" / "gold", ROOT / "seeds")
    assert report.load_failures == []
    table = format_table(report)
    for category, floor in FLOORS.items():
        assert report.total(category).f1 >= floor, table
    assert report.anonymous_named == 0, table


def test_scoring_counts_misses_and_false_hits(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    seed = "001_9be3b2f621e543aa"
    data = (ROOT / "tests" / "gold" / f"{seed}.json").read_text("utf-8")
    # A gold person the text never names must be a miss; the real one stays a hit.
    data = data.replace("Wendy Sherman", "Nobody Atall").replace('"谢尔曼"', '"无名氏"')
    (gold / f"{seed}.json").write_text(data, "utf-8")
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / f"{seed}.txt").write_bytes((ROOT / "seeds" / f"{seed}.txt").read_bytes())
    report = evaluate(gold, articles)
    people = report.total("people")
    assert people.fn == 1 and people.fp == 1
    assert any("Nobody Atall" in m for m in report.files[0].misses)


def test_traditional_script_scores_like_simplified(tmp_path):
    """The same articles in Taiwan traditional script must be understood as well."""
    import opencc

    converter = opencc.OpenCC("s2tw")
    for seed in (ROOT / "seeds").iterdir():
        (tmp_path / seed.name).write_text(converter.convert(seed.read_text("utf-8")), "utf-8")
    simplified = evaluate(ROOT / "tests" / "gold", ROOT / "seeds")
    traditional = evaluate(ROOT / "tests" / "gold", tmp_path)
    for category in ("people", "organizations", "statements"):
        assert traditional.total(category).f1 == simplified.total(category).f1, category
    assert traditional.anonymous_named == 0

"""Extraction quality on the seed gold, the development set (tests/dev, a copy of
../shared/dev) and the fresh held-out sets (tests/fresh … tests/fresh12): floors that
keep what the extraction issue has reached."""

from pathlib import Path

import pytest

from kb.evaluate import evaluate, file_areas, format_table

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "dev"
FLOORS = {"people": 0.95, "organizations": 0.90, "statements": 0.90}
# What the development set scores today, less a little; raise them as extraction improves
# (the targets: people 0.93, organizations 0.88, statements 0.88).
DEV_FLOORS = {"people": 0.975, "organizations": 0.935, "places": 0.84, "statements": 0.94}
DEV_AREA_FLOORS = {"people": 0.95, "organizations": 0.91, "statements": 0.92}
# The aim: no topic area more than this below the best one.
AREA_SPREAD = 0.05
# Where the aim is not met today, the spread measured: the economy area's organizations stay at
# F1 0.919 (recall 1.0; its three false hits are 中国政府 and 美国政府 written in the articles,
# which that area's gold alone does not list — the other areas' gold lists such governments),
# while the best area's rose to 0.980 (East Asia, once Hong Kong's Education Bureau was known
# by its English name), then to 0.987 (Japan and others, once the catalog knew Japan's
# ministries and agencies as Kyodo writes them). The spread may not grow beyond that.
AREA_SPREAD_NOW = {"organizations": 0.07}
DEV_ANONYMOUS_NAMED = 0
FRESH = ROOT / "tests" / "fresh"
# Real archive articles no rule was first written from (tests/fresh/README.md): what they
# score today, less a little — far below dev, which is what remains to do.
FRESH_FLOORS = {"people": 0.93, "organizations": 0.89, "places": 0.85, "statements": 0.90}
FRESH2 = ROOT / "tests" / "fresh2"
# A second set drawn once the first was no longer unseen (tests/fresh2/README.md).
FRESH2_FLOORS = {"people": 0.94, "organizations": 0.86, "places": 0.87, "statements": 0.90}
FRESH3 = ROOT / "tests" / "fresh3"
# A third, first measured unseen (tests/fresh3/README.md: statements F1 0.778 then).
FRESH3_FLOORS = {"people": 0.96, "organizations": 0.80, "places": 0.86, "statements": 0.83}
FRESH4 = ROOT / "tests" / "fresh4"
# A fourth, with the archive's Markdown posts (tests/fresh4/README.md: statements F1 0.753 then).
FRESH4_FLOORS = {"people": 0.95, "organizations": 0.86, "places": 0.87, "statements": 0.85}
FRESH5 = ROOT / "tests" / "fresh5"
# A fifth (tests/fresh5/README.md: statements F1 0.858 then, people 0.960, organizations 0.862).
FRESH5_FLOORS = {"people": 0.96, "organizations": 0.86, "places": 0.89, "statements": 0.92}
FRESH6 = ROOT / "tests" / "fresh6"
# A sixth (tests/fresh6/README.md: statements F1 0.842 then, people 0.951, organizations 0.834).
FRESH6_FLOORS = {"people": 0.96, "organizations": 0.83, "places": 0.86, "statements": 0.90}
FRESH7 = ROOT / "tests" / "fresh7"
# A seventh (tests/fresh7/README.md: statements F1 0.754 then, people 0.894, organizations 0.832).
FRESH7_FLOORS = {"people": 0.88, "organizations": 0.82, "places": 0.87, "statements": 0.78}
FRESH8 = ROOT / "tests" / "fresh8"
# An eighth (tests/fresh8/README.md: statements F1 0.766 then, people 0.934, organizations 0.821).
FRESH8_FLOORS = {"people": 0.92, "organizations": 0.81, "places": 0.89, "statements": 0.76}
FRESH9 = ROOT / "tests" / "fresh9"
# A ninth (tests/fresh9/README.md: statements F1 0.843 then, people 0.955, organizations 0.883).
FRESH9_FLOORS = {"people": 0.95, "organizations": 0.88, "places": 0.86, "statements": 0.92}
FRESH10 = ROOT / "tests" / "fresh10"
# A tenth (tests/fresh10/README.md: statements F1 0.824 then, people 0.894, organizations 0.853).
FRESH10_FLOORS = {"people": 0.89, "organizations": 0.85, "places": 0.89, "statements": 0.88}
FRESH11 = ROOT / "tests" / "fresh11"
# An eleventh (tests/fresh11/README.md: statements F1 0.861 then, people 0.889, organizations 0.834).
FRESH11_FLOORS = {"people": 0.88, "organizations": 0.83, "places": 0.85, "statements": 0.85}
FRESH12 = ROOT / "tests" / "fresh12"
# A twelfth (tests/fresh12/README.md: statements F1 0.787 then, people 0.973, organizations 0.900).
FRESH12_FLOORS = {"people": 0.96, "organizations": 0.89, "places": 0.91, "statements": 0.78}
FRESH13 = ROOT / "tests" / "fresh13"
# Other outlets and years (agora0/2009 and 2511), measured unseen at 0.771, 0.718 and 0.720 (READMEs)
FRESH13_FLOORS = {"people": 0.90, "organizations": 0.85, "places": 0.77, "statements": 0.89}
FRESH14 = ROOT / "tests" / "fresh14"
FRESH14_FLOORS = {"people": 0.85, "organizations": 0.76, "places": 0.69, "statements": 0.80}
FRESH15 = ROOT / "tests" / "fresh15"
FRESH15_FLOORS = {"people": 0.88, "organizations": 0.79, "places": 0.68, "statements": 0.72}
FRESH16 = ROOT / "tests" / "fresh16"
# A third year (agora0/2403), measured unseen at 0.881 (the last landing) and 0.894 (tests/fresh16/README.md)
FRESH16_FLOORS = {"people": 0.92, "organizations": 0.87, "places": 0.84, "statements": 0.88}
FRESH17 = ROOT / "tests" / "fresh17"
# (first measured unseen at 0.780 statements F1; the floors below are after the rules read off it)
FRESH17_FLOORS = {"people": 0.94, "organizations": 0.85, "places": 0.86, "statements": 0.90}
FRESH18 = ROOT / "tests" / "fresh18"
# (first measured unseen at 0.773 statements F1; the floors below are after the rules read off it)
FRESH18_FLOORS = {"people": 0.87, "organizations": 0.84, "places": 0.87, "statements": 0.82}
FRESH19 = ROOT / "tests" / "fresh19"
# (first measured unseen at 0.774 statements F1, after the tenth session's rules)
FRESH19_FLOORS = {"people": 0.92, "organizations": 0.86, "places": 0.84, "statements": 0.76}
FRESH20 = ROOT / "tests" / "fresh20"
# (first measured unseen at 0.881 statements F1; the floors below are after the rules read off it)
FRESH20_FLOORS = {"people": 0.91, "organizations": 0.86, "places": 0.81, "statements": 0.90}
FRESH21 = ROOT / "tests" / "fresh21"
# (measured unseen at 0.759 statements F1 at the last landing and after the eleventh session's rules;
# the floors below are after the rules the twelfth session read off it)
FRESH21_FLOORS = {"people": 0.97, "organizations": 0.87, "places": 0.77, "statements": 0.85}
FRESH22 = ROOT / "tests" / "fresh22"
# (measured unseen at 0.830 statements F1 at the last landing and 0.872 after the twelfth session's rules;
# the floors below are after the rules the thirteenth session read off it)
FRESH22_FLOORS = {"people": 0.96, "organizations": 0.89, "places": 0.86, "statements": 0.93}
FRESH23 = ROOT / "tests" / "fresh23"
# (measured unseen at 0.796 statements F1 at the last landing and 0.809 after the thirteenth session's rules;
# the floors below are after the rules the fourteenth session read off it)
FRESH23_FLOORS = {"people": 0.93, "organizations": 0.80, "places": 0.84, "statements": 0.88}
FRESH24 = ROOT / "tests" / "fresh24"
# (measured unseen at 0.796 statements F1 at the last landing and 0.800 after the fourteenth session's rules)
FRESH24_FLOORS = {"people": 0.95, "organizations": 0.84, "places": 0.83, "statements": 0.77}
FRESH_SETS = (FRESH, FRESH2, FRESH3, FRESH4, FRESH5, FRESH6, FRESH7, FRESH8, FRESH9, FRESH10, FRESH11, FRESH12,
              FRESH13, FRESH14, FRESH15, FRESH16, FRESH17, FRESH18, FRESH19, FRESH20, FRESH21, FRESH22, FRESH23,
              FRESH24)


@pytest.fixture(scope="module")
def report():
    """Both gold folders in one evaluation, each with its own articles."""
    folders = [ROOT / "tests" / "gold", DEV / "gold", *(f / "gold" for f in FRESH_SETS)]
    articles = [ROOT / "seeds", DEV / "articles", *(f / "articles" for f in FRESH_SETS)]
    return evaluate(folders, articles)


def test_seed_gold_floors(report):
    seeds = report.groups("gold_set")[str(ROOT / "tests" / "gold")]
    table = format_table(report)
    for category, floor in FLOORS.items():
        assert report.total(category, seeds).f1 >= floor, table
    assert sum(len(r.anonymous_named) for r in seeds) == 0, table


def test_development_set_floors(report):
    assert report.load_failures == []
    dev = report.groups("gold_set")[str(DEV / "gold")]
    assert len(dev) == 40
    table = format_table(report)
    for category, floor in DEV_FLOORS.items():
        assert report.total(category, dev).f1 >= floor, table
    assert sum(len(r.anonymous_named) for r in dev) <= DEV_ANONYMOUS_NAMED, table


@pytest.mark.parametrize(("folder", "floors", "files"),
                         [(FRESH, FRESH_FLOORS, 24), (FRESH2, FRESH2_FLOORS, 24), (FRESH3, FRESH3_FLOORS, 24),
                          (FRESH4, FRESH4_FLOORS, 16), (FRESH5, FRESH5_FLOORS, 16),
                          (FRESH6, FRESH6_FLOORS, 16), (FRESH7, FRESH7_FLOORS, 16),
                          (FRESH8, FRESH8_FLOORS, 16), (FRESH9, FRESH9_FLOORS, 16),
                          (FRESH10, FRESH10_FLOORS, 16), (FRESH11, FRESH11_FLOORS, 16),
                          (FRESH12, FRESH12_FLOORS, 16), (FRESH13, FRESH13_FLOORS, 16),
                          (FRESH14, FRESH14_FLOORS, 16), (FRESH15, FRESH15_FLOORS, 16),
                          (FRESH16, FRESH16_FLOORS, 16), (FRESH17, FRESH17_FLOORS, 16),
                          (FRESH18, FRESH18_FLOORS, 16), (FRESH19, FRESH19_FLOORS, 16),
                          (FRESH20, FRESH20_FLOORS, 16), (FRESH21, FRESH21_FLOORS, 16),
                          (FRESH22, FRESH22_FLOORS, 16), (FRESH23, FRESH23_FLOORS, 20),
                          (FRESH24, FRESH24_FLOORS, 20)])
def test_fresh_set_floors(report, folder, floors, files):
    fresh = report.groups("gold_set")[str(folder / "gold")]
    assert len(fresh) == files
    table = format_table(report)
    for category, floor in floors.items():
        assert report.total(category, fresh).f1 >= floor, table


def test_every_topic_area_is_scored_and_none_collapses(report):
    areas = report.groups("area")
    dev_areas = set(file_areas(DEV / "gold").values())
    assert len(dev_areas) == 7 and dev_areas <= set(areas)
    table = format_table(report)
    assert "topic area" in table and all(area[:20] in table for area in dev_areas)
    for area in dev_areas:
        for category, floor in DEV_AREA_FLOORS.items():
            assert report.total(category, areas[area]).f1 >= floor, (area, category, table)
    for category in DEV_AREA_FLOORS:
        scores = {area: report.total(category, areas[area]).f1 for area in dev_areas}
        assert max(scores.values()) - min(scores.values()) <= AREA_SPREAD_NOW.get(category, AREA_SPREAD), (
            category, scores)


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

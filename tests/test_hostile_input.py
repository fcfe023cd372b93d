"""Hostile files: each is refused with a reason naming the problem, or parsed correctly; the
good files beside them still load, and nothing of the bad ones is stored."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kb.load import load_paths
from kb.parse import ParseError, parse_file
from tests import hostile
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, hostile.Case]]:
    folder = tmp_path_factory.mktemp("hostile")
    return folder, hostile.write(folder)


@pytest.mark.parametrize("case", hostile.CASES, ids=lambda c: c.name)
def test_each_hostile_file_is_refused_with_its_reason_or_parsed(corpus, case: hostile.Case):
    folder, _ = corpus
    outcome, fragment = case.expect
    if outcome == "error":
        with pytest.raises(ParseError) as raised:
            parse_file(folder / case.name)
        assert fragment in raised.value.reason
        assert case.name in str(raised.value)  # the message names the file
    else:
        article = parse_file(folder / case.name)
        assert fragment in article.text
        assert "alert" not in article.text and "cookie" not in article.text and "color: red" not in article.text


def test_a_folder_of_hostile_files_loads_the_good_ones(engine, corpus, tmp_path):
    folder, cases = corpus
    mixed = tmp_path / "mixed"
    shutil.copytree(folder, mixed, symlinks=True)
    for seed in SEEDS.iterdir():
        shutil.copy(seed, mixed / seed.name)
    (mixed / "loop").symlink_to(mixed, target_is_directory=True)  # a folder that contains itself
    report = load_paths(engine, [mixed], workers=1)
    failed = {Path(path).name for path, _ in report.failures}
    refused = {name for name, case in cases.items() if case.expect[0] == "error"}
    # The symlink loop's partner file (.other) fails the same way.
    assert failed == refused | {"symlink-loop.txt.other"}
    parsed = [name for name, case in cases.items() if case.expect[0] == "ok"]
    assert report.added == len(parsed) + 5
    for path, reason in report.failures:
        assert reason and Path(path).name in failed

"""``bench.load --archive``: a real archive folder loaded once into a fresh database, its rows
counted and its costs recorded (the timings themselves are the benchmark's, never asserted)."""

import json
from pathlib import Path

from bench import load

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_an_archive_folder_is_loaded_whole_and_recorded(tmp_path, monkeypatch):
    monkeypatch.setattr(load, "RESULTS_DIR", tmp_path)
    monkeypatch.setattr(load, "ROOT", tmp_path)
    assert load.main(["--archive", str(SEEDS), "--databases", "sqlite"]) == 0
    document = json.loads((tmp_path / "load-sqlite-archive.json").read_text("utf-8"))
    (run,) = document["runs"]
    assert run["size"] == len(list(SEEDS.iterdir()))
    assert run["rows"]["article"] == run["size"] and run["rows"]["statement"] > 0
    assert run["failed_files"] == 0 and run["archive"] == str(SEEDS)
    assert run["cpu_seconds"] > 0 and run["cpu_ms_per_article"] > 0
    # where the time went, from kb load's own summary
    assert run["writing_seconds"] is not None and run["waiting_seconds"] is not None

from pathlib import Path

import pytest
from sqlalchemy import text

from kb.load import load_paths
from tests.checks import activity, counts

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_load_twice_is_idempotent(engine):
    first = load_paths(engine, [SEEDS])
    assert (first.added, first.failed) == (5, 0)
    before = counts(engine)
    second = load_paths(engine, [SEEDS])
    assert (second.added, second.updated, second.unchanged) == (0, 0, 5)
    assert counts(engine) == before
    assert before["article"] == 5 and before["outlet"] == 5 and before["statement"] > 50
    activity(engine)


def test_changed_file_replaces_its_rows(engine, tmp_path):
    source = (SEEDS / "001_9be3b2f621e543aa.txt").read_text("utf-8")
    path = tmp_path / "voa.txt"
    path.write_text(source, "utf-8")
    load_paths(engine, [path])
    before = counts(engine)
    path.write_text(source.replace("</p><p><em>（本文部分内容", "</p><p>拉夫罗夫表示，俄方不会让步。</p><p><em>（本文部分内容"), "utf-8")
    report = load_paths(engine, [path])
    assert report.updated == 1
    after = counts(engine)
    assert after["article"] == before["article"] == 1
    assert after["statement"] == before["statement"] + 1
    assert activity(engine)["sergey-lavrov"][0] >= 1


def test_bad_files_fail_alone(engine, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a_empty.txt").write_bytes(b"")
    (folder / "b_binary.bin").write_bytes(b"\x00\x01\x02\x03")
    (folder / "c_unknown.txt").write_text("随便一段文字", "utf-8")
    (folder / "d_front.txt").write_text("---\ntitle: [oops\n---\n<p>x</p>", "utf-8")
    for seed in SEEDS.iterdir():
        (folder / seed.name).write_bytes(seed.read_bytes())
    report = load_paths(engine, [folder])
    assert report.added == 5
    failed = {Path(path).name: reason for path, reason in report.failures}
    assert set(failed) == {"a_empty.txt", "b_binary.bin", "c_unknown.txt", "d_front.txt"}
    assert "empty" in failed["a_empty.txt"] and "binary" in failed["b_binary.bin"]
    assert counts(engine)["article"] == 5


def test_what_is_not_a_regular_file_fails_alone(engine, tmp_path):
    """A named pipe in a folder (which would wait forever for a writer), a device that never
    ends and a folder given as a file are refused by name; the good files beside them load."""
    import os

    folder = tmp_path / "odd"
    folder.mkdir()
    os.mkfifo(folder / "a_pipe.txt")
    for seed in SEEDS.iterdir():
        (folder / seed.name).write_bytes(seed.read_bytes())
    report = load_paths(engine, [folder, "/dev/zero"])
    assert report.added == 5
    failed = {Path(path).name: reason for path, reason in report.failures}
    assert failed == {"a_pipe.txt": "not a regular file (a named pipe)", "zero": "not a regular file (a device)"}


def test_reading_stops_past_the_size_limit(tmp_path):
    from kb.decode import DecodeError, read_bytes

    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 101)
    assert read_bytes(path, limit=101) == b"x" * 101
    with pytest.raises(DecodeError, match="too large"):
        read_bytes(path, limit=100)


def test_parallel_load_stores_what_a_sequential_load_stores(empty_db, tmp_path):
    from kb.db import create_sync_engine
    from kb.load import PARALLEL_THRESHOLD
    from tests.corpus import write_copies

    folder = write_copies(SEEDS, tmp_path / "copies", PARALLEL_THRESHOLD // 5 + 2)[0].parent
    files = len(list(folder.iterdir()))
    assert files >= PARALLEL_THRESHOLD
    sequential_url = f"sqlite:///{tmp_path / 'sequential.db'}"
    from kb.db import upgrade

    upgrade(sequential_url)
    results = []
    for url, workers in ((sequential_url, 1), (empty_db, 2)):
        engine = create_sync_engine(url)
        report = load_paths(engine, [folder], workers=workers, batch_size=16)
        assert (report.added, report.failed) == (files, 0)
        results.append(counts(engine))
        again = load_paths(engine, [folder], workers=workers)  # workers skip current articles
        assert (again.added, again.unchanged) == (0, files)
        activity(engine)
        engine.dispose()
    assert results[0] == results[1]


def test_a_failing_article_does_not_undo_its_batch(engine, monkeypatch):
    """The batch fails as a whole; its articles are then stored one by one, and only the bad
    one fails, with nothing of it left behind."""
    from sqlalchemy.exc import OperationalError

    from kb.store import Store

    original = Store._plan

    def flaky(self, rows, *args, **kwargs):
        if "voachinese" in (rows.article[0] or ""):
            self.connection.execute(text("INSERT INTO outlet (key, name, name_en, origin) VALUES ('x', 'x', 'x', 'x')"))
            raise OperationalError("INSERT", {}, Exception("disk I/O error"))
        return original(self, rows, *args, **kwargs)

    monkeypatch.setattr(Store, "_plan", flaky)
    report = load_paths(engine, [SEEDS], batch_size=100)
    assert report.added == 4 and report.failed == 1
    [(path, reason)] = report.failures
    assert path.endswith("001_9be3b2f621e543aa.txt") and "disk I/O error" in reason
    stored = counts(engine)
    assert stored["article"] == 4 and stored["outlet"] == 4  # the failed article's rows rolled back
    activity(engine)
    monkeypatch.setattr(Store, "_plan", original)
    retry = load_paths(engine, [SEEDS])
    assert (retry.added, retry.unchanged) == (1, 4)


def test_a_batch_that_meets_another_loader_is_written_again_whole(engine, monkeypatch):
    """A deadlock (or a key another loader created meanwhile) aborts the batch's transaction:
    it is written again as a batch, not one article at a time, and nothing is lost."""
    from kb.store import Store

    class Deadlock(Exception):
        sqlstate = "40P01"

    original = Store._insert_articles
    calls = []

    def once(self, tables):
        calls.append(len(tables.articles))
        if len(calls) == 1:
            original(self, tables)  # (rolled back with the rest)
            raise Deadlock("deadlock detected")
        return original(self, tables)

    monkeypatch.setattr(Store, "_insert_articles", once)
    report = load_paths(engine, [SEEDS], batch_size=100)
    assert (report.added, report.failed) == (5, 0)
    assert calls == [5, 5]  # the whole batch twice, not five batches of one
    assert counts(engine)["article"] == 5
    activity(engine)


def test_a_bug_in_storing_fails_the_file_not_the_load(engine, monkeypatch):
    from kb.store import Store

    original = Store._plan

    def buggy(self, rows, *args, **kwargs):
        if "rfi.fr" in (rows.article[0] or ""):
            raise KeyError("person:nobody")
        return original(self, rows, *args, **kwargs)

    monkeypatch.setattr(Store, "_plan", buggy)
    report = load_paths(engine, [SEEDS])
    assert report.added == 4
    [(path, reason)] = report.failures
    assert path.endswith("000_f491beeb535afc5b.txt") and reason.startswith("store error: KeyError")
    assert counts(engine)["article"] == 4


def test_a_bug_in_extraction_fails_the_file_not_its_neighbours(engine, monkeypatch):
    """Files are extracted together (the tagger reads them in shared batches): one article's
    failure is its own, before or after the tagger."""
    import kb.extract as extraction

    original_begin, original_finish = extraction._begin, extraction._finish

    def begin(article, rules):
        if "rfi.fr" in (article.url or ""):
            raise ValueError("bad begin")
        return original_begin(article, rules)

    def finish(begun, words, rules):
        if "voachinese" in (begun.article.url or ""):
            raise KeyError("bad finish")
        return original_finish(begun, words, rules)

    monkeypatch.setattr(extraction, "_begin", begin)
    monkeypatch.setattr(extraction, "_finish", finish)
    report = load_paths(engine, [SEEDS])
    assert (report.added, report.failed) == (3, 2)
    failed = {Path(path).name: reason for path, reason in report.failures}
    assert failed == {
        "000_f491beeb535afc5b.txt": "extraction error: ValueError: bad begin",
        "001_9be3b2f621e543aa.txt": "extraction error: KeyError: 'bad finish'",
    }
    assert counts(engine)["article"] == 3


def test_the_same_article_twice_in_one_batch(engine, tmp_path):
    """A later file with the identity of an earlier one is skipped as a duplicate, named with
    the file loaded instead: the first file wins, so loading the folder again changes nothing."""
    source = (SEEDS / "001_9be3b2f621e543aa.txt").read_text("utf-8")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(source, "utf-8")
    (folder / "b.txt").write_text(source, "utf-8")
    changed = source.replace("</p><p><em>（本文部分内容", "</p><p>拉夫罗夫表示，俄方不会让步。</p><p><em>（本文部分内容")
    (folder / "c.txt").write_text(changed, "utf-8")
    report = load_paths(engine, [folder])
    assert (report.added, report.unchanged, report.updated, report.failed) == (1, 0, 0, 0)
    assert report.duplicates == [(str(folder / "b.txt"), str(folder / "a.txt")),
                                 (str(folder / "c.txt"), str(folder / "a.txt"))]
    stored = counts(engine)
    assert stored["article"] == 1
    with engine.connect() as connection:
        path = connection.execute(text("SELECT source_path FROM article")).scalar_one()
        lavrov = connection.execute(text("SELECT count(*) FROM statement WHERE text LIKE '%俄方不会让步%'")).scalar_one()
    assert path.endswith("a.txt") and lavrov == 0
    activity(engine)


def test_postgresql_statistics_are_refreshed_after_a_big_load(engine):
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite plans without statistics on purpose (tests/test_query_plans.py)")
    load_paths(engine, [SEEDS])
    with engine.connect() as connection:
        analyzed = connection.execute(text(
            "SELECT count(*) FROM pg_stat_user_tables WHERE relname IN ('article', 'statement', 'mention') "
            "AND last_analyze IS NOT NULL")).scalar_one()
    assert analyzed == 3


def test_two_files_of_one_article_load_the_first_and_every_load_alike(engine, tmp_path):
    # An archive may save an updated copy of an article beside the first, under the same link.
    source = (SEEDS / "001_9be3b2f621e543aa.txt").read_text("utf-8")
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(source, "utf-8")
    second.write_text(source.replace("</p><p><em>（本文部分内容", "</p><p>拉夫罗夫表示，俄方不会让步。</p><p><em>（本文部分内容"),
                      "utf-8")
    reports = [load_paths(engine, [tmp_path]) for _ in range(2)]
    assert [(r.added, r.updated, r.unchanged) for r in reports] == [(1, 0, 0), (0, 0, 1)]
    assert [r.duplicates for r in reports] == [[(str(second), str(first))]] * 2
    with engine.connect() as connection:
        stored = connection.execute(text("SELECT source_path FROM article")).scalars().all()
    assert stored == [str(first)]

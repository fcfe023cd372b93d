from pathlib import Path

from sqlalchemy import func, select, text
from sqlmodel import Session

from kb.load import load_paths
from kb.models import (
    Alias,
    Article,
    ArticleEntity,
    Image,
    Mention,
    Organization,
    Outlet,
    Person,
    PersonRole,
    Place,
    Statement,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TABLES = [Outlet, Article, Image, Person, Organization, Place, Alias, Mention, Statement, PersonRole,
          ArticleEntity]


def counts(engine) -> dict[str, int]:
    with Session(engine) as session:
        found = {t.__tablename__: session.exec(select(func.count()).select_from(t)).one()[0] for t in TABLES}
        for table in ("article", "statement"):  # the search index follows its rows
            if engine.dialect.name == "sqlite":
                indexed = session.execute(text(f"SELECT count(*) FROM {table}_fts")).scalar_one()
            else:
                indexed = session.execute(text(f"SELECT count(*) FROM {table} WHERE terms != ''")).scalar_one()
            assert indexed == found[table]
        # article_entity holds each (article, entity) pair of the mentions once.
        pairs = session.execute(text("SELECT count(*) FROM (SELECT DISTINCT article_id, person_id, "
                                     "organization_id, place_id FROM mention) AS pairs")).scalar_one()
        assert found["article_entity"] == pairs
        # daily_activity holds the articles and statements of each (UTC day, outlet).
        day = "date(timezone('UTC', a.published_at))" if engine.dialect.name == "postgresql" else "date(a.published_at)"
        expected = session.execute(text(
            f"SELECT {day}, a.outlet_id, count(*), sum((SELECT count(*) FROM statement s WHERE s.article_id = a.id)) "
            f"FROM article a GROUP BY {day}, a.outlet_id ORDER BY 1, 2")).all()
        daily = session.execute(text("SELECT day, outlet_id, articles, statements FROM daily_activity "
                                     "ORDER BY 1, 2")).all()
        assert [tuple(r) for r in daily] == [tuple(r) for r in expected]
        return found


def activity(engine) -> dict[str, tuple[int, int]]:
    """Denormalised counts per person, and the same counted from the rows."""
    with Session(engine) as session:
        stored = {p.key: (p.statement_count, p.mention_count) for p in session.exec(select(Person)).scalars()}
        counted = {}
        for person in session.exec(select(Person)).scalars():
            statements = session.exec(select(func.count()).where(Statement.speaker_person_id == person.id)).one()[0]
            mentions = session.exec(select(func.count()).where(Mention.person_id == person.id)).one()[0]
            counted[person.key] = (statements, mentions)
    assert stored == counted
    return stored


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


def test_the_same_article_twice_in_one_batch(engine, tmp_path):
    """A later file with the identity of an earlier one replaces it, as sequential loads would."""
    source = (SEEDS / "001_9be3b2f621e543aa.txt").read_text("utf-8")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(source, "utf-8")
    (folder / "b.txt").write_text(source, "utf-8")
    changed = source.replace("</p><p><em>（本文部分内容", "</p><p>拉夫罗夫表示，俄方不会让步。</p><p><em>（本文部分内容")
    (folder / "c.txt").write_text(changed, "utf-8")
    report = load_paths(engine, [folder])
    assert (report.added, report.unchanged, report.updated, report.failed) == (1, 1, 1, 0)
    stored = counts(engine)
    assert stored["article"] == 1
    with engine.connect() as connection:
        path = connection.execute(text("SELECT source_path FROM article")).scalar_one()
        lavrov = connection.execute(text("SELECT count(*) FROM statement WHERE text LIKE '%俄方不会让步%'")).scalar_one()
    assert path.endswith("c.txt") and lavrov == 1
    activity(engine)

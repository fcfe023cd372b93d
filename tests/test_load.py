from pathlib import Path

from sqlalchemy import func, select, text
from sqlmodel import Session

from kb.load import load_paths
from kb.models import (
    Alias,
    Article,
    Image,
    Mention,
    Organization,
    Outlet,
    Person,
    PersonRole,
    Place,
    SearchDocument,
    Statement,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TABLES = [Outlet, Article, Image, Person, Organization, Place, Alias, Mention, Statement, PersonRole,
          SearchDocument]


def counts(engine) -> dict[str, int]:
    with Session(engine) as session:
        found = {t.__tablename__: session.exec(select(func.count()).select_from(t)).one()[0] for t in TABLES}
        if engine.dialect.name == "sqlite":  # the FTS5 index follows its documents
            found["search_fts"] = session.execute(text("SELECT count(*) FROM search_fts")).scalar_one()
            assert found["search_fts"] == found["search_document"]
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
    # One search document per article and per statement.
    assert before["search_document"] == before["article"] + before["statement"]
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
    assert after["search_document"] == before["search_document"] + 1  # re-indexed, not duplicated
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

"""Loaders on several machines write into one PostgreSQL at the same time (kb/store.py): each
article is locked by its identity, outlets and entities are created with ON CONFLICT, and the
loaders take turns only for what their batches share. Two `kb load` processes given
overlapping parts of a corpus must leave exactly the rows one load of the whole corpus leaves
— compared by natural keys (identities, entity keys, lasting ids), since row ids differ."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from kb.db import create_sync_engine, upgrade
from kb.load import load_paths
from kb.parse import parse_file
from tests.checks import activity, counts
from tests.conftest import PG_URL, ROOT, SEEDS, fresh_postgres
from tests.corpus import write_copies

pytestmark = pytest.mark.skipif(not PG_URL, reason="KB_TEST_DATABASE_URL not set")

KB = str(Path(sys.executable).with_name("kb"))
FOLDERS = [SEEDS, *(ROOT / "tests" / name / "articles" for name in ("fresh", "fresh2", "fresh3", "dev",
                                                                     "utterances"))]
OWNERS = ("person", "organization", "place")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """About 150 articles of eight outlets, and copies of the seeds a day apart (the same
    remarks reported again: utterances whose reports the two loaders write)."""
    copies = write_copies(SEEDS, tmp_path_factory.mktemp("copies"), 5)
    files = sorted(path for folder in FOLDERS for path in folder.iterdir() if path.is_file()
                   and not path.name.startswith("."))
    # One file per article: of two files of one article, one load keeps the first and two
    # loaders whichever wrote last (as two loads one after the other would).
    seen: set[str] = set()
    unique = []
    for path in [*files, *copies[5:]]:
        identity = parse_file(path).identity
        if identity not in seen:
            seen.add(identity)
            unique.append(path)
    return unique


def _halves(files: list[Path]) -> tuple[list[Path], list[Path]]:
    """Two parts interleaved through the corpus (so both loaders write the same days, outlets,
    speakers and new entities at once), with a third of the files in both."""
    return ([f for i, f in enumerate(files) if i % 3 != 2], [f for i, f in enumerate(files) if i % 3 != 0])


def _start(url: str, files: list[Path]) -> subprocess.Popen[bytes]:
    env = dict(os.environ, KB_DATABASE_URL=url)
    # Small batches, one worker: many transactions, interleaved.
    return subprocess.Popen([KB, "load", *map(str, files), "--batch-size", "4", "--jobs", "1"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _load_at_once(url: str, parts: tuple[list[Path], list[Path]]) -> list[str]:
    loaders = [_start(url, part) for part in parts]
    outputs = []
    for loader in loaders:
        out, errors = loader.communicate(timeout=600)
        assert loader.returncode == 0, errors.decode()
        outputs.append(out.decode())
    return outputs


def _load_alone(url: str, files: list[Path]) -> None:
    engine = create_sync_engine(url)
    report = load_paths(engine, files, workers=1, batch_size=4)
    engine.dispose()
    assert report.failures == []


def _database(name: str) -> str:
    url = fresh_postgres(name)
    upgrade(url)
    return url


def dump(url: str) -> dict[str, list[tuple]]:
    """Every table's rows by natural keys, sorted: ids replaced by what they stand for.

    Left out is what the order of the files decides for one loader as well (loading them in
    another order changes it, tests/test_lasting_ids.py): a discovered entity's name is the
    form of it seen first, and an alias keeps the form, the way (catalog, parenthetical …) and
    the article it was first learned by; only the entity and its normalised form are compared."""
    engine = create_sync_engine(url)
    owner = ("coalesce('person:' || p.key, 'organization:' || o.key, 'place:' || pl.key)")

    def joined(alias: str, prefix: str = "") -> str:
        return (f"LEFT JOIN person p ON p.id = {alias}.{prefix}person_id "
                f"LEFT JOIN organization o ON o.id = {alias}.{prefix}organization_id "
                f"LEFT JOIN place pl ON pl.id = {alias}.{prefix}place_id")

    queries = {
        "outlet": "SELECT key, name, name_en, short_name, country, origin, "
                  "(SELECT string_agg(domain, ' ' ORDER BY domain) FROM outlet_domain d WHERE d.outlet_id = t.id) "
                  "FROM outlet t",
        "article": "SELECT a.identity, a.uid, t.key, a.url, a.title, a.published_at, a.byline, a.lead_image, "
                   "a.text, a.dateline, a.source_path, a.source_format, a.content_hash, a.extractor_version, "
                   "a.terms::text FROM article a JOIN outlet t ON t.id = a.outlet_id",
        "image": "SELECT a.identity, i.position, i.url, i.caption FROM image i JOIN article a ON a.id = i.article_id",
        **{kind: "SELECT key, CASE WHEN origin = 'catalog' THEN name END, "
                 "CASE WHEN origin = 'catalog' THEN name_en END, wikidata, country, origin, statement_count, "
                 "mention_count"
                 f"{'' if kind == 'person' else ', kind'} FROM {kind}" for kind in OWNERS},
        "alias": f"SELECT {owner}, x.normalised FROM alias x {joined('x')}",
        "mention": f"SELECT a.identity, {owner}, m.start, m.\"end\", m.line, m.surface FROM mention m "
                   f"JOIN article a ON a.id = m.article_id {joined('m')}",
        "article_entity": f"SELECT a.identity, {owner}, t.key, e.published_at, e.mentions FROM article_entity e "
                          f"JOIN article a ON a.id = e.article_id JOIN outlet t ON t.id = e.outlet_id {joined('e')}",
        "statement": f"SELECT s.uid, a.identity, s.position, {owner}, s.speaker_text, s.anonymous, s.kind, "
                     "s.verb, s.text, s.start, s.\"end\", s.line, t.key, s.published_at, s.remark, u.uid, "
                     "s.terms::text FROM statement s JOIN article a ON a.id = s.article_id "
                     f"JOIN outlet t ON t.id = s.outlet_id LEFT JOIN utterance u ON u.id = s.utterance_id "
                     f"{joined('s', 'speaker_')}",
        "utterance": f"SELECT u.uid, {owner}, u.first_reported, u.last_reported, u.report_count "
                     f"FROM utterance u {joined('u', 'speaker_')}",
        "person_role": "SELECT p.key, a.identity, r.title, o.key, pl.key FROM person_role r "
                       "JOIN person p ON p.id = r.person_id JOIN article a ON a.id = r.article_id "
                       "LEFT JOIN organization o ON o.id = r.organization_id LEFT JOIN place pl ON pl.id = r.place_id",
        "daily_activity": "SELECT d.day, t.key, d.articles, d.statements FROM daily_activity d "
                          "JOIN outlet t ON t.id = d.outlet_id",
    }
    found = {}
    with engine.connect() as connection:
        for table, sql in queries.items():
            found[table] = sorted((tuple(row) for row in connection.execute(text(sql))), key=repr)
        counts(engine)  # derived rows agree with what they are derived from
        activity(engine)
    engine.dispose()
    return found


def _assert_same(concurrent: dict[str, list[tuple]], alone: dict[str, list[tuple]]) -> None:
    assert concurrent.keys() == alone.keys()
    for table in alone:
        extra = set(concurrent[table]) - set(alone[table])
        missing = set(alone[table]) - set(concurrent[table])
        assert not extra and not missing, (table, sorted(extra, key=repr)[:3], sorted(missing, key=repr)[:3])
        assert len(concurrent[table]) == len(alone[table]), table  # no duplicates either


def test_two_loaders_at_once_leave_the_rows_of_one_load(corpus):
    alone = _database("loaders_alone")
    _load_alone(alone, corpus)
    together = _database("loaders_together")
    outputs = _load_at_once(together, _halves(corpus))
    reference = dump(alone)
    assert len(reference["article"]) == len(corpus)
    assert len(reference["utterance"]) < len([s for s in reference["statement"] if s[3]])  # some grouped
    _assert_same(dump(together), reference)
    # The files both were given were stored once: one loader added each, the other found it
    # unchanged (or skipped it before extracting).
    added = [int(out.split("articles: ")[1].split(" added")[0]) for out in outputs]
    assert sum(added) == len(corpus)


def test_two_loaders_replacing_articles_at_once_leave_the_rows_of_one_load(corpus, tmp_path):
    """Changed files replace stored articles (in the loaders' turn: statements move between
    utterances, entities may be left without articles and dropped) while new ones go in."""
    changed = []
    for number, path in enumerate(corpus):
        body = path.read_text(encoding="utf-8")
        cut = body.rfind("<p>")
        if number % 2 or cut < 0 or body.count("<p>") < 3:
            continue
        target = tmp_path / f"changed-{number:03d}-{path.name}"
        target.write_text(body[:cut], encoding="utf-8")  # the last paragraph gone
        changed.append(target)
    assert len(changed) >= 20
    alone = _database("loaders_alone")
    _load_alone(alone, corpus)
    _load_alone(alone, changed)
    together = _database("loaders_together")
    _load_at_once(together, _halves(corpus))
    _load_at_once(together, _halves(changed))
    reference = dump(alone)
    updated = reference["article"]
    assert {row[10] for row in updated} & {str(p) for p in changed}  # the changed files replaced
    _assert_same(dump(together), reference)

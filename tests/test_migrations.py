from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlmodel import SQLModel

from kb.db import create_sync_engine
from kb.models import include_object


def test_models_and_migrations_agree(empty_db):
    engine = create_sync_engine(empty_db)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection, opts={"include_object": include_object}), SQLModel.metadata)
    engine.dispose()
    assert diff == []


def test_downgrade_and_upgrade_again(empty_db):
    from kb.db import current_revision, downgrade, upgrade

    downgrade(empty_db, "0001")
    assert current_revision(empty_db) == "0001"
    upgrade(empty_db)
    assert current_revision(empty_db) == "0009"


def test_owner_indexes_hold_only_their_rows_and_serve_lookups(empty_db):
    """Partial indexes (owner IS NOT NULL) are used for ``owner = ?`` and ``owner IN (...)``."""
    from sqlalchemy import text

    engine = create_sync_engine(empty_db)
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            sql = dict(connection.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'index'")).all())
            for query in ("SELECT id FROM statement WHERE speaker_person_id = 1 ORDER BY published_at DESC",
                          "SELECT id FROM statement WHERE speaker_person_id IN (1, 2)",
                          "SELECT article_id FROM mention WHERE organization_id = 3",
                          "SELECT article_id FROM article_entity WHERE place_id IN (4, 5)"):
                plan = " ".join(row[-1] for row in connection.execute(text("EXPLAIN QUERY PLAN " + query)))
                assert "USING COVERING INDEX ix_" in plan or "USING INDEX ix_" in plan, (query, plan)
        else:
            sql = dict(connection.execute(text("SELECT indexname, indexdef FROM pg_indexes")).all())
    engine.dispose()
    for name in ("ix_statement_person", "ix_mention_place_article", "ix_article_entity_organization"):
        assert "IS NOT NULL" in sql[name], sql[name]


def test_an_older_database_gets_lasting_ids_for_what_it_holds(empty_db, tmp_path):
    """Articles and statements loaded before 0007 get the same uids a fresh load gives."""
    from kb.db import downgrade, upgrade
    from kb.load import load_paths
    from tests.conftest import SEEDS

    engine = create_sync_engine(empty_db)
    load_paths(engine, [SEEDS])
    with engine.connect() as connection:
        fresh = set(connection.execute(text("SELECT a.uid, s.uid FROM statement s JOIN article a ON a.id = s.article_id")))
    downgrade(empty_db, "0006")
    upgrade(empty_db)
    with engine.connect() as connection:
        again = set(connection.execute(text("SELECT a.uid, s.uid FROM statement s JOIN article a ON a.id = s.article_id")))
    engine.dispose()
    assert fresh and again == fresh and all(s.startswith(a + ".") for a, s in fresh)

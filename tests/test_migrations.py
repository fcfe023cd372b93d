from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
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
    assert current_revision(empty_db) == "0002"

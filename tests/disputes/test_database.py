"""The schema: migrations match the models, history is append-only, versions count changes."""
import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from disputes.extensions import db
from disputes.models import CaseEvent, HistoryIsAppendOnly, Worker


def test_the_migrations_build_exactly_the_schema_the_models_describe(app):
    with db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), db.metadata)
    assert differences == []


def test_history_rows_cannot_be_changed_through_the_orm(app, file_case):
    event = file_case().case.history[0]
    event.note = "rewritten"
    with pytest.raises(HistoryIsAppendOnly):
        db.session.commit()
    db.session.rollback()


def test_history_rows_cannot_be_changed_even_with_raw_sql(app, file_case):
    file_case()
    with pytest.raises(sa.exc.DatabaseError):
        db.session.execute(sa.update(CaseEvent).values(note="rewritten"))
        db.session.commit()
    db.session.rollback()


def test_foreign_keys_are_enforced(app):
    with pytest.raises(sa.exc.IntegrityError):
        db.session.add(Worker(case_id=987654, name="无主", phone="13800000000", occupation="courier"))
        db.session.commit()
    db.session.rollback()


def test_sqlite_runs_in_wal_mode_so_readers_never_wait_for_writers(app):
    if db.engine.dialect.name == "sqlite":
        with db.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"

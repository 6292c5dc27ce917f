"""Migration 0012 (session generations, ended portal sessions) upgrades and downgrades on SQLite,
keeping the accounts that are there."""
import pytest
import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from disputes import create_app
from disputes.extensions import db
from tests.conftest import TEST_DATABASE_URL, _base_config

BEFORE = "ef8e2d2c21ef"
REVISION = "9c4a7e21b3d5"


@pytest.mark.skipif(bool(TEST_DATABASE_URL), reason="a fresh SQLite file of its own")
def test_the_migration_adds_and_removes_the_session_generation_and_keeps_the_accounts(tmp_path):
    app = create_app(_base_config(tmp_path / "instance", f"sqlite:///{tmp_path / 'm.sqlite3'}"))
    with app.app_context():
        upgrade(revision=BEFORE)
        with db.engine.begin() as connection:
            connection.exec_driver_sql(
                "INSERT INTO users (username, display_name, role, password_hash, active, created_at) "
                "VALUES ('old', 'old', 'mediator', 'x', 1, '2026-01-01 00:00:00')")
        upgrade(revision=REVISION)
        inspector = sa.inspect(db.engine)
        assert "session_generation" in {c["name"] for c in inspector.get_columns("users")}
        assert "portal_session_ends" in inspector.get_table_names()
        with db.engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT session_generation FROM users").scalar() == 0
        downgrade(revision=BEFORE)
        inspector = sa.inspect(db.engine)
        assert "session_generation" not in {c["name"] for c in inspector.get_columns("users")}
        assert "portal_session_ends" not in inspector.get_table_names()
        with db.engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT username FROM users").scalar() == "old"
        upgrade(revision=REVISION)
        db.engine.dispose()

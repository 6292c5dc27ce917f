"""Connection settings that make SQLite safe for several writers (WAL, foreign keys, busy timeout)."""
from __future__ import annotations

import sqlalchemy as sa
from flask import Flask, has_request_context, request

from disputes.extensions import db

SQLITE_BUSY_TIMEOUT_MS = 15_000


def init_app(app: Flask) -> None:
    """Attach the SQLite pragmas to every new connection of this app's engine."""
    with app.app_context():
        engine = db.engine
    if engine.dialect.name != "sqlite":
        return

    @sa.event.listens_for(engine, "connect")
    def _sqlite_pragmas(dbapi_connection, _record):
        # Let SQLAlchemy issue BEGIN itself so the busy timeout covers the write lock too.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(connection):
        connection.exec_driver_sql("BEGIN IMMEDIATE" if _may_write() else "BEGIN")


READ_ONLY_ENDPOINTS: set[str] = set()


def read_only(endpoint: str):
    """Mark a POST endpoint that never writes (a lookup, a check), so it does not queue for the write lock."""
    READ_ONLY_ENDPOINTS.add(endpoint)
    return lambda view: view


def _may_write() -> bool:
    """Whether the current unit of work may write: any request but GET/HEAD and read-only endpoints; the CLI.

    A writer takes SQLite's write lock when it begins (IMMEDIATE), so two writers queue on the
    busy timeout instead of one failing with "database is locked" when it upgrades a read lock
    mid-transaction; readers begin DEFERRED and never wait for writers under WAL.
    """
    if not has_request_context():
        return True
    return request.method not in ("GET", "HEAD", "OPTIONS") and request.endpoint not in READ_ONLY_ENDPOINTS

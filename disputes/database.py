"""Connection settings that make SQLite safe for several writers (WAL, foreign keys, busy timeout),
and the read replica that reports read from.

Reports (the dashboard's figures, employer records, the spreadsheet exports) scan months of cases
and may be a few seconds behind, so with REPLICA_DATABASE_URL set they read a streaming replica
through `reporting_session()` and leave the primary to the writes and the case pages. The replica's
connections are read-only whatever the server: a report that tried to write would fail there, not
quietly write to a copy.
"""
from __future__ import annotations

import sqlalchemy as sa
from flask import Flask, current_app, g, has_request_context, request
from sqlalchemy.orm import Session

from disputes.extensions import db

SQLITE_BUSY_TIMEOUT_MS = 15_000


def init_app(app: Flask) -> None:
    """Attach the SQLite pragmas to every new connection of this app's engine; open the replica's engine."""
    replica_url = app.config.get("REPLICA_DATABASE_URL")
    if replica_url:
        app.extensions["replica_engine"] = _replica_engine(replica_url)
        # A request ends its report's transaction, so the next one sees what the replica has now.
        app.teardown_request(_close_reporting_session)
        app.teardown_appcontext(_close_reporting_session)
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


def _replica_engine(url: str) -> sa.Engine:
    if url.startswith("sqlite"):
        engine = sa.create_engine(url)

        @sa.event.listens_for(engine, "connect")
        def _read_only(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA query_only=ON")
            cursor.close()

        return engine
    return sa.create_engine(url, pool_pre_ping=True,
                            connect_args={"options": "-c default_transaction_read_only=on"})


def reporting_session() -> Session:
    """The session reports read through: the replica's when one is configured, else the app's own."""
    engine = current_app.extensions.get("replica_engine")
    if engine is None:
        return db.session
    if "reporting_session" not in g:
        g.reporting_session = Session(bind=engine, autoflush=False)
    return g.reporting_session


def _close_reporting_session(_exception=None) -> None:
    session = g.pop("reporting_session", None)
    if session is not None:
        session.close()


def commit_keeping_loaded() -> None:
    """Commit without expiring what the session holds.

    For a transaction that has just written a graph (a complaint with its parties, claims and first
    history row): the objects hold exactly what was committed, so the answer built from them after
    the commit need not read each relationship back (six statements for the intake's reply).
    """
    session = db.session()
    session.expire_on_commit = False
    try:
        session.commit()
    finally:
        session.expire_on_commit = True

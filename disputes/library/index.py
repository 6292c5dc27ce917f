"""This server's search index: opened once per process, kept in step with the database.

The index is derived data. Every change to the library bumps a counter in the database in the
same transaction; after the commit the request updates the index and records the counter in it.
A server whose index is behind, missing or corrupt rebuilds it from the database before it
searches, so several gunicorn workers (or servers) never serve a stale or broken index for long
and nothing is lost when the index folder disappears.
"""
from __future__ import annotations

from typing import Callable, Iterable, Iterator

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from casebase import IndexUnavailable, SearchEngine, SearchQuery, SearchResult, open_engine
from disputes.errors import ServiceUnavailable
from disputes.extensions import db
from disputes.library.records import record_of
from disputes.models import LibraryGeneration, TypicalCase


def search_engine() -> SearchEngine:
    """The configured engine over DISPUTES_INDEX_DIR, one per process and app."""
    key = "casebase_engine"
    engine = current_app.extensions.get(key)
    if engine is None:
        engine = open_engine(current_app.config["DISPUTES_SEARCH_ENGINE"], current_app.config["DISPUTES_INDEX_DIR"])
        current_app.extensions[key] = engine
    return engine


def bump_generation() -> None:
    """Count one more change to the library, inside the caller's transaction."""
    dialect = db.session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    db.session.execute(insert(LibraryGeneration).values(id=1, generation=0).on_conflict_do_nothing(index_elements=["id"]))
    db.session.execute(sa.update(LibraryGeneration).where(LibraryGeneration.id == 1)
                       .values(generation=LibraryGeneration.generation + 1))


def current_generation() -> int:
    return db.session.scalar(sa.select(LibraryGeneration.generation).where(LibraryGeneration.id == 1)) or 0


def published_records() -> Iterator:
    """The published cases as records, read from the database only when iteration begins."""
    rows = db.session.scalars(sa.select(TypicalCase).where(TypicalCase.status == "published").order_by(TypicalCase.id))
    yield from (record_of(row) for row in rows)


def rebuild_index(progress: Callable[[int], None] | None = None) -> int:
    """Build the index from the published cases (atomically swapped in) and stamp the generation.

    The generation, then the cases, are read once the index's writer lock is held (see `sync_index`).
    """
    return search_engine().rebuild(published_records(), progress=progress, generation=current_generation)


def sync_index(case_ids: Iterable[str]) -> None:
    """After a commit, bring the index up to date for these cases (a failure only leaves it stale).

    The database is read under the index's writer lock, the generation first: two workers that
    publish and withdraw one case at once then cannot leave the older state in an index stamped as
    current (on PostgreSQL each statement sees the latest commit, so a row read before the lock
    could be older than the generation read after it).
    """
    wanted = list(case_ids)

    def read() -> tuple[int, list, list[str]]:
        generation = current_generation()
        rows = {row.id: row for row in db.session.scalars(sa.select(TypicalCase).where(TypicalCase.id.in_(wanted))
                                                           .execution_options(populate_existing=True))}
        published = [record_of(rows[i]) for i in wanted if i in rows and rows[i].status == "published"]
        return generation, published, [i for i in wanted if i not in rows or rows[i].status != "published"]

    try:
        search_engine().sync(read)
    except (IndexUnavailable, OSError) as failure:
        current_app.logger.warning("search index not updated (%s); it is rebuilt before the next search", failure)


def ensure_fresh() -> SearchEngine:
    """The engine, rebuilt first if it is behind the database, missing or unreadable."""
    engine = search_engine()
    try:
        fresh = engine.generation() == current_generation()
    except IndexUnavailable:
        fresh = False
    if not fresh:
        try:
            rebuild_index()
        except (IndexUnavailable, OSError) as failure:
            current_app.logger.error("search index rebuild failed: %s", failure)
            raise ServiceUnavailable(_("案例检索暂时不可用，正在恢复，请稍后再试。")) from None
    return engine


def search(query: SearchQuery) -> SearchResult:
    """Search the library; a broken index is rebuilt once, and only then reported as 503."""
    return _with_recovery(lambda engine: engine.search(query))


def similar(case_id: str, limit: int = 5):
    return _with_recovery(lambda engine: engine.similar(case_id, limit=limit))


def _with_recovery(operation):
    engine = ensure_fresh()
    try:
        return operation(engine)
    except IndexUnavailable:
        current_app.logger.warning("search index unreadable; rebuilding", exc_info=True)
    try:
        rebuild_index()
        return operation(engine)
    except (IndexUnavailable, OSError):
        raise ServiceUnavailable(_("案例检索暂时不可用，正在恢复，请稍后再试。")) from None

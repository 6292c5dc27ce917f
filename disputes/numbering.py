"""Yearly numbers that only ever go up: case numbers (2026-0001234) and inspection matters (J2026-0000012)."""
from __future__ import annotations

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from disputes.extensions import db


def next_number(counter, year: int) -> int:
    """The next number of `year` from `counter` (a model with `year` and `last_number`), unique under concurrency.

    One upsert: the year's row is created at 1 or incremented, and the number returned
    (INSERT … ON CONFLICT DO UPDATE … RETURNING), which takes the row's lock on PostgreSQL and runs
    under the write lock on SQLite, so two filings never draw the same number.
    """
    dialect = db.session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(counter).values(year=year, last_number=1)
    return db.session.execute(
        statement.on_conflict_do_update(index_elements=["year"], set_={"last_number": counter.last_number + 1})
        .returning(counter.last_number)
    ).scalar_one()

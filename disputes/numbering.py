"""Yearly numbers that only ever go up: case numbers (2026-0001234) and inspection matters (J2026-0000012)."""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from disputes.extensions import db


def next_number(counter, year: int) -> int:
    """The next number of `year` from `counter` (a model with `year` and `last_number`), unique under concurrency.

    The counter row is created idempotently, then incremented with UPDATE … RETURNING, which
    takes a row lock on PostgreSQL and runs under the write lock on SQLite.
    """
    dialect = db.session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    db.session.execute(
        insert(counter).values(year=year, last_number=0).on_conflict_do_nothing(index_elements=["year"])
    )
    return db.session.execute(
        sa.update(counter)
        .where(counter.year == year)
        .values(last_number=counter.last_number + 1)
        .returning(counter.last_number)
    ).scalar_one()

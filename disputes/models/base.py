"""Declarative base shared by every model."""
from datetime import datetime, timezone

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, registry

# Named constraints let Alembic's batch mode alter SQLite tables and keep names stable on PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    registry = registry(
        metadata=sa.MetaData(naming_convention=NAMING_CONVENTION),
        type_annotation_map={datetime: sa.DateTime(timezone=True)},
    )


def utcnow() -> datetime:
    """The current moment in UTC; every stored time is UTC and shown in Asia/Shanghai."""
    return datetime.now(timezone.utc)


def in_list(column: str, values) -> str:
    """SQL for a check constraint that keeps a key column within its fixed list."""
    quoted = ", ".join(f"'{value}'" for value in values)
    return f"{column} IN ({quoted})"

"""The append-only history of a case: who did what, when, from which state to which."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from disputes.models.base import Base, utcnow
from disputes.models.user import User


class HistoryIsAppendOnly(RuntimeError):
    """Raised when code tries to change or delete a history row."""


class CaseEvent(Base):
    """One event in a case's life, written in the same transaction as the change it records."""

    __tablename__ = "case_events"
    __table_args__ = (
        sa.UniqueConstraint("case_id", "seq", name="case_seq"),
        # The dashboard's stage durations and success rate look events up by kind.
        sa.Index("ix_case_events_event_case", "event", "case_id", "occurred_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("cases.id", ondelete="CASCADE"))
    seq: Mapped[int]
    at: Mapped[datetime] = mapped_column(default=utcnow)
    occurred_on: Mapped[date]  # the Asia/Shanghai date, from which statutory periods run
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    actor_label: Mapped[str] = mapped_column(sa.String(64))
    event: Mapped[str] = mapped_column(sa.String(40))
    track: Mapped[str] = mapped_column(sa.String(16), default="main")
    from_state: Mapped[str | None] = mapped_column(sa.String(32))
    to_state: Mapped[str] = mapped_column(sa.String(32))
    note: Mapped[str | None] = mapped_column(sa.Text)
    data: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)

    case: Mapped["Case"] = relationship(back_populates="history")  # noqa: F821
    actor: Mapped[User | None] = relationship()

    @property
    def on(self) -> date:
        """The local date of the event (the name workflows reads)."""
        return self.occurred_on


def refuse_changes(model: type, what: str) -> None:
    """Make the ORM refuse to change or delete rows of an append-only history table."""

    @sa.event.listens_for(model, "before_update")
    def _refuse_update(mapper, connection, target):
        raise HistoryIsAppendOnly(f"{what} rows are never changed")

    @sa.event.listens_for(model, "before_delete")
    def _refuse_delete(mapper, connection, target):
        raise HistoryIsAppendOnly(f"{what} rows are never deleted")


refuse_changes(CaseEvent, "case history")


def append_only_ddl(dialect_name: str, table: str = "case_events", what: str = "case history") -> list[str]:
    """Database triggers that refuse UPDATE on a history table, so not even raw SQL rewrites history.

    DELETE is left to the cascade from a deleted case (only an admin's erasure order does that).
    """
    trigger = f"{table}_append_only"
    if dialect_name == "sqlite":
        return [
            f"CREATE TRIGGER IF NOT EXISTS {trigger} BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{what} is append-only'); END"
        ]
    if dialect_name == "postgresql":
        return [
            f"CREATE OR REPLACE FUNCTION {trigger}() RETURNS trigger AS $$ "
            f"BEGIN RAISE EXCEPTION '{what} is append-only'; END; $$ LANGUAGE plpgsql",
            f"DROP TRIGGER IF EXISTS {trigger} ON {table}",
            f"CREATE TRIGGER {trigger} BEFORE UPDATE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {trigger}()",
        ]
    return []


@sa.event.listens_for(CaseEvent.__table__, "after_create")
def _install_append_only_triggers(target, connection, **kw):
    for statement in append_only_ddl(connection.dialect.name):
        connection.exec_driver_sql(statement)

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


@sa.event.listens_for(CaseEvent, "before_update")
def _refuse_update(mapper, connection, target):
    raise HistoryIsAppendOnly("case history rows are never changed")


@sa.event.listens_for(CaseEvent, "before_delete")
def _refuse_delete(mapper, connection, target):
    raise HistoryIsAppendOnly("case history rows are never deleted")


def append_only_ddl(dialect_name: str) -> list[str]:
    """Database triggers that refuse UPDATE on case_events, so not even raw SQL rewrites history.

    DELETE is left to the cascade from a deleted case (only an admin's erasure order does that).
    """
    if dialect_name == "sqlite":
        return [
            "CREATE TRIGGER IF NOT EXISTS case_events_append_only BEFORE UPDATE ON case_events "
            "BEGIN SELECT RAISE(ABORT, 'case history is append-only'); END"
        ]
    if dialect_name == "postgresql":
        return [
            "CREATE OR REPLACE FUNCTION case_events_append_only() RETURNS trigger AS $$ "
            "BEGIN RAISE EXCEPTION 'case history is append-only'; END; $$ LANGUAGE plpgsql",
            "DROP TRIGGER IF EXISTS case_events_append_only ON case_events",
            "CREATE TRIGGER case_events_append_only BEFORE UPDATE ON case_events "
            "FOR EACH ROW EXECUTE FUNCTION case_events_append_only()",
        ]
    return []


@sa.event.listens_for(CaseEvent.__table__, "after_create")
def _install_append_only_triggers(target, connection, **kw):
    for statement in append_only_ddl(connection.dialect.name):
        connection.exec_driver_sql(statement)

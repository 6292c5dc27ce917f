"""A labour-inspection matter (劳动保障监察): a complaint or report, its history, its link to a dispute.

The track runs beside the dispute's life cycle (workflows/inspection.py has its states, guards and
clocks); `state` moves only through that module. A worker who files once may open a dispute, a
complaint or both; `CaseInspectionLink` joins the two, and each side reads it.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from disputes.models.base import Base, in_list, utcnow
from disputes.models.history import append_only_ddl, refuse_changes
from disputes.models.organisation import Region
from disputes.models.user import User
from workflows.inspection import CHANNELS, FILING_CHOICES, LINK_ORIGINS, STATES


class InspectionMatter(Base):
    """One complaint (投诉, the worker's own) or report (举报, anyone's, possibly anonymous)."""

    __tablename__ = "inspection_matters"
    __table_args__ = (
        sa.CheckConstraint(in_list("state", STATES), name="state"),
        sa.CheckConstraint(in_list("channel", CHANNELS), name="channel"),
        # 条例第九条: a complaint is made in the worker's own name; only a report may be anonymous.
        sa.CheckConstraint("channel = 'report' OR NOT anonymous", name="complaint_not_anonymous"),
        sa.CheckConstraint("NOT anonymous OR (filer_id IS NULL AND complainant_name IS NULL "
                           "AND complainant_phone IS NULL)", name="anonymous_names_nobody"),
        sa.Index("ix_inspection_matters_queue", "region_code", "state", "received_on", "id"),
        sa.Index("uq_inspection_matters_intake_key_hash", "intake_key_hash", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    matter_no: Mapped[str] = mapped_column(sa.String(16), unique=True)
    channel: Mapped[str] = mapped_column(sa.String(16))
    anonymous: Mapped[bool] = mapped_column(default=False)
    state: Mapped[str] = mapped_column(sa.String(32), default="received")
    version: Mapped[int] = mapped_column(default=1)
    # A complaint filed without an account is followed on the portal with this code, as a case is.
    access_code_hash: Mapped[str | None] = mapped_column(sa.String(64))
    intake_key_hash: Mapped[str | None] = mapped_column(sa.String(64))
    language: Mapped[str] = mapped_column(sa.String(8), default="zh_CN")

    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    received_on: Mapped[date] = mapped_column(index=True)
    filer_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), index=True)
    complainant_name: Mapped[str | None] = mapped_column(sa.String(64))
    complainant_phone: Mapped[str | None] = mapped_column(sa.String(32))

    employer_name: Mapped[str] = mapped_column(sa.String(128))
    employer_code: Mapped[str | None] = mapped_column(sa.String(18), index=True)
    platform: Mapped[str | None] = mapped_column(sa.String(128))
    # 条例第十三条: the inspectorate of the place where the employer uses the labour.
    region_code: Mapped[str] = mapped_column(sa.ForeignKey("regions.code"))
    place_code: Mapped[str | None] = mapped_column(sa.String(6))
    place: Mapped[str] = mapped_column(sa.String(128))
    facts: Mapped[str] = mapped_column(sa.Text)
    claim_kinds: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    amount_owed: Mapped[Decimal | None] = mapped_column(sa.Numeric(12, 2))
    months_owed: Mapped[int | None]
    worker_count: Mapped[int] = mapped_column(default=1)
    violation_on: Mapped[date | None]
    violation_ended_on: Mapped[date | None]
    violation_continuing: Mapped[bool] = mapped_column(default=False)

    inspector_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), index=True)

    region: Mapped[Region] = relationship()
    filer: Mapped[User | None] = relationship(foreign_keys=[filer_id])
    inspector: Mapped[User | None] = relationship(foreign_keys=[inspector_id])
    history: Mapped[list[InspectionEvent]] = relationship(
        back_populates="matter", order_by="InspectionEvent.seq", cascade="save-update, merge", passive_deletes="all")
    case_links: Mapped[list[CaseInspectionLink]] = relationship(
        back_populates="matter", cascade="all, delete-orphan")

    __mapper_args__ = {"version_id_col": version}

    def __repr__(self) -> str:
        return f"<InspectionMatter {self.matter_no} {self.state}>"


class InspectionEvent(Base):
    """One event on the inspection track, written in the same transaction as the change it records."""

    __tablename__ = "inspection_events"
    __table_args__ = (sa.UniqueConstraint("matter_id", "seq", name="matter_seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    matter_id: Mapped[int] = mapped_column(sa.ForeignKey("inspection_matters.id", ondelete="CASCADE"))
    seq: Mapped[int]
    at: Mapped[datetime] = mapped_column(default=utcnow)
    occurred_on: Mapped[date]
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    actor_label: Mapped[str] = mapped_column(sa.String(64))
    event: Mapped[str] = mapped_column(sa.String(40))
    from_state: Mapped[str | None] = mapped_column(sa.String(32))
    to_state: Mapped[str] = mapped_column(sa.String(32))
    data: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)

    matter: Mapped[InspectionMatter] = relationship(back_populates="history")
    actor: Mapped[User | None] = relationship()

    @property
    def on(self) -> date:
        """The local date of the event (the name workflows reads)."""
        return self.occurred_on


refuse_changes(InspectionEvent, "inspection history")


@sa.event.listens_for(InspectionEvent.__table__, "after_create")
def _install_append_only_triggers(target, connection, **kw):
    for statement in append_only_ddl(connection.dialect.name, "inspection_events", "inspection history"):
        connection.exec_driver_sql(statement)


class CaseInspectionLink(Base):
    """A dispute and an inspection matter about the same facts, filed together or linked later."""

    __tablename__ = "case_inspection_links"
    __table_args__ = (
        sa.UniqueConstraint("case_id", "matter_id", name="case_matter"),
        sa.CheckConstraint(in_list("choice", FILING_CHOICES), name="choice"),
        sa.CheckConstraint(in_list("origin", LINK_ORIGINS), name="origin"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    matter_id: Mapped[int] = mapped_column(sa.ForeignKey("inspection_matters.id", ondelete="CASCADE"), index=True)
    choice: Mapped[str] = mapped_column(sa.String(16))
    origin: Mapped[str] = mapped_column(sa.String(16))
    linked_on: Mapped[date]
    linked_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))

    case: Mapped["Case"] = relationship(back_populates="inspection_links")  # noqa: F821
    matter: Mapped[InspectionMatter] = relationship(back_populates="case_links")


class InspectionNumberCounter(Base):
    """The last matter number issued in a year (the same scheme as CaseNumberCounter)."""

    __tablename__ = "inspection_number_counters"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last_number: Mapped[int] = mapped_column(default=0)

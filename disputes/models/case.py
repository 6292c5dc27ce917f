"""A labour dispute and its parties and claims."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

import places
from disputes.models.base import Base, in_list, utcnow
from disputes.models.organisation import Organisation, Region
from disputes.models.user import User
from disputes.vocabulary import CLAIM_KINDS, OCCUPATIONS, RESPONDENT_KINDS
from workflows import LEGAL_AID_STATES, STATES

MEDIATION_STATES = ("in_mediation", "mediated", "mediation_failed")
ARBITRATION_STATES = ("in_arbitration", "arbitration_mediated", "awarded")


class Case(Base):
    """One dispute from intake to closing; `state` and `legal_aid` move only through workflows."""

    __tablename__ = "cases"
    __table_args__ = (
        sa.CheckConstraint(in_list("state", STATES), name="state"),
        sa.CheckConstraint(in_list("legal_aid", LEGAL_AID_STATES), name="legal_aid"),
        sa.CheckConstraint("relationship_ended OR relationship_ended_on IS NULL", name="ended_on_needs_ended"),
        sa.CheckConstraint(
            f"NOT ({in_list('state', MEDIATION_STATES)}) OR mediator_id IS NOT NULL", name="mediation_has_mediator"
        ),
        sa.CheckConstraint(
            f"NOT ({in_list('state', ARBITRATION_STATES)}) OR arbitrator_id IS NOT NULL",
            name="arbitration_has_arbitrator",
        ),
        sa.CheckConstraint("state <> 'mediated' OR agreed_amount IS NOT NULL", name="mediated_has_amount"),
        sa.CheckConstraint("state <> 'awarded' OR awarded_amount IS NOT NULL", name="awarded_has_amount"),
        sa.CheckConstraint("representative_count >= 0", name="representatives_not_negative"),
        # Queues filter by one of these and page by (priority, next_due_on, id): see cases/queues.py.
        sa.Index("ix_cases_queue_mediator", "mediator_id", "priority", "next_due_on", "id"),
        sa.Index("ix_cases_queue_arbitrator", "arbitrator_id", "priority", "next_due_on", "id"),
        sa.Index("ix_cases_queue_region", "region_code", "priority", "next_due_on", "id"),
        sa.Index("ix_cases_queue_state", "state", "priority", "next_due_on", "id"),
        sa.Index("ix_cases_queue_organisation", "organisation_id", "priority", "next_due_on", "id"),
        # A region's submitted cases with no mediator yet: the mediator index is mostly NULLs (migration 0023).
        sa.Index("ix_cases_queue_unassigned", "region_code", "state", "mediator_id", "priority", "next_due_on", "id"),
        sa.Index("ix_cases_submitted_on", "submitted_on"),
        # Only the members of collective disputes: a full index of mostly NULLs misleads SQLite's
        # statistics into building an automatic index per case page (migration 0023).
        sa.Index("ix_cases_collective_lead_id", "collective_lead_id",
                 sqlite_where=sa.text("collective_lead_id IS NOT NULL"),
                 postgresql_where=sa.text("collective_lead_id IS NOT NULL")),
        # An index, not a constraint: SQLite adds only an index to a table in place (migration 0014).
        sa.Index("uq_cases_intake_key_hash", "intake_key_hash", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_no: Mapped[str] = mapped_column(sa.String(16), unique=True)
    state: Mapped[str] = mapped_column(sa.String(32), default="submitted")
    legal_aid: Mapped[str] = mapped_column(sa.String(16), default="none")
    version: Mapped[int] = mapped_column(default=1)
    access_code_hash: Mapped[str] = mapped_column(sa.String(64))
    # A code sent by a reset: it opens the case too, and replaces the old code once it is first used,
    # so a reset asked for by someone else never shuts the worker out with the code they hold.
    pending_access_code_hash: Mapped[str | None] = mapped_column(sa.String(64))
    # SHA-256 of the key the complaint form carried, so the same form sent twice files one case.
    intake_key_hash: Mapped[str | None] = mapped_column(sa.String(64))

    submitted_at: Mapped[datetime] = mapped_column(default=utcnow)
    submitted_on: Mapped[date]
    channel: Mapped[str] = mapped_column(sa.String(16))  # web, mediator, api
    language: Mapped[str] = mapped_column(sa.String(8), default="zh_CN")

    platform: Mapped[str | None] = mapped_column(sa.String(128))
    facts: Mapped[str] = mapped_column(sa.Text)
    region_code: Mapped[str] = mapped_column(sa.ForeignKey("regions.code"))
    # Where the work was done, to the county where the worker says (GB/T 2260, the places package):
    # it decides the local minimum-wage tier of an award (Art. 47(1)) and the commission's reach
    # (Art. 21: 劳动合同履行地). No foreign key: the division list is shipped data, not a table.
    place_code: Mapped[str | None] = mapped_column(sa.String(6))
    knew_of_violation_on: Mapped[date | None]
    relationship_ended: Mapped[bool] = mapped_column(default=False)
    relationship_ended_on: Mapped[date | None]

    # What the worker answered to the factor checklist at intake (key -> true/false; unanswered left out).
    reported_factors: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    collective: Mapped[bool] = mapped_column(default=False, index=True)
    representative_count: Mapped[int] = mapped_column(default=0)
    final_award: Mapped[bool | None]
    # A sort key derived from the deadlines workflows computes (see cases/schedule.py).
    next_due_on: Mapped[date] = mapped_column(default=date(9999, 12, 31))
    next_due_kind: Mapped[str | None] = mapped_column(sa.String(32))
    priority: Mapped[int] = mapped_column(sa.SmallInteger, default=1)
    agreed_amount: Mapped[Decimal | None] = mapped_column(sa.Numeric(14, 2))
    awarded_amount: Mapped[Decimal | None] = mapped_column(sa.Numeric(14, 2))

    organisation_id: Mapped[int | None] = mapped_column(sa.ForeignKey("organisations.id"))
    mediator_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    arbitrator_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    worker_user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), index=True)
    filed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    # Separate complaints linked into one collective dispute (Art. 7) point at the case that leads it;
    # the lead and its members are all `collective`.
    collective_lead_id: Mapped[int | None] = mapped_column(sa.ForeignKey("cases.id"))  # indexed where set
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    workers: Mapped[list[Worker]] = relationship(
        back_populates="case", order_by="Worker.position", cascade="all, delete-orphan"
    )
    respondents: Mapped[list[Respondent]] = relationship(
        back_populates="case", order_by="Respondent.position", cascade="all, delete-orphan"
    )
    claims: Mapped[list[Claim]] = relationship(
        back_populates="case", order_by="Claim.position", cascade="all, delete-orphan"
    )
    history: Mapped[list["CaseEvent"]] = relationship(  # noqa: F821 - defined in history.py
        back_populates="case", order_by="CaseEvent.seq", cascade="save-update, merge", passive_deletes="all"
    )
    evidence: Mapped[list["Evidence"]] = relationship(  # noqa: F821 - defined in evidence.py
        back_populates="case", order_by="Evidence.id", cascade="all, delete-orphan"
    )
    inspection_links: Mapped[list["CaseInspectionLink"]] = relationship(  # noqa: F821 - in inspection.py
        back_populates="case", cascade="all, delete-orphan", order_by="CaseInspectionLink.id"
    )
    region: Mapped[Region] = relationship()
    organisation: Mapped[Organisation | None] = relationship()
    mediator: Mapped[User | None] = relationship(foreign_keys=[mediator_id])
    arbitrator: Mapped[User | None] = relationship(foreign_keys=[arbitrator_id])
    worker_user: Mapped[User | None] = relationship(foreign_keys=[worker_user_id])
    filed_by: Mapped[User | None] = relationship(foreign_keys=[filed_by_id])
    collective_lead: Mapped[Case | None] = relationship(remote_side=[id], back_populates="collective_members")
    collective_members: Mapped[list[Case]] = relationship(back_populates="collective_lead", order_by="Case.id")

    __mapper_args__ = {"version_id_col": version}

    @property
    def worker_count(self) -> int:
        return len(self.workers)

    @property
    def group_worker_count(self) -> int:
        """The workers of this case and of the complaints linked into it as one collective dispute."""
        return self.worker_count + sum(member.worker_count for member in self.collective_members)

    @property
    def place(self) -> places.Place | None:
        """The place of work as the division list names it (None when not given)."""
        return places.place_by_code(self.place_code) if self.place_code else None

    @property
    def total_claimed(self) -> Decimal:
        return sum((claim.amount for claim in self.claims if claim.amount is not None), Decimal("0.00"))

    def record_change(self) -> None:
        """Count a change that only adds rows beside the case (a history row, a file of evidence).

        The version must grow with every change (DESIGN: send it back with an event), and it grows
        only when the cases row is updated; without this a hearing scheduled or a file added left
        it as it was, so a page read before them still looked current.
        """
        self.updated_at = utcnow()

    def __repr__(self) -> str:
        return f"<Case {self.case_no} {self.state}>"


class Worker(Base):
    """A worker who brings the dispute; a collective case has ten or more."""

    __tablename__ = "workers"
    __table_args__ = (sa.CheckConstraint(in_list("occupation", OCCUPATIONS), name="occupation"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(sa.String(64))
    id_number: Mapped[str | None] = mapped_column(sa.String(18))
    phone: Mapped[str] = mapped_column(sa.String(20))
    occupation: Mapped[str] = mapped_column(sa.String(32))
    # 住所: a particular the arbitration application must state (调解仲裁法第二十八条第二款第一项).
    address: Mapped[str | None] = mapped_column(sa.String(200))
    is_representative: Mapped[bool] = mapped_column(default=False)

    case: Mapped[Case] = relationship(back_populates="workers")


class Respondent(Base):
    """A company the worker claims against: the platform, a cooperating company, an agency…"""

    __tablename__ = "respondents"
    __table_args__ = (sa.CheckConstraint(in_list("kind", RESPONDENT_KINDS), name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(sa.String(128))
    # Matching key for repeated complaints: the credit code where known, else this.
    normalised_name: Mapped[str] = mapped_column(sa.String(128), index=True)
    kind: Mapped[str] = mapped_column(sa.String(32))
    credit_code: Mapped[str | None] = mapped_column(sa.String(18), index=True)
    # The employer's 住所 and its 法定代表人或者主要负责人's name and 职务, as the arbitration
    # application states them (调解仲裁法第二十八条第二款第一项); the worker often does not know them.
    address: Mapped[str | None] = mapped_column(sa.String(200))
    legal_representative: Mapped[str | None] = mapped_column(sa.String(64))
    legal_representative_title: Mapped[str | None] = mapped_column(sa.String(32))

    case: Mapped[Case] = relationship(back_populates="respondents")


class Claim(Base):
    """One thing the worker asks for, with an amount in yuan where it is money."""

    __tablename__ = "claims"
    __table_args__ = (
        sa.CheckConstraint(in_list("kind", CLAIM_KINDS), name="kind"),
        sa.CheckConstraint("amount IS NULL OR amount > 0", name="amount_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    kind: Mapped[str] = mapped_column(sa.String(40), index=True)
    amount: Mapped[Decimal | None] = mapped_column(sa.Numeric(14, 2))

    case: Mapped[Case] = relationship(back_populates="claims")


class CaseNumberCounter(Base):
    """The last case number issued in a year; incremented inside the intake transaction."""

    __tablename__ = "case_number_counters"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last_number: Mapped[int] = mapped_column(default=0)

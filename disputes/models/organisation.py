"""Regions, the organisations that handle disputes, and the regional minimum wages."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from disputes.models.base import Base, in_list

ORGANISATION_KINDS = ("mediation_body", "arbitration_commission", "legal_aid_centre", "union", "labour_inspectorate")


class Region(Base):
    """A provincial-level region (GB/T 2260 two-digit code) or a city below it."""

    __tablename__ = "regions"

    code: Mapped[str] = mapped_column(sa.String(12), primary_key=True)
    name_zh: Mapped[str] = mapped_column(sa.String(64))
    parent_code: Mapped[str | None] = mapped_column(sa.ForeignKey("regions.code"))

    minimum_wages: Mapped[list[MinimumWage]] = relationship(
        back_populates="region", order_by="MinimumWage.effective_on.desc()"
    )

    def __repr__(self) -> str:
        return f"<Region {self.code} {self.name_zh}>"


class Organisation(Base):
    """A mediation body, arbitration commission, legal-aid centre, union or labour inspectorate."""

    __tablename__ = "organisations"
    __table_args__ = (sa.CheckConstraint(in_list("kind", ORGANISATION_KINDS), name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(128), unique=True)
    kind: Mapped[str] = mapped_column(sa.String(32))
    region_code: Mapped[str | None] = mapped_column(sa.ForeignKey("regions.code"))
    phone: Mapped[str | None] = mapped_column(sa.String(32))
    address: Mapped[str | None] = mapped_column(sa.String(256))

    region: Mapped[Region | None] = relationship()

    def __repr__(self) -> str:
        return f"<Organisation {self.name}>"


class MinimumWage(Base):
    """A region's monthly and hourly minimum wage from the day it took effect.

    The monthly figure sets the final-award threshold (12 x, Art. 47); shipped values are
    marked unverified until an admin confirms them against the province's notice.
    """

    __tablename__ = "minimum_wages"
    __table_args__ = (
        sa.UniqueConstraint("region_code", "effective_on", name="region_effective_on"),
        sa.CheckConstraint("monthly > 0", name="monthly_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    region_code: Mapped[str] = mapped_column(sa.ForeignKey("regions.code"), index=True)
    monthly: Mapped[Decimal] = mapped_column(sa.Numeric(10, 2))
    hourly: Mapped[Decimal | None] = mapped_column(sa.Numeric(8, 2))
    effective_on: Mapped[date]
    verified: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str | None] = mapped_column(sa.String(256))

    region: Mapped[Region] = relationship(back_populates="minimum_wages")

"""Dashboard counts: what the cases add up to, per day of intake, region, organisation and measure."""
from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from disputes.models.base import Base


class DashboardCount(Base):
    """How many cases (and how many cents) count towards one dashboard figure.

    Kept in step with the cases in the same transaction as every change (dashboard/rollup.py), so
    the dashboard sums a few thousand of these rows instead of scanning a million cases; `flask
    dashboard recount` rebuilds them from the cases. `organisation_id` 0 stands for "none" so the
    key can be the primary key on every database.
    """

    __tablename__ = "dashboard_counts"

    day: Mapped[date] = mapped_column(primary_key=True)  # the cases' submitted_on
    region_code: Mapped[str] = mapped_column(sa.String(12), primary_key=True)
    organisation_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    measure: Mapped[str] = mapped_column(sa.String(40), primary_key=True)  # state, claim, stage:mediation, due:award…
    value: Mapped[str] = mapped_column(sa.String(128), primary_key=True)
    cases: Mapped[int] = mapped_column(sa.BigInteger, default=0)
    cents: Mapped[int] = mapped_column(sa.BigInteger, default=0)

"""Early-warning rules (thresholds an admin edits) and the alerts they raise."""
from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from disputes.models.base import Base, in_list, utcnow
from disputes.models.user import User

RULE_KEYS = ("repeated_wage_complaints", "likely_collective", "deadline_no_action", "surge", "pay_below_minimum")
ALERT_STATES = ("open", "acknowledged")


class WarningRule(Base):
    """One rule: `threshold` and `window_days` mean what the rule's docstring in warnings.py says."""

    __tablename__ = "warning_rules"
    __table_args__ = (sa.CheckConstraint(in_list("key", RULE_KEYS), name="key"),
                      sa.CheckConstraint("threshold > 0 AND window_days > 0", name="positive"))

    key: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    enabled: Mapped[bool] = mapped_column(default=True)
    threshold: Mapped[int]
    window_days: Mapped[int]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Alert(Base):
    """A warning raised by a rule about a subject (a respondent, a platform, a case…)."""

    __tablename__ = "alerts"
    __table_args__ = (sa.CheckConstraint(in_list("status", ALERT_STATES), name="status"),
                      sa.Index("ix_alerts_status_raised", "status", "raised_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    rule_key: Mapped[str] = mapped_column(sa.String(40))
    subject_key: Mapped[str] = mapped_column(sa.String(160), index=True)
    subject_label: Mapped[str] = mapped_column(sa.String(200))
    region_code: Mapped[str | None] = mapped_column(sa.String(12))
    message: Mapped[str] = mapped_column(sa.String(500))
    case_numbers: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    details: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    dedupe_key: Mapped[str] = mapped_column(sa.String(200), unique=True)
    raised_at: Mapped[datetime] = mapped_column(default=utcnow)
    status: Mapped[str] = mapped_column(sa.String(16), default="open")
    acknowledged_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    acknowledged_at: Mapped[datetime | None]
    note: Mapped[str | None] = mapped_column(sa.String(1000))

    acknowledged_by: Mapped[User | None] = relationship()

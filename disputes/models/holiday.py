"""The State Council's yearly holiday arrangements as an administrator entered them."""
from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from disputes.models.base import Base, utcnow
from disputes.models.user import User


class HolidayArrangement(Base):
    """One year's published arrangement (放假调休安排): it takes precedence over the shipped data.

    `data` is the JSON form of workflows/data/holiday_arrangements.json (source, url, published_on,
    days_off as ranges, working_days), checked by workflows.holidays before it is saved.
    """

    __tablename__ = "holiday_arrangements"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    data: Mapped[dict[str, Any]] = mapped_column(sa.JSON)
    entered_at: Mapped[datetime] = mapped_column(default=utcnow)
    entered_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))

    entered_by: Mapped[User | None] = relationship()

"""The notification outbox: written in the transaction of the event that causes it, sent later."""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from disputes.models.base import Base, in_list, utcnow

NOTIFICATION_STATES = ("pending", "sending", "sent", "failed")
CHANNELS = ("sms", "email")


class Notification(Base):
    """One message to one recipient; `dedupe_key` makes the same notice impossible to queue twice."""

    __tablename__ = "notifications"
    __table_args__ = (
        sa.CheckConstraint(in_list("status", NOTIFICATION_STATES), name="status"),
        sa.CheckConstraint(in_list("channel", CHANNELS), name="channel"),
        sa.Index("ix_notifications_due", "status", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int | None] = mapped_column(sa.ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    channel: Mapped[str] = mapped_column(sa.String(8))
    recipient: Mapped[str] = mapped_column(sa.String(254))
    kind: Mapped[str] = mapped_column(sa.String(40))
    body: Mapped[str] = mapped_column(sa.Text)
    dedupe_key: Mapped[str] = mapped_column(sa.String(160), unique=True)
    status: Mapped[str] = mapped_column(sa.String(12), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    claimed_by: Mapped[str | None] = mapped_column(sa.String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(sa.String(500))

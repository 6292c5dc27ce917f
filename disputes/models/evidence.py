"""Evidence files attached to a case; the bytes live in the evidence store under their SHA-256."""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from disputes.models.base import Base, utcnow
from disputes.models.user import User


class Evidence(Base):
    """One uploaded file: a screenshot of orders, a pay statement, a photo of a penalty notice…"""

    __tablename__ = "evidence"
    __table_args__ = (
        sa.UniqueConstraint("case_id", "sha256", name="case_sha256"),
        sa.CheckConstraint("size > 0", name="size_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(sa.String(64), index=True)
    original_name: Mapped[str] = mapped_column(sa.String(255))
    content_type: Mapped[str] = mapped_column(sa.String(64))
    size: Mapped[int]
    description: Mapped[str | None] = mapped_column(sa.String(500))
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow)
    uploaded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))

    case: Mapped["Case"] = relationship(back_populates="evidence")  # noqa: F821
    uploaded_by: Mapped[User | None] = relationship()

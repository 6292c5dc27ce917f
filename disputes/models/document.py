"""PDF documents generated for a case, kept byte for byte so the SHA-256 in the history matches."""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from disputes.models.base import Base, utcnow
from disputes.models.user import User


class GeneratedDocument(Base):
    """One issued version of a document kind for a case (the newest one is what users download)."""

    __tablename__ = "generated_documents"
    __table_args__ = (sa.Index("ix_generated_documents_case_kind", "case_id", "kind", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("cases.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(sa.String(40))
    language: Mapped[str] = mapped_column(sa.String(8), default="zh")
    sha256: Mapped[str] = mapped_column(sa.String(64))
    size: Mapped[int]
    generated_at: Mapped[datetime] = mapped_column(default=utcnow)
    generated_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    event: Mapped[str | None] = mapped_column(sa.String(40))

    generated_by: Mapped[User | None] = relationship()

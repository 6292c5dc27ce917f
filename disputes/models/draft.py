"""A worker's unfinished complaint, kept so that nothing typed on a phone is lost."""
from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from disputes.models.base import Base, utcnow


class IntakeDraft(Base):
    """The form's fields as typed, with references to the photos chosen at the evidence step (their bytes are
    in the evidence store, disputes/intake/drafts/photos.py); found by a random token stored as a hash."""

    __tablename__ = "intake_drafts"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    fields: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    expires_at: Mapped[datetime] = mapped_column(index=True)

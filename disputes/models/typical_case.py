"""Typical cases (典型案例) as stored; the search index is derived from these rows."""
from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from disputes.models.base import Base, in_list, utcnow
from disputes.models.user import User

LIBRARY_STATUSES = ("draft", "published", "withdrawn")


class TypicalCase(Base):
    """One case of the library, published or still a draft (or withdrawn after a removal request)."""

    __tablename__ = "typical_cases"
    __table_args__ = (
        sa.CheckConstraint(in_list("status", LIBRARY_STATUSES), name="status"),
        sa.Index("ix_typical_cases_status_year", "status", "source_year"),
    )

    id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    source_body: Mapped[str] = mapped_column(sa.String(300))
    source_release: Mapped[str] = mapped_column(sa.String(300))
    # Null only for a draft: a published case has a year (casebase.records checks it).
    source_year: Mapped[int | None]
    source_number: Mapped[str | None] = mapped_column(sa.String(64))
    # YYYY-MM-DD, YYYY-MM or YYYY; when null, source_date_note says why.
    source_date: Mapped[str | None] = mapped_column(sa.String(10))
    source_date_note: Mapped[str | None] = mapped_column(sa.String(500))
    # The page the case was read on (required to publish an imported case) and other pages carrying it.
    source_url: Mapped[str | None] = mapped_column(sa.String(1000))
    source_also_reported_at: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    illustrative: Mapped[bool] = mapped_column(default=False)
    region: Mapped[str | None] = mapped_column(sa.String(32))
    occupation: Mapped[str] = mapped_column(sa.String(32))
    arrangement: Mapped[str | None] = mapped_column(sa.String(32))
    work_arrangement: Mapped[str] = mapped_column(sa.String(200))
    respondent_kinds: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    claims: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    facts: Mapped[str] = mapped_column(sa.Text)
    holding: Mapped[str] = mapped_column(sa.Text, default="")
    reasoning: Mapped[str] = mapped_column(sa.Text, default="")
    factors: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    # The facts behind each known factor: {factor key: text}.
    factor_evidence: Mapped[dict[str, str]] = mapped_column(sa.JSON, default=dict)
    # Each decision: [{level, court_or_body, number, result}], arbitration first.
    instances: Mapped[list[dict[str, Any]]] = mapped_column(sa.JSON, default=list)
    outcome: Mapped[str] = mapped_column(sa.String(32))
    status: Mapped[str] = mapped_column(sa.String(16), default="draft")
    statutes: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    from_case_id: Mapped[int | None] = mapped_column(sa.ForeignKey("cases.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    published_at: Mapped[datetime | None]
    updated_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(default=1)

    updated_by: Mapped[User | None] = relationship()

    __mapper_args__ = {"version_id_col": version}


class LibraryGeneration(Base):
    """A counter bumped in every transaction that changes the library.

    Each server's search index remembers the generation it reflects; a server whose index is
    behind (a failed update, a new server, a restored backup) rebuilds it from the database.
    """

    __tablename__ = "library_generation"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False, default=1)
    generation: Mapped[int] = mapped_column(default=0)

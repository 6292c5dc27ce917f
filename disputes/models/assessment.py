"""Labour-relationship assessments saved on a case, with who made them and when."""
from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from disputes.models.base import Base, utcnow
from disputes.models.user import User


class CaseAssessment(Base):
    """One saved run of the assessment; factors hold the values used and where each came from."""

    __tablename__ = "case_assessments"
    __table_args__ = (sa.Index("ix_case_assessments_case", "case_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("cases.id", ondelete="CASCADE"))
    # The leaning when status is "cannot_tell" (casebase.assess.Assessment keeps the same pair).
    category: Mapped[str] = mapped_column(sa.String(32))
    status: Mapped[str] = mapped_column(sa.String(16), default="decided", server_default="decided")
    status_reason: Mapped[str | None] = mapped_column(sa.Text)
    # The English of the reason and the explanation (None on runs saved before English was kept).
    status_reason_en: Mapped[str | None] = mapped_column(sa.Text)
    # The questions whose answers would decide, each with the evidence that answers it, and its English
    # under "en" (casebase.assess.Question.to_dict).
    questions: Mapped[list[dict[str, Any]] | None] = mapped_column(sa.JSON)
    confidence: Mapped[float]
    score: Mapped[float]
    factors: Mapped[list[dict[str, Any]]] = mapped_column(sa.JSON, default=list)
    managing_party: Mapped[str | None] = mapped_column(sa.String(200))
    explanation: Mapped[str] = mapped_column(sa.Text)
    explanation_en: Mapped[str | None] = mapped_column(sa.Text)
    similar_case_ids: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    assessed_at: Mapped[datetime] = mapped_column(default=utcnow)
    assessed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))

    assessed_by: Mapped[User | None] = relationship()

    @property
    def cannot_tell(self) -> bool:
        return self.status == "cannot_tell"

    def has_english(self) -> bool:
        """Saved with its English (every run since the assessment wrote both languages)."""
        return self.explanation_en is not None

    def explanation_in(self, language: str) -> str:
        return self.explanation_en if language == "en" and self.has_english() else self.explanation

    def status_reason_in(self, language: str) -> str | None:
        return self.status_reason_en if language == "en" and self.has_english() else self.status_reason

    def questions_in(self, language: str) -> list[dict[str, Any]]:
        """The open questions ({question, evidence, …}) in ``language`` where they were saved in it."""
        return [question.get("en", question) if language == "en" else question for question in self.questions or []]


def _latest_assessment_relationship() -> None:
    """`Case.latest_assessment`: the newest saved run, which the case page shows.

    A relationship (not a query in the panel) so the case page can join it into the case's own
    statement; read-only, since runs are added as CaseAssessment rows.
    """
    from disputes.models.case import Case

    newer = CaseAssessment.__table__.alias("newer_assessments")
    newest_id = sa.select(sa.func.max(newer.c.id)).where(newer.c.case_id == Case.id).correlate(Case).scalar_subquery()
    Case.latest_assessment = relationship(
        CaseAssessment, primaryjoin=sa.and_(CaseAssessment.case_id == Case.id, CaseAssessment.id == newest_id),
        viewonly=True, uselist=False)


_latest_assessment_relationship()

"""An employer's labour-security compliance rating (企业劳动保障守法诚信等级评价) and its objections.

The grade is workflows/compliance_rating.py's; these tables keep what it decided, for which year and
region, on which facts, and the decision trail: a rating is never rewritten. A review that changes
the grade, or a re-rating on new facts, adds a rating that points at the one it replaces, which is
then `superseded`; an objection keeps its grounds, whether it came in time and how it was decided.
The file of each decision is the employer's 守法诚信档案 (《劳动保障监察条例》第二十二条).
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from disputes.models.base import Base, in_list, utcnow
from disputes.models.user import User
from workflows.compliance_rating import GRADES, REVIEW_OUTCOMES

# rated: decided, the employer not yet told; notified: told, the objection window running or run;
# under_review: an objection received in time awaits the review; reviewed: the review's answer was
# given (no further objection); superseded: a later rating of the same year replaced it.
RATING_STATES = ("rated", "notified", "under_review", "reviewed", "superseded")
# rating: the year's first; review: the grade a review changed; adjustment: re-rated on new facts.
RATING_ORIGINS = ("rating", "review", "adjustment")
# pending: awaits the review; decided: reviewed; out_of_time: filed after the window, kept on file
# but not reviewed (a working rule: the texts found set no window, workflows sets ours).
OBJECTION_STATUSES = ("pending", "decided", "out_of_time")
# Ratings are of a record year; the measures took effect on 2017-01-01, rating the year before.
FIRST_RATED_YEAR = 2016


class ComplianceRating(Base):
    """One employer's grade for one record year in one region, as decided and told to it."""

    __tablename__ = "compliance_ratings"
    __table_args__ = (
        sa.CheckConstraint(in_list("grade", GRADES), name="grade"),
        sa.CheckConstraint(in_list("state", RATING_STATES), name="state"),
        sa.CheckConstraint(in_list("origin", RATING_ORIGINS), name="origin"),
        sa.CheckConstraint("(origin = 'rating') = (previous_id IS NULL)", name="origin_has_previous"),
        sa.CheckConstraint(f"period_year >= {FIRST_RATED_YEAR}", name="period_year"),
        sa.CheckConstraint("notified_on IS NULL OR notified_on >= rated_on", name="notified_after_rated"),
        sa.CheckConstraint("notified_on IS NOT NULL OR state IN ('rated', 'superseded')", name="notified_unless_rated"),
        sa.CheckConstraint("state <> 'rated' OR notified_on IS NULL", name="rated_not_yet_notified"),
        # One rating in force per employer, region and year; the superseded ones stay on file.
        sa.Index("uq_compliance_ratings_in_force", "employer_key", "region_code", "period_year", unique=True,
                 sqlite_where=sa.text("state <> 'superseded'"), postgresql_where=sa.text("state <> 'superseded'")),
        sa.Index("ix_compliance_ratings_export", "region_code", "period_year", "grade"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # The app's employer key (the credit code, else the respondents' normalised name: /employers/<key>).
    employer_key: Mapped[str] = mapped_column(sa.String(128))
    employer_name: Mapped[str] = mapped_column(sa.String(128))
    credit_code: Mapped[str | None] = mapped_column(sa.String(18))
    region_code: Mapped[str] = mapped_column(sa.ForeignKey("regions.code"))
    period_year: Mapped[int]
    grade: Mapped[str] = mapped_column(sa.String(1))
    # workflows' RatingResult.as_data(): the reasons with their citations, the flags, the context.
    result: Mapped[dict[str, Any]] = mapped_column(sa.JSON)
    # The facts the grade was worked out on, each with the matter it came from (see rating/record.py).
    facts: Mapped[dict[str, Any]] = mapped_column(sa.JSON)
    rules_version: Mapped[str] = mapped_column(sa.String(64))
    origin: Mapped[str] = mapped_column(sa.String(16), default="rating")
    previous_id: Mapped[int | None] = mapped_column(sa.ForeignKey("compliance_ratings.id"))
    state: Mapped[str] = mapped_column(sa.String(16), default="rated")
    rated_on: Mapped[date]
    rated_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    notified_on: Mapped[date | None]  # the day the employer was told (以适当方式告知: the objection window runs from it)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    rated_by: Mapped[User | None] = relationship()
    previous: Mapped[ComplianceRating | None] = relationship(remote_side=[id])
    objections: Mapped[list[RatingObjection]] = relationship(
        back_populates="rating", order_by="RatingObjection.id", cascade="all, delete-orphan",
        foreign_keys="RatingObjection.rating_id")

    __mapper_args__ = {"version_id_col": version}

    def __repr__(self) -> str:
        return f"<ComplianceRating {self.employer_key} {self.period_year} {self.grade} {self.state}>"


class RatingObjection(Base):
    """An objection to a grade, recorded by the inspectorate on the employer's behalf, and its review.

    The employer has no account here: staff record what it filed (by letter or in person).
    """

    __tablename__ = "rating_objections"
    __table_args__ = (
        sa.CheckConstraint(in_list("status", OBJECTION_STATUSES), name="status"),
        sa.CheckConstraint(f"decision IS NULL OR {in_list('decision', REVIEW_OUTCOMES)}", name="decision"),
        sa.CheckConstraint("(status = 'decided') = (decision IS NOT NULL AND decided_on IS NOT NULL)",
                           name="decided_has_decision"),
        sa.CheckConstraint("(status = 'out_of_time') = (NOT in_time)", name="late_is_out_of_time"),
        sa.CheckConstraint("decision IS NULL OR decision <> 'change' OR result_rating_id IS NOT NULL",
                           name="change_has_result"),
        # One objection in time per rating (late ones are kept as they come).
        sa.Index("uq_rating_objections_in_time", "rating_id", unique=True,
                 sqlite_where=sa.text("in_time"), postgresql_where=sa.text("in_time")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    rating_id: Mapped[int] = mapped_column(sa.ForeignKey("compliance_ratings.id", ondelete="CASCADE"), index=True)
    filed_on: Mapped[date]
    grounds: Mapped[str] = mapped_column(sa.Text)
    in_time: Mapped[bool]
    status: Mapped[str] = mapped_column(sa.String(16))
    recorded_on: Mapped[date]
    recorded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    review_due: Mapped[date | None]
    decision: Mapped[str | None] = mapped_column(sa.String(16))
    decided_on: Mapped[date | None]
    decided_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    note: Mapped[str | None] = mapped_column(sa.Text)
    # The ids of the facts the review found recorded in error and left out (see rating/record.py).
    excluded: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    result_rating_id: Mapped[int | None] = mapped_column(sa.ForeignKey("compliance_ratings.id"))

    rating: Mapped[ComplianceRating] = relationship(back_populates="objections", foreign_keys=[rating_id])
    result_rating: Mapped[ComplianceRating | None] = relationship(foreign_keys=[result_rating_id])
    recorded_by: Mapped[User | None] = relationship(foreign_keys=[recorded_by_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])

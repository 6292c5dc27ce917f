"""An employer's record: its cases, outcomes, amounts and alerts, and the companies it works with."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from disputes.database import reporting_session
from disputes.errors import NotFound
from disputes.inspection.rating.panel import RatingPanel, rating_panel
from disputes.inspection.rating.record import Partner, chain_partners, respondent_match
from disputes.models import Alert, Case, Respondent, User
from disputes.permissions import can, visible_cases_clause


@dataclass
class EmployerRecord:
    key: str
    names: list[str]
    kinds: list[str]
    cases: list[Case]
    by_state: dict[str, int]
    claimed: Decimal
    agreed: Decimal
    awarded: Decimal
    alerts: list[Alert]
    partners: list[Partner]  # the platform–cooperating-company chain, most shared cases first
    rating: RatingPanel | None  # the compliance rating of the last year ended, for those who may read it


def employer_record(key: str, user: User) -> EmployerRecord:
    """Everything on record about the respondent with this credit code or normalised name."""
    case_ids = sa.select(Respondent.case_id).where(respondent_match(key))
    cases = list(reporting_session().scalars(
        sa.select(Case).where(Case.id.in_(case_ids), visible_cases_clause(user)).order_by(Case.submitted_on.desc())
        .options(selectinload(Case.claims), selectinload(Case.respondents))))
    if not cases:
        raise NotFound(_("没有找到该单位的案件。"))
    own = [r for case in cases for r in case.respondents if r.credit_code == key or (r.credit_code is None and r.normalised_name == key)]
    partners = chain_partners(cases, key)
    by_state: dict[str, int] = {}
    for case in cases:
        by_state[case.state] = by_state.get(case.state, 0) + 1
    return EmployerRecord(
        key=key, names=sorted({r.name for r in own}), kinds=sorted({r.kind for r in own}), cases=cases,
        by_state=by_state, claimed=sum((c.total_claimed for c in cases), Decimal("0")),
        agreed=sum((c.agreed_amount or Decimal("0") for c in cases), Decimal("0")),
        awarded=sum((c.awarded_amount or Decimal("0") for c in cases), Decimal("0")),
        alerts=list(reporting_session().scalars(sa.select(Alert).where(Alert.subject_key.endswith(":" + key)).order_by(Alert.raised_at.desc()))),
        partners=partners,
        rating=rating_panel(key, user, partners=partners) if can(user, "see_ratings") else None,
    )

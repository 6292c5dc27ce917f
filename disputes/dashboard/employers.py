"""An employer's record: its cases, outcomes, amounts and alerts, and the companies it works with."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from disputes.database import reporting_session
from disputes.errors import NotFound
from disputes.models import Alert, Case, Respondent, User
from disputes.permissions import visible_cases_clause


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
    partners: list[tuple[str, str, int]]  # (key, name, shared cases): the platform–cooperating-company chain


def employer_record(key: str, user: User) -> EmployerRecord:
    """Everything on record about the respondent with this credit code or normalised name."""
    matches = sa.or_(Respondent.credit_code == key, sa.and_(Respondent.credit_code.is_(None), Respondent.normalised_name == key))
    case_ids = sa.select(Respondent.case_id).where(matches)
    cases = list(reporting_session().scalars(
        sa.select(Case).where(Case.id.in_(case_ids), visible_cases_clause(user)).order_by(Case.submitted_on.desc())
        .options(selectinload(Case.claims), selectinload(Case.respondents))))
    if not cases:
        raise NotFound(_("没有找到该单位的案件。"))
    own = [r for case in cases for r in case.respondents if r.credit_code == key or (r.credit_code is None and r.normalised_name == key)]
    partners: dict[str, list] = {}
    for case in cases:
        for other in case.respondents:
            other_key = other.credit_code or other.normalised_name
            if other_key != key:
                partners.setdefault(other_key, [other.name, 0])[1] += 1
    by_state: dict[str, int] = {}
    for case in cases:
        by_state[case.state] = by_state.get(case.state, 0) + 1
    return EmployerRecord(
        key=key, names=sorted({r.name for r in own}), kinds=sorted({r.kind for r in own}), cases=cases,
        by_state=by_state, claimed=sum((c.total_claimed for c in cases), Decimal("0")),
        agreed=sum((c.agreed_amount or Decimal("0") for c in cases), Decimal("0")),
        awarded=sum((c.awarded_amount or Decimal("0") for c in cases), Decimal("0")),
        alerts=list(reporting_session().scalars(sa.select(Alert).where(Alert.subject_key.endswith(":" + key)).order_by(Alert.raised_at.desc()))),
        partners=sorted(((k, name, n) for k, (name, n) in partners.items()), key=lambda p: -p[2]),
    )

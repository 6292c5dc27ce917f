"""Linking separate complaints into one collective dispute (《劳动争议调解仲裁法》第七条).

Workers of one station often complain one by one. When ten or more of them bring a common claim
against the same respondent, the early-warning rule `likely_collective` names their cases; an
arbitrator or mediator links them here. Each case keeps its number, parties and history; the
earliest becomes the lead, the others point at it, and all of them are collective, so they are
filed and heard first (Rules Art. 5) and counted as one collective dispute on the dashboard.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm.exc import StaleDataError

from disputes.cases.schedule import refresh_schedule
from disputes.cases.history import record_in_history
from disputes.cases.services import MAX_NOTE_LENGTH
from disputes.alerts.rules import acknowledge, alert_for
from disputes.errors import Conflict, NotFound, ValidationFailed
from disputes.extensions import db
from disputes.models import Alert, Case, User
from disputes.permissions import can
from disputes.timekeeping import local_today
from workflows import TERMINAL_STATES, is_collective

LINK_EVENT = "link_collective"


@dataclass(frozen=True)
class CollectiveProposal:
    """The cases an alert names that can be linked now, and what linking them would make."""

    cases: list[Case]
    lead: Case | None
    workers: int
    common_claims: list[str]

    @property
    def meets_article_7(self) -> bool:
        return len(self.cases) >= 2 and is_collective(self.workers, self.common_claims)


def collective_alert(user: User, alert_id: int) -> Alert:
    """A likely-collective alert the user may act on; NotFound for any other alert."""
    alert = alert_for(user, alert_id)
    if alert.rule_key != "likely_collective":
        raise NotFound(_("没有找到该预警。"))
    return alert


def proposal(alert: Alert, user: User, case_numbers: Iterable[str] | None = None) -> CollectiveProposal:
    """Of the cases the alert names (or those of them chosen), the ones that can be linked now: in the
    alert's region, the user's to change (permissions.may_change_case), still open, and not yet in a group."""
    numbers = sorted(set(alert.case_numbers if case_numbers is None else case_numbers))
    found = db.session.scalars(sa.select(Case).where(Case.case_no.in_(numbers)).order_by(Case.id)).all() if numbers else []
    cases = [case for case in found if case.region_code == alert.region_code and can(user, "link_collective", case)
             and case.state not in TERMINAL_STATES and case.collective_lead_id is None and not case.collective_members]
    return _proposal(cases)


def _proposal(cases: Sequence[Case]) -> CollectiveProposal:
    claim_sets = [{claim.kind for claim in case.claims} for case in cases]
    common = sorted(set.intersection(*claim_sets)) if claim_sets else []
    return CollectiveProposal(list(cases), cases[0] if cases else None, sum(case.worker_count for case in cases), common)


def link_collective(alert: Alert, chosen: Iterable[str], by: User, note: str | None = None) -> Case:
    """Link the chosen cases of the alert into one collective dispute led by the earliest; one transaction.

    Refuses (422, nothing written) fewer than two cases, a case the alert does not name or that cannot
    be linked now, and a group without ten workers or without a claim they all bring.
    """
    if alert.rule_key != "likely_collective" or alert.status != "open":
        raise Conflict(_("这条预警不是待处理的疑似集体争议预警。"))
    chosen = sorted(set(chosen))
    if len(chosen) < 2:
        raise ValidationFailed({"cases": _("请至少选择两个案件。")})
    if not set(chosen) <= set(alert.case_numbers):
        raise ValidationFailed({"cases": _("只能合并这条预警列出的案件。")})
    group = proposal(alert, by, chosen)
    if len(group.cases) != len(chosen):
        raise ValidationFailed({"cases": _("所选案件中有的已经结案、已并入其他集体争议，或您无权办理，请刷新后重选。")})
    if not group.meets_article_7:
        raise ValidationFailed({"cases": _(
            "合并后为 %(workers)d 名劳动者、共同请求 %(claims)d 项：集体争议须十人以上并有共同请求（《劳动争议调解仲裁法》第七条）。",
            workers=group.workers, claims=len(group.common_claims))})
    today, note = local_today(), (note or "").strip()[:MAX_NOTE_LENGTH]
    numbers = [case.case_no for case in group.cases]
    for case in group.cases:
        case.collective = True
        if case is not group.lead:
            # The column itself, not the relationship: the dashboard counts read changed columns
            # before the flush, and a relationship fills the column only during it.
            case.collective_lead_id = group.lead.id
        record_in_history(case, LINK_EVENT, by, today, note=note,
                          data={"lead": group.lead.case_no, "cases": numbers, "workers": group.workers,
                                "common_claims": group.common_claims})
        refresh_schedule(case, today)
    acknowledge(alert, by, _("已合并为集体争议，牵头案件 %(lead)s，共 %(n)d 案。", lead=group.lead.case_no, n=len(numbers)),
                commit=False)
    try:
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        raise Conflict(_("案件已被他人更新，请刷新后重试。")) from None
    return group.lead

"""The dashboard's figures, each one SQL aggregate over the filtered cases (fast on a million rows)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from statistics import median
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _

from disputes.cases.schedule import NO_DEADLINE
from disputes.errors import ValidationFailed
from disputes.extensions import db
from disputes.models import Case, CaseEvent, Claim, Region, Worker
from workflows import TERMINAL_STATES, add_period

# Stages whose length we report: from the event that opens them to the one that ends them.
STAGES = {
    "acceptance": ("submit", ("accept", "decline")),
    "mediation": ("accept", ("mediation_succeeded", "mediation_failed")),
    "arbitration": ("accept_arbitration", ("render_award", "arbitral_mediation")),
}
MEDIATION_OUTCOMES = ("mediation_succeeded", "mediation_failed")


@dataclass(frozen=True)
class DashboardFilter:
    start: date | None = None
    end: date | None = None
    region: str | None = None
    organisation_id: int | None = None


def parse_filter(args) -> DashboardFilter:
    """Filters from ?from=&to=&region=&organisation=; bad values are a 422 naming them."""
    errors, values = {}, {}
    for key, name in (("from", "start"), ("to", "end")):
        raw = args.get(key)
        if raw:
            try:
                values[name] = date.fromisoformat(raw)
            except ValueError:
                errors[key] = _("日期格式应为 年-月-日。")
    organisation = args.get("organisation")
    if organisation and not organisation.isdigit():
        errors["organisation"] = _("机构编号应为数字。")
    if errors:
        raise ValidationFailed(errors)
    return DashboardFilter(region=args.get("region") or None,
                           organisation_id=int(organisation) if organisation else None, **values)


def _conditions(wanted: DashboardFilter) -> list:
    conditions = []
    if wanted.start:
        conditions.append(Case.submitted_on >= wanted.start)
    if wanted.end:
        conditions.append(Case.submitted_on <= wanted.end)
    if wanted.region:
        conditions.append(Case.region_code == wanted.region)
    if wanted.organisation_id:
        conditions.append(Case.organisation_id == wanted.organisation_id)
    return conditions


def _counts(column, wanted: DashboardFilter, *joins) -> dict[str, int]:
    query = sa.select(column, sa.func.count(sa.distinct(Case.id))).select_from(Case)
    for target, on in joins:
        query = query.join(target, on)
    rows = db.session.execute(query.where(*_conditions(wanted)).group_by(column).order_by(sa.func.count(sa.distinct(Case.id)).desc()))
    return {str(key) if key is not None else "": count for key, count in rows}


def dashboard_figures(wanted: DashboardFilter, today: date) -> dict[str, Any]:
    """Every figure the dashboard shows, for the filtered cases."""
    conditions = _conditions(wanted)
    open_cases = sa.and_(*conditions, Case.state.not_in(TERMINAL_STATES))
    soon = add_period(today, 3, "working_days")
    money = lambda column: db.session.scalar(sa.select(sa.func.coalesce(sa.func.sum(column), 0)).where(*conditions))  # noqa: E731
    return {
        "total": db.session.scalar(sa.select(sa.func.count(Case.id)).where(*conditions)),
        "by_state": _counts(Case.state, wanted),
        "by_claim": _counts(Claim.kind, wanted, (Claim, Claim.case_id == Case.id)),
        "by_occupation": _counts(Worker.occupation, wanted, (Worker, sa.and_(Worker.case_id == Case.id, Worker.position == 0))),
        "by_platform": _counts(sa.func.coalesce(Case.platform, ""), wanted),
        "by_region": {name: count for name, count in _region_names(_counts(Case.region_code, wanted)).items()},
        "intake_per_week": _intake_per_week(wanted, today),
        "deadlines": {
            "overdue": _by_kind(sa.and_(open_cases, Case.next_due_on < today)),
            "due_soon": _by_kind(sa.and_(open_cases, Case.next_due_on >= today, Case.next_due_on <= soon,
                                         Case.next_due_on < NO_DEADLINE)),
        },
        "collective": {
            "total": db.session.scalar(sa.select(sa.func.count(Case.id)).where(*conditions, Case.collective.is_(True))),
            "open": db.session.scalar(sa.select(sa.func.count(Case.id)).where(open_cases, Case.collective.is_(True))),
        },
        "amounts": {
            "claimed": _money(db.session.scalar(sa.select(sa.func.coalesce(sa.func.sum(Claim.amount), 0))
                                                .join(Case, Claim.case_id == Case.id).where(*conditions))),
            "agreed": _money(money(Case.agreed_amount)),
            "awarded": _money(money(Case.awarded_amount)),
        },
        "median_days": {stage: _median_days(wanted, opening, closing) for stage, (opening, closing) in STAGES.items()},
        "mediation_success_rate": _mediation_success_rate(wanted),
    }


def _by_kind(condition) -> dict[str, int]:
    rows = db.session.execute(sa.select(Case.next_due_kind, sa.func.count(Case.id)).where(condition).group_by(Case.next_due_kind))
    return {kind or "": count for kind, count in rows}


def _region_names(counts: dict[str, int]) -> dict[str, int]:
    names = dict(db.session.execute(sa.select(Region.code, Region.name_zh).where(Region.code.in_(list(counts)))).all())
    return {names.get(code, code): count for code, count in counts.items()}


def _intake_per_week(wanted: DashboardFilter, today: date, weeks: int = 12) -> dict[str, int]:
    """Complaints received per week (Monday-based), the last twelve weeks unless a range is given."""
    end = wanted.end or today
    start = wanted.start or (end - timedelta(weeks=weeks))
    rows = db.session.execute(
        sa.select(Case.submitted_on, sa.func.count(Case.id))
        .where(*_conditions(DashboardFilter(start, end, wanted.region, wanted.organisation_id)))
        .group_by(Case.submitted_on)
    )
    weeks_counted: dict[str, int] = {}
    monday = start - timedelta(days=start.weekday())
    while monday <= end:
        weeks_counted[monday.isoformat()] = 0
        monday += timedelta(weeks=1)
    for day, count in rows:
        key = (day - timedelta(days=day.weekday())).isoformat()
        weeks_counted[key] = weeks_counted.get(key, 0) + count
    return weeks_counted


def _median_days(wanted: DashboardFilter, opening: str, closing: tuple[str, ...]) -> float | None:
    """Median calendar days from the opening event to the first closing event after it."""
    opened = sa.select(CaseEvent.case_id, sa.func.min(CaseEvent.occurred_on).label("on")).where(
        CaseEvent.event == opening).group_by(CaseEvent.case_id).subquery()
    closed = sa.select(CaseEvent.case_id, sa.func.min(CaseEvent.occurred_on).label("on")).where(
        CaseEvent.event.in_(closing)).group_by(CaseEvent.case_id).subquery()
    rows = db.session.execute(
        sa.select(opened.c.on, closed.c.on).join(closed, closed.c.case_id == opened.c.case_id)
        .join(Case, Case.id == opened.c.case_id).where(*_conditions(wanted))
    ).all()
    durations = [(end - start).days for start, end in rows if end >= start]
    return float(median(durations)) if durations else None


def _mediation_success_rate(wanted: DashboardFilter) -> float | None:
    rows = dict(db.session.execute(
        sa.select(CaseEvent.event, sa.func.count(sa.distinct(CaseEvent.case_id)))
        .join(Case, Case.id == CaseEvent.case_id)
        .where(CaseEvent.event.in_(MEDIATION_OUTCOMES), *_conditions(wanted)).group_by(CaseEvent.event)
    ).all())
    succeeded, failed = rows.get("mediation_succeeded", 0), rows.get("mediation_failed", 0)
    return round(succeeded / (succeeded + failed), 4) if succeeded + failed else None


def _money(value) -> str:
    return f"{Decimal(value or 0):.2f}"

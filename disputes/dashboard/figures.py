"""The dashboard's figures: sums of the counts kept with the cases, and the open cases' deadlines."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _

from disputes.dashboard.rollup import DUE_PREFIX, STAGES
from disputes.database import reporting_session
from disputes.errors import ValidationFailed
from disputes.permissions import user_region_scope
from disputes.models import DashboardCount, Region
from disputes.validation import parse_calendar_date, whole_number
import places
from workflows import add_period


@dataclass(frozen=True)
class DashboardFilter:
    start: date | None = None
    end: date | None = None
    region: str | None = None
    organisation_id: int | None = None


# The query parameters parse_filter reads (also listed in the OpenAPI document).
FILTER_PARAMETERS = ("from", "to", "region", "organisation")


def parse_filter(args) -> DashboardFilter:
    """Filters from ?from=&to=&region=&organisation=; bad values are a 422 naming them."""
    errors, values = {}, {}
    for key, name in (("from", "start"), ("to", "end")):
        parsed, message = parse_calendar_date(args.get(key))
        if message:
            errors[key] = message
        elif parsed:
            values[name] = parsed
    organisation = args.get("organisation")
    organisation_id = whole_number(organisation, minimum=1) if organisation else None
    if organisation and organisation_id is None:
        errors["organisation"] = _("机构编号应为数字。")
    region = _region_code(args.get("region"), errors)
    if errors:
        raise ValidationFailed(errors)
    return DashboardFilter(region=region, organisation_id=organisation_id, **values)


def _region_code(value, errors: dict) -> str | None:
    """The province a filter names by its code ("42", "420000") or its name ("湖北省", "湖北")."""
    value = (value or "").strip()
    if not value:
        return None
    if len(value) == 2 and value.isdigit():
        return value
    found = places.resolve(value[:64])
    if found.place is not None and found.place.level == "province":
        return found.place.province_short_code
    errors["region"] = _("地区应为省级行政区的代码或名称，例如 42 或“湖北省”。")
    return None


def scoped_filter(args, user) -> DashboardFilter:
    """The requested filter, held to the user's own region unless they may see every region."""
    wanted = parse_filter(args)
    region = user_region_scope(user)
    if region is not None:
        wanted = DashboardFilter(wanted.start, wanted.end, region, wanted.organisation_id)
    return wanted


def _count_conditions(wanted: DashboardFilter) -> list:
    conditions = []
    if wanted.start:
        conditions.append(DashboardCount.day >= wanted.start)
    if wanted.end:
        conditions.append(DashboardCount.day <= wanted.end)
    if wanted.region:
        conditions.append(DashboardCount.region_code == wanted.region)
    if wanted.organisation_id:
        conditions.append(DashboardCount.organisation_id == wanted.organisation_id)
    return conditions


def dashboard_figures(wanted: DashboardFilter, today: date) -> dict[str, Any]:
    """Every figure the dashboard shows, for the filtered cases.

    What the cases add up to comes from the counts kept with them (rollup.py): one grouped sum over
    a few rows per day. Open cases are counted by their next deadline's day, so what is overdue today
    is decided here.
    """
    sums: dict[str, dict[str, tuple[int, int]]] = {}
    for measure, value, cases, cents in reporting_session().execute(
        sa.select(DashboardCount.measure, DashboardCount.value, sa.func.sum(DashboardCount.cases),
                  sa.func.sum(DashboardCount.cents))
        .where(*_count_conditions(wanted)).group_by(DashboardCount.measure, DashboardCount.value)
    ):
        if cases or cents:
            sums.setdefault(measure, {})[value] = (int(cases), int(cents))
    counts = lambda measure: _ranked({value: cases for value, (cases, _) in sums.get(measure, {}).items() if cases})  # noqa: E731
    cents = lambda measure, value=None: sum(c for v, (_, c) in sums.get(measure, {}).items() if value in (None, v))  # noqa: E731
    collective = counts("collective")
    outcomes = counts("mediation")
    decided = outcomes.get("mediation_succeeded", 0) + outcomes.get("mediation_failed", 0)
    by_state = counts("state")
    return {
        "total": sum(by_state.values()),
        "by_state": by_state,
        "by_claim": counts("claim"),
        "by_occupation": counts("occupation"),
        "by_platform": counts("platform"),
        "by_region": _region_names(_counts_by_region(wanted)),
        # Where the work was done, as intake recorded it (cases that named no place are not in it).
        "by_place": _place_names(counts("place")),
        "intake_per_week": _intake_per_week(wanted, today),
        "deadlines": _deadlines(sums, today),
        "collective": {"total": sum(collective.values()), "open": collective.get("open", 0)},
        "amounts": {"claimed": _money(cents("claim")), "agreed": _money(cents("amount", "agreed")),
                    "awarded": _money(cents("amount", "awarded"))},
        "median_days": {stage: _median({int(days): cases for days, (cases, _) in sums.get(f"stage:{stage}", {}).items()})
                        for stage in STAGES},
        "mediation_success_rate": round(outcomes.get("mediation_succeeded", 0) / decided, 4) if decided else None,
    }


def _ranked(counts: dict[str, int]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _counts_by_region(wanted: DashboardFilter) -> dict[str, int]:
    rows = reporting_session().execute(
        sa.select(DashboardCount.region_code, sa.func.sum(DashboardCount.cases))
        .where(*_count_conditions(wanted), DashboardCount.measure == "state").group_by(DashboardCount.region_code))
    return _ranked({code: int(count) for code, count in rows if count})


def _deadlines(sums: dict[str, dict[str, tuple[int, int]]], today: date) -> dict[str, dict[str, int]]:
    """Open cases overdue, and due within three working days, by the clock that runs out."""
    soon = add_period(today, 3, "working_days").isoformat()
    deadlines: dict[str, dict[str, int]] = {"overdue": {}, "due_soon": {}}
    for measure, by_day in sums.items():
        if measure.startswith(DUE_PREFIX):
            kind = measure.removeprefix(DUE_PREFIX)
            for due, (cases, _) in by_day.items():
                if cases and due <= soon:
                    counted = deadlines["overdue" if due < today.isoformat() else "due_soon"]
                    counted[kind] = counted.get(kind, 0) + cases
    return deadlines


def _place_names(counts: dict[str, int]) -> dict[str, int]:
    named: dict[str, int] = {}
    for code, count in counts.items():
        place = places.place_by_code(code)
        name = place.full_name if place is not None else code
        named[name] = named.get(name, 0) + count
    return _ranked(named)


def _region_names(counts: dict[str, int]) -> dict[str, int]:
    names = dict(reporting_session().execute(sa.select(Region.code, Region.name_zh).where(Region.code.in_(list(counts)))).all())
    return {names.get(code, code): count for code, count in counts.items()}


def _intake_per_week(wanted: DashboardFilter, today: date, weeks: int = 12) -> dict[str, int]:
    """Complaints received per week (Monday-based), the last twelve weeks unless a range is given."""
    end = wanted.end or today
    start = wanted.start or (end - timedelta(weeks=weeks))
    rows = reporting_session().execute(
        sa.select(DashboardCount.day, sa.func.sum(DashboardCount.cases))
        .where(*_count_conditions(DashboardFilter(start, end, wanted.region, wanted.organisation_id)),
               DashboardCount.measure == "state")
        .group_by(DashboardCount.day)
    )
    weeks_counted: dict[str, int] = {}
    monday = start - timedelta(days=start.weekday())
    while monday <= end:
        weeks_counted[monday.isoformat()] = 0
        monday += timedelta(weeks=1)
    for day, count in rows:
        key = (day - timedelta(days=day.weekday())).isoformat()
        weeks_counted[key] = weeks_counted.get(key, 0) + int(count)
    return weeks_counted


def _median(histogram: dict[int, int]) -> float | None:
    """The median of a list given as value -> how many times it occurs (the mean of the middle two when even)."""
    total = sum(histogram.values())
    if not total:
        return None
    middle, seen, below = (total - 1) // 2, 0, None
    for value in sorted(histogram):
        seen += histogram[value]
        if below is None and seen > middle:
            below = value
        if seen > total // 2:
            return float(below + value) / 2 if total % 2 == 0 else float(value)
    raise AssertionError("unreachable: the histogram's counts sum to total")


def _money(cents: int) -> str:
    return f"{Decimal(cents) / 100:.2f}"

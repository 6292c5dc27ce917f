"""The dashboard counts stay equal to a fresh count of the cases, whatever happens to the cases."""
import random
import statistics
from datetime import date, timedelta

import pytest
import sqlalchemy as sa
from hypothesis import given
from hypothesis import strategies as st

from disputes.cases.services import apply_event
from disputes.dashboard.figures import DashboardFilter, _median, dashboard_figures
from disputes.dashboard.rollup import drift, recount
from disputes.extensions import db
from disputes.models import CaseEvent, Claim, DashboardCount
from disputes.timekeeping import local_today
from workflows.paths import PATHS as STATE_PATHS, route

# Paths through the life cycle (workflows/paths.py), each step (role, event, data); amounts with odd cents.
ROLE = {"accept": "mediator", "mediation_succeeded": "mediator", "mediation_failed": "mediator",
        "apply_arbitration": "mediator", "accept_arbitration": "arbitrator", "render_award": "arbitrator",
        "close": "arbitrator", "withdraw": "worker"}
DATA = {"mediation_succeeded": {"terms": "一次性支付", "amount": "812.34", "pay_by": "2026-12-01"},
        "mediation_failed": {"reason": "被申请人拒绝调解"}, "render_award": {"amount_awarded": "2000.05"}}
PATHS = [[(ROLE[event], event, DATA.get(event, {})) for event in events] for events in (
    STATE_PATHS["submitted"], STATE_PATHS["in_mediation"], STATE_PATHS["mediated"],
    route("closed", "mediation_failed", "render_award"), STATE_PATHS["withdrawn"])]


def no_drift() -> list:
    return drift(db.session.connection())


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_counts_follow_intake_every_event_and_every_edit(app, file_case, make_user, seed):
    rng = random.Random(seed)
    staff = {"mediator": make_user(role="mediator"), "arbitrator": make_user(role="arbitrator"), "worker": None}
    cases = []
    for number in range(6):
        claims = [{"kind": kind, "amount": f"{rng.randint(1, 99999)}.{rng.randint(0, 99):02d}"}
                  for kind in rng.sample(["wage_arrears", "overtime", "work_injury"], rng.randint(1, 3))]
        cases.append(file_case(seed=seed * 100 + number, claims=claims).case)
    assert no_drift() == []
    for case in cases:
        for role, event, data in rng.choice(PATHS):
            apply_event(case, event, staff[role], expected_version=case.version, data=data)
        assert no_drift() == []
    edited = rng.choice(cases)
    edited.submitted_on -= timedelta(days=40)
    edited.platform = "某货运平台"
    edited.claims[0].amount = 1
    edited.workers[0].occupation = "courier"
    db.session.commit()
    assert no_drift() == []
    db.session.delete(rng.choice(cases))
    db.session.commit()
    assert no_drift() == []


def test_a_refused_change_leaves_the_counts_alone(app, file_case):
    case = file_case().case
    before = db.session.execute(sa.select(DashboardCount.measure, DashboardCount.value, DashboardCount.cases)).all()
    case.state = "not-a-state"
    with pytest.raises(sa.exc.IntegrityError):
        db.session.commit()
    db.session.rollback()
    assert db.session.execute(sa.select(DashboardCount.measure, DashboardCount.value, DashboardCount.cases)).all() == before
    assert no_drift() == []


def test_recount_rebuilds_counts_written_behind_the_applications_back(app, file_case):
    case = file_case().case
    db.session.execute(sa.update(Claim).where(Claim.case_id == case.id).values(amount=7))  # bulk SQL: no listener
    db.session.execute(sa.delete(DashboardCount))
    assert no_drift() != []
    recount(db.session.connection())
    assert no_drift() == []


def test_filters_by_day_region_and_organisation_pick_the_right_cases(app, file_case, make_user):
    mediator = make_user(role="mediator")
    old, recent, elsewhere = (file_case(seed=seed).case for seed in (1, 2, 3))
    old.submitted_on = date(2026, 1, 5)
    elsewhere.region_code = "44"
    db.session.commit()
    apply_event(recent, "accept", mediator, expected_version=recent.version)
    apply_event(recent, "mediation_failed", mediator, expected_version=recent.version,
                data={"reason": "被申请人拒绝调解"})
    this_year = dashboard_figures(DashboardFilter(start=date(2026, 1, 1)), local_today())
    assert this_year["total"] == 3
    autumn = dashboard_figures(DashboardFilter(start=date(2026, 10, 1), region=recent.region_code), local_today())
    assert autumn["total"] == 1 and autumn["by_state"] == {"mediation_failed": 1}
    assert autumn["mediation_success_rate"] == 0.0
    january = dashboard_figures(DashboardFilter(end=date(2026, 1, 31)), local_today())
    assert january["total"] == 1 and january["by_state"] == {"submitted": 1}
    assert dashboard_figures(DashboardFilter(organisation_id=987654), local_today())["total"] == 0
    assert dashboard_figures(DashboardFilter(region="44"), local_today())["by_region"] != {}


def test_deadlines_count_open_cases_overdue_and_due_within_three_working_days(app, file_case):
    today = local_today()
    overdue, due_soon, later, closed = (file_case(seed=seed).case for seed in (1, 2, 3, 4))
    for case, due, kind in ((overdue, today - timedelta(days=1), "mediation"), (due_soon, today, "mediation"),
                            (later, today + timedelta(days=30), "mediation")):
        case.next_due_on, case.next_due_kind = due, kind
    db.session.commit()
    apply_event(closed, "withdraw", None, expected_version=closed.version)
    figures = dashboard_figures(DashboardFilter(), today)
    assert figures["deadlines"]["overdue"] == {"mediation": 1}
    assert figures["deadlines"]["due_soon"].get("mediation") == 1


def test_stage_medians_come_from_the_days_between_events(app, file_case, make_user):
    mediator = make_user(role="mediator")
    cases = [file_case(seed=seed).case for seed in (1, 2, 3)]
    for case in cases:
        apply_event(case, "accept", mediator, expected_version=case.version)
    # An earlier intake event on two cases: their acceptance then took 4 and 10 days (the third, 0).
    for case, days in zip(cases[:2], (4, 10)):
        db.session.add(CaseEvent(case_id=case.id, seq=99, occurred_on=local_today() - timedelta(days=days),
                                 actor_label="test", event="submit", to_state="submitted", data={}))
    db.session.commit()
    assert dashboard_figures(DashboardFilter(), local_today())["median_days"]["acceptance"] == 4.0
    assert no_drift() == []


@given(st.dictionaries(st.integers(0, 400), st.integers(1, 5), min_size=1, max_size=30))
def test_the_median_of_a_histogram_is_the_median_of_its_list(histogram):
    values = [value for value, count in histogram.items() for _ in range(count)]
    assert _median(histogram) == statistics.median(values)
    assert _median({}) is None

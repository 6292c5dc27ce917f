"""Wage-arrears clues in the app: disputes, complaints and reports about one employer's unpaid pay
gathered into one clue, shown to the inspectorate of the place, and counted for the dashboard.

The grouping rules themselves are specified in tests/workflows/test_inspection.py."""
from __future__ import annotations

import random
from decimal import Decimal

import pytest

from disputes.inspection.clues import clues_for, count_clues
from disputes.jobs.kinds import AT_START, KINDS, SCHEDULE
from tests.factories import credit_code, make_user

STATION = {"name": "城南快送服务有限公司", "kind": "cooperating_company"}


def owed(amount: str, *, kind: str = "wage_arrears") -> list[dict]:
    return [{"kind": kind, "amount": amount}]


def station(code: str) -> list[dict]:
    return [STATION | {"credit_code": code}]


def code_of(seed: int) -> str:
    return credit_code(random.Random(seed))


def test_disputes_and_a_complaint_about_one_employer_are_one_clue(file_case, client, auth):
    code = code_of(7)
    file_case(respondents=station(code), claims=owed("4200.00"), platform=None)
    file_case(respondents=station(code), claims=owed("3800.00"), platform=None)
    _, headers = auth.token_for("inspector")
    complaint = client.post("/api/v1/inspection/matters", headers=headers, json={
        "channel": "complaint", "employer_name": STATION["name"], "employer_code": code, "place": "北京市朝阳区",
        "facts": "站点十月工资未发。", "complainant_name": "赵六", "complainant_phone": "13900139000",
        "claim_kinds": ["wage_arrears"], "amount_owed": "5000"})
    assert complaint.status_code == 201, complaint.get_json()
    # A dispute about another employer's pay, and one about no pay at all.
    file_case(respondents=[{"name": "城北同城货运有限公司", "kind": "cooperating_company",
                            "credit_code": code_of(8)}], claims=owed("6000.00"), platform=None)
    file_case(respondents=station(code), claims=[{"kind": "confirm_labor_relation"}], platform=None)

    inspector = make_user("inspector")
    clues = clues_for(inspector)
    assert len(clues) == 2
    gathered = next(c for c in clues if code in c.employer_codes)
    assert len(gathered.refs) == 3 and complaint.get_json()["matter_no"] in gathered.refs
    assert gathered.worker_total == 3 and gathered.amount == Decimal("13000.00")
    assert gathered.route_to == "11" and gathered.status == "new"


def test_the_clues_page_shows_the_inspectorate_its_own_region_only(file_case, client, auth):
    file_case(respondents=station(code_of(1)), claims=owed("4200.00"), platform=None)
    auth.login_as("inspector")
    page = client.get("/inspection/clues").get_data(as_text=True)
    assert page.count('data-testid="clue"') == 1 and STATION["name"] in page
    assert "北京市" in page  # routed to the place of work, named (条例第十三条)
    # The inspectorate reads a dispute's number, not the dispute: no link it could not follow.
    assert "/cases/" not in page.split('data-testid="clue"', 1)[1]
    client.post("/logout", data={"csrf_token": _token(client)})
    auth.login_as("inspector", region="31")
    assert 'data-testid="clue"' not in client.get("/inspection/clues").get_data(as_text=True)


@pytest.mark.redis
def test_the_dashboard_counts_clues_by_status_and_age_as_last_counted(file_case, client, auth):
    auth.login_as("mediator")
    assert "线索尚未统计" in client.get("/dashboard").get_data(as_text=True)
    file_case(respondents=station(code_of(1)), claims=owed("4200.00"), platform=None)
    file_case(respondents=[{"name": "城北同城货运有限公司", "kind": "cooperating_company", "credit_code": code_of(2)}],
              claims=owed("800.00", kind="minimum_wage_shortfall"), platform=None)
    count_clues()
    page = client.get("/dashboard").get_data(as_text=True)
    assert 'id="clues_by_status-table"' in page and 'id="clues_by_age-table"' in page
    figures = client.get("/api/v1/dashboard").get_json()["clues"]
    assert figures["total"] == 2
    assert figures["by_status"]["new"] == 2 and figures["by_age"]["0-5"] == 2


def test_clues_are_counted_every_hour_and_when_the_scheduler_starts():
    assert "count_clues" in KINDS and any(kind == "count_clues" for kind, _ in SCHEDULE)
    assert "count_clues" in AT_START  # a new installation's dashboard does not wait for the first hour


@pytest.mark.redis
def test_the_count_clues_job_keeps_the_count_the_dashboard_reads(file_case):
    from disputes.inspection.clues import last_clue_counts
    from disputes.jobs.services import run_inline

    file_case(respondents=station(code_of(5)), claims=owed("4200.00"), platform=None)
    assert last_clue_counts("11") is None
    assert run_inline("count_clues") == "1 clue(s) in 1 region(s)"
    assert last_clue_counts("11")["total"] == 1 and last_clue_counts("44")["total"] == 0


def _token(client) -> str:
    from tests.support import csrf_token

    return csrf_token(client, "/workflow")


@pytest.mark.redis
def test_an_employers_clues_are_read_from_the_last_count_not_grouped_again_per_page(file_case):
    from disputes.inspection.clues import employer_clue_counts

    code = code_of(3)
    file_case(respondents=station(code), claims=owed("4200.00"), platform=None)
    assert employer_clue_counts("11")[code] == [1, 0]  # no count yet: grouped there and then
    count_clues()
    other = code_of(4)
    file_case(respondents=[{"name": "城北同城货运有限公司", "kind": "cooperating_company", "credit_code": other}],
              claims=owed("900.00"), platform=None)
    counts = employer_clue_counts("11")
    assert counts[code] == [1, 0] and other not in counts  # as of the last count, until the next one

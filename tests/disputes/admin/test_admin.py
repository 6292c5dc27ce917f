"""Administration: minimum wages with effective dates, accounts, the audit trail, reassignment."""
import re
from decimal import Decimal

import sqlalchemy as sa

from disputes.cases.wages import award_wage_basis
from disputes.extensions import db
from disputes.models import AuditEntry, MinimumWage
from disputes.timekeeping import local_today
from tests.support import csrf_token


def test_the_shipped_minimum_wages_are_listed_as_unverified_with_the_final_award_threshold(client, auth):
    auth.login_as("admin")
    page = client.get("/admin/minimum-wages").get_data(as_text=True)
    assert "北京市" in page and "待核对" in page
    beijing = db.session.scalar(sa.select(MinimumWage).where(MinimumWage.region_code == "11"))
    assert f"{beijing.monthly * 12:,.2f}" in page


def test_an_admin_sets_a_new_rate_from_a_date_and_it_is_audited(client, auth):
    admin = auth.login_as("admin")
    response = client.post("/admin/minimum-wages", data={
        "csrf_token": csrf_token(client, "/admin/minimum-wages"), "region_code": "11", "monthly": "2600",
        "effective_on": "2026-11-01", "verified": "y", "note": "京人社发〔2026〕示例号",
    })
    assert response.status_code == 302
    assert award_wage_basis("11", local_today()).monthly == Decimal("2600.00")  # newer than the announcement
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "minimum_wage.set"))
    assert entry.actor_id == admin.id and entry.target == "region:11"


def test_a_bad_rate_is_refused_in_place(client, auth):
    auth.login_as("admin")
    response = client.post("/admin/minimum-wages", data={
        "csrf_token": csrf_token(client, "/admin/minimum-wages"), "region_code": "11", "monthly": "-1",
        "effective_on": "2026-11-01"})
    assert response.status_code == 422 and "金额必须大于 0" in response.get_data(as_text=True)


def test_only_admins_reach_the_admin_pages(client, auth):
    auth.login_as("arbitrator")
    for path in ("/admin/minimum-wages", "/admin/users", "/admin/audit"):
        assert client.get(path).status_code == 403


def test_an_admin_creates_an_account_under_the_password_policy(client, auth):
    auth.login_as("admin")
    token = csrf_token(client, "/admin/users")
    weak = client.post("/admin/users", data={"csrf_token": token, "username": "zhou", "role": "mediator",
                                              "password": "123", "organisation_id": ""})
    assert weak.status_code == 422
    strong = client.post("/admin/users", data={"csrf_token": token, "username": "zhou", "role": "mediator",
                                                "password": "Mediate-well-2026", "organisation_id": ""})
    assert strong.status_code == 302
    assert "user:zhou" in client.get("/admin/audit").get_data(as_text=True)


def test_the_handling_mediator_hands_a_case_to_a_colleague(client, auth, file_case, make_user):
    from disputes.cases.services import apply_event

    first = auth.login_as("mediator")
    colleague = make_user(role="mediator", display_name="调解员 周")
    case = file_case().case
    apply_event(case, "accept", first, expected_version=case.version)
    page = client.get(f"/cases/{case.case_no}").get_data(as_text=True)
    version = re.search(r'name="version" value="(\d+)"', page).group(1)
    response = client.post(f"/cases/{case.case_no}/reassign", data={
        "csrf_token": csrf_token(client, f"/cases/{case.case_no}"), "version": version, "role": "mediator",
        "handler": str(colleague.id), "reason": "休假"})
    assert response.status_code == 302
    db.session.refresh(case)
    assert case.mediator_id == colleague.id and case.history[-1].event == "reassign"


def test_a_stranger_cannot_reassign_a_case(client, auth, file_case, make_user):
    from disputes.cases.services import apply_event

    handler = make_user(role="mediator")
    case = file_case().case
    apply_event(case, "accept", handler, expected_version=case.version)
    auth.login_as("mediator")
    response = client.post(f"/cases/{case.case_no}/reassign", data={
        "csrf_token": csrf_token(client, "/workflow"), "version": str(case.version), "role": "mediator",
        "handler": str(make_user(role="mediator").id)})
    assert response.status_code == 403

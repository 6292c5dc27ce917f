"""Linking separate complaints that a likely-collective alert names into one collective dispute (Art. 7)."""
import sqlalchemy as sa

from disputes.vocabulary import event_label
from disputes.cases.services import apply_event
from disputes.dashboard.figures import DashboardFilter, dashboard_figures
from disputes.dashboard.rollup import drift
from disputes.extensions import db
from disputes.models import Alert, Case
from disputes.portal.services import status_for_worker
from disputes.timekeeping import local_today
from tests.factories import intake_payload
from tests.support import csrf_token

STATION = {"name": "某某外卖站点", "kind": "cooperating_company"}


def complaints(file_case, groups=(4, 4, 4), claims=None):
    """Workers of one station filing separately; returns the cases and the alert the intake raised."""
    template = intake_payload()["workers"][0]
    cases = []
    for seed, size in enumerate(groups):
        workers = [dict(template, name=f"骑手{seed}{i}", id_number=None, is_representative=False) for i in range(size)]
        kinds = (claims or {}).get(seed, ["wage_arrears"])
        cases.append(file_case(seed=seed, workers=workers, respondents=[STATION],
                               claims=[{"kind": kind, "amount": "1000.00"} for kind in kinds]).case)
    alert = db.session.scalar(sa.select(Alert).where(Alert.rule_key == "likely_collective"))
    return cases, alert


def link(client, alert, numbers, note=None):
    data = {"csrf_token": csrf_token(client, f"/alerts/{alert.id}/collective"), "case": numbers}
    if note:
        data["note"] = note
    return client.post(f"/alerts/{alert.id}/collective", data=data)


def test_the_alert_offers_the_link_and_the_page_lists_the_cases_with_what_they_would_make(client, auth, file_case):
    cases, alert = complaints(file_case)
    auth.login_as("arbitrator")
    assert f"/alerts/{alert.id}/collective" in client.get("/alerts").get_data(as_text=True)
    page = client.get(f"/alerts/{alert.id}/collective").get_data(as_text=True)
    assert all(case.case_no in page for case in cases)
    assert "12 名劳动者" in page and "拖欠劳动报酬" in page and "第七条" in page


def test_linking_makes_one_collective_dispute_led_by_the_earliest_case(client, auth, file_case):
    cases, alert = complaints(file_case)
    versions = [case.version for case in cases]
    auth.login_as("arbitrator")
    response = link(client, alert, [case.case_no for case in cases], note="同一站点骑手")
    lead = cases[0]
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/cases/{lead.case_no}")
    db.session.expire_all()
    assert all(case.collective for case in cases)
    assert [case.collective_lead for case in cases] == [None, lead, lead]
    assert all(case.priority == 0 for case in cases)  # filed and heard first (Rules Art. 5)
    assert all(case.version > seen for case, seen in zip(cases, versions))
    for case in cases:
        last = case.history[-1]
        assert (last.event, last.note, last.data["lead"], last.data["workers"]) == ("link_collective", "同一站点骑手",
                                                                                     lead.case_no, 12)
    db.session.refresh(alert)
    assert alert.status == "acknowledged" and lead.case_no in alert.note
    body = client.get(f"/api/v1/cases/{cases[1].case_no}").get_json()
    assert body["collective"] is True and body["collective_lead"] == lead.case_no
    page = client.get(f"/cases/{lead.case_no}").get_data(as_text=True)
    assert cases[1].case_no in page and cases[2].case_no in page and "12 名劳动者" in page


def test_the_dashboard_counts_a_linked_group_as_one_collective_dispute(client, auth, file_case):
    cases, alert = complaints(file_case)
    auth.login_as("arbitrator")
    link(client, alert, [case.case_no for case in cases])
    figures = dashboard_figures(DashboardFilter(), local_today())
    assert figures["collective"] == {"total": 1, "open": 1}


def test_fewer_than_ten_workers_are_refused_in_words_and_nothing_changes(client, auth, file_case):
    cases, alert = complaints(file_case, groups=(4, 4, 4))
    auth.login_as("arbitrator")
    response = link(client, alert, [cases[0].case_no, cases[1].case_no])
    assert response.status_code == 422 and "十人以上" in response.get_data(as_text=True)
    db.session.expire_all()
    assert not any(case.collective for case in cases) and db.session.get(Alert, alert.id).status == "open"


def test_without_a_claim_they_all_bring_the_cases_are_not_linked(client, auth, file_case):
    cases, alert = complaints(file_case, groups=(5, 5, 2), claims={0: ["wage_arrears"], 1: ["overtime"]})
    auth.login_as("arbitrator")
    response = link(client, alert, [cases[0].case_no, cases[1].case_no])
    assert response.status_code == 422 and "共同请求 0 项" in response.get_data(as_text=True)
    db.session.expire_all()
    assert not any(case.collective for case in cases)


def test_a_closed_case_or_one_the_alert_does_not_name_cannot_be_linked(client, auth, file_case, make_user):
    cases, alert = complaints(file_case, groups=(4, 4, 4, 4))
    apply_event(cases[3], "withdraw", None, expected_version=cases[3].version, data={"confirmed": True})
    other = file_case(seed=40).case
    auth.login_as("arbitrator")
    page = client.get(f"/alerts/{alert.id}/collective").get_data(as_text=True)
    assert f'value="{cases[0].case_no}"' in page and f'value="{cases[3].case_no}"' not in page  # not offered
    refused = link(client, alert, [case.case_no for case in cases])
    assert refused.status_code == 422 and "已经结案" in refused.get_data(as_text=True)
    assert link(client, alert, [cases[0].case_no, other.case_no]).status_code == 422
    db.session.expire_all()
    assert not any(case.collective for case in (*cases, other))


def test_a_case_already_in_a_group_is_not_offered_again(client, auth, file_case):
    cases, alert = complaints(file_case)
    auth.login_as("arbitrator")
    link(client, alert, [case.case_no for case in cases])
    page = client.get(f"/alerts/{alert.id}/collective").get_data(as_text=True)
    assert 'name="case"' not in page and "没有可以合并的案件" in page


def test_only_monitors_may_link(client, auth, file_case):
    cases, alert = complaints(file_case)
    auth.login_as("legal_aid")
    assert client.get(f"/alerts/{alert.id}/collective").status_code == 403
    assert not db.session.scalar(sa.select(sa.func.count()).select_from(Case).where(Case.collective.is_(True)))


def test_the_worker_sees_in_the_timeline_that_the_complaint_joined_a_collective_dispute(client, auth, file_case):
    cases, alert = complaints(file_case)
    filed_member = cases[1]
    auth.login_as("arbitrator")
    link(client, alert, [case.case_no for case in cases])
    db.session.expire_all()
    status = status_for_worker(db.session.get(Case, filed_member.id))
    assert status["collective"] is True
    assert status["timeline"][-1] == {"on": local_today().isoformat(), "event": "link_collective",
                                      "label": event_label("link_collective")}


def test_a_case_that_was_collective_on_its_own_joins_and_the_counts_stay_exact(client, auth, file_case):
    cases, alert = complaints(file_case, groups=(4, 4, 4, 10))
    assert cases[3].collective  # ten workers in one complaint already
    auth.login_as("arbitrator")
    assert link(client, alert, [case.case_no for case in cases]).status_code == 302
    assert drift(db.session.connection()) == []
    assert dashboard_figures(DashboardFilter(), local_today())["collective"] == {"total": 1, "open": 1}


def test_a_case_of_another_region_is_never_offered_nor_linked(client, auth, file_case):
    cases, alert = complaints(file_case)
    elsewhere = file_case(seed=50, region="31", respondents=[STATION]).case
    alert.case_numbers = [*alert.case_numbers, elsewhere.case_no]
    db.session.commit()
    auth.login_as("admin")  # sees every region, yet the group stays in the alert's
    assert f'value="{elsewhere.case_no}"' not in client.get(f"/alerts/{alert.id}/collective").get_data(as_text=True)
    assert link(client, alert, [*(case.case_no for case in cases), elsewhere.case_no]).status_code == 422
    db.session.expire_all()
    assert not elsewhere.collective


def test_an_alert_already_dealt_with_links_nothing(client, auth, file_case):
    cases, alert = complaints(file_case)
    alert.status = "acknowledged"
    db.session.commit()
    auth.login_as("arbitrator")
    assert link(client, alert, [case.case_no for case in cases]).status_code == 409
    db.session.expire_all()
    assert not any(case.collective for case in cases)

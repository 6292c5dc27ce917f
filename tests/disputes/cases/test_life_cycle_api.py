"""The life cycle over POST /api/v1/cases/{case_no}/events: paths, guards, roles, stale writes."""
import sqlalchemy as sa

from disputes.extensions import db
from disputes.models import CaseEvent
from tests.factories import DEFAULT_PASSWORD
from tests.support import csrf_token


def history_length(case_no_id):
    return db.session.scalar(sa.select(sa.func.count(CaseEvent.id)).where(CaseEvent.case_id == case_no_id))


def test_the_full_path_from_intake_to_closing(desk, file_case):
    mediator, arbitrator = desk.as_role("mediator"), desk.as_role("arbitrator")
    filed = file_case(filed_by=mediator)
    case_no = filed.case.case_no
    steps = [
        (mediator, "accept", {}, "in_mediation"),
        (mediator, "mediation_failed", {"reason": "被申请人拒绝调解"}, "mediation_failed"),
        (mediator, "apply_arbitration", {}, "arbitration_applied"),
        (arbitrator, "accept_arbitration", {}, "in_arbitration"),
        (arbitrator, "render_award", {"amount_awarded": "200000.00"}, "awarded"),
        (arbitrator, "file_lawsuit", {"by": "worker", "court": "朝阳区人民法院"}, "in_litigation"),
        (arbitrator, "close", {}, "closed"),
    ]
    for user, event, data, expected in steps:
        response = desk.fire(user, case_no, event, data)
        assert response.status_code == 200, (event, response.get_json())
        assert response.get_json()["state"] == expected
    body = desk.case(mediator, case_no)
    assert [h["event"] for h in body["history"]] == ["submit"] + [event for _, event, _, _ in steps]
    assert body["history"][-1]["actor"].startswith("arbitrator:")
    assert body["allowed_events"] == [] and body["deadlines"] == []


def test_accepting_makes_the_caller_the_mediator_and_starts_the_mediation_clock(desk, file_case):
    mediator = desk.as_role("mediator")
    case_no = file_case().case.case_no
    body = desk.fire(mediator, case_no, "accept").get_json()
    assert body["mediator"] == mediator.display_name
    mediation = next(d for d in body["deadlines"] if d["kind"] == "mediation")
    assert "第十四条" in mediation["basis"]


def test_each_deadline_says_how_it_is_counted_who_acts_and_whether_the_date_is_provisional(desk, file_case, client):
    mediator = desk.as_role("mediator")
    case_no = file_case().case.case_no
    body = desk.fire(mediator, case_no, "accept").get_json()
    mediation = next(d for d in body["deadlines"] if d["kind"] == "mediation")
    assert (mediation["length"], mediation["unit"]) == (15, "days") and mediation["starts"] <= mediation["due"]
    assert mediation["actor"] == "mediation_body" and mediation["actor_label"] == "调解组织"
    assert mediation["label"] == "调解期限" and isinstance(mediation["calendar_known"], bool)
    client.post("/login", data={"username": mediator.username, "password": DEFAULT_PASSWORD,
                                "csrf_token": csrf_token(client)})
    page = client.get(f"/cases/{case_no}").get_data(as_text=True)
    assert f"起算日 {mediation['starts']}，期间 15 日" in page and "由调解组织办理" in page
    provisional = [d for d in body["deadlines"] if not d["calendar_known"]]  # e.g. a limitation ending next year
    assert page.count('class="badge provisional"') == len(provisional)


def test_a_small_award_is_final_and_a_large_one_is_not(desk, file_case):
    mediator, arbitrator = desk.as_role("mediator"), desk.as_role("arbitrator")
    small, large = file_case(filed_by=mediator).case.case_no, file_case(filed_by=mediator).case.case_no
    for case_no, amount in ((small, "3000.00"), (large, "500000.00")):
        desk.fire(mediator, case_no, "apply_arbitration")
        desk.fire(arbitrator, case_no, "accept_arbitration")
        response = desk.fire(arbitrator, case_no, "render_award", {"items": [{"kind": "wage_arrears", "amount": amount}]})
        assert response.status_code == 200, response.get_json()
    assert desk.case(arbitrator, small)["final_award"] is True
    assert desk.case(arbitrator, large)["final_award"] is False


def test_a_refused_guard_says_why_in_chinese_and_changes_nothing(desk, file_case):
    mediator = desk.as_role("mediator")
    filed = file_case()
    desk.fire(mediator, filed.case.case_no, "accept")
    before = history_length(filed.case.id)
    response = desk.fire(mediator, filed.case.case_no, "mediation_succeeded", {"terms": "分期支付"})
    assert response.status_code == 422
    assert any("金额" in message for message in response.get_json()["errors"].values())
    assert desk.case(mediator, filed.case.case_no)["state"] == "in_mediation"
    assert history_length(filed.case.id) == before


def test_an_event_from_the_wrong_state_is_409_with_what_is_allowed(desk, file_case):
    mediator = desk.as_role("mediator")
    case_no = file_case().case.case_no
    response = desk.fire(mediator, case_no, "render_award", {"amount_awarded": "10.00"})
    assert response.status_code == 409
    body = response.get_json()
    assert body["state"] == "submitted" and "accept" in body["allowed_events"]


def test_only_the_assigned_mediator_may_act_on_an_accepted_case(desk, file_case):
    first, second = desk.as_role("mediator"), desk.as_role("mediator")
    case_no = file_case().case.case_no
    desk.fire(first, case_no, "accept")
    response = desk.fire(second, case_no, "mediation_failed")
    assert response.status_code == 403 and response.get_json()["error"]


def test_an_arbitrator_cannot_do_a_mediators_work(desk, file_case):
    arbitrator = desk.as_role("arbitrator")
    assert desk.fire(arbitrator, file_case().case.case_no, "accept").status_code == 403


def test_of_two_writers_with_the_same_version_only_one_wins(desk, file_case):
    first, second = desk.as_role("mediator"), desk.as_role("mediator")
    filed = file_case()
    version = desk.case(first, filed.case.case_no)["version"]
    winner = desk.fire(first, filed.case.case_no, "accept", version=version)
    loser = desk.fire(second, filed.case.case_no, "decline", {"reason": "不属于受理范围"}, version=version)
    assert winner.status_code == 200 and loser.status_code == 409
    body = loser.get_json()
    assert body["state"] == "in_mediation" and body["version"] == version + 1 and "allowed_events" in body
    assert history_length(filed.case.id) == 2


def test_legal_aid_runs_on_its_own_track(desk, file_case):
    mediator, officer = desk.as_role("mediator"), desk.as_role("legal_aid")
    case_no = file_case().case.case_no
    desk.fire(mediator, case_no, "accept")
    referred = desk.fire(mediator, case_no, "refer_legal_aid", {"reason": "农民工追索劳动报酬"}).get_json()
    assert (referred["state"], referred["legal_aid"]) == ("in_mediation", "referred")
    assert any(d["kind"] == "legal_aid_decision" for d in referred["deadlines"])
    accepted = desk.fire(officer, case_no, "legal_aid_accepted")
    assert accepted.status_code == 200 and accepted.get_json()["legal_aid"] == "accepted"
    assert accepted.get_json()["state"] == "in_mediation"


def test_the_worker_who_filed_can_withdraw(desk, file_case):
    worker = desk.as_role("worker")
    case_no = file_case(filed_by=worker, channel="api").case.case_no
    response = desk.fire(worker, case_no, "withdraw", {"reason": "已与公司和解"})
    assert response.status_code == 200 and response.get_json()["state"] == "withdrawn"


def test_bad_event_bodies_are_422_naming_the_field(desk, file_case, client):
    mediator = desk.as_role("mediator")
    case_no = file_case().case.case_no
    headers = desk.headers[mediator.username]
    for body, field in (({"event": "accept"}, "version"), ({"event": 3, "version": 1}, "event"),
                        ({"event": "accept", "version": 1, "data": [1]}, "data"),
                        ({"event": "teleport", "version": 1}, "event")):
        response = client.post(f"/api/v1/cases/{case_no}/events", json=body, headers=headers)
        assert response.status_code == 422 and field in response.get_json()["errors"], body


def test_the_queue_api_lists_the_callers_cases_most_urgent_first_and_as_csv(desk, file_case, client):
    mediator = desk.as_role("mediator")
    numbers = [file_case().case.case_no for _ in range(3)]
    for case_no in numbers:
        desk.fire(mediator, case_no, "accept")
    headers = desk.headers[mediator.username]
    listed = client.get("/api/v1/cases?scope=mine", headers=headers).get_json()["results"]
    assert sorted(r["case_no"] for r in listed) == sorted(numbers)
    csv_response = client.get("/api/v1/cases?scope=mine&format=csv", headers=headers)
    text = csv_response.get_data(as_text=True)
    assert text.startswith("\ufeff案件编号") and all(n in text for n in numbers)
    assert client.get("/api/v1/cases?state=nonsense", headers=headers).status_code == 422


def test_every_event_grows_the_version_even_one_that_keeps_the_state(desk, file_case):
    mediator, arbitrator = desk.as_role("mediator"), desk.as_role("arbitrator")
    case_no = file_case(filed_by=mediator).case.case_no
    desk.fire(mediator, case_no, "apply_arbitration")
    desk.fire(arbitrator, case_no, "accept_arbitration")
    seen = desk.case(arbitrator, case_no)["version"]
    hearing = {"at": "2027-01-12T09:30", "place": "第一仲裁庭"}
    assert desk.fire(arbitrator, case_no, "schedule_hearing", hearing, version=seen).status_code == 200
    assert desk.case(arbitrator, case_no)["version"] == seen + 1  # one change, one step
    # A page read before the hearing was set no longer passes for current.
    stale = desk.fire(arbitrator, case_no, "extend_award", {"reason": "案情复杂"}, version=seen)
    assert stale.status_code == 409

"""The inspection track in the app: filing once for a dispute, a complaint or both, the link read
from either side, the inspectorate's events with their guards and clocks, and who may do what.

The clocks' arithmetic is specified in tests/workflows/test_inspection.py; here the app stores and
shows what those rules decide."""
from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from disputes.extensions import db
from disputes.models import CaseInspectionLink, InspectionEvent, InspectionMatter
from disputes.timekeeping import local_today
from tests.factories import intake_payload

WAGES = [{"kind": "wage_arrears", "amount": "8600.00"}]


def matter_count():
    return db.session.scalar(sa.select(sa.func.count(InspectionMatter.id)))


def file_both(client, headers=None, **overrides):
    payload = intake_payload(claims=WAGES, filing="both", **overrides)
    return client.post("/api/v1/cases", json=payload, headers=headers or {})


def register(client, headers, **fields):
    body = {"channel": "complaint", "employer_name": "某配送站有限公司", "facts": "2026年9月、10月的工资共8600元至今未发。",
            "place": "北京市朝阳区", "complainant_name": "王五", "complainant_phone": "13800138000",
            "claim_kinds": ["wage_arrears"], "amount_owed": "8600"}
    body.update(fields)
    return client.post("/api/v1/inspection/matters", json=body, headers=headers)


def fire(client, headers, matter, event, data=None, version=None):
    return client.post(f"/api/v1/inspection/matters/{matter['matter_no']}/events",
                       json={"event": event, "data": data or {}, "version": version or matter["version"]},
                       headers=headers)


# --- Filing once ---------------------------------------------------------------------------------

def test_filing_both_opens_a_dispute_and_a_complaint_linked_both_ways(client, auth):
    _, headers = auth.token_for("mediator")
    response = file_both(client, headers)
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    matter_no = body["inspection"]["matter_no"]
    assert matter_no.startswith(f"J{local_today().year}-")
    link = db.session.scalar(sa.select(CaseInspectionLink))
    assert (link.case.case_no, link.matter.matter_no, link.choice) == (body["case_no"], matter_no, "both")
    assert link.case.inspection_links[0].matter is link.matter
    assert link.matter.case_links[0].case is link.case
    # The complaint carries what the Regulation asks: the employer, the facts, the place (条例第十三条).
    matter = link.matter
    assert matter.channel == "complaint" and not matter.anonymous
    assert matter.employer_name == body["respondents"][0]["name"]
    assert matter.claim_kinds == ["wage_arrears"] and str(matter.amount_owed) == "8600.00"
    assert matter.place


def test_a_complaint_only_filing_opens_no_dispute_and_hands_out_a_code_for_the_matter(client, auth):
    _, headers = auth.token_for("mediator")
    payload = intake_payload(claims=WAGES, filing="complaint")
    response = client.post("/api/v1/cases", json=payload, headers=headers)
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert "case_no" not in body
    assert body["inspection"]["matter_no"].startswith("J") and len(body["inspection"]["access_code"].replace("-", "")) == 10
    assert db.session.scalar(sa.select(sa.func.count()).select_from(CaseInspectionLink)) == 0


def test_an_unknown_filing_choice_is_refused_in_chinese_and_nothing_is_stored(client, auth):
    _, headers = auth.token_for("mediator")
    response = client.post("/api/v1/cases", json=intake_payload(filing="everything"), headers=headers)
    assert response.status_code == 422
    assert "filing" in response.get_json()["errors"]
    assert matter_count() == 0


def test_the_same_filing_sent_twice_opens_one_complaint(client, auth):
    _, headers = auth.token_for("mediator")
    payload = intake_payload(claims=WAGES, filing="complaint")
    key = {"Idempotency-Key": "retry-after-a-dropped-connection", **headers}
    first = client.post("/api/v1/cases", json=payload, headers=key)
    second = client.post("/api/v1/cases", json=payload, headers=key)
    assert first.status_code == 201 and second.status_code in (200, 409)
    assert matter_count() == 1


# --- The inspectorate's events -----------------------------------------------------------------------

def test_an_inspector_takes_a_wage_complaint_from_acceptance_to_payment_and_closure(client, auth):
    inspector, headers = auth.token_for("inspector")
    matter = register(client, headers).get_json()
    assert matter["state"] == "received" and matter["access_code"]
    # 若干规定第十八条 (as quoted): the decision on acceptance is due within 5 working days.
    assert "complaint_acceptance" in {d["kind"] for d in matter["deadlines"]}
    assert "open_case" in matter["allowed_events"]

    matter = fire(client, headers, matter, "open_case").get_json()
    assert matter["state"] == "investigating"
    # 条例第十七条: 60 working days from the day the case is opened.
    assert "investigation" in {d["kind"] for d in matter["deadlines"]}

    due = local_today() + timedelta(days=15)
    ordered = fire(client, headers, matter, "order_rectification",
                   {"kind": "pay_wages", "instrument": "rectification_order", "due_on": due.isoformat(),
                    "owed": [{"worker": "王五", "amount": "8600", "months": 2}]})
    assert ordered.status_code == 200, ordered.get_json()
    matter = ordered.get_json()
    assert matter["state"] == "ordered"

    matter = fire(client, headers, matter, "order_complied", {"paid": "8600"}).get_json()
    assert matter["state"] == "complied"
    matter = fire(client, headers, matter, "close").get_json()
    assert matter["state"] == "closed"
    assert [row["event"] for row in matter["history"]] == [
        "receive", "open_case", "order_rectification", "order_complied", "close"]


def test_an_event_out_of_order_is_a_conflict_naming_what_may_be_done(client, auth):
    _, headers = auth.token_for("inspector")
    matter = register(client, headers).get_json()
    response = fire(client, headers, matter, "close")
    assert response.status_code == 409
    assert "open_case" in response.get_json()["allowed_events"]
    assert db.session.scalar(sa.select(sa.func.count(InspectionEvent.id))) == 1


def test_a_stale_version_is_refused_and_the_history_keeps_one_row(client, auth):
    _, headers = auth.token_for("inspector")
    matter = register(client, headers).get_json()
    assert fire(client, headers, matter, "open_case").status_code == 200
    again = fire(client, headers, matter, "open_case", version=matter["version"])
    assert again.status_code == 409
    assert db.session.scalar(sa.select(sa.func.count(InspectionEvent.id))) == 2


def test_only_the_head_extends_the_investigation_with_the_article_in_the_refusal(client, auth):
    _, headers = auth.token_for("inspector")
    matter = fire(client, headers, register(client, headers).get_json(), "open_case").get_json()
    refused = fire(client, headers, matter, "extend_investigation", {"reason": "涉及多个配送站，需调取平台数据"})
    assert refused.status_code == 403
    _, head = auth.token_for("inspection_head")
    extended = fire(client, head, matter, "extend_investigation", {"reason": "涉及多个配送站，需调取平台数据"})
    assert extended.status_code == 200, extended.get_json()
    investigation = next(d for d in extended.get_json()["deadlines"] if d["kind"] == "investigation")
    assert "第十七条" in investigation["basis"]


def test_a_guard_refusal_names_the_field_and_changes_nothing(client, auth):
    _, headers = auth.token_for("inspector")
    matter = fire(client, headers, register(client, headers).get_json(), "open_case").get_json()
    response = fire(client, headers, matter, "order_compensation", {"rate": "2"})
    assert response.status_code == 409  # not before an order to pay is overdue
    response = fire(client, headers, matter, "order_rectification",
                    {"kind": "pay_wages", "instrument": "rectification_order", "due_on": "not a date"})
    assert response.status_code == 422 and "due_on" in response.get_json()["errors"]
    assert db.session.get(InspectionMatter, 1).state == "investigating"


def test_a_complaint_cannot_be_anonymous_but_a_report_can(client, auth):
    _, headers = auth.token_for("inspector")
    refused = register(client, headers, anonymous=True)
    assert refused.status_code == 422 and "第九条" in refused.get_json()["errors"]["anonymous"]
    report = register(client, headers, channel="report", anonymous=True)
    assert report.status_code == 201
    body = report.get_json()
    assert body["anonymous"] is True and "access_code" not in body
    stored = db.session.scalar(sa.select(InspectionMatter).where(InspectionMatter.matter_no == body["matter_no"]))
    assert stored.complainant_name is None and stored.complainant_phone is None


# --- Who may see and do what -------------------------------------------------------------------------

def test_an_inspector_of_another_region_cannot_see_or_touch_the_matter(client, auth):
    _, headers = auth.token_for("inspector")
    matter = register(client, headers).get_json()
    _, elsewhere = auth.token_for("inspector", region="31")
    assert client.get(f"/api/v1/inspection/matters/{matter['matter_no']}", headers=elsewhere).status_code == 404
    assert fire(client, elsewhere, matter, "open_case").status_code == 404
    assert client.get("/api/v1/inspection/matters", headers=elsewhere).get_json()["results"] == []


def test_a_mediator_sees_the_matter_linked_to_a_case_of_theirs_but_cannot_act_on_it(client, auth):
    _, headers = auth.token_for("mediator")
    matter_no = file_both(client, headers).get_json()["inspection"]["matter_no"]
    assert client.get(f"/api/v1/inspection/matters/{matter_no}", headers=headers).status_code == 200
    response = client.post(f"/api/v1/inspection/matters/{matter_no}/events", json={"event": "open_case"},
                           headers=headers)
    assert response.status_code == 403


def test_the_worker_follows_a_complaint_with_its_number_and_code_and_a_wrong_code_gets_nothing(client, auth):
    from tests.support import csrf_token

    _, headers = auth.token_for("inspector")
    matter = register(client, headers).get_json()
    wrong = client.post("/status", data={"csrf_token": csrf_token(client, "/status"), "case_no": matter["matter_no"],
                                         "access_code": "AAAAA-AAAAA"})
    assert wrong.status_code == 404 and "查询码不正确" in wrong.get_data(as_text=True)
    page = client.post("/status", data={"csrf_token": csrf_token(client, "/status"), "case_no": matter["matter_no"],
                                        "access_code": matter["access_code"].lower()}, follow_redirects=True)
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and matter["matter_no"] in text and "已接收" in text
    assert "第十七条" in text  # the worker sees the periods with their articles


def test_the_portal_page_of_a_case_filed_with_a_complaint_shows_the_complaint(client, auth):
    from tests.support import csrf_token

    _, headers = auth.token_for("mediator")
    body = file_both(client, headers).get_json()
    page = client.post("/status", data={"csrf_token": csrf_token(client, "/status"), "case_no": body["case_no"],
                                        "access_code": body["access_code"]}, follow_redirects=True)
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and body["inspection"]["matter_no"] in text and "劳动保障监察投诉" in text


def test_anyone_may_report_anonymously_on_the_public_form(client, regions):
    from tests.support import csrf_token

    token = csrf_token(client, "/inspection/report")
    response = client.post("/inspection/report", data={
        "csrf_token": token, "anonymous": "on", "region": "11", "employer_name": "某外卖配送站",
        "facts": "站点三十多名骑手十月工资被拖欠，站长称平台未结算。", "place": "北京市海淀区", "worker_count": "30"})
    assert response.status_code == 200, response.get_data(as_text=True)
    matter = db.session.scalar(sa.select(InspectionMatter))
    assert matter.channel == "report" and matter.anonymous and matter.worker_count == 30
    assert matter.matter_no in response.get_data(as_text=True)

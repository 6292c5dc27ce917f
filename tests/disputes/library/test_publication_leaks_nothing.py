"""A published typical case gives no one away (security audit, item 1): the audit's own case, drafted,
reviewed with every replacement shown, confirmed, published and read back from the public page."""
import sqlalchemy as sa

from disputes.cases.services import apply_event
from disputes.extensions import db
from disputes.models import TypicalCase
from tests.support import csrf_token

# The identifiers the audit planted, in the writings it used.
PLANTED = ("139.1234.5678", "１３９１２３４５６７８", "一三九一二三四五六七八", "京A-D1234", "粤b12345",
           "110105850101123", "ljg1985", "东风路八十八号", "酒仙桥北路甲10号院", "孙国庆")
FACTS = ("骑手在站点跑单两年，每天早上九点必须上线。站长电话139.1234.5678，备用１３９１２３４５６７８，"
         "又说一三九一二三四五六七八；他开京A-D1234的车，同事开粤b12345。旧身份证号110105850101123。"
         "微信VX：ljg1985。住东风路八十八号，站点在酒仙桥北路甲10号院。老板孙国庆说这个月不发工资。")


def closed_case_with_identifiers(file_case, make_user):
    mediator = make_user(role="mediator")
    case = file_case(facts=FACTS).case
    apply_event(case, "accept", mediator, expected_version=case.version)
    apply_event(case, "mediation_succeeded", mediator, expected_version=case.version,
                data={"terms": "一次性支付", "amount": "3000.00", "pay_by": "2026-12-20"})
    return case


def drafted(client, case):
    response = client.post(f"/cases/{case.case_no}/publication",
                           data={"csrf_token": csrf_token(client, f"/cases/{case.case_no}"), "keep_platforms": "1"})
    assert response.status_code == 302
    return response.headers["Location"], db.session.scalar(
        sa.select(TypicalCase.id).where(TypicalCase.from_case_id == case.id))


def test_the_audit_case_is_published_with_none_of_its_identifiers(client, auth, file_case, make_user, library):
    case = closed_case_with_identifiers(file_case, make_user)
    auth.login_as("arbitrator")
    review_url, draft_id = drafted(client, case)
    token = csrf_token(client, review_url)
    response = client.post(f"/typical-cases/{draft_id}/publish", data={"csrf_token": token, "confirmed": "1"})
    assert response.status_code == 302 and f"/typical-cases/{draft_id}" in response.headers["Location"]
    public = client.get(f"/typical-cases/{draft_id}").get_data(as_text=True)
    api = client.get(f"/api/v1/typical-cases/{draft_id}").get_data(as_text=True)
    for planted in PLANTED + (case.workers[0].name, case.workers[0].phone):
        assert planted not in public and planted not in api, planted


def test_the_reviewer_sees_each_replacement_highlighted(client, auth, file_case, make_user, library):
    case = closed_case_with_identifiers(file_case, make_user)
    auth.login_as("arbitrator")
    review_url, _ = drafted(client, case)
    page = client.get(review_url).get_data(as_text=True)
    assert page.count('<mark class="replaced"') >= len(PLANTED)
    assert 'name="confirmed"' in page


def test_publishing_from_a_page_waits_for_the_reviewers_tick(client, auth, file_case, make_user, library):
    case = closed_case_with_identifiers(file_case, make_user)
    auth.login_as("arbitrator")
    review_url, draft_id = drafted(client, case)
    response = client.post(f"/typical-cases/{draft_id}/publish", data={"csrf_token": csrf_token(client, review_url)})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/typical-cases/{draft_id}/review")
    assert db.session.get(TypicalCase, draft_id).status == "draft"


def test_an_identifier_typed_into_the_draft_afterwards_blocks_publication(client, auth, file_case, make_user, library):
    case = closed_case_with_identifiers(file_case, make_user)
    auth.login_as("arbitrator")
    review_url, draft_id = drafted(client, case)
    row = db.session.get(TypicalCase, draft_id)
    row.facts += "补充：站长手机 139 1234 5678，车牌 京A·D1234。"
    db.session.commit()
    page = client.get(review_url).get_data(as_text=True)
    assert '<mark class="leak"' in page
    response = client.post(f"/typical-cases/{draft_id}/publish",
                           data={"csrf_token": csrf_token(client, review_url), "confirmed": "1"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/review")
    assert db.session.get(TypicalCase, draft_id).status == "draft"

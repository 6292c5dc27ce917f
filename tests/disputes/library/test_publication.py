"""From a closed case to a published typical case, anonymised, with the leak check before publishing."""
import json

import sqlalchemy as sa
import sqlalchemy.orm.attributes

from disputes.cases.services import apply_event
from disputes.extensions import db
from disputes.models import TypicalCase


def closed_case(file_case, make_user):
    mediator = make_user(role="mediator")
    facts = "骑手刘洋（电话13812345678）在城达配送服务有限公司站点跑单，车牌京A·D12345，站长王建国说不发工资。"
    filed = file_case(facts=facts)
    case = filed.case
    apply_event(case, "accept", mediator, expected_version=case.version)
    apply_event(case, "mediation_succeeded", mediator, expected_version=case.version,
                data={"terms": "一次性支付", "amount": "3000.00", "pay_by": "2026-12-20"})
    return case


def test_an_arbitrator_drafts_an_anonymised_typical_case_from_a_closed_case(client, auth, file_case, make_user, library):
    case = closed_case(file_case, make_user)
    _, headers = auth.token_for("arbitrator")
    response = client.post(f"/api/v1/cases/{case.case_no}/publication", headers=headers)
    assert response.status_code == 201
    draft = response.get_json()
    text = json.dumps(draft, ensure_ascii=False)
    worker = case.workers[0]
    for secret in (worker.name, worker.phone, worker.id_number, "京A·D12345", "王建国", case.case_no,
                   case.respondents[1].name if len(case.respondents) > 1 else "城达配送服务有限公司"):
        assert not secret or secret not in text, secret
    assert draft["status"] == "draft" and "刘某" in draft["facts"]


def test_only_closed_cases_can_be_published(client, auth, file_case):
    _, headers = auth.token_for("arbitrator")
    response = client.post(f"/api/v1/cases/{file_case().case.case_no}/publication", headers=headers)
    assert response.status_code == 409


def test_a_reviewed_draft_is_published_and_searchable(client, auth, file_case, make_user, library):
    case = closed_case(file_case, make_user)
    _, headers = auth.token_for("arbitrator")
    draft_id = client.post(f"/api/v1/cases/{case.case_no}/publication", headers=headers).get_json()["id"]
    assert client.post(f"/api/v1/typical-cases/{draft_id}/publish", headers=headers).status_code == 200
    results = client.get("/api/v1/typical-cases?q=站长").get_json()["results"]
    assert draft_id in {hit["id"] for hit in results}


def test_publishing_is_refused_while_the_draft_still_identifies_someone(client, auth, file_case, make_user, library):
    case = closed_case(file_case, make_user)
    _, headers = auth.token_for("arbitrator")
    draft_id = client.post(f"/api/v1/cases/{case.case_no}/publication", headers=headers).get_json()["id"]
    row = db.session.get(TypicalCase, draft_id)
    row.facts += f"（补充：{case.workers[0].name}）"
    db.session.commit()
    response = client.post(f"/api/v1/typical-cases/{draft_id}/publish", headers=headers)
    assert response.status_code == 409
    assert db.session.scalar(sa.select(TypicalCase.status).where(TypicalCase.id == draft_id)) == "draft"


def test_the_reviewer_sees_source_and_draft_side_by_side(client, auth, file_case, make_user, library):
    from tests.support import csrf_token

    case = closed_case(file_case, make_user)
    auth.login_as("arbitrator")
    response = client.post(f"/cases/{case.case_no}/publication",
                           data={"csrf_token": csrf_token(client, f"/cases/{case.case_no}"), "keep_platforms": "1"})
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "原文（仅审核人可见）" in page and "刘某" in page and "未发现源案件的" in page


def test_an_editor_who_read_a_case_before_a_colleague_published_it_is_told_it_is_already_public(
        app, make_user, library):
    from disputes.errors import Conflict
    from disputes.publication.services import publish, withdraw

    editor = make_user(role="arbitrator")
    row = db.session.scalars(sa.select(TypicalCase).where(TypicalCase.status == "published").limit(1)).one()
    withdraw(row, editor)
    # A colleague on another app node publishes it again after this editor's request had read it.
    db.session.execute(sa.text("UPDATE typical_cases SET status = 'published', version = version + 1 WHERE id = :id"),
                       {"id": row.id})
    db.session.commit()
    sa.orm.attributes.set_committed_value(row, "status", "withdrawn")
    try:
        publish(row, editor)
    except Conflict as refusal:
        assert refusal.payload["status"] == "published" and "已经公开" in refusal.message
    else:
        raise AssertionError("publishing an already public case was not refused")


def test_a_write_that_lost_a_race_for_a_versioned_row_is_a_409_that_asks_to_reload(app, client, auth, monkeypatch):
    from sqlalchemy.orm.exc import StaleDataError

    _, headers = auth.token_for("arbitrator")

    def lost_the_race(*_args, **_kwargs):
        raise StaleDataError("UPDATE statement on table 'typical_cases' expected to update 1 row(s); 0 were matched.")

    monkeypatch.setitem(app.view_functions, "api.withdraw_typical_case", lost_the_race)
    response = client.post("/api/v1/typical-cases/any/withdraw", headers=headers)
    assert response.status_code == 409
    assert "刷新后重试" in response.get_json()["error"]

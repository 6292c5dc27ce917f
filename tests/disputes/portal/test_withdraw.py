"""Withdrawing from the portal: irreversible, so only after a page that says what it means and an explicit tick."""
import pytest
import sqlalchemy as sa

from disputes.cases.services import apply_event
from disputes.extensions import db
from disputes.models import CaseEvent
from disputes.timekeeping import local_today
from tests.support import csrf_token
from workflows import deadlines


def enter(client, filed) -> str:
    """Look the case up through the form, as a worker does; the CSRF token of the case page."""
    client.post("/status", data={"csrf_token": csrf_token(client, "/status"), "case_no": filed.case.case_no,
                                 "access_code": filed.access_code})
    return csrf_token(client, "/status/case")


def snapshot(case) -> tuple[str, int, int]:
    return case.state, case.version, len(case.history)


def unchanged(case, state: str, version: int, history: int) -> bool:
    db.session.expire_all()
    rows = db.session.scalar(sa.select(sa.func.count(CaseEvent.id)).where(CaseEvent.case_id == case.id))
    return (case.state, case.version, rows) == (state, version, history)


def test_the_case_page_offers_withdrawal_only_as_a_link_to_the_confirmation(client, file_case):
    filed = file_case()
    enter(client, filed)
    page = client.get("/status/case").get_data(as_text=True)
    assert 'href="/status/case/withdraw"' in page
    assert 'value="withdraw"' not in page  # no one-tap form that withdraws


def test_the_confirmation_page_says_in_plain_words_what_withdrawing_means(client, file_case):
    # Compensation runs the one-year limitation whatever else the random payload holds.
    filed = file_case(claims=[{"kind": "economic_compensation", "amount": "6000"}])
    enter(client, filed)
    response = client.get("/status/case/withdraw")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "撤回后，这个案件就结束了" in page and "不能恢复" in page
    assert "仲裁时效" in page and "一年" in page and "第二十七条" in page
    limitation = next(d for d in deadlines(filed.case, today=local_today()) if d.kind == "limitation")
    assert limitation.due.isoformat() in page  # the date workflows counts, offered as a reference
    assert 'type="checkbox"' in page and "我确认撤回" in page and 'for="confirm"' in page
    assert 'href="/status/case"' in page  # and a way back without withdrawing


def test_a_withdrawal_without_the_tick_is_refused_in_words_and_changes_nothing(client, file_case):
    filed = file_case()
    token = enter(client, filed)
    before = snapshot(filed.case)
    response = client.post("/status/case/withdraw", data={"csrf_token": token, "reason": "已和解"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "请先勾选" in page and 'id="error-summary"' in page and 'aria-invalid="true"' in page
    assert 'value="已和解"' in page  # what the worker typed is kept
    assert unchanged(filed.case, *before)


@pytest.mark.parametrize("confirm", ["", "on", "true", "1", "YES", " yes", "no"])
def test_only_the_checkbox_value_itself_counts_as_confirmation(client, file_case, confirm):
    filed = file_case()
    token = enter(client, filed)
    before = snapshot(filed.case)
    response = client.post("/status/case/withdraw", data={"csrf_token": token, "confirm": confirm})
    assert response.status_code == 422
    assert unchanged(filed.case, *before)


def test_the_general_actions_route_cannot_withdraw_without_the_tick_either(client, file_case):
    filed = file_case()
    token = enter(client, filed)
    before = snapshot(filed.case)
    response = client.post("/status/case/actions", data={"csrf_token": token, "event": "withdraw"})
    assert response.status_code == 422 and "请先勾选" in response.get_data(as_text=True)
    assert unchanged(filed.case, *before)


def test_with_the_tick_the_complaint_is_withdrawn_and_the_confirmation_recorded(client, file_case):
    filed = file_case()
    token = enter(client, filed)
    response = client.post("/status/case/withdraw", data={"csrf_token": token, "confirm": "yes", "reason": "已和解"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/status/case")
    db.session.refresh(filed.case)
    last = filed.case.history[-1]
    assert filed.case.state == "withdrawn"
    assert (last.event, last.actor_label, last.data["confirmed"], last.data["reason"]) == (
        "withdraw", "worker (portal)", True, "已和解")
    assert "您已撤回申请" in client.get("/status/case").get_data(as_text=True)


def test_a_confirmation_given_before_the_case_moved_on_is_not_applied(client, file_case, make_user):
    filed = file_case()
    token = enter(client, filed)
    seen = filed.case.version
    client.get("/status/case/withdraw")
    apply_event(filed.case, "accept", make_user(role="mediator"), expected_version=filed.case.version)
    before = snapshot(filed.case)
    response = client.post("/status/case/withdraw", data={"csrf_token": token, "confirm": "yes", "version": str(seen)})
    assert response.status_code == 409 and "新进展" in response.get_data(as_text=True)
    assert unchanged(filed.case, *before) and filed.case.state == "in_mediation"


def test_a_withdrawn_case_cannot_be_withdrawn_again(client, file_case):
    filed = file_case()
    token = enter(client, filed)
    client.post("/status/case/withdraw", data={"csrf_token": token, "confirm": "yes"})
    db.session.refresh(filed.case)
    before = snapshot(filed.case)
    assert client.get("/status/case/withdraw").headers["Location"].endswith("/status/case")
    again = client.post("/status/case/withdraw", data={"csrf_token": token, "confirm": "yes"})
    assert again.status_code == 409 and "不能撤回" in again.get_data(as_text=True)
    assert unchanged(filed.case, *before)


def test_an_overlong_reason_is_refused_and_nothing_changes(client, file_case):
    filed = file_case()
    token = enter(client, filed)
    before = snapshot(filed.case)
    response = client.post("/status/case/withdraw", data={"csrf_token": token, "confirm": "yes", "reason": "因" * 501})
    assert response.status_code == 422 and "500" in response.get_data(as_text=True)
    assert unchanged(filed.case, *before)


def test_without_a_portal_session_the_confirmation_page_sends_the_worker_to_the_lookup(client, file_case):
    assert client.get("/status/case/withdraw").headers["Location"].endswith("/status")


def test_a_version_field_that_is_not_plain_digits_is_read_as_the_current_one(client, file_case):
    filed = file_case()
    token = enter(client, filed)
    response = client.post("/status/case/withdraw", data={"csrf_token": token, "confirm": "yes", "version": "²"})
    assert response.status_code == 302

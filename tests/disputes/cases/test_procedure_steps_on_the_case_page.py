"""The procedure's steps beyond the main path have their forms on the case page (issue 17)."""
import workflows
from disputes.cases.event_forms import EVENT_FIELDS, event_data_from_form
from disputes.cases.services import apply_event
from tests.support import csrf_token


def test_every_event_that_needs_answers_has_a_form():
    assert set(workflows.EVENTS) - set(EVENT_FIELDS) == set()


def test_a_yes_the_rule_asks_for_is_a_tick_and_its_absence_a_no():
    form = {"kind": "wage_arrears", "rights_clear": "1", "amount": "3000.00"}
    assert event_data_from_form("interim_execution", form) == {"kind": "wage_arrears", "rights_clear": True,
                                                                "amount": "3000.00"}


def test_the_mediator_records_a_suspended_limitation_from_the_case_page(client, auth, file_case):
    mediator = auth.login_as("mediator")
    case = file_case().case
    apply_event(case, "accept", mediator, expected_version=case.version)
    page = client.get(f"/cases/{case.case_no}").get_data(as_text=True)
    assert 'value="suspend_limitation"' in page
    response = client.post(f"/cases/{case.case_no}/events", data={
        "csrf_token": csrf_token(client, f"/cases/{case.case_no}"), "event": "suspend_limitation",
        "version": str(case.version), "reason": "不可抗力：所在地区因洪灾封闭"})
    assert response.status_code == 302
    assert case.history[-1].event == "suspend_limitation"

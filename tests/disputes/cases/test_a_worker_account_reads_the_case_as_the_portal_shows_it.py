"""A worker signed in to their account sees no staff notes, bookkeeping rows or staff logins on the
case page, in the document preview or in the case summary PDF (security audit, item 12)."""
from disputes.cases.services import apply_event

NOTE = "内部备注：当事人情绪激动，下次约谈请保安在场"


def test_the_owner_sees_the_history_without_staff_notes(client, auth, file_case, make_user):
    worker = auth.login_as("worker")
    mediator = make_user(role="mediator")
    filed = file_case(filed_by=worker, channel="api")
    apply_event(filed.case, "accept", mediator, expected_version=filed.case.version, note=NOTE)
    page = client.get(f"/cases/{filed.case.case_no}").get_data(as_text=True)
    preview = client.get(f"/cases/{filed.case.case_no}/documents/case_summary").get_data(as_text=True)
    assert "受理" in page
    for shown in (page, preview):
        assert NOTE not in shown and mediator.username not in shown


def test_staff_still_see_the_notes(client, auth, file_case, make_user):
    mediator = auth.login_as("mediator")
    filed = file_case()
    apply_event(filed.case, "accept", mediator, expected_version=filed.case.version, note=NOTE)
    assert NOTE in client.get(f"/cases/{filed.case.case_no}").get_data(as_text=True)

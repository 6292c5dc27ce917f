"""Staff complete or correct the particulars the arbitration application states, on the case page:
only the case's handler (or anyone while it has none, or an admin), against the version they read."""
from disputes.extensions import db
from tests.support import case_page_form as particulars_form, csrf_token


def test_the_handler_completes_the_particulars_and_the_history_says_which_changed(client, auth, file_case):
    auth.login_as("mediator")
    case = file_case().case
    before = case.version
    form = particulars_form(client, case.case_no, **{
        "workers-0-address": "北京市朝阳区望京街道某某小区3号楼", "respondents-0-address": "北京市海淀区某某路88号",
        "respondents-0-legal_representative": "李某", "respondents-0-legal_representative_title": "执行董事"})
    response = client.post(f"/cases/{case.case_no}/particulars", data=form)
    assert response.status_code == 302 and response.location.endswith("#parties-title")
    db.session.refresh(case)
    assert case.workers[0].address == "北京市朝阳区望京街道某某小区3号楼"
    assert (case.respondents[0].legal_representative, case.respondents[0].legal_representative_title) == ("李某", "执行董事")
    assert case.version > before
    row = case.history[-1]
    assert row.event == "correct_particulars" and "workers[0].address" in row.data["changed"]
    assert "望京" not in str(row.data)  # the fields, not the addresses
    page = client.get(f"/cases/{case.case_no}").get_data(as_text=True)
    assert "补充、更正当事人信息" in page and "北京市海淀区某某路88号" in page


def test_a_stale_form_is_409_and_changes_nothing(client, auth, file_case):
    auth.login_as("mediator")
    case = file_case().case
    stale = particulars_form(client, case.case_no, **{"workers-0-address": "甲地"})
    client.post(f"/cases/{case.case_no}/particulars", data=dict(stale))
    stale["csrf_token"] = csrf_token(client, f"/cases/{case.case_no}")
    assert client.post(f"/cases/{case.case_no}/particulars", data=dict(stale, **{"workers-0-address": "乙地"})).status_code == 409
    db.session.refresh(case)
    assert case.workers[0].address == "甲地"


def test_a_particular_too_long_is_refused_beside_its_field(client, auth, file_case):
    auth.login_as("mediator")
    case = file_case().case
    form = particulars_form(client, case.case_no, **{"respondents-0-legal_representative": "李" * 65})
    response = client.post(f"/cases/{case.case_no}/particulars", data=form)
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and 'id="particulars-respondents-0-legal_representative-error"' in page
    db.session.refresh(case)
    assert case.respondents[0].legal_representative is None


def test_someone_not_handling_the_case_may_not_change_it(client, auth, file_case, make_user):
    handler = make_user(role="mediator")
    case = file_case().case
    case.mediator_id = handler.id
    db.session.commit()
    auth.login_as("mediator")  # another mediator of the region: reads the case, changes nothing
    page = client.get(f"/cases/{case.case_no}").get_data(as_text=True)
    assert "补充或更正当事人信息" not in page
    response = client.post(f"/cases/{case.case_no}/particulars", data={
        "csrf_token": csrf_token(client, f"/cases/{case.case_no}"), "version": str(case.version),
        "workers-0-address": "乙地"})
    assert response.status_code == 403
    db.session.refresh(case)
    assert case.workers[0].address is None


def test_the_completed_particulars_reach_the_arbitration_application(client, auth, file_case):
    from tests.disputes.case_documents.test_case_documents import pdf_text

    auth.login_as("mediator")
    case = file_case().case
    client.post(f"/cases/{case.case_no}/particulars", data=particulars_form(
        client, case.case_no, **{"respondents-0-address": "北京市海淀区某某路88号"}))
    text = "".join(pdf_text(client.get(f"/cases/{case.case_no}/documents/arbitration_application.pdf").data).split())
    assert "住所：北京市海淀区某某路88号" in text

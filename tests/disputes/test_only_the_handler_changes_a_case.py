"""Staff of a region read its cases, but a case assigned to one mediator is changed by that mediator
(and admins) only: not by a second mediator or an arbitrator of the same region (security audit, item 3).

Case events already follow this rule in workflows/permissions.py; these are the actions beside them.
"""
import io

import sqlalchemy as sa

from disputes.cases.services import apply_event
from disputes.extensions import db
from disputes.models import Case, CaseAssessment, CaseEvent, Evidence, GeneratedDocument
from tests.disputes.dashboard.test_collective_links import complaints, link
from tests.factories import DEFAULT_PASSWORD
from tests.support import csrf_token

PNG = b"\x89PNG\r\n\x1a\n" + b"0" * 64


def accepted_case(file_case, make_user):
    handler = make_user(role="mediator")
    filed = file_case()
    apply_event(filed.case, "accept", handler, expected_version=filed.case.version)
    return filed.case, handler


def fingerprint(case_id):
    return tuple(db.session.scalar(sa.select(sa.func.count()).select_from(model).where(model.case_id == case_id))
                 for model in (CaseAssessment, Evidence, GeneratedDocument, CaseEvent))


def test_a_second_mediator_reads_the_case_but_saves_no_assessment(client, auth, file_case, make_user):
    case, _handler = accepted_case(file_case, make_user)
    auth.login_as("mediator")
    assert client.get(f"/cases/{case.case_no}").status_code == 200
    assert client.get(f"/cases/{case.case_no}/assessment").status_code == 200
    before = fingerprint(case.id)
    token = csrf_token(client, f"/cases/{case.case_no}/assessment")
    response = client.post(f"/cases/{case.case_no}/assessment", data={"csrf_token": token, "save": "1"})
    assert response.status_code == 403
    assert fingerprint(case.id) == before


def test_a_second_mediator_adds_no_evidence_and_issues_no_document(client, auth, file_case, make_user):
    case, _handler = accepted_case(file_case, make_user)
    auth.login_as("mediator")
    before = fingerprint(case.id)
    token = csrf_token(client, f"/cases/{case.case_no}")
    evidence = client.post(f"/cases/{case.case_no}/evidence", data={"csrf_token": token, "evidence": (io.BytesIO(PNG), "a.png")},
                           content_type="multipart/form-data")
    document = client.post(f"/cases/{case.case_no}/documents/case_summary", data={"csrf_token": token})
    assert (evidence.status_code, document.status_code) == (403, 403)
    assert fingerprint(case.id) == before


def test_an_arbitrator_of_the_region_does_not_change_a_case_in_mediation(client, auth, file_case, make_user):
    case, _handler = accepted_case(file_case, make_user)
    auth.login_as("arbitrator")
    token = csrf_token(client, f"/cases/{case.case_no}")
    response = client.post(f"/cases/{case.case_no}/documents/case_summary", data={"csrf_token": token})
    assert response.status_code == 403


def test_the_assigned_mediator_and_an_admin_do(app, client, file_case, make_user):
    case, handler = accepted_case(file_case, make_user)
    for user in (handler, make_user(role="admin")):
        browser = app.test_client()
        browser.post("/login", data={"username": user.username, "password": DEFAULT_PASSWORD,
                                     "csrf_token": csrf_token(browser)})
        token = csrf_token(browser, f"/cases/{case.case_no}")
        response = browser.post(f"/cases/{case.case_no}/documents/case_summary", data={"csrf_token": token})
        assert response.status_code == 302, user.role


def test_the_case_page_offers_a_second_mediator_no_changing_buttons(client, auth, file_case, make_user):
    case, _handler = accepted_case(file_case, make_user)
    auth.login_as("mediator")
    page = client.get(f"/cases/{case.case_no}").get_data(as_text=True)
    assert f"/cases/{case.case_no}/evidence" not in page
    assert "出具新版本" not in page


def test_a_mediator_links_no_case_assigned_to_another_mediator(client, auth, file_case, make_user):
    cases, alert = complaints(file_case)
    first = make_user(role="mediator")
    apply_event(cases[0], "accept", first, expected_version=cases[0].version)
    auth.login_as("mediator")
    response = link(client, alert, [case.case_no for case in cases])
    assert response.status_code == 422
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Case).where(Case.collective.is_(True))) == 0

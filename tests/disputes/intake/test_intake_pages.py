"""The worker's web form and the mediator's form: answers kept on error, a receipt on success."""
import re

import sqlalchemy as sa

from disputes.extensions import db
from disputes.models import Case
from tests.factories import intake_payload
from tests.support import csrf_token


def form_data(client, path="/intake", **changes):
    """The complaint as a browser posts it, with the page's CSRF token."""
    payload = intake_payload()
    worker, respondent, claim = payload["workers"][0], payload["respondents"][0], payload["claims"][0]
    data = {
        "csrf_token": csrf_token(client, path),
        "workers-0-name": worker["name"], "workers-0-phone": worker["phone"],
        "workers-0-id_number": worker["id_number"] or "", "workers-0-occupation": worker["occupation"],
        "respondents-0-name": respondent["name"], "respondents-0-kind": respondent["kind"],
        "respondents-0-credit_code": respondent["credit_code"] or "",
        "claims-0-kind": claim["kind"], "claims-0-amount": claim.get("amount") or "",
        "facts": payload["facts"], "region": payload["region"],
        "knew_of_violation_on": payload["knew_of_violation_on"],
    }
    data.update(changes)
    return data


def test_a_worker_without_an_account_files_and_sees_the_receipt_once(client, regions):
    response = client.post("/intake", data=form_data(client))
    assert response.status_code == 302 and response.headers["Location"].endswith("/intake/receipt")
    receipt = client.get("/intake/receipt").get_data(as_text=True)
    case_no = re.search(r'data-testid="case-no">([^<]+)<', receipt).group(1)
    code = re.search(r'data-testid="access-code">([^<]+)<', receipt).group(1)
    assert db.session.scalar(sa.select(Case.channel).where(Case.case_no == case_no)) == "web"
    assert len(code) == 11
    assert client.get("/intake/receipt").status_code == 302  # shown only once


def test_a_refused_form_keeps_every_answer_and_marks_the_wrong_field(client, regions):
    data = form_data(client, **{"claims-0-amount": "-20", "workers-0-id_number": "110105199001011234"})
    response = client.post("/intake", data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert data["facts"] in page and data["workers-0-name"] in page
    assert "金额必须大于 0" in page and "校验不通过" in page
    assert 'aria-invalid="true"' in page and 'role="alert"' in page
    assert db.session.scalar(sa.select(sa.func.count(Case.id))) == 0


def test_the_form_without_a_csrf_token_is_refused(client, regions):
    data = form_data(client)
    del data["csrf_token"]
    response = client.post("/intake", data=data)
    assert response.status_code == 400
    assert db.session.scalar(sa.select(sa.func.count(Case.id))) == 0


def test_a_worker_can_ask_for_another_claim_row_without_javascript(client, regions):
    data = form_data(client, more_claims="1")
    page = client.post("/intake", data=data).get_data(as_text=True)
    assert 'name="claims-3-kind"' in page and data["facts"] in page


def test_only_staff_may_file_on_a_workers_behalf(client, auth):
    assert client.get("/intake/on-behalf").status_code in (302, 401)
    auth.login_as("legal_aid")
    assert client.get("/intake/on-behalf").status_code == 403


def test_a_mediator_files_for_a_group_of_workers(client, auth):
    auth.login_as("mediator")
    data = form_data(client, "/intake/on-behalf", **{
        "workers-1-name": "张伟", "workers-1-phone": "13900001111", "workers-1-occupation": "delivery_rider",
    })
    response = client.post("/intake/on-behalf", data=data)
    assert response.status_code == 302
    case = db.session.scalar(sa.select(Case))
    assert case.channel == "mediator" and len(case.workers) == 2

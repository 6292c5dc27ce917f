"""A complaint is filed once, however often its form or API request arrives; anonymous filing is throttled."""
import re

import sqlalchemy as sa

from disputes.extensions import db
from disputes.intake import services as intake_services
from disputes.models import Case
from tests.disputes.intake.test_intake_pages import form_data
from tests.factories import intake_payload

KEY = re.compile(r'<input[^>]*name="submission_key"[^>]*value="([^"]+)"')


def case_count() -> int:
    return db.session.scalar(sa.select(sa.func.count(Case.id)))


def shown_key(client) -> str:
    page = client.get("/intake").get_data(as_text=True)
    return KEY.search(page).group(1)


def test_each_form_shown_carries_its_own_submission_key(client, regions):
    first, second = shown_key(client), shown_key(client)
    assert first != second and len(first) >= 16


def test_the_same_form_sent_twice_files_one_complaint(client, regions):
    data = form_data(client, submission_key=shown_key(client))
    first = client.post("/intake", data=data)
    again = client.post("/intake", data=data)  # a double tap: the browser still holds the receipt
    assert first.status_code == again.status_code == 302 and again.location.endswith("/intake/receipt")
    receipt = client.get("/intake/receipt").get_data(as_text=True)
    case_no = re.search(r'data-testid="case-no">([^<]+)<', receipt).group(1)
    late = client.post("/intake", data=data)  # sent once more after the receipt was read
    page = late.get_data(as_text=True)
    assert late.status_code == 200 and case_no in page and "已经提交过" in page
    assert 'data-testid="access-code"' not in page and "/status/reset" in page
    assert case_count() == 1


def test_two_copies_arriving_at_once_still_file_one_complaint(client, regions, monkeypatch):
    """The second copy passes the first look (nothing filed yet) and meets the unique key at commit."""
    data = form_data(client, submission_key=shown_key(client))
    assert client.post("/intake", data=data).status_code == 302
    monkeypatch.setattr(intake_services, "_refuse_second_send", _blind_once(intake_services._refuse_second_send))
    with client.session_transaction() as session:
        session.pop("receipt", None)
    again = client.post("/intake", data=data)
    assert again.status_code == 200 and "已经提交过" in again.get_data(as_text=True)
    assert case_count() == 1


def _blind_once(look):
    calls = []

    def first_sees_nothing(key_hash):
        calls.append(key_hash)
        return None if len(calls) == 1 else look(key_hash)
    return first_sees_nothing


def test_an_api_retry_with_the_same_idempotency_key_returns_the_case_it_filed(client, auth):
    _, headers = auth.token_for("mediator")
    keyed = headers | {"Idempotency-Key": "3f1c6a52-0b7e-4d1e-9a55-2f0c8e7b1d90"}
    first = client.post("/api/v1/cases", json=intake_payload(), headers=keyed)
    retry = client.post("/api/v1/cases", json=intake_payload(), headers=keyed)
    assert first.status_code == 201 and retry.status_code == 200
    assert retry.get_json()["case_no"] == first.get_json()["case_no"]
    assert retry.get_json()["already_filed"] is True and retry.get_json()["access_code"] is None
    assert case_count() == 1


def test_a_key_belongs_to_its_filer_and_a_malformed_key_is_no_key(client, auth):
    _, mediator = auth.token_for("mediator")
    _, arbitrator = auth.token_for("arbitrator")
    key = {"Idempotency-Key": "same-key-from-two-people"}
    assert client.post("/api/v1/cases", json=intake_payload(), headers=mediator | key).status_code == 201
    assert client.post("/api/v1/cases", json=intake_payload(), headers=arbitrator | key).status_code == 201
    for _ in range(2):
        short = client.post("/api/v1/cases", json=intake_payload(), headers=mediator | {"Idempotency-Key": "short"})
        assert short.status_code == 201
    assert case_count() == 4


def test_anonymous_filing_is_throttled_per_address_and_only_filings_count(app, regions):
    app.config["ANONYMOUS_FILING_LIMIT"] = "2 per hour"
    station = app.test_client()

    def post(client, address, **changes):
        return client.post("/intake", data=form_data(client, **changes), environ_base={"REMOTE_ADDR": address})

    assert post(station, "198.51.100.40", more_claims="1").status_code == 200  # another row: free
    assert [post(station, "198.51.100.40").status_code for _ in range(3)] == [302, 302, 429]
    assert post(app.test_client(), "198.51.100.41").status_code == 302
    assert case_count() == 3

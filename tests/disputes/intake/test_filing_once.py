"""A complaint is filed once, however often its form or API request arrives; anonymous filing is throttled."""
import re

import sqlalchemy as sa

from disputes.extensions import db
from disputes.intake import services as intake_services
from disputes.intake import views as intake_views
from disputes.models import Case
from tests.disputes.intake.test_intake_pages import (
    CHECK, case_count, file_in_steps, send_step, step_answers, worker_data,
)
from tests.factories import intake_payload

KEY = re.compile(r'<input[^>]*name="submission_key"[^>]*value="([^"]+)"')


def shown_key(client) -> str:
    page = client.get("/intake/check").get_data(as_text=True)
    return KEY.search(page).group(1)


def test_each_draft_carries_its_own_submission_key_kept_across_its_steps(client, app, regions):
    assert send_step(client, "you", worker_data(client)).status_code == 302
    first = shown_key(client)
    assert send_step(client, "employer", worker_data(client)).status_code == 302
    assert shown_key(client) == first and len(first) >= 16
    other = app.test_client()
    assert send_step(other, "you", worker_data(other)).status_code == 302
    assert shown_key(other) != first


def test_the_check_page_sent_twice_files_one_complaint(client, regions):
    send = ready_to_send(client)
    first = client.post("/intake/check", data=send)
    again = client.post("/intake/check", data=send)
    # A double tap: the draft is gone, the key is the same, and the browser still holds the receipt.
    assert first.status_code == again.status_code == 302 and again.location.endswith("/intake/receipt")
    receipt = client.get("/intake/receipt").get_data(as_text=True)
    case_no = re.search(r'data-testid="case-no">([^<]+)<', receipt).group(1)
    late = client.post("/intake/check", data=send)
    page = late.get_data(as_text=True)
    assert late.status_code == 200 and case_no in page and "已经提交过" in page
    assert 'data-testid="access-code"' not in page and "/status/reset" in page
    assert case_count() == 1


def test_two_copies_arriving_at_once_still_file_one_complaint(client, regions, monkeypatch):
    """The second copy passes the first look (nothing filed yet) and meets the unique key at commit;
    both copies read the draft before the first one was through, so the second shows the number only."""
    monkeypatch.setattr(intake_views, "keep_receipt_instead", lambda *args: None)
    send = ready_to_send(client)
    draft = client.get_cookie("intake_draft").value
    assert client.post("/intake/check", data=send).status_code == 302
    client.set_cookie("intake_draft", draft)  # the second copy left the phone with the first
    monkeypatch.setattr(intake_services, "_refuse_second_send", _blind_once(intake_services._refuse_second_send))
    with client.session_transaction() as session:
        session.pop("receipt", None)
    again = client.post("/intake/check", data=send)
    assert again.status_code == 200 and "已经提交过" in again.get_data(as_text=True)
    assert case_count() == 1


def ready_to_send(client) -> dict:
    """Every step sent; what the check page's "提交投诉" sends, with the key the page holds."""
    data = worker_data(client)
    for name in ("you", "employer", "claims", "facts", "evidence"):
        assert send_step(client, name, data).status_code == 302
    return step_answers(data, CHECK) | {"submission_key": shown_key(client)}


def test_a_copy_that_left_with_the_first_still_shows_the_codes(client, regions):
    """Without JavaScript a double tap sends twice with the same cookies: the browser shows the
    second answer, which finds the receipt the filed draft keeps for a while."""
    send = ready_to_send(client)
    draft = client.get_cookie("intake_draft").value
    assert client.post("/intake/check", data=send).status_code == 302
    client.set_cookie("intake_draft", draft)
    with client.session_transaction() as session:
        session.pop("receipt", None)
    again = client.post("/intake/check", data=send)
    assert again.status_code == 302 and again.location.endswith("/intake/receipt")
    assert 'data-testid="access-code"' in client.get("/intake/receipt").get_data(as_text=True)
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

    def file(address):
        station = app.test_client()
        return file_in_steps(station, worker_data(station), environ_base={"REMOTE_ADDR": address})

    station = app.test_client()
    here = {"environ_base": {"REMOTE_ADDR": "198.51.100.40"}}
    for _ in range(3):  # rows, steps and drafts are free
        assert station.post("/intake/claims", data=step_answers(worker_data(station), CHECK) | {"more_claims": "1"},
                            **here).status_code == 200
    assert [file("198.51.100.40").status_code for _ in range(3)] == [302, 302, 429]
    assert file("198.51.100.41").status_code == 302
    assert case_count() == 3

"""GET /api/v1/cases/{case_no}: who may read a case, and personal data masked in every output."""
import random

from tests.factories import intake_payload, resident_id


def test_resident_id_and_phone_are_masked_in_the_case_json(client, auth):
    _, headers = auth.token_for("mediator")
    payload = intake_payload()
    payload["workers"][0]["id_number"] = resident_id(random.Random(7))
    phone = payload["workers"][0]["phone"]
    body = client.post("/api/v1/cases", json=payload, headers=headers).get_json()
    text = client.get(f"/api/v1/cases/{body['case_no']}", headers=headers).get_data(as_text=True)
    assert payload["workers"][0]["id_number"] not in text and phone not in text
    worker = body["workers"][0]
    assert worker["id_number"].startswith(payload["workers"][0]["id_number"][:3]) and "*" in worker["id_number"]
    assert worker["phone"] == phone[:3] + "****" + phone[-4:]


def test_staff_of_another_region_get_403_and_an_unknown_number_404(client, auth, file_case):
    filed = file_case()
    _, outsider = auth.token_for("mediator", region="44")
    assert client.get(f"/api/v1/cases/{filed.case.case_no}", headers=outsider).status_code == 403
    assert client.get("/api/v1/cases/2026-9999999", headers=outsider).status_code == 404


def test_a_worker_sees_only_their_own_case(client, auth, file_case):
    owner, headers = auth.token_for("worker")
    mine = file_case(filed_by=owner, channel="api")
    theirs = file_case()
    assert client.get(f"/api/v1/cases/{mine.case.case_no}", headers=headers).status_code == 200
    assert client.get(f"/api/v1/cases/{theirs.case.case_no}", headers=headers).status_code == 403


def test_anonymous_readers_get_401(client, file_case):
    filed = file_case()
    assert client.get(f"/api/v1/cases/{filed.case.case_no}").status_code == 401

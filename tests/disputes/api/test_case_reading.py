"""GET /api/v1/cases/{case_no}: who may read a case, personal data masked in every output, and a
repeated read never older than the case."""
import random

from disputes.cases.services import apply_event
from disputes.extensions import db
from tests.factories import intake_payload, organisation_for, resident_id
from tests.support import selects_during


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


# A repeated read is answered with what the last one computed (cases/reading.py), and only while
# nothing it depends on has changed: the case, the reader, the language, the day.

def read(client, case_no: str, headers: dict, **params) -> dict:
    answer = client.get(f"/api/v1/cases/{case_no}", headers=headers, query_string=params)
    assert answer.status_code == 200, answer.get_json()
    return answer.get_json()


def test_a_change_to_the_case_shows_at_the_next_read(client, auth, file_case):
    _, headers = auth.token_for("mediator")
    case_no = file_case().case.case_no
    before = read(client, case_no, headers)
    fired = client.post(f"/api/v1/cases/{case_no}/events", json={"event": "accept", "version": before["version"]},
                        headers=headers)
    assert fired.status_code == 200, fired.get_json()
    after = read(client, case_no, headers)
    assert before["state"] == "submitted" and after["state"] == fired.get_json()["state"] != "submitted"
    assert after["version"] > before["version"] and [row["event"] for row in after["history"]] == ["submit", "accept"]


def test_a_change_made_outside_the_web_process_shows_too(client, auth, file_case):
    mediator, headers = auth.token_for("mediator")
    case = file_case().case
    read(client, case.case_no, headers)
    apply_event(case, "accept", mediator, expected_version=case.version)  # as a job or a command would
    db.session.commit()
    assert [row["event"] for row in read(client, case.case_no, headers)["history"]] == ["submit", "accept"]


def test_a_reader_who_may_no_longer_see_the_case_is_refused_though_their_read_was_kept(client, auth, file_case):
    mediator, headers = auth.token_for("mediator")
    case_no = file_case().case.case_no
    read(client, case_no, headers)
    mediator.organisation = organisation_for("mediator", "44")  # moved to another province's office
    db.session.commit()
    assert client.get(f"/api/v1/cases/{case_no}", headers=headers).status_code == 403


def test_each_reader_is_answered_with_their_own_reading(client, auth, file_case):
    handler, handler_headers = auth.token_for("mediator")
    _, colleague_headers = auth.token_for("mediator")
    case = file_case().case
    apply_event(case, "accept", handler, expected_version=case.version)
    db.session.commit()
    as_handler = read(client, case.case_no, handler_headers)
    as_colleague = read(client, case.case_no, colleague_headers)
    assert as_handler["mediator"] == handler.display_name and as_handler["allowed_events"]
    assert as_colleague["allowed_events"] != as_handler["allowed_events"]
    assert read(client, case.case_no, handler_headers) == as_handler


def test_the_language_asked_for_is_the_language_answered(client, auth, file_case):
    _, headers = auth.token_for("mediator")
    case_no = file_case().case.case_no
    chinese, english = read(client, case_no, headers), read(client, case_no, headers, lang="en")
    assert chinese["deadlines"][0]["label"] != english["deadlines"][0]["label"]
    assert english["deadlines"][0]["label"].isascii() and not chinese["deadlines"][0]["label"].isascii()
    assert read(client, case_no, headers, lang="zh_CN") == chinese


def test_a_read_kept_yesterday_is_computed_again_today(app, client, auth, file_case):
    _, headers = auth.token_for("mediator")
    case_no = file_case().case.case_no
    app.config["DISPUTES_TODAY"] = "2026-12-07"
    read(client, case_no, headers)
    app.config["DISPUTES_TODAY"] = "2026-12-08"
    selects = selects_during(lambda: read(client, case_no, headers))
    assert len(selects) >= 3  # the short row, then the case and its history loaded afresh

"""POST /api/v1/cases: the intake contract (201, 400, 401, 403, 422) and what it stores."""
import pytest
import sqlalchemy as sa

from disputes.extensions import db
from disputes.models import Case, CaseEvent
from tests.factories import intake_payload


def case_count():
    return db.session.scalar(sa.select(sa.func.count(Case.id)))


def test_a_mediator_files_a_complaint_and_gets_a_case_number_and_access_code(client, auth):
    _, headers = auth.token_for("mediator")
    response = client.post("/api/v1/cases", json=intake_payload(), headers=headers)
    assert response.status_code == 201
    body = response.get_json()
    assert body["case_no"].startswith("2026-") and len(body["case_no"]) == 12
    assert body["state"] == "submitted" and body["legal_aid"] == "none" and body["version"] == 1
    assert len(body["access_code"].replace("-", "")) == 10
    assert {d["kind"] for d in body["deadlines"]} >= {"mediation"}
    assert body["history"][0]["event"] == "submit"


def test_the_access_code_is_stored_only_as_a_keyed_hash(client, auth):
    _, headers = auth.token_for("mediator")
    body = client.post("/api/v1/cases", json=intake_payload(), headers=headers).get_json()
    stored = db.session.scalar(sa.select(Case.access_code_hash).where(Case.case_no == body["case_no"]))
    assert body["access_code"] not in stored and len(stored) == 64


def test_case_numbers_count_up_within_the_year(client, auth):
    _, headers = auth.token_for("mediator")
    numbers = [client.post("/api/v1/cases", json=intake_payload(seed=i), headers=headers).get_json()["case_no"]
               for i in range(3)]
    assert numbers == sorted(numbers) and len(set(numbers)) == 3


def test_ten_workers_with_a_common_claim_make_a_collective_case(client, auth):
    _, headers = auth.token_for("mediator")
    payload = intake_payload()
    payload["workers"] = [dict(payload["workers"][0], name=f"骑手{i}", id_number=None) for i in range(10)]
    assert client.post("/api/v1/cases", json=payload, headers=headers).get_json()["collective"] is True


def test_every_bad_field_is_reported_at_once_in_chinese(client, auth):
    _, headers = auth.token_for("mediator")
    payload = intake_payload()
    payload["workers"][0]["id_number"] = "110105199001011234"
    payload["respondents"][0]["credit_code"] = "91110105MA01234567"
    payload["claims"][0]["amount"] = "-3"
    payload["facts"] = "太短"
    payload["knew_of_violation_on"] = "2030-01-01"
    response = client.post("/api/v1/cases", json=payload, headers=headers)
    assert response.status_code == 422
    errors = response.get_json()["errors"]
    assert set(errors) == {"workers[0].id_number", "respondents[0].credit_code", "claims[0].amount", "facts",
                           "knew_of_violation_on"}
    assert "校验" in errors["workers[0].id_number"] and "大于 0" in errors["claims[0].amount"]
    assert case_count() == 0


@pytest.mark.parametrize(
    "change, field",
    [
        ({"workers": []}, "workers"),
        ({"respondents": "平台"}, "respondents"),
        ({"claims": [{"kind": "free_money"}]}, "claims[0].kind"),
        ({"region": "99"}, "region"),
        ({"surprise": 1}, "surprise"),
        ({"relationship_ended": "yes"}, "relationship_ended"),
    ],
)
def test_wrong_shapes_and_unknown_keys_are_422_with_the_field_named(client, auth, change, field):
    _, headers = auth.token_for("mediator")
    response = client.post("/api/v1/cases", json=intake_payload(**change), headers=headers)
    assert response.status_code == 422
    assert field in response.get_json()["errors"]


@pytest.mark.parametrize("body", ["{not json", "[1, 2]", "null", "[" * 5000 + "]" * 5000, '"text"'])
def test_a_body_that_is_not_a_json_object_is_400(client, auth, body):
    _, headers = auth.token_for("mediator")
    response = client.post("/api/v1/cases", data=body, headers=headers, content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["errors"]


def test_without_credentials_intake_over_the_api_is_401(client, regions):
    assert client.post("/api/v1/cases", json=intake_payload()).status_code == 401


def test_a_legal_aid_officer_may_not_file_complaints(client, auth):
    _, headers = auth.token_for("legal_aid")
    assert client.post("/api/v1/cases", json=intake_payload(), headers=headers).status_code == 403


def test_intake_writes_the_first_history_row_in_the_same_transaction(client, auth):
    user, headers = auth.token_for("mediator")
    body = client.post("/api/v1/cases", json=intake_payload(), headers=headers).get_json()
    event = db.session.scalar(sa.select(CaseEvent).join(Case).where(Case.case_no == body["case_no"]))
    assert (event.event, event.from_state, event.to_state, event.actor_id) == ("submit", None, "submitted", user.id)

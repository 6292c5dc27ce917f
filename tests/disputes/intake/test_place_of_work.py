"""The place of work at intake: a code or a name, down to the county (GB/T 2260, the places package);
the API answers with both, and the award's minimum-wage tier follows it (Art. 47(1))."""

import pytest
import sqlalchemy as sa

from disputes.extensions import db
from disputes.models import Case
from tests.disputes.intake.test_intake_pages import file_in_steps, send_step, worker_data
from tests.factories import intake_payload


def file(client, auth, **fields):
    _, headers = auth.token_for("mediator")
    payload = intake_payload()
    payload.pop("region")
    payload.update(fields)
    return client.post("/api/v1/cases", json=payload, headers=headers)


def case_count():
    return db.session.scalar(sa.select(sa.func.count(Case.id)))


@pytest.mark.parametrize("fields", [
    {"region": "42", "place": "武汉市江汉区"},
    {"region": "42", "place": "江汉区"},
    {"region": "42", "place": "420103"},
    {"region": "湖北省", "place": "江汉区"},
    {"region": "湖北省武汉市", "place": "江汉区"},
    {"place": "湖北省武汉市江汉区"},
    {"region": "武汉江汉区"},
])
def test_the_place_is_taken_by_code_or_by_name_and_answered_with_both(client, auth, fields):
    answer = file(client, auth, **fields)
    assert answer.status_code == 201, answer.get_json()
    body = answer.get_json()
    assert body["region"] == "42" and body["region_name"] == "湖北省"
    assert body["place"] == {"code": "420103", "name": "江汉区", "full_name": "湖北省武汉市江汉区", "level": "county"}
    stored = db.session.scalar(sa.select(Case).where(Case.case_no == body["case_no"]))
    assert stored.place_code == "420103" and stored.region_code == "42"


def test_a_city_is_a_place_too_and_a_province_alone_is_no_place(client, auth):
    city = file(client, auth, region="武汉").get_json()
    assert (city["region"], city["place"]["code"], city["place"]["level"]) == ("42", "420100", "prefecture")
    province = file(client, auth, region="420000").get_json()
    assert (province["region"], province["place"]) == ("42", None)


def test_without_a_place_the_case_is_filed_as_before(client, auth):
    body = file(client, auth, region="11").get_json()
    assert body["region"] == "11" and body["place"] is None


def test_a_name_several_places_bear_is_refused_with_the_candidates(client, auth):
    before = case_count()
    answer = file(client, auth, place="朝阳区")
    assert answer.status_code == 422
    message = answer.get_json()["errors"]["place"]
    assert "北京市朝阳区" in message and "吉林省长春市朝阳区" in message
    assert case_count() == before
    # Within the chosen province the same name is one place.
    assert file(client, auth, region="22", place="朝阳区").get_json()["place"]["code"] == "220104"


def test_a_place_outside_the_chosen_province_is_refused(client, auth):
    answer = file(client, auth, region="11", place="武汉市江汉区")
    assert answer.status_code == 422
    assert "不在所选省份内" in answer.get_json()["errors"]["place"]


@pytest.mark.parametrize("fields, key", [
    ({"region": "11", "place": "不存在县"}, "place"),
    ({"region": "11", "place": 42}, "place"),
    ({"region": "11", "place": "区" * 200}, "place"),
    ({"region": "某某省"}, "region"),
    ({"region": "99"}, "region"),
    ({}, "region"),
])
def test_bad_places_get_a_clear_message_and_file_nothing(client, auth, fields, key):
    before = case_count()
    answer = file(client, auth, **fields)
    assert answer.status_code == 422
    assert answer.get_json()["errors"][key]
    assert case_count() == before


def test_the_message_follows_the_language(client, auth):
    _, headers = auth.token_for("mediator")
    payload = intake_payload(place="不存在县")
    answer = client.post("/api/v1/cases?lang=en", json=payload, headers=headers)
    message = answer.get_json()["errors"]["place"]
    assert "不存在县" in message and "county" in message.lower()


def test_a_worker_gives_the_place_on_the_facts_step_and_a_wrong_one_is_kept_to_correct(client, regions):
    assert "工作地点" in client.get("/intake/facts").get_data(as_text=True)
    wrong = send_step(client, "facts", worker_data(client, region="44", place="朝阳区"))
    page = wrong.get_data(as_text=True)
    assert wrong.status_code == 422 and "朝阳区" in page and "不在所选省份内" in page
    filed = file_in_steps(client, worker_data(client, region="44", place="广州市天河区"))
    assert filed.status_code == 302
    assert db.session.scalar(sa.select(Case.place_code).order_by(Case.id.desc()).limit(1)) == "440106"

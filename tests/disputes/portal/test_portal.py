"""The worker's portal: lookup contract, scoped session, actions, evidence, documents, lost codes."""
import io
import re
import json

import sqlalchemy as sa

from disputes.cases.services import apply_event
from disputes.extensions import db
from disputes.evidence.services import Upload, add_evidence
from disputes.models import Evidence, Notification
from tests.support import csrf_token, selects_during

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200


def look_up(client, case_no, code):
    return client.post("/api/v1/status", json={"case_no": case_no, "access_code": code})


def test_the_right_pair_gives_a_plain_words_status_without_personal_data(client, file_case):
    filed = file_case()
    response = look_up(client, filed.case.case_no, filed.access_code)
    assert response.status_code == 200
    body = response.get_json()
    assert body["state"] == "submitted" and body["state_label"] == "已提交" and "等待" in body["summary"]
    assert body["next_step"]["basis"] and body["timeline"][0]["event"] == "submit"
    text = json.dumps(body, ensure_ascii=False)
    worker, respondent = filed.case.workers[0], filed.case.respondents[0]
    for secret in (worker.name, worker.phone, worker.id_number, respondent.name, respondent.credit_code):
        assert not secret or secret not in text


def test_a_wrong_number_and_a_wrong_code_get_the_same_answer(client, file_case):
    filed = file_case()
    wrong_code = look_up(client, filed.case.case_no, "AAAAA-AAAAA")
    wrong_number = look_up(client, "2026-9999999", filed.access_code)
    assert wrong_code.status_code == wrong_number.status_code == 404
    assert wrong_code.get_json() == wrong_number.get_json()


def test_codes_are_forgiving_of_case_and_dashes(client, file_case):
    filed = file_case()
    typed = filed.access_code.replace("-", "").lower()
    assert look_up(client, filed.case.case_no, typed).status_code == 200


def look_up_from(app, address, case_no, code):
    return app.test_client().post("/api/v1/status", json={"case_no": case_no, "access_code": code},
                                  environ_base={"REMOTE_ADDR": address})


def test_wrong_codes_for_a_case_are_limited_per_address_with_a_plain_message(app, file_case):
    filed = file_case()
    codes = [look_up_from(app, "198.51.100.7", filed.case.case_no, "WRONG-CODE1").status_code for _ in range(6)]
    assert codes[:5] == [404] * 5 and codes[5] == 429
    limited = look_up_from(app, "198.51.100.7", filed.case.case_no, filed.access_code)
    assert limited.status_code == 429 and "后再试" in limited.get_json()["error"]
    assert int(limited.headers["Retry-After"]) > 0


def test_a_stranger_guessing_never_locks_the_worker_out_of_their_case(app, file_case):
    filed = file_case()
    for _ in range(8):
        look_up_from(app, "198.51.100.7", filed.case.case_no, "WRONG-CODE1")
    assert look_up_from(app, "203.0.113.20", filed.case.case_no, filed.access_code).status_code == 200


def test_the_right_code_costs_nothing_against_the_case_limit(app, file_case):
    filed = file_case()
    for _ in range(7):  # below the address's 10 a minute, above the case's 5 wrong tries
        assert look_up_from(app, "198.51.100.8", filed.case.case_no, filed.access_code).status_code == 200


def test_resets_of_one_case_are_limited_from_any_address(app, file_case):
    """Each reset sends an SMS: a stranger may not flood the worker's phone by changing address."""
    filed = file_case()
    answers = []
    for index in range(4):
        client = app.test_client()
        token = csrf_token(client, "/status/reset")
        answers.append(client.post("/status/reset", data={"csrf_token": token, "case_no": filed.case.case_no,
                                                          "phone": filed.case.workers[0].phone},
                                   environ_base={"REMOTE_ADDR": f"198.51.100.{index + 30}"}).status_code)
    assert answers == [200, 200, 200, 429]
    assert db.session.scalar(sa.select(sa.func.count(Notification.id))
                             .where(Notification.kind == "access_code")) == 3


def test_a_successful_lookup_keeps_the_worker_in_that_case_only(client, file_case):
    mine, other = file_case(), file_case()
    client.post("/status", data={"csrf_token": csrf_token(client, "/status"), "case_no": mine.case.case_no,
                                 "access_code": mine.access_code})
    page = client.get("/status/case").get_data(as_text=True)
    assert mine.case.case_no in page and other.case.case_no not in page
    assert client.get(f"/cases/{other.case.case_no}").status_code in (302, 401)
    assert client.get("/status/case/documents/arbitration_application.pdf").mimetype == "application/pdf"


def test_without_a_lookup_the_portal_sends_the_worker_to_the_form(client):
    assert client.get("/status/case").headers["Location"].endswith("/status")


def enter(client, filed):
    client.post("/status", data={"csrf_token": csrf_token(client, "/status"), "case_no": filed.case.case_no,
                                 "access_code": filed.access_code})
    return csrf_token(client, "/status/case")


def in_mediation(client, file_case, make_user):
    """A case a mediator has accepted, and the worker's portal session on it: (filed, csrf token, mediator)."""
    mediator = make_user(role="mediator")
    filed = file_case()
    apply_event(filed.case, "accept", mediator, expected_version=filed.case.version)
    return filed, enter(client, filed), mediator


def test_the_worker_applies_for_arbitration_when_mediation_failed(client, file_case, make_user):
    filed, token, mediator = in_mediation(client, file_case, make_user)
    page = client.get("/status/case").get_data(as_text=True)
    assert "申请劳动争议仲裁" in page  # Art. 5: a worker unwilling to go on mediating may apply at any time
    apply_event(filed.case, "mediation_failed", mediator, expected_version=filed.case.version)
    response = client.post("/status/case/actions", data={"csrf_token": token, "event": "apply_arbitration",
                                                         "confirmed": "yes"})
    assert response.status_code == 302
    db.session.refresh(filed.case)
    assert filed.case.state == "arbitration_applied" and filed.case.history[-1].actor_label == "worker (portal)"


def test_one_tap_on_apply_only_opens_the_page_that_explains_arbitration(client, file_case, make_user):
    filed, token, mediator = in_mediation(client, file_case, make_user)
    page = client.get("/status/case").get_data(as_text=True)
    assert 'href="/status/case/confirm/apply_arbitration"' in page
    tapped = client.post("/status/case/actions", data={"csrf_token": token, "event": "apply_arbitration"})
    assert tapped.status_code == 302 and tapped.headers["Location"].endswith("/status/case/confirm/apply_arbitration")
    db.session.refresh(filed.case)
    assert filed.case.state == "in_mediation"
    explained = client.get("/status/case/confirm/apply_arbitration").get_data(as_text=True)
    for words in ("不收费", "第五十三条", "5 日内决定是否受理", "第二十九条", "45 日内", "第四十三条", "调解组织的调解到此结束"):
        assert words in explained, words
    english = client.get("/status/case/confirm/apply_arbitration?lang=en").get_data(as_text=True)
    assert "free of charge" in english


def test_a_confirmation_read_before_the_case_moved_is_refused_and_changes_nothing(client, file_case, make_user):
    filed, token, mediator = in_mediation(client, file_case, make_user)
    page = client.get("/status/case/confirm/apply_arbitration").get_data(as_text=True)
    seen = re.search(r'name="version" value="(\d+)"', page).group(1)
    apply_event(filed.case, "mediation_failed", mediator, expected_version=filed.case.version)
    response = client.post("/status/case/actions", data={"csrf_token": token, "event": "apply_arbitration",
                                                         "confirmed": "yes", "version": seen})
    assert response.status_code == 409
    db.session.refresh(filed.case)
    assert filed.case.state == "mediation_failed"


def test_the_legal_aid_page_says_what_aid_is_and_how_long_the_decision_takes(client, file_case):
    filed = file_case()
    enter(client, filed)
    page = client.get("/status/case/confirm/refer_legal_aid").get_data(as_text=True)
    assert "7 日内审查并决定" in page and "法律援助法" in page and "第四十三条" in page
    assert client.get("/status/case/confirm/withdraw").status_code == 404


def test_the_worker_asks_for_legal_aid_and_withdraws(client, file_case):
    filed = file_case()
    token = enter(client, filed)
    assert client.post("/status/case/actions", data={"csrf_token": token, "event": "refer_legal_aid",
                                                     "confirmed": "yes"}).status_code == 302
    assert client.post("/status/case/withdraw", data={"csrf_token": token, "confirm": "yes"}).status_code == 302
    db.session.refresh(filed.case)
    assert (filed.case.state, filed.case.legal_aid) == ("withdrawn", "referred")


def test_a_worker_cannot_fire_staff_events_from_the_portal(client, file_case):
    filed = file_case()
    token = enter(client, filed)
    assert client.post("/status/case/actions", data={"csrf_token": token, "event": "accept"}).status_code == 422


def test_the_worker_uploads_a_photo_and_bad_files_are_refused_clearly(client, file_case):
    filed = file_case()
    token = enter(client, filed)
    ok = client.post("/status/case/evidence", data={"csrf_token": token, "evidence": (io.BytesIO(PNG), "罚款截图.png")},
                     content_type="multipart/form-data")
    assert ok.status_code == 302
    stored = db.session.scalar(sa.select(Evidence).where(Evidence.case_id == filed.case.id))
    assert stored.content_type == "image/png" and stored.original_name == "罚款截图.png"
    bad = client.post("/status/case/evidence", data={"csrf_token": token,
                                                      "evidence": (io.BytesIO(b"<script>alert(1)</script>"), "x.html")},
                      content_type="multipart/form-data")
    assert bad.status_code == 422 and "只能上传照片" in bad.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(Evidence.id))) == 1


def ask_for_a_new_code(client, case_no, phone) -> str:
    page = client.post("/status/reset", data={"csrf_token": csrf_token(client, "/status/reset"),
                                              "case_no": case_no, "phone": phone}).get_data(as_text=True)
    sms = db.session.scalars(sa.select(Notification).where(Notification.kind == "access_code")
                             .order_by(Notification.id.desc())).first()
    new_code = sms.body.split("新查询码是 ")[1].split("，")[0]
    assert new_code not in page and sms.recipient == phone
    return new_code


def test_a_lost_code_is_replaced_by_sms_and_never_shown(client, file_case):
    filed = file_case()
    new_code = ask_for_a_new_code(client, filed.case.case_no, filed.case.workers[0].phone)
    assert look_up(client, filed.case.case_no, new_code).status_code == 200
    # Once the new code has been used, the old one no longer opens the case.
    assert look_up(client, filed.case.case_no, filed.access_code).status_code == 404
    assert look_up(client, filed.case.case_no, new_code).status_code == 200


def test_a_reset_someone_else_asked_for_never_locks_the_worker_out(client, file_case):
    """Anyone who knows the case number and the phone can ask; the code the worker holds keeps working."""
    filed = file_case()
    first = ask_for_a_new_code(client, filed.case.case_no, filed.case.workers[0].phone)
    second = ask_for_a_new_code(client, filed.case.case_no, filed.case.workers[0].phone)
    assert look_up(client, filed.case.case_no, filed.access_code).status_code == 200
    assert look_up(client, filed.case.case_no, filed.access_code).status_code == 200
    # A later reset replaces the earlier reset's code, never the code in use.
    assert look_up(client, filed.case.case_no, first).status_code == 404
    assert look_up(client, filed.case.case_no, second).status_code == 200
    assert look_up(client, filed.case.case_no, filed.access_code).status_code == 404


def test_a_reset_for_a_phone_not_on_file_says_the_same_and_sends_nothing(client, file_case):
    filed = file_case()
    page = client.post("/status/reset", data={"csrf_token": csrf_token(client, "/status/reset"),
                                              "case_no": filed.case.case_no, "phone": "13900000000"})
    assert "如果案件编号和手机号码与登记的一致" in page.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(Notification.id))) == 0


def test_a_lookup_reads_the_case_in_one_statement_and_a_repeated_one_only_its_version(client, file_case, make_user):
    # Each statement costs SQLAlchemy ~0.2 ms whatever it returns; the lookup is the portal's hot path.
    filed = file_case()
    apply_event(filed.case, "accept", make_user(role="mediator"), expected_version=filed.case.version)
    db.session.add(Evidence(case_id=filed.case.id, sha256="0" * 64, original_name="a.png", content_type="image/png",
                            size=len(PNG)))
    db.session.commit()
    case_no = filed.case.case_no
    client.get("/healthz")  # the process's first request also looks for holiday arrangements (every 30 s)
    db.session.remove()  # a fresh request: nothing of the case in the session yet
    answers = []
    first = selects_during(lambda: answers.append(look_up(client, case_no, filed.access_code).get_json()))
    again = selects_during(lambda: answers.append(look_up(client, case_no, filed.access_code).get_json()))
    assert answers[0]["state"] == "in_mediation" and answers[0]["contact"]["assigned"] and len(answers[0]["evidence"]) == 1
    assert len(first) == len(again) == 1
    assert "JOIN claims" in first[0] and "JOIN" not in again[0]  # all the case holds; then id, version, code
    assert answers[1] == answers[0]


def test_a_repeated_lookup_shows_every_change_made_since(client, file_case, make_user):
    filed = file_case()
    before = look_up(client, filed.case.case_no, filed.access_code).get_json()
    apply_event(filed.case, "accept", make_user(role="mediator"), expected_version=filed.case.version)
    accepted = look_up(client, filed.case.case_no, filed.access_code).get_json()
    add_evidence(filed.case, Upload("工资条.png", PNG, None), by=None)
    with_file = look_up(client, filed.case.case_no, filed.access_code).get_json()
    assert (before["state"], accepted["state"]) == ("submitted", "in_mediation")
    assert (len(accepted["evidence"]), len(with_file["evidence"])) == (0, 1)


def test_the_status_cache_can_be_turned_off(app, client, file_case):
    app.config["PORTAL_STATUS_CACHE_SECONDS"] = 0
    filed = file_case()
    look_up(client, filed.case.case_no, filed.access_code)
    db.session.remove()
    again = selects_during(lambda: look_up(client, filed.case.case_no, filed.access_code))
    assert len(again) == 1 and "JOIN claims" in again[0]


def test_a_case_looked_up_lately_still_refuses_a_wrong_code_with_the_same_answer(client, file_case):
    filed = file_case()
    assert look_up(client, filed.case.case_no, filed.access_code).status_code == 200  # now in the cache
    wrong_code = look_up(client, filed.case.case_no, "AAAAA-AAAAA")
    wrong_number = look_up(client, "2026-9999999", filed.access_code)
    assert wrong_code.status_code == wrong_number.status_code == 404
    assert wrong_code.get_json() == wrong_number.get_json()

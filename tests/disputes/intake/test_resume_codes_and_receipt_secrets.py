"""No secret in a URL or a readable cookie: drafts resume by a typed code (and the draft's phone),
never a token in the address; the receipt's access code rides in the session sealed (audit items 10, 15)."""
import re

from flask import json

from tests.disputes.intake.test_intake_pages import file_in_steps, send_step, worker_data
from tests.support import csrf_token


def saved_draft(client):
    data = worker_data(client)
    page = send_step(client, "you", data, save_draft="1").get_data(as_text=True)
    return data, page, re.search(r'data-testid="resume-code">([^<]+)<', page).group(1)


def test_the_saved_draft_page_links_to_no_address_holding_the_code(client, regions):
    _, page, code = saved_draft(client)
    raw = code.replace("-", "")
    assert re.fullmatch(r"[0-9A-Z]{5}(-[0-9A-Z]{5}){3}", code)
    for href in re.findall(r'href="([^"]+)"', page):
        assert code not in href and raw not in href
    assert "/intake/resume" in page


def test_the_resume_code_alone_does_not_bring_back_the_draft(client, app, regions):
    data, _, code = saved_draft(client)
    stranger = app.test_client()
    token = csrf_token(stranger, "/intake/resume")
    for phone in ("", "13900000000"):
        response = stranger.post("/intake/resume", data={"csrf_token": token, "code": code, "phone": phone})
        assert response.status_code == 422 and "续填码或手机号码不正确" in response.get_data(as_text=True)
    assert data["workers-0-name"] not in stranger.get("/intake/you").get_data(as_text=True)


def test_a_wrong_or_malformed_code_is_refused_the_same_way(client, regions):
    token = csrf_token(client, "/intake/resume")
    for code in ("", "ABCDE-FGHJK-MNPQR-STVWX", "x" * 500, "０１２３４-ＡＢＣＤＥ-ＦＧＨＪＫ-ＭＮＰＱＲ"):
        response = client.post("/intake/resume", data={"csrf_token": token, "code": code, "phone": "13800000000"})
        assert response.status_code == 422


def test_the_old_resume_address_with_a_token_is_gone(client, regions):
    assert client.get("/intake/resume/some-token").status_code == 404


def session_contents(app, client) -> str:
    cookie = client.get_cookie(app.config["SESSION_COOKIE_NAME"])
    return json.dumps(app.session_interface.get_signing_serializer(app).loads(cookie.value), ensure_ascii=False)


def test_the_receipts_access_code_is_not_readable_in_the_session_cookie(app, client, regions):
    assert file_in_steps(client, worker_data(client)).status_code == 302
    contents = session_contents(app, client)
    receipt = client.get("/intake/receipt").get_data(as_text=True)
    code = re.search(r'data-testid="access-code">([^<]+)<', receipt).group(1)
    assert "receipt" in contents
    assert code not in contents and code.replace("-", "") not in contents


def test_a_tampered_sealed_code_shows_no_receipt(app, client, regions):
    assert file_in_steps(client, worker_data(client)).status_code == 302
    with client.session_transaction() as session:
        session["receipt"] = {**session["receipt"], "access_code": "not-a-sealed-code"}
    assert client.get("/intake/receipt").status_code == 302

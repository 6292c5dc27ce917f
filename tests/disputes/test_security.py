"""The security baseline on every response, and personal data masked in logs."""
import logging

from disputes.masking import mask_id_number, mask_personal_data, mask_phone


def test_every_page_carries_a_strict_content_security_policy(client):
    response = client.get("/")
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_pages_have_no_inline_script(client, regions):
    for path in ("/", "/login", "/intake"):
        page = client.get(path).get_data(as_text=True)
        assert "<script>" not in page and " on" + "click=" not in page


def test_the_session_cookie_is_http_only_and_same_site(client, make_user):
    cookies = client.get("/login").headers.getlist("Set-Cookie")  # the form puts its CSRF token in the session
    session_cookie = next(c for c in cookies if c.startswith("session="))
    assert "HttpOnly" in session_cookie and "SameSite=Lax" in session_cookie


def test_masks_keep_only_the_ends():
    assert mask_id_number("110105199003071236") == "110***********1236"
    assert mask_phone("13812345678") == "138****5678"


def test_log_lines_never_carry_an_id_or_phone_number(app, caplog):
    with caplog.at_level(logging.INFO, logger=app.logger.name):
        app.logger.info("worker 110105199003071236 phone 13812345678 called")
    assert "110105199003071236" not in caplog.text and "13812345678" not in caplog.text
    assert mask_personal_data("电话13812345678") == "电话138****5678"


def test_unknown_pages_are_a_friendly_404(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404 and "没有找到" in response.get_data(as_text=True)
    assert client.get("/api/v1/nothing").get_json()["error"]

"""Sessions and tokens end: logout, a password change and a disabled account end them on the server;
tokens are shown once, kept as hashes, listed with their last use and revocable (audit items 4, 5, 13)."""
import pytest
import sqlalchemy as sa

from disputes.auth.services import create_user, password_problems
from disputes.errors import ValidationFailed
from disputes.extensions import db
from disputes.models import ApiToken, AuditEntry
from tests.factories import DEFAULT_PASSWORD
from tests.support import csrf_token

NEW_PASSWORD = "Fresh-river-7381"


def copy_of_cookies(app, client):
    """A second client holding exactly the cookies of the first (a captured session cookie)."""
    thief = app.test_client()
    for cookie in client._cookies.values():
        thief.set_cookie(cookie.key, cookie.value, domain=cookie.domain, path=cookie.path)
    return thief


def signed_in(client) -> bool:
    return client.get("/cases").status_code == 200


def logout(client):
    return client.post("/logout", data={"csrf_token": csrf_token(client, "/workflow")})


def test_a_session_cookie_replayed_after_logout_no_longer_opens_the_queue(app, client, auth):
    auth.login_as("mediator")
    captured = copy_of_cookies(app, client)
    assert signed_in(captured)
    assert logout(client).status_code == 302
    assert not signed_in(captured)
    assert "/login" in captured.get("/cases").headers["Location"]


def test_signing_in_again_after_logout_works_and_old_cookies_stay_dead(app, client, auth):
    user = auth.login_as("mediator")
    before = copy_of_cookies(app, client)
    logout(client)
    client.post("/login", data={"username": user.username, "password": DEFAULT_PASSWORD,
                                "csrf_token": csrf_token(client)})
    assert signed_in(client) and not signed_in(before)


def test_a_password_change_ends_other_sessions_and_tokens_but_keeps_this_one(app, client, auth):
    user, headers = auth.token_for("mediator")
    auth.client.post("/login", data={"username": user.username, "password": DEFAULT_PASSWORD,
                                     "csrf_token": csrf_token(client)})
    elsewhere = copy_of_cookies(app, client)
    assert client.get("/api/v1/cases", headers=headers).status_code == 200
    response = client.post("/account/password", data={
        "csrf_token": csrf_token(client, "/account"), "current_password": DEFAULT_PASSWORD, "new_password": NEW_PASSWORD})
    assert response.status_code == 302
    assert signed_in(client) and not signed_in(elsewhere)
    assert app.test_client().get("/api/v1/cases", headers=headers).status_code == 401


def test_a_password_change_needs_the_current_password_and_a_strong_new_one(client, auth):
    auth.login_as("mediator")
    token = csrf_token(client, "/account")
    wrong = client.post("/account/password", data={"csrf_token": token, "current_password": "Not-the-one-99",
                                                    "new_password": NEW_PASSWORD})
    weak = client.post("/account/password", data={"csrf_token": token, "current_password": DEFAULT_PASSWORD,
                                                   "new_password": "password12"})
    assert wrong.status_code == 422 and "当前密码不正确" in wrong.get_data(as_text=True)
    assert weak.status_code == 422 and "常见密码" in weak.get_data(as_text=True)


def test_disabling_a_user_ends_their_sessions_and_revokes_all_their_tokens(app, client, auth, make_user):
    worker_client = app.test_client()
    from tests.support import Auth

    mediator = Auth(worker_client, make_user).login_as("mediator")
    token = client.post("/api/v1/tokens", json={"username": mediator.username, "password": DEFAULT_PASSWORD})
    headers = {"Authorization": f"Bearer {token.get_json()['token']}"}
    assert signed_in(worker_client)
    auth.login_as("admin")
    response = client.post(f"/admin/users/{mediator.id}/disable",
                           data={"csrf_token": csrf_token(client, "/admin/users")})
    assert response.status_code == 302
    assert not signed_in(worker_client)
    assert app.test_client().get("/api/v1/cases", headers=headers).status_code == 401
    assert db.session.scalar(sa.select(sa.func.count(ApiToken.id)).where(ApiToken.user_id == mediator.id)) == 0
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "user.disable"))
    assert entry.target == f"user:{mediator.username}"
    assert "已停用" in client.get("/admin/users").get_data(as_text=True)
    # Enabled again, the account signs in afresh; the old session and token stay ended.
    client.post(f"/admin/users/{mediator.id}/enable", data={"csrf_token": csrf_token(client, "/admin/users")})
    assert not signed_in(worker_client)
    assert app.test_client().get("/api/v1/cases", headers=headers).status_code == 401


def test_an_admin_cannot_disable_their_own_account(client, auth):
    admin = auth.login_as("admin")
    client.post(f"/admin/users/{admin.id}/disable", data={"csrf_token": csrf_token(client, "/admin/users")})
    db.session.refresh(admin)
    assert admin.active and signed_in(client)


def test_a_number_beyond_the_integer_range_is_not_found(client, auth):
    auth.login_as("admin")
    token = csrf_token(client, "/admin/users")
    for number in (2**31, 2**64):  # PostgreSQL's INTEGER ends at 2^31 - 1, SQLite's at 2^63 - 1
        assert client.post(f"/admin/users/{number}/disable", data={"csrf_token": token}).status_code == 404
        assert client.post(f"/account/tokens/{number}/revoke", data={"csrf_token": token}).status_code == 404


def test_a_password_with_control_characters_is_refused_not_a_server_error(app):
    for password in ("Fine-words-\x00-2026", "Fine-words-\u200b-2026", "Fine-words-\ud800-2026"):
        assert "控制字符" in password_problems(password)
    from disputes.security import check_password, hash_password

    assert check_password(hash_password("Fine-words-2026"), "Fine-words-\ud800") is False


def test_delete_tokens_current_revokes_the_calling_token_only(client, auth):
    user, headers = auth.token_for("arbitrator")
    second = client.post("/api/v1/tokens", json={"username": user.username, "password": DEFAULT_PASSWORD}).get_json()
    assert client.get("/api/v1/cases", headers=headers).status_code == 200
    assert client.delete("/api/v1/tokens/current", headers=headers).status_code == 204
    assert client.get("/api/v1/cases", headers=headers).status_code == 401
    assert client.delete("/api/v1/tokens/current", headers=headers).status_code == 401
    assert client.get("/api/v1/cases", headers={"Authorization": f"Bearer {second['token']}"}).status_code == 200


def test_delete_tokens_current_without_a_bearer_token_is_refused(client, auth):
    auth.login_as("mediator")
    response = client.delete("/api/v1/tokens/current", headers={"X-CSRFToken": csrf_token(client, "/workflow")})
    assert response.status_code == 401


def test_tokens_are_stored_as_hashes_and_listed_with_their_last_use(client, auth):
    user, headers = auth.token_for("mediator")
    token = headers["Authorization"].split()[1]
    stored = db.session.scalar(sa.select(ApiToken).where(ApiToken.user_id == user.id))
    assert token not in stored.token_hash and stored.last_used_at is None
    client.get("/api/v1/cases", headers=headers)
    db.session.rollback()  # the note is written on a connection of its own: read past this test's snapshot
    assert db.session.get(ApiToken, stored.id).last_used_at is not None
    client.post("/login", data={"username": user.username, "password": DEFAULT_PASSWORD, "csrf_token": csrf_token(client)})
    page = client.get("/account").get_data(as_text=True)
    assert "最近使用" in page and "从未使用" not in page and token not in page
    response = client.post(f"/account/tokens/{stored.id}/revoke", data={"csrf_token": csrf_token(client, "/account")})
    assert response.status_code == 302
    assert client.get("/api/v1/cases", headers=headers).status_code == 401
    assert "没有有效的 API 令牌" in client.get("/account").get_data(as_text=True)


def test_no_one_revokes_someone_elses_token(client, auth, make_user):
    from disputes.auth.services import issue_token

    other = make_user(role="arbitrator")
    issue_token(other)
    theirs = db.session.scalar(sa.select(ApiToken).where(ApiToken.user_id == other.id))
    auth.login_as("admin")
    response = client.post(f"/account/tokens/{theirs.id}/revoke", data={"csrf_token": csrf_token(client, "/account")})
    assert response.status_code == 404
    assert db.session.get(ApiToken, theirs.id) is not None


def test_the_openapi_document_describes_token_revocation(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert set(spec["paths"]["/tokens/current"]["delete"]["responses"]) == {"204", "401"}


@pytest.mark.parametrize("password", ["password12", "qwerty1234", "1q2w3e4r5t", "woaini1314", "abc123456789"])
def test_common_passwords_are_refused(app, password):
    assert password_problems(password) is not None
    with pytest.raises(ValidationFailed) as refused:
        create_user("newcomer", role="mediator", password=password)
    assert "password" in refused.value.errors


@pytest.mark.parametrize("password", [DEFAULT_PASSWORD, "Demo-pass-2026", NEW_PASSWORD, "Mediate-well-2026"])
def test_uncommon_passwords_of_ten_characters_and_more_pass(app, password):
    assert password_problems(password) is None

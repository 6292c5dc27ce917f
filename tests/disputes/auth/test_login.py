"""Signing in: the form, wrong passwords, throttling, the password policy, and safe redirects."""
import pytest

from disputes.auth.services import create_user
from disputes.errors import ValidationFailed
from tests.factories import DEFAULT_PASSWORD
from tests.support import csrf_token


def login(client, username, password, next_url=None):
    path = "/login" + (f"?next={next_url}" if next_url else "")
    return client.post(path, data={"username": username, "password": password, "csrf_token": csrf_token(client)})


def test_a_user_signs_in_and_out(client, make_user):
    user = make_user(role="mediator")
    assert login(client, user.username, DEFAULT_PASSWORD).status_code == 302
    assert user.display_name in client.get("/", follow_redirects=True).get_data(as_text=True)
    token = csrf_token(client, "/workflow")
    assert client.post("/logout", data={"csrf_token": token}).status_code == 302
    assert user.display_name not in client.get("/", follow_redirects=True).get_data(as_text=True)


def test_a_wrong_password_says_so_without_telling_which_part_was_wrong(client, make_user):
    user = make_user(role="mediator")
    for username in (user.username, "nobody"):
        page = login(client, username, "Wrong-pass-123").get_data(as_text=True)
        assert "用户名或密码不正确" in page


def test_login_attempts_are_throttled(client, make_user):
    user = make_user(role="mediator")
    codes = [login(client, user.username, "Wrong-pass-123").status_code for _ in range(11)]
    assert codes[-1] == 429


def test_login_never_redirects_off_site(client, make_user):
    user = make_user(role="mediator")
    response = login(client, user.username, DEFAULT_PASSWORD, next_url="//evil.example/")
    assert response.headers["Location"] == "/"


@pytest.mark.parametrize("password", ["short1", "onlyletterslong", "1234567890123", "mediatorX123456"])
def test_weak_passwords_are_refused(app, password):
    with pytest.raises(ValidationFailed) as refused:
        create_user("mediatorx", role="mediator", password=password)
    assert "password" in refused.value.errors


def test_passwords_are_stored_as_argon2_hashes(app):
    user = create_user("newuser", role="admin", password="Strong-pass-2026")
    assert user.password_hash.startswith("$argon2id$") and "Strong-pass-2026" not in user.password_hash


def login_from(app, address, username, password):
    client = app.test_client()
    token = csrf_token(client)
    return client.post("/login", data={"username": username, "password": password, "csrf_token": token},
                       environ_base={"REMOTE_ADDR": address})


def test_wrong_passwords_for_one_account_are_counted_across_addresses(app, make_user):
    """Many addresses, one wrong try each: once the account's budget is spent, each is refused next time."""
    app.config["LOGIN_ACCOUNT_LIMIT"] = "4 per hour"
    user = make_user(role="mediator")
    guessers = [f"198.51.100.{n}" for n in range(60, 64)]
    assert [login_from(app, a, user.username, "Wrong-pass-123").status_code for a in guessers] == [422] * 4
    again = login_from(app, guessers[0], user.username, "Wrong-pass-124")
    assert again.status_code == 429 and "后再试" in again.get_data(as_text=True)
    # Even the right password from an address that guessed wrong waits: it might be the guesser's.
    assert login_from(app, guessers[1], user.username, DEFAULT_PASSWORD).status_code == 429


def test_someone_guessing_never_locks_the_mediator_out_from_their_own_address(app, make_user):
    app.config["LOGIN_ACCOUNT_LIMIT"] = "4 per hour"
    user = make_user(role="mediator")
    for n in range(8):
        login_from(app, f"198.51.100.{70 + n}", user.username, "Wrong-pass-123")
    assert login_from(app, "203.0.113.5", user.username, DEFAULT_PASSWORD).status_code == 302


def test_the_api_token_door_counts_the_same_wrong_passwords(app, make_user):
    app.config["LOGIN_ACCOUNT_LIMIT"] = "2 per hour"
    user = make_user(role="mediator")
    for _ in range(2):
        login_from(app, "198.51.100.90", user.username, "Wrong-pass-123")
    answer = app.test_client().post("/api/v1/tokens", json={"username": user.username, "password": "Wrong-pass-9"},
                                    environ_base={"REMOTE_ADDR": "198.51.100.90"})
    assert answer.status_code == 429 and int(answer.headers["Retry-After"]) > 0
    assert "后再试" in answer.get_json()["error"]

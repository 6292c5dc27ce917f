"""API credentials: tokens for a password, bearer calls exempt from CSRF, cookie calls not."""
from tests.factories import DEFAULT_PASSWORD, intake_payload
from tests.support import csrf_token


def test_a_correct_password_buys_a_token(client, make_user):
    user = make_user(role="arbitrator")
    response = client.post("/api/v1/tokens", json={"username": user.username, "password": DEFAULT_PASSWORD})
    assert response.status_code == 201 and len(response.get_json()["token"]) > 30


def test_a_wrong_password_is_401_and_missing_fields_422(client, make_user):
    user = make_user(role="arbitrator")
    assert client.post("/api/v1/tokens", json={"username": user.username, "password": "nope"}).status_code == 401
    assert client.post("/api/v1/tokens", json={"username": "nobody", "password": "x" * 12}).status_code == 401
    response = client.post("/api/v1/tokens", json={"username": user.username})
    assert response.status_code == 422 and "password" in response.get_json()["errors"]


def test_an_unknown_bearer_token_is_401_not_a_csrf_error(client, regions):
    response = client.post("/api/v1/cases", json=intake_payload(), headers={"Authorization": "Bearer forged"})
    assert response.status_code == 401


def test_token_requests_are_rate_limited(client, make_user):
    user = make_user(role="mediator")
    codes = [client.post("/api/v1/tokens", json={"username": user.username, "password": "wrong"}).status_code
             for _ in range(12)]
    assert codes[:10] == [401] * 10 and codes[-1] == 429


def test_a_cookie_session_api_call_without_the_csrf_header_is_refused(client, auth):
    auth.login_as("mediator")
    response = client.post("/api/v1/cases", json=intake_payload())
    assert response.status_code == 400
    assert "csrf" in response.get_json()["errors"]


def test_a_cookie_session_api_call_with_the_csrf_header_goes_through(client, auth):
    auth.login_as("mediator")
    token = csrf_token(client, "/intake/on-behalf")
    response = client.post("/api/v1/cases", json=intake_payload(), headers={"X-CSRFToken": token})
    assert response.status_code == 201


def test_the_openapi_document_describes_intake(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["paths"]["/cases"]["post"]["responses"]["201"]
    assert "delivery_rider" in str(spec["components"]["schemas"]["Intake"])


def test_a_bearer_call_works_even_when_the_client_also_carries_a_session_cookie(client, auth):
    client.get("/login")  # the page gives this client an anonymous session with a CSRF token
    _, headers = auth.token_for("mediator")
    assert client.post("/api/v1/cases", json=intake_payload(), headers=headers).status_code == 201

"""Helpers that let tests act as a user would: fetch a CSRF token, sign in, call the API."""
from __future__ import annotations

import re

from tests.factories import DEFAULT_PASSWORD

CSRF_INPUT = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"'
                        r'|name="csrf-token" content="([^"]+)"')


def csrf_token(client, path: str = "/login") -> str:
    """The CSRF token a page hands out, read from its hidden input as a browser would."""
    page = client.get(path).get_data(as_text=True)
    match = CSRF_INPUT.search(page)
    assert match, f"no csrf_token input on {path}"
    return match.group(1) or match.group(2) or match.group(3)


def case_page_form(client, case_no: str, **fields) -> dict:
    """A form posted from the case page: its CSRF token and the case version the page was shown with."""
    page = client.get(f"/cases/{case_no}").get_data(as_text=True)
    version = re.search(r'name="version" value="(\d+)"', page).group(1)
    return {"csrf_token": csrf_token(client, f"/cases/{case_no}"), "version": version, **fields}


class Auth:
    """Sign in as a role, through the real login form, with CSRF on."""

    def __init__(self, client, make_user):
        self.client = client
        self.make_user = make_user

    def login_as(self, role: str, **user_fields):
        user = self.make_user(role=role, **user_fields)
        response = self.client.post(
            "/login",
            data={"username": user.username, "password": DEFAULT_PASSWORD, "csrf_token": csrf_token(self.client)},
        )
        assert response.status_code == 302, response.get_data(as_text=True)
        return user

    def token_for(self, role: str, **user_fields) -> tuple[object, dict]:
        """A user of `role` and the Authorization header of a fresh API token for them."""
        user = self.make_user(role=role, **user_fields)
        response = self.client.post("/api/v1/tokens", json={"username": user.username, "password": DEFAULT_PASSWORD})
        assert response.status_code == 201, response.get_json()
        return user, {"Authorization": f"Bearer {response.get_json()['token']}"}


def selects_during(action) -> list[str]:
    """The SELECT statements the app's engine runs while `action` runs."""
    import sqlalchemy as sa

    from disputes.extensions import db

    statements = []
    listener = lambda conn, cursor, statement, *rest: statements.append(statement)  # noqa: E731
    sa.event.listen(db.engine, "before_cursor_execute", listener)
    try:
        action()
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", listener)
    return [s for s in statements if s.lstrip().upper().startswith("SELECT")]

"""A small story-telling API for life-cycle tests: staff with tokens and a case to move."""
import pytest


class Desk:
    """Fire events over the real API as a given user, always sending the version last seen."""

    def __init__(self, client, auth):
        self.client = client
        self.auth = auth
        self.headers = {}

    def as_role(self, role, **fields):
        user, headers = self.auth.token_for(role, **fields)
        self.headers[user.username] = headers
        return user

    def case(self, user, case_no):
        return self.client.get(f"/api/v1/cases/{case_no}", headers=self.headers[user.username]).get_json()

    def fire(self, user, case_no, event, data=None, version=None, note=None):
        if version is None:
            version = self.case(user, case_no)["version"]
        body = {"event": event, "version": version, "data": data or {}}
        if note is not None:
            body["note"] = note
        return self.client.post(f"/api/v1/cases/{case_no}/events", json=body, headers=self.headers[user.username])


@pytest.fixture
def desk(client, auth):
    return Desk(client, auth)

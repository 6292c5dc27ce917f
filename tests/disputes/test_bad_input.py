"""Bad input never gets a 500 and never changes the database: hypothesis on every JSON endpoint and
form, and schemathesis against the OpenAPI document."""
import json

import pytest
import schemathesis
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disputes.extensions import db
from disputes.models import Base

FIXTURE_OK = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
nasty_text = st.one_of(
    st.text(max_size=50),
    st.text(alphabet=st.characters(categories=["Cc", "Cf", "So", "Co"]), max_size=30),
    st.just("💥🧨" * 200), st.just("x" * 30000), st.just("\x00"), st.just("../../etc/passwd"),
    st.just("<script>alert(1)</script>"), st.just("' OR 1=1 --"),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False) | nasty_text,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(nasty_text, children, max_size=4),
    max_leaves=12,
)
ENDPOINT_KEYS = {
    "/api/v1/cases": ["workers", "respondents", "claims", "facts", "region", "platform", "knew_of_violation_on",
                      "relationship_ended", "relationship_ended_on", "factors", "language"],
    "/api/v1/cases/{case_no}/events": ["event", "version", "note", "data"],
    "/api/v1/status": ["case_no", "access_code"],
    "/api/v1/assessments": ["facts", "occupation", "factors", "respondents"],
    "/api/v1/intake/check": ["field", "value"],
    "/api/v1/tokens": ["username", "password"],
}


def snapshot():
    return {t.name: db.session.scalar(sa.select(sa.func.count()).select_from(t)) for t in Base.metadata.sorted_tables}


@pytest.fixture
def api(app, client, auth, file_case):
    from disputes.seeding import seed_library

    seed_library()
    user, headers = auth.token_for("mediator")
    filed = file_case(filed_by=user)
    return {"headers": headers, "case_no": filed.case.case_no}


def bodies(keys):
    known = st.fixed_dictionaries({}, optional={key: json_values for key in keys})
    return st.one_of(known, json_values, st.dictionaries(nasty_text, json_values, max_size=5))


@pytest.mark.parametrize("path", sorted(ENDPOINT_KEYS))
def test_any_json_body_gets_a_clear_4xx_or_success_and_refusals_change_nothing(client, api, path):
    url = path.format(case_no=api["case_no"])

    @FIXTURE_OK
    @given(body=bodies(ENDPOINT_KEYS[path]))
    def check(body):
        before = snapshot()
        response = client.post(url, json=body, headers=api["headers"])
        assert response.status_code < 500, (body, response.get_data(as_text=True)[:300])
        if response.status_code >= 400:
            assert response.get_json().get("error") or response.get_json().get("errors")
            assert snapshot() == before
        db.session.rollback()

    check()


@pytest.mark.parametrize("raw", [b"{", b"\xff\xfe", b"[" * 100000 + b"]" * 100000, b'{"a": NaN}', b"", b"null"])
def test_bodies_that_are_not_json_objects_are_400(client, api, raw):
    for path in ENDPOINT_KEYS:
        response = client.post(path.format(case_no=api["case_no"]), data=raw, content_type="application/json",
                               headers=api["headers"])
        assert response.status_code in (400, 422, 404), (path, response.status_code)


@pytest.mark.parametrize("path", ["/intake", "/status", "/assess", "/login", "/status/reset"])
def test_any_form_post_is_answered_without_a_500(client, regions, path):
    from tests.support import csrf_token

    @FIXTURE_OK
    @given(fields=st.dictionaries(nasty_text, nasty_text, max_size=8))
    def check(fields):
        before = snapshot()
        response = client.post(path, data={**fields, "csrf_token": csrf_token(client, "/workflow")})
        assert response.status_code < 500
        if response.status_code >= 400:
            assert snapshot() == before

    check()


def test_the_api_honours_its_openapi_document(app, client, api):
    """Schemathesis generates requests for every operation from /api/v1/openapi.json."""
    api_schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 3
    for operation in operations:
        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def check(case):
            response = case.call(headers=api["headers"])
            assert response.status_code < 500, (operation.label, response.text[:300])
            if response.status_code >= 400:
                assert json.loads(response.text).get("error"), operation.label
            db.session.rollback()

        check()

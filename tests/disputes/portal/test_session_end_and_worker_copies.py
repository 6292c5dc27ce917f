"""The portal session ends on the server when the worker leaves; the worker's copies of their case
(the portal's case summary, the API's case for a worker account) show no staff notes or logins; the
SMS log hides access codes; personal pages are never cached (audit items 4, 11, 12, 15)."""
import logging
import shutil
import subprocess

import pytest

from disputes.cases.services import apply_event
from disputes.notifications.adapters import LoggingAdapter
from tests.support import csrf_token

STAFF_NOTE = "内部备注：老板难缠，先晾两天"
STAFF_LOGIN = "zhang_internal"


def pdf_text(data: bytes) -> str:
    assert shutil.which("pdftotext"), "poppler-utils (pdftotext) is required"
    return subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()


def enter(client, filed):
    client.post("/status", data={"csrf_token": csrf_token(client, "/status"), "case_no": filed.case.case_no,
                                 "access_code": filed.access_code})


def copy_of_cookies(app, client):
    thief = app.test_client()
    for cookie in client._cookies.values():
        thief.set_cookie(cookie.key, cookie.value, domain=cookie.domain, path=cookie.path)
    return thief


def test_a_portal_cookie_replayed_after_leaving_no_longer_opens_the_case(app, client, file_case):
    filed = file_case()
    enter(client, filed)
    captured = copy_of_cookies(app, client)
    assert captured.get("/status/case").status_code == 200
    response = client.post("/status/logout", data={"csrf_token": csrf_token(client, "/status/case")})
    assert response.status_code == 302
    replayed = captured.get("/status/case")
    assert replayed.status_code == 302 and replayed.headers["Location"].endswith("/status")
    assert captured.get("/status/case/documents/case_summary.pdf").status_code == 302


def test_leaving_ends_only_that_portal_session(app, client, file_case):
    filed = file_case()
    enter(client, filed)
    other_phone = app.test_client()
    enter(other_phone, filed)
    client.post("/status/logout", data={"csrf_token": csrf_token(client, "/status/case")})
    assert other_phone.get("/status/case").status_code == 200


@pytest.fixture
def noted_case(file_case, make_user):
    """A case of a worker account that the mediator (login zhang_internal) accepted with an internal note."""
    mediator = make_user(role="mediator", username=STAFF_LOGIN, display_name="调解员 张")
    owner = make_user(role="worker")
    filed = file_case(filed_by=owner, channel="api")
    apply_event(filed.case, "accept", mediator, expected_version=filed.case.version, note=STAFF_NOTE)
    return filed, owner


def test_the_portals_case_summary_has_no_staff_notes_or_logins(client, noted_case):
    filed, *_ = noted_case
    enter(client, filed)
    response = client.get("/status/case/documents/case_summary.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = pdf_text(response.data)
    assert filed.case.case_no in text and "受理" in text
    assert "老板难缠" not in text and STAFF_LOGIN not in text


def test_the_staff_copy_of_the_summary_still_has_the_notes(client, auth, noted_case):
    from disputes.case_documents.context import document_context
    from disputes.timekeeping import local_today

    filed, *_ = noted_case
    staff = document_context(filed.case, local_today())
    worker = document_context(filed.case, local_today(), for_worker=True)
    assert STAFF_NOTE in [entry.note for entry in staff.timeline]
    assert all(not entry.note and not entry.actor for entry in worker.timeline)


def test_the_api_case_for_a_worker_account_has_no_staff_notes_or_logins(client, noted_case):
    from tests.factories import DEFAULT_PASSWORD

    filed, owner, *_ = noted_case
    token = client.post("/api/v1/tokens", json={"username": owner.username, "password": DEFAULT_PASSWORD}).get_json()
    body = client.get(f"/api/v1/cases/{filed.case.case_no}",
                      headers={"Authorization": f"Bearer {token['token']}"}).get_data(as_text=True)
    assert "老板难缠" not in body and STAFF_LOGIN not in body
    assert '"event":"accept"' in body.replace(" ", "")


def test_staff_still_see_the_notes_and_who_acted_in_the_api(client, auth, noted_case):
    filed, *_ = noted_case
    auth.login_as("admin")
    body = client.get(f"/api/v1/cases/{filed.case.case_no}").get_json()
    assert {"note": STAFF_NOTE, "actor": f"mediator:{STAFF_LOGIN}"}.items() <= body["history"][-1].items()


class Kept(logging.Handler):
    def __init__(self):
        super().__init__(logging.INFO)
        self.lines = []

    def emit(self, record):
        self.lines.append(record.getMessage())


def test_the_logging_sms_adapter_hides_access_codes_and_phone_numbers():
    logger, kept = logging.getLogger("disputes.notifications"), Kept()
    # (Alembic's logging configuration, run by the test database's migrations, disables existing loggers.)
    level, disabled, logger.level, logger.disabled = logger.level, logger.disabled, logging.INFO, False
    logger.addHandler(kept)
    try:
        body = "【劳动争议调处台】您的案件京劳调〔2026〕00012号的新查询码是 7KD2M-Q9XA4，请勿告诉他人。"
        LoggingAdapter().send("13812345678", body, "k1")
        LoggingAdapter().send("13812345678", "查询码 7KD2MQ9XA4", "k2")
    finally:
        logger.removeHandler(kept)
        logger.level, logger.disabled = level, disabled
    text = "\n".join(kept.lines)
    assert len(kept.lines) == 2 and "新查询码是" in text
    assert "7KD2M-Q9XA4" not in text and "7KD2MQ9XA4" not in text
    assert "13812345678" not in text and "00012" in text


@pytest.mark.parametrize("path", ["/status/case", "/status/case/documents/case_summary.pdf", "/api/v1/status"])
def test_portal_pages_are_never_cached(client, file_case, path):
    filed = file_case()
    enter(client, filed)
    if path.startswith("/api/"):
        response = client.post(path, json={"case_no": filed.case.case_no, "access_code": filed.access_code})
    else:
        response = client.get(path)
    assert response.status_code == 200 and "no-store" in response.headers["Cache-Control"]


def test_staff_pages_and_the_account_page_are_never_cached_but_static_files_may_be(client, auth):
    auth.login_as("mediator")
    for path in ("/cases", "/account", "/"):
        assert "no-store" in client.get(path).headers["Cache-Control"], path
    with client.get("/static/css/app.css") as static:
        assert static.status_code == 200 and "no-store" not in static.headers.get("Cache-Control", "")

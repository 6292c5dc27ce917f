"""Every route × every kind of caller, in one table. A new route without an entry fails the suite.

Callers: anonymous; a worker account that does not own the case; the worker who owns it; staff of
each role in the case's region; and a worker whose portal session is scoped to another case.
"Allowed" means the route does its work (any answer but 401/403/404/500 or a bounce to a sign-in
page); "denied" means exactly such a refusal. No object is reachable by guessing its number.
"""
import re

import pytest
import sqlalchemy as sa

from disputes.cases.services import apply_event
from disputes.evidence.services import Upload, add_evidence
from disputes.extensions import db
from disputes.models import Alert, MinimumWage
from tests.factories import DEFAULT_PASSWORD, file_case, intake_payload, make_user

ALL = {"anonymous", "worker", "owner", "mediator", "arbitrator", "legal_aid", "inspector", "inspection_head", "admin",
       "portal_other"}
ACCOUNTS = ALL - {"anonymous", "portal_other"}
STAFF = {"mediator", "arbitrator", "legal_aid", "admin"}
CASE_READERS = {"owner", "mediator", "arbitrator", "admin"}
CASEWORK = {"mediator", "arbitrator", "admin"}
# Changing the case (not an event): its assigned mediator, and admins; the region's arbitrator only reads it.
CASE_CHANGERS = {"mediator", "admin"}
MONITORS = {"mediator", "arbitrator", "admin"}
EDITORS = {"arbitrator", "admin"}
ADMIN = {"admin"}
PORTAL = {"portal_other"}
INTAKE_FILERS = {"owner", "worker", "mediator", "arbitrator", "admin"}
# The labour inspectorate (劳动保障监察) of the region; admins supervise.
INSPECTORATE = {"inspector", "inspection_head", "admin"}
# A matter filed with the owner's dispute: the inspectorate, the owner, and whoever reads that case.
MATTER_READERS = INSPECTORATE | CASE_READERS
CLUE_READERS = INSPECTORATE | {"mediator", "arbitrator"}

# endpoint: (method, path template, who is allowed, form or JSON body)
MATRIX = {
    "home.index": ("GET", "/", ALL, None),
    "home.health": ("GET", "/healthz", ALL, None),
    "home.guide": ("GET", "/guide", ALL, None),
    "static": ("GET", "/static/css/app.css", ALL, None),
    "auth.login": ("GET", "/login", ALL, None),
    "auth.logout": ("POST", "/logout", ACCOUNTS, {}),
    "auth.account": ("GET", "/account", ACCOUNTS, None),
    "auth.new_password": ("POST", "/account/password", ACCOUNTS, {"current_password": "x", "new_password": "y"}),
    # Someone else's token: no one may revoke it but its holder (404 for everyone here).
    "auth.revoke": ("POST", "/account/tokens/{token_id}/revoke", set(), {}),
    "intake.worker_form": ("GET", "/intake", ALL, None),
    "intake.staff_form": ("GET", "/intake/on-behalf", {"mediator", "arbitrator", "admin"}, None),
    "intake.step": ("GET", "/intake/employer", ALL, None),
    "intake.check": ("GET", "/intake/check", ALL, None),
    "intake.receipt": ("GET", "/intake/receipt", ALL, None),
    "intake.resume": ("GET", "/intake/resume", ALL, None),
    "portal.lookup_page": ("GET", "/status", ALL, None),
    "portal.reset_code": ("GET", "/status/reset", ALL, None),
    "portal.case_page": ("GET", "/status/case", PORTAL, None),
    "portal.act": ("POST", "/status/case/actions", PORTAL, {"event": "teleport"}),
    "portal.upload_evidence": ("POST", "/status/case/evidence", PORTAL, {}),
    "portal.document": ("GET", "/status/case/documents/arbitration_application.pdf", PORTAL, None),
    "portal.withdraw": ("GET", "/status/case/withdraw", PORTAL, None),
    "portal.confirm_action": ("GET", "/status/case/confirm/refer_legal_aid", PORTAL, None),
    # The file belongs to the owner's case; the only portal session is scoped to another case, so no one
    # reaches it here (a session on the file's own case downloads it: tests/disputes/portal).
    "portal.evidence_file": ("GET", "/status/case/evidence/{evidence_id}", set(), None),
    "portal.leave": ("POST", "/status/logout", ALL, {}),
    "cases.queue": ("GET", "/cases", STAFF, None),
    "cases.detail": ("GET", "/cases/{case_no}", CASE_READERS, None),
    "cases.fire_event": ("POST", "/cases/{case_no}/events", CASE_READERS, {"event": "withdraw", "version": "0"}),
    "cases.correct_case_particulars": ("POST", "/cases/{case_no}/particulars", CASE_CHANGERS,
                                       {"version": "0", "workers-0-address": "某地"}),
    "cases.reassign_case": ("POST", "/cases/{case_no}/reassign", {"mediator", "admin"}, {"role": "mediator", "handler": "", "version": "0"}),
    "cases.workflow": ("GET", "/workflow", ALL, None),
    "cases.workflow_svg": ("GET", "/workflow.svg", ALL, None),
    "case_documents.preview": ("GET", "/cases/{case_no}/documents/case_summary", CASE_READERS, None),
    "case_documents.download": ("GET", "/cases/{case_no}/documents/case_summary.pdf", CASE_READERS, None),
    "case_documents.issue_again": ("POST", "/cases/{case_no}/documents/case_summary", CASE_CHANGERS, {}),
    "evidence.upload": ("POST", "/cases/{case_no}/evidence", CASE_CHANGERS, {}),
    "evidence.download": ("GET", "/cases/{case_no}/evidence/{evidence_id}", CASE_READERS, None),
    "assessments.check_my_situation": ("GET", "/assess", ALL, None),
    "assessments.case_assessment": ("GET", "/cases/{case_no}/assessment", CASEWORK, None),
    "library.search_page": ("GET", "/typical-cases", ALL, None),
    "library.case_page": ("GET", "/typical-cases/hrss2023-c1", ALL, None),
    "library.new_case": ("GET", "/typical-cases/new", EDITORS, None),
    "library.edit_case": ("GET", "/typical-cases/hrss2023-c1/edit", EDITORS, None),
    "publication.publish_case": ("POST", "/typical-cases/hrss2023-c1/publish", EDITORS, {}),
    "publication.withdraw_case": ("POST", "/typical-cases/hrss2023-c2/withdraw", EDITORS, {}),
    "dashboard.page": ("GET", "/dashboard", MONITORS, None),
    "alerts.index": ("GET", "/alerts", MONITORS, None),
    "alerts.acknowledge_alert": ("POST", "/alerts/{alert_id}/acknowledge", MONITORS, {"note": "ok"}),
    "alerts.link_collective_cases": ("GET", "/alerts/{collective_alert_id}/collective", MONITORS, None),
    "dashboard.employer": ("GET", "/employers/{respondent_key}", MONITORS, None),
    "dashboard.echarts": ("GET", "/vendor/echarts.min.js", ALL, None),
    # Compliance ratings: read by the inspectorate and those who read employers' records; the head rates
    # and decides reviews; any inspectorate staff records a notice or an objection on the employer's behalf.
    "inspection.rating_page": ("GET", "/inspection/employers/{respondent_key}/rating", INSPECTORATE | MONITORS, None),
    "inspection.rate_employer": ("POST", "/inspection/employers/{respondent_key}/rating",
                                 {"inspection_head", "admin"}, {}),
    "inspection.record_rating_notice": ("POST", "/inspection/employers/{respondent_key}/rating/notice",
                                        INSPECTORATE, {}),
    "inspection.record_rating_objection": ("POST", "/inspection/employers/{respondent_key}/rating/objection",
                                           INSPECTORATE, {}),
    "inspection.decide_rating_review": ("POST", "/inspection/employers/{respondent_key}/rating/review",
                                        {"inspection_head", "admin"}, {}),
    "inspection.export_ratings": ("GET", "/inspection/ratings/export.csv", {"inspection_head", "admin"}, None),
    "api.get_employer_rating": ("GET", "/api/v1/employers/{respondent_key}/rating", INSPECTORATE | MONITORS, None),
    "api.rate_employer_api": ("POST", "/api/v1/employers/{respondent_key}/rating", {"inspection_head", "admin"},
                              {"period": 2025}),
    "api.record_rating_notice_api": ("POST", "/api/v1/employers/{respondent_key}/rating/notice", INSPECTORATE,
                                     {"period": 2025}),
    "api.record_rating_objection_api": ("POST", "/api/v1/employers/{respondent_key}/rating/objection",
                                        INSPECTORATE, {"period": 2025}),
    "api.decide_rating_review_api": ("POST", "/api/v1/employers/{respondent_key}/rating/review",
                                     {"inspection_head", "admin"}, {"period": 2025}),
    "api.export_ratings_api": ("GET", "/api/v1/ratings/export", {"inspection_head", "admin"}, None),
    # The world's employer is not rated: the inspectorate is told so (409), no one else reaches the notice.
    "inspection.rating_notice": ("GET", "/inspection/employers/{respondent_key}/rating/notice.pdf", INSPECTORATE, None),
    "api.rating_notice_api": ("GET", "/api/v1/employers/{respondent_key}/rating/document", INSPECTORATE, None),
    "admin.index": ("GET", "/admin", ADMIN, None),
    "admin.minimum_wages": ("GET", "/admin/minimum-wages", ADMIN, None),
    "admin.verify_minimum_wage": ("POST", "/admin/minimum-wages/{wage_id}/verify", ADMIN, {}),
    "admin.users": ("GET", "/admin/users", ADMIN, None),
    "admin.disable_user": ("POST", "/admin/users/{disposable_user_id}/disable", ADMIN, {}),
    "admin.enable_user": ("POST", "/admin/users/{disposable_user_id}/enable", ADMIN, {}),
    "admin.warning_rules": ("GET", "/admin/warning-rules", ADMIN, None),
    "admin.audit_trail": ("GET", "/admin/audit", ADMIN, None),
    "holidays.index": ("GET", "/admin/holidays", ADMIN, None),
    "jobs.index": ("GET", "/admin/jobs", ADMIN, None),
    "jobs.start": ("POST", "/admin/jobs", ADMIN, {"kind": "teleport"}),
    "api.openapi_document": ("GET", "/api/v1/openapi.json", ALL, None),
    "api.create_token": ("POST", "/api/v1/tokens", ALL, {"username": "{mediator_username}", "password": DEFAULT_PASSWORD}),
    # Revokes the bearer token it is called with; a cookie session holds none, so every caller here is refused.
    "api.revoke_current_token": ("DELETE", "/api/v1/tokens/current", set(), None),
    "api.create_case": ("POST", "/api/v1/cases", INTAKE_FILERS, "intake"),
    "api.get_case": ("GET", "/api/v1/cases/{case_no}", CASE_READERS, None),
    "api.list_cases": ("GET", "/api/v1/cases", STAFF, None),
    "api.fire_event": ("POST", "/api/v1/cases/{case_no}/events", CASE_READERS, {"event": "withdraw", "version": 0}),
    "api.api_download": ("GET", "/api/v1/cases/{case_no}/documents/case_summary", CASE_READERS, None),
    "api.api_status": ("POST", "/api/v1/status", ALL, {"case_no": "{other_case_no}", "access_code": "{other_code}"}),
    "api.check_intake_field": ("POST", "/api/v1/intake/check", ALL, {"field": "phone", "value": "1"}),
    "api.api_assessment": ("POST", "/api/v1/assessments", ALL, {"facts": "每天排班打卡，系统派单不能拒单。"}),
    "api.search_typical_cases": ("GET", "/api/v1/typical-cases", ALL, None),
    "api.calendar_period": ("GET", "/api/v1/calendar/period?from=2026-09-30&length=5&unit=working_days", ALL, None),
    "api.calendar_before": ("GET", "/api/v1/calendar/before?date=2026-10-12&working_days=5", ALL, None),
    "api.calendar_holidays": ("GET", "/api/v1/calendar/holidays/2027", ALL, None),
    "api.get_typical_case": ("GET", "/api/v1/typical-cases/hrss2023-c1", ALL, None),
    "api.publish_typical_case": ("POST", "/api/v1/typical-cases/hrss2023-c1/publish", EDITORS, {}),
    "api.withdraw_typical_case": ("POST", "/api/v1/typical-cases/hrss2023-c2/withdraw", EDITORS, {}),
    "api.api_dashboard": ("GET", "/api/v1/dashboard", MONITORS, None),
    "api.list_alerts": ("GET", "/api/v1/alerts", MONITORS, None),
    "api.acknowledge_alert_api": ("POST", "/api/v1/alerts/{alert_id}/acknowledge", MONITORS, {"note": "ok"}),
    "api.draft_publication": ("POST", "/api/v1/cases/{case_no}/publication", {"arbitrator", "admin"}, {}),
    "publication.draft_from_closed_case": ("POST", "/cases/{case_no}/publication", {"arbitrator", "admin"}, {}),
    "publication.review_draft": ("GET", "/typical-cases/hrss2023-c1/review", EDITORS, None),
    "inspection.queue_page": ("GET", "/inspection/", INSPECTORATE, None),
    "inspection.detail": ("GET", "/inspection/matters/{matter_no}", MATTER_READERS, None),
    "inspection.fire_event": ("POST", "/inspection/matters/{matter_no}/events", INSPECTORATE,
                              {"event": "open_case", "version": "0"}),
    "inspection.clues_page": ("GET", "/inspection/clues", CLUE_READERS, None),
    "inspection.report_page": ("GET", "/inspection/report", ALL, None),
    # The only portal session here is scoped to a case, not to a complaint: everyone is sent back.
    "portal.matter_page": ("GET", "/status/matter", set(), None),
    "portal.matter_document": ("GET", "/status/matter/documents/acceptance_notice.pdf", set(), None),
    "api.list_matters": ("GET", "/api/v1/inspection/matters", INSPECTORATE, None),
    "api.register_matter": ("POST", "/api/v1/inspection/matters", INSPECTORATE, {"channel": "report"}),
    "api.get_matter": ("GET", "/api/v1/inspection/matters/{matter_no}", MATTER_READERS, None),
    "api.fire_matter_event": ("POST", "/api/v1/inspection/matters/{matter_no}/events", INSPECTORATE,
                              {"event": "open_case", "version": 0}),
    "api.list_clues": ("GET", "/api/v1/inspection/clues", CLUE_READERS, None),
    # The world's complaint is received, not yet accepted: its readers are told so (409), no one else learns of it.
    "inspection.matter_document": ("GET", "/inspection/matters/{matter_no}/documents/acceptance_notice.pdf",
                                   MATTER_READERS, None),
    "api.api_matter_document": ("GET", "/api/v1/inspection/matters/{matter_no}/documents/acceptance_notice",
                                MATTER_READERS, None),
}
# A portal endpoint never names a case: the session decides which one, so "denied" there is the
# bounce back to the lookup form; everywhere else a refusal is 401/403/404 or the sign-in page.
CSRF_INPUT = re.compile(r'name="csrf-token" content="([^"]+)"')


def test_every_route_has_an_entry_in_the_matrix(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert endpoints - set(MATRIX) == set(), "add the new routes to MATRIX"
    assert set(MATRIX) - endpoints == set(), "remove routes that no longer exist"


@pytest.fixture
def world(app, regions):
    """A case in region 11 accepted by a mediator, with evidence, an alert, and the library."""
    from disputes.seeding import seed_library

    seed_library()
    owner = make_user(role="worker")
    mediator = make_user(role="mediator")
    filed = file_case(filed_by=owner, channel="api")
    apply_event(filed.case, "accept", mediator, expected_version=filed.case.version)
    evidence = add_evidence(filed.case, Upload("a.png", b"\x89PNG\r\n\x1a\n" + b"0" * 64), by=None)
    other = file_case()
    with_complaint = file_case(filed_by=owner, channel="api", filing="both",
                               claims=[{"kind": "wage_arrears", "amount": "5200.00"}])
    apply_event(with_complaint.case, "accept", mediator, expected_version=with_complaint.case.version)
    alert = Alert(rule_key="surge", subject_key="surge:x", subject_label="x", region_code="11", message="m",
                  dedupe_key="matrix")
    collective_alert = Alert(rule_key="likely_collective", subject_key="collective:x", subject_label="x",
                             region_code="11", message="m", case_numbers=[filed.case.case_no], dedupe_key="matrix-2")
    db.session.add_all([alert, collective_alert])
    db.session.commit()
    respondent = filed.case.respondents[0]
    return {
        "case_no": filed.case.case_no, "evidence_id": evidence.id, "alert_id": alert.id,
        "collective_alert_id": collective_alert.id,
        "respondent_key": respondent.credit_code or respondent.normalised_name,
        "wage_id": db.session.scalar(sa.select(MinimumWage.id).where(MinimumWage.region_code == "11")),
        "owner": owner, "mediator": mediator, "other": other,
        "token_id": _someone_elses_token(), "disposable_user_id": make_user(role="mediator").id,
        "matter_no": with_complaint.matter.matter_no, "mediator_username": mediator.username, "other_case_no": other.case.case_no, "other_code": other.access_code,
    }


def _someone_elses_token() -> int:
    from disputes.auth.services import issue_token
    from disputes.models import ApiToken

    issue_token(make_user(role="arbitrator"))
    return db.session.scalar(sa.select(sa.func.max(ApiToken.id)))


def client_as(app, caller, world):
    client = app.test_client()
    if caller in ACCOUNTS:
        user = {"owner": world["owner"], "mediator": world["mediator"]}.get(caller) or make_user(role=caller)
        page = client.get("/login").get_data(as_text=True)
        token = CSRF_INPUT.search(page).group(1)
        assert client.post("/login", data={"username": user.username, "password": DEFAULT_PASSWORD,
                                           "csrf_token": token}).status_code == 302
    elif caller == "portal_other":
        page = client.get("/status").get_data(as_text=True)
        client.post("/status", data={"csrf_token": CSRF_INPUT.search(page).group(1),
                                     "case_no": world["other"].case.case_no, "access_code": world["other"].access_code})
    return client


def call(client, method, path, body, world):
    if isinstance(body, dict):
        body = {key: value.format(**world) if isinstance(value, str) else value for key, value in body.items()}
    if method == "GET":
        return client.get(path)
    token = CSRF_INPUT.search(client.get("/workflow").get_data(as_text=True)).group(1)
    if method == "DELETE":
        return client.delete(path, headers={"X-CSRFToken": token})
    if path.startswith("/api/"):
        payload = intake_payload() if body == "intake" else body
        return client.post(path, json=payload, headers={"X-CSRFToken": token})
    return client.post(path, data={**(body or {}), "csrf_token": token})


def refused(response) -> bool:
    location = response.headers.get("Location", "")
    bounced = response.status_code == 302 and ("/login" in location or location.rstrip("/").endswith("/status"))
    return response.status_code in (401, 403, 404) or bounced


@pytest.mark.parametrize("endpoint", sorted(MATRIX))
def test_each_caller_gets_exactly_what_the_matrix_says(app, world, endpoint):
    method, template, allowed, body = MATRIX[endpoint]
    path = template.format(**world)
    for caller in sorted(ALL):
        response = call(client_as(app, caller, world), method, path, body, world)
        response.close()
        assert response.status_code < 500, (endpoint, caller, response.status_code)
        assert refused(response) != (caller in allowed), (endpoint, caller, response.status_code,
                                                         response.headers.get("Location"))

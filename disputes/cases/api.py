"""Cases over the API: the queue (also as CSV and XLSX), one case, and its events."""
from __future__ import annotations

from decimal import Decimal

from flask import Response, jsonify, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from disputes.api import bp
from disputes.api.openapi import CASE_NO, describe, describe_schema, error_answer, json_answer, json_body_schema, query_parameters
from disputes.api.requests import json_body
from disputes.cases.presenters import case_json
from disputes.vocabulary import state_label
from disputes.cases.queries import case_by_number
from disputes.cases.reading import case_reading
from disputes.cases.queues import QUEUE_PARAMETERS, parse_filter, queue_page
from disputes.cases.services import apply_event
from disputes.errors import ValidationFailed
from disputes.database import reporting_session
from disputes.exports import csv_text, xlsx_bytes
from disputes.permissions import capability_required, require_case_visible
from disputes.timekeeping import local_today
from disputes.vocabulary import CLAIM_LABELS, label


@bp.route("/cases/<case_no>", methods=["GET"])
def get_case(case_no: str):
    # The user itself, not Flask-Login's proxy: the permission checks read it a dozen times, and each
    # read through the proxy cost a lookup (0.54 -> 0.50 ms a read in-process).
    return case_reading(case_no, current_user._get_current_object())


@bp.route("/cases/<case_no>/events", methods=["POST"])
def fire_event(case_no: str):
    case = case_by_number(case_no)
    require_case_visible(current_user, case)
    payload = json_body()
    event, version, note, data = (payload.get(key) for key in ("event", "version", "note", "data"))
    errors = {}
    if not isinstance(event, str) or not event:
        errors["event"] = _("请指明要进行的操作（event）。")
    if not isinstance(version, int) or isinstance(version, bool):
        errors["version"] = _("请附上您看到的案件版本号（version，整数），以免覆盖他人的修改。")
    if data is not None and not isinstance(data, dict):
        errors["data"] = _("data 应为一个对象。")
    if errors:
        raise ValidationFailed(errors)
    apply_event(case, event, current_user, expected_version=version, note=note, data=data)
    return jsonify(case_json(case, current_user))


@bp.route("/cases", methods=["GET"])
@capability_required("work_queues")
def list_cases():
    export = request.args.get("format") in ("csv", "xlsx")
    page = queue_page(current_user, parse_filter(request.args, current_user.role), local_today(),
                      session=reporting_session() if export else None)
    if request.args.get("format") == "csv":
        return _queue_csv(page)
    if request.args.get("format") == "xlsx":
        return _queue_xlsx(page)
    return jsonify({
        "results": [
            {"case_no": item.case.case_no, "state": item.case.state, "legal_aid": item.case.legal_aid,
             "collective": item.case.collective, "next_due": _due(item.case), "next_due_kind": item.case.next_due_kind,
             "light": item.light, "claims": [c.kind for c in item.case.claims],
             "occupation": item.case.workers[0].occupation if item.case.workers else None}
            for item in page.items
        ],
        "next": page.next_cursor,
    })


def _due(case) -> str | None:
    return case.next_due_on.isoformat() if case.next_due_kind else None


CENT = Decimal("0.01")
EXPORT_HEADER = (
    _l("案件编号"), _l("收到日期"), _l("状态"), _l("集体争议"), _l("最近期限"), _l("职业"), _l("平台"),
    _l("被申请人"), _l("请求事项"), _l("请求金额"),
)


def _export_rows(page):
    for item in page.items:
        case = item.case
        yield [
            case.case_no, case.submitted_on.isoformat(), state_label(case.state), _("是") if case.collective else _("否"),
            _due(case) or "", case.workers[0].occupation if case.workers else "", case.platform or "",
            "；".join(r.name for r in case.respondents),
            "；".join(label(CLAIM_LABELS, c.kind) for c in case.claims), Decimal(case.total_claimed).quantize(CENT),
        ]


def _queue_csv(page) -> Response:
    """The filtered list as CSV (every cell inert: disputes/exports.py)."""
    return Response(csv_text([[str(title) for title in EXPORT_HEADER], *_export_rows(page)]),
                    mimetype="text/csv; charset=utf-8", headers={"Content-Disposition": "attachment; filename=cases.csv"})


def _queue_xlsx(page) -> Response:
    """The filtered list as an Excel workbook (text as strings, never formulas; amounts as numbers)."""
    data = xlsx_bytes("案件", [str(title) for title in EXPORT_HEADER], _export_rows(page))
    return Response(data, mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    headers={"Content-Disposition": "attachment; filename=cases.xlsx"})


CASE = {
    "type": "object",
    "required": ["case_no", "state", "legal_aid", "version", "collective", "final_award", "workers",
                 "respondents", "claims", "deadlines", "history", "allowed_events"],
    "properties": {
        "case_no": {"type": "string"}, "state": {"type": "string"}, "legal_aid": {"type": "string"},
        "version": {"type": "integer"}, "collective": {"type": "boolean"},
        "final_award": {"type": ["boolean", "null"]},
        "region": {"type": "string", "description": "the province's code (GB/T 2260, two digits)"},
        "region_name": {"type": "string"},
        "place": {"type": ["object", "null"], "description": "the place of work, when given: code and name",
                  "properties": {"code": {"type": "string"}, "name": {"type": "string"},
                                 "full_name": {"type": "string"},
                                 "level": {"type": "string", "enum": ["prefecture", "county"]}}},
        "workers": {"type": "array"}, "respondents": {"type": "array"}, "claims": {"type": "array"},
        "deadlines": {"type": "array", "items": {"type": "object", "properties": {
            "kind": {"type": "string"}, "label": {"type": "string"},
            "label_zh": {"type": "string"}, "label_en": {"type": "string"},
            "starts": {"type": "string", "format": "date", "description": "the starting day; the period runs from the day after"},
            "due": {"type": "string", "format": "date", "description": "the last day"},
            "length": {"type": "integer"}, "unit": {"type": "string", "enum": ["days", "working_days", "years"]},
            "basis": {"type": "string", "description": "the article (and the text's version) the period comes from"},
            "calendar_known": {"type": "boolean",
                               "description": "false: the year's holiday arrangement is not published, the date is provisional"},
            "note": {"type": "string", "nullable": True},
            "actor": {"type": "string", "nullable": True, "description": "who must act before the last day"},
            "actor_label": {"type": "string", "nullable": True}}}},
        "history": {"type": "array", "items": {"type": "object", "properties": {
            "at": {"type": "string"}, "on": {"type": "string", "format": "date"}, "actor": {"type": "string"},
            "event": {"type": "string"}, "from": {"type": ["string", "null"]}, "to": {"type": "string"},
            "note": {"type": ["string", "null"]},
            "data": {"type": "object", "description": "what the rules recorded with the event (staff only)"}}}},
        "allowed_events": {"type": "array", "items": {"type": "string"}},
        "access_code": {"type": "string", "nullable": True,
                        "description": "only in the 201 answer to intake; null when a retry found the case filed"},
        "already_filed": {"type": "boolean", "description": "a retry with the same Idempotency-Key: no new case"},
    },
}
describe_schema("Case", CASE)
describe("/cases", "get", {
    "summary": "The caller's queue (JSON, or CSV/XLSX with format=)",
    "parameters": query_parameters(QUEUE_PARAMETERS),
    "responses": {"200": json_answer("results and the next cursor"), "403": error_answer("not staff"),
                  "422": error_answer("invalid filter")},
})
describe("/cases/{case_no}", "get", {
    "summary": "One case with its history, deadlines and the events the caller may fire",
    "parameters": [CASE_NO],
    "responses": {"200": {"description": "the case", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Case"}}}},
                  "401": error_answer("no credentials"), "403": error_answer("not your case"), "404": error_answer("no such case")},
})
describe("/cases/{case_no}/events", "post", {
        "summary": "Apply one life-cycle event", "parameters": [CASE_NO],
        "requestBody": json_body_schema({"type": "object", "required": ["event", "version"], "properties": {
            "event": {"type": "string"}, "version": {"type": "integer"}, "note": {"type": "string"},
            "data": {"type": "object"}}}),
        "responses": {"200": json_answer("the case"), "400": error_answer("not JSON"), "403": error_answer("not allowed"),
                      "404": error_answer("no such case"), "409": error_answer("stale version or wrong state"),
                      "422": error_answer("invalid data")}})

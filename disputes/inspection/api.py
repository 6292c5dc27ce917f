"""The inspection track over the API: the inspectorate's queue, registering a complaint or report
taken by letter, phone or visit (条例第九条), one matter, its events, and the wage-arrears clues."""
from __future__ import annotations

from flask import jsonify, request
from flask_babel import gettext as _
from flask_login import current_user

from disputes.api import bp
from disputes.api.openapi import describe, error_answer, json_answer, json_body_schema, query_parameters
from disputes.api.requests import json_body
from disputes.errors import ValidationFailed
from disputes.extensions import db
from disputes.inspection.clues import clues_for
from disputes.inspection.services import apply_event, create_matter, matter_for, matter_json, queue
from disputes.models import Region
from disputes.permissions import capability_required, user_region_scope
from disputes.validation import parse_amount
from disputes.vocabulary import CLAIM_LABELS
from workflows import inspection as track

MATTER_TEXT_FIELDS = ("employer_name", "employer_code", "facts", "place", "violation_on", "complainant_name",
                      "complainant_phone", "platform")


@bp.route("/inspection/matters", methods=["GET"])
@capability_required("inspect")
def list_matters():
    state = request.args.get("state")
    if state not in (None, "", *track.STATES):
        raise ValidationFailed({"state": _("未知的状态：%(state)s", state=state)})
    return jsonify({"results": [matter_json(m, current_user) for m in queue(current_user, state=state or None)]})


@bp.route("/inspection/matters", methods=["POST"])
@capability_required("inspect")
def register_matter():
    """A complaint or report the inspectorate took in person: the complainant gets the access code."""
    payload = json_body()
    errors: dict[str, str] = {}
    for key in MATTER_TEXT_FIELDS:
        if payload.get(key) is not None and not isinstance(payload[key], str):
            errors[key] = _("应为文字。")
    region = payload.get("region") or user_region_scope(current_user)
    if not isinstance(region, str) or db.session.get(Region, region) is None:
        errors["region"] = _("请选择用工所在的省份。")
    elif user_region_scope(current_user) not in (None, region):
        errors["region"] = _("只能登记本地区的监察事项。")
    claim_kinds = payload.get("claim_kinds") or []
    if not isinstance(claim_kinds, list) or any(kind not in CLAIM_LABELS for kind in claim_kinds):
        errors["claim_kinds"] = _("请求事项不正确。")
    amount, amount_error = parse_amount(payload["amount_owed"]) if payload.get("amount_owed") is not None \
        else (None, None)
    if amount_error:
        errors["amount_owed"] = amount_error
    worker_count = payload.get("worker_count", 1)
    if isinstance(worker_count, bool) or not isinstance(worker_count, int) or not 1 <= worker_count <= 100000:
        errors["worker_count"] = _("人数应为 1 至 100000 的整数。")
    if errors:
        raise ValidationFailed(errors)
    anonymous = payload.get("anonymous") is True
    filed = create_matter(
        payload.get("channel"), {key: payload.get(key) for key in (*MATTER_TEXT_FIELDS, "anonymous")},
        filed_by=None, region_code=region, claim_kinds=claim_kinds, amount_owed=amount, worker_count=worker_count,
        complainant_name=None if anonymous else payload.get("complainant_name"),
        complainant_phone=None if anonymous else payload.get("complainant_phone"),
        platform=payload.get("platform"))
    body = matter_json(filed.matter, current_user)
    if filed.access_code:
        body["access_code"] = filed.access_code
    return jsonify(body), 201


@bp.route("/inspection/matters/<matter_no>", methods=["GET"])
def get_matter(matter_no: str):
    return jsonify(matter_json(matter_for(current_user, matter_no), current_user))


@bp.route("/inspection/matters/<matter_no>/events", methods=["POST"])
@capability_required("inspect")
def fire_matter_event(matter_no: str):
    matter = matter_for(current_user, matter_no)
    payload = json_body()
    event, version, data = payload.get("event"), payload.get("version"), payload.get("data")
    errors = {}
    if not isinstance(event, str) or not event:
        errors["event"] = _("请指定操作。")
    if version is not None and (isinstance(version, bool) or not isinstance(version, int)):
        errors["version"] = _("版本号应为整数。")
    if data is not None and not isinstance(data, dict):
        errors["data"] = _("事件数据格式不正确。")
    if errors:
        raise ValidationFailed(errors)
    return jsonify(matter_json(apply_event(matter, event, current_user, data, expected_version=version),
                               current_user))


@bp.route("/inspection/clues", methods=["GET"])
@capability_required("see_arrears_clues")
def list_clues():
    clues = clues_for(current_user)
    return jsonify({"results": [clue.as_data() for clue in clues], "counts": track.clue_counts(clues)})


MATTER_NO = {"name": "matter_no", "in": "path", "required": True, "schema": {"type": "string"},
             "description": "The matter's number, e.g. J2026-0000001"}
MATTER_BODY = {"type": "object", "required": ["channel", "employer_name", "facts", "place"], "properties": {
    "channel": {"type": "string", "enum": list(track.CHANNELS)},
    "anonymous": {"type": "boolean", "description": "reports only (条例第九条第三款)"},
    "employer_name": {"type": "string"}, "employer_code": {"type": "string"}, "facts": {"type": "string"},
    "place": {"type": "string", "description": "where the work is done (条例第十三条)"},
    "violation_on": {"type": "string", "format": "date"}, "region": {"type": "string"},
    "complainant_name": {"type": "string"}, "complainant_phone": {"type": "string"}, "platform": {"type": "string"},
    "claim_kinds": {"type": "array", "items": {"type": "string"}}, "amount_owed": {"type": "string"},
    "worker_count": {"type": "integer", "minimum": 1}}}
describe("/inspection/matters", "get", {
    "summary": "The inspectorate's matters of the caller's region, open ones first",
    "parameters": query_parameters(["state"]),
    "responses": {"200": json_answer("results"), "401": error_answer("not signed in"),
                  "403": error_answer("not an inspector"), "422": error_answer("unknown state")}})
describe("/inspection/matters", "post", {
    "summary": "Register a complaint or report received by letter, phone or visit (条例第九条)",
    "requestBody": json_body_schema(MATTER_BODY),
    "responses": {"201": json_answer("the matter; a complaint's access code once"),
                  "400": error_answer("not JSON"), "403": error_answer("not an inspector"),
                  "422": error_answer("invalid field")}})
describe("/inspection/matters/{matter_no}", "get", {
    "summary": "One matter with its clocks, history and linked disputes", "parameters": [MATTER_NO],
    "responses": {"200": json_answer("the matter"), "401": error_answer("not signed in"),
                  "404": error_answer("no such matter, or not yours to see")}})
describe("/inspection/matters/{matter_no}/events", "post", {
    "summary": "Fire an event of the inspection track (accept, open a case, order, penalty, transfer, close…)",
    "parameters": [MATTER_NO],
    "requestBody": json_body_schema({"type": "object", "required": ["event"], "properties": {
        "event": {"type": "string", "enum": list(track.EVENTS)}, "version": {"type": "integer"},
        "data": {"type": "object"}}}),
    "responses": {"200": json_answer("the matter"), "400": error_answer("not JSON"),
                  "403": error_answer("not allowed"), "404": error_answer("no such matter"),
                  "409": error_answer("not allowed in this state, or stale version"),
                  "422": error_answer("a guard refused, with the article")}})
describe("/inspection/clues", "get", {
    "summary": "Wage-arrears clues of the caller's region, grouped by employer, chain or site, with counts",
    "responses": {"200": json_answer("results and counts"), "403": error_answer("no access to clues")}})

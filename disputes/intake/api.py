"""Intake over the API: filing a complaint (a worker's own, or staff on a worker's behalf), and one
field's verdict while the worker types."""
from __future__ import annotations

from flask import jsonify, request
from flask_babel import gettext as _
from flask_login import current_user

from disputes.api import bp
from disputes.api.openapi import describe, describe_schema, error_answer, json_answer, json_body_schema
from disputes.vocabulary import CLAIM_KINDS, OCCUPATIONS, RESPONDENT_KINDS
from disputes.api.requests import json_body
from disputes.cases.presenters import case_json
from disputes.database import read_only
from disputes.errors import NotAuthenticated, PermissionDenied
from disputes.intake.field_checks import check_field
from disputes.inspection.services import matter_json
from disputes.intake.schema import FILINGS
from disputes.intake.services import AlreadyFiled, file_complaint
from disputes.permissions import can_file_for_worker, can_file_own_complaint


@bp.route("/cases", methods=["POST"])
def create_case():
    if not current_user.is_authenticated:
        raise NotAuthenticated(_("请先登录或使用 API 令牌。"))
    if not (can_file_for_worker(current_user) or can_file_own_complaint(current_user)):
        raise PermissionDenied(_("您的角色不能登记投诉。"))
    try:
        filed = file_complaint(json_body(), filed_by=current_user, channel="api",
                               submission_key=request.headers.get("Idempotency-Key"))
    except AlreadyFiled as already:
        # A retry of a request that was filed: the same case, without the code (shown only once).
        if already.case is None:
            return jsonify({"inspection": matter_json(already.matter, current_user), "already_filed": True}), 200
        return jsonify(case_json(already.case, current_user) | {"access_code": None, "already_filed": True}), 200
    if filed.case is None:  # a complaint to the labour inspectorate alone
        return jsonify({"inspection": matter_json(filed.matter, current_user) | {
            "access_code": filed.matter_access_code}}), 201
    body = case_json(filed.case, current_user) | {"access_code": filed.access_code}
    if filed.matter is not None:
        body["inspection"] = matter_json(filed.matter, current_user) | {"access_code": filed.matter_access_code}
    return jsonify(body), 201


@bp.route("/intake/check", methods=["POST"])
@read_only("api.check_intake_field")
def check_intake_field():
    """One field's verdict while the worker types (the same rules as on submit)."""
    payload = json_body()
    return jsonify({"field": payload.get("field"), "message": check_field(payload.get("field"), payload.get("value"))})


INTAKE = {
    "type": "object",
    "additionalProperties": False,
    "required": ["workers", "respondents", "claims", "facts"],  # and a region, or a place that names one
    "properties": {
        "workers": {
            "type": "array", "minItems": 1, "maxItems": 500,
            "items": {
                "type": "object", "additionalProperties": False, "required": ["name", "phone", "occupation"],
                "properties": {
                    "name": {"type": "string", "maxLength": 64},
                    "id_number": {"type": "string", "description": "18-character resident ID, checksum verified"},
                    "phone": {"type": "string"},
                    "occupation": {"type": "string", "enum": list(OCCUPATIONS)},
                    "address": {"type": "string", "maxLength": 200, "description": "住所, as the arbitration application states it"},
                    "is_representative": {"type": "boolean"},
                },
            },
        },
        "respondents": {
            "type": "array", "minItems": 1, "maxItems": 10,
            "items": {
                "type": "object", "additionalProperties": False, "required": ["name", "kind"],
                "properties": {
                    "name": {"type": "string", "maxLength": 128},
                    "kind": {"type": "string", "enum": list(RESPONDENT_KINDS)},
                    "credit_code": {"type": "string", "description": "unified social credit code, checksum verified"},
                    "address": {"type": "string", "maxLength": 200, "description": "住所"},
                    "legal_representative": {"type": "string", "maxLength": 64,
                                             "description": "法定代表人或者主要负责人's name"},
                    "legal_representative_title": {"type": "string", "maxLength": 32, "description": "their 职务"},
                },
            },
        },
        "platform": {"type": "string", "maxLength": 128},
        "claims": {
            "type": "array", "minItems": 1, "maxItems": 30,
            "items": {
                "type": "object", "additionalProperties": False, "required": ["kind"],
                "properties": {
                    "kind": {"type": "string", "enum": list(CLAIM_KINDS)},
                    "amount": {"type": ["string", "number"], "description": "yuan, positive, at most 2 decimals"},
                },
            },
        },
        "facts": {"type": "string", "minLength": 10, "maxLength": 20000},
        "region": {"type": "string", "description": "the province: its GB/T 2260 code (\"42\" or \"420000\") "
                   "or a name (\"湖北省\"); a place below it (\"湖北省武汉市\", \"武汉\") sets the place too"},
        "place": {"type": "string", "description": "the place of work, prefecture or county: a code (\"420103\") or "
                  "a name (\"武汉市江汉区\", \"江汉区\"), read within the region; with no region, its province is "
                  "the region. A name several places bear is refused with the candidates"},
        "knew_of_violation_on": {"type": "string", "format": "date"},
        "relationship_ended": {"type": "boolean"},
        "relationship_ended_on": {"type": "string", "format": "date"},
        "language": {"type": "string", "enum": ["zh_CN", "en"]},
        "filing": {"type": "string", "enum": list(FILINGS), "default": "dispute",
                   "description": "what the filing opens: a dispute (mediation, arbitration), a complaint to the "
                   "labour inspectorate, or both, linked (Mediation and Arbitration Law Art. 9). With "
                   "\"complaint\" the answer is {\"inspection\": matter}; with \"both\" the case carries "
                   "\"inspection\" too, each with its own access code"},
    },
}
describe_schema("Intake", INTAKE)
describe("/cases", "post", {
    "summary": "File a complaint (intake)",
    "parameters": [{"name": "Idempotency-Key", "in": "header", "required": False, "schema": {"type": "string"},
                    "description": "16-64 of A-Z a-z 0-9 _ -: a retry with the same key files no second case"}],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Intake"}}}},
    "responses": {"201": {"description": "the new case with its access code", "content": {
        "application/json": {"schema": {"$ref": "#/components/schemas/Case"}}}},
        "200": {"description": "filed before under this Idempotency-Key: that case, without the code", "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/Case"}}}},
        "400": error_answer("not JSON"), "401": error_answer("no credentials"), "403": error_answer("role may not file"),
        "422": error_answer("invalid fields")},
})
describe("/intake/check", "post", {
        "summary": "Check one intake field while it is filled in", "security": [],
        "requestBody": json_body_schema({"type": "object", "properties": {"field": {"type": "string"}, "value": {"type": "string"}}}),
        "responses": {"200": json_answer("the field's message or null"), "400": error_answer("not JSON")}})

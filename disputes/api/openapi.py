"""GET /api/v1/openapi.json: the API described for clients and for schemathesis."""
from __future__ import annotations

from flask import jsonify

from disputes.api import bp
from disputes.vocabulary import CLAIM_KINDS, OCCUPATIONS, RESPONDENT_KINDS

ERRORS = {
    "type": "object",
    "properties": {"error": {"type": "string"}, "errors": {"type": "object", "additionalProperties": {"type": "string"}}},
}


def _error(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


INTAKE = {
    "type": "object",
    "additionalProperties": False,
    "required": ["workers", "respondents", "claims", "facts", "region"],
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
        "region": {"type": "string", "description": "GB/T 2260 province code, e.g. 11 for Beijing"},
        "knew_of_violation_on": {"type": "string", "format": "date"},
        "relationship_ended": {"type": "boolean"},
        "relationship_ended_on": {"type": "string", "format": "date"},
        "language": {"type": "string", "enum": ["zh_CN", "en"]},
    },
}

CASE = {
    "type": "object",
    "required": ["case_no", "state", "legal_aid", "version", "collective", "final_award", "workers",
                 "respondents", "claims", "deadlines", "history", "allowed_events"],
    "properties": {
        "case_no": {"type": "string"}, "state": {"type": "string"}, "legal_aid": {"type": "string"},
        "version": {"type": "integer"}, "collective": {"type": "boolean"},
        "final_award": {"type": ["boolean", "null"]},
        "workers": {"type": "array"}, "respondents": {"type": "array"}, "claims": {"type": "array"},
        "deadlines": {"type": "array", "items": {"type": "object", "properties": {
            "kind": {"type": "string"}, "due": {"type": "string", "format": "date"}, "basis": {"type": "string"}}}},
        "history": {"type": "array"}, "allowed_events": {"type": "array", "items": {"type": "string"}},
        "access_code": {"type": "string", "description": "only in the 201 answer to intake"},
    },
}

def _json_body(schema: dict) -> dict:
    return {"required": True, "content": {"application/json": {"schema": schema}}}


def _json_answer(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": {"type": "object"}}}}


CASE_NO = {"name": "case_no", "in": "path", "required": True, "schema": {"type": "string"}}
TYPICAL_ID = {"name": "case_id", "in": "path", "required": True, "schema": {"type": "string"}}
MORE_PATHS = {
    "/cases/{case_no}/events": {"post": {
        "summary": "Apply one life-cycle event", "parameters": [CASE_NO],
        "requestBody": _json_body({"type": "object", "required": ["event", "version"], "properties": {
            "event": {"type": "string"}, "version": {"type": "integer"}, "note": {"type": "string"},
            "data": {"type": "object"}}}),
        "responses": {"200": _json_answer("the case"), "400": _error("not JSON"), "403": _error("not allowed"),
                      "404": _error("no such case"), "409": _error("stale version or wrong state"),
                      "422": _error("invalid data")}}},
    "/cases/{case_no}/documents/{kind}": {"get": {
        "summary": "A document of the case as PDF",
        "parameters": [CASE_NO, {"name": "kind", "in": "path", "required": True, "schema": {"type": "string"}}],
        "responses": {"200": {"description": "PDF", "content": {"application/pdf": {}}}, "403": _error("not allowed"),
                      "404": _error("no such case or kind"), "409": _error("not at that stage")}}},
    "/cases/{case_no}/publication": {"post": {
        "summary": "An anonymised typical-case draft from a closed case", "parameters": [CASE_NO],
        "responses": {"201": _json_answer("the draft"), "403": _error("not an editor"), "404": _error("no such case"),
                      "409": _error("case not closed")}}},
    "/status": {"post": {
        "summary": "A worker's status lookup by case number and access code", "security": [],
        "requestBody": _json_body({"type": "object", "required": ["case_no", "access_code"], "properties": {
            "case_no": {"type": "string"}, "access_code": {"type": "string"}}}),
        "responses": {"200": _json_answer("worker-safe status"), "400": _error("not JSON"),
                      "404": _error("wrong number or code"), "429": _error("too many attempts")}}},
    "/intake/check": {"post": {
        "summary": "Check one intake field while it is filled in", "security": [],
        "requestBody": _json_body({"type": "object", "properties": {"field": {"type": "string"}, "value": {"type": "string"}}}),
        "responses": {"200": _json_answer("the field's message or null"), "400": _error("not JSON")}}},
    "/assessments": {"post": {
        "summary": "Labour-relationship assessment of facts and/or factors", "security": [],
        "requestBody": _json_body({"type": "object", "properties": {
            "facts": {"type": "string"}, "occupation": {"type": "string"},
            "factors": {"type": "object", "additionalProperties": {"type": ["boolean", "null"]}},
            "respondents": {"type": "array", "items": {"type": "object"}}}}),
        "responses": {"200": _json_answer("category, confidence, factors, similar cases, explanation"),
                      "400": _error("not JSON"), "422": _error("invalid input")}}},
    "/typical-cases": {"get": {
        "summary": "Search the published typical cases", "security": [],
        "parameters": [{"name": name, "in": "query", "required": False, "schema": {"type": "string"}}
                       for name in ("q", "occupation", "outcome", "claim", "region", "year", "source_body", "sort", "page")],
        "responses": {"200": _json_answer("total, results, facets"), "422": _error("invalid parameter"),
                      "503": _error("index being rebuilt")}}},
    "/typical-cases/{case_id}": {"get": {
        "summary": "One published typical case", "security": [], "parameters": [TYPICAL_ID],
        "responses": {"200": _json_answer("the case"), "404": _error("no such case")}}},
    "/typical-cases/{case_id}/publish": {"post": {
        "summary": "Publish a reviewed draft", "parameters": [TYPICAL_ID],
        "responses": {"200": _json_answer("the case"), "403": _error("not an editor"), "404": _error("no such case"),
                      "409": _error("already public or still identifying")}}},
    "/typical-cases/{case_id}/withdraw": {"post": {
        "summary": "Withdraw a published case", "parameters": [TYPICAL_ID],
        "responses": {"200": _json_answer("the case"), "403": _error("not an editor"), "404": _error("no such case"),
                      "409": _error("not public")}}},
    "/dashboard": {"get": {
        "summary": "Monitoring figures and open warnings",
        "parameters": [{"name": name, "in": "query", "required": False, "schema": {"type": "string"}}
                       for name in ("from", "to", "region", "organisation")],
        "responses": {"200": _json_answer("figures"), "403": _error("not a monitor"), "422": _error("invalid filter")}}},
}

SPEC = {
    "openapi": "3.0.3",
    "info": {"title": "Dispute Desk API", "version": "1"},
    "servers": [{"url": "/api/v1"}],
    "components": {
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        "schemas": {"Error": ERRORS, "Intake": INTAKE, "Case": CASE},
    },
    "security": [{"bearer": []}],
    "paths": {
        "/tokens": {"post": {
            "summary": "Exchange a username and password for a bearer token",
            "security": [],
            "requestBody": {"required": True, "content": {"application/json": {"schema": {
                "type": "object", "required": ["username", "password"],
                "properties": {"username": {"type": "string"}, "password": {"type": "string"}}}}}},
            "responses": {"201": {"description": "token", "content": {"application/json": {"schema": {
                "type": "object", "properties": {"token": {"type": "string"}, "role": {"type": "string"}}}}}},
                "400": _error("not JSON"), "401": _error("wrong username or password"),
                "422": _error("missing fields"), "429": _error("too many attempts")},
        }},
        "/cases": {"post": {
            "summary": "File a complaint (intake)",
            "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Intake"}}}},
            "responses": {"201": {"description": "the new case with its access code", "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/Case"}}}},
                "400": _error("not JSON"), "401": _error("no credentials"), "403": _error("role may not file"),
                "422": _error("invalid fields")},
        }},
        "/cases/{case_no}": {"get": {
            "summary": "One case with its history, deadlines and the events the caller may fire",
            "parameters": [{"name": "case_no", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "the case", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Case"}}}},
                          "401": _error("no credentials"), "403": _error("not your case"), "404": _error("no such case")},
        }},
    },
}


SPEC["paths"]["/cases"]["get"] = {
    "summary": "The caller's queue (JSON, or CSV/XLSX with format=)",
    "parameters": [{"name": name, "in": "query", "required": False, "schema": {"type": "string"}}
                   for name in ("scope", "state", "claim", "occupation", "collective", "overdue", "after", "format")],
    "responses": {"200": _json_answer("results and the next cursor"), "403": _error("not staff"),
                  "422": _error("invalid filter")},
}
SPEC["paths"].update(MORE_PATHS)


@bp.route("/openapi.json")
def openapi_document():
    return jsonify(SPEC)

"""The worker's status over the API: case number and access code, throttled."""
from __future__ import annotations

from flask import jsonify

from disputes.api import bp
from disputes.api.openapi import describe, error_answer, json_answer, json_body_schema
from disputes.api.requests import json_body
from disputes.database import read_only
from disputes.extensions import limiter
from disputes.portal.limits import case_and_address_key, case_limit, lookup_limit, wrong_code
from disputes.portal.services import (
    look_up_status, open_portal_session,
)




@bp.route("/status", methods=["POST"])
@read_only("api.api_status")
@limiter.limit(lookup_limit)
@limiter.limit(case_limit, key_func=case_and_address_key, deduct_when=wrong_code)
def api_status():
    payload = json_body()
    case_id, status = look_up_status(payload.get("case_no"), payload.get("access_code"))
    open_portal_session(case_id)
    return jsonify(status)


describe("/status", "post", {
        "summary": "A worker's status lookup by case number and access code", "security": [],
        "requestBody": json_body_schema({"type": "object", "required": ["case_no", "access_code"], "properties": {
            "case_no": {"type": "string"}, "access_code": {"type": "string"}}}),
        "responses": {"200": json_answer("worker-safe status"), "400": error_answer("not JSON"),
                      "404": error_answer("wrong number or code"), "429": error_answer("too many attempts")}})

"""The assessment over the API: assess facts as given, without saving."""
from __future__ import annotations

from flask import jsonify
from flask_babel import gettext as _

from disputes.api import bp
from disputes.api.openapi import describe, error_answer, json_answer, json_body_schema
from disputes.api.requests import json_body
from disputes.assessments.services import (
    payload_factors, run_assessment,
)
from disputes.database import read_only
from disputes.errors import ValidationFailed
from disputes.extensions import limiter
from disputes.vocabulary import in_english


@bp.route("/assessments", methods=["POST"])
@read_only("api.api_assessment")
@limiter.limit("60 per minute")
def api_assessment():
    payload = json_body()
    unknown = set(payload) - {"facts", "occupation", "factors", "respondents"}
    if unknown:
        raise ValidationFailed({key: _("未知字段。") for key in unknown})
    respondents = payload.get("respondents")
    if respondents is not None and not (isinstance(respondents, list) and all(isinstance(r, dict) for r in respondents)):
        raise ValidationFailed({"respondents": _("应为 [{name, kind}] 列表。")})
    result = run_assessment(payload.get("facts"), payload_factors(payload), payload.get("occupation"), respondents)
    return jsonify(result.to_dict("en" if in_english() else "zh"))


describe("/assessments", "post", {
        "summary": "Labour-relationship assessment of facts and/or factors",
        "description": "The explanation, reasons and questions are in Chinese, or in English with ?lang=en; "
                       "quotes of the facts stay as written.", "security": [],
        "requestBody": json_body_schema({"type": "object", "properties": {
            "facts": {"type": "string"}, "occupation": {"type": "string"},
            "factors": {"type": "object", "additionalProperties": {"type": ["boolean", "null"]}},
            "respondents": {"type": "array", "items": {"type": "object"}}}}),
        "responses": {"200": json_answer("category, confidence, factors, similar cases, explanation"),
                      "400": error_answer("not JSON"), "422": error_answer("invalid input")}})

"""Publication over the API: draft from a closed case, publish and withdraw a typical case."""
from __future__ import annotations

from flask import jsonify, request
from flask_babel import gettext as _
from flask_login import current_user

from disputes.api import bp
from disputes.api.requests import optional_json_body
from disputes.api.openapi import CASE_NO, TYPICAL_ID, describe, error_answer, json_answer
from disputes.cases.queries import case_by_number
from disputes.library.records import record_dict
from disputes.errors import ValidationFailed
from disputes.library.services import case_or_404
from disputes.permissions import capability_required, require
from disputes.publication.services import draft_from_case, publish, withdraw


@bp.route("/typical-cases/<case_id>/publish", methods=["POST"])
@capability_required("publish")
def publish_typical_case(case_id: str):
    """The call is the reviewer's confirmation; ``allowed`` (optional) lists the words confirmed not personal."""
    allowed = optional_json_body().get("allowed") if request.is_json else None
    if allowed is not None and not (isinstance(allowed, list) and all(isinstance(word, str) for word in allowed)):
        raise ValidationFailed({"allowed": _("allowed 应为文字的列表。")})
    row = publish(case_or_404(case_id), current_user, allowed=tuple(allowed or ()))
    return jsonify(record_dict(row) | {"status": row.status})


@bp.route("/typical-cases/<case_id>/withdraw", methods=["POST"])
@capability_required("publish")
def withdraw_typical_case(case_id: str):
    row = withdraw(case_or_404(case_id), current_user)
    return jsonify(record_dict(row) | {"status": row.status})


@bp.route("/cases/<case_no>/publication", methods=["POST"])
@capability_required("draft_publication")
def draft_publication(case_no: str):
    case = case_by_number(case_no)
    require(current_user, "draft_publication", case)  # a case not yet publishable is a 409 from draft_from_case
    keep = optional_json_body().get("keep_platform_names", True) if request.is_json else True
    row = draft_from_case(case, current_user, keep_platform_names=keep is not False)
    return jsonify(record_dict(row) | {"status": row.status}), 201


describe("/cases/{case_no}/publication", "post", {
        "summary": "An anonymised typical-case draft from a closed case", "parameters": [CASE_NO],
        "responses": {"201": json_answer("the draft"), "403": error_answer("not an editor"), "404": error_answer("no such case"),
                      "409": error_answer("case not closed")}})
describe("/typical-cases/{case_id}/publish", "post", {
        "summary": "Publish a reviewed draft", "parameters": [TYPICAL_ID],
        "responses": {"200": json_answer("the case"), "403": error_answer("not an editor"), "404": error_answer("no such case"),
                      "409": error_answer("already public or still identifying")}})
describe("/typical-cases/{case_id}/withdraw", "post", {
        "summary": "Withdraw a published case", "parameters": [TYPICAL_ID],
        "responses": {"200": json_answer("the case"), "403": error_answer("not an editor"), "404": error_answer("no such case"),
                      "409": error_answer("not public")}})

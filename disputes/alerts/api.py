"""Alerts over the API: the open alerts of the caller's region, and acknowledging one."""
from __future__ import annotations

from flask import jsonify
from flask_babel import gettext as _
from flask_login import current_user

from disputes.alerts.rules import MAX_ALERT_NOTE, acknowledge, alert_for, alert_json, open_alerts_json
from disputes.api import bp
from disputes.api.openapi import describe, error_answer, json_answer, json_body_schema
from disputes.api.requests import json_body
from disputes.errors import ValidationFailed
from disputes.permissions import capability_required


@bp.route("/alerts", methods=["GET"])
@capability_required("monitor")
def list_alerts():
    return jsonify({"results": open_alerts_json(current_user)})


@bp.route("/alerts/<int:alert_id>/acknowledge", methods=["POST"])
@capability_required("acknowledge_alert")
def acknowledge_alert_api(alert_id: int):
    note = json_body().get("note")
    if note is not None and (not isinstance(note, str) or len(note) > MAX_ALERT_NOTE):
        raise ValidationFailed({"note": _("备注应为不超过 %(n)d 字的文字。", n=MAX_ALERT_NOTE)})
    return jsonify(alert_json(acknowledge(alert_for(current_user, alert_id), current_user, note)))


ALERT_ID = {"name": "alert_id", "in": "path", "required": True, "schema": {"type": "integer"}}
describe("/alerts", "get", {
    "summary": "The open early-warning alerts of the caller's region",
    "responses": {"200": json_answer("results"), "403": error_answer("not a monitor")}})
describe("/alerts/{alert_id}/acknowledge", "post", {
    "summary": "Acknowledge an alert, with an optional note", "parameters": [ALERT_ID],
    "requestBody": json_body_schema({"type": "object", "properties": {"note": {"type": "string", "maxLength": MAX_ALERT_NOTE}}}),
    "responses": {"200": json_answer("the alert"), "400": error_answer("not JSON"), "403": error_answer("not a monitor"),
                  "404": error_answer("no such alert"), "422": error_answer("invalid note")}})

"""The dashboard's figures and the open alerts over the API."""
from __future__ import annotations

from flask import jsonify, request
from flask_login import current_user

from disputes.alerts.rules import open_alerts_json
from disputes.api import bp
from disputes.api.openapi import describe, error_answer, json_answer, query_parameters
from disputes.dashboard.figures import FILTER_PARAMETERS, dashboard_figures, scoped_filter
from disputes.permissions import capability_required
from disputes.timekeeping import local_today


@bp.route("/dashboard")
@capability_required("monitor")
def api_dashboard():
    figures = dashboard_figures(scoped_filter(request.args, current_user), local_today())
    return jsonify(figures | {"warnings": open_alerts_json(current_user)})


describe("/dashboard", "get", {
        "summary": "Monitoring figures and open warnings",
        "parameters": query_parameters(FILTER_PARAMETERS),
        "responses": {"200": json_answer("figures"), "403": error_answer("not a monitor"), "422": error_answer("invalid filter")}})

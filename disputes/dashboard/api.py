"""The dashboard's figures and the open alerts over the API."""
from __future__ import annotations

from flask import jsonify, request
from flask_login import current_user

from disputes.alerts.rules import open_alerts_json
from disputes.api import bp
from disputes.api.openapi import describe, error_answer, json_answer, query_parameters
from disputes.dashboard.figures import FILTER_PARAMETERS, dashboard_figures, scoped_filter
from disputes.inspection.clues import last_clue_counts
from disputes.permissions import capability_required
from disputes.timekeeping import local_today


@bp.route("/dashboard")
@capability_required("monitor")
def api_dashboard():
    wanted = scoped_filter(request.args, current_user)
    figures = dashboard_figures(wanted, local_today())
    # The clues as last counted (hourly, by the count_clues job): all of them, whatever the dates filtered.
    return jsonify(figures | {"warnings": open_alerts_json(current_user), "clues": last_clue_counts(wanted.region)})


describe("/dashboard", "get", {
        "summary": "Monitoring figures and open warnings",
        "parameters": query_parameters(FILTER_PARAMETERS),
        "responses": {"200": json_answer("figures"), "403": error_answer("not a monitor"), "422": error_answer("invalid filter")}})

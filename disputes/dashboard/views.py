"""The dashboard page, the ECharts file from node_modules, and employer records."""
from __future__ import annotations

from pathlib import Path

from flask import abort, current_app, render_template, request, send_from_directory
from flask_login import current_user

from disputes.dashboard import bp
from disputes.dashboard.employers import employer_record
from disputes.dashboard.figures import dashboard_figures, scoped_filter
from disputes.inspection.clues import last_clue_counts
from disputes.lookups import region_choices
from disputes.permissions import capability_required
from disputes.timekeeping import local_today


@bp.route("/dashboard")
@capability_required("monitor")
def page():
    wanted = scoped_filter(request.args, current_user)
    return render_template("dashboard/index.html", figures=dashboard_figures(wanted, local_today()), wanted=wanted,
                           clues=last_clue_counts(wanted.region), regions=region_choices(), args=request.args)


@bp.route("/vendor/echarts.min.js")
def echarts():
    """Apache ECharts as installed by `npm ci` (served from our origin: no CDN, CSP intact)."""
    folder = Path(current_app.config["DISPUTES_ECHARTS_DIR"])
    if not (folder / "echarts.min.js").exists():
        abort(404)
    return send_from_directory(folder, "echarts.min.js", mimetype="text/javascript", max_age=86400)


@bp.route("/employers/<path:key>")
@capability_required("monitor")
def employer(key: str):
    return render_template("dashboard/employer.html", record=employer_record(key, current_user))

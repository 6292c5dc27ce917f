"""The dashboard page and API, the ECharts file from node_modules, exports, alerts and employers."""
from __future__ import annotations

from pathlib import Path

from flask import abort, jsonify, render_template, request, send_from_directory
from flask_login import current_user

from disputes import PROJECT_ROOT
from disputes.api import bp as api_bp
from disputes.dashboard import bp
from disputes.dashboard.figures import DashboardFilter, dashboard_figures, parse_filter
from disputes.lookups import region_choices
from disputes.permissions import roles_required
from disputes.timekeeping import local_today

MONITOR_ROLES = ("mediator", "arbitrator", "admin")
ECHARTS_DIR = PROJECT_ROOT / "node_modules" / "echarts" / "dist"


def _scoped_filter() -> DashboardFilter:
    """The requested filter, held to the user's own region unless they are an admin."""
    wanted = parse_filter(request.args)
    if current_user.role != "admin":
        region = current_user.organisation.region_code if current_user.organisation else "-"
        wanted = DashboardFilter(wanted.start, wanted.end, region, wanted.organisation_id)
    return wanted


@bp.route("/dashboard")
@roles_required(*MONITOR_ROLES)
def page():
    wanted = _scoped_filter()
    return render_template("dashboard/index.html", figures=dashboard_figures(wanted, local_today()), wanted=wanted,
                           regions=region_choices(), args=request.args)


@api_bp.route("/dashboard")
@roles_required(*MONITOR_ROLES)
def api_dashboard():
    from disputes.dashboard.warnings import open_alerts_json

    return jsonify(dashboard_figures(_scoped_filter(), local_today()) | {"warnings": open_alerts_json(current_user)})


@bp.route("/vendor/echarts.min.js")
def echarts():
    """Apache ECharts as installed by `npm ci` (served from our origin: no CDN, CSP intact)."""
    if not (ECHARTS_DIR / "echarts.min.js").exists():
        abort(404)
    return send_from_directory(Path(ECHARTS_DIR), "echarts.min.js", mimetype="text/javascript", max_age=86400)


@bp.route("/alerts")
@roles_required(*MONITOR_ROLES)
def alerts():
    from disputes.dashboard.warnings import RULE_LABELS, visible_alerts

    return render_template("dashboard/alerts.html", alerts=visible_alerts(current_user), rule_labels=RULE_LABELS)


@bp.route("/alerts/<int:alert_id>/acknowledge", methods=["POST"])
@roles_required(*MONITOR_ROLES)
def acknowledge_alert(alert_id: int):
    from flask import flash, redirect, url_for
    from flask_babel import gettext as _

    from disputes.dashboard.warnings import acknowledge, alert_for

    acknowledge(alert_for(current_user, alert_id), current_user, request.form.get("note"))
    flash(_("已确认预警。"), "info")
    return redirect(url_for("dashboard.alerts"))


@bp.route("/alerts/<int:alert_id>/collective", methods=["GET", "POST"])
@roles_required(*MONITOR_ROLES)
def link_collective_cases(alert_id: int):
    """The cases a likely-collective alert names, to link into one collective dispute (Art. 7)."""
    from flask import flash, redirect, url_for
    from flask_babel import gettext as _

    from disputes.cases.collective import collective_alert, link_collective, proposal
    from disputes.errors import ValidationFailed

    alert = collective_alert(current_user, alert_id)
    errors, status = {}, 200
    if request.method == "POST":
        try:
            lead = link_collective(alert, request.form.getlist("case"), current_user, request.form.get("note"))
        except ValidationFailed as refused:
            errors, status = refused.errors, 422
        else:
            flash(_("已合并为集体争议，由 %(lead)s 牵头。", lead=lead.case_no), "info")
            return redirect(url_for("cases.detail", case_no=lead.case_no))
    return render_template("dashboard/collective.html", alert=alert, group=proposal(alert, current_user),
                           errors=errors, form=request.form), status


@bp.route("/employers/<path:key>")
@roles_required(*MONITOR_ROLES)
def employer(key: str):
    from disputes.dashboard.employers import employer_record

    return render_template("dashboard/employer.html", record=employer_record(key, current_user))

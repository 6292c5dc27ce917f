"""The alert pages: the open alerts, acknowledging one, and linking a likely-collective group."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from disputes.alerts import bp
from disputes.alerts.collective import collective_alert, link_collective, proposal
from disputes.alerts.rules import RULE_LABELS, acknowledge, alert_for, visible_alerts
from disputes.errors import ValidationFailed
from disputes.permissions import capability_required


@bp.route("/alerts")
@capability_required("monitor")
def index():
    return render_template("alerts/index.html", alerts=visible_alerts(current_user), rule_labels=RULE_LABELS)


@bp.route("/alerts/<int:alert_id>/acknowledge", methods=["POST"])
@capability_required("acknowledge_alert")
def acknowledge_alert(alert_id: int):
    acknowledge(alert_for(current_user, alert_id), current_user, request.form.get("note"))
    flash(_("已确认预警。"), "info")
    return redirect(url_for("alerts.index"))


@bp.route("/alerts/<int:alert_id>/collective", methods=["GET", "POST"])
@capability_required("link_collective")
def link_collective_cases(alert_id: int):
    """The cases a likely-collective alert names, to link into one collective dispute (Art. 7)."""
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
    return render_template("alerts/collective.html", alert=alert, group=proposal(alert, current_user),
                           errors=errors, form=request.form), status

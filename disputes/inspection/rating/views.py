"""The pages of an employer's compliance rating: its page for a year, and the forms behind the buttons
there and on the dashboard's employer page (rate, record the notice, record an objection on the
employer's behalf, decide the review), and the joint-sanction and incentive lists as CSV."""
from __future__ import annotations

from typing import Any

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from disputes.errors import Conflict, ValidationFailed
from disputes.extensions import db
from disputes.inspection import bp
from disputes.inspection.rating import services
from disputes.inspection.rating.notice import notice_download
from disputes.inspection.rating.panel import chosen_period, rating_panel
from disputes.inspection.rating.record import find_employer
from disputes.permissions import can, capability_required
from disputes.timekeeping import local_today

FORM_FIELDS = ("period", "version", "notify", "employer_kind", "notified_on", "filed_on", "grounds", "note", "region")


@bp.route("/employers/<path:key>/rating")
@capability_required("see_ratings")
def rating_page(key: str):
    return _page(key, request.args.get("period"), request.args.get("region"))


def _page(key: str, period: Any, region: Any, errors=None, chosen=None, status=200):
    panel = rating_panel(key, current_user, period=period, region=services.parse_region(region))
    return render_template("inspection/rating/employer.html", panel=panel, errors=errors or {}, chosen=chosen,
                           form=request.form, back="rating"), status


def _form_data() -> dict[str, Any]:
    data = {name: request.form.get(name) for name in FORM_FIELDS if request.form.get(name) not in (None, "")}
    data["exclude"] = request.form.getlist("exclude")
    return data


def _back(key: str, period: int, region: str):
    if request.form.get("back") == "employer" and can(current_user, "monitor"):
        return redirect(url_for("dashboard.employer", key=key, _anchor="rating"))
    return redirect(url_for("inspection.rating_page", key=key, period=period, region=region))


def _act(key: str, action: str, operation, done: str):
    """Run one operation from a posted form: 422 shows the page with the messages, 409 says why."""
    data = _form_data()
    try:
        employer = find_employer(key, current_user, services.parse_region(data.get("region")))
        period = chosen_period(data.get("period"), local_today())
        operation(employer, period, data)
    except ValidationFailed as failure:
        db.session.rollback()
        period = data.get("period") if "period" not in failure.errors else None
        region = data.get("region") if "region" not in failure.errors else None
        return _page(key, period, region, failure.errors, action, 422)
    except Conflict as conflict:
        db.session.rollback()
        flash(conflict.message, "error")
        return redirect(url_for("inspection.rating_page", key=key, period=data.get("period"),
                                region=data.get("region")))
    flash(done, "info")
    return _back(key, period.year, employer.region)


@bp.route("/employers/<path:key>/rating", methods=["POST"])
@capability_required("rate_employers")
def rate_employer(key: str):
    return _act(key, "rate", lambda employer, period, data: services.rate_employer(employer, current_user, data),
                _("已记录评价结果。"))


@bp.route("/employers/<path:key>/rating/notice", methods=["POST"])
@capability_required("inspect")
def record_rating_notice(key: str):
    return _act(key, "notice", lambda employer, period, data: services.record_notice(
        services.rating_in_force(employer, period), current_user, data), _("已登记告知日期。"))


@bp.route("/employers/<path:key>/rating/objection", methods=["POST"])
@capability_required("inspect")
def record_rating_objection(key: str):
    return _act(key, "objection", lambda employer, period, data: services.record_objection(
        services.rating_in_force(employer, period), current_user, data), _("已代企业登记异议。"))


@bp.route("/employers/<path:key>/rating/review", methods=["POST"])
@capability_required("rate_employers")
def decide_rating_review(key: str):
    return _act(key, "review", lambda employer, period, data: services.decide_review(
        services.rating_in_force(employer, period), current_user, data), _("已作出复核决定。"))


@bp.route("/employers/<path:key>/rating/notice.pdf")
@capability_required("inspect")
def rating_notice(key: str):
    return notice_download(key, request.args)


@bp.route("/ratings/export.csv")
@capability_required("rate_employers")
def export_ratings():
    filename, text = services.export_csv(current_user, request.args)
    return Response(text.encode("utf-8"), mimetype="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})

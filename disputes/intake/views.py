"""The worker's complaint form, the mediator's form for filing on a worker's behalf, and the receipt."""
from __future__ import annotations

from flask import redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user

from disputes.errors import NotAuthenticated, PermissionDenied, ValidationFailed
from disputes.intake import bp
from disputes.intake.forms import ComplaintForm
from disputes.intake.services import file_complaint
from disputes.lookups import region_choices
from disputes.permissions import can_file_for_worker, can_file_own_complaint

EXTRA_ROWS = {"more_workers": "workers", "more_respondents": "respondents", "more_claims": "claims"}


@bp.route("", methods=["GET", "POST"])
def worker_form():
    if not can_file_own_complaint(current_user):
        return redirect(url_for("intake.staff_form"))
    return _complaint_page(ComplaintForm(), template="intake/worker_form.html", channel="web")


@bp.route("/on-behalf", methods=["GET", "POST"])
def staff_form():
    if not current_user.is_authenticated:
        raise NotAuthenticated(_("请先登录。"))
    if not can_file_for_worker(current_user):
        raise PermissionDenied(_("只有调解员、仲裁员或管理员可以代劳动者登记。"))
    form = ComplaintForm()
    if request.method == "GET":
        form.workers.append_entry()
        form.workers.append_entry()
    return _complaint_page(form, template="intake/staff_form.html", channel="mediator")


@bp.route("/receipt")
def receipt():
    filed = session.pop("receipt", None)
    if not filed:
        return redirect(url_for("intake.worker_form"))
    return render_template("intake/receipt.html", filed=filed)


def _complaint_page(form: ComplaintForm, *, template: str, channel: str):
    form.region.choices = region_choices()
    wants_rows = next((field for button, field in EXTRA_ROWS.items() if button in request.form), None)
    if wants_rows is not None:
        getattr(form, wants_rows).append_entry()
        return render_template(template, form=form)
    if form.validate_on_submit():
        try:
            filed = file_complaint(form.to_payload(), filed_by=_filer(), channel=channel)
        except ValidationFailed as failure:
            form.attach_errors(failure.errors)
            return render_template(template, form=form, failed=True), 422
        session["receipt"] = {"case_no": filed.case.case_no, "access_code": filed.access_code}
        return redirect(url_for("intake.receipt"))
    status = 422 if form.errors else 200
    return render_template(template, form=form, failed=bool(form.errors)), status


def _filer():
    return current_user if current_user.is_authenticated else None

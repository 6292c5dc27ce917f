"""The public "check my situation" page, the assessment on a case page, and POST /api/v1/assessments."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from casebase import FACTOR_KEYS
from disputes.assessments import bp
from disputes.assessments.services import (
    assess_case, given_factors_from_form, latest_assessment, run_assessment, save_case_assessment,
)
from disputes.cases.queries import case_by_number
from disputes.errors import ValidationFailed
from disputes.extensions import limiter
from disputes.permissions import capability_required, require, require_case_visible
from disputes.vocabulary import OCCUPATIONS


@bp.route("/assess", methods=["GET", "POST"])
@limiter.limit("30 per minute", methods=["POST"])
def check_my_situation():
    result, errors = None, {}
    if request.method == "POST":
        given = {key: value for key, value in given_factors_from_form(request.form).items() if value is not None}
        try:
            result = run_assessment(request.form.get("facts", ""), given or None, request.form.get("occupation") or None)
        except ValidationFailed as failure:
            errors = failure.errors
    return render_template("assessments/check.html", result=result, errors=errors, form=request.form,
                           factor_keys=FACTOR_KEYS, occupations=OCCUPATIONS), (422 if errors else 200)


@bp.route("/cases/<case_no>/assessment", methods=["GET", "POST"])
@capability_required("edit_assessment")
def case_assessment(case_no: str):
    case = case_by_number(case_no)
    require_case_visible(current_user, case)  # trying factors out changes nothing; saving needs the case
    given = given_factors_from_form(request.form) if request.method == "POST" else dict(case.reported_factors or {})
    result = assess_case(case, given)
    if request.method == "POST" and "save" in request.form:
        require(current_user, "edit_assessment", case)
        save_case_assessment(case, result, current_user)
        flash(_("评估已保存。"), "info")
        return redirect(url_for("cases.detail", case_no=case_no) + "#assessment-title")
    return render_template("assessments/case.html", case=case, result=result, given=given,
                           saved=latest_assessment(case), factor_keys=FACTOR_KEYS)



"""The public "check my situation" page, the assessment on a case page, and POST /api/v1/assessments."""
from __future__ import annotations

from flask import flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from casebase import FACTOR_KEYS
from disputes.api import bp as api_bp
from disputes.api.requests import json_body
from disputes.assessments import bp
from disputes.assessments.services import (
    assess_case, given_factors_from_form, latest_assessment, payload_factors, run_assessment, save_case_assessment,
)
from disputes.cases.queries import case_by_number
from disputes.database import read_only
from disputes.errors import ValidationFailed
from disputes.extensions import limiter
from disputes.permissions import CASEWORK_ROLES, require_case_visible, roles_required
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
@roles_required(*CASEWORK_ROLES, "admin")
def case_assessment(case_no: str):
    case = case_by_number(case_no)
    require_case_visible(current_user, case)
    given = given_factors_from_form(request.form) if request.method == "POST" else dict(case.reported_factors or {})
    result = assess_case(case, given)
    if request.method == "POST" and "save" in request.form:
        save_case_assessment(case, result, current_user)
        flash(_("评估已保存。"), "info")
        return redirect(url_for("cases.detail", case_no=case_no) + "#assessment-title")
    return render_template("assessments/case.html", case=case, result=result, given=given,
                           saved=latest_assessment(case), factor_keys=FACTOR_KEYS)


@api_bp.route("/assessments", methods=["POST"])
@read_only("api.api_assessment")
@limiter.limit("60 per minute")
def api_assessment():
    payload = json_body()
    unknown = set(payload) - {"facts", "occupation", "factors", "respondents"}
    if unknown:
        raise ValidationFailed({key: _("未知字段。") for key in unknown})
    respondents = payload.get("respondents")
    if respondents is not None and not (isinstance(respondents, list) and all(isinstance(r, dict) for r in respondents)):
        raise ValidationFailed({"respondents": _("应为 [{name, kind}] 列表。")})
    result = run_assessment(payload.get("facts"), payload_factors(payload), payload.get("occupation"), respondents)
    return jsonify(result.to_dict())

"""Cases over the API: intake and reading one case."""
from __future__ import annotations

from flask import jsonify
from flask_babel import gettext as _
from flask_login import current_user

from disputes.api import bp
from disputes.api.requests import json_body
from disputes.cases.presenters import case_json
from disputes.cases.queries import case_by_number
from disputes.errors import NotAuthenticated, PermissionDenied
from disputes.intake.services import file_complaint
from disputes.permissions import can_file_for_worker, can_file_own_complaint, require_case_visible


@bp.route("/cases", methods=["POST"])
def create_case():
    if not current_user.is_authenticated:
        raise NotAuthenticated(_("请先登录或使用 API 令牌。"))
    if not (can_file_for_worker(current_user) or can_file_own_complaint(current_user)):
        raise PermissionDenied(_("您的角色不能登记投诉。"))
    filed = file_complaint(json_body(), filed_by=current_user, channel="api")
    body = case_json(filed.case, current_user) | {"access_code": filed.access_code}
    return jsonify(body), 201


@bp.route("/cases/<case_no>", methods=["GET"])
def get_case(case_no: str):
    case = case_by_number(case_no)
    require_case_visible(current_user, case)
    return jsonify(case_json(case, current_user))

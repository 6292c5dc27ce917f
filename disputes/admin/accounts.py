"""Admin actions on accounts: disabling one (its sessions end and its API tokens are revoked at once)
and enabling it again."""
from __future__ import annotations

from flask import flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from disputes.admin import bp
from disputes.auth.services import set_active
from disputes.errors import NotFound, ValidationFailed
from disputes.extensions import db
from disputes.models import User
from disputes.permissions import capability_required
from disputes.validation import MAX_DB_INTEGER


@bp.route("/users/<int:user_id>/disable", methods=["POST"])
@capability_required("administer")
def disable_user(user_id: int):
    return _set_active(user_id, False)


@bp.route("/users/<int:user_id>/enable", methods=["POST"])
@capability_required("administer")
def enable_user(user_id: int):
    return _set_active(user_id, True)


def _set_active(user_id: int, active: bool):
    user = db.session.get(User, user_id) if 0 < user_id <= MAX_DB_INTEGER else None
    if user is None:
        raise NotFound(_("没有找到该账号。"))
    try:
        set_active(current_user, user, active)
    except ValidationFailed as refused:
        flash(" ".join(refused.errors.values()), "error")
    else:
        flash(_("已停用账号 %(name)s：其登录和 API 令牌已全部失效。", name=user.username) if not active
              else _("已启用账号 %(name)s。", name=user.username), "info")
    return redirect(url_for("admin.users"))

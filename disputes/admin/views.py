"""Admin pages: minimum wages, accounts, the audit trail."""
from __future__ import annotations

import sqlalchemy as sa
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from disputes.admin import bp
from disputes.admin.forms import MinimumWageForm, UserForm
from disputes.admin.services import confirm_minimum_wage, set_minimum_wage, wage_table
from disputes.alerts.rules import RULE_LABELS, rules, update_rules
from disputes.auth.services import create_user
from disputes.errors import ValidationFailed
from disputes.extensions import db
from disputes.lookups import region_choices
from disputes.models import AuditEntry, Organisation, User
from disputes.permissions import capability_required
from disputes.timekeeping import local_today
from disputes.vocabulary import ROLE_LABELS, label
from disputes.validation import whole_number


@bp.route("")
@capability_required("administer")
def index():
    return redirect(url_for("admin.minimum_wages"))


@bp.route("/minimum-wages", methods=["GET", "POST"])
@capability_required("administer")
def minimum_wages():
    form = MinimumWageForm()
    form.region_code.choices = region_choices()
    status = 200
    if form.validate_on_submit():
        try:
            set_minimum_wage(current_user, region_code=form.region_code.data, monthly=form.monthly.data,
                             hourly=form.hourly.data, effective_on=form.effective_on.data,
                             verified=form.verified.data, note=form.note.data)
        except ValidationFailed as failure:
            form.attach_errors(failure.errors)
            status = 422
        else:
            flash(_("已保存最低工资标准。"), "info")
            return redirect(url_for("admin.minimum_wages"))
    elif form.errors:
        status = 422
    return render_template("admin/minimum_wages.html", form=form, table=wage_table(local_today())), status


@bp.route("/minimum-wages/<int:wage_id>/verify", methods=["POST"])
@capability_required("administer")
def verify_minimum_wage(wage_id: int):
    confirm_minimum_wage(current_user, wage_id)
    flash(_("已标记为已核对。"), "info")
    return redirect(url_for("admin.minimum_wages"))


@bp.route("/users", methods=["GET", "POST"])
@capability_required("administer")
def users():
    form = UserForm()
    form.role.choices = [(key, label(ROLE_LABELS, key)) for key in ROLE_LABELS]
    organisations = db.session.scalars(sa.select(Organisation).order_by(Organisation.name)).all()
    form.organisation_id.choices = [("", _("无"))] + [(str(o.id), o.name) for o in organisations]
    status = 200
    if form.validate_on_submit():
        organisation = db.session.get(Organisation, organisation_id) if (organisation_id := whole_number(form.organisation_id.data, minimum=1)) else None
        try:
            create_user(form.username.data, role=form.role.data, password=form.password.data,
                        display_name=form.display_name.data or None, organisation=organisation, created_by=current_user)
        except ValidationFailed as failure:
            form.attach_errors(failure.errors)
            status = 422
        else:
            flash(_("已创建账号。"), "info")
            return redirect(url_for("admin.users"))
    elif form.errors:
        status = 422
    accounts = db.session.scalars(sa.select(User).order_by(User.role, User.username)).all()
    return render_template("admin/users.html", form=form, accounts=accounts), status


@bp.route("/audit")
@capability_required("administer")
def audit_trail():
    entries = db.session.scalars(sa.select(AuditEntry).order_by(AuditEntry.id.desc()).limit(200)).all()
    return render_template("admin/audit.html", entries=entries)


@bp.route("/warning-rules", methods=["GET", "POST"])
@capability_required("administer")
def warning_rules():
    errors = {}
    if request.method == "POST":
        errors = update_rules(current_user, request.form)
        if not errors:
            flash(_("预警规则已保存。"), "info")
            return redirect(url_for("admin.warning_rules"))
    return render_template("admin/warning_rules.html", rules=rules(), labels=RULE_LABELS, errors=errors), \
        (422 if errors else 200)

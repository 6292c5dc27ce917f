"""Sign-in and sign-out pages, and the account page: API tokens with their last use, a new password."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from disputes.auth import bp
from disputes.auth.forms import LoginForm, PasswordChangeForm
from disputes.auth.services import authenticate, change_password, revoke_token, sign_out, tokens_of
from disputes.errors import ValidationFailed
from disputes.extensions import limiter


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(form.username.data, form.password.data)
        if user is not None:
            login_user(user)
            return redirect(_safe_next(request.args.get("next")))
        form.password.errors.append(_("用户名或密码不正确。"))
    return render_template("auth/login.html", form=form), (422 if form.errors else 200)


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    # The server forgets the session too: a copy of this cookie replayed later signs no one in.
    sign_out(current_user)
    logout_user()
    flash(_("您已退出登录。"), "info")
    return redirect(url_for("home.index"))


@bp.route("/account")
@login_required
def account():
    return _account_page(PasswordChangeForm())


@bp.route("/account/password", methods=["POST"])
@login_required
@limiter.limit(_login_limit)
def new_password():
    form = PasswordChangeForm()
    if form.validate_on_submit():
        try:
            change_password(current_user, form.current_password.data, form.new_password.data)
        except ValidationFailed as failure:
            form.attach_errors(failure.errors)
        else:
            login_user(current_user._get_current_object())  # this browser stays signed in, under the new generation
            flash(_("密码已修改。其他设备上的登录和所有 API 令牌都已失效。"), "info")
            return redirect(url_for("auth.account"))
    return _account_page(form, 422)


@bp.route("/account/tokens/<int:token_id>/revoke", methods=["POST"])
@login_required
def revoke(token_id: int):
    revoke_token(current_user, token_id)
    flash(_("令牌已撤销。"), "info")
    return redirect(url_for("auth.account"))


def _account_page(form: PasswordChangeForm, status: int = 200):
    return render_template("auth/account.html", form=form, tokens=tokens_of(current_user)), status


def _safe_next(target: str | None) -> str:
    """Only same-site relative paths, so the login page cannot be used to redirect elsewhere."""
    if target and target.startswith("/") and not target.startswith("//") and not urlsplit(target).netloc:
        return target
    return url_for("home.index")

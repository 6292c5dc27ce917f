"""The JSON API under /api/v1: bearer tokens or the session cookie (then with X-CSRFToken).

This package holds what every endpoint shares: authentication, tokens, request parsing, the OpenAPI
document. Each feature keeps its own JSON routes in ``<feature>/api.py`` on this blueprint, which the
app registers after every feature has added its routes.
"""
from flask import Blueprint, Flask, current_app, request
from flask_babel import gettext as _
from flask_login import current_user

from disputes.auth.identity import authenticate_bearer, bearer_token
from disputes.errors import NotAuthenticated
from disputes.extensions import csrf

bp = Blueprint("api", __name__, url_prefix="/api/v1")
# CSRF is decided per request below: bearer-token calls are exempt, cookie calls are not.
csrf.exempt(bp)

# Endpoints a caller reaches before it holds any credential: there is no session to ride on.
CREDENTIAL_ENDPOINTS = {"api.create_token"}


@bp.before_request
def _credentials_and_csrf():
    if bearer_token() is not None and request.endpoint not in CREDENTIAL_ENDPOINTS:
        if authenticate_bearer():
            return  # a bearer call carries no cookie credential, so CSRF does not apply
        raise NotAuthenticated(_("API 令牌无效或已过期，请重新获取。"))
    if request.method in ("GET", "HEAD", "OPTIONS") or request.endpoint in CREDENTIAL_ENDPOINTS:
        return
    if not _carries_cookie_credentials():
        return  # nothing ambient for a forged request to ride on (and no user to load: the portal's hot path)
    if current_user.is_authenticated:
        # Signed in through the session cookie: a forged cross-site request would ride on it.
        csrf.protect()


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)


def _carries_cookie_credentials() -> bool:
    config = current_app.config
    return bool(request.cookies.get(config["SESSION_COOKIE_NAME"])
                or request.cookies.get(config.get("REMEMBER_COOKIE_NAME", "remember_token")))


from disputes.api import openapi, tokens  # noqa: E402,F401

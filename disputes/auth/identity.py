"""Who is calling: a session user (pages) or a bearer token (API)."""
from __future__ import annotations

from flask import Flask, g, request
from flask_babel import lazy_gettext as _l

from disputes.extensions import db, login_manager
from disputes.models import User


def bearer_token() -> str | None:
    """The token of an `Authorization: Bearer …` header, if the request has one."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    return None


def init_login(app: Flask) -> None:
    """Teach Flask-Login to load users from the session and from bearer tokens."""
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("请先登录。")
    login_manager.session_protection = "strong"

    @login_manager.user_loader
    def _load_user(user_id: str) -> User | None:
        if not user_id.isdigit():
            return None
        user = db.session.get(User, int(user_id))
        return user if user is not None and user.active else None



def authenticate_bearer() -> bool:
    """Make the bearer token's user the current user for this request; False if the token is bad.

    Done before Flask-Login looks at the session, so a bearer call never depends on cookies (and
    session protection, which clears sessions it does not recognise, cannot get in the way).
    """
    from disputes.auth.services import user_for_token

    token = bearer_token()
    user = user_for_token(token) if token is not None else None
    if user is None:
        return False
    login_manager._update_request_context_with_user(user)
    g.authenticated_by_token = True
    return True


def authenticated_by_token() -> bool:
    """Whether this request proved who it is with a bearer token (so CSRF does not apply)."""
    return bool(g.get("authenticated_by_token"))

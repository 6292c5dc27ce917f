"""Who is calling: a session user (pages) or a bearer token (API)."""
from __future__ import annotations

from flask import Flask, g, request
from flask_babel import lazy_gettext as _l
from sqlalchemy import orm

from disputes.extensions import db, login_manager
from disputes.models import User
from disputes.validation import whole_number


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
    def _load_user(session_id: str) -> User | None:
        return user_for_session(session_id)


def user_for_session(session_id: str) -> User | None:
    """The active user a session names ("id.generation", User.get_id), while that generation lasts.

    A session begun before a logout, a password change or the account being disabled names an
    older generation and signs no one in, even if its cookie is replayed.
    """
    user_id, dot, generation = (session_id if isinstance(session_id, str) else "").partition(".")
    numbers = [whole_number(user_id, minimum=1), whole_number(generation)]
    if not dot or None in numbers:
        return None
    # With the organisation, whose region decides which cases the user may see.
    user = db.session.get(User, numbers[0], options=[orm.joinedload(User.organisation)])
    if user is None or not user.active or (user.session_generation or 0) != numbers[1]:
        return None
    return user



def authenticate_bearer() -> bool:
    """Make the bearer token's user the current user for this request; False if the token is bad.

    Done before Flask-Login looks at the session, so a bearer call never depends on cookies (and
    session protection, which clears sessions it does not recognise, cannot get in the way).
    """
    from disputes.auth.services import token_for

    token = bearer_token()
    found = token_for(token) if token is not None else None
    if found is None:
        return False
    login_manager._update_request_context_with_user(found.user)
    g.authenticated_by_token = True
    g.api_token_id = found.id
    return True


def authenticated_by_token() -> bool:
    """Whether this request proved who it is with a bearer token (so CSRF does not apply)."""
    return bool(g.get("authenticated_by_token"))


def calling_token_id() -> int | None:
    """The id of the API token this request came with, if it came with one."""
    return g.get("api_token_id") if authenticated_by_token() else None

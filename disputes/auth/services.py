"""Accounts: creating users under the password policy, checking passwords, issuing API tokens."""
from __future__ import annotations

import secrets
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _

from disputes import audit
from disputes.errors import ValidationFailed
from disputes.extensions import db
from disputes.models import ROLES, ApiToken, Organisation, User, utcnow
from disputes.security import check_password, hash_password, token_hash

MIN_PASSWORD_LENGTH = 10
# A dummy hash so that an unknown username costs as much time as a wrong password.
_TIMING_DECOY: dict[str, str] = {}


def password_problems(password: str, username: str = "") -> str | None:
    """Why the password is too weak, or None: at least 10 characters, letters and digits, not the username."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return _("密码至少需要 %(n)d 个字符。", n=MIN_PASSWORD_LENGTH)
    if len(password) > 128:
        return _("密码不能超过 128 个字符。")
    if not any(ch.isdigit() for ch in password) or not any(ch.isalpha() for ch in password):
        return _("密码须同时包含字母和数字。")
    if username and username.lower() in password.lower():
        return _("密码不能包含用户名。")
    return None


def create_user(
    username: str,
    *,
    role: str,
    password: str,
    display_name: str | None = None,
    organisation: Organisation | None = None,
    phone: str | None = None,
    created_by: User | None = None,
) -> User:
    """Create an account after checking the role, the username and the password policy (audited)."""
    errors: dict[str, str] = {}
    username = (username or "").strip()
    if not username or len(username) > 64 or not username.replace("_", "").replace(".", "").isalnum():
        errors["username"] = _("用户名须为 1–64 个字母、数字、下划线或点。")
    elif db.session.scalar(sa.select(User.id).where(User.username == username)) is not None:
        errors["username"] = _("该用户名已被使用。")
    if role not in ROLES:
        errors["role"] = _("未知的角色：%(role)s", role=role)
    problem = password_problems(password or "", username)
    if problem:
        errors["password"] = problem
    if errors:
        raise ValidationFailed(errors)
    user = User(
        username=username,
        display_name=display_name or username,
        role=role,
        password_hash=hash_password(password),
        organisation=organisation,
        phone=phone,
    )
    db.session.add(user)
    audit.record(created_by, "user.create", f"user:{username}", role=role,
                 organisation=organisation.name if organisation else "")
    db.session.commit()
    return user


def authenticate(username: str, password: str) -> User | None:
    """The active user with this username and password, or None (in the same time either way)."""
    user = db.session.scalar(sa.select(User).where(User.username == (username or "").strip()))
    if user is None or not user.active:
        check_password(_timing_decoy(), password or "")
        return None
    return user if check_password(user.password_hash, password or "") else None


def _timing_decoy() -> str:
    key = repr(current_app.config["PASSWORD_HASH_PARAMS"])
    if key not in _TIMING_DECOY:
        _TIMING_DECOY[key] = hash_password(secrets.token_hex(8))
    return _TIMING_DECOY[key]


def issue_token(user: User) -> str:
    """A new bearer token for the user; only its hash is kept."""
    token = secrets.token_urlsafe(32)
    lifetime = timedelta(days=current_app.config["API_ACCESS_DAYS"])
    db.session.add(ApiToken(user=user, token_hash=token_hash(token), expires_at=utcnow() + lifetime))
    db.session.commit()
    return token


def user_for_token(token: str) -> User | None:
    """The active user a valid, unexpired token belongs to."""
    found = db.session.scalar(sa.select(ApiToken).where(ApiToken.token_hash == token_hash(token)))
    if found is None or _as_aware(found.expires_at) <= utcnow() or not found.user.active:
        return None
    return found.user


def _as_aware(moment):
    # SQLite hands back naive datetimes even for timezone-aware columns; they are stored in UTC.
    from datetime import timezone

    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)

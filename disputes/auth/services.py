"""Accounts: creating users under the password policy, checking passwords, API tokens, and ending
sessions (logout, a password change, an account disabled by an admin)."""
from __future__ import annotations

import logging
import secrets
from datetime import datetime, timedelta, timezone

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _
from zxcvbn import zxcvbn
from zxcvbn.frequency_lists import FREQUENCY_LISTS

from disputes import audit
from disputes.auth.throttle import count_wrong_password, refuse_if_guessing
from disputes.auth.token_identity import TokenRow, token_row
from disputes.errors import NotFound, ValidationFailed
from disputes.extensions import db
from disputes.models import ROLES, ApiToken, Organisation, User, utcnow
from disputes.security import check_password, hash_password, token_hash
from disputes.validation import MAX_DB_INTEGER, control_characters

logger = logging.getLogger("disputes.auth")

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 128
# The 30,000 common passwords, ranked, that the zxcvbn package (4.5, PyPI; the Python port of
# Dropbox's estimator) ships as `zxcvbn.frequency_lists.FREQUENCY_LISTS["passwords"]`.
COMMON_PASSWORDS = frozenset(FREQUENCY_LISTS["passwords"])
# zxcvbn's estimate must reach score 3 ("safely unguessable", at least 10^8 guesses): that refuses
# the common passwords with a digit or two added (`woaini1314`) that the list does not hold itself.
MIN_ZXCVBN_SCORE = 3
# zxcvbn's own ceiling on what it reads (its run time grows with the length).
ZXCVBN_MAX_LENGTH = 72
# A dummy hash so that an unknown username costs as much time as a wrong password.
_TIMING_DECOY: dict[str, str] = {}
# How often a token's last use is written (a bearer call should not write the database each time).
LAST_USE_PRECISION = timedelta(minutes=1)


def password_problems(password: str, username: str = "") -> str | None:
    """Why the password is too weak, or None: 10 to 128 characters, letters and digits, not the
    username, not a common password, and hard enough to guess by zxcvbn's estimate."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return _("密码至少需要 %(n)d 个字符。", n=MIN_PASSWORD_LENGTH)
    if len(password) > MAX_PASSWORD_LENGTH:
        return _("密码不能超过 128 个字符。")
    if control_characters(password):
        return _("包含无法显示的控制字符，请删除后重试。")
    if not any(ch.isdigit() for ch in password) or not any(ch.isalpha() for ch in password):
        return _("密码须同时包含字母和数字。")
    if username and username.lower() in password.lower():
        return _("密码不能包含用户名。")
    if password.lower() in COMMON_PASSWORDS:
        return _("这是常见密码，很容易被猜中，请换一个。")
    if zxcvbn(password, user_inputs=[username] if username else [], max_length=ZXCVBN_MAX_LENGTH)["score"] \
            < MIN_ZXCVBN_SCORE:
        return _("密码太容易被猜中（常见的词、键盘顺序或简单的数字组合），请换一个更长、更少见的密码。")
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
    """The active user with this username and password, or None (in the same time either way).

    Wrong passwords count against the account (auth.throttle); while an account is being guessed
    at, an address that guessed wrong is refused before any password is checked.
    """
    refuse_if_guessing(username)
    user = db.session.scalar(sa.select(User).where(User.username == (username or "").strip()))
    if user is None or not user.active:
        check_password(_timing_decoy(), password or "")
        count_wrong_password(username)
        return None
    if check_password(user.password_hash, password or ""):
        return user
    count_wrong_password(username)
    return None


def _timing_decoy() -> str:
    key = repr(current_app.config["PASSWORD_HASH_PARAMS"])
    if key not in _TIMING_DECOY:
        _TIMING_DECOY[key] = hash_password(secrets.token_hex(8))
    return _TIMING_DECOY[key]


def issue_token(user: User) -> str:
    """A new bearer token for the user, returned this once; only its SHA-256 is kept."""
    token = secrets.token_urlsafe(32)
    lifetime = timedelta(days=current_app.config["API_ACCESS_DAYS"])
    db.session.add(ApiToken(user=user, token_hash=token_hash(token), expires_at=utcnow() + lifetime))
    db.session.commit()
    return token


def token_for(token: str) -> TokenRow | None:
    """The valid, unexpired token of an active user (its id and its user, who comes with their
    organisation in the same statement: auth/token_identity.py), noting its use; None for any other."""
    if not isinstance(token, str) or not token or len(token) > 256 or not token.isascii():
        return None
    found = token_row(token_hash(token))
    if found is None or _as_aware(found.expires_at) <= utcnow() or not found.user.active:
        return None
    _note_use(found)
    return found


def user_for_token(token: str) -> User | None:
    """The active user a valid, unexpired token belongs to."""
    found = token_for(token)
    return found.user if found is not None else None


def _note_use(token: TokenRow) -> None:
    """Write the token's last use, at most once a minute, and commit it at once.

    This is the first thing a bearer request does, so the commit ends nothing of the request's
    own. A bearer GET reads in a deferred transaction, and writing in it can fail when another
    process wrote just before; then only the note is lost, never the request.
    """
    now = utcnow()
    if token.last_used_at is not None and now - _as_aware(token.last_used_at) < LAST_USE_PRECISION:
        return
    token_id = token.id
    try:  # the UPDATE too: it is the statement that meets another process's write lock
        db.session.execute(sa.update(ApiToken).where(ApiToken.id == token_id).values(last_used_at=now))
        db.session.commit()
    except sa.exc.OperationalError:
        db.session.rollback()
        logger.warning("could not note the use of API token %s", token_id)


def tokens_of(user: User) -> list[ApiToken]:
    """The user's tokens that are still valid, newest first (for the account page)."""
    rows = db.session.scalars(sa.select(ApiToken).where(ApiToken.user_id == user.id)
                              .order_by(ApiToken.id.desc())).all()
    return [row for row in rows if _as_aware(row.expires_at) > utcnow()]


def revoke_token(user: User, token_id: int | ApiToken) -> None:
    """End one of the user's own tokens (NotFound for a token of someone else or none at all)."""
    if isinstance(token_id, ApiToken):
        token = token_id
    else:  # a number from the URL may be beyond the database's integer range
        token = db.session.get(ApiToken, token_id) if 0 < token_id <= MAX_DB_INTEGER else None
    if token is None or token.user_id != user.id:
        raise NotFound(_("没有找到该令牌。"))
    db.session.delete(token)
    audit.record(user, "token.revoke", f"user:{user.username}", token=token.id)
    db.session.commit()


def end_sessions(user: User) -> None:
    """Count the user's session generation up: every session begun before no longer signs them in.

    In the caller's transaction; the caller commits.
    """
    user.session_generation = (user.session_generation or 0) + 1


def sign_out(user: User) -> None:
    """Logout on the server's side: the session cookie, if replayed, no longer opens anything."""
    end_sessions(user)
    db.session.commit()


def change_password(user: User, current: str, new: str) -> None:
    """Set a new password after checking the current one and the policy; ends every other session
    and revokes every API token (whoever knew the old password may have made one)."""
    if not check_password(user.password_hash, current or ""):
        raise ValidationFailed({"current_password": _("当前密码不正确。")})
    problem = password_problems(new or "", user.username)
    if problem:
        raise ValidationFailed({"new_password": problem})
    if check_password(user.password_hash, new):
        raise ValidationFailed({"new_password": _("新密码不能与当前密码相同。")})
    user.password_hash = hash_password(new)
    end_sessions(user)
    revoked = _revoke_all_tokens(user)
    audit.record(user, "user.change_password", f"user:{user.username}", tokens_revoked=revoked)
    db.session.commit()


def set_active(admin: User, user: User, active: bool) -> None:
    """Disable an account (its sessions end and every token is revoked at once) or enable it again."""
    if user.id == admin.id and not active:
        raise ValidationFailed({"user": _("不能停用自己的账号。")})
    user.active = active
    revoked = 0
    if not active:
        end_sessions(user)
        revoked = _revoke_all_tokens(user)
    audit.record(admin, "user.disable" if not active else "user.enable", f"user:{user.username}",
                 tokens_revoked=revoked)
    db.session.commit()


def _revoke_all_tokens(user: User) -> int:
    result = db.session.execute(sa.delete(ApiToken).where(ApiToken.user_id == user.id))
    return result.rowcount or 0


def _as_aware(moment: datetime) -> datetime:
    # SQLite hands back naive datetimes even for timezone-aware columns; they are stored in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)

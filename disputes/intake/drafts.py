"""Saving and resuming a complaint draft: a cookie on the same phone, or a resume link elsewhere."""
from __future__ import annotations

import secrets
from datetime import timedelta

import sqlalchemy as sa
from werkzeug.datastructures import MultiDict

from disputes.extensions import db
from disputes.models import IntakeDraft, utcnow
from disputes.security import token_hash

DRAFT_COOKIE = "intake_draft"
DRAFT_LIFETIME = timedelta(days=30)
NOT_KEPT = {"csrf_token", "save_draft", "more_workers", "more_respondents", "more_claims"}
MAX_FIELDS = 400
MAX_VALUE = 20000


def save_draft(form: MultiDict, token: str | None) -> str:
    """Store the typed fields under the token (a new one when there is none); returns the token."""
    fields = {key: [v[:MAX_VALUE] for v in form.getlist(key)] for key in list(form.keys())[:MAX_FIELDS]
              if key not in NOT_KEPT}
    draft = _find(token) if token else None
    if draft is None:
        token = secrets.token_urlsafe(24)
        draft = IntakeDraft(token_hash=token_hash(token), expires_at=utcnow() + DRAFT_LIFETIME)
        db.session.add(draft)
    draft.fields = fields
    draft.expires_at = utcnow() + DRAFT_LIFETIME
    db.session.commit()
    return token


def load_draft(token: str | None) -> MultiDict | None:
    """The saved fields as form data, or None when the token is unknown or expired."""
    draft = _find(token) if token else None
    if draft is None:
        return None
    return MultiDict([(key, value) for key, values in draft.fields.items() for value in values])


def discard_draft(token: str | None) -> None:
    draft = _find(token) if token else None
    if draft is not None:
        db.session.delete(draft)
        db.session.commit()


def _find(token: str) -> IntakeDraft | None:
    if not isinstance(token, str) or len(token) > 100:
        return None
    draft = db.session.scalar(sa.select(IntakeDraft).where(IntakeDraft.token_hash == token_hash(token)))
    if draft is None:
        return None
    expires = draft.expires_at if draft.expires_at.tzinfo else draft.expires_at.replace(tzinfo=utcnow().tzinfo)
    return draft if expires > utcnow() else None

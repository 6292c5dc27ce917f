"""Saving and resuming a complaint draft: a cookie on the same phone, or a resume code elsewhere.

The resume code never travels in a URL (a URL lands in access logs, browser history and chats):
the worker types it on the resume page, with the phone number the draft holds when it holds one,
so the code alone does not bring back someone's name, ID number and phone.
"""
from __future__ import annotations

import re
import secrets
from datetime import timedelta

import sqlalchemy as sa
from werkzeug.datastructures import MultiDict

from disputes.extensions import db
from disputes.models import IntakeDraft, utcnow
from disputes.security import ACCESS_CODE_ALPHABET, normalise_access_code, token_hash

DRAFT_COOKIE = "intake_draft"
DRAFT_LIFETIME = timedelta(days=30)
NOT_KEPT = {"csrf_token", "save_draft", "more_workers", "more_respondents", "more_claims"}
MAX_FIELDS = 400
MAX_VALUE = 20000
# 20 characters of Crockford's base32 (as access codes use): 100 bits, typed in four groups of five.
RESUME_CODE_LENGTH = 20
_PHONE_FIELD = re.compile(r"workers-\d+-phone")


def new_resume_code() -> str:
    raw = "".join(secrets.choice(ACCESS_CODE_ALPHABET) for _ in range(RESUME_CODE_LENGTH))
    return "-".join(raw[i:i + 5] for i in range(0, RESUME_CODE_LENGTH, 5))


def typed_resume_code(text: object) -> str | None:
    """A resume code as typed (any case, spaces or dashes, O for 0) in its stored form, or None."""
    if not isinstance(text, str) or len(text) > 64:
        return None
    raw = normalise_access_code(text)
    if len(raw) != RESUME_CODE_LENGTH or any(ch not in ACCESS_CODE_ALPHABET for ch in raw):
        return None
    return "-".join(raw[i:i + 5] for i in range(0, RESUME_CODE_LENGTH, 5))


def save_draft(form: MultiDict, token: str | None) -> str:
    """Store the typed fields under the token (a new one when there is none); returns the token."""
    fields = {key: [v[:MAX_VALUE] for v in form.getlist(key)] for key in list(form.keys())[:MAX_FIELDS]
              if key not in NOT_KEPT}
    draft = _find(token) if token else None
    if draft is None:
        token = new_resume_code()
        draft = IntakeDraft(token_hash=token_hash(token), expires_at=utcnow() + DRAFT_LIFETIME)
        db.session.add(draft)
    elif typed_resume_code(token) != token:  # a draft from before resume codes: it gets one now
        token = new_resume_code()
        draft.token_hash = token_hash(token)
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


def resume_draft(code: object, phone: object) -> str | None:
    """The draft's token when the typed code finds a draft and, if the draft holds phone numbers,
    the typed phone is one of them; None otherwise (the same None for a wrong code or phone)."""
    token = typed_resume_code(code)
    draft = _find(token) if token else None
    if draft is None:
        return None
    phones = {value.strip() for key, values in draft.fields.items() if _PHONE_FIELD.fullmatch(key)
              for value in values if isinstance(value, str) and value.strip()}
    typed = phone.strip() if isinstance(phone, str) else ""
    if phones and typed not in phones:
        return None
    return token


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

"""Saving and resuming a complaint draft: a cookie on the same phone, or a resume code elsewhere.

The worker's form is filled in steps (`steps`), each saved here; the photos chosen at the evidence
step are kept with the draft (`photos`), so neither a later step nor another device loses them.

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
# The form's buttons and its token are no answers; keys starting with "_" are the draft's own (photos).
NOT_KEPT = {"csrf_token", "save_draft", "back", "goto", "remove_photo", "more_workers", "more_respondents", "more_claims"}
PHOTOS_KEY = "_photos"
RECEIPT_KEY = "_receipt"
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


def save_draft(form: MultiDict, token: str | None, *, photos: list[dict] | None = None) -> str:
    """Store the typed fields under the token (a new one when there is none); returns the token.

    The photos kept with the draft stay unless `photos` (what `photos.kept` describes) replaces them.
    """
    fields = {key: [v[:MAX_VALUE] for v in form.getlist(key)] for key in list(form.keys())[:MAX_FIELDS]
              if key not in NOT_KEPT and not key.startswith("_")}
    draft = _find(token) if token else None
    kept = photos if photos is not None else (draft.fields.get(PHOTOS_KEY) if draft is not None else None)
    if kept:
        fields[PHOTOS_KEY] = kept
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
    """The saved fields as form data, or None when the token is unknown, expired or filed."""
    draft = _find(token) if token else None
    if draft is None or RECEIPT_KEY in draft.fields:
        return None
    return MultiDict([(key, value) for key, values in draft.fields.items() if not key.startswith("_")
                      for value in values])


def draft_photo_records(token: str | None) -> list[dict]:
    """What the draft holds of its photos (see `photos`): [] for no draft or none kept."""
    draft = _find(token) if token else None
    records = draft.fields.get(PHOTOS_KEY) if draft is not None else None
    return [record for record in records if isinstance(record, dict)] if isinstance(records, list) else []


def resume_draft(code: object, phone: object) -> str | None:
    """The draft's token when the typed code finds a draft and, if the draft holds phone numbers,
    the typed phone is one of them; None otherwise (the same None for a wrong code or phone)."""
    token = typed_resume_code(code)
    draft = _find(token) if token else None
    if draft is None or RECEIPT_KEY in draft.fields:
        return None
    phones = {value.strip() for key, values in draft.fields.items() if _PHONE_FIELD.fullmatch(key)
              for value in values if isinstance(value, str) and value.strip()}
    typed = phone.strip() if isinstance(phone, str) else ""
    if phones and typed not in phones:
        return None
    return token


def keep_receipt_instead(token: str | None, receipt: dict, lifetime: timedelta) -> None:
    """Filed: the draft's answers and photos are forgotten, and for a short while it holds only the
    receipt (its codes sealed), so a copy of the send that left the phone with the first one (a
    double tap without JavaScript) can still show the worker the codes instead of a bare number."""
    draft = _find(token) if token else None
    if draft is not None:
        draft.fields = {RECEIPT_KEY: receipt}
        draft.expires_at = utcnow() + lifetime
        db.session.commit()


def kept_receipt(token: str | None) -> dict | None:
    draft = _find(token) if token else None
    receipt = draft.fields.get(RECEIPT_KEY) if draft is not None else None
    return receipt if isinstance(receipt, dict) else None


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

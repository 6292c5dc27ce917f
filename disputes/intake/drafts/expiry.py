"""Forgetting drafts when their time is up, as the privacy notice before the ID number promises
("没有提交的草稿 30 天后删除"): the row with everything typed, and the photos only it held.

A draft lives DRAFT_LIFETIME after its last save (a filed one only as long as its receipt is
kept). Its photos' bytes are in the evidence store, shared by content with filed cases and other
drafts, so a blob is removed only when no evidence row and no remaining draft names it, and it was
not stored again in the last hour (BlobStore.put touches a blob it already has): a draft being
saved while the sweep runs keeps its photo.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from disputes.evidence.services import evidence_store
from disputes.extensions import db
from disputes.models import Evidence, IntakeDraft, utcnow

from . import PHOTOS_KEY

RECENTLY_STORED_SECONDS = 3600
BATCH = 500


@dataclass(frozen=True)
class Purged:
    drafts: int
    photos: int

    def __str__(self) -> str:
        return f"deleted {self.drafts} expired draft(s) and {self.photos} photo(s) no case or draft holds"


def _photo_digests(draft: IntakeDraft) -> set[str]:
    records = (draft.fields or {}).get(PHOTOS_KEY)
    if not isinstance(records, list):
        return set()
    return {str(record["sha256"]) for record in records if isinstance(record, dict) and record.get("sha256")}


def forget_photos(digests: set[str]) -> int:
    """Remove the blobs of `digests` that nothing holds any more; returns how many went."""
    store, removed, now = evidence_store(), 0, time.time()
    for digest in sorted(digests):
        if db.session.scalar(sa.select(sa.exists().where(Evidence.sha256 == digest))):
            continue
        # A draft's photos are a JSON list; the digest, 64 hex characters, is found in its text.
        if db.session.scalar(sa.select(sa.exists().where(sa.cast(IntakeDraft.fields, sa.Text).contains(digest)))):
            continue
        try:
            stored_at = store.stored_at(digest)
        except ValueError:  # not a digest: a record written by hand
            continue
        if stored_at is None or now - stored_at < RECENTLY_STORED_SECONDS:
            continue
        store.delete(digest)
        removed += 1
    return removed


def purge_expired_drafts(now: datetime | None = None) -> Purged:
    """Delete every draft whose time is up, then the photos only they held."""
    now = now or utcnow()
    drafts, digests = 0, set()
    while True:
        expired = db.session.scalars(sa.select(IntakeDraft).where(IntakeDraft.expires_at <= now)
                                     .order_by(IntakeDraft.id).limit(BATCH)).all()
        if not expired:
            break
        for draft in expired:
            digests |= _photo_digests(draft)
            db.session.delete(draft)
        db.session.commit()
        drafts += len(expired)
    return Purged(drafts, forget_photos(digests))

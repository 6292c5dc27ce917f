"""Photos chosen at the evidence step, kept with the draft until the complaint is filed.

A browser forgets a chosen file as soon as it leaves the page, so a photo is stored when its step
is sent: the bytes in the evidence store under their SHA-256 (where a filed case's evidence lives,
so filing copies nothing), the name, type and size in the draft. A later step, an added row or a
resume on another phone therefore never loses it; filing reads the bytes back and files them with
the case. The same bytes chosen twice are kept once.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Sequence

from flask_babel import gettext as _

from disputes.errors import ValidationFailed
from disputes.evidence.services import Upload, check_upload, evidence_store, safe_filename
from disputes.intake.drafts import draft_photo_records

# As many as one intake ever took at once (the staff form's limit too).
MAX_PHOTOS = 10


@dataclass(frozen=True)
class KeptPhoto:
    sha256: str
    name: str
    content_type: str
    size: int

    @property
    def record(self) -> dict:
        return asdict(self)


def kept_photos(token: str | None) -> list[KeptPhoto]:
    """The photos the draft holds, in the order they were chosen (records that do not read are skipped)."""
    kept = []
    for record in draft_photo_records(token):
        try:
            photo = KeptPhoto(str(record["sha256"]), str(record["name"]), str(record["content_type"]),
                              int(record["size"]))
        except (KeyError, TypeError, ValueError):
            continue
        kept.append(photo)
    return kept


def store_photos(uploads: Sequence[Upload], kept: Sequence[KeptPhoto]) -> list[KeptPhoto]:
    """`kept` with the new uploads added: each checked (type by its bytes, size) before any is stored,
    so one bad file stores none. ValidationFailed (key `evidence`) says what is wrong."""
    if len(kept) + len(uploads) > MAX_PHOTOS:
        raise ValidationFailed({"evidence": _("最多保留 %(n)d 个文件。已经选了 %(kept)d 个，可以先删掉不需要的。",
                                              n=MAX_PHOTOS, kept=len(kept))})
    checked = [(upload, check_upload(upload, "evidence")) for upload in uploads]
    photos, seen = list(kept), {photo.sha256 for photo in kept}
    for upload, content_type in checked:
        try:
            digest = evidence_store().put(upload.data)
        except OSError:
            raise ValidationFailed({"evidence": _("服务器暂时无法保存照片（存储空间不足或故障）。请稍后重试，或先不附照片。")}) from None
        if digest not in seen:
            seen.add(digest)
            photos.append(KeptPhoto(digest, safe_filename(upload.filename), content_type, len(upload.data)))
    return photos


def without_photo(kept: Sequence[KeptPhoto], sha256: object) -> list[KeptPhoto]:
    return [photo for photo in kept if photo.sha256 != sha256]


def photo_uploads(kept: Sequence[KeptPhoto]) -> list[Upload]:
    """The kept photos as uploads to file with the case; a photo the store no longer has is said."""
    store, uploads = evidence_store(), []
    for photo in kept:
        try:
            uploads.append(Upload(photo.name, store.read(photo.sha256)))
        except (FileNotFoundError, ValueError):
            raise ValidationFailed({"evidence": _("照片“%(name)s”没有保存好，请在“证据”一步删掉后重新选择。",
                                                  name=photo.name)}) from None
    return uploads


# The mediator's one-page form has no draft: the photos it has stored ride in the form itself,
# sealed (encrypted and authenticated under the app's key) with the user they were chosen by, so a
# forged or borrowed field cannot attach someone else's evidence to a new case.
HELD_PHOTOS_SECONDS = 24 * 3600


def seal_held_photos(photos: Sequence[KeptPhoto], user_id: int) -> str:
    from disputes.security import seal_for_session

    return seal_for_session(json.dumps({"user": user_id, "photos": [photo.record for photo in photos]}))


def held_photos(sealed: object, user_id: int) -> list[KeptPhoto]:
    """The photos a sealed field holds, if it was sealed for this user within the day; else none."""
    from disputes.security import unseal_from_session

    opened = unseal_from_session(sealed, HELD_PHOTOS_SECONDS)
    try:
        held = json.loads(opened) if opened else {}
        if held.get("user") != user_id:
            return []
        return [KeptPhoto(str(r["sha256"]), str(r["name"]), str(r["content_type"]), int(r["size"]))
                for r in held.get("photos", [])][:MAX_PHOTOS]
    except (ValueError, TypeError, KeyError, AttributeError):
        return []

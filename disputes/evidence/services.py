"""Accepting an evidence file: size and type limits, content sniffing, atomic storage, one row."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _

from disputes.errors import ValidationFailed
from disputes.extensions import db
from disputes.models import Case, Evidence, User
from disputes.storage import BlobStore

# What we accept, recognised by the file's first bytes (never by its name or the browser's word).
SIGNATURES = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"%PDF-", "application/pdf"),
)
MAX_FILES_PER_CASE = 50


@dataclass(frozen=True)
class Upload:
    filename: str
    data: bytes
    description: str | None = None


def evidence_store() -> BlobStore:
    return BlobStore(current_app.config["DISPUTES_EVIDENCE_DIR"])


def sniff_type(data: bytes) -> str | None:
    """The content type the bytes really are (JPEG, PNG, GIF, WebP, HEIC or PDF), or None."""
    for signature, content_type in SIGNATURES:
        if data.startswith(signature):
            return content_type
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[4:8] == b"ftyp" and data[8:12] in (b"heic", b"heix", b"mif1", b"msf1"):
        return "image/heic"  # iPhone camera photos
    return None


def check_upload(upload: Upload, field: str = "evidence") -> str:
    """The upload's real content type, or ValidationFailed saying what is wrong in plain words."""
    limit = current_app.config["EVIDENCE_MAX_BYTES"]
    if not upload.data:
        raise ValidationFailed({field: _("文件是空的，请重新选择。")})
    if len(upload.data) > limit:
        raise ValidationFailed({field: _("文件太大：每个文件不能超过 %(mb)d MB。可以压缩照片后再上传。", mb=limit // (1024 * 1024))})
    content_type = sniff_type(upload.data)
    if content_type is None:
        raise ValidationFailed({field: _("只能上传照片（JPG、PNG、HEIC、WebP、GIF）或 PDF 文件。")})
    return content_type


def add_evidence(case: Case, upload: Upload, by: User | None, *, commit: bool = True) -> Evidence:
    """Store the file, then add its row: if the disk refuses, no row is written."""
    content_type = check_upload(upload)
    count = db.session.scalar(sa.select(sa.func.count(Evidence.id)).where(Evidence.case_id == case.id)) or 0
    if count >= MAX_FILES_PER_CASE:
        raise ValidationFailed({"evidence": _("每个案件最多上传 %(n)d 个文件。", n=MAX_FILES_PER_CASE)})
    try:
        digest = evidence_store().put(upload.data)
    except OSError:
        current_app.logger.exception("evidence store refused a file for case %s", case.case_no)
        raise ValidationFailed({"evidence": _("服务器暂时无法保存文件（存储空间不足或故障），请稍后再试。已提交的其他内容没有丢失。")}) from None
    existing = db.session.scalar(sa.select(Evidence).where(Evidence.case_id == case.id, Evidence.sha256 == digest))
    if existing is not None:
        return existing
    evidence = Evidence(case_id=case.id, sha256=digest, original_name=safe_filename(upload.filename),
                        content_type=content_type, size=len(upload.data), uploaded_by=by,
                        description=(upload.description or "").strip()[:500] or None)
    db.session.add(evidence)
    case.record_change()
    if commit:
        db.session.commit()
    return evidence


def safe_filename(name: str | None) -> str:
    """A display name without paths or control characters (never used to store the file)."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C").strip()
    return cleaned[:200] or "evidence"

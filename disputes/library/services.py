"""Operations on the library: import, export and editing drafts (publishing lives in disputes/publication/).

Each writes the rows and bumps the library generation in one transaction, then updates the
search index in the same request.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

import sqlalchemy as sa
from flask_babel import gettext as _

from casebase import RecordInvalid, TypicalCaseRecord, dump_library, load_library, record_from_dict
from disputes.errors import Conflict, NotFound, ValidationFailed
from disputes.extensions import db
from disputes.library.index import bump_generation, sync_index
from disputes.library.records import record_dict, record_of, row_values
from disputes.models import TypicalCase, User, utcnow


@dataclass(frozen=True)
class ImportReport:
    added: int
    updated: int
    unchanged: int


def import_records(records: Iterable[TypicalCaseRecord]) -> ImportReport:
    """Insert or update cases by id, keeping each record's status; one transaction for the lot."""
    added = updated = unchanged = 0
    touched = []
    for record in records:
        row = db.session.get(TypicalCase, record.id)
        values = row_values(record) | {"status": record.status}
        if row is None:
            row = TypicalCase(id=record.id, **values)
            row.published_at = utcnow() if record.status == "published" else None
            db.session.add(row)
            added += 1
        elif record_dict(row) == record.to_dict():
            unchanged += 1
            continue
        else:
            for name, value in values.items():
                setattr(row, name, value)
            updated += 1
        touched.append(record.id)
    if touched:
        bump_generation()
    db.session.commit()
    sync_index(touched)
    return ImportReport(added, updated, unchanged)


def import_file(path: str | Path | None = None) -> ImportReport:
    """Validate a library file completely (RecordInvalid lists every problem), then import it."""
    return import_records(load_library(path))


def export_file(path: str | Path) -> int:
    """Write every draft and published case to a JSON file that import_file reads back unchanged."""
    rows = db.session.scalars(sa.select(TypicalCase).where(TypicalCase.status != "withdrawn").order_by(TypicalCase.id))
    records = [record_of(row) for row in rows]
    dump_library(records, path)
    return len(records)


def case_or_404(case_id: str) -> TypicalCase:
    row = db.session.get(TypicalCase, case_id)
    if row is None:
        raise NotFound(_("没有找到该案例。"))
    return row


def save_draft(data: Mapping[str, Any], editor: User, *, case_id: str | None = None,
               expected_version: int | None = None) -> TypicalCase:
    """Create or edit a draft from the editor's fields (validated as a library record)."""
    record = parse_record(dict(data, status="draft", id=case_id or data.get("id")))
    row = db.session.get(TypicalCase, record.id)
    if case_id is None and row is not None:
        raise ValidationFailed({"id": _("该编号已被使用。")})
    if row is None:
        row = TypicalCase(id=record.id, status="draft")
        db.session.add(row)
    elif expected_version is not None and expected_version != row.version:
        raise Conflict(_("该案例已被他人修改，请刷新后重试。"), version=row.version)
    for name, value in row_values(record).items():
        setattr(row, name, value)
    row.updated_by = editor
    bump_generation()
    db.session.commit()
    sync_index([row.id])
    return row


def parse_record(data: Mapping[str, Any]) -> TypicalCaseRecord:
    """A casebase record, or ValidationFailed with casebase's field messages."""
    try:
        return record_from_dict(data)
    except RecordInvalid as invalid:
        raise ValidationFailed(invalid.errors) from None

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
from casebase.records import Nearest, Problem, curate, nearest_case
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
    # Curation: records not imported (fiction, duplicates) and published records imported as drafts
    # (no source URL or year), each with its problems.
    refused: tuple[str, ...] = ()
    held: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()

    def summary(self) -> str:
        return (f"added {self.added}, updated {self.updated}, unchanged {self.unchanged}, "
                f"kept as drafts {len(self.held)}, refused {len(self.refused)}")

    def problem_lines(self) -> list[str]:
        """One block per record: its id, then each problem and what the import did about it."""
        done = {"refuse": "not imported", "hold": "imported as a draft", "note": "imported"}
        lines = []
        for record_id, problems in self.problems_by_record().items():
            lines.append(f"{record_id}:")
            lines += [f"  {problem.code} ({done[problem.action]}): {problem.message}" for problem in problems]
        return lines

    def problems_by_record(self) -> dict[str, list[Problem]]:
        grouped: dict[str, list[Problem]] = {}
        for problem in self.problems:
            grouped.setdefault(problem.record_id, []).append(problem)
        return grouped


def import_records(records: Iterable[TypicalCaseRecord]) -> ImportReport:
    """Insert or update cases by id after the curation checks, in one transaction for the lot.

    Refused records (fiction, a case the library already holds under another id) are left out; a
    published record without a source URL or year is stored as a draft, never published.
    """
    records = list(records)
    stored = [record_of(row) for row in db.session.scalars(sa.select(TypicalCase).where(TypicalCase.status != "withdrawn"))]
    problems = curate(records, existing=stored)
    refused = {p.record_id for p in problems if p.action == "refuse"}
    held = {p.record_id for p in problems if p.action == "hold"} - refused
    added = updated = unchanged = 0
    touched = []
    for record in records:
        if record.id in refused:
            continue
        row = db.session.get(TypicalCase, record.id)
        # An own case imported without its closed case (another library, a fresh database) has no
        # source to show: it waits as a draft like a case without a URL.
        orphan = record.source.own_case and not record.source.url and (row is None or row.from_case_id is None)
        status = "draft" if record.published and (record.id in held or orphan) else record.status
        values = row_values(record) | {"status": status}
        if row is None:
            row = TypicalCase(id=record.id, **values)
            row.published_at = utcnow() if status == "published" else None
            db.session.add(row)
            added += 1
        elif record_dict(row) == dict(record.to_dict(), status="published" if status == "published" else "draft"):
            unchanged += 1
            continue
        else:
            for name, value in values.items():
                setattr(row, name, value)
            if status == "published" and row.published_at is None:
                row.published_at = utcnow()
            updated += 1
        touched.append(record.id)
    if touched:
        bump_generation()
    db.session.commit()
    sync_index(touched)
    return ImportReport(added, updated, unchanged, refused=tuple(sorted(refused)), held=tuple(sorted(held)),
                        problems=tuple(problems))


def import_file(path: str | Path | None = None) -> ImportReport:
    """Validate a library file or folder completely (RecordInvalid lists every problem), then import
    it with the curation checks (default: the collection, casebase/data/collection/)."""
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


def nearest_stored_case(facts: str, *, exclude_id: str | None = None) -> tuple[TypicalCase, Nearest] | None:
    """The stored case (draft or published) whose facts are most like these, for the reviewer's
    side-by-side; None when the library is empty or the facts are blank."""
    if not facts.strip():
        return None
    rows = db.session.execute(sa.select(TypicalCase.id, TypicalCase.facts).where(TypicalCase.status != "withdrawn")).all()
    near = nearest_case(facts, ((row.id, row.facts) for row in rows), exclude_id=exclude_id)
    if near is None:
        return None
    return db.session.get(TypicalCase, near.id), near

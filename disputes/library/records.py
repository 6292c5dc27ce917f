"""Converting between stored typical cases and casebase records."""
from __future__ import annotations

from typing import Any

from casebase import TypicalCaseRecord, record_from_dict
from disputes.models import TypicalCase


def record_of(row: TypicalCase) -> TypicalCaseRecord:
    """The casebase record of a stored case (withdrawn cases read as drafts: they are not public)."""
    return record_from_dict(record_dict(row))


def record_dict(row: TypicalCase) -> dict[str, Any]:
    """The record's dict (schema version 2), as the API shows it and casebase validates it.

    A case drafted from one of this institution's closed cases (``from_case_id``) is marked
    ``own_case``: its source is the institution's file, not a public page.
    """
    return {
        "id": row.id, "title": row.title,
        "source": {"body": row.source_body, "release": row.source_release, "number": row.source_number,
                   "date": row.source_date, "date_note": row.source_date_note, "year": row.source_year,
                   "url": row.source_url, "also_reported_at": list(row.source_also_reported_at or []),
                   "illustrative": bool(row.illustrative), "own_case": row.from_case_id is not None},
        "region": row.region, "occupation": row.occupation, "arrangement": row.arrangement,
        "work_arrangement": row.work_arrangement,
        "respondent_kinds": list(row.respondent_kinds), "claims": list(row.claims), "facts": row.facts,
        "holding": row.holding, "reasoning": row.reasoning, "factors": dict(row.factors),
        "factor_evidence": dict(row.factor_evidence or {}),
        "outcome": row.outcome, "instances": [dict(item) for item in row.instances or []],
        "status": "published" if row.status == "published" else "draft",
        "statutes": list(row.statutes),
    }


def row_values(record: TypicalCaseRecord) -> dict[str, Any]:
    """Column values for a record (everything but the status, which the services decide)."""
    source = record.source
    return {
        "title": record.title, "source_body": source.body, "source_release": source.release,
        "source_year": source.year, "source_number": source.number, "source_date": source.date,
        "source_date_note": source.date_note, "source_url": source.url,
        "source_also_reported_at": list(source.also_reported_at),
        "illustrative": source.illustrative, "region": record.region, "occupation": record.occupation,
        "arrangement": record.arrangement,
        "work_arrangement": record.work_arrangement, "respondent_kinds": list(record.respondent_kinds),
        "claims": list(record.claims), "facts": record.facts, "holding": record.holding,
        "reasoning": record.reasoning, "factors": dict(record.factors),
        "factor_evidence": dict(record.factor_evidence),
        "outcome": record.outcome, "instances": [instance.to_dict() for instance in record.instances],
        "statutes": list(record.statutes),
    }

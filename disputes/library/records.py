"""Converting between stored typical cases and casebase records."""
from __future__ import annotations

from typing import Any

from casebase import TypicalCaseRecord, record_from_dict
from disputes.models import TypicalCase


def record_of(row: TypicalCase) -> TypicalCaseRecord:
    """The casebase record of a stored case (withdrawn cases read as drafts: they are not public)."""
    return record_from_dict(record_dict(row))


def record_dict(row: TypicalCase) -> dict[str, Any]:
    return {
        "id": row.id, "title": row.title,
        "source": {"body": row.source_body, "release": row.source_release, "year": row.source_year,
                   "number": row.source_number, "illustrative": row.illustrative},
        "region": row.region, "occupation": row.occupation, "work_arrangement": row.work_arrangement,
        "respondent_kinds": list(row.respondent_kinds), "claims": list(row.claims), "facts": row.facts,
        "holding": row.holding, "reasoning": row.reasoning, "factors": dict(row.factors),
        "outcome": row.outcome, "status": "published" if row.status == "published" else "draft",
        "statutes": list(row.statutes),
    }


def row_values(record: TypicalCaseRecord) -> dict[str, Any]:
    """Column values for a record (everything but the status, which the services decide)."""
    return {
        "title": record.title, "source_body": record.source.body, "source_release": record.source.release,
        "source_year": record.source.year, "source_number": record.source.number,
        "illustrative": record.source.illustrative, "region": record.region, "occupation": record.occupation,
        "work_arrangement": record.work_arrangement, "respondent_kinds": list(record.respondent_kinds),
        "claims": list(record.claims), "facts": record.facts, "holding": record.holding,
        "reasoning": record.reasoning, "factors": dict(record.factors), "outcome": record.outcome,
        "statutes": list(record.statutes),
    }

"""The editor form: from posted fields to a library record's dict, and back for display."""
from __future__ import annotations

import re
from typing import Any

from casebase import FACTOR_KEYS
from disputes.library.records import record_dict
from disputes.models import TypicalCase
from disputes.validation import whole_number

FACTOR_VALUES = {"true": True, "false": False, "": None}


def editor_defaults(row: TypicalCase | None) -> dict[str, Any]:
    if row is not None:
        return record_dict(row)
    return {"id": "", "title": "", "source": {"body": "", "release": "", "year": "", "number": "", "illustrative": False},
            "region": "", "occupation": "", "work_arrangement": "", "respondent_kinds": [], "claims": [],
            "facts": "", "holding": "", "reasoning": "", "factors": {key: None for key in FACTOR_KEYS},
            "outcome": "", "statutes": []}


def editor_data_from_form(form) -> dict[str, Any]:
    """The record dict the posted editor fields describe (validation is the service's job)."""
    year = (form.get("source_year") or "").strip()
    return {
        "id": (form.get("id") or "").strip(),
        "title": form.get("title", "").strip(),
        "source": {"body": form.get("source_body", "").strip(), "release": form.get("source_release", "").strip(),
                   "year": whole_number(year) if whole_number(year) is not None else year, "number": form.get("source_number", "").strip() or None,
                   "illustrative": form.get("illustrative") == "y"},
        "region": form.get("region") or None,
        "occupation": form.get("occupation", ""),
        "work_arrangement": form.get("work_arrangement", "").strip(),
        "respondent_kinds": form.getlist("respondent_kinds"),
        "claims": form.getlist("claims"),
        "facts": form.get("facts", "").strip(),
        "holding": form.get("holding", "").strip(),
        "reasoning": form.get("reasoning", "").strip(),
        "factors": {key: FACTOR_VALUES.get(form.get(f"factor_{key}", ""), None) for key in FACTOR_KEYS},
        "outcome": form.get("outcome", ""),
        "statutes": [line.strip() for line in re.split(r"[\r\n]+", form.get("statutes", "")) if line.strip()],
    }

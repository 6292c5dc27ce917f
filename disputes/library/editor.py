"""The editor form: from posted fields to a library record's dict, and back for display."""
from __future__ import annotations

import re
from typing import Any

from casebase import FACTOR_KEYS
from casebase.records import DUPLICATE_SIMILARITY
from disputes.library.records import record_dict
from disputes.models import TypicalCase
from disputes.validation import whole_number

FACTOR_VALUES = {"true": True, "false": False, "": None}
# Rows of the instances table the form shows: the recorded ones and at least this many in all.
INSTANCE_ROWS = 3


class EditorData(dict):
    """The record dict the form shows, plus what the reviewer compares it with.

    ``nearest`` (looked up once, when the page asks): the stored case whose facts are most like these,
    as ``(row, Nearest)``, or None. It is not a key, so the dict stays a record's dict.
    """

    _nearest: Any = ...

    @property
    def nearest(self):
        if self._nearest is ...:
            from disputes.library.services import nearest_stored_case

            self._nearest = nearest_stored_case(self.get("facts") or "", exclude_id=self.get("id") or None)
        return self._nearest

    @property
    def duplicate_limit(self) -> float:
        return DUPLICATE_SIMILARITY

    def instance_rows(self) -> list[dict[str, Any]]:
        """The recorded instances and empty rows after them, for the form."""
        rows = list(self.get("instances") or [])
        empty = {"level": "", "court_or_body": "", "number": "", "result": ""}
        return rows + [dict(empty) for _ in range(max(INSTANCE_ROWS - len(rows), 1))]


def editor_defaults(row: TypicalCase | None) -> EditorData:
    if row is not None:
        return EditorData(record_dict(row))
    return EditorData({
        "id": "", "title": "",
        "source": {"body": "", "release": "", "number": None, "date": None, "date_note": None, "year": None,
                   "url": None, "also_reported_at": [], "illustrative": False, "own_case": False},
        "region": "", "occupation": "", "arrangement": None, "work_arrangement": "", "respondent_kinds": [],
        "claims": [], "facts": "", "holding": "", "reasoning": "", "factors": {key: None for key in FACTOR_KEYS},
        "factor_evidence": {}, "outcome": "", "instances": [], "statutes": [],
    })


def editor_data_from_form(form) -> EditorData:
    """The record dict the posted editor fields describe (validation is the service's job)."""
    year = (form.get("source_year") or "").strip()
    factors = {key: FACTOR_VALUES.get(form.get(f"factor_{key}", ""), None) for key in FACTOR_KEYS}
    evidence = {key: text for key in FACTOR_KEYS if (text := form.get(f"evidence_{key}", "").strip())}
    return EditorData({
        "id": (form.get("id") or "").strip(),
        "title": form.get("title", "").strip(),
        "source": {"body": form.get("source_body", "").strip(), "release": form.get("source_release", "").strip(),
                   "number": form.get("source_number", "").strip() or None,
                   "date": form.get("source_date", "").strip() or None,
                   "date_note": form.get("source_date_note", "").strip() or None,
                   "year": (whole_number(year) if whole_number(year) is not None else year) if year else None,
                   "url": form.get("source_url", "").strip() or None,
                   "also_reported_at": _lines(form.get("source_also_reported_at", "")),
                   "illustrative": False, "own_case": False},
        "region": form.get("region") or None,
        "occupation": form.get("occupation", ""),
        "arrangement": form.get("arrangement") or None,
        "work_arrangement": form.get("work_arrangement", "").strip(),
        "respondent_kinds": form.getlist("respondent_kinds"),
        "claims": form.getlist("claims"),
        "facts": form.get("facts", "").strip(),
        "holding": form.get("holding", "").strip(),
        "reasoning": form.get("reasoning", "").strip(),
        "factors": factors,
        "factor_evidence": evidence,
        "outcome": form.get("outcome", ""),
        "instances": _instances(form),
        "statutes": _lines(form.get("statutes", "")),
    })


def _lines(text: str) -> list[str]:
    return [line.strip() for line in re.split(r"[\r\n]+", text) if line.strip()]


def _instances(form) -> list[dict[str, Any]]:
    """The filled rows of the instances table (a row with every field blank is left out)."""
    rows = []
    for index in range(20):
        fields = {name: form.get(f"instance_{index}_{name}", "").strip()
                  for name in ("level", "court_or_body", "number", "result")}
        if f"instance_{index}_level" not in form:
            break
        if any(fields.values()):
            rows.append(fields | {"number": fields["number"] or None})
    return rows

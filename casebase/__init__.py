"""The typical-case library (典型案例库) as a plain Python library: record schema, Chinese full-text
search with facets, snippets and similar cases. No Flask, no database: callers pass records and paths.

Front door — what the application may use:
- records: ``TypicalCaseRecord``, ``Source``, ``record_from_dict``, ``load_library``,
  ``dump_library``, ``RecordInvalid`` and the fixed keys (``FACTOR_KEYS``, ``OCCUPATIONS``,
  ``OUTCOMES``, ``CLAIM_KINDS``, ``RESPONDENT_KINDS``, ``PROVINCES``);
- assessment: ``assess``, ``Assessment``, ``AssessmentInputInvalid``, ``CATEGORY_LABELS``,
  ``extract_factors``, ``find_managing_party``;
- anonymisation: ``anonymize``, ``anonymize_many``, ``detect``, ``leak_check``, ``leaks``, ``KnownParty``;
- search: ``open_engine(name, index_dir)``, ``ENGINES``, ``SearchQuery``, ``SearchResult``, ``Hit``,
  ``SearchEngine``, ``IndexUnavailable``, ``IndexBusy``.
"""

from .anonymize import (
    AnonymizedText, Finding, KnownParty, Replacement, anonymize, anonymize_many, detect, leak_check, leaks,
)
from .assess import CATEGORY_LABELS, Assessment, AssessmentInputInvalid, assess
from .engines.base import (
    FACETS,
    FILTER_KEYS,
    Hit,
    IndexBusy,
    IndexUnavailable,
    SearchEngine,
    SearchQuery,
    SearchResult,
)
from .factors import extract_factors
from .managing_party import find_managing_party
from .records import (
    CLAIM_KINDS,
    FACTOR_KEYS,
    OCCUPATIONS,
    OUTCOMES,
    PROVINCES,
    RESPONDENT_KINDS,
    STATUSES,
    RecordInvalid,
    Source,
    TypicalCaseRecord,
    dump_library,
    load_library,
    record_from_dict,
)
from .search import DEFAULT_ENGINE, ENGINES, open_engine

__all__ = [
    "AnonymizedText", "Finding", "KnownParty", "Replacement", "anonymize", "anonymize_many", "detect", "leak_check",
    "leaks",
    "CATEGORY_LABELS", "Assessment", "AssessmentInputInvalid", "assess", "extract_factors", "find_managing_party",
    "CLAIM_KINDS", "DEFAULT_ENGINE", "ENGINES", "FACETS", "FACTOR_KEYS", "FILTER_KEYS", "OCCUPATIONS",
    "OUTCOMES", "PROVINCES", "RESPONDENT_KINDS", "STATUSES",
    "Hit", "IndexBusy", "IndexUnavailable", "RecordInvalid", "SearchEngine", "SearchQuery",
    "SearchResult", "Source", "TypicalCaseRecord",
    "dump_library", "load_library", "open_engine", "record_from_dict",
]

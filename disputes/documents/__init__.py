"""PDF documents of a case: notices, agreements, certificates, applications, referrals, summaries.

Framework-free: the application turns its models into a ``DocumentContext`` and calls
``render_document``. Everything else in this package is private to it.
"""

from .amounts import amount_in_words
from .context import (
    AgreementInfo,
    AssessmentInfo,
    ClaimInfo,
    DeadlineInfo,
    DocumentContext,
    EvidenceInfo,
    FinalAwardBasis,
    LegalAidInfo,
    MediationFailureInfo,
    PartyInfo,
    TimelineEntry,
)
from .fonts import FontChoice, FontMissing, resolve_font
from .kinds import DOCUMENT_KINDS, DocumentNotAvailable
from .numbering import document_number
from .render import render_document

__all__ = [
    "DOCUMENT_KINDS",
    "AgreementInfo",
    "AssessmentInfo",
    "ClaimInfo",
    "DeadlineInfo",
    "DocumentContext",
    "DocumentNotAvailable",
    "EvidenceInfo",
    "FinalAwardBasis",
    "FontChoice",
    "FontMissing",
    "LegalAidInfo",
    "MediationFailureInfo",
    "PartyInfo",
    "TimelineEntry",
    "amount_in_words",
    "document_number",
    "render_document",
    "resolve_font",
]

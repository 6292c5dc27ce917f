"""The document kinds, in the order the UI lists them."""

from __future__ import annotations

from types import MappingProxyType

from . import (
    acceptance_notice,
    arbitration_application,
    case_summary,
    legal_aid_referral,
    mediation_agreement,
    mediation_failure,
    rejection_notice,
)
from .base import DocumentKind, DocumentNotAvailable

KINDS: MappingProxyType[str, DocumentKind] = MappingProxyType({
    module.KIND.key: module.KIND
    for module in (
        acceptance_notice,
        rejection_notice,
        mediation_agreement,
        mediation_failure,
        arbitration_application,
        legal_aid_referral,
        case_summary,
    )
})

# key -> {"zh": 受理通知书, "en": Acceptance notice}, read-only.
DOCUMENT_KINDS = MappingProxyType({
    key: MappingProxyType({"zh": kind.label_zh, "en": kind.label_en}) for key, kind in KINDS.items()
})


def kind_named(key: str) -> DocumentKind:
    """The kind registered under ``key``; ``ValueError`` for an unknown key."""
    try:
        return KINDS[key]
    except KeyError:
        raise ValueError(f"unknown document kind {key!r}; known: {', '.join(KINDS)}") from None


__all__ = ["DOCUMENT_KINDS", "KINDS", "DocumentKind", "DocumentNotAvailable", "kind_named"]

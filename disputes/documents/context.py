"""The plain data a document is rendered from.

The application fills these from the ORM; nothing here knows about Flask or SQLAlchemy.
Dates are already local calendar dates; amounts are ``Decimal`` yuan.
"""

from __future__ import annotations

import re
from dataclasses import KW_ONLY, dataclass, field
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class PartyInfo:
    """A worker (申请人) or a respondent company (被申请人).

    Workers use the personal fields, respondents the company fields; the rest stay ``None``.
    ``role_zh`` is e.g. 劳动者, 平台企业, 用工合作企业, 劳务派遣单位, 其他. The ID number and the
    phone are as the application holds them (complete for the commission's file, masked in a
    copy for the worker); every kind but the arbitration application masks them again
    (``shown_id_number``). ``occupation`` is a glossary key; ``work_unit`` the 工作单位 the
    application names.
    """

    name: str
    role_zh: str
    _: KW_ONLY
    id_number: str | None = None
    phone: str | None = None
    address: str | None = None
    gender_zh: str | None = None
    age: int | None = None
    born_on: date | None = None
    occupation: str | None = None
    work_unit: str | None = None
    credit_code: str | None = None
    legal_representative: str | None = None
    legal_representative_title: str | None = None


@dataclass(frozen=True)
class ClaimInfo:
    """One claim; ``kind`` is a claim key from the glossary (``wage_arrears`` …)."""

    kind: str
    label_zh: str
    amount: Decimal | None = None


@dataclass(frozen=True)
class DeadlineInfo:
    """A period running now; ``kind`` is a deadline key (``limitation`` …), ``basis`` the article."""

    kind: str
    label_zh: str
    due: date
    basis: str = ""


@dataclass(frozen=True)
class TimelineEntry:
    """One line of the case history."""

    at: date
    label_zh: str
    actor: str = ""
    note: str = ""


@dataclass(frozen=True)
class EvidenceInfo:
    """An uploaded evidence file, identified by its SHA-256 digest (hex)."""

    name: str
    sha256: str
    size: int


@dataclass(frozen=True)
class AssessmentInfo:
    """The labour-relationship assessment; ``confidence`` is a fraction from 0 to 1."""

    category_label_zh: str
    confidence: float
    explanation_zh: str


@dataclass(frozen=True)
class AgreementInfo:
    """The terms of a mediation agreement (调解协议)."""

    terms: str
    amount: Decimal
    pay_by: date


@dataclass(frozen=True)
class MediationFailureInfo:
    """Why and when mediation ended without agreement."""

    reason: str
    ended_on: date


@dataclass(frozen=True)
class LegalAidInfo:
    """A referral to a legal-aid centre; ``needs`` lists what the centre asks the worker for."""

    reason_zh: str
    centre_name: str
    urgent: bool = False
    needs: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class FinalAwardBasis:
    """What the final-award line of an award rests on (cases/wages.py records it with the award)."""

    monthly: Decimal
    tier: str | None = None
    place: str | None = None
    effective_on: date | None = None
    source: str | None = None

    @property
    def threshold(self) -> Decimal:
        return (self.monthly * 12).quantize(Decimal("0.01"))


@dataclass(frozen=True, kw_only=True)
class DocumentContext:
    """Everything any document kind may print about one case."""

    case_no: str
    organisation_name: str
    issued_on: date
    document_no: str | None = None
    organisation_short: str | None = None
    organisation_kind: str = ""
    state_label_zh: str = ""
    workers: list[PartyInfo] = field(default_factory=list)
    respondents: list[PartyInfo] = field(default_factory=list)
    claims: list[ClaimInfo] = field(default_factory=list)
    facts: str = ""
    region_name: str = ""
    submitted_on: date | None = None
    accepted_on: date | None = None
    mediator_name: str | None = None
    arbitrator_name: str | None = None
    rejection_reason: str | None = None
    agreement: AgreementInfo | None = None
    mediation_failure: MediationFailureInfo | None = None
    deadlines: list[DeadlineInfo] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    evidence: list[EvidenceInfo] = field(default_factory=list)
    assessment: AssessmentInfo | None = None
    legal_aid: LegalAidInfo | None = None
    collective: bool = False
    final_award: bool | None = None
    # The award's minimum-wage line as recorded with it: monthly figure, tier, place, date, source.
    final_award_basis: FinalAwardBasis | None = None

    def deadline(self, kind: str) -> DeadlineInfo | None:
        """The running deadline of ``kind``, or ``None``."""
        return next((d for d in self.deadlines if d.kind == kind), None)

    def claimed_total(self) -> Decimal | None:
        """Sum of the claimed amounts, or ``None`` when no claim names an amount."""
        amounts = [c.amount for c in self.claims if c.amount is not None]
        return sum(amounts, Decimal(0)) if amounts else None


_FULL_ID = re.compile(r"^\d{17}[\dXx]$|^\d{15}$")
_FULL_PHONE = re.compile(r"^1\d{10}$")


def shown_id_number(value: str | None) -> str | None:
    """The ID number as printed: masked, whatever arrived, so that no document but the arbitration
    application (filed with the commission, 办案规则第二十九条) carries a complete one."""
    if value and _FULL_ID.match(value.strip()):
        value = value.strip()
        return value[:3] + "*" * (len(value) - 7) + value[-4:]
    return value


def shown_phone(value: str | None) -> str | None:
    """The phone number as printed, masked again if it arrived complete."""
    if value and _FULL_PHONE.match(value.strip()):
        value = value.strip()
        return value[:3] + "****" + value[-4:]
    return value

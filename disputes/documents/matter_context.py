"""The plain data a labour-inspection matter's documents are rendered from.

The application fills these from the matter and from workflows/inspection.py: every period,
figure and article arrives here already decided there, and is printed as it arrives (articles in
Chinese in both editions, as a case's own content is). Nothing here knows about Flask or SQLAlchemy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .context import ClaimInfo, DeadlineInfo, PartyInfo


@dataclass(frozen=True)
class PeriodInfo(DeadlineInfo):
    """A deadline of the inspection track (a workflows ``Deadline``) with its English label, its
    length in the unit workflows counts it in (``working_days``, ``days``, ``years``) and its note."""

    label_en: str = ""
    length: int = 0
    unit: str = "days"
    note: str = ""


@dataclass(frozen=True)
class InvestigationInfo:
    """条例第十七条 as workflows encodes it: the period from the opening, and the one extension."""

    period: PeriodInfo
    working_days: int
    extension_working_days: int
    extended: bool = False


@dataclass(frozen=True)
class DeclineInfo:
    """The decision not to accept a complaint: ``reason`` is the ground as recorded, with its article;
    ``periods`` those the decision was taken in (the acceptance decision, the two-year limit)."""

    decided_on: date
    reason: str
    department: str | None = None
    periods: list[PeriodInfo] = field(default_factory=list)


@dataclass(frozen=True)
class OwedInfo:
    """One worker's sum in an order to pay, as the order lists it."""

    worker: str
    amount: Decimal
    months: int = 0


@dataclass(frozen=True)
class PenaltyWarning:
    """A fine the order's addressee faces for ignoring it: the conduct, the range and the article."""

    ground_zh: str
    ground_en: str
    low: Decimal
    high: Decimal
    basis: str


@dataclass(frozen=True)
class TransferWarning:
    """Refusing to pay wages after an order to pay: the offence and the rules of its transfer to the police."""

    methods_zh: tuple[str, ...]
    methods_en: tuple[str, ...]
    law: str
    rules: str


@dataclass(frozen=True, kw_only=True)
class OrderInfo:
    """An order to rectify or to pay by a date, as the order_rectification event recorded it.

    ``instrument_zh``/``_en`` name the paper (限期整改指令书 or 行政处理决定书); ``basis`` is the
    violation's article as recorded; ``owed`` and ``amount`` are there for an order to pay.
    ``compensation_rates`` (an order to pay), ``penalty`` and ``transfer`` are what follows a missed
    date; ``statement_heard_on`` is when the employer was heard before a handling decision.
    """

    instrument_zh: str
    instrument_en: str
    ordered_on: date
    due_on: date
    basis: str
    owed: list[OwedInfo] = field(default_factory=list)
    amount: Decimal | None = None
    period: PeriodInfo | None = None
    compensation_rates: tuple[Decimal, Decimal] | None = None
    compensation_basis: str = ""
    penalty: PenaltyWarning | None = None
    transfer: TransferWarning | None = None
    statement_heard_on: date | None = None

    def title(self, lang: str) -> str:
        """The printed title: the instrument the inspector chose."""
        return self.instrument_zh if lang == "zh" else self.instrument_en


@dataclass(frozen=True, kw_only=True)
class MatterContext:
    """Everything an inspection matter's documents may print.

    ``complainant`` is the complaint's worker (``None`` for a report, whose reporter may be
    anonymous); ``employer`` the employer complained of or reported; ``claims`` the matters complained of.
    """

    matter_no: str
    organisation_name: str
    issued_on: date
    organisation_short: str | None = None
    channel: str = "complaint"
    complainant: str | None = None
    employer: PartyInfo
    place: str = ""
    received_on: date
    claims: list[ClaimInfo] = field(default_factory=list)
    accepted_on: date | None = None  # open_case: accepted and opened as a case the same day
    inspector_name: str | None = None
    linked_cases: list[str] = field(default_factory=list)
    investigation: InvestigationInfo | None = None
    decline: DeclineInfo | None = None
    order: OrderInfo | None = None

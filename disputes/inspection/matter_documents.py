"""An inspection matter's documents in the app: which exist at the matter's stage, what they print
(the matter's own data, and the periods, figures and articles workflows/inspection.py states), and
their PDF. Each document is dated by the event that calls for it, so it reads the same every time."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from flask import current_app
from flask_babel import gettext as _

from disputes.documents import ClaimInfo, DocumentNotAvailable, PartyInfo
from disputes.documents.matter_context import (
    DeclineInfo, InvestigationInfo, MatterContext, OrderInfo, OwedInfo, PenaltyWarning, PeriodInfo, TransferWarning,
)
from disputes.documents.matter_render import MATTER_DOCUMENT_KINDS, render_matter_document
from disputes.errors import Conflict, NotFound
from disputes.models import InspectionEvent, InspectionMatter, Region, User
from disputes.vocabulary import CLAIM_LABELS, in_language, label
from workflows import ACTOR_LABELS, Deadline
from workflows import inspection as track

# The event that calls for each document (and dates it).
STAGE_EVENTS = {"acceptance_notice": "open_case", "rejection_notice": "decline",
                "rectification_order": "order_rectification"}
# Addressed to the complainant: the written answer to a complaint (workflows records `written_notice`
# for a complaint only), so a report, and above all an anonymous one, has neither.
COMPLAINT_NOTICES = frozenset({"acceptance_notice", "rejection_notice"})


def document_refusal(matter: InspectionMatter, kind: str) -> str | None:
    """Why the matter has no document of this kind (yet), in the user's language; None if it has one."""
    if kind not in MATTER_DOCUMENT_KINDS:
        raise NotFound(_("没有这种文书。"))
    title = label(MATTER_DOCUMENT_KINDS, kind)
    if kind in COMPLAINT_NOTICES and matter.anonymous:
        return _("匿名举报不记录举报人，没有收件人，不出具“%(kind)s”。", kind=title)
    if kind in COMPLAINT_NOTICES and matter.channel != "complaint":
        return _("“%(kind)s”只发给投诉人，举报不出具。", kind=title)
    if kind == "rejection_notice" and _last(matter, "open_case") is not None:
        return _("该投诉已受理立案，不出具“%(kind)s”。", kind=title)
    if kind == "acceptance_notice" and _last(matter, "decline") is not None:
        return _("该投诉已决定不予受理，不出具“%(kind)s”。", kind=title)
    if _last(matter, STAGE_EVENTS[kind]) is None:
        return _("该事项目前为“%(state)s”，尚未到出具“%(kind)s”的阶段。",
                 state=label(track.STATE_LABELS, matter.state), kind=title)
    return None


def document_rows(matter: InspectionMatter) -> list[dict]:
    """The matter page's list: every kind, and either why it is not there or that it can be downloaded."""
    return [{"kind": kind, "title": label(MATTER_DOCUMENT_KINDS, kind), "refusal": document_refusal(matter, kind)}
            for kind in MATTER_DOCUMENT_KINDS]


def complainant_documents(matter: InspectionMatter) -> list[dict]:
    """What the complainant may download from the portal: the notice answering the complaint, once it exists
    (the order is served on the employer and lists every worker's sum)."""
    return [row for row in document_rows(matter) if row["kind"] in COMPLAINT_NOTICES and not row["refusal"]]


def matter_pdf(matter: InspectionMatter, kind: str, language: str | None = None) -> bytes:
    """The document's PDF in `language` (else the matter's); Conflict when the matter has none of that kind."""
    refusal = document_refusal(matter, kind)
    if refusal:
        raise Conflict(refusal, state=matter.state)
    try:
        return render_matter_document(kind, matter_context(matter, kind), language=language or _language(matter),
                                      font_path=current_app.config["DISPUTES_PDF_FONT"])
    except DocumentNotAvailable as missing:
        raise Conflict(in_language(missing.reason_zh, missing.reason_en), state=matter.state) from None


def _language(matter: InspectionMatter) -> str:
    return "en" if matter.language == "en" else "zh"


def matter_context(matter: InspectionMatter, kind: str) -> MatterContext:
    """Everything the matter's documents print, issued by whoever fired the event of `kind`, on that day."""
    event = _last(matter, STAGE_EVENTS[kind])
    opened = _last(matter, "open_case")
    declined = _last(matter, "decline")
    ordered = _last(matter, "order_rectification")
    return MatterContext(
        matter_no=matter.matter_no,
        organisation_name=_issuer(matter, event),
        issued_on=event.occurred_on,
        channel=matter.channel,
        complainant=None if matter.anonymous else matter.complainant_name,
        employer=PartyInfo(matter.employer_name, "用人单位", credit_code=matter.employer_code),
        place=matter.place,
        received_on=matter.received_on,
        claims=[ClaimInfo(k, CLAIM_LABELS[k][0]) for k in matter.claim_kinds or () if k in CLAIM_LABELS],
        accepted_on=opened.occurred_on if opened else None,
        inspector_name=matter.inspector.display_name if matter.inspector else None,
        linked_cases=[link.case.case_no for link in matter.case_links],
        investigation=_investigation(matter) if opened else None,
        decline=_decline(matter, declined) if declined else None,
        order=_order(matter, ordered) if ordered else None,
    )


def _last(matter: InspectionMatter, event: str) -> InspectionEvent | None:
    return next((e for e in reversed(matter.history) if e.event == event), None)


def _issuer(matter: InspectionMatter, event: InspectionEvent) -> str:
    """The inspectorate of the inspector who decided; else the region's."""
    return issuing_inspectorate(event.actor, matter.region)


def issuing_inspectorate(actor: User | None, region: Region | None) -> str:
    """The inspectorate that issues a document: the one the deciding official belongs to, else the
    region's, as workflows names it."""
    organisation = actor.organisation if actor is not None else None
    if organisation is not None and organisation.kind == "labour_inspectorate":
        return organisation.name
    return f"{region.name_zh if region is not None else ''}{ACTOR_LABELS['inspectorate']['zh']}"


def _period(deadline: Deadline, *, with_note: bool = True) -> PeriodInfo:
    return PeriodInfo(deadline.kind, deadline.label_zh, deadline.due, deadline.basis, label_en=deadline.label_en,
                      length=deadline.length, unit=deadline.unit, note=(deadline.note or "") if with_note else "")


def _investigation(matter: InspectionMatter) -> InvestigationInfo:
    """条例第十七条: the period from the opening, the extension it allows and whether it was granted."""
    return InvestigationInfo(_period(track.investigation_deadline(matter)), track.INVESTIGATION_WORKING_DAYS,
                             track.INVESTIGATION_EXTENSION_WORKING_DAYS, track.investigation_extended(matter))


def _decline(matter: InspectionMatter, event: InspectionEvent) -> DeclineInfo:
    """The ground as recorded; the acceptance period it was decided in and, for a late complaint, the two years."""
    periods = [track.acceptance_deadline(matter)]
    if event.data.get("reason") == "time_barred":
        periods.append(track.violation_limit_deadline(matter))
    return DeclineInfo(event.occurred_on, event.data["basis"], event.data.get("department"),
                       [_period(d) for d in periods if d is not None])


def _order(matter: InspectionMatter, event: InspectionEvent) -> OrderInfo:
    """The order as recorded, and what workflows attaches to its date passing: for an order to pay the
    compensation of 条例第二十六条 and the transfer of a refusal to pay; for any order the fine of 第三十条."""
    data = event.data
    pay = "owed" in data  # workflows lists the sums owed for an order to pay, and only then
    deadline = track.order_deadline(matter)
    instrument = track.ORDER_INSTRUMENTS[data["instrument"]]
    low, high, _per_worker = track.PENALTY_RANGES["art30"]
    ignored = track.ART30_GROUNDS["ignored_order"]
    return OrderInfo(
        instrument_zh=instrument["zh"], instrument_en=instrument["en"], ordered_on=event.occurred_on,
        due_on=date.fromisoformat(data["due_on"]), basis=data["basis"],
        owed=[OwedInfo(o["worker"], Decimal(o["amount"]), o.get("months") or 0) for o in data.get("owed", ())],
        amount=Decimal(data["amount"]) if pay else None,
        period=_period(deadline, with_note=False) if deadline is not None else None,
        compensation_rates=track.COMPENSATION_RATE_RANGE if pay else None,
        compensation_basis=deadline.basis if pay and deadline is not None else "",
        penalty=PenaltyWarning(ignored["zh"], ignored["en"], low, high, track.PENALTY_BASES["art30"]),
        transfer=TransferWarning(tuple(m["zh"] for m in track.TRANSFER_METHODS.values()),
                                 tuple(m["en"] for m in track.TRANSFER_METHODS.values()),
                                 track.CRIMINAL_LAW, track.TRANSFER_RULES) if pay else None,
        statement_heard_on=_statement_heard_on(matter, event) if data["instrument"] == "handling_decision" else None,
    )


def _statement_heard_on(matter: InspectionMatter, order: InspectionEvent) -> date | None:
    """The day the employer was told and heard before the handling decision (the last hearing before it)."""
    heard = next((e for e in reversed(matter.history) if e.event == "hear_statement" and e.seq < order.seq), None)
    if heard is None:
        return None
    notified = heard.data.get("notified_on")
    return date.fromisoformat(notified) if notified else heard.occurred_on

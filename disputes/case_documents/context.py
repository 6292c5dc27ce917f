"""Filling a DocumentContext from a case: the documents print the case's own facts, masked."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from disputes.cases.presenters import worker_history
from disputes.vocabulary import deadline_label, event_label, state_label
from disputes.documents import (
    AgreementInfo, ClaimInfo, DeadlineInfo, DocumentContext, EvidenceInfo, FinalAwardBasis, LegalAidInfo,
    MediationFailureInfo, PartyInfo, TimelineEntry,
)
from disputes.masking import mask_id_number, mask_phone
from disputes.models import Case, Worker
from disputes.validation import resident_id_particulars
from disputes.vocabulary import CLAIM_LABELS, RESPONDENT_KIND_LABELS
from workflows import deadlines, legal_aid_urgency

LEGAL_AID_NEEDS = (
    "劳动者身份证件",
    "经济困难状况说明（进城务工人员追索劳动报酬或工伤赔偿的免予审查，《法律援助法》第四十二条）",
    "与争议有关的证据材料（接单记录、工资流水、处罚记录、聊天截图等）",
)


def document_context(case: Case, today: date, *, for_worker: bool = False) -> DocumentContext:
    """Everything any document kind may print about this case, as of today.

    `for_worker`: the copy the worker downloads, as the portal's status page shows the case: the
    history's worker-facing events only, without who on the staff acted and without staff notes.
    """
    organisation = case.organisation
    if for_worker:
        timeline = [TimelineEntry(h.occurred_on, event_label(h.event)) for h in worker_history(case)]
    else:
        timeline = [TimelineEntry(h.occurred_on, event_label(h.event), h.actor.display_name if h.actor else "",
                                  h.note or "") for h in case.history]
    running = deadlines(case, today=today)
    return DocumentContext(
        case_no=case.case_no,
        organisation_name=organisation.name if organisation else "劳动人事争议调解组织",
        organisation_kind=organisation.kind if organisation else "",
        issued_on=today,
        state_label_zh=state_label(case.state),
        workers=[_worker(w, case, today, masked=for_worker) for w in case.workers],
        respondents=[PartyInfo(r.name, RESPONDENT_KIND_LABELS[r.kind][0], credit_code=r.credit_code, address=r.address,
                               legal_representative=r.legal_representative,
                               legal_representative_title=r.legal_representative_title)
                     for r in case.respondents],
        claims=[ClaimInfo(c.kind, CLAIM_LABELS[c.kind][0], c.amount) for c in case.claims],
        facts=case.facts,
        region_name=case.region.name_zh if case.region else "",
        submitted_on=case.submitted_on,
        accepted_on=_first_on(case, "accept"),
        mediator_name=case.mediator.display_name if case.mediator else None,
        arbitrator_name=case.arbitrator.display_name if case.arbitrator else None,
        rejection_reason=_last_data(case, "decline").get("reason"),
        agreement=_agreement(case),
        mediation_failure=_mediation_failure(case, with_notes=not for_worker),
        deadlines=[DeadlineInfo(d.kind, deadline_label(d.kind), d.due, d.basis) for d in running],
        timeline=timeline,
        evidence=[EvidenceInfo(e.original_name, e.sha256, e.size) for e in case.evidence],
        legal_aid=_legal_aid(case, running, today, with_notes=not for_worker),
        collective=case.collective,
        final_award=case.final_award,
        final_award_basis=_final_award_basis(case),
    )


def _worker(worker: Worker, case: Case, today: date, *, masked: bool) -> PartyInfo:
    """The worker's particulars; gender and birth date as the ID number states them. The ID number
    and phone are complete for the staff's documents (only the arbitration application prints them
    so) and masked in the worker's own copy, which is reached with a case number and a code alone."""
    stated = resident_id_particulars(worker.id_number)
    born_on, gender = stated if stated else (None, None)
    employer = case.respondents[0].name if case.respondents else None
    return PartyInfo(
        worker.name, "劳动者",
        id_number=mask_id_number(worker.id_number) if masked else worker.id_number,
        phone=mask_phone(worker.phone) if masked else worker.phone,
        address=worker.address, gender_zh=gender, born_on=born_on, age=_age_on(born_on, today),
        occupation=worker.occupation, work_unit=employer,
    )


def _age_on(born_on: date | None, today: date) -> int | None:
    if born_on is None:
        return None
    return today.year - born_on.year - ((today.month, today.day) < (born_on.month, born_on.day))


def _final_award_basis(case: Case) -> FinalAwardBasis | None:
    recorded = _last_data(case, "render_award").get("minimum_wage_basis")
    if not isinstance(recorded, dict) or not recorded.get("monthly"):
        return None
    try:
        monthly = Decimal(str(recorded["monthly"]))
        effective_on = date.fromisoformat(recorded["effective_on"]) if recorded.get("effective_on") else None
    except (ArithmeticError, ValueError, TypeError):  # a record written by hand: the summary still prints
        return None
    return FinalAwardBasis(monthly, recorded.get("tier"), recorded.get("place"), effective_on, recorded.get("source"))


def _last(case: Case, event: str):
    return next((h for h in reversed(case.history) if h.event == event), None)


def _last_data(case: Case, event: str) -> dict:
    found = _last(case, event)
    return dict(found.data or {}) if found else {}


def _first_on(case: Case, event: str) -> date | None:
    found = next((h for h in case.history if h.event == event), None)
    return found.occurred_on if found else None


def _agreement(case: Case) -> AgreementInfo | None:
    found = _last(case, "arbitral_mediation") or _last(case, "mediation_succeeded")
    if found is None:
        return None
    from decimal import Decimal

    return AgreementInfo(found.data["terms"], Decimal(found.data["amount"]), date.fromisoformat(found.data["pay_by"]))


def _mediation_failure(case: Case, *, with_notes: bool = True) -> MediationFailureInfo | None:
    found = _last(case, "mediation_failed")
    if found is None:
        return None
    note = found.note if with_notes else None
    return MediationFailureInfo((found.data or {}).get("reason") or note or "双方未能达成调解协议", found.occurred_on)


def _legal_aid(case: Case, running, today: date, *, with_notes: bool = True) -> LegalAidInfo | None:
    found = _last(case, "refer_legal_aid")
    if found is None:
        return None
    # 《法律援助法》第四十四条, decided once in workflows (the same rule the deadline list shows).
    urgent = bool(legal_aid_urgency(case, today, running))
    centre = "法律援助中心"
    note = found.note if with_notes else None
    return LegalAidInfo((found.data or {}).get("reason") or note or "劳动者申请法律援助", centre, urgent,
                        list(LEGAL_AID_NEEDS))

"""案件摘要: one case on paper for the file: parties, claims, history, deadlines, assessment."""

from __future__ import annotations

from reportlab.platypus import Flowable

from ..amounts import amount_in_figures, amount_in_words
from ..context import AssessmentInfo, DocumentContext, LegalAidInfo, shown_id_number, shown_phone
from ..layout import Sheet
from ..phrases import Words
from . import sections as part
from .base import DocumentKind

KEY = "case_summary"


def build(ctx: DocumentContext, s: Sheet, w: Words) -> list[Flowable]:
    """Every section the case has data for; a section without data is left out."""
    heading = part.Headings(s, w)
    body: list[Flowable] = [heading("h_overview"), _overview(ctx, s, w)]
    if ctx.workers or ctx.respondents:
        body += [heading("h_parties"), _parties(ctx, s, w)]
    if ctx.claims:
        body += [heading("h_claims"), part.claims_table(ctx, s, w)]
        total = part.total_line(ctx, w)
        if total:
            body += [s.gap(4), s.line(total)]
    if ctx.facts.strip():
        body += [heading("h_facts"), *s.paras(ctx.facts)]
    if ctx.timeline:
        body += [heading("h_timeline"), part.timeline_table(ctx, s, w)]
    if ctx.deadlines:
        body += [heading("h_deadlines"), part.deadlines_table(ctx, s, w, days_left=True)]
    if ctx.assessment:
        body += [heading("h_assessment"), *_assessment(ctx.assessment, s, w)]
    outcome = _outcome(ctx, w)
    if outcome:
        body += [heading("h_outcome"), s.fields(outcome)]
    if ctx.legal_aid:
        body += [heading("h_legal_aid"), _legal_aid(ctx, ctx.legal_aid, s, w)]
    if ctx.evidence:
        body += [heading("h_evidence"), part.evidence_table(ctx, s, w)]
    return body


def _overview(ctx: DocumentContext, s: Sheet, w: Words) -> Flowable:
    return s.fields([
        (w("case_no"), ctx.case_no),
        (w("state"), w.value(ctx.state_label_zh)),
        (w("organisation"), ctx.organisation_name),
        (w("region"), w.value(ctx.region_name)),
        (w("submitted_on"), w.date(ctx.submitted_on)),
        (w("accepted_on"), w.date(ctx.accepted_on)),
        (w("mediator"), w.value(ctx.mediator_name)),
        (w("arbitrator"), w.value(ctx.arbitrator_name)),
        (w("collective"), w.yes_no(ctx.collective)),
        (w("final_award"), w.yes_no(ctx.final_award)),
        *([(w("final_award_basis"), _final_award_line(ctx.final_award_basis, w))] if ctx.final_award_basis else []),
    ])


def _final_award_line(basis, w: Words) -> str:
    line = w("final_award_line", monthly=amount_in_figures(basis.monthly), threshold=amount_in_figures(basis.threshold))
    details = [part for part in (basis.tier, basis.place, basis.source,
                                 w.date(basis.effective_on) if basis.effective_on else None) if part]
    return line + (f"（{'，'.join(details)}）" if w.zh else f" ({'; '.join(details)})") if details else line


def _parties(ctx: DocumentContext, s: Sheet, w: Words) -> Flowable:
    rows = [[w.role(p), p.name, w.value(shown_id_number(p.id_number)),
             w.value(shown_phone(p.phone)), w.value(p.address)] for p in ctx.workers]
    rows += [[w.role(p), p.name, w.value(p.credit_code), w("none"), w.value(p.address)]
             for p in ctx.respondents]
    header = [w("party_role"), w("company_name"), w("party_id"), w("phone"), w("address")]
    return s.table(header, rows, (0.17, 0.17, 0.28, 0.17, 0.21))


def _assessment(assessment: AssessmentInfo, s: Sheet, w: Words) -> list[Flowable]:
    return [
        s.fields([
            (w("assessment_category"), assessment.category_label_zh),
            (w("assessment_confidence"), f"{assessment.confidence:.0%}"),
            (w("assessment_explanation"), w.value(assessment.explanation_zh)),
        ]),
        s.gap(4),
        s.line(w("assessment_disclaimer")),
    ]


def _outcome(ctx: DocumentContext, w: Words) -> list[tuple[str, str]]:
    rows = []
    if ctx.rejection_reason:
        rows.append((w("rejection_reason"), ctx.rejection_reason))
    if ctx.mediation_failure:
        rows += [(w("failure_reason"), ctx.mediation_failure.reason),
                 (w("ended_on"), w.date(ctx.mediation_failure.ended_on))]
    if ctx.agreement:
        agreement = ctx.agreement
        rows += [(w("agreement_terms"), agreement.terms),
                 (w("amount_figures"), amount_in_figures(agreement.amount)),
                 (w("amount_capitals"), amount_in_words(agreement.amount)),
                 (w("pay_by"), w("pay_by_value", date=w.date(agreement.pay_by)))]
    return rows


def _legal_aid(ctx: DocumentContext, aid: LegalAidInfo, s: Sheet, w: Words) -> Flowable:
    urgent = aid.urgent or part.nearest_urgent_deadline(ctx) is not None
    return s.fields([
        (w("aid_centre"), aid.centre_name),
        (w("aid_reason"), aid.reason_zh),
        (w("aid_urgent_short"), w.yes_no(urgent)),
    ])


KIND = DocumentKind(KEY, "案件摘要", "Case summary", "案件摘要", "Case Summary", "摘", build)

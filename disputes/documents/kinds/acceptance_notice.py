"""受理通知书: tells the worker the mediation application was accepted, and what runs from now."""

from __future__ import annotations

from reportlab.platypus import Flowable

from ..context import DocumentContext
from ..layout import Sheet
from ..phrases import Words
from . import sections as part
from .base import DocumentKind, require

KEY = "acceptance_notice"


def build(ctx: DocumentContext, s: Sheet, w: Words) -> list[Flowable]:
    """Addressee, the acceptance, case details, claims, deadlines and the notes the worker needs."""
    part.require_parties(ctx, KEY)
    require(ctx.accepted_on, KEY, "案件尚未受理，没有受理日期", "the case has not been accepted yet")
    we = w.we(ctx.organisation_name)
    heading = part.Headings(s, w)
    body: list[Flowable] = [
        part.addressee(w.names(ctx.workers), s, w),
        s.para(w("acc_body", when=w.when(ctx.submitted_on), respondents=w.names(ctx.respondents),
                 we=we, accepted=w.date(ctx.accepted_on))),
        heading("h_case"),
        s.fields([
            (w("case_no"), ctx.case_no),
            (w("accepted_on"), w.date(ctx.accepted_on)),
            (w("respondent"), w.names(ctx.respondents)),
            (w("mediator"), ctx.mediator_name or w("to_be_assigned")),
        ]),
    ]
    if ctx.claims:
        body += [heading("h_claims"), part.claims_table(ctx, s, w)]
    if ctx.deadlines:
        body += [heading("h_deadlines"), part.deadlines_table(ctx, s, w)]
    body += [heading("h_notes"), *s.items(_notes(ctx, w, we)), s.para(w("notify_close")),
             part.seal(ctx, s, w)]
    return body


def _notes(ctx: DocumentContext, w: Words, we: str) -> list[str]:
    mediation = ctx.deadline("mediation")
    fifteen_days = w("note_mediation_15", we=we)
    if mediation:
        fifteen_days = w.join(fifteen_days, w("mediation_due", date=w.date(mediation.due)))
    return [fifteen_days, w("note_optional"), part.limitation_note(ctx, w), w("note_keep"),
            w("note_legal_aid")]


KIND = DocumentKind(KEY, "受理通知书", "Acceptance notice", "受理通知书", "Notice of Acceptance", "受", build)

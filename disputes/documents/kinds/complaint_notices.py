"""投诉受理通知书 and 不予受理通知书: the inspectorate's answer to a worker's complaint.

Both are addressed to the complainant, so a report (possibly anonymous) has neither.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from ..layout import Sheet
from ..matter_context import MatterContext, PeriodInfo
from ..matter_phrases import MatterWords
from . import sections as part
from .base import DocumentKind, require

ACCEPTANCE = "acceptance_notice"
REJECTION = "rejection_notice"


def build_acceptance(ctx: MatterContext, s: Sheet, w: MatterWords) -> list[Flowable]:
    """The acceptance and the opening of the case, the complaint, the investigation period, what follows."""
    complainant = _complainant(ctx, ACCEPTANCE)
    accepted = require(ctx.accepted_on, ACCEPTANCE, "投诉尚未受理立案", "the complaint has not been accepted yet")
    we = w.we(ctx.organisation_name)
    heading = part.Headings(s, w)
    body: list[Flowable] = [
        part.addressee(complainant, s, w),
        s.para(w("cacc_body", received=w.date(ctx.received_on), employer=ctx.employer.name, we=we,
                 accepted=w.date(accepted))),
        heading("h_complaint"),
        s.fields([*_complaint_rows(ctx, w), (w("accepted_and_opened"), w.date(accepted)),
                  (w("inspector"), ctx.inspector_name or w("to_be_assigned"))], w.label_width),
    ]
    if ctx.investigation:
        body += [heading("h_deadlines"), periods_table([ctx.investigation.period], s, w)]
    body += [heading("h_notes"), *s.items(_acceptance_notes(ctx, w)), s.para(w("notify_close")),
             part.seal(ctx, s, w)]
    return body


def _acceptance_notes(ctx: MatterContext, w: MatterWords) -> list[str]:
    notes = []
    if ctx.investigation:
        inv = ctx.investigation
        due = w("investigation_extended" if inv.extended else "investigation_due", date=w.date(inv.period.due))
        notes.append(w.join(w("note_investigation", days=inv.working_days, extra=inv.extension_working_days,
                              basis=inv.period.basis), due))
    return [*notes, *_linked(ctx, w), w("note_follow")]


def build_rejection(ctx: MatterContext, s: Sheet, w: MatterWords) -> list[Flowable]:
    """The refusal with its ground and article as recorded, the complaint, and the periods it was decided in."""
    complainant = _complainant(ctx, REJECTION)
    decline = require(ctx.decline, REJECTION, "没有不予受理的决定", "no decision not to accept is recorded")
    heading = part.Headings(s, w)
    body: list[Flowable] = [
        part.addressee(complainant, s, w),
        s.para(w("crej_body", received=w.date(ctx.received_on), employer=ctx.employer.name,
                 reason=part.clause(decline.reason), we=w.we(ctx.organisation_name),
                 decided=w.date(decline.decided_on))),
    ]
    if decline.department:
        body.append(s.para(w("department_line", department=decline.department)))
    body += [
        heading("h_complaint"),
        s.fields([*_complaint_rows(ctx, w), (w("decided_on"), w.date(decline.decided_on)),
                  (w("decline_reason"), decline.reason)], w.label_width),
    ]
    if decline.periods:
        body += [heading("h_deadlines"), periods_table(decline.periods, s, w)]
    if ctx.linked_cases:
        body += [heading("h_notes"), *s.items(_linked(ctx, w))]
    body += [s.para(w("notify_close")), part.seal(ctx, s, w)]
    return body


def _complainant(ctx: MatterContext, kind: str) -> str:
    require(ctx.channel == "complaint", kind, "举报不出具此通知书，通知书只发给投诉人",
            "a report gets no such notice; it is sent to a complainant only")
    return require(ctx.complainant, kind, "投诉没有记录投诉人姓名，通知书没有收件人",
                   "the complaint names no complainant to address the notice to")


def _complaint_rows(ctx: MatterContext, w: MatterWords) -> list[tuple[str, str]]:
    employer = ctx.employer.name + (f"（{ctx.employer.credit_code}）" if ctx.employer.credit_code else "")
    rows = [(w("complaint_no"), ctx.matter_no), (w("received_on"), w.date(ctx.received_on)),
            (w("employer_complained"), employer), (w("place"), w.value(ctx.place))]
    if ctx.claims:
        rows.append((w("complaint_items"), ("、" if w.zh else "; ").join(w.claim(c) for c in ctx.claims)))
    return rows


def _linked(ctx: MatterContext, w: MatterWords) -> list[str]:
    """The dispute filed together with the complaint goes on by itself, whatever the inspectorate decides."""
    if not ctx.linked_cases:
        return []
    return [w("note_linked", cases=("、" if w.zh else ", ").join(ctx.linked_cases))]


def periods_table(periods: list[PeriodInfo], s: Sheet, w: MatterWords) -> Flowable:
    """The inspection track's periods: what, how long, until when, and the article (as recorded)."""
    rows = [[p.label_zh if w.zh else p.label_en, w.period(p.length, p.unit), w.date(p.due),
             p.basis + (f"（{p.note}）" if p.note else "")] for p in sorted(periods, key=lambda p: p.due)]
    header = [w("col_deadline"), w("col_period"), w("col_due"), w("col_basis")]
    return s.table(header, rows, (0.18, 0.18, 0.2, 0.44))


ACCEPTANCE_KIND = DocumentKind(ACCEPTANCE, "投诉受理通知书", "Notice of acceptance of complaint", "投诉受理通知书",
                               "Notice of Acceptance of Complaint", "受", build_acceptance)
REJECTION_KIND = DocumentKind(REJECTION, "不予受理通知书", "Notice of non-acceptance", "不予受理通知书",
                              "Notice of Non-acceptance of Complaint", "不受", build_rejection)

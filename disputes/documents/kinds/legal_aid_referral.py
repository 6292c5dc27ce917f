"""法律援助转介函: refers the worker to a legal-aid centre, flagged URGENT under Art. 44."""

from __future__ import annotations

from reportlab.platypus import Flowable

from ..context import DocumentContext, LegalAidInfo
from ..layout import Sheet
from ..phrases import Words
from . import sections as part
from .base import DocumentKind, require

KEY = "legal_aid_referral"


def build(ctx: DocumentContext, s: Sheet, w: Words) -> list[Flowable]:
    """Addressee, URGENT banner if due, the referral, the worker, the case, and what to bring."""
    part.require_parties(ctx, KEY)
    aid = require(ctx.legal_aid, KEY, "案件没有法律援助转介记录", "the case has no legal-aid referral")
    heading = part.Headings(s, w)
    body: list[Flowable] = [part.addressee(aid.centre_name, s, w)]
    banner = _urgent_banner(ctx, aid, w)
    if banner:
        body += [s.banner(banner), s.gap(8)]
    body.append(s.para(w("aid_body", workers=w.names(ctx.workers), respondents=w.names(ctx.respondents),
                         case_no=ctx.case_no, state=w.value(ctx.state_label_zh),
                         reason=part.clause(aid.reason_zh) or w("none"))))
    body.append(s.para(w("aid_decision")))
    if part.has_claim(ctx, part.PAY_CLAIMS | part.INJURY_CLAIMS):
        body.append(s.para(w("aid_waiver")))
    body.append(heading("h_aid_worker"))
    for worker in ctx.workers:
        body += [s.fields(part.worker_rows(worker, w)), s.gap(4)]
    body += [heading("h_aid_case"), *_case(ctx, s, w)]
    body += [heading("h_aid_needs"), *s.items(_needs(aid, w))]
    if ctx.mediator_name:
        body += [s.gap(6), s.line(w("aid_handler", name=ctx.mediator_name))]
    body.append(part.seal(ctx, s, w))
    return body


def _urgent_banner(ctx: DocumentContext, aid: LegalAidInfo, w: Words) -> str | None:
    deadline = part.nearest_urgent_deadline(ctx)
    if deadline:
        return w("aid_urgent", deadline=w.deadline(deadline), date=w.date(deadline.due),
                 days=(deadline.due - ctx.issued_on).days)
    return w("aid_urgent_flag") if aid.urgent else None


def _case(ctx: DocumentContext, s: Sheet, w: Words) -> list[Flowable]:
    blocks: list[Flowable] = [s.fields([
        (w("case_no"), ctx.case_no),
        (w("state"), w.value(ctx.state_label_zh)),
        (w("respondent"), w.names(ctx.respondents)),
    ])]
    if ctx.claims:
        blocks += [s.gap(6), part.claims_table(ctx, s, w)]
    if ctx.facts.strip():
        blocks += [s.gap(4), *s.paras(ctx.facts)]
    if ctx.deadlines:
        blocks += [s.gap(4), part.deadlines_table(ctx, s, w, days_left=True)]
    return blocks


def _needs(aid: LegalAidInfo, w: Words) -> list[str]:
    needs = [n.strip() for n in aid.needs if n.strip()]
    return needs or [w("aid_need_identity"), w("aid_need_hardship"), w("aid_need_matter")]


KIND = DocumentKind(KEY, "法律援助转介函", "Legal-aid referral", "法律援助转介函", "Legal Aid Referral Letter",
                    "援", build)

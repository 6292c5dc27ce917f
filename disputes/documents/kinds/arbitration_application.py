"""劳动人事争议仲裁申请书: the application with the contents Art. 28 requires."""

from __future__ import annotations

from reportlab.platypus import Flowable

from ..context import DocumentContext
from ..layout import Sheet
from ..phrases import Words
from . import sections as part
from .base import DocumentKind, require

KEY = "arbitration_application"


def build(ctx: DocumentContext, s: Sheet, w: Words) -> list[Flowable]:
    """Art. 28: the parties, the claims with their amounts, facts and reasons, and the evidence.

    The parties' particulars are printed in full (ID number and phone unmasked in the commission's
    copy): the application is filed with the commission, whose rules ask for them
    (劳动人事争议仲裁办案规则, 人社部令第33号, 2017, 第二十九条第一项). What the case does not hold is
    listed under the parties to be added by hand."""
    part.require_parties(ctx, KEY)
    require(ctx.claims, KEY, "没有仲裁请求", "the case has no claims")
    facts = require(ctx.facts.strip(), KEY, "没有事实和理由", "the case has no facts")
    heading = part.Headings(s, w)
    body: list[Flowable] = [*part.parties(ctx, s, w, in_full=True)]
    missing = part.missing_particulars(ctx, w)
    if missing:
        body.append(s.para(missing))
    if ctx.collective:
        body.append(s.para(w("collective_note", n=len(ctx.workers))))
    body += [heading("h_arb_claims"), part.claims_table(ctx, s, w)]
    total = part.total_line(ctx, w)
    if total:
        body += [s.gap(4), s.line(total)]
    body += [heading("h_arb_facts"), *s.paras(facts)]
    body += [heading("h_arb_evidence"), *_evidence(ctx, s, w)]
    body += [
        s.signatures([[w("sign_line", label=w("sign_worker")), worker.name, w("sign_date")]
                      for worker in ctx.workers], right_only=True,
                     lead=[s.gap(10), s.para(w("to")), s.line(w.commission(ctx.region_name))]),
        s.gap(10),
        s.line(w("enclosures", n=len(ctx.respondents), m=len(ctx.evidence))),
        s.line(w("prepared_by", organisation=ctx.organisation_name)),
    ]
    return body


def _evidence(ctx: DocumentContext, s: Sheet, w: Words) -> list[Flowable]:
    if not ctx.evidence:
        return [s.line(w("no_evidence"))]
    return [part.evidence_table(ctx, s, w), s.gap(2), s.line(w("evidence_note"))]


KIND = DocumentKind(KEY, "仲裁申请书", "Arbitration application", "劳动人事争议仲裁申请书",
                    "Application for Labour Dispute Arbitration", "仲申", build)

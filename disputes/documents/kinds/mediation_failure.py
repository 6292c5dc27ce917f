"""调解不成（终止调解）证明: certifies that mediation ended and sends the worker to arbitration."""

from __future__ import annotations

from reportlab.platypus import Flowable

from ..context import DocumentContext
from ..layout import Sheet
from ..phrases import Words
from . import sections as part
from .base import DocumentKind, require

KEY = "mediation_failure"


def build(ctx: DocumentContext, s: Sheet, w: Words) -> list[Flowable]:
    """The certificate, the claims that were mediated, and the route to arbitration."""
    part.require_parties(ctx, KEY)
    failure = require(ctx.mediation_failure, KEY, "调解尚未终止，没有调解不成的记录",
                      "mediation has not ended without agreement")
    we = w.we(ctx.organisation_name)
    accepted = w("fail_accepted", we=we, date=w.date(ctx.accepted_on)) if ctx.accepted_on else ""
    heading = part.Headings(s, w)
    body: list[Flowable] = [
        s.para(w("fail_body", workers=w.names(ctx.workers), respondents=w.names(ctx.respondents),
                 case_no=ctx.case_no, when=w.when(ctx.submitted_on), we=we, accepted=accepted,
                 reason=part.clause(failure.reason) or w("none"), ended=w.date(failure.ended_on))),
        s.para(w("certify_close")),
    ]
    if ctx.claims:
        body += [heading("h_claims"), part.claims_table(ctx, s, w)]
    body += [heading("h_route"), *s.items(_route(ctx, w)), part.seal(ctx, s, w)]
    return body


def _route(ctx: DocumentContext, w: Words) -> list[str]:
    route = w("fail_route")
    if ctx.region_name:
        route = w.join(route, w("local_commission", commission=w.commission(ctx.region_name)))
    return [route, part.limitation_note(ctx, w), w("note_legal_aid")]


KIND = DocumentKind(KEY, "调解终结（不成）证明", "Mediation failure certificate", "调解不成（终止调解）证明",
                    "Certificate of Failed (Terminated) Mediation", "终", build)

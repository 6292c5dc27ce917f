"""不予受理通知书: the refusal, its reason, and the route to arbitration."""

from __future__ import annotations

from reportlab.platypus import Flowable

from ..context import DocumentContext
from ..layout import Sheet
from ..phrases import Words
from . import sections as part
from .base import DocumentKind, require

KEY = "rejection_notice"


def build(ctx: DocumentContext, s: Sheet, w: Words) -> list[Flowable]:
    """Addressee, the refusal with its reason, the claims, and what the worker can do next."""
    part.require_parties(ctx, KEY)
    reason = require((ctx.rejection_reason or "").strip(), KEY,
                     "没有不予受理的理由", "no reason for the refusal is recorded")
    we = w.we(ctx.organisation_name)
    heading = part.Headings(s, w)
    body: list[Flowable] = [
        part.addressee(w.names(ctx.workers), s, w),
        s.para(w("rej_body", when=w.when(ctx.submitted_on), respondents=w.names(ctx.respondents),
                 reason=part.clause(reason), we=we)),
        s.para(w("notify_close")),
    ]
    if ctx.claims:
        body += [heading("h_claims"), part.claims_table(ctx, s, w)]
    body += [heading("h_route"), *s.items(_route(ctx, w)), part.seal(ctx, s, w)]
    return body


def _route(ctx: DocumentContext, w: Words) -> list[str]:
    route = w("route_arbitration")
    if ctx.region_name:
        route = w.join(route, w("local_commission", commission=w.commission(ctx.region_name)))
    steps = [route, part.limitation_note(ctx, w)]
    if part.has_claim(ctx, part.PAY_CLAIMS):
        steps.append(w("route_inspection"))
    steps.append(w("note_legal_aid"))
    return steps


KIND = DocumentKind(KEY, "不予受理通知书", "Rejection notice", "不予受理通知书", "Notice of Non-acceptance",
                    "不受", build)

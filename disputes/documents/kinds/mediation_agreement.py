"""调解协议书: parties, dispute, agreed terms and payment, effect, and signature lines."""

from __future__ import annotations

from reportlab.platypus import Flowable

from ..amounts import amount_in_figures, amount_in_words
from ..context import AgreementInfo, DocumentContext
from ..layout import Sheet
from ..phrases import Words
from . import sections as part
from .base import DocumentKind, require

KEY = "mediation_agreement"


def build(ctx: DocumentContext, s: Sheet, w: Words) -> list[Flowable]:
    """The agreement as signed: every part of it comes from the case."""
    part.require_parties(ctx, KEY)
    agreement = require(ctx.agreement, KEY, "尚未记录调解协议", "no agreement is recorded")
    require(agreement.terms.strip(), KEY, "调解协议没有协议内容", "the agreement has no terms")
    heading = part.Headings(s, w)
    body: list[Flowable] = [*part.parties(ctx, s, w)]
    if ctx.claims:
        body += [heading("h_dispute"), part.claims_table(ctx, s, w)]
    if ctx.facts.strip():
        body += [heading("h_facts"), *s.paras(ctx.facts)]
    body += [heading("h_terms"), *_terms(ctx, agreement, s, w)]
    body += [heading("h_effect"), *s.items(_effect(ctx, w))]
    body += [_signatures(ctx, s, w), part.seal(ctx, s, w)]
    return body


def _terms(ctx: DocumentContext, agreement: AgreementInfo, s: Sheet, w: Words) -> list[Flowable]:
    figures, capitals = amount_in_figures(agreement.amount), amount_in_words(agreement.amount)
    lines = [line.strip() for line in agreement.terms.splitlines() if line.strip()]
    lines.append(w("agr_pay", payer=w.names(ctx.respondents), payee=w.names(ctx.workers),
                   date=w.date(agreement.pay_by), figures=figures, capitals=capitals))
    return [
        s.para(w("agr_intro", organisation=ctx.organisation_name)),
        *s.items(lines),
        s.gap(4),
        s.fields([
            (w("amount_figures"), w("yuan", figures=figures)),
            (w("amount_capitals"), capitals),
            (w("pay_by"), w("pay_by_value", date=w.date(agreement.pay_by))),
        ]),
    ]


def _effect(ctx: DocumentContext, w: Words) -> list[str]:
    effect = [w("effect_binding"), w("effect_arbitration")]
    if part.has_claim(ctx, part.PAYMENT_ORDER_CLAIMS):
        effect.append(w("effect_payment_order"))
    copies = len(ctx.workers) + len(ctx.respondents) + 1
    effect.append(w("agr_copies", n=copies, organisation=ctx.organisation_name))
    return effect


def _signatures(ctx: DocumentContext, s: Sheet, w: Words) -> Flowable:
    when = w("sign_date")
    blocks = [[w("sign_line", label=w("sign_worker")), worker.name, when] for worker in ctx.workers]
    blocks += [[w("sign_line", label=w("sign_respondent")), respondent.name,
                w("sign_label", label=w("sign_representative")), w("sign_blank"), when]
               for respondent in ctx.respondents]
    blocks.append([w("sign_line", label=w("sign_mediator")), ctx.mediator_name or "", when])
    return s.signatures(blocks)


KIND = DocumentKind(KEY, "调解协议书", "Mediation agreement", "调解协议书", "Mediation Agreement", "协", build)

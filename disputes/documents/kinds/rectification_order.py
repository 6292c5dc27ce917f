"""限期整改指令书 / 行政处理决定书: the order to rectify, or to pay by a date, addressed to the employer.

It prints what the order_rectification event recorded (the article, the date, the sums owed) and the
consequences of a missed date that workflows/inspection.py records; nothing else. The employer's
remedies against the order (行政复议, 行政诉讼) are not encoded there, so the order does not state them.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from ..amounts import amount_in_figures, amount_in_words
from ..layout import Sheet
from ..matter_context import MatterContext, OrderInfo
from ..matter_phrases import MatterWords
from . import sections as part
from .base import DocumentKind, require
from .complaint_notices import periods_table

KEY = "rectification_order"


def build(ctx: MatterContext, s: Sheet, w: MatterWords) -> list[Flowable]:
    """The employer, what it must do by which date and under which article, the period, the consequences."""
    order = require(ctx.order, KEY, "尚未责令改正或者限期支付", "no order to rectify or to pay has been made")
    we = w.we(ctx.organisation_name)
    heading = part.Headings(s, w)
    body: list[Flowable] = [
        part.addressee(ctx.employer.name, s, w),
        s.fields(_order_rows(ctx, order, w), w.label_width),
        heading("h_order"),
        s.para(w("ord_body", we=we, accepted=w.date(ctx.accepted_on), basis=order.basis, due=w.date(order.due_on),
                 duty=_duty(order, w))),
    ]
    if order.owed:
        body.append(_owed_table(order, s, w))
    if order.statement_heard_on:
        body.append(s.para(w("ord_statement", we=we, date=w.date(order.statement_heard_on))))
    if order.period:
        body += [heading("h_deadlines"), periods_table([order.period], s, w)]
    consequences = _consequences(order, w)
    if consequences:
        body += [heading("h_consequences"), *s.items(consequences)]
    body.append(part.seal(ctx, s, w))
    return body


def _order_rows(ctx: MatterContext, order: OrderInfo, w: MatterWords) -> list[tuple[str, str]]:
    rows = [(w("employer"), ctx.employer.name)]
    if ctx.employer.credit_code:
        rows.append((w("credit_code"), ctx.employer.credit_code))
    return rows + [
        (w("place"), w.value(ctx.place)),
        (w("matter_no"), ctx.matter_no),
        (w("breach_basis"), order.basis),
        (w("ordered_on"), w.date(order.ordered_on)),
        (w("comply_by"), w.date(order.due_on)),
    ]


def _duty(order: OrderInfo, w: MatterWords) -> str:
    if order.amount is None:
        return w("ord_duty_rectify")
    return w("ord_duty_pay", figures=amount_in_figures(order.amount), capitals=amount_in_words(order.amount))


def _owed_table(order: OrderInfo, s: Sheet, w: MatterWords) -> Flowable:
    rows = [[str(n), o.worker, str(o.months) if o.months else w("none"), amount_in_figures(o.amount)]
            for n, o in enumerate(order.owed, start=1)]
    footer = ["", w("total"), "", amount_in_figures(order.amount)] if order.amount is not None else None
    return s.table([w("col_no"), w("col_worker"), w("col_months"), w("col_amount")], rows,
                   (0.1, 0.38, 0.22, 0.3), right=(2, 3), footer=footer)


def _consequences(order: OrderInfo, w: MatterWords) -> list[str]:
    """What the Regulation and the Criminal Law attach to a missed date, as workflows records them."""
    lines = []
    if order.compensation_rates:
        low, high = order.compensation_rates
        lines.append(w("ord_compensation", low=w.share(low), high=w.share(high), basis=order.compensation_basis))
    if order.penalty:
        p = order.penalty
        lines.append(w("ord_penalty", ground=p.ground_zh if w.zh else p.ground_en, low=format(p.low, "f"),
                       high=format(p.high, "f"), basis=p.basis))
    if order.transfer:
        t = order.transfer
        methods = t.methods_zh if w.zh else tuple(m[:1].lower() + m[1:] for m in t.methods_en)
        lines.append(w("ord_transfer", methods=w.alternatives(methods), law=t.law, rules=t.rules))
    return lines


KIND = DocumentKind(KEY, "责令改正（限期支付）文书", "Order to rectify or to pay", "限期整改指令书",
                    "Order to Rectify by a Date", "责", build)

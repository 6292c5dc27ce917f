"""Blocks of case content that several kinds print the same way (parties, claims, deadlines …)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from ..amounts import amount_in_figures, amount_in_words
from ..context import DeadlineInfo, DocumentContext, PartyInfo, shown_id_number, shown_phone
from ..layout import Sheet
from ..phrases import Words
from .base import require

# Claims for pay (劳动报酬): the labour inspectorate also takes them (Art. 9), and for migrant
# workers legal aid waives the means test (Legal Aid Law Art. 42).
PAY_CLAIMS = frozenset({
    "wage_arrears", "minimum_wage_shortfall", "overtime", "holiday_pay", "weather_subsidy",
    "illegal_deduction",
})
INJURY_CLAIMS = frozenset({"work_injury", "medical_expenses"})
# Art. 16: an unperformed agreement on pay, work-injury medical costs, severance or damages
# may go to court for a payment order (支付令).
PAYMENT_ORDER_CLAIMS = PAY_CLAIMS | INJURY_CLAIMS | {
    "economic_compensation", "unlawful_termination_compensation", "double_wages_no_contract",
}

# Legal Aid Law Art. 44: aid may come before the decision when fewer than 7 days remain.
URGENT_DAYS = 7

_CN_NUMERALS = "一二三四五六七八九十"


class Headings:
    """Section headings numbered as on paper: 一、二、… in Chinese, 1. 2. … in English."""

    def __init__(self, sheet: Sheet, words: Words):
        self.sheet, self.words, self.count = sheet, words, 0

    def __call__(self, key: str) -> Flowable:
        self.count += 1
        n = self.count
        mark = (_CN_NUMERALS[n - 1] if n <= 10 else str(n)) + "、" if self.words.zh else f"{n}. "
        return self.sheet.heading(mark + self.words(key))


def clause(text: str) -> str:
    """Free text made to sit inside a sentence: trailing full stops removed."""
    return text.strip().rstrip("。．.；;，,")


def has_claim(ctx: DocumentContext, kinds: frozenset[str] | set[str]) -> bool:
    """Whether any claim is of one of ``kinds``."""
    return any(c.kind in kinds for c in ctx.claims)


def worker_rows(worker: PartyInfo, w: Words) -> list[tuple[str, str]]:
    """Field rows for a worker; gender and age only when known."""
    rows = [(w("name"), worker.name)]
    if worker.gender_zh:
        rows.append((w("gender"), worker.gender_zh))
    if worker.age is not None:
        rows.append((w("age"), w("age_value", age=worker.age)))
    rows += [
        (w("id_number"), w.value(shown_id_number(worker.id_number))),
        (w("phone"), w.value(shown_phone(worker.phone))),
        (w("address"), w.value(worker.address)),
    ]
    return rows


def parties(ctx: DocumentContext, s: Sheet, w: Words, *, in_full: bool = False) -> list[Flowable]:
    """One line per applicant and per respondent, as a written document introduces its parties:
    申请人：王小明，男，29岁，公民身份号码：…，联系电话：…，住址：…。

    `in_full`: the particulars an arbitration application states (调解仲裁法第二十八条第二款第一项;
    劳动人事争议仲裁办案规则第二十九条第一项), the identifiers as the context holds them."""
    lines = []
    for label, numbered, people, details in (
        ("applicant", "applicant_n", ctx.workers, _worker_particulars if in_full else _worker_details),
        ("respondent", "respondent_n", ctx.respondents, _respondent_particulars if in_full else _respondent_details),
    ):
        for n, party in enumerate(people, start=1):
            title = w(numbered, n=n) if len(people) > 1 else w(label)
            lines.append(w.labelled(title, w.sentence([party.name, *details(party, w)])))
    return [s.line(line) for line in lines]


def _worker_details(worker: PartyInfo, w: Words) -> list[str | None]:
    return [
        w.gender(worker.gender_zh),
        w("age_value", age=worker.age) if worker.age is not None else None,
        w.labelled(w("id_number"), shown_id_number(worker.id_number)),
        w.labelled(w("phone"), shown_phone(worker.phone)),
        w.labelled(w("address"), worker.address),
    ]


def _respondent_details(respondent: PartyInfo, w: Words) -> list[str | None]:
    return [
        w.role(respondent),
        w.labelled(w("credit_code"), respondent.credit_code),
        w.labelled(w("legal_rep_short"), respondent.legal_representative),
        w.labelled(w("seat"), respondent.address),
    ]


def _worker_particulars(worker: PartyInfo, w: Words) -> list[str | None]:
    return [
        w.gender(worker.gender_zh),
        w("born_value", date=w.date(worker.born_on)) if worker.born_on else None,
        w("age_value", age=worker.age) if worker.age is not None else None,
        w.occupation(worker.occupation),
        w.labelled(w("work_unit"), worker.work_unit),
        w.labelled(w("id_number"), worker.id_number),
        w.labelled(w("phone"), worker.phone),
        w.labelled(w("domicile"), worker.address),
    ]


def _respondent_particulars(respondent: PartyInfo, w: Words) -> list[str | None]:
    return [
        w.role(respondent),
        w.labelled(w("credit_code"), respondent.credit_code),
        w.labelled(w("seat"), respondent.address),
        w.labelled(w("principal"), respondent.legal_representative),
        w.labelled(w("position"), respondent.legal_representative_title),
    ]


def missing_particulars(ctx: DocumentContext, w: Words) -> str | None:
    """What the application should state and the case does not hold, party by party, so that the
    worker or the commission fills it in by hand; None when nothing is missing."""
    gaps = []
    for worker in ctx.workers:
        lacking = [w(key) for key, known in (("gender", worker.gender_zh), ("born", worker.born_on),
                                             ("id_number", worker.id_number), ("domicile", worker.address))
                   if not known]
        if lacking:
            gaps.append(w("gap_of", party=worker.name, items=w.series(lacking)))
    for respondent in ctx.respondents:
        lacking = [w(key) for key, known in (("seat", respondent.address), ("principal", respondent.legal_representative),
                                             ("position", respondent.legal_representative_title)) if not known]
        if lacking:
            gaps.append(w("gap_of", party=respondent.name, items=w.series(lacking)))
    return w("missing_particulars", gaps=("；" if w.zh else "; ").join(gaps)) if gaps else None


def total_line(ctx: DocumentContext, w: Words) -> str | None:
    """请求金额合计：人民币…元（大写：…）, or ``None`` when nothing is claimed in money."""
    total = ctx.claimed_total()
    if total is None:
        return None
    return w("total_line", figures=amount_in_figures(total), capitals=amount_in_words(total))


def claims_table(ctx: DocumentContext, s: Sheet, w: Words) -> Flowable:
    """Numbered claims with amounts and, when any amount is claimed, a total row."""
    rows = [[str(n), w.claim(c), w.money(c.amount)] for n, c in enumerate(ctx.claims, start=1)]
    total = ctx.claimed_total()
    footer = None if total is None else ["", w("total"), amount_in_figures(total)]
    return s.table([w("col_no"), w("col_claim"), w("col_amount")], rows, (0.1, 0.62, 0.28),
                   right=(2,), footer=footer)


def deadlines_table(ctx: DocumentContext, s: Sheet, w: Words, *, days_left: bool = False) -> Flowable:
    """The running deadlines, earliest first, with their legal basis."""
    header = [w("col_deadline"), w("col_due"), w("col_basis")]
    widths: tuple[float, ...] = (0.25, 0.22, 0.53)
    if days_left:
        header.append(w("col_days_left"))
        widths = (0.2, 0.2, 0.46, 0.14)
    rows = []
    for d in sorted(ctx.deadlines, key=lambda d: d.due):
        row = [w.deadline(d), w.date(d.due), w.value(d.basis)]
        if days_left:
            row.append(str((d.due - ctx.issued_on).days))
        rows.append(row)
    return s.table(header, rows, widths, right=(3,) if days_left else ())


def evidence_table(ctx: DocumentContext, s: Sheet, w: Words) -> Flowable:
    """Evidence files with size and the first 16 hex digits of their SHA-256."""
    rows = [[str(n), e.name, _size(e.size), e.sha256[:16].lower()]
            for n, e in enumerate(ctx.evidence, start=1)]
    return s.table([w("col_no"), w("col_evidence"), w("col_size"), w("col_sha")], rows,
                   (0.08, 0.47, 0.15, 0.30), right=(2,))


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} B"


def timeline_table(ctx: DocumentContext, s: Sheet, w: Words) -> Flowable:
    """The case history in date order."""
    rows = [[w.date(e.at), e.label_zh, w.value(e.actor), w.value(e.note)]
            for e in sorted(ctx.timeline, key=lambda e: e.at)]
    return s.table([w("col_date"), w("col_event"), w("col_actor"), w("col_note")], rows,
                   (0.2, 0.28, 0.16, 0.36))


def limitation_note(ctx: DocumentContext, w: Words) -> str:
    """The one-year limitation (Art. 27) with the case's own expiry date when known."""
    limitation = ctx.deadline("limitation")
    tail = w("limitation_due", date=w.date(limitation.due)) if limitation else w("limitation_unknown")
    return w.join(w("note_limitation"), tail)


def nearest_urgent_deadline(ctx: DocumentContext) -> DeadlineInfo | None:
    """The earliest deadline with fewer than seven days left on the issue date (Art. 44)."""
    due_soon = [d for d in ctx.deadlines if 0 <= (d.due - ctx.issued_on).days < URGENT_DAYS]
    return min(due_soon, key=lambda d: d.due, default=None)


def addressee(names: str, s: Sheet, w: Words) -> Flowable:
    """张三：, the line a letter opens with."""
    return s.line(w("addressee", names=names))


def seal(ctx: DocumentContext, s: Sheet, w: Words) -> Flowable:
    """The issuing organisation, （盖章） and the issue date."""
    return s.seal([ctx.organisation_name, w("seal"), w.date(ctx.issued_on)])


def require_parties(ctx: DocumentContext, kind: str) -> None:
    """Every document names at least one worker and one respondent."""
    require(ctx.workers, kind, "案件没有申请人（劳动者）信息", "the case names no worker")
    require(ctx.respondents, kind, "案件没有被申请人信息", "the case names no respondent")

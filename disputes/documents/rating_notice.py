"""劳动保障守法诚信等级评价结果告知书: the employer is told its grade for a year, why, and how to object.

The grade, each reason with its citation, the supervision that follows and the objection's last day
come from workflows/compliance_rating.py through the context; this module writes only the fixed
wording. The rating measures' own text was not found, so the notice says the citations are read
from reports and local texts, as the rules module does.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from .kinds import sections as part
from .layout import Sheet
from .matter_phrases import MatterWords
from .numbering import organisation_short
from .render import render_pages

RATING_TEXT: dict[str, tuple[str, str]] = {
    "rating_title": ("劳动保障守法诚信等级评价结果告知书", "Notice of the labour-law compliance rating"),
    "footer_rating": ("评价年度：{year}年度", "Rated year: {year}"),
    "rated_year": ("评价年度", "Rated year"),
    "rated_on": ("评价日期", "Rated on"),
    "grade": ("评价等级", "Grade"),
    "h_reasons": ("评价依据", "Why"),
    "h_supervision": ("评价结果的运用", "What the grade means"),
    "h_objection": ("异议", "Objections"),
    "rating_body": (
        "{we}依据你单位{year}年度遵守劳动保障法律、法规和规章的情况，评定你单位为{grade}。",
        "On your record of complying with labour law in {year}, we rated you {grade}.",
    ),
    "objection_body": (
        "你单位对评价结果有异议的，可以在{due}前向{we}书面提出，并附相关材料；{we}复核后书面答复。"
        "异议期限为{basis}。",
        "If you disagree, you may object in writing, with your materials, to us by {due}; we will review the "
        "rating and answer in writing. The period is {basis}.",
    ),
    "objection_closed": ("本评价已经复核，不再受理异议。", "This rating follows a review; no further objection is taken."),
    "sources_note": (
        "《企业劳动保障守法诚信等级评价办法》（人社部规〔2016〕1号）原文未能核实，以上依据据新华社报道及各地实施文件转述。",
        "The text of the rating measures (MOHRSS Rules No. 1 [2016]) could not be checked; the grounds above are "
        "read from Xinhua's report and local implementing texts.",
    ),
    "file_note": ("评价结果记入你单位劳动保障守法诚信档案（{basis}）。", "The grade is entered in your compliance file ({basis})."),
}


class RatingWords(MatterWords):
    """The inspection documents' words, with the rating notice's own phrases first."""

    def __call__(self, key: str, **fields: object) -> str:
        if key in RATING_TEXT:
            return RATING_TEXT[key][0 if self.zh else 1].format(**fields)
        return super().__call__(key, **fields)


@dataclass(frozen=True)
class RatingLine:
    """One reason or consequence, in both languages, with what it rests on."""

    zh: str
    en: str
    basis: str


@dataclass(frozen=True)
class RatingNoticeContext:
    organisation_name: str
    issued_on: date  # the day the employer is told (the objection window runs from it)
    serial: int
    employer_name: str
    credit_code: str | None
    year: int
    grade_zh: str
    grade_en: str
    rated_on: date
    reasons: tuple[RatingLine, ...]
    supervision: RatingLine | None
    objection_due: date | None  # None: a rating after a review takes no further objection
    objection_basis_zh: str
    objection_basis_en: str
    file_basis: str


def rating_notice_number(ctx: RatingNoticeContext) -> str:
    """（2026）某某劳监评字第12号: the inspection documents' form, with 评 for a rating."""
    return f"（{ctx.issued_on.year}）{organisation_short(ctx.organisation_name)}劳监评字第{ctx.serial}号"


def render_rating_notice(ctx: RatingNoticeContext, *, font_path: str | None = None,
                         language: Literal["zh", "en"] = "zh") -> bytes:
    words = RatingWords(language)
    return render_pages(words, font_path, organisation=ctx.organisation_name, document_no=rating_notice_number(ctx),
                        footer_left=words("footer_rating", year=ctx.year), issued_on=ctx.issued_on,
                        title=words("rating_title"), subject=ctx.employer_name,
                        build=lambda sheet: _body(ctx, sheet, words))


def _body(ctx: RatingNoticeContext, s: Sheet, w: RatingWords) -> list:
    we, grade = w.we(ctx.organisation_name), ctx.grade_zh if w.zh else ctx.grade_en
    heading = part.Headings(s, w)
    rows = [(w("employer"), ctx.employer_name)]
    if ctx.credit_code:
        rows.append((w("credit_code"), ctx.credit_code))
    rows += [(w("rated_year"), str(ctx.year)), (w("grade"), grade), (w("rated_on"), w.date(ctx.rated_on))]
    body = [part.addressee(ctx.employer_name, s, w), s.fields(rows, w.label_width),
            s.para(w("rating_body", we=we, year=ctx.year, grade=grade)),
            heading("h_reasons"), *s.items(_line(reason, w) for reason in ctx.reasons),
            s.para(w("sources_note"))]
    if ctx.supervision is not None:
        body += [heading("h_supervision"), *s.items([_line(ctx.supervision, w)])]
    body.append(heading("h_objection"))
    if ctx.objection_due is None:
        body.append(s.para(w("objection_closed")))
    else:
        basis = ctx.objection_basis_zh if w.zh else ctx.objection_basis_en
        body.append(s.para(w("objection_body", due=w.date(ctx.objection_due), we=we, basis=basis)))
    body += [s.para(w("file_note", basis=ctx.file_basis)),
             s.seal([ctx.organisation_name, w("seal"), w.date(ctx.issued_on)])]
    return body


def _line(line: RatingLine, w: RatingWords) -> str:
    """The reason in the notice's language, with its citation (kept in Chinese: it names Chinese texts)."""
    return f"{line.zh}（{line.basis}）" if w.zh else f"{line.en} ({line.basis})"

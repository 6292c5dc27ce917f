"""From a case's data to PDF bytes."""

from __future__ import annotations

from datetime import date
from typing import Callable, Literal

from reportlab.platypus import Flowable

from .context import DocumentContext
from .fonts import register_font, resolve_font
from .kinds import kind_named
from .layout import PageFrame, Sheet, build_pdf
from .numbering import document_number, organisation_short, year_in
from .phrases import Words


def render_document(kind: str, ctx: DocumentContext, *, font_path: str | None = None,
                    language: Literal["zh", "en"] = "zh") -> bytes:
    """Render document ``kind`` for the case in ``ctx`` and return the PDF bytes.

    ``font_path`` is the configured font (``DISPUTES_PDF_FONT``); ``None`` finds one with
    fc-match. ``language`` ``"en"`` prints the document's own words in English and the case's
    content as entered. Raises ``ValueError`` (unknown kind or language), ``DocumentNotAvailable``
    (the case lacks what the kind needs) or ``FontMissing``.
    """
    document_kind = kind_named(kind)
    words = Words(language)
    title = document_kind.title(language)
    return render_pages(words, font_path, organisation=ctx.organisation_name, document_no=_number(kind, ctx),
                        footer_left=words("footer_case", case_no=ctx.case_no), issued_on=ctx.issued_on,
                        title=title, subject=ctx.case_no,
                        build=lambda sheet: document_kind.build(ctx, sheet, words))


def render_pages(words: Words, font_path: str | None, *, organisation: str, document_no: str, footer_left: str,
                 issued_on: date, title: str, subject: str, build: Callable[[Sheet], list[Flowable]]) -> bytes:
    """The PDF of every document kind: the letterhead and footer on each page, the title, then what
    ``build`` lays out on the sheet (a case's, a matter's or a rating's documents alike)."""
    sheet = Sheet(register_font(resolve_font(font_path)))
    frame = PageFrame(organisation=organisation, document_no=document_no, footer_left=footer_left,
                      footer_right=words("issued", date=words.date(issued_on)), page_label=words.template("page"),
                      title=f"{title} {subject}", subject=subject, lang=words.lang)
    return build_pdf(frame, [sheet.title(title), *build(sheet)], sheet.font)


def _number(kind: str, ctx: DocumentContext) -> str:
    if ctx.document_no:
        return ctx.document_no
    short = ctx.organisation_short or organisation_short(ctx.organisation_name)
    return document_number(kind, ctx.case_no, short, year=year_in(ctx.case_no) or ctx.issued_on.year)

"""From a case's data to PDF bytes."""

from __future__ import annotations

from typing import Literal

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
    font = register_font(resolve_font(font_path))
    sheet = Sheet(font)
    flowables = [sheet.title(document_kind.title(language)), *document_kind.build(ctx, sheet, words)]
    return build_pdf(_frame(kind, ctx, words, document_kind.title(language)), flowables, font)


def _number(kind: str, ctx: DocumentContext) -> str:
    if ctx.document_no:
        return ctx.document_no
    short = ctx.organisation_short or organisation_short(ctx.organisation_name)
    return document_number(kind, ctx.case_no, short, year=year_in(ctx.case_no) or ctx.issued_on.year)


def _frame(kind: str, ctx: DocumentContext, words: Words, title: str) -> PageFrame:
    return PageFrame(
        organisation=ctx.organisation_name,
        document_no=_number(kind, ctx),
        footer_left=words("footer_case", case_no=ctx.case_no),
        footer_right=words("issued", date=words.date(ctx.issued_on)),
        page_label=words.template("page"),
        title=f"{title} {ctx.case_no}",
        subject=ctx.case_no,
        lang=words.lang,
    )

"""The documents of a labour-inspection matter: their kinds, their numbers and their PDF.

They are laid out by the same sheet, words, font and page frame as a case's documents; only the
kinds (and the context they read, ``MatterContext``) are their own, kept apart from the case kinds
so that a case's documents panel never lists them.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Literal

from .fonts import register_font, resolve_font
from .kinds import complaint_notices, rectification_order
from .kinds.base import DocumentKind
from .layout import PageFrame, Sheet, build_pdf
from .matter_context import MatterContext
from .matter_phrases import MatterWords
from .numbering import organisation_short, year_in

# A case's DocumentKind, whose builder here reads a MatterContext instead of a DocumentContext.
MATTER_KINDS: MappingProxyType[str, DocumentKind] = MappingProxyType({
    kind.key: kind for kind in (complaint_notices.ACCEPTANCE_KIND, complaint_notices.REJECTION_KIND,
                                rectification_order.KIND)
})
# key -> {"zh": 投诉受理通知书, "en": …}, read-only, in the order the matter page lists them.
MATTER_DOCUMENT_KINDS = MappingProxyType({
    key: MappingProxyType({"zh": kind.label_zh, "en": kind.label_en}) for key, kind in MATTER_KINDS.items()
})


def matter_document_number(kind: str, ctx: MatterContext) -> str:
    """（2026）某某劳监受字第J2026-0000001号: the case documents' form, with 劳监 for the inspectorate."""
    short = ctx.organisation_short or organisation_short(ctx.organisation_name)
    year = year_in(ctx.matter_no) or ctx.issued_on.year
    return f"（{year}）{short}劳监{MATTER_KINDS[kind].number_word}字第{ctx.matter_no}号"


def render_matter_document(kind: str, ctx: MatterContext, *, font_path: str | None = None,
                           language: Literal["zh", "en"] = "zh") -> bytes:
    """The PDF of document ``kind`` of the matter in ``ctx``.

    Raises ``ValueError`` (unknown kind or language), ``DocumentNotAvailable`` (the matter lacks
    what the kind needs) or ``FontMissing``, as ``render_document`` does for a case.
    """
    if kind not in MATTER_KINDS:
        raise ValueError(f"unknown matter document kind {kind!r}; known: {', '.join(MATTER_KINDS)}")
    document_kind, words = MATTER_KINDS[kind], MatterWords(language)
    sheet = Sheet(register_font(resolve_font(font_path)))
    # An order is titled by the instrument the inspector chose (限期整改指令书 or 行政处理决定书).
    ordered = kind == rectification_order.KEY and ctx.order is not None
    title = ctx.order.title(language) if ordered else document_kind.title(language)
    frame = PageFrame(
        organisation=ctx.organisation_name, document_no=matter_document_number(kind, ctx),
        footer_left=words("footer_matter", matter_no=ctx.matter_no),
        footer_right=words("issued", date=words.date(ctx.issued_on)), page_label=words.template("page"),
        title=f"{title} {ctx.matter_no}", subject=ctx.matter_no, lang=words.lang,
    )
    return build_pdf(frame, [sheet.title(title), *document_kind.build(ctx, sheet, words)], sheet.font)

"""The documents of a labour-inspection matter: their kinds, their numbers and their PDF.

They are laid out by the same sheet, words, font and page frame as a case's documents; only the
kinds (and the context they read, ``MatterContext``) are their own, kept apart from the case kinds
so that a case's documents panel never lists them.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Literal

from .kinds import complaint_notices, rectification_order
from .kinds.base import DocumentKind
from .matter_context import MatterContext
from .matter_phrases import MatterWords
from .numbering import organisation_short, serial_in, year_in
from .render import render_pages

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
    """（2026）某某劳监受字第1号 for matter J2026-0000001: the case documents' form, with 劳监 for the inspectorate."""
    short = ctx.organisation_short or organisation_short(ctx.organisation_name)
    year = year_in(ctx.matter_no) or ctx.issued_on.year
    return f"（{year}）{short}劳监{MATTER_KINDS[kind].number_word}字第{serial_in(ctx.matter_no)}号"


def render_matter_document(kind: str, ctx: MatterContext, *, font_path: str | None = None,
                           language: Literal["zh", "en"] = "zh") -> bytes:
    """The PDF of document ``kind`` of the matter in ``ctx``.

    Raises ``ValueError`` (unknown kind or language), ``DocumentNotAvailable`` (the matter lacks
    what the kind needs) or ``FontMissing``, as ``render_document`` does for a case.
    """
    if kind not in MATTER_KINDS:
        raise ValueError(f"unknown matter document kind {kind!r}; known: {', '.join(MATTER_KINDS)}")
    document_kind, words = MATTER_KINDS[kind], MatterWords(language)
    # An order is titled by the instrument the inspector chose (限期整改指令书 or 行政处理决定书).
    ordered = kind == rectification_order.KEY and ctx.order is not None
    title = ctx.order.title(language) if ordered else document_kind.title(language)
    return render_pages(words, font_path, organisation=ctx.organisation_name,
                        document_no=matter_document_number(kind, ctx),
                        footer_left=words("footer_matter", matter_no=ctx.matter_no), issued_on=ctx.issued_on,
                        title=title, subject=ctx.matter_no, build=lambda sheet: document_kind.build(ctx, sheet, words))

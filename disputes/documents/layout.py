"""The one page layout every document shares: A4, letterhead, title, body blocks, footer.

Kinds build a list of flowables with a ``Sheet`` and hand it to ``build_pdf``; nothing else in
the package draws on a canvas.
"""

from __future__ import annotations

import dataclasses
import functools
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from reportlab.lib import colors
from reportlab.lib import textsplit as _textsplit
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import paragraph as _paragraph
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

# reportlab's wordWrap='CJK' keeps a listed character from starting a line by hanging it at the
# end of the previous one, but its list (5.1) lacks the full-width comma, colon, semicolon,
# question and exclamation marks, closing quotes and book-title marks, so Chinese text came out
# with lines beginning "，". Add them once, in both modules that read the list.
_NO_LINE_START = "\uff0c\uff1a\uff1b\uff01\uff1f\u201d\u2019\u300b\u3009\u2026"
for _module in (_textsplit, _paragraph):
    if _NO_LINE_START not in _module.ALL_CANNOT_START:
        _module.ALL_CANNOT_START += _NO_LINE_START

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 25 * mm
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
FIRST_TOP = 38 * mm  # room for the letterhead on page 1
LATER_TOP = 22 * mm
BOTTOM = 22 * mm
INK = colors.HexColor("#111111")
RULE = colors.HexColor("#8B0000")  # the dark red rule under an official letterhead
GRID = colors.HexColor("#777777")
SHADE = colors.HexColor("#EFEFEF")
BODY_SIZE = 12
CELL_SIZE = 10.5
# The tallest a table cell may grow before its text continues in the next row: well inside a later
# page's frame, so a row (and the header repeated above it) always fits on a page. Reportlab splits
# tables only between rows; one taller than a page fails the whole document (the audit's 900-character
# note in the case summary).
MAX_CELL_HEIGHT = (PAGE_HEIGHT - LATER_TOP - BOTTOM) * 0.6
_CELL_PADDING = 12  # reportlab's default left + right cell padding
# Text that no PDF can carry: lone surrogates (no encoding has them) and control characters other
# than line breaks. A value stored before the doors refused them must still print, so it is shown
# as U+FFFD or dropped rather than failing the document for good.
_SURROGATES = re.compile("[\ud800-\udfff]")
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def printable(text: str) -> str:
    """``text`` as a PDF can print it: line breaks kept, tabs as spaces, unprintable characters gone."""
    text = _SURROGATES.sub("\ufffd", str(text)).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROLS.sub("", text)


@dataclass(frozen=True)
class PageFrame:
    """What the letterhead and footer of every page print."""

    organisation: str
    document_no: str
    footer_left: str
    footer_right: str
    page_label: str  # with {page} and {total}
    title: str
    subject: str
    lang: str


@functools.lru_cache(maxsize=8)
def _styles(font: str) -> dict[str, ParagraphStyle]:
    # wordWrap='CJK' keeps closing punctuation off the start of a line and 〔2021〕56号 together.
    base = ParagraphStyle(
        "body", fontName=font, fontSize=BODY_SIZE, leading=BODY_SIZE * 1.75, textColor=INK,
        wordWrap="CJK", alignment=TA_JUSTIFY, firstLineIndent=2 * BODY_SIZE, spaceAfter=4,
    )
    plain = ParagraphStyle("plain", base, firstLineIndent=0, alignment=TA_LEFT)
    cell = ParagraphStyle("cell", plain, fontSize=CELL_SIZE, leading=CELL_SIZE * 1.45, spaceAfter=0)
    return {
        "body": base,
        "plain": plain,
        "item": ParagraphStyle("item", plain, leftIndent=2 * BODY_SIZE, firstLineIndent=-1.5 * BODY_SIZE),
        "right": ParagraphStyle("right", plain, alignment=TA_RIGHT),
        "centre": ParagraphStyle("centre", plain, alignment=TA_CENTER),
        "cell": cell,
        "cell_right": ParagraphStyle("cell_right", cell, alignment=TA_RIGHT),
        "cell_label": ParagraphStyle("cell_label", cell, textColor=colors.HexColor("#333333")),
        "banner": ParagraphStyle(
            "banner", plain, fontSize=13, leading=20, textColor=colors.HexColor("#B00000"),
        ),
    }


class Heading(Flowable):
    """A single line of emphasised text.

    The CJK fonts we may embed have no bold face, so emphasis is drawn as filled and stroked
    glyphs (text render mode 2), which prints like a bold weight and still extracts as text.
    """

    def __init__(self, text: str, font: str, size: float, *, centred: bool, spacing: float = 0,
                 before: float = 6, after: float = 6):
        super().__init__()
        self.text, self.font, self.size, self.centred = printable(text), font, size, centred
        self.spacing, self.spaceBefore, self.spaceAfter = spacing, before, after
        self.keepWithNext = True  # a heading never ends a page alone

    def _text_width(self, size: float) -> float:
        return stringWidth(self.text, self.font, size) + self.spacing * max(len(self.text) - 1, 0)

    def wrap(self, available_width, available_height):
        while self.size > 10 and self._text_width(self.size) > available_width:
            self.size -= 1
            self.spacing = 0
        self.width = available_width
        return available_width, self.size * 1.5

    def draw(self):
        canvas = self.canv
        x = (self.width - self._text_width(self.size)) / 2 if self.centred else 0
        text = canvas.beginText(x, self.size * 0.4)
        text.setFont(self.font, self.size)
        text.setCharSpace(self.spacing)
        text.setTextRenderMode(2)
        canvas.setLineWidth(self.size * 0.035)
        canvas.setFillColor(INK)
        canvas.setStrokeColor(INK)
        text.textOut(self.text)
        canvas.drawText(text)


class Sheet:
    """Builds the shared blocks of a document in one embedded font.

    Every text argument is plain text (escaped here), never markup.
    """

    def __init__(self, font: str):
        self.font = font
        self.styles = _styles(font)

    def _p(self, text: str, style: str) -> Paragraph:
        return Paragraph(escape(printable(text), quote=False).replace("\n", "<br/>"), self.styles[style])

    def title(self, text: str) -> Flowable:
        """The centred document title; short Chinese titles are letter-spaced as on paper."""
        spacing = 6 if len(text) <= 6 else 0
        return Heading(text, self.font, 22, centred=True, spacing=spacing, before=2, after=14)

    def heading(self, text: str) -> Flowable:
        """A section heading (一、当事人 …)."""
        return Heading(text, self.font, 13, centred=False, before=10, after=4)

    def para(self, text: str) -> Paragraph:
        """A body paragraph with the customary two-character first-line indent."""
        return self._p(text, "body")

    def paras(self, text: str) -> list[Flowable]:
        """One body paragraph per non-empty line of ``text``."""
        return [self.para(line.strip()) for line in text.splitlines() if line.strip()]

    def line(self, text: str, align: str = "plain") -> Paragraph:
        """An unindented line: ``plain``, ``right`` or ``centre``."""
        return self._p(text, align)

    def items(self, texts: Iterable[str]) -> list[Flowable]:
        """A list with hanging numbers: 1. 2. …"""
        return [self._p(f"{n}. {text}", "item") for n, text in enumerate(texts, start=1)]

    def _table(self, data: list, widths: Sequence[float], commands: list, **options) -> Table:
        # Table sets its cell font even for Paragraph cells; left at its Helvetica default, that
        # font is declared on the page and never embedded.
        table = Table(_rows_that_fit(data, widths), colWidths=list(widths), **options)
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), self.font, CELL_SIZE), *commands]))
        return table

    def fields(self, rows: Sequence[tuple[str, str]], label_width: float = 0.24) -> Flowable:
        """A two-column label/value table, kept on one page."""
        data = [[self._p(label, "cell_label"), self._p(value, "cell")] for label, value in rows]
        widths = (TEXT_WIDTH * label_width, TEXT_WIDTH * (1 - label_width))
        return KeepTogether([self._table(data, widths, _grid(label_column=True))])

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
              *, right: Sequence[int] = (), footer: Sequence[str] | None = None) -> Table:
        """A grid with a shaded header row repeated on each page; ``widths`` are fractions,
        ``right`` the columns of figures, ``footer`` an optional totals row."""
        def row(cells: Sequence[str]) -> list[Paragraph]:
            return [self._p(c, "cell_right" if i in right else "cell") for i, c in enumerate(cells)]

        data = [row(header), *(row(r) for r in rows)]
        if footer is not None:
            data.append(row(footer))
        return self._table(data, [TEXT_WIDTH * w for w in widths],
                           _grid(header_row=True, footer_row=footer is not None), repeatRows=1)

    def banner(self, text: str) -> Table:
        """A boxed red warning across the text width (e.g. the legal-aid URGENT notice)."""
        return self._table([[self._p(text, "banner")]], [TEXT_WIDTH], [
            ("BOX", (0, 0), (-1, -1), 1.5, colors.HexColor("#B00000")),
            ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#FFF2F2")),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
        ])

    def signatures(self, blocks: Sequence[Sequence[str]], *, right_only: bool = False,
                   lead: Sequence[Flowable] = ()) -> Flowable:
        """Signature blocks two to a row (or all in the right half, as a letter is signed), each a
        few lines (who signs, printed name, date) with room above for handwriting and seal.
        ``lead`` flowables (e.g. 此致 …) are kept on the same page as the blocks."""
        cells = [[self._p(text, "cell") for text in block] for block in blocks]
        if right_only:
            rows = [[[], cell] for cell in cells]
        else:
            cells += [[]] * (len(cells) % 2)
            rows = [cells[i:i + 2] for i in range(0, len(cells), 2)]
        table = self._table(rows, [TEXT_WIDTH / 2] * 2, [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 16),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ])
        return KeepTogether([*lead, Spacer(1, 8), table])

    def seal(self, lines: Sequence[str]) -> Flowable:
        """The issuer's block at the bottom right: organisation, （盖章）, date."""
        block = self._table([[self._p(text, "centre")] for text in lines], [TEXT_WIDTH * 0.45], [
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ], hAlign="RIGHT")
        return KeepTogether([Spacer(1, 18), block])

    @staticmethod
    def gap(height: float = 6) -> Spacer:
        """Vertical space in points."""
        return Spacer(1, height)


def _rows_that_fit(data: list, widths: Sequence[float]) -> list:
    """The rows, with any cell taller than MAX_CELL_HEIGHT continued in rows of its own below."""
    fitted = []
    for row in data:
        pieces = [_cell_pieces(cell, width - _CELL_PADDING) for cell, width in zip(row, widths)]
        count = max((len(p) for p in pieces), default=1)
        if count == 1:
            fitted.append(row)
            continue
        fitted += [[p[i] if i < len(p) else "" for p in pieces] for i in range(count)]
    return fitted


def _cell_pieces(cell, width: float) -> list:
    """A long paragraph cut into pieces each at most MAX_CELL_HEIGHT tall; anything else as it is."""
    if not isinstance(cell, Paragraph) or len(cell.text) < 200:  # short text: no measuring needed
        return [cell]
    pieces, rest = [], cell
    while rest.wrap(width, PAGE_HEIGHT * 100)[1] > MAX_CELL_HEIGHT:
        split = rest.split(width, MAX_CELL_HEIGHT)
        if len(split) < 2:
            break
        pieces.append(split[0])
        rest = split[1]
    return [*pieces, rest]


def _grid(*, label_column=False, header_row=False, footer_row=False) -> list:
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if label_column:
        commands.append(("BACKGROUND", (0, 0), (0, -1), SHADE))
    if header_row:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
    if footer_row:
        commands.append(("BACKGROUND", (0, -1), (-1, -1), SHADE))
    return commands


def _draw_letterhead(canvas: Canvas, frame: PageFrame, font: str) -> None:
    canvas.saveState()
    canvas.setFillColor(INK)
    if canvas.getPageNumber() == 1:
        canvas.setFont(font, 16)
        canvas.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 20 * mm, frame.organisation)
        canvas.setFont(font, 10.5)
        canvas.drawRightString(PAGE_WIDTH - MARGIN_X, PAGE_HEIGHT - 28 * mm, frame.document_no)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(1.2)
        rule_y = PAGE_HEIGHT - 30.5 * mm
    else:
        canvas.setFont(font, 9)
        canvas.drawString(MARGIN_X, PAGE_HEIGHT - 14 * mm, frame.organisation)
        canvas.drawRightString(PAGE_WIDTH - MARGIN_X, PAGE_HEIGHT - 14 * mm, frame.document_no)
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.5)
        rule_y = PAGE_HEIGHT - 16 * mm
    canvas.line(MARGIN_X, rule_y, PAGE_WIDTH - MARGIN_X, rule_y)
    canvas.restoreState()


def _draw_footer(canvas: Canvas, frame: PageFrame, font: str, page: int, total: int) -> None:
    canvas.saveState()
    canvas.setStrokeColor(GRID)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, 15 * mm, PAGE_WIDTH - MARGIN_X, 15 * mm)
    canvas.setFillColor(INK)
    canvas.setFont(font, 9)
    y = 10 * mm
    canvas.drawString(MARGIN_X, y, frame.footer_left)
    canvas.drawCentredString(PAGE_WIDTH / 2, y, frame.page_label.format(page=page, total=total))
    canvas.drawRightString(PAGE_WIDTH - MARGIN_X, y, frame.footer_right)
    canvas.restoreState()


def _numbered_canvas(frame: PageFrame, font: str) -> type[Canvas]:
    """A canvas that holds its pages back until the end, so each footer can say 共 Y 页."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                _draw_footer(self, frame, font, number, len(self._pages))
                super().showPage()
            super().save()

    return NumberedCanvas


def build_pdf(frame: PageFrame, flowables: list[Flowable], font: str) -> bytes:
    """Lay ``flowables`` out on A4 pages with the shared letterhead and footer; return the PDF."""
    frame = dataclasses.replace(frame, **{f.name: printable(getattr(frame, f.name)) for f in dataclasses.fields(frame)})
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=A4, title=frame.title, author=frame.organisation, subject=frame.subject,
        creator="Dispute Desk", lang="zh-CN" if frame.lang == "zh" else "en",
        # Without this every page declares Helvetica, a font that is never embedded.
        initialFontName=font, initialFontSize=BODY_SIZE,
        leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=LATER_TOP, bottomMargin=BOTTOM,
    )
    height = PAGE_HEIGHT - BOTTOM
    first = Frame(MARGIN_X, BOTTOM, TEXT_WIDTH, height - FIRST_TOP, id="first", leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0)
    later = Frame(MARGIN_X, BOTTOM, TEXT_WIDTH, height - LATER_TOP, id="later", leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0)

    def letterhead(canvas, _doc):
        _draw_letterhead(canvas, frame, font)

    doc.addPageTemplates([
        PageTemplate("first", [first], onPage=letterhead, autoNextPageTemplate="later"),
        PageTemplate("later", [later], onPage=letterhead),
    ])
    doc.build(flowables, canvasmaker=_numbered_canvas(frame, font))
    return buffer.getvalue()

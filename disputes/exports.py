"""Spreadsheets that are inert: what a user typed (a platform's or a respondent's name) is never run
as a formula when the file is opened in Excel, WPS or LibreOffice (OWASP "CSV injection")."""
from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Iterable, Sequence

# A cell starting with one of these is read as a formula (or, for tab and CR, shifts into one).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(value: object) -> object:
    """Text as text: a leading formula character is escaped with an apostrophe; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(rows: Iterable[Sequence[object]]) -> str:
    """CSV in UTF-8 with a BOM, so Excel opens the Chinese correctly; every cell inert."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows([inert(cell) for cell in row] for row in rows)
    return "\ufeff" + buffer.getvalue()


def xlsx_bytes(sheet_name: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """An Excel workbook: text written as strings (never formulas), amounts as numbers."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_name)
    sheet.append(list(header))
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=float(value) if isinstance(value, Decimal) else value)
            if isinstance(value, str):
                cell.data_type = "s"  # openpyxl would otherwise store "=…" as a formula
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

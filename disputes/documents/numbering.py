"""Document numbers (文书编号) in the customary （年份）机构简称+种类字第…号 form."""

from __future__ import annotations

import re

from .kinds import kind_named

_LEADING_YEAR = re.compile(r"^\D*((?:19|20)\d{2})")
# A case or matter number: an optional letter (J for the inspectorate), the year, a dash, the serial.
_YEAR_AND_SERIAL = re.compile(r"^[A-Z]?(?:19|20)\d{2}-0*(\d+)$")
# Words that begin the generic part of an organisation's name; what precedes is its place name.
_GENERIC = ("劳动人事争议", "劳动争议", "人民调解", "调解", "仲裁", "人力资源", "法律援助")
_ADMIN_SUFFIXES = ("街道", "区", "县", "市", "镇", "乡")


def year_in(case_no: str) -> int | None:
    """The year a case number starts with (``2026-0001234`` → 2026), if it starts with one."""
    match = _LEADING_YEAR.match(case_no)
    return int(match.group(1)) if match else None


def serial_in(number: str) -> str:
    """The serial a numbered document cites: ``2026-0001234`` → ``1234`` (the year already stands in
    the brackets before it, so it is not said twice); a number of another form as it is."""
    match = _YEAR_AND_SERIAL.match(number.strip())
    return match.group(1) if match else number.strip()


def document_number(kind: str, case_no: str, org_short: str, *, year: int | None = None) -> str:
    """The number of ``kind`` for ``case_no``: ``（2026）某劳调受字第1234号`` for case 2026-0001234.

    The year is ``year`` if given, else the year ``case_no`` starts with; the result depends only
    on the arguments. Raises ``ValueError`` for an unknown kind, an empty case number or
    organisation, or no year.
    """
    word = kind_named(kind).number_word
    case_no, org_short = case_no.strip(), org_short.strip()
    if not case_no or not org_short:
        raise ValueError("a document number needs a case number and an organisation short name")
    year = year or year_in(case_no)
    if year is None:
        raise ValueError(f"case number {case_no!r} does not start with a year; pass year=")
    return f"（{year}）{org_short}劳调{word}字第{serial_in(case_no)}号"


def organisation_short(name: str) -> str:
    """A short name for the number when none is configured: the place name before the generic
    part, without its administrative suffix (某某区劳动人事争议调解中心 → 某某); with no place
    name, the first two characters."""
    name = name.strip()
    cut = min((i for i in (name.find(g) for g in _GENERIC) if i > 0), default=2)
    place = name[:cut]
    for suffix in _ADMIN_SUFFIXES:
        if place.endswith(suffix) and len(place) - len(suffix) >= 2:
            place = place[: -len(suffix)]
            break
    return place

"""Statutory holidays for any year, and the State Council's yearly arrangements as data.

Two sources, in this order of precedence:

1. The yearly arrangement (放假调休安排) that the General Office of the State Council publishes
   (《国务院办公厅关于××年部分节假日安排的通知》): the days off, make-up days off and make-up
   working days (调休上班). It is data: `workflows/data/holiday_arrangements.json`, anything the app
   registers with `register_arrangement` (e.g. loaded from its database by an admin), and, for
   the years it ships, the `chinesecalendar` package.
2. Without an arrangement, the statutory holidays themselves, computed from
   《全国年节及纪念日放假办法》 Art. 2 for the year. Such a year is *provisional*: weekends and the
   statutory days are rest days, but the make-up working days and the substitute day off for a
   holiday on a weekend (Art. 6: 补假) are not known until the notice is published.

Lunar festivals (除夕, 春节, 端午, 中秋) and the solar term 清明 come from the `lunar_python`
library (MIT, pure Python; its calendar is computed astronomically), never from a hand-made table.

Editions of Art. 2 (text of the national database of laws and regulations, as mirrored by
LawRefBook/Laws):
- 2013 revision (2013-12-11), from 2014-01-01: 元旦 1 day; 春节 初一 to 初三; 清明 1; 劳动节 5月1日;
  端午 1; 中秋 1; 国庆 10月1日至3日.
- 2024 revision (国务院令第795号, 2024-11-10, in force 2025-01-01; decision as published by
  Xinhua on 2024-11-12): 春节 4 days, 除夕 and 初一 to 初三; 劳动节 5月1日、2日; the rest unchanged.
"""

import datetime as dt
import json
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from lunar_python import Lunar, Solar

D = dt.date
ONE_DAY = dt.timedelta(days=1)

HOLIDAY_NAMES = MappingProxyType({
    "new_year": ("元旦", "New Year's Day"),
    "spring_festival": ("春节", "Spring Festival"),
    "qingming": ("清明节", "Qingming Festival"),
    "labour_day": ("劳动节", "Labour Day"),
    "dragon_boat": ("端午节", "Dragon Boat Festival"),
    "mid_autumn": ("中秋节", "Mid-Autumn Festival"),
    "national_day": ("国庆节", "National Day"),
})


@dataclass(frozen=True)
class Edition:
    """One version of Art. 2 of 《全国年节及纪念日放假办法》 and the day it took effect."""

    in_force_from: dt.date
    basis: str
    spring_festival_eve: bool  # 除夕 is a statutory day off
    labour_days: int


EDITIONS = (
    Edition(D(2014, 1, 1), "《全国年节及纪念日放假办法》（2013年修订）第二条", False, 1),
    Edition(D(2025, 1, 1), "《全国年节及纪念日放假办法》（2024年修订，国务院令第795号，2025年1月1日起施行）第二条",
            True, 2),
)
FIRST_COMPUTED_YEAR = EDITIONS[0].in_force_from.year
LAST_COMPUTED_YEAR = 2099  # lunar_python's range is wider; no period here reaches so far


@dataclass(frozen=True)
class Holiday:
    """One statutory day off (全体公民放假的节日)."""

    day: dt.date
    key: str
    basis: str

    @property
    def name_zh(self):
        return HOLIDAY_NAMES[self.key][0]

    @property
    def name_en(self):
        return HOLIDAY_NAMES[self.key][1]


def edition_for(year):
    """The edition of Art. 2 in force in `year`, or None before 2014."""
    found = [e for e in EDITIONS if e.in_force_from.year <= year]
    return found[-1] if found else None


def _solar(lunar):
    solar = lunar.getSolar()
    return D(solar.getYear(), solar.getMonth(), solar.getDay())


def lunar_to_solar(year, month, day):
    """The Gregorian date of day `day` of lunar month `month` (not leap) of lunar year `year`."""
    return _solar(Lunar.fromYmd(year, month, day))


def qingming(year):
    """The day of the solar term 清明 in `year` (4, 5 or 6 April)."""
    term = Solar.fromYmd(year, 4, 15).getLunar().getJieQiTable()["清明"]
    return D(term.getYear(), term.getMonth(), term.getDay())


@lru_cache(maxsize=256)
def statutory_holidays(year):
    """The statutory days off of `year` under the edition of Art. 2 then in force, in date order.

    Raises ValueError for years the computation does not cover (before 2014 or after 2099).
    """
    edition = edition_for(year)
    if edition is None or year > LAST_COMPUTED_YEAR:
        raise ValueError(f"statutory holidays are computed for {FIRST_COMPUTED_YEAR}–{LAST_COMPUTED_YEAR}, not {year}")
    new_year = lunar_to_solar(year, 1, 1)
    spring = [new_year + n * ONE_DAY for n in range(3)]
    if edition.spring_festival_eve:
        spring.insert(0, new_year - ONE_DAY)  # 除夕: the last day of the twelfth month, 29th or 30th
    days = [
        (D(year, 1, 1), "new_year"),
        *((day, "spring_festival") for day in spring),
        (qingming(year), "qingming"),
        *((D(year, 5, n), "labour_day") for n in range(1, edition.labour_days + 1)),
        (lunar_to_solar(year, 5, 5), "dragon_boat"),
        (lunar_to_solar(year, 8, 15), "mid_autumn"),
        *((D(year, 10, n), "national_day") for n in (1, 2, 3)),
    ]
    return tuple(Holiday(day, key, edition.basis) for day, key in sorted(days))


# The yearly arrangement.

@dataclass(frozen=True)
class Arrangement:
    """A published yearly arrangement: every day off and every make-up working day of the year."""

    year: int
    days_off: frozenset
    working_days: frozenset
    source: str
    published_on: dt.date | None = None
    url: str | None = None

    def as_data(self):
        """The JSON form of holiday_arrangements.json (days off as date ranges)."""
        return {
            "source": self.source,
            "published_on": self.published_on.isoformat() if self.published_on else None,
            "url": self.url,
            "days_off": [[a.isoformat(), b.isoformat()] for a, b in date_ranges(sorted(self.days_off))],
            "working_days": sorted(day.isoformat() for day in self.working_days),
        }


def date_ranges(days):
    ranges = []
    for day in days:
        if ranges and ranges[-1][1] + ONE_DAY == day:
            ranges[-1][1] = day
        else:
            ranges.append([day, day])
    return [tuple(r) for r in ranges]


def _date(value, what):
    try:
        return D.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValueError(f"{what}: not an ISO date: {value!r}") from None


def _expand(entry, what):
    if isinstance(entry, str):
        return [_date(entry, what)]
    if isinstance(entry, (list, tuple)) and len(entry) == 2:
        first, last = _date(entry[0], what), _date(entry[1], what)
        if last < first or (last - first).days > 15:
            raise ValueError(f"{what}: a range of days off runs forward and for at most 16 days: {entry!r}")
        return [first + n * ONE_DAY for n in range((last - first).days + 1)]
    raise ValueError(f"{what}: a day off is a date or a [first, last] pair: {entry!r}")


class ArrangementInvalid(ValueError):
    """An arrangement that cannot be the State Council's; `kind` names the check it failed, `days` the dates.

    Kinds: "day_off_and_working" (a day is both), "working_day_on_weekday" (a make-up working day
    not on a Saturday or Sunday), "outside_year", "statutory_day_missing" (`names` lists them too).
    """

    def __init__(self, message, kind, days=(), names=()):
        super().__init__(message)
        self.kind, self.days, self.names = kind, tuple(days), tuple(names)


def check_arrangement(arrangement):
    """Refuse an arrangement that cannot be the State Council's: the checks a typo would fail.

    Every statutory day off of the year must be a day off; make-up working days fall on a
    Saturday or Sunday; no day is both; every day lies within the year or the days next to it.
    """
    year = arrangement.year
    both = arrangement.days_off & arrangement.working_days
    if both:
        raise ArrangementInvalid(f"{year}: both a day off and a working day: {sorted(d.isoformat() for d in both)}",
                                 "day_off_and_working", sorted(both))
    for day in arrangement.working_days:
        if day.weekday() < 5:
            raise ArrangementInvalid(f"{year}: a make-up working day must be a Saturday or Sunday, not {day.isoformat()}",
                                     "working_day_on_weekday", [day])
    window = (D(year - 1, 12, 1), D(year + 1, 1, 31))
    for day in arrangement.days_off | arrangement.working_days:
        if not window[0] <= day <= window[1]:
            raise ArrangementInvalid(f"{year}: {day.isoformat()} is outside the year's arrangement", "outside_year", [day])
    if FIRST_COMPUTED_YEAR <= year <= LAST_COMPUTED_YEAR:
        missing = [h for h in statutory_holidays(year) if h.day not in arrangement.days_off]
        if missing:
            names = "、".join(f"{h.day.isoformat()}（{h.name_zh}）" for h in missing)
            raise ArrangementInvalid(f"{year}: statutory days off missing from the arrangement: {names}",
                                     "statutory_day_missing", [h.day for h in missing], [h.name_zh for h in missing])
    return arrangement


def arrangement_from_data(year, data):
    """An Arrangement from the JSON form ({"source", "days_off", "working_days", ...}), checked."""
    if not isinstance(data, Mapping):
        raise ValueError(f"{year}: an arrangement is an object")
    year = int(year)
    source = data.get("source")
    if not isinstance(source, str) or not source.strip():
        raise ValueError(f"{year}: name the notice the arrangement comes from (source)")
    days_off = {day for entry in data.get("days_off") or () for day in _expand(entry, f"{year} days_off")}
    working = {_date(day, f"{year} working_days") for day in data.get("working_days") or ()}
    published = data.get("published_on")
    return check_arrangement(Arrangement(
        year, frozenset(days_off), frozenset(working), source.strip(),
        _date(published, f"{year} published_on") if published else None, data.get("url"),
    ))


_MONTH_DAY = r"(?:(\d{1,2})月)?(\d{1,2})日(?:（[^）]*）|\([^)]*\))?"
_DAYS_OFF = re.compile(_MONTH_DAY + r"(?:至" + _MONTH_DAY + r")?[^。；;]*?(?:放假|补休)")
_WORKING = re.compile(r"((?:" + _MONTH_DAY + r"[、，,]?)+)上班")
_ONE_DAY = re.compile(_MONTH_DAY)


def _month_days(text, year, month=None):
    days = []
    for match in _ONE_DAY.finditer(text):
        month = int(match.group(1)) if match.group(1) else month
        days.append(D(year, month, int(match.group(2))))
    return days


def arrangement_from_notice(year, text, *, source, published_on=None, url=None):
    """Read the arrangement out of the notice's text, item by item ("一、元旦：…放假…。…上班。").

    Each item names its days off as "M月D日至[M月]D日…放假" (or one day "…放假" / "…补休") and its
    make-up working days as "M月D日、M月D日上班"; weekday notes in brackets are skipped. Dates in
    December belong to the year before when the item is 元旦. The result is checked like any other.
    """
    days_off, working = set(), set()
    for line in re.split(r"[\n]|(?=[一二三四五六七八九十]、)", text):
        if not line.strip():
            continue
        for match in _DAYS_OFF.finditer(line):
            m1, d1, m2, d2 = match.groups()
            if m1 is None:
                continue
            first = D(year, int(m1), int(d1))
            last = D(year, int(m2) if m2 else int(m1), int(d2)) if d2 else first
            if "元旦" in line and first.month == 12:
                first = first.replace(year=year - 1)
            if last < first:
                last = last.replace(year=last.year + 1) if last.month < first.month else last
            days_off.update(first + n * ONE_DAY for n in range((last - first).days + 1))
        for match in _WORKING.finditer(line):
            for day in _month_days(match.group(1), year):
                working.add(day.replace(year=year - 1) if "元旦" in line and day.month == 12 else day)
    return check_arrangement(Arrangement(year, frozenset(days_off), frozenset(working), source, published_on, url))


def _package_data():
    return resources.files("workflows").joinpath("data", "holiday_arrangements.json")


def load_arrangements(path=None):
    """{year: Arrangement} from a JSON file (the package's holiday_arrangements.json by default)."""
    text = Path(path).read_text(encoding="utf-8") if path else _package_data().read_text(encoding="utf-8")
    raw = json.loads(text)
    return {int(year): arrangement_from_data(year, data) for year, data in raw.items() if not year.startswith("_")}


def merge_into_file(arrangements, path):
    """Write the arrangements into a holiday_arrangements.json, replacing the same years."""
    path = Path(path)
    raw = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    for arrangement in arrangements:
        raw[str(arrangement.year)] = arrangement.as_data()
    ordered = dict(sorted(raw.items()))
    path.write_text(json.dumps(ordered, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main(argv=None):
    """`python -m workflows.holidays show YEAR` | `check FILE.json` | `import FILE.json [--into PATH]`
    | `notice YEAR TEXT.txt --source NAME [--into PATH]`."""
    from . import calendar

    args = list(sys.argv[1:] if argv is None else argv)
    into = None
    if "--into" in args:
        at = args.index("--into")
        into, args = args[at + 1], args[:at] + args[at + 2:]
    source = None
    if "--source" in args:
        at = args.index("--source")
        source, args = args[at + 1], args[:at] + args[at + 2:]
    if len(args) == 2 and args[0] == "show":
        year = int(args[1])
        print(calendar.describe_year(year))
        return 0
    if len(args) == 2 and args[0] in ("check", "import"):
        found = load_arrangements(args[1])
        print(f"{len(found)} arrangement(s) pass the checks: {', '.join(map(str, sorted(found)))}")
        if args[0] == "import":
            target = into or str(_package_data())
            merge_into_file(found.values(), target)
            print(f"written into {target}")
        return 0
    if len(args) == 3 and args[0] == "notice" and source:
        arrangement = arrangement_from_notice(int(args[1]), Path(args[2]).read_text(encoding="utf-8"), source=source)
        merge_into_file([arrangement], into or str(_package_data()))
        print(json.dumps(arrangement.as_data(), ensure_ascii=False, indent=2))
        return 0
    print(main.__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())

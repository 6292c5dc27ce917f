"""Working days and the counting of statutory periods.

Chinese procedure counts a period from the day after the starting day; when the last day is a
statutory rest day or holiday the period ends on the next working day, and make-up working days
(调休上班) are working days (《民事诉讼法》（2023年修正）第八十五条, applied to arbitration by
《劳动人事争议仲裁办案规则》第十九条; 《民法典》第二百零一条至第二百零三条 for periods in years).

Which days are off comes from workflows.holidays: the State Council's yearly arrangement where one
is published or registered (`calendar_known_for` is True), else the statutory holidays of
《全国年节及纪念日放假办法》 computed for the year plus weekends — a *provisional* calendar, since
make-up working days and substitute days off are not known before the notice.
"""

import datetime as dt
import hashlib
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from chinese_calendar import constants as _package_tables

from . import holidays as _holidays

UNKNOWN_CALENDAR_NOTE = ("该年度放假调休安排尚未公布，已按《全国年节及纪念日放假办法》计入法定节假日，"
                         "调休上班日和补假未计入，日期为推算，以国务院办公厅通知为准")
UNKNOWN_CALENDAR_NOTE_EN = ("The State Council has not yet published that year's holiday arrangement: the statutory "
                            "holidays of the Measures on National Holidays and Commemorative Days are counted, "
                            "working weekends and days in lieu are not; the date is an estimate until the "
                            "General Office's notice")
UNITS = ("days", "working_days", "years")
PACKAGE_SOURCE = "chinesecalendar 程序包所载国务院办公厅节假日安排通知"

_registered = {}


def _package_arrangement(year):
    days_off = frozenset(day for day in _package_tables.holidays if day.year == year)
    if not days_off:
        return None
    working = frozenset(day for day in _package_tables.workdays if day.year == year)
    return _holidays.Arrangement(year, days_off, working, PACKAGE_SOURCE)


@lru_cache(maxsize=1)
def _shipped():
    return _holidays.load_arrangements()


@lru_cache(maxsize=256)
def arrangement_for(year):
    """The published arrangement for `year`: registered, else shipped JSON, else the package's; or None."""
    return _registered.get(year) or _shipped().get(year) or _package_arrangement(year)


def register_arrangement(arrangement):
    """Make a published arrangement count from now on (the app loads the admin's from its database).

    `arrangement` is a workflows.holidays.Arrangement (checked) or (year, data) in the JSON form.
    It takes precedence over the shipped data; the caches of working days are cleared.
    """
    if isinstance(arrangement, tuple):
        arrangement = _holidays.arrangement_from_data(*arrangement)
    _holidays.check_arrangement(arrangement)
    _registered[arrangement.year] = arrangement
    _clear_caches()
    return arrangement


@lru_cache(maxsize=1)
def registered_stamp():
    """The arrangements registered in this process, named by their days: the same text in every
    process that counts with the same days, another one as soon as a registration changes them.
    What is kept from a computation with dates (a case's deadlines) is kept under it."""
    if not _registered:
        return ""
    named = repr(sorted((year, sorted(a.days_off), sorted(a.working_days)) for year, a in _registered.items()))
    return hashlib.sha256(named.encode()).hexdigest()[:16]


def unregister_arrangement(year):
    """Forget a registered arrangement (shipped data and the package remain)."""
    _registered.pop(year, None)
    _clear_caches()


def _clear_caches():
    registered_stamp.cache_clear()
    arrangement_for.cache_clear()
    is_working_day.cache_clear()
    _statutory_days.cache_clear()


def calendar_known_for(day_or_year):
    """Whether a published arrangement exists for the year of a date (or for a year)."""
    year = day_or_year if isinstance(day_or_year, int) else day_or_year.year
    return arrangement_for(year) is not None


@lru_cache(maxsize=256)
def _statutory_days(year):
    try:
        return MappingProxyType({h.day: h for h in _holidays.statutory_holidays(year)})
    except ValueError:
        return MappingProxyType({})


@lru_cache(maxsize=8192)
def is_working_day(day):
    """A working day: Mon–Fri except days off, plus make-up working days.

    With a published arrangement, exactly as it says. Without one, Monday to Friday except the
    statutory holidays computed for the year (provisional). Cached: a one-year limitation period
    asks about ~365 days.
    """
    arrangement = arrangement_for(day.year)
    if arrangement is not None:
        return day in arrangement.working_days or (day.weekday() < 5 and day not in arrangement.days_off)
    return day.weekday() < 5 and day not in _statutory_days(day.year)


@dataclass(frozen=True)
class DayStatus:
    """What a day is, for the page and the API: working or not, why, and how sure."""

    day: dt.date
    working: bool
    kind: str  # "working_day", "weekend", "holiday", "make_up_working_day"
    holiday_zh: str | None
    provisional: bool
    source: str

    def as_data(self):
        return {"day": self.day.isoformat(), "working": self.working, "kind": self.kind,
                "holiday_zh": self.holiday_zh, "provisional": self.provisional, "source": self.source}


def day_status(day):
    """The DayStatus of one date."""
    arrangement = arrangement_for(day.year)
    statutory = _statutory_days(day.year).get(day)
    name = statutory.name_zh if statutory else None
    if arrangement is not None:
        if day in arrangement.working_days:
            kind = "make_up_working_day"
        elif day in arrangement.days_off:
            kind = "holiday"
        else:
            kind = "working_day" if day.weekday() < 5 else "weekend"
        return DayStatus(day, is_working_day(day), kind, name, False, arrangement.source)
    if statutory:
        kind = "holiday"
        source = statutory.basis
    else:
        kind = "working_day" if day.weekday() < 5 else "weekend"
        source = _holidays.edition_for(day.year).basis if _holidays.edition_for(day.year) else "周一至周五"
    return DayStatus(day, is_working_day(day), kind, name, True, source)


def describe_year(year):
    """A few lines on where the year's calendar comes from and its days off (for the CLI)."""
    arrangement = arrangement_for(year)
    lines = [f"{year}: " + (f"已公布 — {arrangement.source}" if arrangement else "未公布放假调休安排，按法定节假日推算")]
    for holiday in _statutory_days(year).values():
        lines.append(f"  {holiday.day.isoformat()} {holiday.name_zh}")
    if arrangement is not None:
        lines.append("  调休上班：" + ("、".join(d.isoformat() for d in sorted(arrangement.working_days)) or "无"))
    return "\n".join(lines)


def next_working_day(day):
    """The day itself if it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def _add_working_days(start, count):
    day, counted = start, 0
    while counted < count:
        day += dt.timedelta(days=1)
        counted += is_working_day(day)
    return day


def _add_years(start, years):
    # 《民法典》第二百零二条: the corresponding day of the last year, or the month's last day.
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return start.replace(year=start.year + years, day=28)


def add_period(start, length, unit="days"):
    """The last day of a period of `length` units starting on `start` (which is not counted).

    `unit` is "days" (calendar days; a last day on a rest day or holiday moves to the next working
    day), "working_days" (工作日, e.g. 《劳动人事争议仲裁办案规则》第八十条) or "years".
    """
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {UNITS}, not {unit!r}")
    if length < 0:
        raise ValueError("a period cannot be negative")
    if unit == "working_days":
        return _add_working_days(start, length)
    if unit == "years":
        return next_working_day(_add_years(start, length))
    return next_working_day(start + dt.timedelta(days=length))


def subtract_working_days(day, count):
    """The working day `count` working days before `day` (`day` itself not counted).

    "Notice at least five working days before the hearing" means the notice is given on or before
    `subtract_working_days(hearing_day, 5)`.
    """
    counted = 0
    while counted < count:
        day -= dt.timedelta(days=1)
        counted += is_working_day(day)
    return day


def working_days_between(start, end):
    """Working days after `start` up to and including `end`; negative when `end` is earlier.

    `working_days_between(today, due) <= 3` is "due within three working days".
    """
    if end < start:
        return -working_days_between(end, start)
    return sum(is_working_day(start + dt.timedelta(days=n)) for n in range(1, (end - start).days + 1))


def calendar_known_between(start, end):
    """Whether a published arrangement covers every year from `start` to `end`."""
    return all(calendar_known_for(year) for year in range(start.year, end.year + 1))

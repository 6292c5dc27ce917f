"""Working days and the counting of statutory periods.

Chinese procedure counts a period from the day after the starting day; when the last day is a
statutory rest day or holiday the period ends on the next working day, and make-up working days
(调休上班) are working days (《民事诉讼法》第八十五条, applied to arbitration by
《劳动人事争议仲裁办案规则》第十九条; 《民法典》第二百零一条至第二百零三条 for periods in years).
Holiday data comes from `chinese_calendar`, which only knows the years it ships with; for other
years the calendar falls back to Monday–Friday and says so.
"""

import datetime as dt
from functools import lru_cache

import chinese_calendar

UNKNOWN_CALENDAR_NOTE = "该年度法定节假日数据缺失，按周末推算"
UNITS = ("days", "working_days", "years")


@lru_cache(maxsize=64)
def _year_known(year):
    try:
        chinese_calendar.is_workday(dt.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def calendar_known_for(day_or_year):
    """Whether official holiday data exists for the year of a date (or for a year)."""
    year = day_or_year if isinstance(day_or_year, int) else day_or_year.year
    return _year_known(year)


@lru_cache(maxsize=8192)
def is_working_day(day):
    """A working day: Mon–Fri except official holidays, plus make-up working days.

    Without holiday data for the year, every Monday to Friday counts. Cached: chinese_calendar
    looks each day up in its tables anew, and a one-year limitation period asks about ~365 days.
    """
    if calendar_known_for(day):
        return chinese_calendar.is_workday(day)
    return day.weekday() < 5


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


def working_days_between(start, end):
    """Working days after `start` up to and including `end`; negative when `end` is earlier.

    `working_days_between(today, due) <= 3` is "due within three working days".
    """
    if end < start:
        return -working_days_between(end, start)
    return sum(is_working_day(start + dt.timedelta(days=n)) for n in range(1, (end - start).days + 1))


def calendar_known_between(start, end):
    """Whether holiday data covers every year from `start` to `end`."""
    return all(calendar_known_for(year) for year in range(start.year, end.year + 1))

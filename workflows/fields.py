"""Validation and normalisation of event data, field by field.

Every function takes the raw value and returns it normalised for the history (JSON-friendly:
amounts as "123.45", dates as "YYYY-MM-DD"), or raises GuardRefused naming the field.
"""

import datetime as dt
import json
import re
from decimal import Decimal

from .errors import GuardRefused

MAX_TEXT = 2000
MAX_AMOUNT = Decimal("10000000000")  # Numeric(12, 2) in the database
CENT = Decimal("0.01")
# Any decimal digits for an amount ("６０００" from a Chinese keyboard: Decimal reads them all);
# ASCII digits only in dates, which fromisoformat reads no other way.
_AMOUNT_TEXT = re.compile(r"^-?\d+(\.\d+)?$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$", re.ASCII)
CHINA_TIME = dt.timezone(dt.timedelta(hours=8), "Asia/Shanghai")  # no daylight saving since 1991
# The range any date in a case may fall in: no dispute before the 1990s reaches this desk, and a
# date past 2100 is a typing slip (it would also overflow when shifted by a time zone at 9999).
EARLIEST_DATE = dt.date(1990, 1, 1)
LATEST_DATE = dt.date(2100, 12, 31)
# The largest id a 32-bit signed integer column holds (PostgreSQL's INTEGER).
MAX_ID = 2**31 - 1


def _refuse(field, zh, en):
    raise GuardRefused(zh, en, field=field)


def _decimal(value, field):
    number = None
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int) and not isinstance(value, bool):
        number = Decimal(value)
    elif isinstance(value, str):
        digits = value.strip().replace(",", "")
        if _AMOUNT_TEXT.match(digits):
            number = Decimal(digits)
    if number is None or not number.is_finite():
        _refuse(field, "金额格式不正确，请填写数字，例如 1234.50", "Enter the amount as a number, e.g. 1234.50")
    return number


def amount(value, field="amount", *, allow_zero=False):
    """A sum of money in yuan: Decimal, positive (or zero if allowed), at most two decimals."""
    number = _decimal(value, field)
    if number < 0 and allow_zero:
        _refuse(field, "金额不能为负数", "The amount cannot be negative")
    if number < 0 or (number == 0 and not allow_zero):
        _refuse(field, "金额须大于零", "The amount must be greater than zero")
    if number >= MAX_AMOUNT:
        _refuse(field, "金额过大，请核对", "The amount is too large; please check it")
    cents = number.quantize(CENT)
    if cents != number:
        _refuse(field, "金额最多保留两位小数", "An amount has at most two decimals")
    return format(cents, "f")


def _within_range(day, field):
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        _refuse(field, f"日期须在 {EARLIEST_DATE.isoformat()} 至 {LATEST_DATE.isoformat()} 之间，请核对",
                f"The date must fall between {EARLIEST_DATE.isoformat()} and {LATEST_DATE.isoformat()}")
    return day


def date(value, field="date"):
    """A date given as "YYYY-MM-DD" (or a date object) within the sane range; returned as the ISO string."""
    day = None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        day = value
    elif isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    if day is None:
        _refuse(field, "日期格式应为 YYYY-MM-DD，例如 2026-12-31", "Enter the date as YYYY-MM-DD, e.g. 2026-12-31")
    return _within_range(day, field).isoformat()


def date_not_before(value, today, field):
    """A date that is today or later."""
    iso = date(value, field)
    if dt.date.fromisoformat(iso) < today:
        _refuse(field, "履行期限不能早于今天", "The date cannot be earlier than today")
    return iso


def future_datetime(value, today, field="at"):
    """A local date and time (ISO, e.g. "2026-12-03T09:30") on a day after today.

    A time with a UTC offset is converted to China time; the result has no offset.
    """
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, str) and _ISO_DATETIME.match(value.strip()):
        try:
            moment = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            moment = None
    else:
        moment = None
    if moment is None:
        _refuse(field, "开庭时间格式应为 YYYY-MM-DDTHH:MM，例如 2026-12-03T09:30",
                "Enter the hearing time as YYYY-MM-DDTHH:MM, e.g. 2026-12-03T09:30")
    _within_range(moment.date(), field)  # before the shift: 9999-12-31T23:59-10:00 would overflow
    if moment.tzinfo is not None:
        moment = moment.astimezone(CHINA_TIME).replace(tzinfo=None)
    if moment.date() <= today:
        _refuse(field, "开庭时间须在今天之后", "The hearing must be after today")
    return moment.isoformat(timespec="minutes")


def text(value, field, *, missing_zh, missing_en, limit=MAX_TEXT):
    """Non-empty text of at most `limit` characters, stripped."""
    if value is None or (isinstance(value, str) and not value.strip()):
        _refuse(field, missing_zh, missing_en)
    if not isinstance(value, str):
        _refuse(field, "请填写文字", "Enter text")
    if len(value.strip()) > limit:
        _refuse(field, f"内容不能超过 {limit} 字", f"At most {limit} characters")
    return value.strip()


def optional_text(value, field):
    """Text that may be left out; when given it obeys the same limits."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return text(value, field, missing_zh="", missing_en="")


def choice(value, field, allowed, *, missing_zh, missing_en):
    """One of the allowed keys."""
    if value not in allowed:
        _refuse(field, missing_zh, missing_en)
    return value


def whole_number(value, *, minimum: int = 0, maximum: int = MAX_ID) -> int | None:
    """The number written in `value` (ASCII digits only, no sign or spaces), within the range, else None.

    The one parser of ids, versions, page numbers and thresholds that come as text, in event data
    and at the web doors alike: ``str.isdigit`` also accepts "²" and "١", which ``int`` then
    refuses, and a number past the column's range makes the database, not the user, fail.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 19:
        number = int(value)
    else:
        return None
    return number if minimum <= number <= maximum else None


def user_id(value, field):
    """A positive integer id that fits the id column, given as an int or in ASCII digits."""
    number = whole_number(value, minimum=1)
    if number is None:
        _refuse(field, "人员编号不正确", "Not a valid user id")
    return number


def flag(value, field):
    """A yes/no answer."""
    if value is None:
        return False
    if not isinstance(value, bool):
        _refuse(field, "请选择是或否", "Answer yes or no")
    return value


def passthrough(data, known):
    """Extra keys the app sends (more is welcome), kept only if they are plain JSON."""
    extra = {key: value for key, value in data.items() if key not in known}
    for key, value in extra.items():
        try:
            json.dumps(value, allow_nan=False)
        except (TypeError, ValueError):
            _refuse(key, "附加信息须为文字或数字", "Extra data must be plain text or numbers")
    return extra

"""Field validators shared by every door (intake, admin, the assessment, the API): each returns None
when the value is good, else a message.

Pure functions of one value, shared by the web forms and the JSON API, so both doors give the
same answer in the same words.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal, InvalidOperation

from flask_babel import gettext as _
from stdnum.cn import ric, uscc
from stdnum.exceptions import InvalidChecksum, ValidationError

from workflows import EARLIEST_DATE, LATEST_DATE, MAX_ID, whole_number  # noqa: F401 (the doors import it from here)

MAX_AMOUNT = Decimal("9999999999.99")
MOBILE = re.compile(r"^1[3-9]\d{9}$")
LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}$")
# NUL and lone surrogates: no column takes them (PostgreSQL refuses NUL in text; UTF-8 cannot
# encode a surrogate alone), and a page or PDF holding one fails to render for good.
_UNREADABLE = re.compile("[\x00\ud800-\udfff]")
# The largest value a 32-bit signed integer column holds (ids, versions): PostgreSQL's INTEGER.
MAX_DB_INTEGER = MAX_ID


def unreadable_text(value) -> bool:
    """Whether a string holds a NUL or a lone surrogate (refused at every door, never stored)."""
    return isinstance(value, str) and _UNREADABLE.search(value) is not None


def readable(value: str) -> str:
    """``value`` with lone surrogates shown as U+FFFD and NULs dropped, for text stored before the
    doors refused them (the same type back, so Markup stays Markup)."""
    if not unreadable_text(value):
        return value
    return type(value)(re.sub("[\ud800-\udfff]", "\ufffd", value).replace("\x00", ""))


def unreadable_text_message() -> str:
    return _("包含无法识别的字符（空字符或残缺的 Unicode 字符），请删除后重试。")


def parse_calendar_date(value, *, earliest: date = EARLIEST_DATE, latest: date = LATEST_DATE) -> tuple[date | None, str | None]:
    """A day written YYYY-MM-DD within [earliest, latest]: (the date, None), (None, a message), or
    (None, None) when nothing was given. Years like 0001 or 9999 are refused here, before date
    arithmetic or the database overflows on them."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    try:
        parsed = date.fromisoformat(value.strip()) if isinstance(value, str) and value.isascii() else None
    except ValueError:
        parsed = None
    if parsed is None:
        return None, _("日期格式应为 年-月-日，例如 2026-03-15。")
    if not earliest <= parsed <= latest:
        return None, _("日期应在 %(earliest)s 至 %(latest)s 之间。", earliest=earliest.isoformat(), latest=latest.isoformat())
    return parsed, None


def control_characters(value: str, allow_newlines: bool = False) -> bool:
    """Whether the text holds invisible control characters (other than line breaks where allowed)."""
    allowed = {"\n", "\r", "\t"} if allow_newlines else set()
    return any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co") and ch not in allowed for ch in value)


def check_text(value, *, required: bool, max_length: int, min_length: int = 1, multiline: bool = False) -> str | None:
    """A plain text field: a string, within its length, without control characters."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return _("此项必填。") if required else None
    if not isinstance(value, str):
        return _("应为文字。")
    if control_characters(value, allow_newlines=multiline):
        return _("包含无法显示的控制字符，请删除后重试。")
    length = len(value.strip())
    if length < min_length:
        return _("至少需要 %(n)d 个字。", n=min_length)
    if length > max_length:
        return _("不能超过 %(n)d 个字。", n=max_length)
    return None


def resident_id_particulars(value: str | None) -> tuple[date, str] | None:
    """The birth date and gender an 18-character resident ID number states (GB 11643-1999: the
    seventh to fourteenth characters are the birth date; an odd seventeenth digit is a man's),
    or None for a number that is missing or does not validate."""
    if not value:
        return None
    try:
        number = ric.validate(value.strip().upper())
        return ric.get_birth_date(number), ("男" if int(number[16]) % 2 else "女")
    except (ValidationError, ValueError):
        return None


def check_resident_id(value: str) -> str | None:
    """An 18-character resident ID number with a valid check digit (GB 11643)."""
    if not isinstance(value, str):
        return _("应为文字。")
    if not re.fullmatch(r"\d{17}[\dXx]", value.strip()):
        return _("身份证号码应为 18 位，最后一位可以是数字或 X。")
    try:
        ric.validate(value.strip().upper())
    except InvalidChecksum:
        return _("身份证号码校验不通过，请核对后重新填写。")
    except (ValidationError, KeyError, ValueError):
        # python-stdnum also checks the birth date and the county code (and can raise KeyError there).
        return _("身份证号码中的出生日期或地区码无效，请核对后重新填写。")
    return None


def check_credit_code(value: str) -> str | None:
    """An 18-character unified social credit code with a valid check character (GB 32100)."""
    if not isinstance(value, str):
        return _("应为文字。")
    cleaned = value.strip().upper()
    if len(cleaned) != 18:
        return _("统一社会信用代码应为 18 位。")
    try:
        uscc.validate(cleaned)
    except (ValidationError, KeyError, ValueError):
        return _("统一社会信用代码校验不通过，请核对营业执照。")
    return None


def check_phone(value) -> str | None:
    """A mainland mobile number (11 digits from 13–19) or a landline with area code."""
    if not isinstance(value, str) or not value.strip():
        return _("请填写联系电话。")
    cleaned = value.strip().replace(" ", "")
    if cleaned.startswith("+86"):
        cleaned = cleaned[3:]
    if MOBILE.match(cleaned) or LANDLINE.match(cleaned):
        return None
    return _("电话号码格式不正确：手机号为 11 位，座机请带区号。")


def normalise_phone(value: str) -> str:
    cleaned = value.strip().replace(" ", "")
    return cleaned[3:] if cleaned.startswith("+86") else cleaned


def parse_amount(value) -> tuple[Decimal | None, str | None]:
    """A positive amount in yuan with at most two decimals; JSON numbers and strings both work."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None, _("金额应为数字，例如 6800 或 6800.50。")
    text = str(value).strip().replace(",", "").replace("，", "").lstrip("¥￥")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        return None, _("金额应为数字，例如 6800 或 6800.50。")
    if not amount.is_finite() or amount <= 0:
        return None, _("金额必须大于 0。")
    if amount.as_tuple().exponent < -2:
        return None, _("金额最多保留两位小数（元、角、分）。")
    if amount > MAX_AMOUNT:
        return None, _("金额过大，请核对。")
    return amount.quantize(Decimal("0.01")), None


def parse_past_date(value, today: date) -> tuple[date | None, str | None]:
    """A calendar date written YYYY-MM-DD, not in the future and not before 1990."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if not isinstance(value, str):
        return None, _("日期格式应为 年-月-日，例如 2026-03-15。")
    try:
        parsed = date.fromisoformat(value.strip())
    except ValueError:
        return None, _("日期格式应为 年-月-日，例如 2026-03-15。")
    if parsed > today:
        return None, _("日期不能晚于今天。")
    if parsed < EARLIEST_DATE:
        return None, _("日期过早，请核对。")
    return parsed, None

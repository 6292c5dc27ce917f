"""The published holiday calendar: entering the State Council's yearly notice, and every process using it.

Statutory periods skip rest days, and which days are off in a year is known only from the State
Council's notice (国务院办公厅关于某年部分节假日安排的通知), published each November or December. Until
it is, workflows computes the year's statutory holidays from 《全国年节及纪念日放假办法》 and marks
every date it touches as provisional. An administrator pastes the notice here when it appears; it
is read item by item (workflows.holidays.arrangement_from_notice), checked, shown for confirmation,
saved, and from then on counts in every process: web workers pick it up within
HOLIDAY_SYNC_SECONDS, job workers before each job, and a deadline check is queued so the stored
due dates of open cases follow.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _

from disputes import audit
from disputes.errors import ValidationFailed
from disputes.event_hooks import CALENDAR_CHANGED, registered_hooks
from disputes.extensions import db
from disputes.models import HolidayArrangement, User, utcnow
from disputes.validation import whole_number
from workflows import (
    Arrangement, ArrangementInvalid, arrangement_for, arrangement_from_data, arrangement_from_notice,
    calendar_known_for, register_arrangement, statutory_holidays, unregister_arrangement,
)
from workflows.holidays import FIRST_COMPUTED_YEAR, LAST_COMPUTED_YEAR, date_ranges

MAX_NOTICE_LENGTH = 20_000
_STATE_KEY = "disputes.holiday_calendar"


# Every process ---------------------------------------------------------------------------------------

def sync_published_calendar(*, force: bool = False) -> None:
    """Register the arrangements entered here that this process does not have yet (or has an older copy of).

    Cheap enough for every request: one small query at most every HOLIDAY_SYNC_SECONDS. A database
    without the table yet (before `flask db upgrade`) is skipped.
    """
    state = current_app.extensions.setdefault(_STATE_KEY, {"checked_at": 0.0, "loaded": {}})
    now = time.monotonic()
    if not force and now - state["checked_at"] < current_app.config["HOLIDAY_SYNC_SECONDS"]:
        return
    state["checked_at"] = now
    try:
        stamps = dict(db.session.execute(sa.select(HolidayArrangement.year, HolidayArrangement.entered_at)).all())
    except sa.exc.SQLAlchemyError:
        db.session.rollback()
        return
    loaded = state["loaded"]
    for year in set(loaded) - set(stamps):
        unregister_arrangement(year)
        loaded.pop(year)
    for year, stamp in stamps.items():
        if loaded.get(year) == stamp:
            continue
        row = db.session.get(HolidayArrangement, year)
        try:
            register_arrangement(arrangement_from_data(year, row.data))
        except ValueError:  # checked when saved; a later check may be stricter: log, keep the rest
            current_app.logger.exception("holiday arrangement for %s no longer passes the checks", year)
            continue
        loaded[year] = stamp


# The administrator's page ----------------------------------------------------------------------------

@dataclass(frozen=True)
class YearCalendar:
    """What the page shows for one year: where its days off come from, and which they are."""

    year: int
    published: bool
    source: str | None
    entered: HolidayArrangement | None
    days_off: list[tuple[date, date]]
    working_days: list[date]
    statutory: list[Any]


def calendar_overview(today: date) -> list[YearCalendar]:
    """Last year to two years ahead: the years whose periods a case opened now can reach."""
    sync_published_calendar(force=True)
    entered = {row.year: row for row in db.session.scalars(sa.select(HolidayArrangement))}
    years = []
    for year in range(today.year - 1, today.year + 3):
        arrangement = arrangement_for(year)
        years.append(YearCalendar(
            year=year, published=calendar_known_for(year), source=arrangement.source if arrangement else None,
            entered=entered.get(year),
            days_off=date_ranges(sorted(arrangement.days_off)) if arrangement else [],
            working_days=sorted(arrangement.working_days) if arrangement else [],
            statutory=statutory_holidays(year) if FIRST_COMPUTED_YEAR <= year <= LAST_COMPUTED_YEAR else [],
        ))
    return years


def read_notice(*, year: Any, text: Any, source: Any, url: Any = None, published_on: date | None = None) -> Arrangement:
    """The arrangement the notice's text states, checked; ValidationFailed naming the field otherwise."""
    errors: dict[str, str] = {}
    number = whole_number(year) if isinstance(year, (str, int)) else None
    if number is None or not FIRST_COMPUTED_YEAR <= number <= LAST_COMPUTED_YEAR:
        errors["year"] = _("请填写 %(first)d 至 %(last)d 之间的年份。", first=FIRST_COMPUTED_YEAR, last=LAST_COMPUTED_YEAR)
    text = text.strip() if isinstance(text, str) else ""
    if not text:
        errors["text"] = _("请粘贴国务院办公厅通知的正文（“一、元旦：……”各项）。")
    elif len(text) > MAX_NOTICE_LENGTH:
        errors["text"] = _("通知正文不能超过 %(n)d 字。", n=MAX_NOTICE_LENGTH)
    source = source.strip() if isinstance(source, str) else ""
    if not source:
        errors["source"] = _("请填写通知的名称，例如《国务院办公厅关于2026年部分节假日安排的通知》；有文号的一并填写。")
    url = url.strip() if isinstance(url, str) and url.strip() else None
    if url and not url.startswith(("https://", "http://")):
        errors["url"] = _("网址应以 https:// 或 http:// 开头。")
    if errors:
        raise ValidationFailed(errors)
    try:
        return arrangement_from_notice(number, text, source=source, published_on=published_on, url=url)
    except ArrangementInvalid as invalid:
        raise ValidationFailed({"text": _invalid_message(invalid)}) from None


def _invalid_message(invalid: ArrangementInvalid) -> str:
    days = "、".join(day.isoformat() for day in invalid.days)
    if invalid.kind == "statutory_day_missing":
        named = "、".join(f"{day.isoformat()}（{name}）" for day, name in zip(invalid.days, invalid.names))
        return _("读出的放假日期缺少法定节假日：%(days)s。请检查粘贴的正文是否完整（每项应写明“某月某日至某日放假”）。",
                 days=named)
    if invalid.kind == "working_day_on_weekday":
        return _("调休上班日应在周六或周日，读出的 %(days)s 不是。请核对通知原文。", days=days)
    if invalid.kind == "day_off_and_working":
        return _("%(days)s 既被读作放假又被读作上班。请核对通知原文。", days=days)
    return _("%(days)s 不在该年度安排的范围内。请核对年份和通知原文。", days=days)


def publish_arrangement(user: User, arrangement: Arrangement) -> str:
    """Save the year's arrangement (replacing one entered before), use it here at once, and queue the
    deadline check that brings the open cases' stored due dates in line. Returns what happened to
    that check, for the page to say."""
    checked = arrangement_from_data(arrangement.year, arrangement.as_data())  # the stored form, checked again
    row = db.session.get(HolidayArrangement, checked.year)
    replaced = row is not None
    if row is None:
        row = HolidayArrangement(year=checked.year)
        db.session.add(row)
    row.data, row.entered_by, row.entered_at = checked.as_data(), user, utcnow()
    audit.record(user, "holiday_arrangement.replace" if replaced else "holiday_arrangement.enter",
                 str(checked.year), source=checked.source, days_off=len(checked.days_off),
                 working_days=len(checked.working_days))
    db.session.commit()
    sync_published_calendar(force=True)
    return _queue_deadline_check()


def _queue_deadline_check() -> str:
    """Run the CALENDAR_CHANGED hooks (the jobs feature queues the deadline check); what they report."""
    said = [hook(None) for _name, hook in registered_hooks(CALENDAR_CHANGED)]
    said = [message for message in said if message]
    return " ".join(said) or _("各案件的期限将在下一次期限检查时按新安排重算（也可运行 flask --app wsgi deadlines check）。")

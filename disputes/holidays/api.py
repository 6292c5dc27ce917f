"""The calendar the statutory clocks count on, over the API: a period's last day, the latest day
before a date, and a year's statutory holidays. What a mediator, an arbitrator or a worker asks when
they count a deadline by hand; the same functions the case's clocks use (workflows/calendar.py)."""
from __future__ import annotations

from flask import jsonify, request
from flask_babel import gettext as _

from disputes.api import bp
from disputes.api.openapi import describe, error_answer, json_answer, query_parameters
from disputes.errors import ValidationFailed
from disputes.validation import parse_calendar_date, whole_number
from workflows import add_period, calendar_known_for, statutory_holidays, subtract_working_days
from workflows.calendar import UNITS, calendar_known_between
from workflows.holidays import FIRST_COMPUTED_YEAR, LAST_COMPUTED_YEAR

# 《民事诉讼法》第八十五条 (2023年修正): the first day is not counted, a last day on a holiday moves to
# the next working day; 《劳动人事争议仲裁办案规则》第十九条 takes the same rule, 第八十条 counts
# the Rules' 三日、五日、十日 in working days.
PERIOD_BASIS = "《民事诉讼法》第八十五条；《劳动人事争议仲裁办案规则》第十九条、第八十条"
MAX_LENGTH = 3660  # ten years of days: longer than any period in the procedure
PERIOD_PARAMETERS = ("from", "length", "unit")
BEFORE_PARAMETERS = ("date", "working_days")


def _date(name: str, errors: dict):
    day, message = parse_calendar_date(request.args.get(name))
    if message or day is None:
        errors[name] = message or _("请填写日期（YYYY-MM-DD）。")
    return day


def _count(name: str, errors: dict, maximum: int = MAX_LENGTH):
    raw = request.args.get(name)
    number = whole_number(raw, minimum=0) if raw not in (None, "") else None
    if number is None or number > maximum:
        errors[name] = _("请填写 0 至 %(maximum)s 之间的整数。", maximum=maximum)
    return number


def _refuse_if(errors: dict) -> None:
    if errors:
        raise ValidationFailed(errors)


@bp.route("/calendar/period", methods=["GET"])
def calendar_period():
    errors: dict = {}
    start, length = _date("from", errors), _count("length", errors)
    unit = request.args.get("unit") or "days"
    if unit not in UNITS:
        errors["unit"] = _("期间单位应为 days（日）、working_days（工作日）或 years（年）。")
    if unit == "years" and length is not None and length > 10:
        errors["length"] = _("请填写 0 至 %(maximum)s 之间的整数。", maximum=10)
    _refuse_if(errors)
    due = add_period(start, length, unit)
    return jsonify({"from": start.isoformat(), "length": length, "unit": unit, "due": due.isoformat(),
                    "calendar_known": calendar_known_between(start, due), "basis": PERIOD_BASIS})


@bp.route("/calendar/before", methods=["GET"])
def calendar_before():
    errors: dict = {}
    day, count = _date("date", errors), _count("working_days", errors, maximum=366)
    _refuse_if(errors)
    latest = subtract_working_days(day, count)
    return jsonify({"date": day.isoformat(), "working_days": count, "latest": latest.isoformat(),
                    "calendar_known": calendar_known_between(latest, day), "basis": PERIOD_BASIS})


@bp.route("/calendar/holidays/<int:year>", methods=["GET"])
def calendar_holidays(year: int):
    if not FIRST_COMPUTED_YEAR <= year <= LAST_COMPUTED_YEAR:
        raise ValidationFailed({"year": _("年份应在 %(first)s 至 %(last)s 之间。", first=FIRST_COMPUTED_YEAR,
                                          last=LAST_COMPUTED_YEAR)})
    return jsonify({"year": year, "published": calendar_known_for(year), "statutory": [
        {"day": h.day.isoformat(), "key": h.key, "name_zh": h.name_zh, "name_en": h.name_en, "basis": h.basis}
        for h in statutory_holidays(year)]})


describe("/calendar/period", "get", {
    "summary": "The last day of a period: calendar days (a last day on a holiday moves on), working days or years",
    "parameters": query_parameters(PERIOD_PARAMETERS),
    "responses": {"200": json_answer("the due day and whether the year's arrangement is published"),
                  "422": error_answer("a bad date, length or unit")}})
describe("/calendar/before", "get", {
    "summary": "The working day a number of working days before a date (e.g. the latest day for a hearing notice)",
    "parameters": query_parameters(BEFORE_PARAMETERS),
    "responses": {"200": json_answer("the latest day"), "422": error_answer("a bad date or count")}})
describe("/calendar/holidays/{year}", "get", {
    "summary": "A year's statutory holidays (全国年节及纪念日放假办法, the edition in force that year)",
    "parameters": [{"name": "year", "in": "path", "required": True, "schema": {"type": "integer"}}],
    "responses": {"200": json_answer("the statutory days off"), "422": error_answer("a year outside the computed range")}})

"""The compliance rating's operations: rate an employer for a year (or re-rate it on new facts), record
the notice, record an objection on the employer's behalf, decide the review, export the lists. The
grade, the windows and the review's outcome are workflows/compliance_rating.py's; this module stores
them, one transaction each, with an audit entry, and never rewrites a rating: a new one supersedes it.
"""
from __future__ import annotations

from datetime import date
from types import MappingProxyType
from typing import Any, Mapping

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.exc import StaleDataError

from disputes import audit
from disputes.errors import Conflict, ValidationFailed
from disputes.exports import inert
from disputes.extensions import db
from disputes.inspection.rating.record import Employer, employer_facts, items_in, record_from_facts
from disputes.models import ComplianceRating, RatingObjection, User
from disputes.models.compliance import FIRST_RATED_YEAR
from disputes.permissions import user_region_scope
from disputes.timekeeping import local_today
from disputes.validation import check_text, parse_calendar_date, whole_number
from workflows import compliance_rating as cr

IN_FORCE = ("rated", "notified", "under_review", "reviewed")
# Shared with other departments: ratings told to the employer and not under review. A grade being
# reviewed may still change; sharing it for sanctions first is what the review exists to prevent
# (a working rule: the texts found say nothing of it).
EXPORTED_STATES = ("notified", "reviewed")
EXPORT_LISTS = {"sanction": cr.joint_sanction_rows, "incentive": cr.joint_incentive_rows}
MAX_GROUNDS = 5000


# ---------------------------------------------------------------------------------------------
# Reading.

def ratings_of(employer_key: str, region: str, year: int) -> list[ComplianceRating]:
    """The year's ratings of the employer in the region, oldest first: the decision trail."""
    return list(db.session.scalars(
        sa.select(ComplianceRating).where(ComplianceRating.employer_key == employer_key,
                                          ComplianceRating.region_code == region,
                                          ComplianceRating.period_year == year)
        .options(selectinload(ComplianceRating.objections)).order_by(ComplianceRating.id)))


def in_force(trail: list[ComplianceRating]) -> ComplianceRating | None:
    return next((r for r in reversed(trail) if r.state in IN_FORCE), None)


def current_rating(employer_key: str, region: str, year: int) -> ComplianceRating | None:
    return in_force(ratings_of(employer_key, region, year))


def rating_in_force(employer: Employer, period: cr.RatingPeriod) -> ComplianceRating:
    """The rating an objection, a notice or a review is about; 409 while the year is not rated."""
    rating = current_rating(employer.key, employer.region, period.year)
    if rating is None:
        raise Conflict(_("该单位本年度尚未评价。"))
    return rating


def pending_objection(rating: ComplianceRating | None) -> RatingObjection | None:
    if rating is None:
        return None
    return next((o for o in rating.objections if o.status == "pending"), None)


def stored_result(rating: ComplianceRating) -> cr.RatingResult:
    """The RatingResult a rating stored (its as_data), as the workflows functions take it."""
    data = rating.result
    return cr.RatingResult(
        employer_name=data["employer_name"], credit_code=data["credit_code"], employer_key=data["employer_key"],
        period=cr.RatingPeriod(data["period"]), grade=data["grade"],
        reasons=tuple(cr.Reason(**reason) for reason in data["reasons"]),
        flags=tuple(cr.Reason(**flag) for flag in data["flags"]),
        context=MappingProxyType(dict(data["context"])), rules_version=data["rules_version"])


# ---------------------------------------------------------------------------------------------
# Reading the input (forms and JSON alike: both doors pass plain mappings).

def last_ratable_year(today: date) -> int:
    return today.year - 1


def parse_period(value: Any, today: date) -> cr.RatingPeriod:
    """A record year that has ended: rated once, in a later year, on that year's record."""
    year = whole_number(value.strip() if isinstance(value, str) else value, minimum=FIRST_RATED_YEAR,
                        maximum=last_ratable_year(today))
    if year is None:
        raise ValidationFailed({"period": _("请选择已经结束的评价年度（%(first)d 年至 %(last)d 年）。",
                                            first=FIRST_RATED_YEAR, last=last_ratable_year(today))})
    return cr.RatingPeriod(year)


def parse_region(value: Any) -> str | None:
    """The region asked for (callers who see every region choose one); None: the employer's main one."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ValidationFailed({"region": _("地区不正确。")})
    return value


def _version(data: Mapping[str, Any]) -> int | None:
    value = data.get("version")
    if value in (None, ""):
        return None
    version = whole_number(value.strip() if isinstance(value, str) else value, minimum=1)
    if version is None:
        raise ValidationFailed({"version": _("版本号应为正整数。")})
    return version


def _day(data: Mapping[str, Any], field: str, *, earliest: date, latest: date, required: bool = True) -> date | None:
    value = data.get(field)
    if value is not None and not isinstance(value, str):
        raise ValidationFailed({field: _("日期格式应为 年-月-日，例如 2026-03-15。")})
    day, problem = parse_calendar_date(value, earliest=earliest, latest=latest)
    if problem:
        raise ValidationFailed({field: problem})
    if day is None and required:
        raise ValidationFailed({field: _("请填写日期。")})
    return day


def _flag(data: Mapping[str, Any], field: str) -> bool:
    value = data.get(field)
    if value in (None, "", False):
        return False
    if value is True or value in ("1", "on", "true", "y"):
        return True
    raise ValidationFailed({field: _("请选择是或否。")})


def _employer_kind(data: Mapping[str, Any]) -> str:
    kind = data.get("employer_kind") or "enterprise"
    if kind not in cr.EMPLOYER_KINDS:
        raise ValidationFailed({"employer_kind": _("单位类型不正确。")})
    return kind


def _check_version(rating: ComplianceRating, data: Mapping[str, Any]) -> None:
    version = _version(data)
    if version is None:
        raise Conflict(_("请刷新页面后再试：需要提交所依据的评价版本。"), state=rating.state, version=rating.version)
    if version != rating.version:
        raise _stale(rating)


def _stale(rating: ComplianceRating) -> Conflict:
    return Conflict(_("该评价已被他人更新，请刷新后重试。"), state=rating.state, version=rating.version)


def _commit(rating: ComplianceRating | None) -> None:
    """Commit; two people deciding at once: the second gets 409 and nothing of theirs is kept."""
    try:
        db.session.commit()
    except (StaleDataError, sa.exc.IntegrityError) as failure:
        db.session.rollback()
        if isinstance(failure, sa.exc.IntegrityError) and "uq_" not in str(failure.orig) \
                and "UNIQUE" not in str(failure.orig).upper():
            raise
        if rating is not None:
            db.session.refresh(rating)
            raise _stale(rating) from None
        raise Conflict(_("该单位本年度已有评价，请刷新后重试。")) from None


def _supersede(rating: ComplianceRating) -> None:
    """Take the rating out of force before its replacement is written (one in force per year)."""
    rating.state = "superseded"
    try:
        db.session.flush()
    except StaleDataError:
        db.session.rollback()
        db.session.refresh(rating)
        raise _stale(rating) from None


# ---------------------------------------------------------------------------------------------
# The operations.

def rate_employer(employer: Employer, user: User, data: Mapping[str, Any],
                  today: date | None = None) -> ComplianceRating:
    """Rate the employer for a year on its record today; on a year already rated, re-rate it on the
    facts now on file (workflows' adjust_rating), superseding the rating in force."""
    today = today or local_today()
    period = parse_period(data.get("period"), today)
    notify, kind = _flag(data, "notify"), _employer_kind(data)
    previous = current_rating(employer.key, employer.region, period.year)
    if previous is not None:
        _check_version(previous, data)
        if previous.state == "under_review":
            raise Conflict(_("对该评价的异议正在复核，请先作出复核决定。"), state=previous.state, version=previous.version)
    facts = employer_facts(employer, period, user, today, kind)
    try:
        if previous is None:
            result = cr.rate(record_from_facts(facts), period)
        else:
            facts["name"] = previous.employer_name  # the same name, so workflows sees the same employer
            result = cr.adjust_rating(stored_result(previous), record_from_facts(facts), today).result
    except cr.NotRatable as refused:
        raise ValidationFailed({"employer_kind": _("《企业劳动保障守法诚信等级评价办法》只评价企业；该单位类型不在评价范围。")}) \
            from refused
    if previous is None:
        rating = _new_rating(employer.key, employer.region, result, facts, user, today, notify)
    else:
        _supersede(previous)
        rating = _new_rating(previous.employer_key, previous.region_code, result, facts, user, today, notify,
                             origin="adjustment", previous=previous)
    audit.record(user, "rating.rate", f"{employer.key} {period.year}", grade=rating.grade, origin=rating.origin)
    _commit(previous)
    return rating


def _new_rating(key: str, region: str, result: cr.RatingResult, facts: dict, user: User, today: date,
                notify: bool, *, origin: str = "rating", previous: ComplianceRating | None = None,
                state: str | None = None) -> ComplianceRating:
    rating = ComplianceRating(
        employer_key=key, employer_name=result.employer_name, credit_code=result.credit_code,
        region_code=region, period_year=result.period.year,
        grade=result.grade, result=result.as_data(), facts=facts, rules_version=result.rules_version, origin=origin,
        previous=previous, rated_on=today, rated_by_id=user.id, notified_on=today if notify else None,
        state=state or ("notified" if notify else "rated"))
    db.session.add(rating)
    return rating


def record_notice(rating: ComplianceRating, user: User, data: Mapping[str, Any],
                  today: date | None = None) -> ComplianceRating:
    """The day the employer was told of its grade: the objection window runs from it."""
    today = today or local_today()
    _check_version(rating, data)
    if rating.state != "rated":
        raise Conflict(_("该评价已登记告知。"), state=rating.state, version=rating.version)
    rating.notified_on = _day(data, "notified_on", earliest=rating.rated_on, latest=today)
    rating.state = "notified"
    audit.record(user, "rating.notice", f"{rating.employer_key} {rating.period_year}", on=rating.notified_on)
    _commit(rating)
    return rating


_NO_OBJECTION = {
    "rated": _l("尚未告知企业评价结果，告知后才能提出异议。"),
    "under_review": _l("已有异议正在复核。"),
    "reviewed": _l("该评价已经复核答复，不再受理异议。"),
    "superseded": _l("该评价已被新的评价替代。"),
}


def record_objection(rating: ComplianceRating, user: User, data: Mapping[str, Any],
                     today: date | None = None) -> RatingObjection:
    """An objection the employer filed (by letter or in person), recorded by staff on its behalf.

    In time (workflows' objection_in_time) it opens the review; late, it is kept on file and not
    reviewed (a working rule, like the window itself).
    """
    today = today or local_today()
    _check_version(rating, data)
    if rating.state != "notified":
        raise Conflict(str(_NO_OBJECTION[rating.state]), state=rating.state, version=rating.version)
    filed_on = _day(data, "filed_on", earliest=rating.notified_on, latest=today)
    problem = check_text(data.get("grounds"), required=True, max_length=MAX_GROUNDS, multiline=True)
    if problem:
        raise ValidationFailed({"grounds": problem})
    in_time = cr.objection_in_time(rating.notified_on, filed_on)
    objection = RatingObjection(
        rating=rating, filed_on=filed_on, grounds=data["grounds"].strip(), in_time=in_time,
        status="pending" if in_time else "out_of_time", recorded_on=today, recorded_by_id=user.id,
        review_due=cr.review_deadline(filed_on).due if in_time else None, excluded=[])
    db.session.add(objection)
    if in_time:
        rating.state = "under_review"
    audit.record(user, "rating.objection", f"{rating.employer_key} {rating.period_year}", in_time=in_time)
    _commit(rating)
    return objection


def _excluded(rating: ComplianceRating, value: Any) -> list[str]:
    if value in (None, ""):
        return []
    ids = [value] if isinstance(value, str) else value
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise ValidationFailed({"exclude": _("请选择评价所依据的记录。")})
    known = {item["id"] for item in items_in(rating.facts, cr.RatingPeriod(rating.period_year))}
    if set(ids) - known:
        raise ValidationFailed({"exclude": _("所选记录不是该评价所依据的记录。")})
    return sorted(set(ids))


def decide_review(rating: ComplianceRating, user: User, data: Mapping[str, Any],
                  today: date | None = None) -> RatingObjection:
    """The review of the objection in time: the grade worked out again on the facts as corrected
    (workflows' decide_review). Facts found recorded in error are left out; none left out, the grade
    stands. A corrected record is filed as a new rating, superseding the one objected to."""
    today = today or local_today()
    _check_version(rating, data)
    objection = pending_objection(rating)
    if rating.state != "under_review" or objection is None:
        raise Conflict(_("没有待复核的异议。"), state=rating.state, version=rating.version)
    excluded = _excluded(rating, data.get("exclude"))
    note = data.get("note")
    problem = check_text(note, required=False, max_length=MAX_GROUNDS, multiline=True)
    if problem:
        raise ValidationFailed({"note": problem})
    corrected = record_from_facts(rating.facts, excluded) if excluded else None
    decision = cr.decide_review(stored_result(rating), today, corrected)
    replacement = None
    if corrected is None:
        rating.state = "reviewed"
    else:
        # The answer to the objection tells the employer the corrected grade on the day of the decision.
        _supersede(rating)
        replacement = _new_rating(rating.employer_key, rating.region_code, decision.result,
                                  {**rating.facts, "excluded": excluded}, user, today, True,
                                  origin="review", previous=rating, state="reviewed")
    decided_by = user.id
    objection.result_rating = replacement
    objection.status, objection.decision, objection.decided_on = "decided", decision.outcome, today
    objection.decided_by_id, objection.note, objection.excluded = decided_by, (note or "").strip() or None, excluded
    audit.record(user, "rating.review", f"{rating.employer_key} {rating.period_year}", outcome=decision.outcome,
                 grade=decision.grade)
    _commit(rating)
    return objection


# ---------------------------------------------------------------------------------------------
# The lists for other departments.

def export_csv(user: User, data: Mapping[str, Any], today: date | None = None) -> tuple[str, str]:
    """(filename, CSV text) of the joint-sanction (C) or joint-incentive (A) list of a year, the
    caller's region's; every cell inert when opened in a spreadsheet, UTF-8 with a BOM."""
    today = today or local_today()
    period = parse_period(data.get("period") or last_ratable_year(today), today)
    which = data.get("list") or "sanction"
    if which not in EXPORT_LISTS:
        raise ValidationFailed({"list": _("请选择联合惩戒名单（C级）或联合激励名单（A级）。")})
    query = sa.select(ComplianceRating).where(ComplianceRating.period_year == period.year,
                                              ComplianceRating.state.in_(EXPORTED_STATES)) \
        .order_by(ComplianceRating.region_code, ComplianceRating.employer_name, ComplianceRating.id)
    scope = user_region_scope(user)
    if scope is not None:
        query = query.where(ComplianceRating.region_code == scope)
    rows = EXPORT_LISTS[which]([stored_result(r) for r in db.session.scalars(query)])
    text = cr.rows_as_csv([{key: inert(value) for key, value in row.items()} for row in rows])
    return f"compliance-{period.year}-{which}.csv", "\ufeff" + text

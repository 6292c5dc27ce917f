"""Early warning: rules evaluated on every intake and nightly, raising alerts once per subject and week.

- repeated_wage_complaints: a respondent (credit code, else normalised name) named in at least
  `threshold` wage complaints filed within `window_days` (the watchlist).
- likely_collective: at least `threshold` workers against one respondent in separate, non-collective
  cases within `window_days`, which may be one collective dispute filed piecemeal (Art. 7).
- deadline_no_action: an open case whose next deadline is at most `threshold` working days away
  and nothing has happened on it for `window_days` days.
- pay_below_minimum: a respondent named in at least `threshold` complaints within `window_days`
  that claim pay below the minimum wage (the minimum_wage_shortfall claim); the alert quotes the
  local standard in force from the same table the award uses (workflows.minimum_wages: the tier
  of each case's place of work, or the province's tiers), so the check starts from the right figure.
- surge: a platform or region with at least `threshold` % of its weekly average intake (over the
  previous four weeks) in the last `window_days` days, and at least five complaints.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Iterable

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from disputes import audit
from disputes.errors import NotFound
from disputes.event_hooks import FiledComplaint
from disputes.extensions import db
from disputes.models import Alert, Case, CaseEvent, Claim, Respondent, User, Worker, WarningRule, utcnow
from disputes.notifications.outbox import queue
from disputes.permissions import roles_that_may, user_region_scope
from disputes.vocabulary import WAGE_CLAIMS
from disputes.validation import whole_number
import places
from workflows import TERMINAL_STATES, add_period
from workflows import minimum_wages as published

DEFAULT_RULES = {
    "repeated_wage_complaints": (3, 30),
    "likely_collective": (10, 7),
    "deadline_no_action": (3, 7),
    "surge": (200, 7),
    "pay_below_minimum": (1, 30),
}
RULE_LABELS = {
    "repeated_wage_complaints": _l("重复欠薪投诉"), "likely_collective": _l("疑似集体争议"),
    "deadline_no_action": _l("临近期限未处理"), "surge": _l("投诉量激增"), "pay_below_minimum": _l("疑似低于最低工资"),
}
SURGE_MINIMUM = 5
MAX_ALERT_NOTE = 1000


def rules() -> dict[str, WarningRule]:
    """The rules with their current thresholds (shipped defaults created on first use)."""
    found = {rule.key: rule for rule in db.session.scalars(sa.select(WarningRule))}
    for key, (threshold, window) in DEFAULT_RULES.items():
        if key not in found:
            # enabled set here: the column default applies only at the flush, and a rule created
            # by the first complaint must run for that complaint.
            found[key] = WarningRule(key=key, threshold=threshold, window_days=window, enabled=True)
            db.session.add(found[key])
    return found


def update_rules(admin: User, submitted) -> dict[str, str]:
    """Save the thresholds, windows and switches an admin submitted (``<key>-threshold``,
    ``<key>-window``, ``<key>-enabled``), each change in the audit trail; all or nothing.

    Returns the refusals by rule key (nothing is saved then).
    """
    current, errors = rules(), {}
    for key, rule in current.items():
        threshold, window = submitted.get(f"{key}-threshold", ""), submitted.get(f"{key}-window", "")
        if whole_number(threshold, minimum=1, maximum=100_000) is None or whole_number(window, minimum=1, maximum=366) is None:
            errors[key] = _("阈值和天数应为正整数（天数不超过 366）。")
            continue
        wanted = (int(threshold), int(window), f"{key}-enabled" in submitted)
        if (rule.threshold, rule.window_days, rule.enabled) != wanted:
            rule.threshold, rule.window_days, rule.enabled = wanted
            audit.record(admin, "warning_rule.update", f"rule:{key}", threshold=threshold, window_days=window,
                         enabled=rule.enabled)
    if errors:
        db.session.rollback()
    else:
        db.session.commit()
    return errors


def evaluate(today: date, keys: Iterable[str] = tuple(DEFAULT_RULES), respondents: list[Respondent] | None = None,
             *, commit: bool = True) -> list[Alert]:
    """Run the named rules (all by default) and commit the alerts they raise (or only flush them).

    Given `respondents`, the respondent rules look only at them: a new complaint changes the counts
    of the respondents it names and of no other.
    """
    active = rules()
    raised = []
    for key in keys:
        rule = active[key]
        if rule.enabled:
            scope = {} if respondents is None else {"respondents": respondents}
            raised += EVALUATORS[key](rule, today, **scope)
    if commit:
        db.session.commit()
    else:
        db.session.flush()
    return raised


def rules_a_complaint_changes(case: Case) -> tuple[str, ...]:
    """The respondent rules whose counts or case lists a new complaint changes: the wage rules only
    when it claims wages (or pay below the minimum); the collective rule always, as its list names
    every complaint against the respondent, a collective one too (it may join the group)."""
    kinds = {claim.kind for claim in case.claims}
    return tuple(key for key, changed in (("repeated_wage_complaints", bool(kinds & WAGE_CLAIMS)),
                                          ("likely_collective", True),
                                          ("pay_below_minimum", "minimum_wage_shortfall" in kinds)) if changed)


def evaluate_on_intake(case: Case, today: date) -> list[Alert]:
    """The rules a new complaint can trigger, for the respondents it names; flushed, for intake to commit."""
    return evaluate(today, rules_a_complaint_changes(case), respondents=list(case.respondents), commit=False)


def evaluate_after_filing(filed: FiledComplaint) -> None:
    """After-filing hook (registered by ``alerts.init_app``)."""
    evaluate_on_intake(filed.case, filed.today)


def _respondent_key():
    return sa.func.coalesce(Respondent.credit_code, Respondent.normalised_name)


def _naming(respondents: list[Respondent] | None) -> list:
    """Conditions keeping only the rows of these respondents (none: every respondent).

    The key is tested with its two indexed columns too, so the database need not scan the window.
    """
    if respondents is None:
        return []
    keys = {r.credit_code or r.normalised_name for r in respondents}
    codes = {r.credit_code for r in respondents if r.credit_code}
    names = {r.normalised_name for r in respondents if not r.credit_code}
    return [_respondent_key().in_(keys),
            sa.or_(Respondent.credit_code.in_(codes), Respondent.normalised_name.in_(names))]


def _respondents_in_complaints(condition, since: date, threshold: int, respondents: list[Respondent] | None):
    """(respondent key, name, region, complaints) for each respondent (of `respondents`, when given)
    named in at least `threshold` complaints filed since `since` that meet `condition`."""
    return db.session.execute(
        sa.select(_respondent_key(), sa.func.min(Respondent.name), Case.region_code,
                  sa.func.count(sa.distinct(Case.id)))
        .join(Case, Case.id == Respondent.case_id)
        .where(Case.submitted_on >= since, condition, *_naming(respondents))
        .group_by(_respondent_key(), Case.region_code)
        .having(sa.func.count(sa.distinct(Case.id)) >= threshold)
    ).all()


def _repeated_wage_complaints(rule: WarningRule, today: date, respondents: list[Respondent] | None = None) -> list[Alert]:
    since = today - timedelta(days=rule.window_days)
    wage_case = sa.exists().where(Claim.case_id == Case.id, Claim.kind.in_(WAGE_CLAIMS))
    rows = _respondents_in_complaints(wage_case, since, rule.threshold, respondents)
    return [_raise(rule, today, f"respondent:{key}", name, region,
                   f"{name}在{rule.window_days}天内被{count}起欠薪投诉涉及，已列入关注名单。",
                   _cases_naming(key, since, wage_case), {"complaints": count})
            for key, name, region, count in rows]


def _pay_below_minimum(rule: WarningRule, today: date, respondents: list[Respondent] | None = None) -> list[Alert]:
    since = today - timedelta(days=rule.window_days)
    shortfall_case = sa.exists().where(Claim.case_id == Case.id, Claim.kind == "minimum_wage_shortfall")
    rows = _respondents_in_complaints(shortfall_case, since, rule.threshold, respondents)
    raised = []
    for key, name, region, count in rows:
        # The cases and their places of work in one query.
        named = db.session.execute(
            sa.select(Case.case_no, Case.place_code).join(Respondent, Respondent.case_id == Case.id)
            .where(_respondent_key() == key, Case.submitted_on >= since, shortfall_case)
            .distinct().order_by(Case.case_no)).all()
        numbers = list(dict.fromkeys(number for number, _code in named))
        standard, details = local_minimum_wages(region, today, sorted({code for _n, code in named if code}))
        raised.append(_raise(rule, today, f"below_minimum:{key}", name, region,
                             f"{name}在{rule.window_days}天内被{count}起投诉称工资低于最低工资标准。{standard}",
                             numbers, {"complaints": count, "standards": details}))
    return raised


def local_minimum_wages(region: str, today: date, place_codes) -> tuple[str, list[dict]]:
    """The monthly minimum wage in force today for each place (the tier its list names), or the
    province's tiers where no place is known or its tier cannot be told; in words and as data."""
    named = [p for p in (places.place_by_code(code) for code in place_codes) if p is not None]
    try:
        lookups = [published.standard_in_force(region, today, p.full_name) for p in named] or \
            [published.standard_in_force(region, today)]
    except ValueError:  # a region that is no province
        return "", []
    standard = lookups[0].standard
    if standard is None:
        return "本地区没有在今天有效的最低工资标准记录，请核对当地标准。", []
    parts, details = [], []
    for lookup in lookups:
        if lookup.tier is not None:
            tier = "" if len(standard.tiers) == 1 else lookup.tier.label
            part = f"{lookup.place or standard.province_name}{tier} {format(lookup.tier.monthly, 'f')} 元/月"
            detail = {"place": lookup.place, "tier": lookup.tier.label, "monthly": format(lookup.tier.monthly, "f")}
        else:
            tiers = "、".join(f"{t.label} {format(t.monthly, 'f')}" for t in standard.tiers)
            part = f"{standard.province_name}分档：{tiers} 元/月"
            detail = {"place": lookup.place, "tier": None, "tiers": {t.label: format(t.monthly, "f") for t in standard.tiers}}
        if part not in parts:
            parts.append(part)
            details.append(detail)
    source = f"{standard.title}，{standard.effective_on.isoformat()} 起执行"
    return "当地月最低工资标准：" + "；".join(parts) + f"（{source}）。", details


def _cases_naming(key: str, since: date, *conditions) -> list[str]:
    """The numbers of the complaints filed since `since` that name this respondent (and meet `conditions`)."""
    return list(db.session.scalars(
        sa.select(Case.case_no).join(Respondent, Respondent.case_id == Case.id)
        .where(_respondent_key() == key, Case.submitted_on >= since, *conditions).distinct().order_by(Case.case_no)))


def _likely_collective(rule: WarningRule, today: date, respondents: list[Respondent] | None = None) -> list[Alert]:
    since = today - timedelta(days=rule.window_days)
    rows = db.session.execute(
        sa.select(_respondent_key(), sa.func.min(Respondent.name), Case.region_code,
                  sa.func.count(sa.distinct(Worker.id)), sa.func.count(sa.distinct(Case.id)))
        .join(Case, Case.id == Respondent.case_id).join(Worker, Worker.case_id == Case.id)
        .where(Case.submitted_on >= since, Case.collective.is_(False), Case.state.not_in(TERMINAL_STATES),
               *_naming(respondents))
        .group_by(_respondent_key(), Case.region_code)
        .having(sa.func.count(sa.distinct(Worker.id)) >= rule.threshold, sa.func.count(sa.distinct(Case.id)) >= 2)
    ).all()
    return [_raise(rule, today, f"collective:{key}", name, region,
                   f"{rule.window_days}天内有{workers}名劳动者分{cases}案投诉{name}，可能是集体争议，建议合并处理并推选代表人。",
                   _cases_naming(key, since), {"workers": workers, "cases": cases})
            for key, name, region, workers, cases in rows]


def _deadline_no_action(rule: WarningRule, today: date) -> list[Alert]:
    horizon = add_period(today, rule.threshold, "working_days")
    quiet_since = today - timedelta(days=rule.window_days)
    last_event = sa.select(sa.func.max(CaseEvent.occurred_on)).where(CaseEvent.case_id == Case.id).scalar_subquery()
    cases = db.session.execute(
        sa.select(Case.case_no, Case.region_code, Case.next_due_on, Case.next_due_kind)
        .where(Case.state.not_in(TERMINAL_STATES), Case.next_due_on >= today, Case.next_due_on <= horizon,
               last_event < quiet_since)
    ).all()
    return [_raise(rule, today, f"case:{case_no}", case_no, region,
                   f"案件{case_no}的期限将于{due}届满，但已{rule.window_days}天以上没有办理记录。",
                   [case_no], {"due": due.isoformat(), "kind": kind})
            for case_no, region, due, kind in cases]


def _surge(rule: WarningRule, today: date) -> list[Alert]:
    recent_start = today - timedelta(days=rule.window_days)
    base_start = recent_start - timedelta(weeks=4)
    raised = []
    for column, label in ((Case.platform, "平台"), (Case.region_code, "地区")):
        recent = dict(db.session.execute(sa.select(column, sa.func.count(Case.id))
                                         .where(Case.submitted_on > recent_start, column.is_not(None)).group_by(column)).all())
        before = dict(db.session.execute(sa.select(column, sa.func.count(Case.id))
                                         .where(Case.submitted_on > base_start, Case.submitted_on <= recent_start,
                                                column.is_not(None)).group_by(column)).all())
        for subject, count in recent.items():
            weekly = before.get(subject, 0) / 4
            if count >= SURGE_MINIMUM and count * 100 >= rule.threshold * max(weekly, 1):
                raised.append(_raise(rule, today, f"surge:{label}:{subject}", f"{label}：{subject}", None,
                                     f"{label}“{subject}”近{rule.window_days}天收到{count}起投诉，是此前周均{weekly:.1f}起的{count / max(weekly, 1):.1f}倍。",
                                     [], {"recent": count, "weekly_average": weekly}))
    return raised


EVALUATORS = {
    "repeated_wage_complaints": _repeated_wage_complaints,
    "likely_collective": _likely_collective,
    "deadline_no_action": _deadline_no_action,
    "surge": _surge,
    "pay_below_minimum": _pay_below_minimum,
}


def _raise(rule: WarningRule, today: date, subject: str, label: str, region: str | None, message: str,
           case_numbers: list[str], details: dict) -> Alert:
    """One alert per rule, subject and ISO week; a repeat within the week updates the figures."""
    year, week, _ = today.isocalendar()
    key = f"{rule.key}:{subject}:{year}-W{week:02d}"[:200]
    alert = db.session.scalar(sa.select(Alert).where(Alert.dedupe_key == key))
    if alert is None:
        alert = Alert(rule_key=rule.key, subject_key=subject[:160], subject_label=label[:200], region_code=region,
                      message=message[:500], case_numbers=case_numbers, details=details, dedupe_key=key)
        db.session.add(alert)
        db.session.flush()
        _notify_supervisors(alert)
    else:
        alert.message, alert.case_numbers, alert.details = message[:500], case_numbers, details
    return alert


def _notify_supervisors(alert: Alert) -> None:
    """Send the alert through the outbox to the region's admins and arbitrators who have a phone."""
    query = sa.select(User.phone).where(User.role.in_(roles_that_may("receive_alert_notices")), User.phone.is_not(None),
                                        User.active.is_(True))
    phones = [phone for phone in db.session.scalars(query) if phone]
    if phones:
        queue(None, "alert", f"【劳动争议调处台】预警：{alert.message}"[:300], f"alert:{alert.dedupe_key}", phones)


def acknowledge(alert: Alert, user: User, note: str | None, *, commit: bool = True) -> Alert:
    alert.status, alert.acknowledged_by, alert.acknowledged_at = "acknowledged", user, utcnow()
    alert.note = (note or "").strip()[:MAX_ALERT_NOTE] or None
    if commit:
        db.session.commit()
    return alert


def open_alerts_json(user: User) -> list[dict]:
    query = sa.select(Alert).where(Alert.status == "open").order_by(Alert.raised_at.desc()).limit(100)
    region = user_region_scope(user)
    if region is not None:
        query = query.where(sa.or_(Alert.region_code == region, Alert.region_code.is_(None)))
    return [alert_json(a) for a in db.session.scalars(query)]


def alert_json(alert: Alert) -> dict:
    return {"id": alert.id, "rule": alert.rule_key, "subject": alert.subject_label, "message": alert.message,
            "cases": alert.case_numbers, "raised_at": alert.raised_at.isoformat(), "status": alert.status}


def visible_alerts(user: User, limit: int = 200) -> list[Alert]:
    query = sa.select(Alert).order_by(Alert.status.desc(), Alert.raised_at.desc()).limit(limit)
    region = user_region_scope(user)
    if region is not None:
        query = query.where(sa.or_(Alert.region_code == region, Alert.region_code.is_(None)))
    return list(db.session.scalars(query))


def alert_for(user: User, alert_id: int) -> Alert:
    alert = db.session.get(Alert, alert_id)
    region = user_region_scope(user)
    if alert is None or (region is not None and alert.region_code not in (region, None)):
        raise NotFound(_("没有找到该预警。"))
    return alert

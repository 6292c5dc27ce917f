"""Wage-arrears clues (欠薪线索) from what the app holds: complaints and reports to the inspectorate,
disputes claiming unpaid pay, and the early-warning alerts about pay. workflows/inspection.py groups
them by employer, cooperation chain or site, routes each clue to the place of work (条例第十三条) and
escalates the ones nobody acted on (a policy clock, not a statutory one)."""
from __future__ import annotations

import hashlib
import json
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import selectinload

from disputes.extensions import db, redis_client
from disputes.models import Alert, Case, Claim, InspectionMatter, User, utcnow
from disputes.permissions import user_region_scope
from disputes.timekeeping import local_today
from disputes.vocabulary import WAGE_CLAIMS
from workflows import TERMINAL_STATES as CASE_TERMINAL_STATES
from workflows import inspection as track

# How far back signals are gathered: the two years within which a violation may still be
# investigated (条例第二十条); older signals cannot lead to an order.
LOOKBACK_DAYS = 2 * 366
# Claims about pay owed (the policy's focus on unpaid wages); withheld pay counts too (条例第二十六条第（一）项).
PAY_CLAIMS = WAGE_CLAIMS | {"illegal_deduction"}
PAY_ALERT_RULES = ("repeated_wage_complaints", "pay_below_minimum")
# What the track's flags on a clue mean, for the page.
CLUE_FLAG_LABELS = {
    "multiple_places": _l("涉及多个地区：管辖有争议的，由共同的上一级劳动保障行政部门指定（《劳动保障监察条例》第十三条第二款）"),
    "many_workers": _l("涉及 10 人以上，按集体事项审慎处理"),
    "criminal_threshold_reachable": _l("所称金额可能达到拒不支付劳动报酬罪的数额标准（法释〔2013〕3号第三条），经责令支付仍不支付的，考虑移送"),
}
MATTER_STATUS = {
    "received": "new", "not_accepted": "dismissed", "case_cancelled": "dismissed", "closed": "resolved",
    "complied": "resolved",
}


def _worker_ref(phone: str | None, name: str | None) -> str | None:
    """A worker named in two signals is counted once, without carrying the phone number around."""
    key = (phone or "").strip() or (name or "").strip()
    return hashlib.sha256(key.encode()).hexdigest()[:12] if key else None


def _acted_on(matter: InspectionMatter) -> date | None:
    acted = [e.occurred_on for e in matter.history if e.event != "receive"]
    return max(acted) if acted else None


def matter_signal(matter: InspectionMatter) -> track.ArrearsSignal:
    worker = _worker_ref(matter.complainant_phone, matter.complainant_name)
    return track.ArrearsSignal(
        source=matter.channel, ref=matter.matter_no, reported_on=matter.received_on,
        employer_code=matter.employer_code, employer_name=matter.employer_name,
        chain=tuple(n for n in (matter.platform, matter.employer_name) if n) if matter.platform else (),
        region=matter.region_code, workers=(worker,) if worker else (),
        worker_count=None if worker and matter.worker_count <= 1 else matter.worker_count,
        amount=matter.amount_owed, status=MATTER_STATUS.get(matter.state, "in_progress"),
        acted_on=_acted_on(matter),
    )


def case_signal(case: Case) -> track.ArrearsSignal:
    """A dispute claiming unpaid pay. Policy: the clue counts it as acted on once a body handles it."""
    respondent = case.respondents[0] if case.respondents else None
    amounts = [c.amount for c in case.claims if c.kind in PAY_CLAIMS and c.amount is not None]
    if case.state in CASE_TERMINAL_STATES:
        status = "resolved"
    else:
        status = "new" if case.state == "submitted" else "in_progress"
    chain = tuple(n for n in (case.platform, *(r.name for r in case.respondents)) if n) if case.platform else ()
    return track.ArrearsSignal(
        source="dispute", ref=case.case_no, reported_on=case.submitted_on,
        employer_code=respondent.credit_code if respondent else None,
        employer_name=respondent.name if respondent else None, chain=chain, region=case.region_code,
        workers=tuple(w for w in (_worker_ref(x.phone, x.name) for x in case.workers) if w),
        amount=sum(amounts) if amounts else None, status=status,
    )


def alert_signal(alert: Alert) -> track.ArrearsSignal:
    subject = alert.subject_key.split(":", 1)[1] if ":" in alert.subject_key else alert.subject_key
    code = track.normalise_credit_code(subject)
    return track.ArrearsSignal(
        source="alert", ref=f"alert:{alert.id}", reported_on=alert.raised_at.date(),
        employer_code=code, employer_name=None if code else alert.subject_label, region=alert.region_code,
        status="new" if alert.status == "open" else "in_progress",
    )


def signals_for(user: User, today: date | None = None) -> list[track.ArrearsSignal]:
    """Every pay signal of the user's region within the two-year window."""
    return signals_in(user_region_scope(user), today)


def signals_in(scope: str | None, today: date | None = None) -> list[track.ArrearsSignal]:
    """Every pay signal of one region (None: of every region) within the two-year window."""
    today = today or local_today()
    since = today - timedelta(days=LOOKBACK_DAYS)
    matters = sa.select(InspectionMatter).where(InspectionMatter.received_on >= since) \
        .options(selectinload(InspectionMatter.history))
    cases = sa.select(Case).where(
        Case.submitted_on >= since, Case.id.in_(sa.select(Claim.case_id).where(Claim.kind.in_(PAY_CLAIMS)))) \
        .options(selectinload(Case.respondents), selectinload(Case.claims), selectinload(Case.workers))
    alerts = sa.select(Alert).where(Alert.rule_key.in_(PAY_ALERT_RULES))
    if scope is not None:
        matters = matters.where(InspectionMatter.region_code == scope)
        cases = cases.where(Case.region_code == scope)
        alerts = alerts.where(Alert.region_code == scope)
    signals = [matter_signal(m) for m in db.session.scalars(matters)
               if set(m.claim_kinds or ()) & PAY_CLAIMS or not m.claim_kinds]
    signals += [case_signal(c) for c in db.session.scalars(cases)]
    signals += [alert_signal(a) for a in db.session.scalars(alerts) if a.raised_at.date() >= since]
    return signals


def clues_for(user: User, today: date | None = None) -> list[track.ArrearsClue]:
    today = today or local_today()
    return track.group_arrears_clues(signals_for(user, today), today=today)


# The dashboard's clue counts. Grouping reads every pay signal of two years, too much for each
# dashboard request at a province's volume, so a scheduled job counts them (jobs/kinds.py
# count_clues) and the dashboard reads the last count, with the time it was made.
CLUE_COUNTS_KEY = "dispute-desk:clue-counts"


def count_clues(today: date | None = None) -> dict[str, Any]:
    """Count every region's clues by status and age, and by employer, keep the count in Redis and return it."""
    today = today or local_today()
    by_region: dict[str, list[track.ArrearsClue]] = {}
    for clue in track.group_arrears_clues(signals_in(None, today), today=today):
        by_region.setdefault(clue.route_to or "", []).append(clue)
    snapshot = {"counted_at": utcnow().isoformat(timespec="seconds"), "counted_on": today.isoformat(),
                "regions": {region: track.clue_counts(clues) for region, clues in by_region.items()},
                "employers": {region: _by_employer(clues) for region, clues in by_region.items()}}
    client = redis_client()
    if client is not None:
        client.set(CLUE_COUNTS_KEY, json.dumps(snapshot))
    return snapshot


def employer_key(credit_code: str | None, name: str | None) -> str | None:
    """How a clue names an employer: its credit code, else its normalised name."""
    if credit_code:
        return credit_code
    normalised = track.normalise_name(name) if name else None
    return f"name:{normalised}" if normalised else None


def _by_employer(clues) -> dict[str, list[int]]:
    """Open and resolved clues per employer they name (a clue naming several counts for each)."""
    counts: dict[str, list[int]] = {}
    for clue in clues:
        keys = {employer_key(code, None) for code in clue.employer_codes}
        keys |= {employer_key(None, name) for name in clue.employer_names}
        for key in keys - {None}:
            counts.setdefault(key, [0, 0])[clue.status == "resolved"] += 1
    return counts


def employer_clue_counts(region: str, today: date | None = None) -> dict[str, list[int]]:
    """The region's clues per employer, [open, resolved]: from the last count when there is one (a
    page must not group two years of signals), else grouped now (a process without Redis)."""
    snapshot = _snapshot()
    if snapshot is not None and "employers" in snapshot:
        return snapshot["employers"].get(region, {})
    today = today or local_today()
    return _by_employer(track.group_arrears_clues(signals_in(region, today), today=today))


def _snapshot() -> dict[str, Any] | None:
    client = redis_client()
    stored = client.get(CLUE_COUNTS_KEY) if client is not None else None
    return json.loads(stored) if stored is not None else None


def last_clue_counts(scope: str | None) -> dict[str, Any] | None:
    """The last count for one region (None: all regions summed), or None before the first count."""
    snapshot = _snapshot()
    if snapshot is None:
        return None
    regions = [counts for region, counts in snapshot["regions"].items() if scope is None or region == scope]
    empty = track.clue_counts(())
    total = {part: {key: sum(r[part].get(key, 0) for r in regions) for key in empty[part]} for part in empty}
    return total | {"counted_at": snapshot["counted_at"], "total": sum(total["by_status"].values())}

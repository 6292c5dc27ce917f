"""The inspection track in the app: filing a complaint or report, firing its events, linking it to a
dispute, and who may see which matter. The rules are workflows/inspection.py's; this module stores
what they decide, in one transaction each, with a history row and an audit entry."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Mapping

import sqlalchemy as sa
import places
from flask_babel import gettext as _
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from disputes import audit
from disputes.errors import Conflict, NotAuthenticated, NotFound, PermissionDenied, ValidationFailed
from disputes.extensions import db
from disputes.models import (
    Case, CaseInspectionLink, InspectionEvent, InspectionMatter, InspectionNumberCounter, Region, User,
)
from disputes.numbering import next_number
from disputes.permissions import can, user_region_scope
from disputes.security import access_code_hash, access_code_matches, new_access_code, normalise_access_code
from disputes.timekeeping import local_today
from disputes.vocabulary import in_language, label
from workflows import inspection as track
from workflows.errors import EventNotAllowed, GuardRefused, NotPermitted, UnknownEvent

# The history's first row is the filing itself; the rest are the track's events.
INSPECTION_HISTORY_LABELS = {"receive": {"zh": "收到投诉（举报）", "en": "Complaint (report) received"},
                             **track.EVENT_LABELS}
MATTER_PREFIX = "J"  # 监: the inspection matters' numbers never look like a case number (2026-0001234)


@dataclass(frozen=True)
class FiledMatter:
    """A new matter and, for a complaint filed without an account, the code to follow it with."""

    matter: InspectionMatter
    access_code: str | None


def _refusal(refused: GuardRefused) -> ValidationFailed:
    return ValidationFailed({refused.field or "event": in_language(refused.message_zh, refused.message_en)})


def _next_matter_number(year: int) -> str:
    return f"{MATTER_PREFIX}{year}-{next_number(InspectionNumberCounter, year):07d}"


# ---------------------------------------------------------------------------------------------
# Filing.

def _filer_actor(filed_by: User | None, channel: str) -> track.InspectionActor:
    if channel == "complaint":
        return track.InspectionActor(filed_by.id if filed_by is not None else None, "worker", owns_matter=True)
    role = "worker" if filed_by is not None and filed_by.role == "worker" else "reporter"
    return track.InspectionActor(filed_by.id if filed_by is not None else None, role)


def create_matter(channel: str, data: Mapping[str, Any], *, filed_by: User | None, region_code: str,
                  place_code: str | None = None, claim_kinds=(), amount_owed: Decimal | None = None,
                  worker_count: int = 1, complainant_name: str | None = None,
                  complainant_phone: str | None = None, platform: str | None = None,
                  language: str = "zh_CN", commit: bool = True) -> FiledMatter:
    """Check the complaint or report by the Regulation (workflows.inspection.intake) and store it.

    A complaint filed without an account gets its own access code, as a case does; a signed-in
    worker follows it from their account; an anonymous report is followed by nobody (条例第九条第三款:
    the reporter's identity is kept secret, and here it is not even asked).
    """
    today = local_today()
    try:
        received = track.intake(channel, _filer_actor(filed_by, channel), data, today=today)
    except GuardRefused as refused:
        raise _refusal(refused) from None
    anonymous = received["anonymous"]
    access_code = new_access_code() if channel == "complaint" and filed_by is None else None
    matter = InspectionMatter(
        matter_no=_next_matter_number(today.year), channel=channel, anonymous=anonymous, state="received",
        access_code_hash=access_code_hash(access_code) if access_code else None, language=language,
        received_on=today, filer_id=None if anonymous else (filed_by.id if filed_by is not None else None),
        complainant_name=None if anonymous else complainant_name,
        complainant_phone=None if anonymous else complainant_phone,
        employer_name=received["employer_name"], employer_code=received.get("employer_code"),
        platform=platform, region_code=region_code, place_code=place_code, place=received["place"],
        facts=received["facts"], claim_kinds=list(dict.fromkeys(claim_kinds)), amount_owed=amount_owed,
        worker_count=max(1, worker_count),
        violation_on=date.fromisoformat(received["violation_on"]) if "violation_on" in received else None,
    )
    matter.history = [InspectionEvent(
        seq=1, occurred_on=today, actor_id=None if anonymous else (filed_by.id if filed_by else None),
        actor_label=_label(None if anonymous else filed_by, channel), event="receive", from_state=None,
        to_state="received", data={"channel": channel, "anonymous": anonymous},
    )]
    db.session.add(matter)
    if commit:
        db.session.commit()
    return FiledMatter(matter, access_code)


def _label(user: User | None, channel: str) -> str:
    if user is None:
        return "reporter (anonymous)" if channel == "report" else "worker (self-service)"
    return f"{user.role}:{user.username}"


def link_dispute(case: Case, matter: InspectionMatter, *, choice: str, origin: str = "filed_together",
                 by: User | None = None) -> CaseInspectionLink:
    """Join a dispute and a matter (read from either side); the caller commits."""
    if choice not in track.FILING_CHOICES or origin not in track.LINK_ORIGINS:
        raise ValidationFailed({"choice": _("关联方式不正确。")})
    link = CaseInspectionLink(case=case, matter=matter, choice=choice, origin=origin, linked_on=local_today(),
                              linked_by_id=by.id if by is not None else None)
    db.session.add(link)
    return link


def file_with_dispute(case: Case, submission, *, filed_by: User | None, choice: str) -> FiledMatter:
    """The complaint half of one filing: the intake's parties and claims, as the Regulation asks them.

    The worker who files the dispute is the complainant; the first respondent is the employer
    complained of (the inspectorate may add the others when it investigates).
    """
    worker = submission.workers[0]
    respondent = submission.respondents[0]
    plan = track.filing_plan(choice, [c.kind for c in submission.claims])
    amounts = [c.amount for c in submission.claims if c.kind in plan["complaint_kinds"] and c.amount is not None]
    data = {"employer_name": respondent.name, "employer_code": respondent.credit_code, "facts": submission.facts,
            "place": _place_words(submission)}
    filed = create_matter(
        "complaint", data, filed_by=filed_by if filed_by is not None and filed_by.role == "worker" else None,
        region_code=submission.region, place_code=submission.place_code, claim_kinds=plan["complaint_kinds"],
        amount_owed=sum(amounts, Decimal("0")) if amounts else None, worker_count=len(submission.workers),
        complainant_name=worker.name, complainant_phone=worker.phone, platform=submission.platform,
        language=submission.language, commit=False,
    )
    if case is not None:
        link_dispute(case, filed.matter, choice=choice, by=filed_by)
    return filed


def _place_words(submission) -> str:
    """The place of work in words (条例第十三条 routes the matter by it): its division path, else the region."""
    place = places.place_by_code(submission.place_code) if submission.place_code else None
    if place is not None:
        return "".join(step.name for step in places.path(place))
    region = db.session.get(Region, submission.region)
    return region.name_zh if region is not None else submission.region


# ---------------------------------------------------------------------------------------------
# Who sees what.

def can_see_matter(user: User | None, matter: InspectionMatter) -> bool:
    """Inspectors of the matter's region and admins; the worker who filed it; the staff of a linked dispute."""
    if user is None or not user.is_authenticated:
        return False
    if user.role == "admin":
        return True
    if user.role == "worker":
        return matter.filer_id == user.id
    if can(user, "inspect"):
        return user_region_scope(user) in (None, matter.region_code)
    from disputes.permissions import can_view_case
    return any(can_view_case(user, link.case) for link in matter.case_links)


def matter_for(user: User | None, matter_no: str) -> InspectionMatter:
    """The matter by number if the user may see it: 401 when not signed in; else 404 whether it is
    missing or not the user's, so numbers cannot be probed."""
    if user is None or not user.is_authenticated:
        raise NotAuthenticated(_("请先登录。"))
    matter = db.session.scalar(
        sa.select(InspectionMatter).where(InspectionMatter.matter_no == matter_no)
        .options(selectinload(InspectionMatter.history), selectinload(InspectionMatter.case_links)))
    if matter is None or not can_see_matter(user, matter):
        raise NotFound(_("没有找到该监察事项。"))
    return matter


def queue(user: User, *, state: str | None = None, limit: int = 200) -> list[InspectionMatter]:
    """The matters of the inspector's region, open ones first by the day they arrived."""
    query = sa.select(InspectionMatter).order_by(
        InspectionMatter.state.in_(tuple(track.TERMINAL_STATES)), InspectionMatter.received_on, InspectionMatter.id)
    scope = user_region_scope(user)
    if scope is not None:
        query = query.where(InspectionMatter.region_code == scope)
    if state in track.STATES:
        query = query.where(InspectionMatter.state == state)
    return list(db.session.scalars(query.limit(limit)))


def lookup_with_code(matter_no: Any, code: Any) -> InspectionMatter:
    """A complaint followed without an account: its number and its access code, or the portal's one
    refusal for any wrong pair (the same words as a case's, so a number tells nothing)."""
    matter_no = matter_no.strip().upper() if isinstance(matter_no, str) else ""
    matter = db.session.scalar(sa.select(InspectionMatter).where(InspectionMatter.matter_no == matter_no)) \
        if matter_no else None
    if matter is None or not matter.access_code_hash or not isinstance(code, str) \
            or not access_code_matches(matter.access_code_hash, normalise_access_code(code)):
        raise NotFound(_("案件编号或查询码不正确。请核对后再试。"))
    return matter


def is_matter_number(value: Any) -> bool:
    return isinstance(value, str) and value.strip().upper().startswith(MATTER_PREFIX)


# ---------------------------------------------------------------------------------------------
# Events.

def actor_for(user: User, matter: InspectionMatter) -> track.InspectionActor:
    role = user.role if user.role in track.INSPECTION_ROLES else None
    if role is None:
        raise PermissionDenied(_("只有劳动保障监察机构办理监察事项。"))
    return track.InspectionActor(user.id, role, owns_matter=matter.filer_id == user.id)


def events_for(user: User, matter: InspectionMatter) -> list[str]:
    if user.role not in track.INSPECTION_ROLES or not can_see_matter(user, matter):
        return []
    return track.allowed_events(matter, actor_for(user, matter), today=local_today())


def apply_event(matter: InspectionMatter, event: str, user: User, data: Mapping[str, Any] | None, *,
                expected_version: int | None) -> InspectionMatter:
    """Fire `event` by the Regulation's guards and record it with its history row and an audit entry."""
    today = local_today()
    if expected_version is not None and expected_version != matter.version:
        raise _stale(matter)
    if data is not None and not isinstance(data, Mapping):
        raise ValidationFailed({"data": _("事件数据格式不正确。")})
    data = dict(data or {})
    if event == "open_case" and data.get("inspector_id") not in (None, ""):
        data["inspector_id"] = _inspector_id(data["inspector_id"], matter)
    try:
        transition = track.fire(matter, event, actor_for(user, matter), data, today=today)
    except UnknownEvent:
        raise ValidationFailed({"event": _("未知的操作：%(event)s", event=event)}) from None
    except EventNotAllowed as refused:
        raise Conflict(_("该事项当前状态下不能进行此操作。"), state=matter.state, version=matter.version,
                       allowed_events=refused.allowed) from None
    except NotPermitted as refused:
        raise PermissionDenied(in_language(refused.message_zh, refused.message_en)) from None
    except GuardRefused as refused:
        raise _refusal(refused) from None
    matter.history.append(InspectionEvent(
        seq=len(matter.history) + 1, occurred_on=today, actor_id=user.id, actor_label=_label(user, matter.channel),
        event=event, from_state=transition.from_state, to_state=transition.to_state, data=transition.data))
    audit.record(user, f"inspection.{event}", matter.matter_no, state=matter.state)
    # A row beside the matter is a change of the matter: its version grows even when its state stays.
    flag_modified(matter, "state")
    try:
        db.session.commit()
    except (StaleDataError, sa.exc.IntegrityError) as failure:
        db.session.rollback()
        if isinstance(failure, sa.exc.IntegrityError) and "matter_seq" not in str(failure.orig):
            raise
        raise _stale(db.session.get(InspectionMatter, matter.id)) from None
    return matter


def _inspector_id(value: Any, matter: InspectionMatter) -> int:
    try:
        user = db.session.get(User, int(value))
    except (TypeError, ValueError):
        user = None
    if user is None or user.role != "inspector" or not user.active \
            or (user.organisation is not None and user.organisation.region_code not in (None, matter.region_code)):
        raise ValidationFailed({"inspector_id": _("请选择本地区在职的劳动保障监察员。")})
    return user.id


def _stale(matter: InspectionMatter) -> Conflict:
    return Conflict(_("该事项已被他人更新，请刷新后重试。"), state=matter.state, version=matter.version)


def deadlines(matter: InspectionMatter, today: date | None = None):
    return track.deadlines(matter, today=today or local_today())


def inspectors_of(region_code: str) -> list[User]:
    from disputes.models import Organisation

    return list(db.session.scalars(
        sa.select(User).outerjoin(Organisation, User.organisation_id == Organisation.id)
        .where(User.role == "inspector", User.active.is_(True),
               sa.or_(Organisation.region_code == region_code, User.organisation_id.is_(None)))
        .order_by(User.display_name)))


def matter_json(matter: InspectionMatter, user: User | None = None) -> dict[str, Any]:
    """What the API and the portal show of a matter; an anonymous reporter is never named."""
    today = local_today()
    body = {
        "matter_no": matter.matter_no, "channel": matter.channel, "anonymous": matter.anonymous,
        "state": matter.state, "state_label": label(track.STATE_LABELS, matter.state),
        "version": matter.version, "received_on": matter.received_on.isoformat(),
        "employer_name": matter.employer_name, "employer_code": matter.employer_code, "platform": matter.platform,
        "region": matter.region_code, "place_code": matter.place_code, "place": matter.place,
        "claim_kinds": list(matter.claim_kinds or []),
        "amount_owed": format(matter.amount_owed, "f") if matter.amount_owed is not None else None,
        "worker_count": matter.worker_count,
        "violation_on": matter.violation_on.isoformat() if matter.violation_on else None,
        "deadlines": [d.as_data() for d in deadlines(matter, today)],
        "history": [{"seq": e.seq, "event": e.event, "on": e.occurred_on.isoformat(), "from_state": e.from_state,
                     "to_state": e.to_state, "data": e.data} for e in matter.history],
        "disputes": [link.case.case_no for link in matter.case_links
                     if user is None or user.role in ("worker", "admin") or _sees(user, link.case)],
    }
    if user is not None and user.role in track.INSPECTION_ROLES:
        body["allowed_events"] = events_for(user, matter)
    return body


def _sees(user: User, case: Case) -> bool:
    from disputes.permissions import can_view_case
    return can_view_case(user, case)

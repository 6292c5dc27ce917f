"""Moving a case through its life cycle: one event, one transaction, one history row."""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Mapping

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm.exc import StaleDataError

from disputes.cases.actors import actor_for
from disputes.errors import Conflict, PermissionDenied, ValidationFailed
from disputes.extensions import db
from disputes.models import Case, CaseEvent, MinimumWage, User
from disputes.timekeeping import local_today
from workflows import EventNotAllowed, GuardRefused, allowed_events, fire

MAX_NOTE_LENGTH = 2000


def apply_event(
    case: Case,
    event: str,
    user: User,
    *,
    expected_version: int | None,
    note: str | None = None,
    data: Mapping[str, Any] | None = None,
) -> Case:
    """Fire `event` on the case for `user` and record it; raises Conflict, PermissionDenied or ValidationFailed.

    The version check makes concurrent edits safe: the caller sends the version it saw, and a
    second writer with the same version loses with 409 instead of silently overwriting.
    """
    today = local_today()
    if expected_version is not None and expected_version != case.version:
        raise _stale(case, user)
    if note is not None and (not isinstance(note, str) or len(note) > MAX_NOTE_LENGTH):
        raise ValidationFailed({"note": _("备注应为不超过 %(n)d 字的文字。", n=MAX_NOTE_LENGTH)})
    data = dict(data or {})
    data = _with_context(case, event, user, data, today)
    from_state, from_legal_aid = case.state, case.legal_aid
    try:
        transition = fire(case, event, actor_for(user, case), data, today=today)
    except EventNotAllowed as refused:
        raise Conflict(
            _("当前状态下不能进行此操作。"),
            state=case.state, legal_aid=case.legal_aid, allowed_events=list(refused.allowed),
        ) from None
    except GuardRefused as refused:
        _restore(case, from_state, from_legal_aid)
        field = refused.field or "_event"
        if refused.field is None and _is_permission(refused):
            raise PermissionDenied(str(refused.message_zh)) from None
        raise ValidationFailed({field: refused.message_zh}) from None
    _apply_side_effects(case, transition, user)
    case.history.append(
        CaseEvent(
            seq=len(case.history) + 1, occurred_on=today, actor=user, actor_label=f"{user.role}:{user.username}",
            event=event, track=transition.track, from_state=transition.from_state, to_state=transition.to_state,
            note=(note or "").strip() or None, data=transition.data,
        )
    )
    try:
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        fresh = db.session.scalar(sa.select(Case).where(Case.case_no == case.case_no))
        raise _stale(fresh, user) from None
    return case


def _is_permission(refused: GuardRefused) -> bool:
    return getattr(refused, "kind", None) == "permission"


def _stale(case: Case, user: User) -> Conflict:
    return Conflict(
        _("案件已被他人更新，请刷新后重试。"),
        state=case.state, legal_aid=case.legal_aid, version=case.version,
        allowed_events=allowed_events(case, actor_for(user, case), today=local_today()),
    )


def _restore(case: Case, state: str, legal_aid: str) -> None:
    # A refused guard must leave the case as it was, even if the machine already moved it.
    case.state, case.legal_aid = state, legal_aid


def _with_context(case: Case, event: str, user: User, data: dict, today) -> dict:
    """Facts the rules need that the caller does not send: the region's minimum wage for awards."""
    if event == "render_award" and "monthly_minimum_wage" not in data:
        wage = minimum_wage_for(case.region_code, today)
        if wage is not None:
            data["monthly_minimum_wage"] = str(wage)
    return data


def minimum_wage_for(region_code: str, on) -> Decimal | None:
    """The region's monthly minimum wage in force on a date."""
    return db.session.scalar(
        sa.select(MinimumWage.monthly)
        .where(MinimumWage.region_code == region_code, MinimumWage.effective_on <= on)
        .order_by(MinimumWage.effective_on.desc())
        .limit(1)
    )


def _apply_side_effects(case: Case, transition, user: User) -> None:
    """Copy what the event decided onto the case: who handles it, the amounts agreed or awarded."""
    data = transition.data
    if transition.event == "accept":
        case.mediator_id = int(data.get("mediator_id") or user.id)
    elif transition.event == "accept_arbitration":
        case.arbitrator_id = int(data.get("arbitrator_id") or user.id)
    elif transition.event in ("mediation_succeeded", "arbitral_mediation"):
        case.agreed_amount = Decimal(str(data["amount"]))
    elif transition.event == "render_award":
        case.awarded_amount = Decimal(str(data["amount_awarded"]))

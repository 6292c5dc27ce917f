"""Moving a case through its life cycle: one event, one transaction, one history row."""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Mapping

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm.exc import StaleDataError

from disputes.cases.actors import actor_for
from disputes.cases.wages import award_wage_basis
from disputes.cases.history import record_in_history
from disputes.event_hooks import AFTER_EVENT, RecordedEvent, run_hooks
from disputes.errors import Conflict, PermissionDenied, ValidationFailed
from disputes.extensions import db
from disputes.models import Case, User
from disputes.permissions import can
from disputes.timekeeping import local_today
from disputes.validation import check_text, whole_number
from workflows import Actor, EventNotAllowed, GuardRefused, NotPermitted, UnknownEvent, allowed_events, fire

MAX_NOTE_LENGTH = 2000
# Events whose data may name the person who will handle the case, and the role that person must have.
ASSIGNEES = {"accept": ("mediator_id", "mediator"), "accept_arbitration": ("arbitrator_id", "arbitrator")}


def apply_event(
    case: Case,
    event: str,
    user: User | None,
    *,
    expected_version: int | None,
    note: str | None = None,
    data: Mapping[str, Any] | None = None,
) -> Case:
    """Fire `event` on the case for `user` and record it in the same transaction.

    Raises Conflict (stale version or wrong state, with the current state and allowed events),
    PermissionDenied (role or assignment) or ValidationFailed (the data or a rule, per field).
    `user` None means the case's own worker acting through the portal (case number + access code).
    """
    today = local_today()
    if expected_version is not None and expected_version != case.version:
        raise _stale(case, user)
    _check_note(note)
    data = _with_context(case, event, dict(data or {}), today, _actor(user, case))
    try:
        transition = fire(case, event, _actor(user, case), data, today=today)
    except UnknownEvent:
        raise ValidationFailed({"event": _("未知的操作：%(event)s", event=event)}) from None
    except EventNotAllowed as refused:
        raise Conflict(_("案件当前状态下不能进行此操作。"), state=case.state, legal_aid=case.legal_aid,
                       version=case.version, allowed_events=refused.allowed) from None
    except NotPermitted as refused:
        raise PermissionDenied(refused.message_zh) from None
    except GuardRefused as refused:
        raise ValidationFailed({refused.field or "event": refused.message_zh}) from None
    try:
        _record(case, event, user, note, transition, today)
        db.session.commit()
    except (StaleDataError, sa.exc.IntegrityError) as failure:
        # Another writer committed first, seen at a flush or at the commit (its history row may
        # have taken our sequence number before our version check failed).
        db.session.rollback()
        if isinstance(failure, sa.exc.IntegrityError) and not _lost_the_race(failure):
            raise
        raise _stale(db.session.get(Case, case.id), user) from None
    return case


def _lost_the_race(failure: sa.exc.IntegrityError) -> bool:
    """The winner's history row took our sequence number, or its notice our notice's dedupe key."""
    return any(name in str(failure.orig) for name in ("case_seq", "dedupe_key"))


def _record(case: Case, event: str, user: User | None, note, transition, today: date) -> None:
    """Everything the event writes besides the state: amounts and the history row, then the hooks
    the other features registered (the stage's document, the worker's notice, the schedule).

    Nothing is flushed until the commit, so the case is written in one UPDATE and its version grows
    by one; and the history row may still be completed by a hook (it is append-only once written).
    """
    with db.session.no_autoflush:
        _record_amounts(case, transition)
        row = record_in_history(case, event, user, today, note=note, data=transition.data, track=transition.track,
                                from_state=transition.from_state, to_state=transition.to_state)
        run_hooks(AFTER_EVENT, RecordedEvent(case, event, row, user, today, transition.data))


def _actor(user: User | None, case: Case):
    return actor_for(user, case) if user is not None else Actor(user_id=None, role="worker", owns_case=True)


def _check_note(note) -> None:
    if note is not None and (not isinstance(note, str) or len(note) > MAX_NOTE_LENGTH):
        raise ValidationFailed({"note": _("备注应为不超过 %(n)d 字的文字。", n=MAX_NOTE_LENGTH)})


def _stale(case: Case, user: User | None) -> Conflict:
    return Conflict(
        _("案件已被他人更新，请刷新后重试。"),
        state=case.state, legal_aid=case.legal_aid, version=case.version,
        allowed_events=allowed_events(case, _actor(user, case), today=local_today()),
    )


def _commit_or_stale(case: Case, by: User | None) -> None:
    """Commit the change; another writer who got there first makes it a Conflict with the case as it is now."""
    try:
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        raise _stale(db.session.get(Case, case.id), by) from None


def _with_context(case: Case, event: str, data: dict, today: date, actor: Actor) -> dict:
    """Facts the rules need that the caller does not send, and checks only the database can make."""
    if event in ASSIGNEES:
        _check_assignee(data, *ASSIGNEES[event])
    # The award's minimum wage (cases/wages.py), looked up only where an award may be made now, so
    # an award out of turn is still refused for its stage (409), not for a missing figure.
    if event == "render_award" and event in allowed_events(case, actor, today=today):
        typed = data.get("monthly_minimum_wage")
        typed = None if typed in (None, "") else _typed_wage(typed)
        # The place of work recorded at intake serves when the arbitrator names none.
        place = data.get("wage_place") or (case.place.full_name if case.place else None)
        basis = award_wage_basis(case.region_code, today, place, typed)
        data["monthly_minimum_wage"] = format(basis.monthly, "f")
        data["minimum_wage_basis"] = basis.as_data()
    return data


def _typed_wage(value) -> Decimal:
    """A monthly minimum wage the arbitrator typed: a positive amount in yuan, as the award guard reads it."""
    from workflows.fields import amount

    try:
        return Decimal(amount(value, "monthly_minimum_wage"))
    except GuardRefused as refused:
        raise ValidationFailed({"monthly_minimum_wage": refused.message_zh}) from None


def _check_assignee(data: dict, field: str, role: str) -> None:
    """A named handler must be an active account of the right role."""
    wanted = data.get(field)
    if wanted in (None, ""):
        data.pop(field, None)
        return
    number = whole_number(wanted, minimum=1) if isinstance(wanted, int) else None  # past the column's range: no one
    user = db.session.get(User, number) if number is not None else None
    if user is None or user.role != role or not user.active:
        raise ValidationFailed({field: _("指定的承办人不存在或不是该角色。")})


def _record_amounts(case: Case, transition) -> None:
    """Keep the agreed and awarded amounts on the case, for the documents and the dashboard."""
    data = transition.data
    if transition.event in ("mediation_succeeded", "arbitral_mediation"):
        case.agreed_amount = Decimal(str(data["amount"]))
    elif transition.event == "render_award":
        case.awarded_amount = Decimal(str(data["amount_awarded"]))


REASSIGNABLE = {"mediator": "mediator_id", "arbitrator": "arbitrator_id"}


def reassign(case: Case, role: str, new_handler_id: int | None, by: User, *, expected_version: int,
             reason: str | None) -> Case:
    """Hand the case to another mediator or arbitrator (by account id): by an admin or by the person handing it over.

    Not a life-cycle event (the state does not move), but written to the history like one.
    """
    field = REASSIGNABLE.get(role)
    if field is None:
        raise ValidationFailed({"role": _("只能改派调解员或仲裁员。")})
    current_id = getattr(case, field)
    if not can(by, "reassign_any_case", case) and by.id != current_id:
        raise PermissionDenied(_("只有管理员或当前承办人可以改派案件。"))
    new_handler = db.session.get(User, new_handler_id) if new_handler_id is not None else None
    if new_handler is None or new_handler.role != role or not new_handler.active:
        raise ValidationFailed({"handler": _("指定的承办人不存在或不是该角色。")})
    if new_handler.id == current_id:
        raise ValidationFailed({"handler": _("案件已由该承办人办理。")})
    if expected_version != case.version:
        raise _stale(case, by)
    _check_note(reason)
    setattr(case, field, new_handler.id)
    record_in_history(case, "reassign", by, local_today(), note=reason,
                      data={"role": role, "from": current_id, "to": new_handler.id})
    _commit_or_stale(case, by)
    return case


# The parties' particulars an arbitration application states and staff may complete or correct
# (调解仲裁法第二十八条第二款第一项): the field of each party and its longest length.
PARTICULARS = {
    "workers": (("address", 200),),
    "respondents": (("address", 200), ("legal_representative", 64), ("legal_representative_title", 32)),
}


def correct_particulars(case: Case, by: User, answers: Mapping[str, str], *, expected_version: int) -> list[str]:
    """Complete or correct the parties' particulars from form answers keyed like the intake's
    (``workers-0-address``, ``respondents-1-legal_representative``); a key not sent leaves its field
    as it is, a blank one clears it. Written to the history with the fields changed (not their
    values: the history is read more widely than the parties' addresses). Returns those fields."""
    if not can(by, "edit_particulars", case):
        raise PermissionDenied(_("只有本案承办人或管理员可以更正当事人信息。"))
    if expected_version != case.version:
        raise _stale(case, by)
    problems, changes = {}, []
    for rows, fields in PARTICULARS.items():
        for index, party in enumerate(getattr(case, rows)):
            for field, longest in fields:
                key = f"{rows}-{index}-{field}"
                if key not in answers:
                    continue
                value = answers[key] if isinstance(answers[key], str) else None
                problem = check_text(value, required=False, max_length=longest) if value is not None else _("应为文字。")
                if problem:
                    problems[key] = problem
                    continue
                if getattr(party, field) != (value.strip() or None):
                    changes.append((party, field, value.strip() or None, f"{rows}[{index}].{field}"))
    if problems:
        raise ValidationFailed(problems)
    if not changes:
        return []
    for party, field, value, _path in changes:
        setattr(party, field, value)
    changed = [path for *_, path in changes]
    record_in_history(case, "correct_particulars", by, local_today(), data={"changed": changed})
    _commit_or_stale(case, by)
    return changed

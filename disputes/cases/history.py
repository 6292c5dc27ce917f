"""Rows of a case's history written beside the life cycle (who did it, and that the case changed)."""
from __future__ import annotations

from datetime import date

from disputes.models import Case, CaseEvent, User


def actor_label(user: User | None) -> str:
    return f"{user.role}:{user.username}" if user is not None else "worker (portal)"


def record_in_history(case: Case, event: str, by: User, on: date, *, note: str | None = None,
                      data: dict | None = None) -> CaseEvent:
    """A history row for what is not a life-cycle event (the state stays), counted as a change of the case."""
    row = CaseEvent(
        seq=len(case.history) + 1, occurred_on=on, actor=by, actor_label=actor_label(by), event=event,
        track="main", from_state=case.state, to_state=case.state, note=(note or "").strip() or None, data=data or {},
    )
    case.history.append(row)
    case.record_change()
    return row

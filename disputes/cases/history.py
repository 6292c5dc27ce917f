"""Rows of a case's history: who did what, and that the case changed."""
from __future__ import annotations

from datetime import date

from disputes.models import Case, CaseEvent, User


def actor_label(user: User | None) -> str:
    return f"{user.role}:{user.username}" if user is not None else "worker (portal)"


def record_in_history(case: Case, event: str, by: User | None, on: date, *, note: str | None = None,
                      data: dict | None = None, track: str = "main", from_state: str | None = None,
                      to_state: str | None = None) -> CaseEvent:
    """The one writer of history rows, counted as a change of the case.

    A life-cycle event passes the states it moved between; anything else (a reassignment, a
    reissued document, a collective link) leaves the state where it is.
    """
    row = CaseEvent(
        seq=len(case.history) + 1, occurred_on=on, actor=by, actor_label=actor_label(by), event=event,
        track=track, from_state=from_state or case.state, to_state=to_state or case.state,
        note=(note or "").strip() or None, data=data or {},
    )
    case.history.append(row)
    case.record_change()
    return row

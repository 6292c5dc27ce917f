"""The next statutory deadline of a case, kept as a sort key for the queues.

Deadlines themselves are always recomputed by workflows from the case's events; this column is
only an index so a queue of a million cases can be sorted by urgency. It is refreshed in the
transaction of every event and by `flask deadlines check` (e.g. after a holiday-calendar update).
"""
from __future__ import annotations

from datetime import date

from disputes.event_hooks import RecordedEvent
from disputes.models import Case
from workflows import TERMINAL_STATES, deadlines

NO_DEADLINE = date(9999, 12, 31)  # sorts after every real date, so keyset paging needs no NULL case


def refresh_schedule(case: Case, today: date) -> None:
    """Set next_due_on / next_due_kind / priority from the deadlines running now."""
    running = deadlines(case, today=today) if case.state not in TERMINAL_STATES else []
    soonest = min(running, key=lambda d: d.due, default=None)
    case.next_due_on = soonest.due if soonest else NO_DEADLINE
    case.next_due_kind = soonest.kind if soonest else None
    # Collective disputes are filed and heard first (Rules Art. 5); closed cases sink.
    case.priority = 2 if case.state in TERMINAL_STATES else (0 if case.collective else 1)


def refresh_schedule_after_event(recorded: RecordedEvent) -> None:
    """After-event hook (registered by ``cases.init_app``)."""
    refresh_schedule(recorded.case, recorded.today)

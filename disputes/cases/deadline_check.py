"""The nightly deadline check: which open cases are overdue or about to be, recomputed from events."""
from __future__ import annotations

from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from disputes.cases.schedule import refresh_schedule
from disputes.extensions import db
from disputes.models import Case
from disputes.notifications.messages import deadline_message
from disputes.notifications.outbox import queue, worker_phones
from disputes.timekeeping import local_today
from workflows import TERMINAL_STATES, deadlines, working_days_between

BATCH = 500
# The periods within which the worker must act, so the worker is reminded of them.
WORKER_DEADLINES = {"limitation", "lawsuit"}


@dataclass
class DeadlineReport:
    overdue: list[tuple[str, str, str, str]] = field(default_factory=list)  # case_no, kind, due, basis
    due_soon: list[tuple[str, str, str, str]] = field(default_factory=list)
    checked: int = 0

    def lines(self) -> list[str]:
        return [f"OVERDUE  {n}  {k}  due {d}  ({b})" for n, k, d, b in self.overdue] + [
            f"DUE SOON {n}  {k}  due {d}  ({b})" for n, k, d, b in self.due_soon
        ]


def check_deadlines(within_working_days: int = 3) -> DeadlineReport:
    """Walk the open cases in batches, recompute their deadlines and refresh the queue sort key."""
    today = local_today()
    report = DeadlineReport()
    last_id = 0
    while True:
        cases = list(db.session.scalars(
            sa.select(Case).where(Case.state.not_in(TERMINAL_STATES), Case.id > last_id).order_by(Case.id).limit(BATCH)
            .options(selectinload(Case.history), selectinload(Case.claims), selectinload(Case.workers))
        ))
        if not cases:
            break
        for case in cases:
            _classify(case, today, within_working_days, report)
            refresh_schedule(case, today)
        db.session.commit()
        report.checked += len(cases)
        last_id = cases[-1].id
    return report


def _classify(case: Case, today, within: int, report: DeadlineReport) -> None:
    for deadline in deadlines(case, today=today):
        row = (case.case_no, deadline.kind, deadline.due.isoformat(), deadline.basis)
        if deadline.due < today:
            report.overdue.append(row)
        elif working_days_between(today, deadline.due) <= within:
            report.due_soon.append(row)
            if deadline.kind in WORKER_DEADLINES:
                # Once per deadline and due date, however often the check runs.
                queue(case, "deadline_soon", deadline_message(case.case_no, deadline.kind, deadline.due.isoformat()),
                      f"{case.case_no}:deadline:{deadline.kind}:{deadline.due.isoformat()}", worker_phones(case))

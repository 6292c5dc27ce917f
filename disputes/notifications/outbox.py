"""Putting notifications in the outbox, inside the transaction of whatever caused them."""
from __future__ import annotations

import sqlalchemy as sa

from disputes.extensions import db
from disputes.event_hooks import RecordedEvent
from disputes.models import Case, Notification
from disputes.notifications.messages import event_message


def queue(case: Case | None, kind: str, body: str, dedupe_key: str, recipients: list[str]) -> list[Notification]:
    """One SMS per recipient, skipped when the same notice was already queued (dedupe key)."""
    queued = []
    for phone in dict.fromkeys(recipients):
        key = f"{dedupe_key}:{phone}"[:160]
        if db.session.scalar(sa.select(Notification.id).where(Notification.dedupe_key == key)) is not None:
            continue
        notification = Notification(case_id=case.id if case else None, channel="sms", recipient=phone, kind=kind,
                                    body=body, dedupe_key=key)
        db.session.add(notification)
        queued.append(notification)
    return queued


def worker_phones(case: Case) -> list[str]:
    """Whom to tell: the representatives of a collective case, else every worker."""
    representatives = [w.phone for w in case.workers if w.is_representative]
    return representatives or [w.phone for w in case.workers]


def notify_for_event(recorded: RecordedEvent) -> None:
    """After-event hook: queue the worker's notice for an event that calls for one (same transaction)."""
    case = recorded.case
    message = event_message(recorded.event, case.case_no, recorded.data)
    if message is not None:
        kind, body = message
        queue(case, kind, body, f"{case.case_no}:{recorded.row.seq}:{kind}", worker_phones(case))

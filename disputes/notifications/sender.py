"""Delivering the outbox: claim a batch, send each, record the outcome; retry with backoff.

A row is claimed (status `sending`, a claim token) and committed before anything is sent, so two
senders never send the same row. A sender that dies mid-send leaves a stale claim; after
CLAIM_TIMEOUT it is retried with the same idempotency key, which the gateway uses to drop the
duplicate. Codes in a sent message are redacted from the stored body.
"""
from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa

from disputes.extensions import db
from disputes.models import Notification, utcnow
from disputes.notifications.adapters import Adapter

MAX_ATTEMPTS = 6
CLAIM_TIMEOUT = timedelta(minutes=10)
BATCH = 100
CODE_PATTERN = re.compile(r"[0-9A-Z]{5}-[0-9A-Z]{5}")


@dataclass
class SendReport:
    sent: int = 0
    retried: int = 0
    failed: int = 0


def backoff(attempts: int) -> timedelta:
    """1, 2, 4, 8 … minutes between attempts, at most an hour."""
    return timedelta(minutes=min(60, 2 ** max(0, attempts - 1)))


def send_due(adapters: dict[str, Adapter], now: datetime | None = None, batch: int = BATCH) -> SendReport:
    """Send every notification that is due, once."""
    now = now or utcnow()
    report = SendReport()
    for notification in _claim(now, batch):
        adapter = adapters[notification.channel]
        try:
            adapter.send(notification.recipient, notification.body, notification.dedupe_key)
        except Exception as failure:  # any gateway error is a failed attempt, retried later
            _record_failure(notification, failure, now, report)
        else:
            notification.status, notification.sent_at, notification.claimed_by = "sent", now, None
            notification.body = CODE_PATTERN.sub("*****-*****", notification.body)
            report.sent += 1
        db.session.commit()
    return report


def _claim(now: datetime, batch: int) -> list[Notification]:
    token = secrets.token_hex(8)
    due = (
        sa.select(Notification.id)
        .where(sa.or_(
            sa.and_(Notification.status == "pending", Notification.next_attempt_at <= now),
            sa.and_(Notification.status == "sending", Notification.next_attempt_at <= now - CLAIM_TIMEOUT),
        ))
        .order_by(Notification.id)
        .limit(batch)
    )
    if db.session.get_bind().dialect.name == "postgresql":
        due = due.with_for_update(skip_locked=True)
    ids = list(db.session.scalars(due))
    if not ids:
        db.session.commit()
        return []
    db.session.execute(
        sa.update(Notification).where(Notification.id.in_(ids))
        .values(status="sending", claimed_by=token, attempts=Notification.attempts + 1, next_attempt_at=now)
    )
    db.session.commit()
    return list(db.session.scalars(sa.select(Notification).where(Notification.claimed_by == token).order_by(Notification.id)))


def _record_failure(notification: Notification, failure: Exception, now: datetime, report: SendReport) -> None:
    notification.last_error = f"{type(failure).__name__}: {failure}"[:500]
    notification.claimed_by = None
    if notification.attempts >= MAX_ATTEMPTS:
        notification.status = "failed"
        report.failed += 1
    else:
        notification.status, notification.next_attempt_at = "pending", now + backoff(notification.attempts)
        report.retried += 1

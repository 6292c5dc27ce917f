"""The outbox: written with the event, sent exactly once, retried with backoff."""
from datetime import timedelta

import sqlalchemy as sa

from disputes.cases.services import apply_event
from disputes.extensions import db
from disputes.models import Notification, utcnow
from disputes.notifications.adapters import LoggingAdapter
from disputes.notifications.sender import MAX_ATTEMPTS, send_due


class FlakyGateway:
    def __init__(self, failures):
        self.failures, self.sent = failures, []

    def send(self, recipient, body, idempotency_key):
        if self.failures:
            self.failures -= 1
            raise ConnectionError("gateway down")
        self.sent.append(idempotency_key)


def accepted_case(file_case, make_user):
    mediator = make_user(role="mediator")
    case = file_case().case
    apply_event(case, "accept", mediator, expected_version=case.version)
    return case


def test_accepting_a_case_queues_the_workers_sms_in_the_same_transaction(file_case, make_user):
    case = accepted_case(file_case, make_user)
    queued = db.session.scalars(sa.select(Notification).where(Notification.case_id == case.id)).all()
    assert [(n.kind, n.recipient, n.status) for n in queued] == [("accepted", case.workers[0].phone, "pending")]
    assert case.case_no in queued[0].body


def test_a_refused_event_queues_nothing(file_case, make_user):
    from disputes.errors import ValidationFailed

    mediator = make_user(role="mediator")
    case = file_case().case
    try:
        apply_event(case, "decline", mediator, expected_version=case.version, data={})
    except ValidationFailed:
        db.session.rollback()
    assert db.session.scalar(sa.select(sa.func.count(Notification.id))) == 0


def test_each_notification_is_sent_exactly_once(file_case, make_user):
    accepted_case(file_case, make_user)
    gateway = LoggingAdapter()
    assert send_due({"sms": gateway, "email": gateway}).sent == 1
    assert send_due({"sms": gateway, "email": gateway}).sent == 0
    assert len(gateway.sent) == 1


def test_failures_are_retried_with_backoff_then_given_up(file_case, make_user):
    accepted_case(file_case, make_user)
    gateway = FlakyGateway(failures=2)
    now = utcnow()
    assert send_due({"sms": gateway}, now=now).retried == 1
    assert send_due({"sms": gateway}, now=now).sent == 0  # not due yet: backing off
    assert send_due({"sms": gateway}, now=now + timedelta(minutes=1)).retried == 1
    assert send_due({"sms": gateway}, now=now + timedelta(minutes=5)).sent == 1
    assert len(gateway.sent) == 1
    dead = FlakyGateway(failures=99)
    accepted_case(file_case, make_user)
    moment = now
    for _ in range(MAX_ATTEMPTS):
        moment += timedelta(hours=2)
        send_due({"sms": dead}, now=moment)
    assert db.session.scalar(sa.select(sa.func.count()).where(Notification.status == "failed")) == 1


def test_a_sender_that_died_mid_send_is_retried_with_the_same_idempotency_key(file_case, make_user):
    accepted_case(file_case, make_user)
    notification = db.session.scalar(sa.select(Notification))
    notification.status, notification.claimed_by, notification.next_attempt_at = "sending", "dead", utcnow() - timedelta(hours=1)
    db.session.commit()
    gateway = LoggingAdapter()
    send_due({"sms": gateway})
    assert gateway.sent[0][2] == notification.dedupe_key


def test_the_nightly_check_reminds_workers_once_per_deadline(runner, app, file_case):
    # Compensation runs the one-year limitation whatever else the random payload holds.
    case = file_case(claims=[{"kind": "economic_compensation", "amount": "6000"}]).case
    app.config["DISPUTES_TODAY"] = "2027-11-10"  # limitation clock near its end
    runner.invoke(args=["deadlines", "check", "--within", "400"])
    runner.invoke(args=["deadlines", "check", "--within", "400"])
    reminders = db.session.scalars(sa.select(Notification).where(Notification.kind == "deadline_soon")).all()
    assert reminders and len({n.dedupe_key for n in reminders}) == len(reminders)
    assert all(case.case_no in n.body for n in reminders)


def test_notifications_send_command_reports(runner, file_case, make_user):
    accepted_case(file_case, make_user)
    result = runner.invoke(args=["notifications", "send"])
    assert result.exit_code == 0 and "sent 1" in result.output

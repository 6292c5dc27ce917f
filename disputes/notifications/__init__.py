"""Notifications to workers by SMS or email, through an outbox table and a separate sender."""
from flask import Flask


def init_app(app: Flask) -> None:
    from disputes.event_hooks import AFTER_EVENT, register_hook
    from disputes.notifications.outbox import notify_for_event

    register_hook(app, AFTER_EVENT, "notifications.notify_for_event", notify_for_event, order=20)

"""Cases: the queues, the case page, and moving a case through its life cycle."""
from flask import Blueprint, Flask

bp = Blueprint("cases", __name__)


def init_app(app: Flask) -> None:
    from disputes.cases.schedule import refresh_schedule_after_event
    from disputes.event_hooks import AFTER_EVENT, register_hook

    app.register_blueprint(bp)
    # Last of the after-event hooks: the sort key follows everything the event changed.
    register_hook(app, AFTER_EVENT, "cases.refresh_schedule", refresh_schedule_after_event, order=90)


from disputes.cases import api, views  # noqa: E402,F401

"""The published holiday calendar: the administrator's page for the State Council's yearly notice, and
the hook that keeps every web process's calendar in step with the database (services.py)."""
from flask import Blueprint, Flask

bp = Blueprint("holidays", __name__, url_prefix="/admin/holidays")


def init_app(app: Flask) -> None:
    from disputes.holidays import api, views  # noqa: F401  (routes)
    from disputes.holidays.services import sync_published_calendar

    app.register_blueprint(bp)
    app.before_request(sync_published_calendar)

"""Monitoring: the dashboard, employer records and exports (the alerts are a feature of their own)."""
from flask import Blueprint, Flask

bp = Blueprint("dashboard", __name__)


def init_app(app: Flask) -> None:
    from disputes.dashboard.rollup import keep_counts_with_cases

    app.register_blueprint(bp)
    keep_counts_with_cases()


from disputes.dashboard import api, views  # noqa: E402,F401

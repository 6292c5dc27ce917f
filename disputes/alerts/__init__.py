"""Early warnings: the rules, the alerts they raise, acknowledging them, and linking the complaints a
likely-collective alert names into one collective dispute."""
from flask import Blueprint, Flask

bp = Blueprint("alerts", __name__)


def init_app(app: Flask) -> None:
    from disputes.alerts.rules import evaluate_after_filing
    from disputes.event_hooks import AFTER_FILING, register_hook

    app.register_blueprint(bp)
    register_hook(app, AFTER_FILING, "alerts.evaluate_on_intake", evaluate_after_filing, order=10)


from disputes.alerts import api, views  # noqa: E402,F401

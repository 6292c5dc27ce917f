"""The worker's portal: a case number and an access code are enough, on a phone."""
from flask import Blueprint, Flask

bp = Blueprint("portal", __name__, url_prefix="/status")


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)


from disputes.portal import api, views  # noqa: E402,F401

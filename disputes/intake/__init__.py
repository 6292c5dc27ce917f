"""Intake: a worker's complaint from the web form, a mediator's form or the API."""
from flask import Blueprint, Flask

bp = Blueprint("intake", __name__, url_prefix="/intake")


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)


from disputes.intake import api, views  # noqa: E402,F401

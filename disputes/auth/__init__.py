"""Signing in and out, API tokens, and who the current user is."""
from flask import Blueprint, Flask

bp = Blueprint("auth", __name__)


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)


from disputes.auth import views  # noqa: E402,F401

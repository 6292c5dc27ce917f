"""The home page: each role is sent to where it works."""
from flask import Blueprint, Flask

bp = Blueprint("home", __name__)


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)


from disputes.home import views  # noqa: E402,F401

"""The typical-case library in the app: storage, the search index, public pages, the editor."""
from flask import Blueprint, Flask

bp = Blueprint("library", __name__)


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)


from disputes.library import api, views  # noqa: E402,F401

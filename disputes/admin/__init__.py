"""Administration: accounts, organisations, regions and their minimum wages, the audit trail."""
from flask import Blueprint, Flask

bp = Blueprint("admin", __name__, url_prefix="/admin")


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)


from disputes.admin import accounts, views  # noqa: E402,F401

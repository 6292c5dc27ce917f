"""Administration: accounts, organisations, regions and their minimum wages, the audit trail."""
from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")

from disputes.admin import views  # noqa: E402,F401

"""The worker's portal: a case number and an access code are enough, on a phone."""
from flask import Blueprint

bp = Blueprint("portal", __name__, url_prefix="/status")

from disputes.portal import views  # noqa: E402,F401

"""The labour-relationship assessment in the app: the public check, the case page, the API."""
from flask import Blueprint

bp = Blueprint("assessments", __name__)

from disputes.assessments import views  # noqa: E402,F401

"""Evidence files: checked, stored by SHA-256, attached to a case, served safely."""
from flask import Blueprint

bp = Blueprint("evidence", __name__)

from disputes.evidence import views  # noqa: E402,F401

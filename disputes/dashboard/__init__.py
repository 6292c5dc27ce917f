"""Monitoring: the dashboard, early warnings, employer records and exports."""
from flask import Blueprint

bp = Blueprint("dashboard", __name__)

from disputes.dashboard import views  # noqa: E402,F401

"""Monitoring: the dashboard, early warnings, employer records and exports."""
from flask import Blueprint

bp = Blueprint("dashboard", __name__)

from disputes.dashboard import rollup, views  # noqa: E402,F401  (rollup keeps the counts in step)

"""Intake: a worker's complaint from the web form, a mediator's form or the API."""
from flask import Blueprint

bp = Blueprint("intake", __name__, url_prefix="/intake")

from disputes.intake import views  # noqa: E402,F401

"""Cases: the queues, the case page, and moving a case through its life cycle."""
from flask import Blueprint

bp = Blueprint("cases", __name__)

from disputes.cases import views  # noqa: E402,F401

"""The home page: each role is sent to where it works."""
from flask import Blueprint

bp = Blueprint("home", __name__)

from disputes.home import views  # noqa: E402,F401

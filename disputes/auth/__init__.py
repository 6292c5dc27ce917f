"""Signing in and out, API tokens, and who the current user is."""
from flask import Blueprint

bp = Blueprint("auth", __name__)

from disputes.auth import views  # noqa: E402,F401  (registers the routes)

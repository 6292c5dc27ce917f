"""The typical-case library in the app: storage, the search index, public pages, the editor."""
from flask import Blueprint

bp = Blueprint("library", __name__)

from disputes.library import views  # noqa: E402,F401

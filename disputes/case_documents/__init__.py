"""A case's documents in the app: which exist at this stage, generating and issuing them, downloads."""
from flask import Blueprint

bp = Blueprint("case_documents", __name__)

from disputes.case_documents import views  # noqa: E402,F401

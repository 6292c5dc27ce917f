"""A case's documents in the app: which exist at this stage, generating and issuing them, downloads."""
from flask import Blueprint, Flask

bp = Blueprint("case_documents", __name__)


def init_app(app: Flask) -> None:
    from disputes.case_documents.panel import documents_case_panel
    from disputes.case_documents.services import issue_stage_document
    from disputes.cases.panels import register_case_panel
    from disputes.event_hooks import AFTER_EVENT, register_hook

    app.register_blueprint(bp)
    # First: the notice an event calls for is issued with it, and its SHA-256 goes into the history row.
    register_hook(app, AFTER_EVENT, "case_documents.issue_stage_document", issue_stage_document, order=10)
    # A document is issued with a history row (record_in_history), so the case's stamp covers the panel.
    register_case_panel(app, "documents", "case_documents/_case_panel.html", documents_case_panel, order=30,
                        stamp=())


from disputes.case_documents import api, views  # noqa: E402,F401

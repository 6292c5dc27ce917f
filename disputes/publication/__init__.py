"""Publication: closed cases turned into anonymised typical cases, reviewed, published and withdrawn.

It sits above the library (where the cases are kept and searched) and the assessments (whose factors
a draft carries).
"""
from flask import Blueprint, Flask

bp = Blueprint("publication", __name__)


def init_app(app: Flask) -> None:
    from disputes.cases.panels import register_case_panel
    from disputes.publication.services import publication_case_panel

    app.register_blueprint(bp)
    # Shown from the case's state and the reader alone.
    register_case_panel(app, "publication", "publication/_case_panel.html", publication_case_panel, order=40,
                        stamp=())


from disputes.publication import api, views  # noqa: E402,F401

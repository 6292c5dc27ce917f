"""Evidence files: checked, stored by SHA-256, attached to a case, served safely."""
from flask import Blueprint, Flask

bp = Blueprint("evidence", __name__)


def init_app(app: Flask) -> None:
    from sqlalchemy import orm

    from disputes.cases.panels import register_case_panel
    from disputes.models import Case
    from disputes.permissions import can

    app.register_blueprint(bp)
    register_case_panel(app, "evidence", "evidence/_case_panel.html",
                        lambda case, user: {"may_add": can(user, "add_evidence", case)}, order=20,
                        loads=(orm.joinedload(Case.evidence),),
                        stamp=())  # a file is added with Case.record_change


from disputes.evidence import views  # noqa: E402,F401

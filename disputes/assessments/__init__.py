"""The labour-relationship assessment in the app: the public check, the case page, the API."""
from flask import Blueprint, Flask

bp = Blueprint("assessments", __name__)


def init_app(app: Flask) -> None:
    import sqlalchemy as sa
    from sqlalchemy import orm

    from disputes.assessments.services import assessment_case_panel
    from disputes.cases.panels import register_case_panel
    from disputes.models import Case, CaseAssessment

    app.register_blueprint(bp)
    register_case_panel(app, "assessment", "assessments/_case_panel.html", assessment_case_panel, order=10,
                        loads=(orm.joinedload(Case.latest_assessment).joinedload(CaseAssessment.assessed_by),),
                        # A saved run does not change the case; the newest run's id tells a new one.
                        stamp=(sa.select(sa.func.max(CaseAssessment.id)).where(CaseAssessment.case_id == Case.id)
                               .scalar_subquery(),))


from disputes.assessments import api, views  # noqa: E402,F401

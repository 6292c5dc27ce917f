"""The labour-inspection track (劳动保障监察): complaints and reports, the inspectorate's queue and
matter pages, the link to a dispute filed at the same time, and the wage-arrears clues."""
from flask import Blueprint, Flask

bp = Blueprint("inspection", __name__, url_prefix="/inspection")


def init_app(app: Flask) -> None:
    from disputes.cases.panels import register_case_panel
    from disputes.inspection import api, document_api, document_views, views  # noqa: F401  (routes)
    from disputes.inspection.rating import api as rating_api, views as rating_views  # noqa: F401  (routes)
    from disputes.inspection.panel import LOADS, STAMP, inspection_case_panel
    from disputes.inspection.services import INSPECTION_HISTORY_LABELS
    from disputes.vocabulary import in_language, label
    from workflows import inspection as track

    app.register_blueprint(bp)
    app.jinja_env.globals.update(
        inspection_state_label=lambda key: label(track.STATE_LABELS, key),
        inspection_event_label=lambda key: label(INSPECTION_HISTORY_LABELS, key),
        channel_label=lambda key: label(track.CHANNELS, key),
        in_language=in_language,
    )
    register_case_panel(app, "inspection", "inspection/_case_panel.html", inspection_case_panel, order=25,
                        loads=LOADS, stamp=STAMP)

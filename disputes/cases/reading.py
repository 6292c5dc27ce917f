"""The API's case read, kept by the case's stamp for a client that reads the same case again and again.

What the API answers about a case follows from the case at one stamp (its version, last change and
the holiday calendar: disputes/reading_cache.py), the day (deadlines count from today), the reader
(their role and assignment decide the events offered; a worker is shown less) and the language. So a
repeated read fetches only the case's short row: its stamp and the columns that decide who may see
it. The reader is checked against that row on every read, kept or not; then the kept answer is given
when the stamp and the day are those it was made at: exactly what a fresh computation would give.

Statements, besides the bearer token's: a first read 2 (the case with its parties, claims and
handlers; its history), a repeated one 1 (the short row), one after a change 3 (the row, then the
first read's two). tests/disputes/api/test_read_statements.py counts them.
"""
from __future__ import annotations

import sqlalchemy as sa
from flask import Response, current_app
from flask_babel import get_locale, gettext as _

from disputes.cases.presenters import case_json
from disputes.cases.queries import API_VIEW, case_by_number
from disputes.errors import NotAuthenticated, NotFound
from disputes.extensions import db
from disputes.models import Case, User
from disputes.permissions import require_case_visible
from disputes.reading_cache import app_reading_cache, case_stamp
from disputes.timekeeping import local_today

_CASES = Case.__table__.c
# The columns can_view_case reads, with the stamp's; one Core statement built once (the ORM's
# execute costs several times the query itself).
SHORT_ROW_COLUMNS = (_CASES.id, _CASES.version, _CASES.updated_at, _CASES.region_code, _CASES.legal_aid,
                     _CASES.mediator_id, _CASES.arbitrator_id, _CASES.worker_user_id)


def short_row_statement(*extra) -> sa.Select:
    """The case's short row by number (`:case_no`), with `extra` columns after SHORT_ROW_COLUMNS."""
    return sa.select(*SHORT_ROW_COLUMNS, *extra).where(_CASES.case_no == sa.bindparam("case_no"))


def visible_short_row(statement: sa.Select, case_no: str, viewer: User):
    """The short row `statement` reads, once `viewer` is checked against it; NotFound without one."""
    row = db.session.connection().execute(statement, {"case_no": case_no}).first()
    if row is None:
        raise NotFound(_("没有找到该案件。"))
    require_case_visible(viewer, row)
    return row


_SHORT_ROW = short_row_statement()


def case_reading(case_no: str, viewer: User) -> Response:
    """The JSON response of the case as `viewer` may read it through the API (presenters.case_json);
    NotFound or the refusal require_case_visible gives otherwise. The body is kept as the JSON text
    (what jsonify makes of the reading), so a repeated read does not encode it again."""
    if viewer is None or not viewer.is_authenticated:
        raise NotAuthenticated(_("请先登录。"))
    case_no = (case_no or "").strip()
    key, today = (case_no, viewer.id, viewer.role, str(get_locale())), local_today()
    cache = app_reading_cache("case-read", "CASE_READ_CACHE")
    kept = cache.get(key) if case_no else None
    if kept is not None:
        row = visible_short_row(_SHORT_ROW, case_no, viewer)
        if kept.answers(case_stamp(row.version, row.updated_at), today):
            return current_app.response_class(kept.value["json"], mimetype=current_app.json.mimetype)
    case = case_by_number(case_no, *API_VIEW)
    require_case_visible(viewer, case)
    response = current_app.json.response(case_json(case, viewer))
    cache.put(key, case_stamp(case.version, case.updated_at), today, {"json": response.get_data(as_text=True)})
    return response

"""Loading cases."""
from __future__ import annotations

import sqlalchemy as sa
from flask_babel import gettext as _

from disputes.errors import NotFound
from disputes.extensions import db
from disputes.models import Case


def case_by_number(case_no: str) -> Case:
    """The case with this number, or NotFound (the same answer whatever the caller may see)."""
    case = db.session.scalar(sa.select(Case).where(Case.case_no == (case_no or "").strip()))
    if case is None:
        raise NotFound(_("没有找到该案件。"))
    return case

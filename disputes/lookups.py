"""Choices for forms that come from the database (regions, organisations)."""
from __future__ import annotations

import sqlalchemy as sa

from disputes.extensions import db
from disputes.models import Region
from disputes.vocabulary import province_label


def region_choices() -> list[tuple[str, str]]:
    """Provincial regions for a select box, in code order, with an empty first choice."""
    from flask_babel import gettext as _

    regions = db.session.execute(
        sa.select(Region.code, Region.name_zh).where(Region.parent_code.is_(None)).order_by(Region.code)
    ).all()
    return [("", _("请选择"))] + [(code, province_label(code, name)) for code, name in regions]

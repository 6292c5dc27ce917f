"""Loading cases, with what each view reads of them loaded up front.

SQLAlchemy spends a fraction of a millisecond on each statement whatever it returns, and lazy loads
took one statement per relationship the JSON or the page touched (nine for the API read). The many-
to-one rows and the short collections (a case has a handful of workers, respondents and claims)
are joined into the case's own statement; the history, which grows, is one more.
"""
from __future__ import annotations

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy import orm

from disputes.errors import NotFound
from disputes.extensions import db
from disputes.models import Case, CaseEvent

# What case_json reads (disputes/cases/presenters.py): two statements.
API_VIEW = (
    orm.joinedload(Case.workers), orm.joinedload(Case.respondents), orm.joinedload(Case.claims),
    orm.joinedload(Case.mediator), orm.joinedload(Case.arbitrator), orm.joinedload(Case.collective_lead),
    orm.joinedload(Case.collective_members), orm.joinedload(Case.region),
    orm.selectinload(Case.history).joinedload(CaseEvent.actor),
)
# What the case page itself shows (the panels add what they read: cases/panels.py).
PAGE_VIEW = (*API_VIEW, orm.joinedload(Case.organisation))


def case_by_number(case_no: str, *options: orm.interfaces.LoaderOption) -> Case:
    """The case with this number, or NotFound (the same answer whatever the caller may see).

    `options` load what the caller will read (API_VIEW for the API's case); without them the
    relationships load lazily, as a view that reads little wants.
    """
    return case_with_columns(case_no, (), *options)[0]


def case_with_columns(case_no: str, columns, *options: orm.interfaces.LoaderOption) -> tuple[Case, tuple]:
    """The case and the values of `columns` (expressions on its row) read in the case's own
    statement, or NotFound: the case page reads its panels' stamps so (cases/page_reading.py)."""
    query = sa.select(Case, *columns).where(Case.case_no == (case_no or "").strip()).options(*options)
    found = db.session.execute(query).unique().first()
    if found is None:
        raise NotFound(_("没有找到该案件。"))
    return found[0], tuple(found[1:])

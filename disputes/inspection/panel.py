"""The case page's panel of the inspection matters linked to the dispute (read from the case's side)."""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import joinedload, selectinload

from disputes.inspection.services import can_see_matter, deadlines
from disputes.models import Case, CaseInspectionLink, InspectionMatter, User

# The links with their matters joined into the case page's own statement (most cases have none, and
# a statement of their own cost one for nothing); a matter's history, when there is a matter, after.
LOADS = (joinedload(Case.inspection_links).joinedload(CaseInspectionLink.matter)
         .selectinload(InspectionMatter.history),)


def _over_links(*columns):
    return (sa.select(*columns).select_from(CaseInspectionLink)
            .join(InspectionMatter, InspectionMatter.id == CaseInspectionLink.matter_id)
            .where(CaseInspectionLink.case_id == Case.id).scalar_subquery())


# What a kept case page knows the panel by (cases/page_reading.py): the links (a link made or undone)
# and the linked matters' versions, which grow with every change of a matter, its history included.
STAMP = (_over_links(sa.func.count(CaseInspectionLink.id)), _over_links(sa.func.max(CaseInspectionLink.id)),
         _over_links(sa.func.sum(InspectionMatter.version)))


def inspection_case_panel(case: Case, user: User):
    rows = [{"link": link, "matter": link.matter, "deadlines": deadlines(link.matter),
             "may_open": can_see_matter(user, link.matter)} for link in case.inspection_links]
    return {"rows": rows} if rows else None

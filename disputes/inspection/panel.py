"""The case page's panel of the inspection matters linked to the dispute (read from the case's side)."""
from __future__ import annotations

from sqlalchemy.orm import selectinload

from disputes.inspection.services import can_see_matter, deadlines
from disputes.models import Case, CaseInspectionLink, InspectionMatter, User

LOADS = (selectinload(Case.inspection_links).selectinload(CaseInspectionLink.matter)
         .selectinload(InspectionMatter.history),)


def inspection_case_panel(case: Case, user: User):
    rows = [{"link": link, "matter": link.matter, "deadlines": deadlines(link.matter),
             "may_open": can_see_matter(user, link.matter)} for link in case.inspection_links]
    return {"rows": rows} if rows else None

"""The one place that decides who may see or do what outside a case's life cycle.

``CAPABILITIES`` is the table: each action that is not a case event, the roles that may take it,
and, where the action is on a case, the rule the case must meet. Views ask ``capability_required``
or ``can``; templates call ``can(action, case)``; the API asks the same. Case events keep their own
table (roles and assignment) in ``workflows/permissions.py``; the roles themselves are defined once,
in ``workflows/roles.py``. A new role is a row in each table, the user model's migration (its check
constraint), its labels, and a column of the authorisation-matrix test.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import wraps
from typing import Callable

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_login import current_user

from disputes.errors import NotAuthenticated, PermissionDenied
from disputes.models import Case, TypicalCase, User

STAFF_ROLES = ("mediator", "arbitrator", "legal_aid", "admin")
CASEWORK_ROLES = ("mediator", "arbitrator", "admin")
MONITOR_ROLES = ("mediator", "arbitrator", "admin")
LIBRARY_EDITOR_ROLES = ("arbitrator", "admin")
# Who may file a complaint on a worker's behalf (a mediator records an oral application, Art. 12).
FILING_ROLES = ("mediator", "arbitrator", "admin")
# The labour inspectorate (劳动保障监察条例第三条、第十三条): its inspectors and the head who approves.
INSPECTION_ROLES = ("inspector", "inspection_head", "admin")


def _user_region(user: User) -> str | None:
    return user.organisation.region_code if user.organisation is not None else None


def can_view_case(user: User | None, case: Case) -> bool:
    """Whether the user may read the case: its worker, staff of its region, anyone assigned, admins."""
    if user is None or not user.is_authenticated:
        return False
    if user.role == "admin":
        return True
    if user.role == "worker":
        return case.worker_user_id == user.id
    if user.id in (case.mediator_id, case.arbitrator_id):
        return True
    if user.role == "legal_aid" and case.legal_aid == "none":
        return False
    # The inspectorate is not a party to the dispute's mediation or arbitration: it reads only what a
    # linked complaint shows of the case (disputes/inspection/panel.py), never the case itself.
    if user.role not in STAFF_ROLES:
        return False
    return _user_region(user) is not None and _user_region(user) == case.region_code


def may_change_case(user: User, case: Case) -> bool:
    """Whether the user may change a case it can see: staff of a region read its cases, but only the
    mediator or arbitrator assigned to it changes one (while nobody is assigned, any of them may);
    admins, who supervise, may too. Case events apply the same rule in workflows/permissions.py."""
    if not can_view_case(user, case):
        return False
    if user.role == "admin":
        return True
    assigned = {handler for handler in (case.mediator_id, case.arbitrator_id) if handler is not None}
    return not assigned or user.id in assigned


@dataclass(frozen=True)
class Capability:
    """Who may take an action: the roles, and the rule a case must meet when the action is on one."""

    roles: tuple[str, ...]
    on_case: Callable[[User, Case], bool] | None = may_change_case


CAPABILITIES: dict[str, Capability] = {
    # Work on cases: changing one needs the case assigned to the user, or to nobody (may_change_case).
    "work_queues": Capability(STAFF_ROLES, None),
    "edit_assessment": Capability(CASEWORK_ROLES),
    "edit_particulars": Capability(CASEWORK_ROLES),
    "add_evidence": Capability(CASEWORK_ROLES),
    "issue_document": Capability(CASEWORK_ROLES),
    "file_for_worker": Capability(FILING_ROLES, None),
    "reassign_any_case": Capability(("admin",)),
    # Following one's own cases as a signed-in worker.
    "follow_own_cases": Capability(("worker",), None),
    # Monitoring: the dashboard, alerts, employer records, exports.
    "monitor": Capability(MONITOR_ROLES, None),
    "acknowledge_alert": Capability(MONITOR_ROLES, None),
    "link_collective": Capability(MONITOR_ROLES),
    "export": Capability(MONITOR_ROLES, None),
    "see_all_regions": Capability(("admin",), None),
    "receive_alert_notices": Capability(("arbitrator", "admin"), None),
    # The typical-case library and publication of closed cases.
    "edit_library": Capability(LIBRARY_EDITOR_ROLES, None),
    "publish": Capability(LIBRARY_EDITOR_ROLES, None),
    # A closed case's editor drafts a typical case from it: the case itself does not change, so seeing
    # it is enough (its state must be publishable, else 409).
    "draft_publication": Capability(LIBRARY_EDITOR_ROLES, can_view_case),
    # The inspection track: the queue and matters of the inspectorate's region, the wage-arrears clues.
    # Events on a matter have their own table of who may fire them (workflows/inspection.py WHO_MAY).
    "inspect": Capability(INSPECTION_ROLES, None),
    "see_arrears_clues": Capability(INSPECTION_ROLES + ("mediator", "arbitrator"), None),
    # Compliance ratings: the labour department is responsible and its inspectorate organises the work
    # (workflows/compliance_rating.py, per the Xinhua report), so the head decides a grade and a review
    # for the department. The rules give the grade from the record; every inspector sees it worked out
    # on the employer's page, so a separate proposal step would add nothing. Any inspectorate staff
    # records an objection ("inspect"); the grades are read by those who read employers' records.
    "rate_employers": Capability(("inspection_head", "admin"), None),
    "see_ratings": Capability(INSPECTION_ROLES + ("mediator", "arbitrator"), None),
    # Accounts, organisations, minimum wages, rules, the audit trail.
    "administer": Capability(("admin",), None),
}


def can(user: User | None, action: str, case: Case | None = None) -> bool:
    """Whether the user may take the action (on the case, when one is given)."""
    capability = CAPABILITIES[action]  # a KeyError here is a typo in the caller, not a refusal
    if user is None or not user.is_authenticated or user.role not in capability.roles:
        return False
    return case is None or capability.on_case is None or capability.on_case(user, case)


def roles_that_may(action: str) -> tuple[str, ...]:
    """The roles a capability names, for queries over accounts (who is told of an alert)."""
    return CAPABILITIES[action].roles


def visible_cases_clause(user: User) -> sa.ColumnElement[bool]:
    """The same rule as can_view_case, as a SQL condition for lists and queues."""
    if user.role == "admin":
        return sa.true()
    if user.role == "worker":
        return Case.worker_user_id == user.id
    mine = sa.or_(Case.mediator_id == user.id, Case.arbitrator_id == user.id)
    region = _user_region(user)
    in_region = Case.region_code == region if region else sa.false()
    if user.role == "legal_aid":
        in_region = sa.and_(in_region, Case.legal_aid != "none")
    return sa.or_(mine, in_region)


def user_region_scope(user: User) -> str | None:
    """The region a user's lists are held to, or None for those who see every region."""
    if can(user, "see_all_regions"):
        return None
    return _user_region(user) or "-"


def can_file_for_worker(user: User | None) -> bool:
    """Staff who may file a complaint on a worker's behalf."""
    return can(user, "file_for_worker")


def can_file_own_complaint(user: User | None) -> bool:
    """Anyone may file their own complaint, signed in as a worker or not signed in at all."""
    return user is None or not user.is_authenticated or user.role == "worker"


def can_read_typical_case(user: User | None, row: TypicalCase) -> bool:
    """Published cases are public; drafts and withdrawn cases only for editors (others get 404)."""
    return row.status == "published" or can(user, "edit_library")


def require_case_visible(user: User | None, case: Case) -> None:
    """Raise 401/403 unless the user may see the case."""
    if user is None or not user.is_authenticated:
        raise NotAuthenticated(_("请先登录。"))
    if not can_view_case(user, case):
        raise PermissionDenied(_("您无权查看此案件。"))


def require(user: User | None, action: str, case: Case | None = None) -> None:
    """Raise 401 unless signed in, 403 unless the user may take the action (on the case)."""
    if user is None or not user.is_authenticated:
        raise NotAuthenticated(_("请先登录。"))
    if case is not None:
        require_case_visible(user, case)
    if not can(user, action, case):
        raise PermissionDenied(_("您没有权限进行此操作。"))


def capability_required(action: str) -> Callable:
    """View decorator: signed in, and allowed to take the action (the case, if any, is checked in the view)."""
    CAPABILITIES[action]  # fail at import time on a typo

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args, **kwargs):
            require(current_user, action)
            return view(*args, **kwargs)

        return wrapped

    return decorator

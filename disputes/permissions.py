"""The one place that decides who may see or do what.

Views, the API and services ask these functions; none of them compares roles on its own.
Case events have their own role and assignment rules in workflows/; this module decides
visibility and the actions that are not events.
"""
from __future__ import annotations

from functools import wraps
from typing import Callable

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_login import current_user

from disputes.errors import NotAuthenticated, PermissionDenied
from disputes.models import Case, User

STAFF_ROLES = ("mediator", "arbitrator", "legal_aid", "admin")
CASEWORK_ROLES = ("mediator", "arbitrator")
# Who may file a complaint on a worker's behalf (a mediator records an oral application, Art. 12).
FILING_ROLES = ("mediator", "arbitrator", "admin")


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
    return _user_region(user) is not None and _user_region(user) == case.region_code


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


def can_file_for_worker(user: User | None) -> bool:
    """Staff who may file a complaint on a worker's behalf."""
    return user is not None and user.is_authenticated and user.role in FILING_ROLES


def can_file_own_complaint(user: User | None) -> bool:
    """Anyone may file their own complaint, signed in as a worker or not signed in at all."""
    return user is None or not user.is_authenticated or user.role == "worker"


def require_case_visible(user: User | None, case: Case) -> None:
    """Raise 401/403 unless the user may see the case."""
    if user is None or not user.is_authenticated:
        raise NotAuthenticated(_("请先登录。"))
    if not can_view_case(user, case):
        raise PermissionDenied(_("您无权查看此案件。"))


def roles_required(*roles: str) -> Callable:
    """View decorator: signed in, with one of these roles."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                raise NotAuthenticated(_("请先登录。"))
            if current_user.role not in roles:
                raise PermissionDenied(_("您没有权限进行此操作。"))
            return view(*args, **kwargs)

        return wrapped

    return decorator

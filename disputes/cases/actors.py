"""Who a signed-in user is to workflows: their role, and whether the case is their own."""
from __future__ import annotations

from disputes.models import Case, User
from workflows import Actor


def actor_for(user: User | None, case: Case) -> Actor:
    """The workflows Actor for this user on this case."""
    if user is None or not user.is_authenticated:
        return Actor(user_id=None, role="worker", owns_case=False)
    return Actor(user_id=user.id, role=user.role, owns_case=user.role == "worker" and case.worker_user_id == user.id)

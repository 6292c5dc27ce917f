"""Who may read and edit typical cases: the public reads published ones; arbitrators and admins edit."""
from disputes.models import TypicalCase

EDITOR_ROLES = ("arbitrator", "admin")


def can_edit_library(user) -> bool:
    return user is not None and user.is_authenticated and user.role in EDITOR_ROLES


def can_read_case(user, row: TypicalCase) -> bool:
    """Published cases are public; drafts and withdrawn cases only for editors (others get 404)."""
    return row.status == "published" or can_edit_library(user)

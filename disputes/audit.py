"""Recording administrative actions in the audit trail (inside the caller's transaction)."""
from __future__ import annotations

from typing import Any

from disputes.extensions import db
from disputes.masking import mask_personal_data
from disputes.models import AuditEntry, User


def record(actor: User | None, action: str, target: str, **details: Any) -> AuditEntry:
    """Add an audit entry to the session; the caller's commit makes it permanent with the change."""
    entry = AuditEntry(
        actor=actor, action=action, target=mask_personal_data(target),
        details={key: mask_personal_data(str(value)) for key, value in details.items()},
    )
    db.session.add(entry)
    return entry

"""Checking one intake field as it is filled in, with the same validators the submission uses."""
from __future__ import annotations

from typing import Any

from flask_babel import gettext as _

from disputes import validation as v
from disputes.timekeeping import local_today

# The last part of a field's name decides its check (`claims-0-amount` and `claims[0].amount` alike).
CHECKS = {
    "name": lambda value: v.check_text(value, required=True, max_length=64),
    "phone": v.check_phone,
    "id_number": lambda value: v.check_resident_id(value) if value else None,
    "credit_code": lambda value: v.check_credit_code(value) if value else None,
    "amount": lambda value: v.parse_amount(value)[1],
    "facts": lambda value: v.check_text(value, required=True, min_length=10, max_length=20000, multiline=True),
    "knew_of_violation_on": lambda value: v.parse_past_date(value, local_today())[1],
    "relationship_ended_on": lambda value: v.parse_past_date(value, local_today())[1],
}


def check_field(field: Any, value: Any) -> str | None:
    """The message for this field's value, or None when it is fine (or the field is not checked)."""
    if not isinstance(field, str) or len(field) > 80:
        return _("未知字段。")
    name = field.replace("]", "").replace("[", "-").replace(".", "-").rsplit("-", 1)[-1]
    check = CHECKS.get(name)
    if check is None:
        return None
    if value is not None and not isinstance(value, str):
        return _("应为文字。")
    return check(value)

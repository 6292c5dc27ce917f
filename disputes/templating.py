"""Template helpers: labels of fixed keys in the current language, local times, money."""
from __future__ import annotations

from decimal import Decimal

from flask import Flask

from disputes.masking import mask_id_number, mask_phone
from disputes.timekeeping import format_local
from disputes.vocabulary import CLAIM_LABELS, OCCUPATION_LABELS, RESPONDENT_KIND_LABELS, ROLE_LABELS, label


def money(amount: Decimal | None) -> str:
    """¥6,800.00, or a dash when there is no amount."""
    return "—" if amount is None else f"¥{amount:,.2f}"


def init_app(app: Flask) -> None:
    """Expose the helpers to every template."""
    app.jinja_env.globals.update(
        role_label=lambda key: label(ROLE_LABELS, key),
        occupation_label=lambda key: label(OCCUPATION_LABELS, key),
        claim_label=lambda key: label(CLAIM_LABELS, key),
        respondent_kind_label=lambda key: label(RESPONDENT_KIND_LABELS, key),
    )
    app.jinja_env.filters.update(money=money, local_time=format_local, mask_id=mask_id_number, mask_phone=mask_phone)

"""Template helpers: labels of fixed keys in the current language, local times, money."""
from __future__ import annotations

from decimal import Decimal

from flask import Flask
from flask_login import current_user
from flask_babel import format_currency, format_decimal, format_percent, gettext
from flask_babel import lazy_gettext as _l

from disputes.permissions import can
from disputes.documents import amount_in_words
from disputes.masking import mask_id_number, mask_phone
from disputes.timekeeping import format_local
from disputes.validation import readable
from disputes.vocabulary import (
    CLAIM_KINDS, CLAIM_LABELS, FACTOR_LABELS, FACTOR_QUESTIONS, OCCUPATION_LABELS, OCCUPATIONS, OUTCOME_LABELS, RESPONDENT_KIND_LABELS,
    ROLE_LABELS, actor_label, deadline_label, deadline_period, event_label, label, legal_aid_label, province_label,
    province_label_of_name, state_label, citation, deadline_note,
)
from workflows import STATES
from workflows.inspection import CLUE_STATUSES


def money(amount: Decimal | str | None) -> str:
    """An amount in yuan as the page's locale writes money (¥6,800.00; CN¥6,800.00 in English), by
    Babel; a dash when there is no amount. A string is a figure the API gave as text ("388558.00")."""
    if amount is None or amount == "":
        return "—"
    return format_currency(Decimal(str(amount)), "CNY")


LIGHT_LABELS = {
    "overdue": _l("已超期"), "due_soon": _l("即将到期"), "running": _l("期限内"), "none": _l("无期限"),
}


def facet_args(args: dict, name: str, value) -> dict:
    """Query arguments with `name` set to `value` (or removed when None), back on page 1."""
    changed = {key: val for key, val in args.items() if key not in (name, "page")}
    if value is not None:
        changed[name] = value
    return changed


def field_errors(form) -> list[tuple[str, str]]:
    """Every field error of a WTForms form, nested forms and lists included, in the page's order:
    (the field's id, "label: message"), for an error summary whose items link to the fields."""
    found: list[tuple[str, str]] = []

    def walk(fields) -> None:
        for item in fields:
            if hasattr(item, "entries"):  # FieldList
                walk(item.entries)
            elif hasattr(item, "form") and hasattr(item.form, "_fields"):  # FormField
                walk(item.form)
            elif item.errors and item.type not in ("CSRFTokenField", "HiddenField"):
                messages = item.errors if isinstance(item.errors, (list, tuple)) else [str(item.errors)]
                found.extend((item.id, gettext("%(field)s：%(message)s", field=item.label.text, message=str(message)))
                             for message in messages)

    walk(form)
    return found


def init_app(app: Flask) -> None:
    """Expose the helpers to every template."""
    # Every value printed: one stored before the doors refused lone surrogates would otherwise make
    # the page fail to encode as UTF-8 every time it is shown.
    app.jinja_env.finalize = readable
    app.jinja_env.globals.update(
        # {% if can('monitor') %} / {% if can('edit_assessment', case) %}: the capability table decides.
        can=lambda action, case=None: can(current_user, action, case),
        amount_in_words=amount_in_words,
        state_label=state_label,
        legal_aid_label=legal_aid_label,
        event_label=event_label,
        deadline_label=deadline_label,
        deadline_period=deadline_period,
        actor_label=actor_label,
        light_label=lambda key: LIGHT_LABELS.get(key, key),
        state_keys=STATES,
        claim_keys=CLAIM_KINDS,
        occupation_keys=OCCUPATIONS,
        role_label=lambda key: label(ROLE_LABELS, key),
        occupation_label=lambda key: label(OCCUPATION_LABELS, key),
        claim_label=lambda key: label(CLAIM_LABELS, key),
        respondent_kind_label=lambda key: label(RESPONDENT_KIND_LABELS, key),
        outcome_label=lambda key: label(OUTCOME_LABELS, key),
        factor_label=lambda key: label(FACTOR_LABELS, key),
        factor_question=lambda key: label(FACTOR_QUESTIONS, key),
        clue_status_label=lambda key: label(CLUE_STATUSES, key),
        province_label=province_label,
        province_label_of_name=province_label_of_name,
        field_errors=field_errors,
    )
    app.jinja_env.filters.update(facet_args=facet_args, combine_after=lambda args, cursor: {**args, "after": cursor}, money=money, cite=citation, deadline_note=deadline_note, number=format_decimal, percent=lambda share: format_percent(share, '#,##0%'), local_time=format_local, mask_id=mask_id_number, mask_phone=mask_phone)

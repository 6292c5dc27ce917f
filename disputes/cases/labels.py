"""Labels of workflow keys (states, events, deadlines) in the current language."""
from __future__ import annotations

from flask_babel import get_locale

from workflows import DEADLINE_LABELS, EVENT_LABELS, LEGAL_AID_LABELS, STATE_LABELS


def _pick(table, key: str | None) -> str:
    if key is None:
        return ""
    labels = table.get(key)
    if labels is None:
        return key
    locale = get_locale()
    return labels["en"] if locale is not None and locale.language == "en" else labels["zh"]


def state_label(key):
    return _pick(STATE_LABELS, key)


def legal_aid_label(key):
    return _pick(LEGAL_AID_LABELS, key)


# History rows that are not life-cycle events.
OTHER_HISTORY_LABELS = {
    "submit": {"zh": "提交投诉", "en": "Complaint filed"},
    "reassign": {"zh": "改派承办人", "en": "Handler changed"},
    "issue_document": {"zh": "出具文书", "en": "Document issued"},
    "link_collective": {"zh": "合并为集体争议", "en": "Linked into a collective dispute"},
}


def event_label(key):
    return _pick(OTHER_HISTORY_LABELS if key in OTHER_HISTORY_LABELS else EVENT_LABELS, key)


def deadline_label(key):
    return _pick(DEADLINE_LABELS, key)

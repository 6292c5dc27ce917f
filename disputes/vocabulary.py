"""Labels of the fixed keys in the current language: the glossary's (from the ``glossary``
package, where each is written once) and the life cycle's (from ``workflows``).

tests/disputes/test_vocabulary.py checks that every key the app, casebase and workflows use has
its labels here, in both languages.
"""
from __future__ import annotations

from collections.abc import Mapping

from flask_babel import LazyString, get_locale

import glossary
import places
from glossary.laws import citation_en
from places.english import province_name_en
from workflows import ACTOR_LABELS, DEADLINE_LABELS, EVENT_LABELS, LEGAL_AID_LABELS, STATE_LABELS


def _pairs(terms) -> dict[str, tuple[str, str]]:
    return {key: (term.zh, term.en) for key, term in terms.items()}


OCCUPATION_LABELS = _pairs(glossary.OCCUPATIONS)
RESPONDENT_KIND_LABELS = _pairs(glossary.RESPONDENT_KINDS)
CLAIM_LABELS = _pairs(glossary.CLAIMS)
ROLE_LABELS = _pairs(glossary.ROLES)
OUTCOME_LABELS = _pairs(glossary.OUTCOMES)
FACTOR_LABELS = _pairs(glossary.FACTORS)
FACTOR_QUESTIONS = _pairs(glossary.FACTOR_QUESTIONS)

OCCUPATIONS = glossary.OCCUPATION_KEYS
RESPONDENT_KINDS = glossary.RESPONDENT_KIND_KEYS
CLAIM_KINDS = glossary.CLAIM_KEYS
OUTCOMES = glossary.OUTCOME_KEYS
FACTOR_KEYS = glossary.FACTOR_KEYS

# The claims the policy asks the authorities to watch (unpaid wages and illegal overtime).
WAGE_CLAIMS = frozenset({"wage_arrears", "minimum_wage_shortfall", "overtime", "holiday_pay"})


def label(table: Mapping[str, tuple[str, str] | Mapping[str, str]], key: str | None) -> str:
    """The label of `key` in the current locale (Chinese unless English was chosen).

    Tables come in two shapes: ``(zh, en)`` pairs here and ``{"zh": …, "en": …}`` in workflows/ and
    casebase/, whose labels are data beside their rules; an unknown key is shown as itself.
    """
    if key is None:
        return ""
    entry = table.get(key)
    if entry is None:
        return key
    zh, en = (entry["zh"], entry["en"]) if isinstance(entry, Mapping) else entry
    return en if in_english() else zh


def in_english() -> bool:
    locale = get_locale()
    return locale is not None and locale.language == "en"


def in_language(text_zh: str, text_en: str) -> str:
    """A text written in both languages beside its rule (workflows' messages, deadlines) in the current one."""
    return text_en if in_english() else text_zh


def province_label(code: str | None, name_zh: str) -> str:
    """A province's name in the current language: its English name by its code when English was
    chosen and one is known, else the Chinese name as stored."""
    english = province_name_en(code)
    return in_language(name_zh, english) if english else name_zh


def province_label_of_name(name_zh: str | None) -> str:
    """As province_label, for a figure keyed by the province's Chinese name (the dashboard's by_region)."""
    if not name_zh:
        return name_zh or ""
    code = next((place.code for place in places.provinces() if place.name == name_zh), None)
    return province_label(code, name_zh)


def citation(text: str | None) -> str:
    """A citation of the law ("《劳动争议调解仲裁法》第十四条") in the current language."""
    if not text:
        return text or ""
    return citation_en(text) if in_english() else text  # converted only when shown in English


def deadline_note(deadline) -> str:
    """A deadline's note in the current language (workflows writes each note in both)."""
    if not deadline.note:
        return ""
    if not in_english():
        return deadline.note
    return getattr(deadline, "note_en", None) or citation_en(deadline.note)


def choices_in_language(labels_zh: Mapping[str, str], labels_en: Mapping[str, str]) -> tuple:
    """A workflows table of Chinese labels as a select's choices, each label in the page's language."""
    return tuple((key, LazyString(in_language, text, labels_en[key])) for key, text in labels_zh.items())


# History rows that are not life-cycle events.
OTHER_HISTORY_LABELS = {
    "submit": ("提交投诉", "Complaint filed"),
    "reassign": ("改派承办人", "Handler changed"),
    "issue_document": ("出具文书", "Document issued"),
    "link_collective": ("合并为集体争议", "Linked into a collective dispute"),
    "correct_particulars": ("补充、更正当事人信息", "Parties' particulars completed or corrected"),
}


def state_label(key: str | None) -> str:
    return label(STATE_LABELS, key)


def legal_aid_label(key: str | None) -> str:
    return label(LEGAL_AID_LABELS, key)


def event_label(key: str | None) -> str:
    return label(OTHER_HISTORY_LABELS if key in OTHER_HISTORY_LABELS else EVENT_LABELS, key)


def deadline_label(key: str | None) -> str:
    return label(DEADLINE_LABELS, key)


def actor_label(key: str | None) -> str:
    """Who must act before a deadline (workflows.ACTOR_LABELS)."""
    return label(ACTOR_LABELS, key)


def deadline_period(deadline) -> str:
    """How a deadline is counted: its starting day and its length in its unit, in the current language.

    The period runs from the day after the starting day (《民法典》第二百零一条; 《劳动人事争议仲裁办案规则》第十九条).
    """
    from flask_babel import gettext as _

    start = deadline.starts.isoformat()
    if deadline.unit == "working_days":
        return _("起算日 %(start)s，期间 %(n)d 个工作日", start=start, n=deadline.length)
    if deadline.unit == "years":
        return _("起算日 %(start)s，期间 %(n)d 年", start=start, n=deadline.length)
    return _("起算日 %(start)s，期间 %(n)d 日", start=start, n=deadline.length)

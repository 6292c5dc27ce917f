"""What each event's form asks for on the case page. The rules on the answers live in workflows."""
from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from disputes.validation import whole_number
from workflows import RESTART_REASONS


@dataclass(frozen=True)
class EventField:
    name: str
    label: str
    kind: str = "text"  # text, textarea, amount, date, datetime, choice, assignee
    required: bool = True
    choices: tuple[tuple[str, str], ...] = ()


_REASON = EventField("reason", _l("理由"), "textarea")
_OPTIONAL_REASON = EventField("reason", _l("说明（选填）"), "textarea", required=False)
_AGREEMENT = (
    EventField("terms", _l("协议内容"), "textarea"),
    EventField("amount", _l("金额（元）"), "amount"),
    EventField("pay_by", _l("履行期限"), "date"),
)

EVENT_FIELDS: dict[str, tuple[EventField, ...]] = {
    "accept": (EventField("mediator_id", _l("承办调解员（默认本人）"), "assignee", required=False),),
    "decline": (_REASON,),
    "mediation_succeeded": _AGREEMENT,
    "mediation_failed": (_OPTIONAL_REASON,),
    "fulfil": (),
    "apply_arbitration": (_OPTIONAL_REASON,),
    "accept_arbitration": (EventField("arbitrator_id", _l("承办仲裁员（默认本人）"), "assignee", required=False),),
    "reject_arbitration": (_REASON,),
    "schedule_hearing": (EventField("at", _l("开庭时间"), "datetime"), EventField("place", _l("开庭地点"))),
    "extend_award": (_REASON,),
    "restart_award_clock": (EventField("reason", _l("重新计算期限的原因"), "choice", choices=tuple(RESTART_REASONS.items())),),
    "suspend_award_clock": (_REASON,),
    "resume_award_clock": (),
    "arbitral_mediation": _AGREEMENT,
    "render_award": (EventField("amount_awarded", _l("裁决金额（元）"), "amount"),),
    "file_lawsuit": (
        EventField("by", _l("起诉方"), "choice", choices=(("worker", "劳动者"), ("employer", "用人单位"))),
        EventField("court", _l("受诉法院（选填）"), required=False),
    ),
    "withdraw": (_OPTIONAL_REASON,),
    "close": (),
    "refer_legal_aid": (_OPTIONAL_REASON,),
    "legal_aid_accepted": (),
    "legal_aid_declined": (_REASON,),
}


def event_data_from_form(event: str, form) -> dict:
    """The event's `data` from a submitted case-page form (empty answers left out)."""
    data = {}
    for spec in EVENT_FIELDS.get(event, ()):
        value = (form.get(spec.name) or "").strip()
        if not value:
            continue
        data[spec.name] = (whole_number(value, minimum=1) or value) if spec.kind == "assignee" else value
    return data

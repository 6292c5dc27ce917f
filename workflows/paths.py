"""The events that take a case from intake to each state, and data each event's guards accept.

One definition for everything that has to bring a case into a state: the workflows tests
(tests/workflows/fakes.py), the dashboard-count test and the benchmarks' archive (bench/million.py).
Plain data, no framework, like the rest of `workflows/`.

``ROUTES[state]`` lists the event sequences after "submit" that end in `state`, the canonical one
first (``PATHS``); ``event_data(event, today)`` is data that satisfies the event's data guards on
`today` (the handler's id on accept / accept_arbitration is the actor's own, so none is given).
"""

from __future__ import annotations

import datetime as dt

_ARBITRATION = ("apply_arbitration", "accept_arbitration")
_AFTER_MEDIATION_FAILED = ("accept", "mediation_failed", "apply_arbitration")

ROUTES: dict[str, tuple[tuple[str, ...], ...]] = {
    "submitted": ((),),
    "in_mediation": (("accept",),),
    "mediated": (("accept", "mediation_succeeded"),),
    "mediation_failed": (("accept", "mediation_failed"),),
    "not_accepted": (("decline",),),
    "arbitration_applied": (("apply_arbitration",), _AFTER_MEDIATION_FAILED),
    "in_arbitration": (_ARBITRATION, (*_AFTER_MEDIATION_FAILED, "accept_arbitration"),
                       (*_ARBITRATION, "schedule_hearing")),
    "arbitration_rejected": (("apply_arbitration", "reject_arbitration"),
                             (*_AFTER_MEDIATION_FAILED, "reject_arbitration")),
    "arbitration_mediated": ((*_ARBITRATION, "arbitral_mediation"),),
    "awarded": ((*_ARBITRATION, "render_award"), (*_AFTER_MEDIATION_FAILED, "accept_arbitration", "render_award"),
                (*_ARBITRATION, "schedule_hearing", "render_award")),
    "in_litigation": ((*_ARBITRATION, "render_award", "file_lawsuit"),),
    "closed": (("accept", "mediation_succeeded", "fulfil"),
               (*_ARBITRATION, "arbitral_mediation", "close"),
               (*_ARBITRATION, "render_award", "close"),
               (*_ARBITRATION, "render_award", "file_lawsuit", "close"),
               (*_AFTER_MEDIATION_FAILED, "accept_arbitration", "render_award", "close")),
    "withdrawn": (("withdraw",), ("accept", "withdraw")),
}

# The canonical way to reach each state from intake.
PATHS: dict[str, tuple[str, ...]] = {state: routes[0] for state, routes in ROUTES.items()}


def route(state: str, *through: str) -> tuple[str, ...]:
    """The first of ROUTES[state] that passes through every event in `through`."""
    return next(events for events in ROUTES[state] if all(event in events for event in through))


def event_data(event: str, today: dt.date) -> dict:
    """Data that satisfies the event's data guards on `today` ({} for an event that needs none)."""
    later = (today + dt.timedelta(days=20)).isoformat()
    agreement = {"terms": "平台于履行期限前一次性支付经济补偿", "amount": "6000.00", "pay_by": later}
    return {
        "decline": {"reason": "不属于本调解组织受理范围"},
        "mediation_succeeded": agreement,
        "arbitral_mediation": agreement,
        "reject_arbitration": {"reason": "申请人不是本案直接利害关系人"},
        "schedule_hearing": {"at": f"{later}T09:30", "place": "第一仲裁庭"},
        "extend_award": {"reason": "案情复杂，需要调取平台订单数据"},
        "restart_award_clock": {"reason": "claims_changed"},
        "request_application_correction": {"missing": "被申请人的名称和住所；工资支付记录"},
        "suspend_award_clock": {"reason": "等待工伤认定结论"},
        "render_award": {"items": [{"kind": "economic_compensation", "amount": "6000.00"}],
                         "monthly_minimum_wage": "2690.00"},
        "file_lawsuit": {"by": "worker"},
        "legal_aid_declined": {"reason": "不符合经济困难标准"},
        "partial_award": {"facts_clear": True, "matters": "先行裁决支付拖欠的劳动报酬"},
        "interim_execution": {"kind": "wage_arrears", "rights_clear": True, "livelihood_at_risk": True},
        "transfer_case": {"to_commission": "某区劳动人事争议仲裁委员会", "reason": "劳动合同履行地在该区"},
        "request_postponement": {"reason": "申请人住院治疗"},
        "treat_as_withdrawn": {"notice_received": True, "without_good_reason": True},
        "respondent_absent": {"notice_received": True, "without_good_reason": True},
        "use_simple_procedure": {"parties_agree": True},
        "convert_to_ordinary": {"reason": "案情复杂，不宜简易处理"},
        "set_aside_ruled": {"outcome": "rejected"},
        "lawsuit_ended": {"outcome": "withdrawn"},
        "suspend_limitation": {"reason": "不可抗力：所在地区因洪灾封闭"},
        "apply_judicial_confirmation": {"mediation_body": "peoples_mediation", "payment_only": True, "joint": True},
    }.get(event, {})

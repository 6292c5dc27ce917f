"""The fixed keys of the glossary with their Chinese and English labels.

Keys are part of the API and the data files (../shared/domain/glossary.md); a test checks that
they agree with the keys casebase and workflows use.
"""
from __future__ import annotations

from collections.abc import Mapping

from flask_babel import get_locale

from workflows import DEADLINE_LABELS, EVENT_LABELS, LEGAL_AID_LABELS, STATE_LABELS

OCCUPATION_LABELS = {
    "delivery_rider": ("网约配送员 / 外卖骑手", "Delivery rider"),
    "ride_hailing_driver": ("网约车驾驶员", "Ride-hailing driver"),
    "truck_driver": ("货车司机（网络货运）", "Truck driver (online freight)"),
    "courier": ("快递员 / 同城即时配送员", "Courier"),
    "live_streamer": ("互联网营销师 / 网络主播", "Live-stream marketer"),
    "domestic_worker": ("网约家政服务员", "On-demand domestic worker"),
    "other": ("其他（代驾、网约维修工、网约厨师…）", "Other (designated driver, repairer, cook…)"),
}

RESPONDENT_KIND_LABELS = {
    "platform": ("平台企业", "Platform company"),
    "cooperating_company": ("用工合作企业", "Cooperating company"),
    "dispatch_agency": ("劳务派遣单位", "Labour-dispatch agency"),
    "other": ("其他", "Other"),
}

CLAIM_LABELS = {
    "confirm_labor_relation": ("确认劳动关系", "Confirm a labour relationship"),
    "wage_arrears": ("拖欠劳动报酬", "Unpaid wages"),
    "minimum_wage_shortfall": ("低于最低工资标准的差额", "Minimum-wage shortfall"),
    "overtime": ("加班费 / 超时劳动", "Overtime pay"),
    "holiday_pay": ("法定节假日劳动报酬", "Holiday pay"),
    "weather_subsidy": ("恶劣天气 / 高温补贴", "Bad-weather / heat subsidy"),
    "economic_compensation": ("经济补偿", "Severance (economic compensation)"),
    "unlawful_termination_compensation": ("违法解除赔偿金", "Damages for unlawful termination"),
    "double_wages_no_contract": ("未签劳动合同二倍工资差额", "Double wages for no written contract"),
    "work_injury": ("工伤 / 职业伤害保障待遇", "Work injury / occupational-injury benefits"),
    "medical_expenses": ("医疗费", "Medical expenses"),
    "social_insurance": ("社会保险", "Social insurance"),
    "illegal_deduction": ("违规罚款、扣款、收取押金或财物", "Unlawful fines, deductions or deposits"),
    "deposit_refund": ("退还押金", "Refund of deposit"),
    "forced_individual_business": ("被诱导或强迫注册个体工商户", "Forced registration as an individual business"),
    "multi_platform_restriction": ("违法限制多平台就业", "Unlawful ban on working for other platforms"),
    "discrimination": ("就业歧视", "Discrimination"),
    "algorithm_rules": ("不合理的算法考核、疲劳派单", "Unreasonable algorithm rules"),
    "tort_damages": ("侵权损害赔偿", "Tort damages"),
    "other": ("其他", "Other"),
}

# The claims the policy asks the authorities to watch (unpaid wages and illegal overtime).
WAGE_CLAIMS = frozenset({"wage_arrears", "minimum_wage_shortfall", "overtime", "holiday_pay"})

ROLE_LABELS = {
    "worker": ("劳动者", "Worker"),
    "mediator": ("调解员", "Mediator"),
    "arbitrator": ("仲裁员", "Arbitrator"),
    "legal_aid": ("法律援助人员", "Legal-aid officer"),
    "admin": ("管理员", "Administrator"),
}

OCCUPATIONS = tuple(OCCUPATION_LABELS)
RESPONDENT_KINDS = tuple(RESPONDENT_KIND_LABELS)
CLAIM_KINDS = tuple(CLAIM_LABELS)


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
    locale = get_locale()
    return en if locale is not None and locale.language == "en" else zh


# History rows that are not life-cycle events.
OTHER_HISTORY_LABELS = {
    "submit": ("提交投诉", "Complaint filed"),
    "reassign": ("改派承办人", "Handler changed"),
    "issue_document": ("出具文书", "Document issued"),
    "link_collective": ("合并为集体争议", "Linked into a collective dispute"),
}


def state_label(key: str | None) -> str:
    return label(STATE_LABELS, key)


def legal_aid_label(key: str | None) -> str:
    return label(LEGAL_AID_LABELS, key)


def event_label(key: str | None) -> str:
    return label(OTHER_HISTORY_LABELS if key in OTHER_HISTORY_LABELS else EVENT_LABELS, key)


def deadline_label(key: str | None) -> str:
    return label(DEADLINE_LABELS, key)

OUTCOME_LABELS = {
    "labor_relation": ("劳动关系", "Labour relationship"),
    "incomplete_labor_relation": ("不完全符合确立劳动关系情形", "Incomplete labour relationship"),
    "civil_relation": ("民事关系（自主经营、自由职业）", "Civil relationship (independent work)"),
    "other": ("其他", "Other"),
}

FACTOR_LABELS = {
    "platform_controls_hours": ("平台控制工作时间（排班、最低在线时长）", "Platform controls working hours"),
    "platform_assigns_orders_no_refusal": ("系统派单、不得拒单", "Orders dispatched, refusal penalised"),
    "attendance_or_online_time_required": ("考勤、打卡或在线时长要求", "Attendance or online time required"),
    "platform_sets_pay": ("报酬规则由企业确定", "Enterprise sets the pay"),
    "penalties_or_rules_enforced": ("罚款扣款、奖惩和算法规则", "Penalties and rules enforced"),
    "worker_owns_main_tools": ("劳动者自备主要工具", "Worker owns the main tools"),
    "can_work_multi_platform": ("可以在多个平台接单", "Free to work for other platforms"),
    "registered_as_individual_business": ("注册为个体工商户", "Registered as an individual business"),
    "uniform_or_brand_required": ("须穿工服、佩戴工牌", "Uniform or badge required"),
    "work_is_core_business": ("工作属于企业主营业务", "Work is the enterprise's core business"),
    "long_term_stable_work": ("长期、稳定地工作", "Long-term, stable work"),
    "pay_main_income": ("报酬是主要收入来源", "Pay is the main income"),
}
OUTCOMES = tuple(OUTCOME_LABELS)
FACTOR_KEYS = tuple(FACTOR_LABELS)

# The factors as questions a worker can answer at intake and on the "check my situation" page.
FACTOR_QUESTIONS = {
    "platform_controls_hours": ("上下线时间由平台或站点安排（排班、规定最少在线时长）吗？", "Does the platform or station set your hours (shifts, minimum online time)?"),
    "platform_assigns_orders_no_refusal": ("订单由系统派给您，拒单会被处罚吗？", "Are orders dispatched to you, with penalties for refusing?"),
    "attendance_or_online_time_required": ("需要打卡、开早会或满足考勤要求吗？", "Must you clock in, attend meetings or meet attendance rules?"),
    "platform_sets_pay": ("报酬标准由公司定，您不能自己定价吗？", "Does the company set your pay, rather than you setting prices?"),
    "penalties_or_rules_enforced": ("会因超时、差评、拒单等被罚款或扣钱吗？", "Are you fined for lateness, bad reviews or refusals?"),
    "worker_owns_main_tools": ("主要工具（车辆、设备）是您自己的吗？", "Are the main tools (vehicle, equipment) your own?"),
    "can_work_multi_platform": ("可以同时在别的平台接单吗？", "May you work for other platforms at the same time?"),
    "registered_as_individual_business": ("被要求或安排注册了个体工商户吗？", "Were you asked to register as an individual business?"),
    "uniform_or_brand_required": ("必须穿工服、戴工牌或以公司名义服务吗？", "Must you wear a uniform or badge?"),
    "work_is_core_business": ("您做的工作是公司的主要业务吗（如配送、运输）？", "Is your work the company's main business?"),
    "long_term_stable_work": ("长期稳定地干（每周多天、每天多小时、持续几个月以上）吗？", "Do you work regularly (many days a week, for months)?"),
    "pay_main_income": ("这份收入是您的主要生活来源吗？", "Is this income your main livelihood?"),
}

"""The fixed keys of the glossary with their Chinese and English labels.

Keys are part of the API and the data files (../shared/domain/glossary.md); a test checks that
they agree with the keys casebase and workflows use.
"""
from __future__ import annotations

from flask_babel import get_locale

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

# Claims that are about money: an amount is expected (glossary "money?" column).
MONEY_CLAIMS = frozenset(
    {
        "wage_arrears", "minimum_wage_shortfall", "overtime", "holiday_pay", "weather_subsidy",
        "economic_compensation", "unlawful_termination_compensation", "double_wages_no_contract",
        "work_injury", "medical_expenses", "illegal_deduction", "deposit_refund", "tort_damages",
    }
)
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


def label(table: dict[str, tuple[str, str]], key: str | None) -> str:
    """The label of `key` in the current locale (Chinese unless English was chosen)."""
    if key is None:
        return ""
    zh, en = table.get(key, (key, key))
    locale = get_locale()
    return en if locale is not None and locale.language == "en" else zh

"""The glossary's fixed keys, each written once with its Chinese and English labels.

Keys are part of the API and the data files (../shared/domain/glossary.md). ``workflows/``,
``casebase/`` and the app all read them from here, so a key or its wording changes in one place.
Framework-free, like the packages that use it.
"""
from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True)
class Term:
    """A key's labels: what pages and documents show (``zh``, ``en``), and the plain form a sentence
    uses where the page's label is a list of names (``short_zh``, e.g. "同为网约配送员")."""

    zh: str
    en: str
    short_zh: str | None = None

    @property
    def plain_zh(self) -> str:
        return self.short_zh or self.zh


def _terms(rows: dict) -> MappingProxyType:
    return MappingProxyType({key: Term(*labels) for key, labels in rows.items()})


OCCUPATIONS = _terms({
    "delivery_rider": ("网约配送员 / 外卖骑手", "Delivery rider", "网约配送员"),
    "ride_hailing_driver": ("网约车驾驶员", "Ride-hailing driver", "网约车驾驶员"),
    "truck_driver": ("货车司机（网络货运）", "Truck driver (online freight)", "货车司机"),
    "courier": ("快递员 / 同城即时配送员", "Courier", "快递员/即时配送员"),
    "live_streamer": ("互联网营销师 / 网络主播", "Live-stream marketer", "网络主播"),
    "domestic_worker": ("网约家政服务员", "On-demand domestic worker", "家政服务员"),
    "designated_driver": ("代驾司机", "Designated driver", "代驾司机"),
    "other": ("其他（代驾、网约维修工、网约厨师…）", "Other (designated driver, repairer, cook…)", "其他"),
})

RESPONDENT_KINDS = _terms({
    "platform": ("平台企业", "Platform company"),
    "cooperating_company": ("用工合作企业", "Cooperating company"),
    "dispatch_agency": ("劳务派遣单位", "Labour-dispatch agency"),
    "other": ("其他", "Other"),
})

CLAIMS = _terms({
    "confirm_labor_relation": ("确认劳动关系", "Confirmation of a labour relationship"),
    "wage_arrears": ("拖欠劳动报酬", "Unpaid pay"),
    "minimum_wage_shortfall": ("低于最低工资标准的差额", "Shortfall below the minimum wage"),
    "overtime": ("加班费 / 超时劳动", "Overtime pay"),
    "holiday_pay": ("法定节假日劳动报酬", "Public-holiday pay"),
    "weather_subsidy": ("恶劣天气 / 高温补贴", "Bad-weather or heat subsidy"),
    "economic_compensation": ("经济补偿", "Economic compensation (severance)"),
    "unlawful_termination_compensation": ("违法解除赔偿金", "Damages for unlawful termination"),
    "double_wages_no_contract": ("未签劳动合同二倍工资差额", "Double pay for no written contract"),
    "work_injury": ("工伤 / 职业伤害保障待遇", "Work-injury or occupational-injury benefits"),
    "medical_expenses": ("医疗费", "Medical expenses"),
    "social_insurance": ("社会保险", "Social insurance"),
    "illegal_deduction": ("违规罚款、扣款、收取押金或财物", "Unlawful fines, deductions or deposits"),
    "deposit_refund": ("退还押金", "Refund of deposit"),
    "forced_individual_business": ("被诱导或强迫注册个体工商户", "Induced or forced registration as an individual business"),
    "multi_platform_restriction": ("违法限制多平台就业", "Unlawful restriction on working for several platforms"),
    "discrimination": ("就业歧视", "Employment discrimination"),
    "algorithm_rules": ("不合理的算法考核、疲劳派单", "Unreasonable algorithmic rules or fatigue dispatching"),
    "tort_damages": ("侵权损害赔偿", "Tort damages"),
    "other": ("其他", "Other"),
})

# The outcomes of a typical case. The assessment names its three categories in the words of
# 人社部发〔2021〕56号 (``GUIDANCE_CATEGORIES``); pages use the short labels.
OUTCOMES = _terms({
    "labor_relation": ("劳动关系", "Labour relationship"),
    "incomplete_labor_relation": ("不完全符合确立劳动关系情形", "Incomplete labour relationship"),
    "civil_relation": ("民事关系（自主经营、自由职业）", "Civil relationship (independent work)"),
    "other": ("其他", "Other"),
})
GUIDANCE_CATEGORIES = MappingProxyType({
    "labor_relation": "劳动关系",
    "incomplete_labor_relation": "不完全符合确立劳动关系情形",
    "civil_relation": "个人依托平台自主开展经营活动、从事自由职业（民事关系）",
    "other": "其他（未涉及劳动关系认定）",
})

FACTORS = _terms({
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
})

# The factors as questions a worker can answer at intake and on the "check my situation" page.
FACTOR_QUESTIONS = _terms({
    "platform_controls_hours":
        ("上下线时间由平台或站点安排（排班、规定最少在线时长）吗？",
         "Does the platform or station set your hours (shifts, minimum online time)?"),
    "platform_assigns_orders_no_refusal":
        ("订单由系统派给您，拒单会被处罚吗？",
         "Are orders dispatched to you, with penalties for refusing?"),
    "attendance_or_online_time_required":
        ("需要打卡、开早会或满足考勤要求吗？",
         "Must you clock in, attend meetings or meet attendance rules?"),
    "platform_sets_pay":
        ("报酬标准由公司定，您不能自己定价吗？",
         "Does the company set your pay, rather than you setting prices?"),
    "penalties_or_rules_enforced":
        ("会因超时、差评、拒单等被罚款或扣钱吗？",
         "Are you fined for lateness, bad reviews or refusals?"),
    "worker_owns_main_tools":
        ("主要工具（车辆、设备）是您自己的吗？",
         "Are the main tools (vehicle, equipment) your own?"),
    "can_work_multi_platform":
        ("可以同时在别的平台接单吗？",
         "May you work for other platforms at the same time?"),
    "registered_as_individual_business":
        ("被要求或安排注册了个体工商户吗？",
         "Were you asked to register as an individual business?"),
    "uniform_or_brand_required":
        ("必须穿工服、戴工牌或以公司名义服务吗？",
         "Must you wear a uniform or badge?"),
    "work_is_core_business":
        ("您做的工作是公司的主要业务吗（如配送、运输）？",
         "Is your work the company's main business?"),
    "long_term_stable_work":
        ("长期稳定地干（每周多天、每天多小时、持续几个月以上）吗？",
         "Do you work regularly (many days a week, for months)?"),
    "pay_main_income":
        ("这份收入是您的主要生活来源吗？",
         "Is this income your main livelihood?"),
})

ROLES = _terms({
    "worker": ("劳动者", "Worker"),
    "mediator": ("调解员", "Mediator"),
    "arbitrator": ("仲裁员", "Arbitrator"),
    "legal_aid": ("法律援助人员", "Legal-aid officer"),
    "admin": ("管理员", "Administrator"),
    # The labour-inspection track (劳动保障监察条例); the head approves extensions and transfers (第十七条).
    "inspector": ("劳动保障监察员", "Labour inspector"),
    "inspection_head": ("劳动保障行政部门负责人", "Head of the labour administration"),
})

OCCUPATION_KEYS = tuple(OCCUPATIONS)
RESPONDENT_KIND_KEYS = tuple(RESPONDENT_KINDS)
CLAIM_KEYS = tuple(CLAIMS)
OUTCOME_KEYS = tuple(OUTCOMES)
FACTOR_KEYS = tuple(FACTORS)
ROLE_KEYS = tuple(ROLES)

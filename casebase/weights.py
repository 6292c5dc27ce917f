"""The assessment's table: each factor's weight either way, why (factors.md and the guiding cases),
its label and the short phrases the explanation uses, in Chinese and English; the three categories
of 人社部发〔2021〕56号; and which factors show domination (支配性劳动管理, 指导性案例237号) and which
show management. Hand-set, not fitted: bench/assess_eval.py measures it."""
from __future__ import annotations

from dataclasses import dataclass

import glossary
from glossary.laws import citation_en

from .wording import Words

# The three categories in the words of 人社部发〔2021〕56号, and the occupations as a sentence names them.
OUTCOME_LABELS = dict(glossary.GUIDANCE_CATEGORIES)
CATEGORY_LABELS = {key: label for key, label in OUTCOME_LABELS.items() if key != "other"}
CATEGORY_WORDS = {key: Words(label, glossary.OUTCOMES[key].en) for key, label in CATEGORY_LABELS.items()}
OCCUPATION_WORDS = {key: Words(term.plain_zh, term.en.lower()) for key, term in glossary.OCCUPATIONS.items()}
OCCUPATION_LABELS = {key: words.zh for key, words in OCCUPATION_WORDS.items()}


def cite(basis: str) -> Words:
    """A citation in Chinese as written and in English as English legal writing cites it."""
    return Words(basis, citation_en(basis))


@dataclass(frozen=True)
class FactorWeight:
    """How much one factor counts, each way, and why (the source in factors.md).

    ``when_true`` / ``when_false`` are the short phrases the explanation uses for each value.
    """

    key: str
    label: Words
    strength: str
    if_true: float
    if_false: float
    basis_words: Words
    when_true: Words
    when_false: Words

    @property
    def label_zh(self) -> str:
        return self.label.zh

    @property
    def basis(self) -> str:
        return self.basis_words.zh

    def when(self, value: bool) -> Words:
        """The short phrase for this value ("企业控制工作时间" / "the enterprise controls working hours")."""
        return self.when_true if value else self.when_false


def _weight(key, label, strength, if_true, if_false, basis, when_true, when_false) -> FactorWeight:
    return FactorWeight(key, Words(*label), strength, if_true, if_false, Words(*basis), Words(*when_true),
                        Words(*when_false))


STRENGTH_WORDS = {"强": Words("强", "strong"), "中": Words("中", "medium"), "弱": Words("弱", "weak"),
                  "不具决定性": Words("不具决定性", "not decisive")}


WEIGHTS: tuple[FactorWeight, ...] = (
    _weight("platform_controls_hours",
            ("企业控制工作时间（排班、固定上下班、请假审批）",
             "The enterprise controls working hours (rotas, fixed start and finish, leave approved)"), "强", 3.0, -3.0,
            ("支配性劳动管理的核心；自主决定是否及何时上线则相反（指导性案例237号、240号）",
             "The core of dominating labour management; deciding freely whether and when to go online points the "
             "other way (Guiding Cases Nos 237, 240)"),
            ("企业控制工作时间", "the enterprise controls working hours"), ("自主决定工作时间", "the worker decides the hours")),
    _weight("platform_assigns_orders_no_refusal", ("系统派单且不能拒单", "Orders are dispatched and cannot be refused"),
            "强", 3.0, -3.0,
            ("派单不可拒为支配；抢单、自由接单为自主（人社部函〔2023〕36号案例1、2）",
             "Dispatch that cannot be refused is domination; grabbing or freely taking orders is autonomy "
             "(Ren She Bu Han [2023] No. 36, Cases 1, 2)"),
            ("派单不能拒", "orders dispatched, no refusal"), ("抢单或可自由拒单", "orders grabbed or freely refused")),
    _weight("attendance_or_online_time_required",
            ("考勤、早会或最低在线时长要求", "Attendance, morning meetings or a minimum online time required"), "强", 3.0, -2.0,
            ("考勤管理体现人格从属性；没有考勤管理指向自主（指导性案例240号）",
             "Attendance management shows personal subordination; its absence points to autonomy (Guiding Case No. 240)"),
            ("考勤或在线时长要求", "attendance or online time required"), ("没有考勤要求", "no attendance required")),
    # Strong in factors.md, but crowd-sourced riders also have platform-set pay and deductions
    # without a labour relationship (人社部函〔2023〕36号案例2): these show management, not domination.
    _weight("platform_sets_pay",
            ("企业确定报酬规则（底薪、计件、统一定价）", "The enterprise sets the pay rules (base pay, piece rates, uniform prices)"),
            "强", 2.0, -3.0,
            ("劳动者自主定价或协商分成则强烈指向自主经营（指导性案例239号）",
             "The worker setting the price or negotiating a share points strongly to independent business "
             "(Guiding Case No. 239)"),
            ("企业确定报酬", "the enterprise sets the pay"), ("自主定价或协商分成", "own prices or a negotiated share")),
    _weight("penalties_or_rules_enforced",
            ("企业以罚款扣款、工作规则或算法规则管理", "The enterprise manages by fines, deductions, work rules or algorithms"),
            "强", 2.0, -2.0,
            ("奖惩和算法规则是劳动管理；仅处理服务质量投诉时较弱",
             "Rewards, penalties and algorithmic rules are labour management; handling only service complaints counts for less"),
            ("罚款扣款与工作规则", "fines, deductions and work rules"), ("不受奖惩约束", "no rewards or penalties apply")),
    _weight("worker_owns_main_tools",
            ("劳动者自备车辆、设备等主要工具", "The worker provides the vehicle, equipment or other main tools"), "弱", -0.5, 0.5,
            ("自带车辆不妨碍认定劳动关系（人社部函〔2023〕36号案例1）",
             "Using one's own vehicle does not prevent a labour relationship (Ren She Bu Han [2023] No. 36, Case 1)"),
            ("自备主要工具", "own main tools"), ("企业提供工具", "tools provided by the enterprise")),
    _weight("can_work_multi_platform", ("可以同时在多个平台工作", "Free to work on several platforms at once"), "中", -1.5, 1.5,
            ("禁止在其他平台接单指向劳动关系（人社部函〔2023〕36号案例6）",
             "A ban on taking orders on other platforms points to a labour relationship (Ren She Bu Han [2023] No. 36, Case 6)"),
            ("可在多个平台工作", "free to work on other platforms"), ("禁止在其他平台工作", "barred from other platforms")),
    _weight("registered_as_individual_business", ("登记为个体工商户", "Registered as an individual business"),
            "不具决定性", 0.0, 0.0,
            ("由企业安排登记的不影响认定（指导性案例238号、人社部函〔2023〕36号案例4）",
             "A registration the enterprise arranged does not affect the finding "
             "(Guiding Case No. 238; Ren She Bu Han [2023] No. 36, Case 4)"),
            ("登记为个体工商户", "registered as an individual business"),
            ("未登记个体工商户", "not registered as an individual business")),
    _weight("uniform_or_brand_required",
            ("须统一着装、佩戴工牌或以企业名义服务", "Uniform, badge or service in the enterprise's name required"), "弱", 0.5, 0.0,
            ("单独不足以认定（指导性案例240号）", "Not enough on its own (Guiding Case No. 240)"),
            ("统一着装或工牌", "uniform or badge"), ("无统一着装要求", "no uniform required")),
    _weight("work_is_core_business", ("工作属于企业的主营业务", "The work is the enterprise's core business"), "中", 1.0, -1.5,
            ("组织从属性；企业仅为信息中介则相反（指导性案例240号）",
             "Organisational subordination; an enterprise that only matches supply and demand points the other way "
             "(Guiding Case No. 240)"),
            ("属于企业主营业务", "the enterprise's core business"), ("企业仅为信息中介", "the enterprise only matches supply and demand")),
    _weight("long_term_stable_work",
            ("工作持续稳定（每周六七天、每天八小时以上）",
             "Continuous, stable work (six or seven days a week, eight hours or more a day)"), "中", 1.5, -1.5,
            ("零散、短时工作指向自主（人社部函〔2023〕36号案例2）",
             "Scattered, short work points to autonomy (Ren She Bu Han [2023] No. 36, Case 2)"),
            ("工作持续稳定", "continuous, stable work"), ("工作零散", "scattered work")),
    _weight("pay_main_income", ("报酬是主要生活来源", "The pay is the main livelihood"), "中", 1.0, -1.0,
            ("经济从属性", "Economic subordination"),
            ("报酬为主要收入", "the pay is the main income"), ("另有主要收入", "another main income")),
)
WEIGHT_BY_KEY = {weight.key: weight for weight in WEIGHTS}
PARTIAL_SHARE = 0.5
DOMINATING = ("platform_controls_hours", "platform_assigns_orders_no_refusal", "attendance_or_online_time_required")
MANAGEMENT = ("platform_sets_pay", "penalties_or_rules_enforced")
# Two strong signs of control (e.g. dispatch + attendance) and little against them.
LABOR_THRESHOLD = 4.0
STRONG_KEYS = DOMINATING + MANAGEMENT


def short_label(key: str, value: bool) -> Words:
    """The short phrase for a factor's value ("企业控制工作时间" / "the enterprise controls working hours")."""
    return WEIGHT_BY_KEY[key].when(value)

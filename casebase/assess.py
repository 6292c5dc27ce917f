"""The labour-relationship assessment (确认劳动关系): decision support, never a ruling.

The model is a readable table, not a fitted one. Each factor of ``domain/factors.md`` adds a fixed
weight toward a labour relationship when true and another when false (``WEIGHTS``); the sum is
the score. The category then follows three rules:

1. 劳动关系 (labor_relation) — dominating labour management (支配性劳动管理, 指导性案例237号):
   at least one of hours / dispatch / attendance is controlled and the score reaches
   ``LABOR_THRESHOLD``. This is the baseline test of 劳社部发〔2005〕12号第一条.
2. 不完全符合确立劳动关系情形 (incomplete_labor_relation, 人社部发〔2021〕56号) — otherwise, when the
   enterprise still manages the work (sets the pay, enforces rules, ratings or penalties) and the
   worker does not set the price.
3. 个人依托平台自主开展经营活动 (civil_relation) — everything else.

Given factors override the ones read from the text; similar published cases come from agreement
of the factor profile plus word overlap (TF-IDF cosine over jieba tokens).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import glossary

from .factors import FactorFinding, extract_factors, find_contract_labels
from .managing_party import ManagingParty, find_managing_party
from .records import FACTOR_KEYS, OCCUPATIONS, TypicalCaseRecord, load_library
from .tokenize import tokens

# The three categories in the words of 人社部发〔2021〕56号, and the occupations as a sentence names them.
OUTCOME_LABELS = dict(glossary.GUIDANCE_CATEGORIES)
CATEGORY_LABELS = {key: label for key, label in OUTCOME_LABELS.items() if key != "other"}
OCCUPATION_LABELS = {key: term.plain_zh for key, term in glossary.OCCUPATIONS.items()}


@dataclass(frozen=True)
class FactorWeight:
    """How much one factor counts, each way, and why (the source in factors.md).

    ``when_true_zh`` / ``when_false_zh`` are the short phrases the explanation uses for each value.
    """

    key: str
    label_zh: str
    strength: str
    if_true: float
    if_false: float
    basis: str
    when_true_zh: str
    when_false_zh: str


def _weight(key, label, strength, if_true, if_false, basis, when_true, when_false) -> FactorWeight:
    return FactorWeight(key, label, strength, if_true, if_false, basis, when_true, when_false)


WEIGHTS: tuple[FactorWeight, ...] = (
    _weight("platform_controls_hours", "企业控制工作时间（排班、固定上下班、请假审批）", "强", 3.0, -3.0,
            "支配性劳动管理的核心；自主决定是否及何时上线则相反（指导性案例237号、240号）",
            "企业控制工作时间", "自主决定工作时间"),
    _weight("platform_assigns_orders_no_refusal", "系统派单且不能拒单", "强", 3.0, -3.0,
            "派单不可拒为支配；抢单、自由接单为自主（人社部函〔2023〕36号案例1、2）",
            "派单不能拒", "抢单或可自由拒单"),
    _weight("attendance_or_online_time_required", "考勤、早会或最低在线时长要求", "强", 3.0, -2.0,
            "考勤管理体现人格从属性；没有考勤管理指向自主（指导性案例240号）",
            "考勤或在线时长要求", "没有考勤要求"),
    # Strong in factors.md, but crowd-sourced riders also have platform-set pay and deductions
    # without a labour relationship (人社部函〔2023〕36号案例2): these show management, not domination.
    _weight("platform_sets_pay", "企业确定报酬规则（底薪、计件、统一定价）", "强", 2.0, -3.0,
            "劳动者自主定价或协商分成则强烈指向自主经营（指导性案例239号）",
            "企业确定报酬", "自主定价或协商分成"),
    _weight("penalties_or_rules_enforced", "企业以罚款扣款、工作规则或算法规则管理", "强", 2.0, -2.0,
            "奖惩和算法规则是劳动管理；仅处理服务质量投诉时较弱",
            "罚款扣款与工作规则", "不受奖惩约束"),
    _weight("worker_owns_main_tools", "劳动者自备车辆、设备等主要工具", "弱", -0.5, 0.5,
            "自带车辆不妨碍认定劳动关系（人社部函〔2023〕36号案例1）",
            "自备主要工具", "企业提供工具"),
    _weight("can_work_multi_platform", "可以同时在多个平台工作", "中", -1.5, 1.5,
            "禁止在其他平台接单指向劳动关系（人社部函〔2023〕36号案例6）",
            "可在多个平台工作", "禁止在其他平台工作"),
    _weight("registered_as_individual_business", "登记为个体工商户", "不具决定性", 0.0, 0.0,
            "由企业安排登记的不影响认定（指导性案例238号、人社部函〔2023〕36号案例4）",
            "登记为个体工商户", "未登记个体工商户"),
    _weight("uniform_or_brand_required", "须统一着装、佩戴工牌或以企业名义服务", "弱", 0.5, 0.0,
            "单独不足以认定（指导性案例240号）",
            "统一着装或工牌", "无统一着装要求"),
    _weight("work_is_core_business", "工作属于企业的主营业务", "中", 1.0, -1.5,
            "组织从属性；企业仅为信息中介则相反（指导性案例240号）",
            "属于企业主营业务", "企业仅为信息中介"),
    _weight("long_term_stable_work", "工作持续稳定（每周六七天、每天八小时以上）", "中", 1.5, -1.5,
            "零散、短时工作指向自主（人社部函〔2023〕36号案例2）",
            "工作持续稳定", "工作零散"),
    _weight("pay_main_income", "报酬是主要生活来源", "中", 1.0, -1.0, "经济从属性",
            "报酬为主要收入", "另有主要收入"),
)
WEIGHT_BY_KEY = {weight.key: weight for weight in WEIGHTS}
DOMINATING = ("platform_controls_hours", "platform_assigns_orders_no_refusal", "attendance_or_online_time_required")
MANAGEMENT = ("platform_sets_pay", "penalties_or_rules_enforced")
# Two strong signs of control (e.g. dispatch + attendance) and little against them.
LABOR_THRESHOLD = 4.0
STRONG_KEYS = DOMINATING + MANAGEMENT
SIMILAR_LIMIT = 5

DISCLAIMER = "本评估仅为调解、仲裁提供参考，不是裁决；是否存在劳动关系以劳动人事争议仲裁委员会或人民法院的认定为准。"


class AssessmentInputInvalid(ValueError):
    """Factors or occupation that the assessment cannot take; ``errors`` maps each field to a message."""

    def __init__(self, errors: Mapping[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(f"{path}: {message}" for path, message in self.errors.items()))


@dataclass
class FactorAssessment:
    """One factor as the assessment used it: value, where it came from and which way it points."""

    key: str
    label_zh: str
    value: bool | None
    source: str  # "given" | "text" | "unknown"
    direction: str  # "toward_labor" | "away" | "neutral"
    weight: float
    evidence: list[str] = field(default_factory=list)
    rule: str = ""

    def to_dict(self) -> dict:
        """JSON-ready form."""
        return {"key": self.key, "label": self.label_zh, "value": self.value, "source": self.source,
                "direction": self.direction, "weight": self.weight, "evidence": list(self.evidence),
                "rule": self.rule}


@dataclass
class SimilarCase:
    """A published case close to the facts, with the factors it shares."""

    id: str
    title: str
    outcome: str
    score: float
    why_zh: str
    matching_factors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """JSON-ready form."""
        return {"id": self.id, "title": self.title, "outcome": self.outcome, "score": self.score,
                "why": self.why_zh, "matching_factors": list(self.matching_factors)}


@dataclass
class Assessment:
    """The result: one of the three categories, the factors each way, similar cases, explanation."""

    category: str
    confidence: float
    score: float
    factors: list[FactorAssessment]
    managing_party: ManagingParty
    similar_cases: list[SimilarCase]
    explanation_zh: str
    contract_labels: list[str] = field(default_factory=list)

    @property
    def category_label(self) -> str:
        """The category's Chinese name."""
        return CATEGORY_LABELS[self.category]

    def values(self) -> dict[str, bool | None]:
        """The factor values used, by key."""
        return {factor.key: factor.value for factor in self.factors}

    def to_dict(self) -> dict:
        """JSON-ready form (the body of POST /assessments)."""
        return {
            "category": self.category,
            "category_label": self.category_label,
            "confidence": self.confidence,
            "score": self.score,
            "factors": [factor.to_dict() for factor in self.factors],
            "managing_party": self.managing_party.to_dict(),
            "contract_labels": list(self.contract_labels),
            "similar_cases": [case.to_dict() for case in self.similar_cases],
            "explanation": self.explanation_zh,
            "disclaimer": DISCLAIMER,
        }


def assess(
    facts: str = "",
    factors: Mapping[str, bool | None] | None = None,
    occupation: str | None = None,
    respondents: Sequence[Mapping] | None = None,
    library: Sequence[TypicalCaseRecord] | None = None,
    exclude_ids: Iterable[str] = (),
) -> Assessment:
    """Assess whether the facts show a labour relationship, and which of the three categories fits.

    ``factors`` given by the user override what the text shows (a None value means "not known"
    and leaves the text's finding in place). ``occupation`` only ranks similar cases.
    ``respondents`` (``[{name, kind}]``) name the parties, so the managing party can be one of them.
    ``library`` defaults to the shipped library; ``exclude_ids`` leaves cases out of the
    similar-case list (for leave-one-out evaluation).
    """
    _validate(factors, occupation)
    findings = extract_factors(facts) if facts else {}
    assessed = [_assess_factor(weight, (factors or {}).get(weight.key), findings.get(weight.key)) for weight in WEIGHTS]
    values = {factor.key: factor.value for factor in assessed}
    score = round(sum(_contribution(WEIGHT_BY_KEY[key], value) for key, value in values.items()), 2)
    category = categorise(values, score)
    confidence = _confidence(values, score)
    managing = find_managing_party(facts, respondents) if facts else ManagingParty(None, None, [], "未提供事实陈述。")
    labels = find_contract_labels(facts) if facts else []
    cases = [case for case in (library if library is not None else _default_library()) if case.published]
    similar = similar_cases(facts, values, cases, occupation=occupation, exclude_ids=exclude_ids)
    explanation = _explain(category, confidence, assessed, labels, managing)
    return Assessment(category, confidence, score, assessed, managing, similar, explanation, labels)


def _validate(factors: Mapping | None, occupation: str | None) -> None:
    errors = {}
    for key, value in (factors or {}).items():
        if key not in WEIGHT_BY_KEY:
            errors[f"factors.{key}"] = "未知的要素"
        elif value is not None and not isinstance(value, bool):
            errors[f"factors.{key}"] = "要素取值应为 true、false 或 null"
    if occupation is not None and occupation not in OCCUPATIONS:
        errors["occupation"] = f"未知的职业：{occupation}"
    if errors:
        raise AssessmentInputInvalid(errors)


@lru_cache(maxsize=1)
def _default_library() -> tuple[TypicalCaseRecord, ...]:
    return tuple(load_library())


def _assess_factor(weight: FactorWeight, given: bool | None, found: FactorFinding | None) -> FactorAssessment:
    if given is not None:
        value, source, evidence, rule = given, "given", [], "用户提供"
    elif found is not None and found.value is not None:
        value, source, evidence, rule = found.value, "text", list(found.evidence), found.rule
    else:
        value, source, rule = None, "unknown", found.rule if found else "未提供"
        evidence = list(found.evidence) if found else []
    contribution = _contribution(weight, value)
    direction = "toward_labor" if contribution > 0 else "away" if contribution < 0 else "neutral"
    return FactorAssessment(weight.key, weight.label_zh, value, source, direction, abs(contribution), evidence, rule)


def _contribution(weight: FactorWeight, value: bool | None) -> float:
    if value is None:
        return 0.0
    return weight.if_true if value else weight.if_false


def categorise(values: Mapping[str, bool | None], score: float) -> str:
    """The category for these factor values and score (the three rules in the module docstring)."""
    dominated = any(values.get(key) is True for key in DOMINATING)
    if dominated and score >= LABOR_THRESHOLD:
        return "labor_relation"
    managed = dominated or any(values.get(key) is True for key in MANAGEMENT)
    if managed and values.get("platform_sets_pay") is not False:
        return "incomplete_labor_relation"
    return "civil_relation"


def _confidence(values: Mapping[str, bool | None], score: float) -> float:
    """0..1: grows with the distance of the score from the labour threshold and with how many of the
    five strong factors are known; with nothing known it stays near 0.3."""
    known = sum(values.get(key) is not None for key in STRONG_KEYS) / len(STRONG_KEYS)
    certainty = 1 - math.exp(-abs(score - LABOR_THRESHOLD) / 4)
    return round(0.3 + 0.65 * certainty * (0.15 + 0.85 * known), 2)


# --- similar cases -------------------------------------------------------------------------------

@lru_cache(maxsize=2048)
def _term_counts(text: str) -> Counter:
    return Counter(token for token in tokens(text) if len(token) > 1)


def _idf(cases: Sequence[TypicalCaseRecord]) -> dict[str, float]:
    document_frequency = Counter(term for case in cases for term in _term_counts(case.facts))
    total = len(cases)
    return {term: math.log((1 + total) / (1 + count)) + 1 for term, count in document_frequency.items()}


def _cosine(query: Counter, document: Counter, idf: Mapping[str, float]) -> tuple[float, list[str]]:
    shared = set(query) & set(document)
    if not shared:
        return 0.0, []
    default = max(idf.values(), default=1.0)
    dot = sum(query[t] * document[t] * idf.get(t, default) ** 2 for t in shared)
    norm_q = math.sqrt(sum((n * idf.get(t, default)) ** 2 for t, n in query.items()))
    norm_d = math.sqrt(sum((n * idf.get(t, default)) ** 2 for t, n in document.items()))
    top = sorted(shared, key=lambda t: -idf.get(t, default))[:5]
    return dot / (norm_q * norm_d), top


def _factor_agreement(values: Mapping[str, bool | None],
                      recorded: Mapping[str, bool | None]) -> tuple[float, list[str]]:
    """Share of the query's known factor weight on which the case agrees (unknown in the case counts as no)."""
    known = [key for key in FACTOR_KEYS if values.get(key) is not None]
    size = {key: max(abs(WEIGHT_BY_KEY[key].if_true), abs(WEIGHT_BY_KEY[key].if_false), 0.25) for key in known}
    total = sum(size.values())
    if not total:
        return 0.0, []
    agreeing = [key for key in known if recorded.get(key) == values[key]]
    return sum(size[key] for key in agreeing) / total, agreeing


def similar_cases(
    facts: str,
    values: Mapping[str, bool | None],
    cases: Sequence[TypicalCaseRecord],
    occupation: str | None = None,
    exclude_ids: Iterable[str] = (),
    limit: int = SIMILAR_LIMIT,
) -> list[SimilarCase]:
    """The published cases closest to the facts: half factor-profile agreement, half word overlap
    (all factor agreement when there is no text), plus 0.05 for the same occupation."""
    excluded = set(exclude_ids)
    pool = [case for case in cases if case.id not in excluded]
    idf = _idf(pool)
    query = _term_counts(facts) if facts else Counter()
    ranked = [_similar(case, query, values, idf, occupation) for case in pool]
    ranked.sort(key=lambda case: -case.score)
    return [case for case in ranked[:limit] if case.score > 0]


def _similar(case: TypicalCaseRecord, query: Counter, values: Mapping[str, bool | None],
             idf: Mapping[str, float], occupation: str | None) -> SimilarCase:
    agreement, agreeing = _factor_agreement(values, case.factors)
    text, words = _cosine(query, _term_counts(case.facts), idf) if query else (0.0, [])
    score = 0.5 * agreement + 0.5 * text if query else agreement
    reasons = []
    if agreeing:
        reasons.append("要素一致：" + "、".join(_short_label(key, values[key]) for key in agreeing))
    if words:
        reasons.append("案情用语相近：" + "、".join(words))
    if occupation and case.occupation == occupation:
        score += 0.05
        reasons.append(f"同为{OCCUPATION_LABELS[occupation]}")
    return SimilarCase(case.id, case.title, case.outcome, round(score, 3), "；".join(reasons) or "相似度较低",
                       agreeing)


def _short_label(key: str, value: bool) -> str:
    weight = WEIGHT_BY_KEY[key]
    return weight.when_true_zh if value else weight.when_false_zh


# --- explanation ---------------------------------------------------------------------------------

CATEGORY_REASONS = {
    "labor_relation": "工作时间、派单或考勤受企业支配，达到支配性劳动管理的程度，符合劳社部发〔2005〕12号第一条的情形。",
    "incomplete_labor_relation": (
        "企业确定报酬或以规则、评分、奖惩管理劳动过程，但工作时间、接单和考勤未受支配，未达到支配性劳动管理；"
        "企业应与劳动者订立书面协议，报酬不低于工作地小时最低工资标准（人社厅发〔2023〕50号）。"),
    "civil_relation": "未见企业对工作时间和劳动过程的实质管理，或报酬由劳动者自主定价、协商分成，更接近自主经营或自由职业。",
}


def _explain(category: str, confidence: float, assessed: Sequence[FactorAssessment], labels: Sequence[str],
             managing: ManagingParty) -> str:
    toward = [_short_label(factor.key, factor.value) for factor in assessed if factor.direction == "toward_labor"]
    away = [_short_label(factor.key, factor.value) for factor in assessed if factor.direction == "away"]
    parts = [
        f"初步判断：{CATEGORY_LABELS[category]}（把握度约{round(confidence * 100)}%）。",
        "方法：依劳社部发〔2005〕12号第一条，结合最高人民法院指导性案例237号“支配性劳动管理”的考量因素，"
        "按人社部发〔2021〕56号区分劳动关系、不完全符合确立劳动关系情形、个人依托平台自主经营三类。",
        f"指向劳动关系：{'、'.join(toward) or '无'}；指向相反：{'、'.join(away) or '无'}。",
        CATEGORY_REASONS[category],
    ]
    if labels:
        parts.append(f"协议名称或表述（{'、'.join(labels[:4])}）不决定法律关系，应以用工事实为准（劳动合同法第七条）。")
    if any(factor.key == "registered_as_individual_business" and factor.value for factor in assessed):
        parts.append("登记为个体工商户不影响劳动关系的认定（指导性案例238号）。")
    if managing.name and category != "civil_relation":
        parts.append(f"实际用工管理者：{managing.name}。")
    parts.append(DISCLAIMER)
    return "".join(parts)

"""The labour-relationship assessment (确认劳动关系): decision support, never a ruling.

The model is a readable table, not a fitted one. Each factor of ``domain/factors.md`` adds a fixed
weight toward a labour relationship when true and another when false (``WEIGHTS``); the sum is
the score. The category then follows three rules:

1. 劳动关系 (labor_relation) — dominating labour management (支配性劳动管理, 指导性案例237号):
   at least one of hours / dispatch / attendance is controlled and the score reaches
   ``LABOR_THRESHOLD``. This is the baseline test of 劳社部发〔2005〕12号第一条. A factor the text
   shows only in part — orders dispatched, nothing said of refusing — counts at half weight.
   Or, with nothing said of free hours, free orders or no attendance, the elements that article
   lists are each shown (``meets_2005_elements``): the enterprise's rules and penalties apply, it
   sets and pays for the work, and the work is part of its business — again with the score at the
   threshold.
2. 不完全符合确立劳动关系情形 (incomplete_labor_relation, 人社部发〔2021〕56号) — otherwise, when the
   enterprise still manages the work (sets the pay, enforces rules, ratings or penalties) and the
   worker does not set the price.
3. 个人依托平台自主开展经营活动 (civil_relation) — everything else.

Some facts decide by law rather than by weight (``decide_by_standing``, read by
``casebase.factors.find_standing``): a worker drawing a pension (劳务关系), a signed labour contract,
a driver hired by the owner of a vehicle run under the enterprise's name (挂靠); social insurance or
employer's liability insurance paid by the enterprise adds ``STANDING_WEIGHT`` as evidence.

Then whether the facts decide (``decide_status``): where they do not — too few strong factors known,
management shown but control of time and orders never stated, or signs each way — the result is
"cannot tell yet" (``Assessment.result == CANNOT_TELL``; ``category`` keeps the leaning, so stored
results stay one of the three) with the two or three questions that would decide it, the evidence
that answers each, who holds it and who bears the burden (劳社部发〔2005〕12号第二条；劳动争议调解
仲裁法第六条、第三十九条).

The explanation is built line by line (``Assessment.lines``) from the same factor table the page
shows: each factor line gives the value, the words it rests on (spans with offsets into the facts as
given, so the page can highlight them), the actor, negation, condition and mode, and the points it
adds; the score line says how the total is made; each of the three categories of 人社部发〔2021〕56号
is stated as met or not, with the reason. Given factors override the ones read from the text;
similar published cases come from agreement of the factor profile plus word overlap (TF-IDF cosine
over jieba tokens), each with the factors it shares and the ones where it differs.

The table is hand-set from factors.md and the guiding cases, not fitted to the collection;
bench/assess_eval.py measures it on publisher-held-out folds of the real collection.

Everything the assessment says is written in Chinese and English side by side (``casebase.wording``)
and composed once: ``lines`` and ``lines_en`` say the same thing, point for point.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

import glossary
from glossary.laws import citation_en

from .factors import STANDING_WEIGHT, FactorFinding, StandingFact, extract_factors, find_contract_labels, find_standing
from .managing_party import ManagingParty, find_managing_party, names_the_same
from .records import FACTOR_KEYS, OCCUPATIONS, TypicalCaseRecord, load_library
from .engines.analysis import is_content_word
from .engines.vocabulary import vocabulary
from .tokenize import tokens, words
from .wording import CLAUSES, LIST, SAME, Words, same

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
SIMILAR_LIMIT = 5

DISCLAIMER_WORDS = Words(
    "本评估仅为调解、仲裁提供参考，不是裁决；是否存在劳动关系以劳动人事争议仲裁委员会或人民法院的认定为准。",
    "This assessment only supports mediation and arbitration; it is not a ruling. Whether a labour relationship "
    "exists is for the labour and personnel dispute arbitration commission or the people's court to find.")
DISCLAIMER = DISCLAIMER_WORDS.zh


# "Cannot tell yet": shown instead of a category when the facts do not decide (see ``decide_status``).
CANNOT_TELL = "cannot_tell"
RESULT_WORDS = {**CATEGORY_WORDS, CANNOT_TELL: Words("暂无法判断", "Cannot tell yet")}
RESULT_LABELS = {key: words.zh for key, words in RESULT_WORDS.items()}
QUESTION_LIMIT = 3
# One strong sign of autonomy with nothing strong against it (e.g. free hours, -3) decides "civil".
CLEAR_AUTONOMY = -1.5
# How far below the labour threshold the score of a managed worker must stay, with at most one sign of
# domination, for 不完全符合 to be stated rather than "cannot tell": one step of a strong factor.
INCOMPLETE_MARGIN = 2.0
# One sign of domination alone decides a labour relationship when what else is known clears the
# threshold by this much (e.g. rota + core business + years of full-time work), nothing pointing away.
ONE_SIGN_MARGIN = 1.5
VALUE_WORDS = {True: Words("是", "yes"), False: Words("否", "no"), None: Words("不清楚", "not clear")}
MODE_WORDS = {"contract": Words("协议约定", "as agreed in writing"), "claim": Words("一方主张", "one party's assertion"),
              "plain": SAME, "practice": Words("实际履行", "in actual performance")}


class AssessmentInputInvalid(ValueError):
    """Factors or occupation that the assessment cannot take; ``errors`` maps each field to a message."""

    def __init__(self, errors: Mapping[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(f"{path}: {message}" for path, message in self.errors.items()))


@dataclass
class FactorAssessment:
    """One factor as the assessment used it: value, where it came from and which way it points.

    ``spans`` are the statements of the account about the factor (``casebase.factors.Span`` as
    dicts: quote, offsets ``start``/``end`` into the facts as given, the words, actor, negation,
    condition, mode, and ``decisive`` for those that decided the value)."""

    key: str
    label_zh: str
    value: bool | None
    source: str  # "given" | "text" | "unknown"
    direction: str  # "toward_labor" | "away" | "neutral"
    weight: float
    evidence: list[str] = field(default_factory=list)
    rule: str = ""
    spans: list[dict] = field(default_factory=list)
    strength: str = ""
    basis: str = ""
    partial: bool = False  # the text shows only part of the factor (bare dispatch); counted at half weight

    @property
    def decisive_spans(self) -> list[dict]:
        return [span for span in self.spans if span.get("decisive")]

    @property
    def proof(self) -> OpenQuestion | None:
        """Who holds the evidence of this factor, who bears the burden and what to ask for (``QUESTIONS``)."""
        return QUESTIONS.get(self.key)

    def to_dict(self, language: str = "zh") -> dict:
        """JSON-ready form; the evidence that shows the factor, who holds it and the burden in ``language``."""
        proof = self.proof
        return {"key": self.key, "label": self.label_zh, "value": self.value, "source": self.source,
                "direction": self.direction, "weight": self.weight, "evidence": list(self.evidence),
                "rule": self.rule, "spans": [dict(span) for span in self.spans], "strength": self.strength,
                "basis": self.basis, "partial": self.partial,
                "proof": {"holder": proof.holder.in_language(language), "burden": proof.burden_short.in_language(language),
                          "ask_for": [item.in_language(language) for item in proof.evidence]} if proof else None}


@dataclass
class Question:
    """What still has to be found out, and the evidence that answers it (who holds it, who bears the burden)."""

    factor: str
    question: Words
    evidence: list[Words]
    holder: Words
    burden: Words
    why: Words

    @property
    def question_zh(self) -> str:
        return self.question.zh

    @property
    def evidence_zh(self) -> list[str]:
        return [item.zh for item in self.evidence]

    @property
    def holder_zh(self) -> str:
        return self.holder.zh

    def to_dict(self, language: str = "zh") -> dict:
        """JSON-ready form, its text in ``language``."""
        return {"factor": self.factor, "question": self.question.in_language(language),
                "evidence": [item.in_language(language) for item in self.evidence],
                "holder": self.holder.in_language(language), "burden": self.burden.in_language(language),
                "why": self.why.in_language(language)}


@dataclass
class ExplanationLine:
    """One line of the explanation: its kind, its text and the quoted spans it rests on."""

    kind: str  # result | method | factor | standing | summary | score | category | label | managing_party | question | disclaimer
    words: Words
    factor: str | None = None
    quotes: list[dict] = field(default_factory=list)  # {text, start, end}

    @property
    def text(self) -> str:
        return self.words.zh

    def in_language(self, language: str) -> str:
        return self.words.in_language(language)

    def to_dict(self, language: str = "zh") -> dict:
        """JSON-ready form, its text in ``language``."""
        return {"kind": self.kind, "text": self.words.in_language(language), "factor": self.factor,
                "quotes": [dict(q) for q in self.quotes]}


@dataclass
class SimilarCase:
    """A published case close to the facts, with the factors it shares and those where it differs."""

    id: str
    title: str
    outcome: str
    score: float
    why: Words
    matching_factors: list[str] = field(default_factory=list)
    differing_factors: list[str] = field(default_factory=list)

    @property
    def why_zh(self) -> str:
        return self.why.zh

    def to_dict(self, language: str = "zh") -> dict:
        """JSON-ready form, its text in ``language``."""
        return {"id": self.id, "title": self.title, "outcome": self.outcome, "score": self.score,
                "why": self.why.in_language(language), "matching_factors": list(self.matching_factors),
                "differing_factors": list(self.differing_factors)}


@dataclass
class Assessment:
    """The result: one of the three categories (or "cannot tell yet"), the factors each way with the
    words they rest on, the managing party, similar cases, the questions still open, explanation.

    ``category`` is always one of the three categories — the leaning when ``status`` is
    ``cannot_tell`` — so callers that store it keep working; ``result`` is what to show."""

    category: str
    confidence: float
    score: float
    factors: list[FactorAssessment]
    managing_party: ManagingParty
    similar_cases: list[SimilarCase]
    contract_labels: list[str] = field(default_factory=list)
    status: str = "decided"  # "decided" | "cannot_tell"
    status_reason: Words = SAME
    questions: list[Question] = field(default_factory=list)
    lines: list[ExplanationLine] = field(default_factory=list)
    # The three categories, each met or not, with why: {key, met, label, why, basis} and their English
    # (label_en, why_en, basis_en).
    categories: list[dict] = field(default_factory=list)
    standing: list[dict] = field(default_factory=list)  # facts of legal standing (casebase.factors.StandingFact)

    @property
    def category_label(self) -> str:
        """The category's Chinese name."""
        return CATEGORY_LABELS[self.category]

    @property
    def result(self) -> str:
        """What to show: the category, or ``cannot_tell``."""
        return CANNOT_TELL if self.status == CANNOT_TELL else self.category

    @property
    def result_label(self) -> str:
        return RESULT_LABELS[self.result]

    def result_label_in(self, language: str) -> str:
        """What to show, named in ``language``."""
        return RESULT_WORDS[self.result].in_language(language)

    @property
    def status_reason_zh(self) -> str:
        return self.status_reason.zh

    def explanation(self, language: str = "zh") -> str:
        """The explanation as one text, in ``language``."""
        return "".join(line.in_language(language) for line in self.lines)

    @property
    def explanation_zh(self) -> str:
        return self.explanation("zh")

    def values(self) -> dict[str, bool | None]:
        """The factor values used, by key."""
        return {factor.key: factor.value for factor in self.factors}

    def to_dict(self, language: str = "zh") -> dict:
        """JSON-ready form (the body of POST /assessments), its text in ``language`` ("zh" or "en")."""
        return {
            "language": "en" if language == "en" else "zh",
            "category": self.category,
            "category_label": CATEGORY_WORDS[self.category].in_language(language),
            "result": self.result,
            "result_label": RESULT_WORDS[self.result].in_language(language),
            "status": self.status,
            "status_reason": self.status_reason.in_language(language),
            "confidence": self.confidence,
            "score": self.score,
            "factors": [factor.to_dict(language) for factor in self.factors],
            "managing_party": self.managing_party.to_dict(language),
            "contract_labels": list(self.contract_labels),
            "similar_cases": [case.to_dict(language) for case in self.similar_cases],
            "questions": [question.to_dict(language) for question in self.questions],
            "categories": [_category_in(item, language) for item in self.categories],
            "standing": [dict(item) for item in self.standing],
            "explanation": self.explanation(language),
            "explanation_lines": [line.to_dict(language) for line in self.lines],
            "disclaimer": DISCLAIMER_WORDS.in_language(language),
        }


def _category_in(item: Mapping, language: str) -> dict:
    """One of the three categories as ``Assessment.to_dict`` gives it, in ``language``."""
    english = language == "en"
    return {"key": item["key"], "met": item["met"], "label": item["label_en"] if english else item["label"],
            "why": item["why_en"] if english else item["why"], "basis": item["basis_en"] if english else item["basis"]}


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
    similar-case list (for held-out evaluation).
    """
    _validate(factors, occupation)
    findings = extract_factors(facts) if facts else {}
    standing = [_as_to_respondents(fact, respondents) for fact in find_standing(facts)] if facts else []
    assessed = [_assess_factor(weight, (factors or {}).get(weight.key), findings.get(weight.key)) for weight in WEIGHTS]
    values = {factor.key: factor.value for factor in assessed}
    score = round(sum(factor.weight * {"toward_labor": 1, "away": -1}.get(factor.direction, 0) for factor in assessed)
                  + _standing_points(standing), 2)
    category = categorise(values, score)
    status, status_reason = decide_status(values, score, category)
    confidence = _confidence(values, score, status)
    decided_by_law = decide_by_standing(standing, values, category)
    if decided_by_law is not None:
        category, status, status_reason = decided_by_law
        confidence = max(confidence, STANDING_CONFIDENCE) if status != CANNOT_TELL else min(confidence, 0.55)
    managing = find_managing_party(facts, respondents) if facts else ManagingParty(
        None, None, [], "未提供事实陈述。", reason_en="No account of the facts was given.")
    labels = find_contract_labels(facts) if facts else []
    cases = [case for case in (library if library is not None else _default_library()) if case.published]
    similar = similar_cases(facts, values, cases, occupation=occupation, exclude_ids=exclude_ids)
    # 不完全符合, or 劳动关系 on the 2005 elements alone, stated while hours, dispatch or attendance is
    # unasked still says what would change it; a fact that decides by law (a signed contract) does not.
    domination_open = decided_by_law is None and any(values.get(key) is None for key in DOMINATING) and (
        category == "incomplete_labor_relation" or (category == "labor_relation" and not is_dominated(values)))
    # A decision on a single strong factor (one sign of domination, or clear autonomy) says what to ask next.
    thin = decided_by_law is None and known_strong(values) < 2
    questions = open_questions(assessed, category) if status == CANNOT_TELL or domination_open or thin else []
    verdicts = category_verdicts(values, score, category, standing)
    lines = explanation_lines(category, status, status_reason, score, assessed, labels, managing, questions, verdicts,
                              standing)
    return Assessment(category, confidence, score, assessed, managing, similar, labels, status,
                      status_reason, questions, lines, verdicts, [fact.to_dict() for fact in standing])


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
    spans = [span.to_dict() for span in getattr(found, "spans", [])] if found else []
    if given is not None:
        value, source, evidence, rule = given, "given", [], "用户提供"
        spans = [dict(span, decisive=False) for span in spans]
    elif found is not None and found.value is not None:
        value, source, evidence, rule = found.value, "text", list(found.evidence), found.rule
    else:
        value, source, rule = None, "unknown", found.rule if found else "未提供"
        evidence = list(found.evidence) if found else []
    # "订单由系统派发" is half of "派单且不能拒单": counted at half weight (FactorFinding.partial).
    partial = source == "text" and getattr(found, "partial", False)
    contribution = _contribution(weight, value) * (PARTIAL_SHARE if partial else 1.0)
    direction = "toward_labor" if contribution > 0 else "away" if contribution < 0 else "neutral"
    return FactorAssessment(weight.key, weight.label_zh, value, source, direction, abs(contribution), evidence, rule,
                            spans, weight.strength, weight.basis, partial)


def _contribution(weight: FactorWeight, value: bool | None) -> float:
    if value is None:
        return 0.0
    return weight.if_true if value else weight.if_false


def known_strong(values: Mapping[str, bool | None]) -> int:
    """How many of the five strong factors are known, either way."""
    return sum(values.get(key) is not None for key in STRONG_KEYS)


def is_dominated(values: Mapping[str, bool | None]) -> bool:
    """Hours, dispatch or attendance is stated to be controlled (支配性劳动管理)."""
    return any(values.get(key) is True for key in DOMINATING)


def meets_2005_elements(values: Mapping[str, bool | None]) -> bool:
    """劳社部发〔2005〕12号第一条（2005年5月25日）: a labour relationship stands where the enterprise's
    rules apply to the worker, who is under its management doing paid work it arranges (第（二）项),
    and the work is part of its business (第（三）项). Read here as rules or penalties enforced, pay set
    by the enterprise and core business, all three shown. A stated freedom of hours, orders or
    attendance keeps it from applying alone: for platform work that freedom is what the guiding cases
    weigh against management (指导性案例239号、240号；人社部函〔2023〕36号案例2)."""
    return (values.get("penalties_or_rules_enforced") is True and values.get("platform_sets_pay") is True
            and values.get("work_is_core_business") is True
            and not any(values.get(key) is False for key in DOMINATING))


def categorise(values: Mapping[str, bool | None], score: float) -> str:
    """The category for these factor values and score (the three rules in the module docstring)."""
    dominated = is_dominated(values)
    if (dominated or meets_2005_elements(values)) and score >= LABOR_THRESHOLD:
        return "labor_relation"
    managed = dominated or any(values.get(key) is True for key in MANAGEMENT)
    if managed and values.get("platform_sets_pay") is not False:
        return "incomplete_labor_relation"
    return "civil_relation"


FEW_STRONG_KNOWN = Words("五项强因素（工作时间、派单、考勤、报酬、奖惩）中已知的不足两项",
                         "fewer than two of the five strong factors (hours, dispatch, attendance, pay, penalties) are known")
DOMINATION_AND_FREEDOM = Words("既有支配性管理的迹象，也有自主安排的表述，相互冲突",
                               "there are signs of dominating management and also statements that the worker arranges "
                               "the work, and they conflict")
ONE_SIGN_ONLY = Words("有一项支配性管理的迹象，但其余情况不足以认定支配性劳动管理",
                      "there is one sign of dominating management, but the rest is not enough to find dominating "
                      "labour management")
DOMINATION_UNASKED = Words("看得出企业在管理报酬或奖惩，但工作时间、派单、考勤是否受支配尚不清楚",
                           "the enterprise is seen managing pay or penalties, but whether hours, dispatch and "
                           "attendance are dominated is not yet clear")
NEITHER_WAY = Words("看不出企业的实质管理，但也缺少自主经营的明确事实",
                    "no real management by the enterprise is seen, but clear facts of independent business are missing too")
CONTRACT_CONTRADICTED = Words("陈述称订立了劳动合同，但又称工作时间、接单等由劳动者自主决定，相互矛盾",
                              "the account says a labour contract was signed, but also that the worker decides the "
                              "hours and the orders; the two contradict each other")


def decide_status(values: Mapping[str, bool | None], score: float, category: str) -> tuple[str, Words]:
    """("decided" | "cannot_tell", why). The facts decide only when:

    - at least two of the five strong factors are known (except the clear civil case below, and one
      dominating factor stated with nothing against it and the score past the threshold by
      ``ONE_SIGN_MARGIN``: 支配性劳动管理 is the core of the test, 指导性案例237号);
    - 劳动关系: the score reaches the threshold with no dominating factor pointing away, or clears it
      by 3 when one does (control of hours against free choice of orders is a real conflict);
    - 不完全符合确立劳动关系情形: management is shown and either at least two of hours / dispatch /
      attendance are known to be free, or at most one sign of domination stands and the score falls
      short of the labour threshold by more than ``INCOMPLETE_MARGIN`` (what is stated points away from
      domination, though not every question of it was answered) — otherwise domination has simply not
      been asked about;
    - 民事关系: no strong factor points toward a labour relationship and the score is at most
      ``CLEAR_AUTONOMY`` (one clear sign of autonomy: free hours, free orders, own price), or the score is
      at most 0 and either two of hours / dispatch / attendance are free or the worker sets the price
      (指导性案例239号、240号).
    """
    known = known_strong(values)
    dominated = sum(values.get(key) is True for key in DOMINATING)
    free = sum(values.get(key) is False for key in DOMINATING)
    toward = any(WEIGHT_BY_KEY[key].if_true > 0 and values.get(key) is True for key in STRONG_KEYS)
    if category == "civil_relation" and score <= CLEAR_AUTONOMY and not toward:
        return "decided", SAME
    if known == 1 and dominated and free == 0 and score >= LABOR_THRESHOLD + ONE_SIGN_MARGIN:
        return "decided", SAME
    if known < 2:
        return CANNOT_TELL, FEW_STRONG_KNOWN
    if category == "labor_relation":
        if free == 0 or score >= LABOR_THRESHOLD + 3:
            return "decided", SAME
        return CANNOT_TELL, DOMINATION_AND_FREEDOM
    if category == "incomplete_labor_relation":
        if dominated <= 1 and score < LABOR_THRESHOLD - INCOMPLETE_MARGIN:
            return "decided", SAME
        if dominated:
            return CANNOT_TELL, ONE_SIGN_ONLY
        if free >= 2:
            return "decided", SAME
        return CANNOT_TELL, DOMINATION_UNASKED
    if score <= 0 and (free >= 2 or values.get("platform_sets_pay") is False):
        return "decided", SAME
    return CANNOT_TELL, NEITHER_WAY


# A result the law decides from one stated fact (a signed labour contract, a pension) is stated at this
# confidence: the fact may still have to be proved, and bench/assess_eval.py prints how often it held.
STANDING_CONFIDENCE = 0.8


def _standing_points(standing: Sequence[StandingFact]) -> float:
    """Evidence of the kinds 劳社部发〔2005〕12号第二条 lists (social insurance, employer's insurance) adds
    ``STANDING_WEIGHT`` each toward a labour relationship; it proves the relationship, it is not a
    factor of how the work was managed, so it never stands in for dominating management."""
    return sum(STANDING_WEIGHT for fact in standing if fact.effect == "toward")


def decide_by_standing(standing: Sequence[StandingFact], values: Mapping[str, bool | None],
                       category: str) -> tuple[str, str, Words] | None:
    """(category, status, why) when a fact of legal standing decides, else None. In this order:

    - the worker already draws a pension: the dispute is handled as 劳务关系 whatever the management
      (劳动争议司法解释（一）第三十二条第一款);
    - a written labour contract was signed: the relationship rests on it (劳动合同法第十条、第十六条),
      unless two of hours / dispatch / attendance are stated to be free, when the account contradicts
      the contract and cannot tell;
    - the driver was hired by the owner of a vehicle run under the enterprise's name (挂靠): the hirer
      is a natural person, who cannot be an employer (劳社部发〔2005〕12号第一条第（一）项), and the
      enterprise's liability for work injury (工伤保险行政案件规定第三条第一款第（五）项) is not a
      labour relationship with it.
    """
    fact = deciding_fact(standing)
    if fact is None:
        return None
    if fact.key == "labour_contract_signed" and sum(values.get(key) is False for key in DOMINATING) >= 2:
        return category, CANNOT_TELL, CONTRACT_CONTRADICTED
    category = "labor_relation" if fact.effect == "labor" else "civil_relation"
    return category, "decided", Words("{why}（{basis}）", "{why} ({basis})").format(why=standing_why(fact),
                                                                                 basis=cite(fact.basis))


def _as_to_respondents(fact: StandingFact, respondents: Sequence[Mapping] | None) -> StandingFact:
    """A labour contract signed with a company that is not among the listed respondents does not
    decide the relationship with them: the relationship it proves is with the party that signed it
    (劳动合同法第十条、第十六条); with the respondents, the facts of the work decide."""
    if fact.key != "labour_contract_signed" or not fact.party or not respondents:
        return fact
    if any(names_the_same(fact.party, respondent.get("name")) for respondent in respondents):
        return fact
    return replace(fact, effect="other_party",
                   why=f"劳动合同是与“{fact.party}”订立的，该方不在所列被申请人中：合同证明的是与订立合同一方的劳动关系，"
                       "与被申请人之间是否存在劳动关系仍看用工事实",
                   why_en=f"The labour contract was signed with “{fact.party}”, which is not among the listed respondents: "
                          "it proves a labour relationship with the party that signed it; whether there is one with "
                          "the respondents still rests on the facts of the work")


def standing_why(fact: StandingFact) -> Words:
    """What a fact of standing means, in both languages."""
    return Words(fact.why, fact.why_en or fact.why)


DECIDING_ORDER = ("receives_pension", "labour_contract_signed", "hired_by_vehicle_owner")


def deciding_fact(standing: Sequence[StandingFact]) -> StandingFact | None:
    """The fact of standing that decides by law, in the order of ``decide_by_standing``."""
    by_key = {fact.key: fact for fact in standing if fact.effect in ("labor", "civil")}
    return next((by_key[key] for key in DECIDING_ORDER if key in by_key), None)


# The least confidence a decided answer is stated with. bench/assess_eval.py's reliability tables
# showed decided answers right far more often than stated when the floor was 0.5: 94 % on the
# development folds at a mean stated 0.69, 79 % on the sealed part at 0.65. At 0.65 the means are
# 0.78 and 0.75 (Brier 0.138 -> 0.092 and 0.185 -> 0.167); a higher floor scored slightly better still,
# but the sealed part is right less often than the development folds, and a floor that fits the cases
# the rules were written from would overstate what the tool knows of cases it has not seen.
DECIDED_FLOOR = 0.65


def _confidence(values: Mapping[str, bool | None], score: float, status: str = "decided") -> float:
    """0..1: grows with the distance of the score from the labour threshold and with how many of the
    five strong factors are known. A decided answer runs from ``DECIDED_FLOOR`` to 0.95 (never below
    even odds: deciding at 40 % would say the other answer is likelier); "cannot tell" (the leaning)
    starts near 0.3 and stays at most 0.55.
    This is a stated rule, not a fitted probability: bench/assess_eval.py prints how often each band
    was right on the held-out collection."""
    known = known_strong(values) / len(STRONG_KEYS)
    certainty = 1 - math.exp(-abs(score - LABOR_THRESHOLD) / 4)
    spread = certainty * (0.15 + 0.85 * known)
    if status == CANNOT_TELL:
        return min(round(0.3 + 0.65 * spread, 2), 0.55)
    return round(DECIDED_FLOOR + (0.95 - DECIDED_FLOOR) * spread, 2)


# --- open questions ------------------------------------------------------------------------------

EMPLOYER_BURDEN_WORDS = Words(
    "工资支付凭证、招用记录和考勤记录由用人单位负举证责任（劳社部发〔2005〕12号第二条）；"
    "与争议事项有关、由用人单位掌握管理的证据，用人单位应当提供，不提供的承担不利后果"
    "（劳动争议调解仲裁法第六条、第三十九条）",
    "The employer bears the burden of proof for pay records, hiring records and attendance records "
    "(Lao She Bu Fa [2005] No. 12, Art. 2); evidence about the matter in dispute that the employer holds and "
    "manages must be produced by it, and if it is not produced the employer bears the consequences "
    "(Labour Dispute Mediation and Arbitration Law, Arts 6, 39)")
WORKER_BURDEN_WORDS = Words("当事人对自己的主张有责任提供证据（劳动争议调解仲裁法第六条）",
                            "A party must provide evidence for what it claims (Labour Dispute Mediation and Arbitration Law, Art. 6)")


@dataclass(frozen=True)
class OpenQuestion:
    """What to ask about one factor, the evidence that answers it and who holds that evidence."""

    question: Words
    evidence: tuple[Words, ...]
    holder: Words
    burden: Words

    @property
    def burden_short(self) -> Words:
        """The burden in a line, for the factor table."""
        return EMPLOYER_BURDEN_SHORT if self.burden is EMPLOYER_BURDEN_WORDS else WORKER_BURDEN_SHORT


EMPLOYER_BURDEN_SHORT = Words(
    "用人单位掌握的证据由用人单位提供，不提供的承担不利后果（劳社部发〔2005〕12号第二条；劳动争议调解仲裁法第六条、第三十九条）",
    "Evidence the employer holds is for the employer to produce; if it does not, that counts against it "
    "(Lao She Bu Fa [2005] No. 12, Art. 2; Labour Dispute Mediation and Arbitration Law, Arts 6, 39)")
WORKER_BURDEN_SHORT = Words("主张的一方举证（劳动争议调解仲裁法第六条）",
                            "The party asserting it proves it (Labour Dispute Mediation and Arbitration Law, Art. 6)")


def _question(question, evidence, holder, burden) -> OpenQuestion:
    return OpenQuestion(Words(*question), tuple(Words(*item) for item in evidence), Words(*holder), burden)


QUESTIONS: dict[str, OpenQuestion] = {
    "platform_controls_hours": _question(
        ("每天什么时候上线、干多久，是自己决定，还是由站点（站长）、公司或平台排班、规定？休息要不要批准？",
         "When do you go online and for how long each day: do you decide, or does the station (its manager), the "
         "company or the platform set rotas and rules? Does a day off need approval?"),
        (("排班表或排班截图", "rotas or screenshots of them"), ("站点群里的排班、请假通知", "rota and leave notices in the station's chat group"),
         ("请假审批记录", "leave approval records"), ("平台在线时长记录", "the platform's online-time records")),
        ("企业（平台、站点）掌握系统排班和在线记录；工作群截图劳动者自己有",
         "The enterprise (platform, station) holds the system's rotas and online records; the worker has screenshots "
         "of the work chat group"),
        EMPLOYER_BURDEN_WORDS),
    "platform_assigns_orders_no_refusal": _question(
        ("订单是系统或站长派的，还是自己抢、自己挑？不接或拒单会怎样（扣钱、扣分、少派单、封号）？",
         "Are orders sent by the system or the station manager, or do you grab and pick them yourself? What happens if "
         "you do not take one or refuse it (money or points deducted, fewer orders, a blocked account)?"),
        (("派单和拒单记录（APP截图）", "dispatch and refusal records (screenshots of the app)"),
         ("因拒单被扣款、降级的记录", "records of deductions or demotion for refusing"),
         ("平台或站点的派单规则", "the platform's or the station's dispatch rules")),
        ("平台掌握派单与拒单日志；劳动者可截取APP页面",
         "The platform holds the dispatch and refusal logs; the worker can take screenshots of the app"),
        EMPLOYER_BURDEN_WORDS),
    "attendance_or_online_time_required": _question(
        ("有没有打卡、签到、早会，或者每天必须在线多长时间、每月必须出勤多少天？",
         "Is there clocking in, signing in or a morning meeting, or a number of hours you must be online each day or "
         "of days you must work each month?"),
        (("考勤或签到记录", "attendance or sign-in records"), ("早会通知、点名记录", "morning-meeting notices, roll calls"),
         ("在线时长统计", "online-time statistics"), ("全勤奖发放记录", "records of full-attendance bonuses")),
        ("企业掌握考勤记录", "The enterprise holds the attendance records"),
        EMPLOYER_BURDEN_WORDS),
    "platform_sets_pay": _question(
        ("报酬怎么算、谁定的？是企业定的单价、底薪、按月发放，还是自己定价、和客户谈？钱是谁付的？",
         "How is the pay worked out and who set it: a unit price, base pay or monthly pay set by the enterprise, or "
         "your own prices agreed with customers? Who pays you?"),
        (("工资条或结算单", "pay slips or statements"), ("银行或微信、支付宝收款流水", "bank, WeChat or Alipay records of payments received"),
         ("薪资规则截图", "screenshots of the pay rules"), ("发放报酬的账户名称", "the name of the account that pays")),
        ("企业掌握发放记录；劳动者有收款流水", "The enterprise holds the payment records; the worker has the record of payments received"),
        EMPLOYER_BURDEN_WORDS),
    "penalties_or_rules_enforced": _question(
        ("有没有罚款、扣款、扣分、降级、封号，或者必须遵守的规章制度、考核？",
         "Are there fines, deductions, points taken off, demotions or blocked accounts, or rules and reviews you "
         "must follow?"),
        (("罚款、扣款记录", "records of fines and deductions"), ("处罚或考核通知", "notices of penalties or reviews"),
         ("规章制度、平台规则", "work rules, the platform's rules"), ("站点群里的处罚通报", "penalty notices in the station's chat group")),
        ("企业掌握处罚和考核记录；劳动者可保存通知截图",
         "The enterprise holds the penalty and review records; the worker can keep screenshots of the notices"),
        EMPLOYER_BURDEN_WORDS),
    "long_term_stable_work": _question(
        ("干了多久，每周干几天、每天干几个小时？", "How long have you done the work, how many days a week and how many hours a day?"),
        (("接单或配送记录", "order or delivery records"), ("收入流水的起止时间", "the first and last dates of the income records"),
         ("工作群聊天记录", "messages in the work chat group")),
        ("平台掌握完整接单记录；劳动者有流水", "The platform holds the complete order records; the worker has the income records"),
        WORKER_BURDEN_WORDS),
    "can_work_multi_platform": _question(
        ("能不能同时在别的平台或别家接活？有没有独家或禁止的约定？",
         "Can you take work on other platforms or from others at the same time? Is there an exclusivity term or a ban?"),
        (("协议中的独家或竞业条款", "exclusivity or non-compete terms in the agreement"),
         ("在其他平台的接单记录", "order records on other platforms")),
        ("双方各自持有", "Each party holds its own"), WORKER_BURDEN_WORDS),
    "work_is_core_business": _question(
        ("这份工作是不是企业的主营业务（企业是直接经营配送、运输、家政等，还是只提供信息撮合）？",
         "Is this work the enterprise's core business (does it run delivery, transport, domestic services and the "
         "like itself, or does it only match supply and demand)?"),
        (("企业营业执照的经营范围", "the business scope on the enterprise's licence"),
         ("企业与平台的合作或承包协议", "the enterprise's cooperation or contracting agreement with the platform")),
        ("企业；经营范围可在企业信用信息公示系统查询",
         "The enterprise; its business scope can be looked up in the National Enterprise Credit Information Publicity System"),
        WORKER_BURDEN_WORDS),
}
WHY_ASKED = {"未知": Words("陈述没有提到这一点", "the account does not mention this"),
             "矛盾": Words("陈述中的说法相互矛盾", "the account says different things about this"),
             "核实": Words("这一点与其余事实的指向相反，需要核实", "this points the other way from the rest of the facts and needs checking"),
             "自愿": Words("陈述只提到奖励、补贴或自愿参加的活动所附的条件",
                         "the account mentions only the terms of a reward, a subsidy or an incentive the worker chose to join")}


def only_incentive_terms(factor: FactorAssessment) -> bool:
    """Every statement about the factor is a term of a reward or of an incentive the worker chose to
    join (read, not counted: casebase.factors._apply_opt_in and _apply_thresholds)."""
    return bool(factor.spans) and not any(span.get("counted", True) for span in factor.spans)


def open_questions(assessed: Sequence[FactorAssessment], category: str) -> list[Question]:
    """The two or three questions whose answers would decide: the unknown (or contradictory) strong
    factors first, heaviest first; then, if none is unknown, the strong factors pointing against the
    leaning, to be checked."""
    by_key = {factor.key: factor for factor in assessed}
    def size(key: str) -> float:
        weight = WEIGHT_BY_KEY[key]
        return max(abs(weight.if_true), abs(weight.if_false))
    unknown = [key for key in (*DOMINATING, *MANAGEMENT, "long_term_stable_work", "can_work_multi_platform",
                               "work_is_core_business") if by_key[key].value is None]
    unknown.sort(key=lambda key: (key not in DOMINATING, -size(key)))
    picked = [(key, "自愿" if only_incentive_terms(by_key[key]) else "矛盾" if by_key[key].spans else "未知") for key in unknown]
    if len(picked) < 2:
        leaning_labor = category == "labor_relation"
        against = [factor.key for factor in assessed if factor.key in STRONG_KEYS and factor.value is not None
                   and (factor.direction == "away") == leaning_labor]
        picked += [(key, "核实") for key in against]
    questions = []
    for key, reason in picked[:QUESTION_LIMIT]:
        asked = QUESTIONS[key]
        questions.append(Question(key, asked.question, list(asked.evidence), asked.holder, asked.burden, WHY_ASKED[reason]))
    return questions


# --- similar cases -------------------------------------------------------------------------------

@lru_cache(maxsize=2048)
def _term_counts(text: str) -> Counter:
    return Counter(token for token in tokens(text) if len(token) > 1)


# A word two cases share is named as a reason only when it tells cases apart: a whole word (not
# 动车 or 电动 inside 电动车), no stopword or general word (每天, 自己, 才能), and found in at most
# this share of the cases (公司 is in 87% of the library's facts).
TELLING_SHARE = 0.35
TELLING_WORDS = 5


@lru_cache(maxsize=4096)
def _whole_words(text: str) -> frozenset[str]:
    """The words of a text, without the words inside them (the library's facts are read each call)."""
    return frozenset(words(text))


def _telling_words(facts: str, case_facts: str, document_share: Mapping[str, float]) -> list[str]:
    """The rarest whole words the two texts share that say something, at most ``TELLING_WORDS``."""
    vocab = vocabulary()
    shared = _whole_words(facts) & _whole_words(case_facts)
    telling = [word for word in shared
               if is_content_word(word) and word not in vocab.stopwords and word not in vocab.general
               and document_share.get(word, 0.0) <= TELLING_SHARE]
    return sorted(telling, key=lambda word: (document_share.get(word, 0.0), word))[:TELLING_WORDS]


def _idf(cases: Sequence[TypicalCaseRecord]) -> dict[str, float]:
    document_frequency = Counter(term for case in cases for term in _term_counts(case.facts))
    total = len(cases)
    return {term: math.log((1 + total) / (1 + count)) + 1 for term, count in document_frequency.items()}


def _cosine(query: Counter, document: Counter, idf: Mapping[str, float]) -> float:
    shared = set(query) & set(document)
    if not shared:
        return 0.0
    default = max(idf.values(), default=1.0)
    dot = sum(query[t] * document[t] * idf.get(t, default) ** 2 for t in shared)
    norm_q = math.sqrt(sum((n * idf.get(t, default)) ** 2 for t, n in query.items()))
    norm_d = math.sqrt(sum((n * idf.get(t, default)) ** 2 for t, n in document.items()))
    return dot / (norm_q * norm_d)


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
    share = _document_share(pool) if facts else {}
    ranked = [_similar(case, facts, query, values, idf, share, occupation) for case in pool]
    ranked.sort(key=lambda case: -case.score)
    return [case for case in ranked[:limit] if case.score > 0]


def _document_share(cases: Sequence[TypicalCaseRecord]) -> dict[str, float]:
    """For each whole word of the cases' facts, the share of the cases using it."""
    counts = Counter(word for case in cases for word in _whole_words(case.facts))
    return {word: count / len(cases) for word, count in counts.items()}


def _similar(case: TypicalCaseRecord, facts: str, query: Counter, values: Mapping[str, bool | None],
             idf: Mapping[str, float], share: Mapping[str, float], occupation: str | None) -> SimilarCase:
    agreement, agreeing = _factor_agreement(values, case.factors)
    differing = [key for key in FACTOR_KEYS if values.get(key) is not None and case.factors.get(key) is not None
                 and case.factors.get(key) != values[key]]
    text = _cosine(query, _term_counts(case.facts), idf) if query else 0.0
    shared_words = _telling_words(facts, case.facts, share) if text else []
    score = 0.5 * agreement + 0.5 * text if query else agreement
    reasons = []
    if agreeing:
        reasons.append(Words("要素一致：", "Same factors: ") + LIST.join(_short_label(key, values[key]) for key in agreeing))
    if shared_words:
        reasons.append(Words("案情用语相近：", "Words in common: ") + LIST.join(shared_words))
    if differing:
        reasons.append(Words("不同：", "Different: ") + LIST.join(_short_label(key, case.factors[key]) for key in differing[:2]))
    if occupation and case.occupation == occupation:
        score += 0.05
        reasons.append(Words("同为{occupation}", "Also a {occupation}").format(occupation=OCCUPATION_WORDS[occupation]))
    why = CLAUSES.join(reasons) if reasons else Words("相似度较低", "Little alike")
    return SimilarCase(case.id, case.title, case.outcome, round(score, 3), why, agreeing, differing)


def _short_label(key: str, value: bool) -> Words:
    return WEIGHT_BY_KEY[key].when(value)


# --- explanation: generated line by line from the factor table -----------------------------------

CATEGORY_REASONS = {
    "labor_relation": Words(
        "工作时间、派单或考勤受企业支配，达到支配性劳动管理的程度，符合劳社部发〔2005〕12号第一条的情形。",
        "Hours, dispatch or attendance are dominated by the enterprise to the degree of dominating labour management, "
        "as Lao She Bu Fa [2005] No. 12, Art. 1 describes."),
    "incomplete_labor_relation": Words(
        "企业确定报酬或以规则、评分、奖惩管理劳动过程，但工作时间、接单和考勤未受支配，未达到支配性劳动管理；"
        "企业应与劳动者订立书面协议，报酬不低于工作地小时最低工资标准（人社厅发〔2023〕50号）。",
        "The enterprise sets the pay or manages the work by rules, ratings, rewards and penalties, but hours, orders and "
        "attendance are not dominated, so the management falls short of dominating labour management; the enterprise "
        "should sign a written agreement with the worker and pay no less than the local hourly minimum wage "
        "(Ren She Ting Fa [2023] No. 50)."),
    "civil_relation": Words(
        "未见企业对工作时间和劳动过程的实质管理，或报酬由劳动者自主定价、协商分成，更接近自主经营或自由职业。",
        "No real management of hours or of the work by the enterprise is seen, or the worker sets the price or "
        "negotiates a share: this is closer to independent business or freelance work."),
}
ELEMENTS_REASON = Words(
    "企业的规章制度和奖惩适用于劳动者，劳动者从事企业安排并付酬的劳动，且属于企业业务的组成部分，"
    "符合劳社部发〔2005〕12号第一条的情形；工作时间、接单是否受支配尚未说明，如企业主张劳动者可自主安排，"
    "应核实下列问题。",
    "The enterprise's rules, rewards and penalties apply to the worker, who does paid work the enterprise arranges, "
    "and the work is part of its business, as Lao She Bu Fa [2005] No. 12, Art. 1 describes; whether hours and orders "
    "are dominated has not been said, so if the enterprise says the worker arranges them, check the questions below.")
METHOD = Words(
    "方法：依劳社部发〔2005〕12号第一条，结合最高人民法院指导性案例237号“支配性劳动管理”的考量因素"
    "（工作时间和工作量的自主程度、劳动过程受管理控制的程度、是否须遵守工作规则和算法规则、工作的持续性、"
    "能否决定或改变交易价格），按人社部发〔2021〕56号区分劳动关系、不完全符合确立劳动关系情形、"
    "个人依托平台自主开展经营活动三类；协议名称不决定关系，以实际履行为准。",
    "Method: Lao She Bu Fa [2005] No. 12, Art. 1, with the factors of \"dominating labour management\" in the Supreme "
    "People's Court's Guiding Case No. 237 (how freely the worker decides hours and workload, how far the work is "
    "managed and controlled, whether work rules and algorithmic rules must be followed, how continuous the work is, "
    "whether the worker can set or change the price), sorted into the three categories of Ren She Bu Fa [2021] "
    "No. 56: a labour relationship, not fully meeting a labour relationship, and independent business through a "
    "platform. The name of an agreement does not decide the relationship; what was actually done does.")
ACTOR_WORDS = {"station_manager": Words("站长等现场管理人员", "the station manager or other on-site manager"),
               "agent": Words("代理商或中介", "an agent or intermediary"),
               "cooperating_company": Words("合作用工企业", "a cooperating company"),
               "platform": Words("平台（系统）", "the platform or its system"), "company": Words("企业", "the enterprise"),
               "worker": Words("劳动者本人", "the worker"), }


def category_verdicts(values: Mapping[str, bool | None], score: float, category: str,
                      standing: Sequence[StandingFact] = ()) -> list[dict]:
    """The three categories of 人社部发〔2021〕56号, each with whether the facts meet it and why (in
    Chinese and English); a fact of standing that decides by law (``decide_by_standing``) is the
    reason for the category it decides."""
    dominated = [_short_label(key, True) for key in DOMINATING if values.get(key) is True]
    free = [_short_label(key, False) for key in DOMINATING if values.get(key) is False]
    managed = [_short_label(key, True) for key in MANAGEMENT if values.get(key) is True]
    own_price = values.get("platform_sets_pay") is False
    if dominated:
        labor_why = Words("有支配性管理的事实（{facts}），合计{score:g}分",
                          "facts of dominating management ({facts}), {score:g} points in all").format(
            facts=LIST.join(dominated), score=score)
    elif category == "labor_relation":
        labor_why = Words("企业的规章和奖惩适用于劳动者、由企业确定并支付报酬、工作属于企业业务，"
                          "劳社部发〔2005〕12号第一条所列情形均已具备，合计{score:g}分",
                          "the enterprise's rules and penalties apply to the worker, it sets and pays the pay and the "
                          "work is part of its business: each element of Lao She Bu Fa [2005] No. 12, Art. 1 is there, "
                          "{score:g} points in all").format(score=score)
    else:
        labor_why = Words("未见工作时间、派单或考勤受企业支配的事实", "no fact shows hours, dispatch or attendance dominated by the enterprise")
    if dominated and score < LABOR_THRESHOLD:
        labor_why += Words("，不足{threshold:g}分", ", short of {threshold:g}").format(threshold=LABOR_THRESHOLD)
    if category == "labor_relation" and not dominated:
        incomplete_why = Words("已具备劳社部发〔2005〕12号第一条所列情形，应按劳动关系处理，而不是本类",
                               "the elements of Lao She Bu Fa [2005] No. 12, Art. 1 are there: this is a labour "
                               "relationship, not this category")
    elif category == "labor_relation":
        incomplete_why = Words("企业的管理已达到支配性劳动管理的程度，应按劳动关系处理，而不是本类",
                               "the management reaches dominating labour management: this is a labour relationship, "
                               "not this category")
    elif managed or dominated:
        incomplete_why = Words("企业有劳动管理（{facts}）", "the enterprise manages the work ({facts})").format(
            facts=LIST.join(managed or dominated))
    else:
        incomplete_why = Words("未见企业确定报酬或以奖惩、规则管理劳动过程",
                               "the enterprise is not seen setting the pay or managing the work by rules and penalties")
    if free and category != "labor_relation":
        incomplete_why += Words("；同时{facts}", "; at the same time, {facts}").format(facts=LIST.join(free))
    if own_price:
        civil_why = Words("劳动者自主定价或协商分成", "the worker sets the price or negotiates a share")
    elif free and not managed and not dominated:
        civil_why = Words("{facts}，且未见其他实质管理", "{facts}, and no other real management is seen").format(
            facts=LIST.join(free))
    elif managed or dominated:
        civil_why = Words("企业对劳动过程有管理，不是单纯的自主经营", "the enterprise manages the work: this is not plain independent business")
    else:
        civil_why = Words("缺少自主经营的明确事实", "clear facts of independent business are missing")
    labor_basis = cite("劳社部发〔2005〕12号第一条；指导性案例237号")
    fact = deciding_fact(standing)
    if fact is not None and category == ("labor_relation" if fact.effect == "labor" else "civil_relation"):
        by_law = Words("{why}（“{quote}”）", "{why} (“{quote}”)").format(why=standing_why(fact), quote=fact.quote)
        if fact.effect == "labor":
            labor_why, labor_basis = by_law, cite(fact.basis)
            incomplete_why = Words("已订立劳动合同，应按劳动关系处理，而不是本类",
                                   "a labour contract was signed: this is a labour relationship, not this category")
        else:
            labor_why = incomplete_why = civil_why = by_law
            labor_basis = cite(fact.basis)
    rows = (("labor_relation", labor_why, labor_basis),
            ("incomplete_labor_relation", incomplete_why, cite("人社部发〔2021〕56号")),
            ("civil_relation", civil_why, cite("人社部发〔2021〕56号；指导性案例239号、240号")))
    return [{"key": key, "label": CATEGORY_WORDS[key].zh, "label_en": CATEGORY_WORDS[key].en, "met": category == key,
             "why": why.zh, "why_en": why.en, "basis": basis.zh, "basis_en": basis.en} for key, why, basis in rows]


STANDING_EFFECT_WORDS = {"labor": Words("依法决定：劳动关系", "decided by law: a labour relationship"),
                         "other_party": Words("不据此认定与被申请人之间的关系", "does not decide the relationship with the respondents"),
                         "civil": Words("依法决定：不构成劳动关系", "decided by law: no labour relationship"),
                         "toward": Words("指向劳动关系", "points to a labour relationship")}


def _standing_quote(fact: StandingFact) -> dict:
    return {"text": fact.quote, "start": fact.start, "end": fact.end, "words": fact.words}


def _standing_line(fact: StandingFact) -> ExplanationLine:
    added = Words("，+{points}", ", +{points}").format(points=points(STANDING_WEIGHT)) if fact.effect == "toward" else SAME
    text = Words("{why}。依据：“{quote}”；{effect}（{basis}{points}）。", "{why}. On the words: “{quote}”; {effect} ({basis}{points}).")
    return ExplanationLine("standing", text.format(why=standing_why(fact), quote=fact.quote,
                                                   effect=STANDING_EFFECT_WORDS[fact.effect], basis=cite(fact.basis),
                                                   points=added), quotes=[_standing_quote(fact)])


def _quote(span: Mapping) -> dict:
    return {"text": span["quote"], "start": span["start"], "end": span["end"], "words": span["words"]}


def _span_ground(span: Mapping) -> Words:
    """One quoted statement with what the reading noted of it (who acts, negation, condition, mode)."""
    notes = [ACTOR_WORDS[span["actor"]]] if span.get("actor") else []
    if span.get("negated"):
        notes.append(Words("否定表述", "negated"))
    if span.get("condition"):
        notes.append(Words("附条件：{condition}", "on a condition: “{condition}”").format(condition=span["condition"]))
    if MODE_WORDS.get(span.get("mode")):
        notes.append(MODE_WORDS[span["mode"]])
    quoted = same("“" + span["quote"] + "”")
    return quoted + Words("（{notes}）", " ({notes})").format(notes=Words("，", "; ").join(notes)) if notes else quoted


def _factor_line(factor: FactorAssessment) -> ExplanationLine:
    weight = WEIGHT_BY_KEY[factor.key]
    decisive = factor.decisive_spans
    if factor.source == "given":
        ground = Words("依据：用户确认", "On: the user's answer")
    elif decisive:
        ground = Words("依据：", "On the words: ") + Words("、", ", ").join(_span_ground(span) for span in decisive[:2])
    elif factor.spans and only_incentive_terms(factor):
        ground = Words("依据：", "On the words: ") + Words("、", ", ").join(_span_ground(span) for span in factor.spans[:2]) \
            + Words("，只是奖励、补贴或劳动者自愿参加的活动所附的条件，不是企业强制的工作安排",
                    ", only the terms of a reward, a subsidy or an incentive the worker chose to join, not work the "
                    "enterprise imposes")
    elif factor.spans:
        ground = Words("依据：陈述中的说法相互矛盾", "On: the account says different things")
    else:
        ground = Words("依据：陈述未提及", "On: the account does not say")
    if factor.partial:
        ground += Words("（只说明了派单，未说明能否拒单、拒单的后果，按一半计分）",
                        " (only dispatch is stated, not whether orders can be refused or what refusing costs; counted at half)")
    if factor.value is None:
        pointing = Words("不计分", "not counted")
    else:
        pointing = {"toward_labor": Words("指向劳动关系", "points to a labour relationship"),
                    "away": Words("指向相反", "points the other way"),
                    "neutral": Words("不计分", "not counted")}[factor.direction]
        strength = STRENGTH_WORDS[weight.strength]
        if factor.weight:
            sign = "+" if factor.direction == "toward_labor" else "−" if factor.direction == "away" else "±"
            pointing += Words("（{strength}，{sign}{points}）", " ({strength}, {sign}{points})").format(
                strength=strength, sign=sign, points=points(factor.weight))
        else:
            pointing += Words("（{strength}）", " ({strength})").format(strength=strength)
    text = Words("{label}：{value}。{ground}；{pointing}。", "{label}: {value}. {ground}; {pointing}.").format(
        label=weight.label, value=VALUE_WORDS[factor.value], ground=ground, pointing=pointing)
    quotes = [_quote(span) for span in decisive] if factor.source == "text" else []
    return ExplanationLine("factor", text, factor.key, quotes)


NONE = Words("无", "none")


def points(amount: float) -> Words:
    """A number of points: "3分" / "3 points", "1 point"."""
    return Words(f"{amount:g}分", f"{amount:g} point" + ("" if amount == 1 else "s"))


def explanation_lines(category: str, status: str, status_reason: Words, score: float,
                      assessed: Sequence[FactorAssessment], labels: Sequence[str], managing: ManagingParty,
                      questions: Sequence[Question], verdicts: Sequence[Mapping],
                      standing: Sequence[StandingFact] = ()) -> list[ExplanationLine]:
    """The explanation, one line per point, all from the same table the page shows."""
    if status == CANNOT_TELL:
        head = Words("暂无法判断（目前倾向：{leaning}）：{reason}。", "Cannot tell yet (leaning: {leaning}): {reason}.").format(
            leaning=CATEGORY_WORDS[category], reason=status_reason)
    else:
        head = Words("初步判断：{category}。", "First view: {category}.").format(category=CATEGORY_WORDS[category])
    lines = [ExplanationLine("result", head), ExplanationLine("method", METHOD)]
    known = [factor for factor in assessed if factor.value is not None or factor.spans]
    lines += [_factor_line(factor) for factor in known]
    lines += [_standing_line(fact) for fact in standing]
    toward = [_short_label(factor.key, factor.value) for factor in assessed if factor.direction == "toward_labor"]
    away = [_short_label(factor.key, factor.value) for factor in assessed if factor.direction == "away"]
    lines.append(ExplanationLine("summary", Words("指向劳动关系：{toward}；指向相反：{away}。",
                                                  "Toward a labour relationship: {toward}; the other way: {away}.").format(
        toward=LIST.join(toward) if toward else NONE, away=LIST.join(away) if away else NONE)))
    plus = sum(factor.weight for factor in assessed if factor.direction == "toward_labor")
    minus = sum(factor.weight for factor in assessed if factor.direction == "away")
    proof = _standing_points(standing)
    proof_words = Words("，用工凭证+{proof:g}分", ", evidence of employment +{proof:g}").format(proof=proof) if proof else SAME
    lines.append(ExplanationLine("score", Words(
        "计分：按上表各因素的权重相加（强因素2至3分，中等1至1.5分，弱0.5分），指向劳动关系+{plus:g}分，"
        "指向相反−{minus:g}分{proof}，合计{score:g}分；认定劳动关系须至少一项支配性因素（工作时间、派单、考勤），"
        "或在未见自主安排时间、接单的陈述时同时具备奖惩规则、企业确定报酬和属于企业业务"
        "（劳社部发〔2005〕12号第一条），且合计不低于{threshold:g}分。",
        "Score: the weights of the factors above added up (strong factors 2 to 3 points, medium 1 to 1.5, weak 0.5): "
        "+{plus:g} toward a labour relationship, −{minus:g} the other way{proof}, {score:g} in all. A labour "
        "relationship needs at least one dominating factor (hours, dispatch, attendance), or, where nothing says the "
        "worker arranges hours or orders, rules and penalties, pay set by the enterprise and work in its business all "
        "together (Lao She Bu Fa [2005] No. 12, Art. 1), and a total of at least {threshold:g}.").format(
        plus=plus, minus=minus, proof=proof_words, score=score, threshold=LABOR_THRESHOLD)))
    for verdict in verdicts:
        met = Words("符合", "met") if verdict["met"] else Words("不符合", "not met")
        lines.append(ExplanationLine("category", Words("{label}：{met}——{why}（{basis}）。", "{label}: {met} — {why} ({basis}).").format(
            label=Words(verdict["label"], verdict["label_en"]), met=met, why=Words(verdict["why"], verdict["why_en"]),
            basis=Words(verdict["basis"], verdict["basis_en"]))))
    fact = deciding_fact(standing)
    if fact is not None and status != CANNOT_TELL and category == (
            "labor_relation" if fact.effect == "labor" else "civil_relation"):
        lines.append(ExplanationLine("category", Words("依法：{why}（{basis}）。", "By law: {why} ({basis}).").format(
            why=standing_why(fact), basis=cite(fact.basis)), quotes=[_standing_quote(fact)]))
    else:
        on_elements = category == "labor_relation" and not is_dominated({f.key: f.value for f in assessed})
        lines.append(ExplanationLine("category", ELEMENTS_REASON if on_elements else CATEGORY_REASONS[category]))
    if labels:
        lines.append(ExplanationLine("label", Words(
            "协议名称或表述（{labels}）不决定法律关系，应以用工事实为准（劳动合同法第七条；指导性案例237号）。",
            "The agreement's name or wording ({labels}) does not decide the legal relationship; the facts of the work do "
            "(Labour Contract Law, Art. 7; Guiding Case No. 237).").format(labels=LIST.join(labels[:4]))))
    if any(factor.key == "registered_as_individual_business" and factor.value for factor in assessed):
        lines.append(ExplanationLine("label", Words(
            "登记为个体工商户不影响劳动关系的认定（指导性案例238号）。",
            "Registration as an individual business does not affect the finding of a labour relationship "
            "(Guiding Case No. 238).")))
    if managing.name and category != "civil_relation":
        lines.append(ExplanationLine("managing_party", Words("实际用工管理者：{name}（{reason}）。",
                                                             "Who actually manages the work: {name} ({reason}).").format(
            name=managing.name, reason=managing.reason), quotes=[{"text": clause} for clause in managing.evidence]))
    elif managing.open_question and category != "civil_relation":
        lines.append(ExplanationLine("managing_party", Words("用人单位待查明：{question}", "The employer is still to be found: {question}").format(
            question=managing.open_question)))
    for number, question in enumerate(questions, 1):
        lines.append(ExplanationLine("question", Words(
            "待查明{number}：{question}（{why}）可用证据：{evidence}；{holder}。",
            "Open question {number}: {question} ({why}) Evidence that answers it: {evidence}. {holder}.").format(
            number=number, question=question.question, why=question.why, evidence=LIST.join(question.evidence),
            holder=question.holder), question.factor))
    if questions:
        lines.append(ExplanationLine("question", Words("举证：{burden}。", "Burden of proof: {burden}.").format(
            burden=EMPLOYER_BURDEN_WORDS)))
    lines.append(ExplanationLine("disclaimer", DISCLAIMER_WORDS))
    return lines

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
and composed once: each line of ``lines`` says the same in both (``line.in_language``). The table
is ``casebase.weights``; the open questions ``casebase.questions``; similar cases ``casebase.similar``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .factors import STANDING_WEIGHT, FactorFinding, StandingFact, extract_factors, find_contract_labels, find_standing
from .managing_party import ManagingParty, find_managing_party, names_the_same
from .questions import EMPLOYER_BURDEN_WORDS, QUESTIONS, OpenQuestion, Question, only_incentive_terms, open_questions
from .records import OCCUPATIONS, TypicalCaseRecord, load_library
from .similar import SimilarCase, similar_cases
from .weights import (
    CATEGORY_LABELS, CATEGORY_WORDS, DOMINATING, LABOR_THRESHOLD, MANAGEMENT, PARTIAL_SHARE, STRENGTH_WORDS, STRONG_KEYS,
    WEIGHT_BY_KEY, WEIGHTS, FactorWeight, cite, short_label,
)
from .wording import LIST, SAME, Words, same


DISCLAIMER_WORDS = Words(
    "本评估仅为调解、仲裁提供参考，不是裁决；是否存在劳动关系以劳动人事争议仲裁委员会或人民法院的认定为准。",
    "This assessment only supports mediation and arbitration; it is not a ruling. Whether a labour relationship "
    "exists is for the labour and personnel dispute arbitration commission or the people's court to find.")
DISCLAIMER = DISCLAIMER_WORDS.zh


# "Cannot tell yet": shown instead of a category when the facts do not decide (see ``decide_status``).
CANNOT_TELL = "cannot_tell"
RESULT_WORDS = {**CATEGORY_WORDS, CANNOT_TELL: Words("暂无法判断", "Cannot tell yet")}
RESULT_LABELS = {key: words.zh for key, words in RESULT_WORDS.items()}
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
    if decided_by_law is not None and not managing.name:
        managing = _contract_employer(deciding_fact(standing), respondents) or managing
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


def _contract_employer(fact: StandingFact | None, respondents: Sequence[Mapping] | None) -> ManagingParty | None:
    """The employer a signed labour contract names, when the account names the company it was signed with."""
    if fact is None or fact.key != "labour_contract_signed" or not fact.party:
        return None
    listed = next((respondent for respondent in respondents or () if names_the_same(fact.party, respondent.get("name"))), None)
    name = listed.get("name") if listed else fact.party
    return ManagingParty(name, listed.get("kind") if listed else None, [fact.quote],
                         f"陈述称与“{fact.party}”订立了劳动合同，订立合同的一方是用人单位（劳动合同法第十条）",
                         reason_en=f"the account says the labour contract was signed with “{fact.party}”: the party "
                                   "that signed it is the employer (Labour Contract Law, Art. 10)")


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
    dominated = [short_label(key, True) for key in DOMINATING if values.get(key) is True]
    free = [short_label(key, False) for key in DOMINATING if values.get(key) is False]
    managed = [short_label(key, True) for key in MANAGEMENT if values.get(key) is True]
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
    toward = [short_label(factor.key, factor.value) for factor in assessed if factor.direction == "toward_labor"]
    away = [short_label(factor.key, factor.value) for factor in assessed if factor.direction == "away"]
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

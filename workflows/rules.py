"""Rules of law that are not a clock: final award, collective disputes, simple procedure."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

import glossary

from .errors import GuardRefused

CENT = Decimal("0.01")

# Claim kinds of domain/glossary.md, with how 《劳动争议调解仲裁法》第四十七条 treats them:
# "amount" — pay, work-injury medical costs, severance or damages: final up to 12× the monthly
#            minimum wage; "always" — working time, rest and leave, social insurance under national
#            standards: final whatever the amount; "medical" — final only as work-injury medical costs;
#            "never" — outside Art. 47.
FINAL_AWARD_TREATMENT = {
    "confirm_labor_relation": "never",
    "wage_arrears": "amount",
    "minimum_wage_shortfall": "amount",
    "overtime": "amount",
    "holiday_pay": "amount",
    "weather_subsidy": "amount",
    "economic_compensation": "amount",
    "unlawful_termination_compensation": "amount",
    "double_wages_no_contract": "amount",
    "work_injury": "medical",
    "medical_expenses": "medical",
    "social_insurance": "always",
    "illegal_deduction": "amount",
    "deposit_refund": "never",
    "forced_individual_business": "never",
    "multi_platform_restriction": "never",
    "discrimination": "never",
    "algorithm_rules": "never",
    "tort_damages": "never",
    "other": "never",
}
CLAIM_KINDS = {key: (glossary.CLAIMS[key].zh, treatment) for key, treatment in FINAL_AWARD_TREATMENT.items()}

# Only in award items: a dispute on working time, rest or leave that is not a claim for money
# (Art. 47(2)); the glossary's claim kinds have no key for it.
AWARD_ONLY_KINDS = {"working_time": ("工作时间、休息休假", "always")}
AWARD_ITEM_KINDS = {**CLAIM_KINDS, **AWARD_ONLY_KINDS}

# An award given only as a total over several claims cannot be judged item by item.
UNITEMISED = "unitemised"

# 拖欠劳动报酬 for the limitation exception of Art. 27(4).
PAY_CLAIM_KINDS = frozenset({
    "wage_arrears", "minimum_wage_shortfall", "overtime", "holiday_pay", "weather_subsidy",
    "illegal_deduction",
})

COLLECTIVE_MIN_WORKERS = 10
REPRESENTATIVES = range(3, 6)


@dataclass(frozen=True)
class ItemVerdict:
    kind: str
    amount: Decimal | None
    final: bool
    reason_zh: str
    reason_en: str = ""


@dataclass(frozen=True)
class FinalAwardResult:
    final: bool
    mixed: bool
    threshold: Decimal
    items: list = field(default_factory=list)

    def as_data(self):
        """A JSON-serialisable dict (amounts as strings), for the event's history data."""
        return {
            "final": self.final,
            "mixed": self.mixed,
            "threshold": str(self.threshold),
            "items": [
                {"kind": v.kind, "amount": None if v.amount is None else str(v.amount),
                 "final": v.final, "reason_zh": v.reason_zh, "reason_en": v.reason_en}
                for v in self.items
            ],
        }


def _item_value(item, key, default=None):
    if isinstance(item, Mapping):
        return item.get(key, default)
    return getattr(item, key, default)


def _judge_item(item, threshold):
    kind = _item_value(item, "kind")
    amount = _item_value(item, "amount")
    amount = None if amount is None else Decimal(amount)
    if kind == UNITEMISED:
        return ItemVerdict(kind, amount, False, "多项请求未逐项列明裁决金额，无法逐项判断，按非终局裁决处理",
                           "several claims without item amounts cannot be judged item by item: not final")
    label, treatment = AWARD_ITEM_KINDS.get(kind, ("未知事项", "never"))
    if treatment == "medical" and not _item_value(item, "work_injury_medical", False):
        return ItemVerdict(kind, amount, False, f"{label}：仅工伤医疗费适用终局裁决",
                           "only work-injury medical costs are final")
    if treatment == "never":
        return ItemVerdict(kind, amount, False, f"{label}：不属于第四十七条规定的终局裁决事项",
                           "not a matter for a final award under Art. 47")
    if treatment == "always":
        return ItemVerdict(kind, amount, True, f"{label}：执行国家劳动标准的争议，终局裁决",
                           "a dispute under national labour standards: final")
    if amount is None:
        return ItemVerdict(kind, amount, False, f"{label}：未列明裁决金额，不能按终局裁决处理",
                           "no amount awarded: cannot be final")
    if amount <= threshold:
        return ItemVerdict(kind, amount, True, f"{label}：{amount} 元不超过 {threshold} 元，终局裁决",
                           f"{amount} does not exceed {threshold}: final")
    return ItemVerdict(kind, amount, False, f"{label}：{amount} 元超过 {threshold} 元，非终局裁决",
                       f"{amount} exceeds {threshold}: not final")


def final_award_assessment(items, monthly_minimum_wage):
    """Judge an award item by item for the final-award rule (一裁终局).

    《劳动争议调解仲裁法》第四十七条: pay, work-injury medical costs, severance and damages not
    exceeding 12 × the local monthly minimum wage, and disputes on working time, rest and leave and
    social insurance under national standards, are final. Each item is judged on its own amount
    (《劳动人事争议仲裁办案规则》第五十条); exactly 12× is still final. An award mixing final and
    non-final items is treated as non-final (《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》
    第二十条), so `final` is False and `mixed` True. Items: mappings or objects with `kind`,
    `amount` (Decimal or None) and optionally `work_injury_medical`.
    """
    threshold = (Decimal(monthly_minimum_wage) * 12).quantize(CENT)
    verdicts = [_judge_item(item, threshold) for item in items]
    finals = [v.final for v in verdicts]
    return FinalAwardResult(
        final=bool(finals) and all(finals),
        mixed=any(finals) and not all(finals),
        threshold=threshold,
        items=verdicts,
    )


def _claim_kinds(claims):
    kinds = set()
    for claim in claims:
        kinds.add(claim if isinstance(claim, str) else _item_value(claim, "kind"))
    return kinds - {None}


def is_collective(workers_count, claims):
    """Ten or more workers with a common claim (《劳动争议调解仲裁法》第七条).

    `claims` are the claims the workers bring together (strings, mappings or objects with `kind`);
    any one of them is a common claim.
    """
    return workers_count >= COLLECTIVE_MIN_WORKERS and bool(_claim_kinds(claims))


@dataclass(frozen=True)
class SimpleProcedure:
    """Whether a case may be handled by simple procedure, and the grounds and bars found."""

    eligible: bool
    grounds: tuple = ()
    bars: tuple = ()

    def __bool__(self):
        return self.eligible


def simple_procedure_eligible(*, facts_clear=False, amount_claimed=None, average_annual_wage=None,
                              parties_agree=False, public_interest=False,
                              major_social_impact=False, respondent_missing=False, commission_finds_unfit=False):
    """Simple procedure (简易处理) with one arbitrator (《劳动人事争议仲裁办案规则》第五十六条、第五十七条).

    Eligible on any ground of Art. 56: clear facts, rights and duties and little in dispute; an
    amount within the province's previous-year average annual wage; or both parties agreeing —
    unless a bar of Art. 57 applies: national or public interest, major social impact, a
    respondent whose whereabouts are unknown, or the commission finding it unfit (Art. 57(四)).
    """
    grounds = []
    if facts_clear:
        grounds.append("事实清楚、权利义务关系明确、争议不大")
    if (amount_claimed is not None and average_annual_wage is not None
            and Decimal(amount_claimed) <= Decimal(average_annual_wage)):
        grounds.append("标的额不超过本省上年度职工年平均工资")
    if parties_agree:
        grounds.append("双方当事人同意简易处理")
    bars = []
    if public_interest:
        bars.append("涉及国家利益、社会公共利益")
    if major_social_impact:
        bars.append("有重大社会影响")
    if respondent_missing:
        bars.append("被申请人下落不明")
    if commission_finds_unfit:
        bars.append("仲裁委员会认为不宜简易处理")
    return SimpleProcedure(bool(grounds) and not bars, tuple(grounds), tuple(bars))


def representative_warnings(workers_count, claims, representative_count):
    """Warnings (never a refusal) on a collective case's representatives.

    《劳动人事争议仲裁办案规则》第六十三条: ten or more workers with a common claim *may* elect three
    to five representatives; acceptance itself depends only on Rules Art. 30. So a case with none,
    or with another number, is accepted and the desk is told what to check.
    """
    if not is_collective(workers_count, claims):
        return []
    if not representative_count:
        return ["十人以上并有共同请求的争议，劳动者可以推举三至五名代表人参加仲裁；尚未推举的，由各劳动者本人参加"
                "（《劳动人事争议仲裁办案规则》第六十三条）"]
    if representative_count not in REPRESENTATIVES:
        return [f"已推举 {representative_count} 名代表人，第六十三条规定为三至五名，请核实推举情况"
                "（《劳动人事争议仲裁办案规则》第六十三条）"]
    return []


AWARD_TYPES = {"final": "终局裁决", "non_final": "非终局裁决"}
# Rules (2017) Art. 50(4): an award with final and non-final items is made as separate awards.
MIXED_AWARD_WARNING = ("同一案件兼有终局裁决事项和非终局裁决事项的，应当分别制作裁决书，并告知当事人相应的救济权利"
                       "（《劳动人事争议仲裁办案规则》第五十条第四款）")


def stated_award_type(items, stated_type, verdict):
    """The award's type as the award states it, with the Art. 19 computation as a check.

    《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第十八条: the type is what the award
    states; only when it says nothing does 第十九条 apply (each item within 12 × the local monthly
    minimum wage → final). 第二十条: an award with final and non-final items is treated as
    non-final when sued upon. `items` are the normalised items (each may carry "stated": "final" |
    "non_final"), `stated_type` what the award says as a whole (or None), `verdict` the
    FinalAwardResult. Returns the keys merged into the history's "final_award".
    """
    per_item = [item.get("stated") for item in items]
    if any(per_item) and not all(per_item):
        raise GuardRefused("裁决书逐项载明裁决类型的，请为每一项填写；均未载明的，请都不填写",
                           "State the type for every item, or for none", field="items")
    if stated_type not in (None, "") and stated_type not in AWARD_TYPES:
        raise GuardRefused("裁决书载明的类型应为终局裁决或非终局裁决", "The stated type is final or non_final",
                           field="stated_type")
    if all(per_item) and per_item:
        finals = [s == "final" for s in per_item]
        stated, final, mixed = "per_item", all(finals), any(finals) and not all(finals)
    elif stated_type:
        finals = [stated_type == "final"] * len(items)
        stated, final, mixed = "award", stated_type == "final", False
    else:
        return {"stated": None, "computed_final": verdict.final,
                "basis": "裁决书未载明类型，按《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第十九条、"
                         "第二十条逐项判断",
                "warnings": []}
    warnings = []
    for index, (said, judged) in enumerate(zip(finals, verdict.items)):
        if said != judged.final:
            warnings.append(
                f"第 {index + 1} 项裁决书载明为{AWARD_TYPES['final' if said else 'non_final']}，按第四十七条逐项核算为"
                f"{AWARD_TYPES['final' if judged.final else 'non_final']}（{judged.reason_zh}）；以裁决书载明为准"
                "（解释（一）第十八条），请核对")
    return {"stated": stated, "final": final, "mixed": mixed, "computed_final": verdict.final,
            "basis": "以裁决书载明的类型为准（《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第十八条）"
                     + ("；同一裁决兼有终局与非终局事项，起诉时按非终局裁决处理（第二十条）" if mixed else ""),
            "warnings": warnings + ([MIXED_AWARD_WARNING] if mixed else [])}


@dataclass(frozen=True)
class Jurisdiction:
    """Which commission has jurisdiction, and why (《劳动争议调解仲裁法》第二十一条; Rules 第八条)."""

    commission: str | None
    reason_zh: str


def competent_commission(*, performance_places=(), employer_seat=None, applied_to=()):
    """The commission with jurisdiction over a labour dispute.

    Art. 21(2): the commission of the place where the labour contract is performed or of the
    employer's seat; if the parties apply to both, the place of performance. Rules Art. 8 (as the
    team's procedure notes have it): with several places of performance, the commission that
    accepted first; with no clear place of performance, the employer's seat. `applied_to` lists
    the commissions applied to, in the order they accepted.
    """
    places = [place for place in performance_places if place]
    applied = list(applied_to)
    if len(places) > 1:
        first = next((c for c in applied if c in places), None)
        if first:
            return Jurisdiction(first, "有多个劳动合同履行地的，由最先受理的仲裁委员会管辖（《劳动人事争议仲裁办案规则》第八条）")
        return Jurisdiction(None, "有多个劳动合同履行地，可以向其中任一履行地的仲裁委员会申请，由最先受理的管辖")
    if places and employer_seat and places[0] in applied and employer_seat in applied:
        return Jurisdiction(places[0], "双方分别向履行地和用人单位所在地申请的，由劳动合同履行地的仲裁委员会管辖"
                                       "（《劳动争议调解仲裁法》第二十一条第二款）")
    if not places:
        if employer_seat:
            return Jurisdiction(employer_seat, "劳动合同履行地不明确的，由用人单位所在地的仲裁委员会管辖（《劳动人事争议仲裁办案规则》第八条）")
        return Jurisdiction(None, "劳动合同履行地和用人单位所在地均不明确，无法确定管辖")
    chosen = next((c for c in applied if c in (places[0], employer_seat)), None)
    if chosen:
        return Jurisdiction(chosen, "劳动合同履行地或者用人单位所在地的仲裁委员会均有管辖权（《劳动争议调解仲裁法》第二十一条第二款）")
    return Jurisdiction(places[0], "可以向劳动合同履行地或者用人单位所在地的仲裁委员会申请（《劳动争议调解仲裁法》第二十一条第二款）")

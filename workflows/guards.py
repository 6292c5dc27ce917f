"""The guards of each event beyond who may fire it.

A precondition looks at the case and the date only (so allowed_events can ask it); a normaliser
checks the event's data and returns it normalised for the history. Both refuse with GuardRefused.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

from . import fields
from .case import last_event
from .clocks import award_deadline, award_extended, award_suspended, mediation_deadline
from .errors import GuardRefused
from .rules import AWARD_ITEM_KINDS, UNITEMISED, collective_guard, final_award_assessment

TERMS_LIMIT = 5000
PLACE_LIMIT = 200
# Why the award period restarts (《劳动人事争议仲裁办案规则》第四十六条), key: Chinese label.
RESTART_REASONS = MappingProxyType({
    "party_added": "追加当事人或第三人",
    "claims_changed": "增加、变更仲裁请求",
    "counterclaim_merged": "合并处理反申请",
    "transferred": "案件移送管辖",
})


def _result(data, **normalised):
    """The normalised fields (left-out optional ones dropped) plus the plain extra keys sent."""
    kept = {key: value for key, value in normalised.items() if value is not None}
    return {**fields.passthrough(data, set(normalised)), **kept}


def _reason_required(zh, en):
    def normalise(case, actor, data, today):
        return _result(data, reason=fields.text(data.get("reason"), "reason", missing_zh=zh, missing_en=en))
    return normalise


def _reason_optional(case, actor, data, today):
    return _result(data, reason=fields.optional_text(data.get("reason"), "reason"))


def _assignee(key, role_zh, role_en):
    """accept / accept_arbitration: the caller handles the case unless data names another."""
    def normalise(case, actor, data, today):
        chosen = data.get(key)
        person = fields.user_id(chosen, key) if chosen is not None else actor.user_id
        if person is None:
            raise GuardRefused(f"请指定承办本案的{role_zh}", f"Name the {role_en} who will handle the case", field=key)
        return _result(data, reason=fields.optional_text(data.get("reason"), "reason"), **{key: person})
    return normalise


def _agreement(zh, en):
    """mediation_succeeded / arbitral_mediation: terms, amount and the day payment is due."""
    def normalise(case, actor, data, today):
        for key in ("terms", "amount", "pay_by"):
            if data.get(key) in (None, ""):
                raise GuardRefused(zh, en, field=key)
        return _result(
            data,
            terms=fields.text(data["terms"], "terms", missing_zh=zh, missing_en=en, limit=TERMS_LIMIT),
            amount=fields.amount(data["amount"], "amount"),
            pay_by=fields.date_not_before(data["pay_by"], today, "pay_by"),
        )
    return normalise


def _agreement_breached(case, data, today):
    """Art. 15: arbitration once the agreement's time to perform has passed, or on a stated breach."""
    not_performed = fields.flag(data.get("not_performed"), "not_performed")
    agreement = last_event(case, "mediation_succeeded")
    pay_by = agreement.data.get("pay_by") if agreement else None
    overdue = pay_by is not None and today > dt.date.fromisoformat(pay_by)
    if not (not_performed or overdue):
        until = f"（至 {pay_by}）" if pay_by else ""
        raise GuardRefused(
            f"调解协议的履行期限{until}尚未届满。对方不履行协议的，请注明“协议未履行”后再申请仲裁"
            "（《劳动争议调解仲裁法》第十五条）",
            "The agreement's time to perform has not passed; state that it was not performed to apply "
            "for arbitration (Art. 15)",
            field="not_performed",
        )
    return {"not_performed": not_performed, "agreement_overdue": overdue}


def _apply_arbitration(case, actor, data, today):
    extra = _agreement_breached(case, data, today) if case.state == "mediated" else {}
    return _result(data, reason=fields.optional_text(data.get("reason"), "reason"), **extra)


def _hearing(case, actor, data, today):
    missing = ("安排开庭须填写开庭时间和地点", "A hearing needs a time and a place")
    if data.get("at") in (None, ""):
        raise GuardRefused(*missing, field="at")
    return _result(
        data,
        at=fields.future_datetime(data["at"], today, "at"),
        place=fields.text(data.get("place"), "place", missing_zh=missing[0], missing_en=missing[1],
                          limit=PLACE_LIMIT),
    )


def _restart(case, actor, data, today):
    reason = fields.choice(
        data.get("reason"), "reason", RESTART_REASONS,
        missing_zh="请选择重新计算期限的原因：追加当事人、变更仲裁请求、合并反申请或移送管辖"
                   "（《劳动人事争议仲裁办案规则》第四十六条）",
        missing_en="Choose why the period restarts: party added, claims changed, counter-claim merged "
                   "or case transferred (Rules Art. 46)",
    )
    return _result(data, reason=reason, note=fields.optional_text(data.get("note"), "note"))


def _award_item(raw, index):
    if not isinstance(raw, Mapping) or raw.get("kind") not in AWARD_ITEM_KINDS:
        raise GuardRefused(f"第 {index + 1} 项裁决事项的类别不正确", f"Award item {index + 1} has an unknown kind",
                           field="items")
    kind = raw["kind"]
    needs_amount = AWARD_ITEM_KINDS[kind][1] in ("amount", "medical")
    if raw.get("amount") is None and needs_amount:
        raise GuardRefused(f"第 {index + 1} 项裁决事项须填写金额", f"Award item {index + 1} needs an amount",
                           field="items")
    amount = None if raw.get("amount") is None else fields.amount(raw["amount"], "items", allow_zero=True)
    item = {"kind": kind, "amount": amount}
    if fields.flag(raw.get("work_injury_medical"), "items"):
        item["work_injury_medical"] = True
    return item


def _award_items(case, data):
    if data.get("items") is not None:
        raw = data["items"]
        if not isinstance(raw, (list, tuple)) or not raw:
            raise GuardRefused("裁决事项须逐项列出", "List the award items", field="items")
        return [_award_item(item, i) for i, item in enumerate(raw)]
    total = fields.amount(data["amount_awarded"], "amount_awarded", allow_zero=True)
    kinds = {claim.kind for claim in case.claims}
    return [{"kind": kinds.pop() if len(kinds) == 1 else UNITEMISED, "amount": total}]


def _award(case, actor, data, today):
    """render_award: the amounts awarded and the final-award verdict (Art. 47)."""
    if data.get("monthly_minimum_wage") in (None, ""):
        raise GuardRefused("作出裁决须提供本地区月最低工资标准，用于判断是否终局裁决",
                           "The region's monthly minimum wage is needed to judge the final-award rule",
                           field="monthly_minimum_wage")
    if data.get("items") is None and data.get("amount_awarded") in (None, ""):
        raise GuardRefused("作出裁决须填写裁决金额，或逐项列明裁决事项和金额",
                           "Enter the amount awarded, or the award item by item", field="amount_awarded")
    wage = fields.amount(data["monthly_minimum_wage"], "monthly_minimum_wage")
    items = _award_items(case, data)
    total = sum((Decimal(i["amount"]) for i in items if i["amount"] is not None), Decimal("0.00"))
    if data.get("items") is not None and data.get("amount_awarded") not in (None, ""):
        stated = fields.amount(data["amount_awarded"], "amount_awarded", allow_zero=True)
        if Decimal(stated) != total:
            raise GuardRefused(f"裁决金额 {stated} 元与各项金额合计 {total} 元不一致",
                               f"The amount awarded {stated} differs from the items' total {total}",
                               field="amount_awarded")
    verdict = final_award_assessment(
        [{**i, "amount": None if i["amount"] is None else Decimal(i["amount"])} for i in items], Decimal(wage))
    return _result(data, amount_awarded=format(total, "f"), items=items, monthly_minimum_wage=wage,
                   final_award=verdict.as_data())


def _lawsuit(case, actor, data, today):
    by = fields.choice(data.get("by"), "by", ("worker", "employer"),
                       missing_zh="请选择起诉方：劳动者或用人单位", missing_en="Say who sues: the worker or the employer")
    if by == "employer" and case.state == "awarded" and case.final_award:
        raise GuardRefused(
            "本案为终局裁决，用人单位不能向人民法院起诉；用人单位认为裁决有法定情形的，可以自收到裁决书之日起"
            "三十日内向仲裁委员会所在地的中级人民法院申请撤销裁决（《劳动争议调解仲裁法》第四十八条、第四十九条）",
            "This is a final award: the employer may not sue, but may apply within 30 days of receiving it "
            "to the intermediate court to set it aside (Art. 48, 49)",
            field="by",
        )
    return _result(data, by=by, court=fields.optional_text(data.get("court"), "court"))


def _mediation_period_over(case, today):
    if case.state != "in_mediation":
        return None
    due = mediation_deadline(case).due
    if today > due:
        return None
    return GuardRefused(
        f"调解期限至 {due.isoformat()} 届满；自收到调解申请之日起十五日内未达成协议的，方可申请仲裁"
        "（《劳动争议调解仲裁法》第十四条）。调解已经不成的，请先记录“调解不成”",
        f"The mediation period runs until {due.isoformat()}; arbitration may be applied for once 15 days "
        "pass without agreement (Art. 14). If mediation has failed, record that first",
    )


def _representatives(case, today):
    try:
        collective_guard(case.worker_count, case.claims, case.representative_count)
    except GuardRefused as refusal:
        return refusal
    return None


def _not_extended(case, today):
    if not award_extended(case):
        return None
    return GuardRefused("审理期限已经延长过一次，不能再次延长（《劳动人事争议仲裁办案规则》第四十五条）",
                        "The award period has already been extended once (Rules Art. 45)")


def _award_period_running(case, today):
    deadline = award_deadline(case, today)
    if deadline is None or today <= deadline.due:
        return None
    return GuardRefused(
        f"裁决期限已于 {deadline.due.isoformat()} 届满，不能再延长；逾期未作出裁决的，当事人可以就该争议向"
        "人民法院起诉（《劳动争议调解仲裁法》第四十三条）",
        f"The award period ended on {deadline.due.isoformat()} and can no longer be extended; the parties "
        "may now sue (Art. 43)",
    )


def _not_suspended(case, today):
    if not award_suspended(case):
        return None
    return GuardRefused("审理已中止，请先记录“恢复审理”", "Proceedings are suspended; resume them first")


def _suspended(case, today):
    if award_suspended(case):
        return None
    return GuardRefused("审理没有中止，无需恢复", "Proceedings are not suspended")


@dataclass(frozen=True)
class EventGuard:
    normalise: object = _reason_optional
    preconditions: tuple = ()


_NEEDS_AGREEMENT = ("记录调解成功须填写协议内容、金额和履行期限", "Record the agreement's terms, amount and date of payment")
_NEEDS_STATEMENT = ("仲裁调解结案须填写调解书内容、金额和履行期限",
                    "Record the mediation statement's terms, amount and date of payment")

GUARDS = {
    "accept": EventGuard(_assignee("mediator_id", "调解员", "mediator")),
    "decline": EventGuard(_reason_required("不予受理须填写理由", "Give the reason for declining")),
    "mediation_succeeded": EventGuard(_agreement(*_NEEDS_AGREEMENT)),
    "mediation_failed": EventGuard(),
    "fulfil": EventGuard(),
    "apply_arbitration": EventGuard(_apply_arbitration, (_mediation_period_over,)),
    "accept_arbitration": EventGuard(_assignee("arbitrator_id", "仲裁员", "arbitrator"), (_representatives,)),
    "reject_arbitration": EventGuard(_reason_required("仲裁不予受理须填写理由（《劳动人事争议仲裁办案规则》第三十一条）",
                                                      "Give the reason for refusing arbitration (Rules Art. 31)")),
    "schedule_hearing": EventGuard(_hearing),
    "extend_award": EventGuard(_reason_required("延长审理期限须填写理由", "Give the reason for the extension"),
                               (_not_extended, _award_period_running)),
    "restart_award_clock": EventGuard(_restart, (_not_suspended,)),
    "suspend_award_clock": EventGuard(_reason_required("中止审理须填写理由", "Give the reason for suspending"),
                                      (_not_suspended,)),
    "resume_award_clock": EventGuard(preconditions=(_suspended,)),
    "arbitral_mediation": EventGuard(_agreement(*_NEEDS_STATEMENT)),
    "render_award": EventGuard(_award, (_not_suspended,)),
    "file_lawsuit": EventGuard(_lawsuit),
    "withdraw": EventGuard(),
    "close": EventGuard(),
    "refer_legal_aid": EventGuard(),
    "legal_aid_accepted": EventGuard(),
    "legal_aid_declined": EventGuard(_reason_required("不予法律援助须书面说明理由（《法律援助法》第四十三条）",
                                                      "Give the reason for declining legal aid")),
}


def precondition_refusal(case, event, today):
    """The first refusal of the event's preconditions, or None."""
    for precondition in GUARDS[event].preconditions:
        refusal = precondition(case, today)
        if refusal is not None:
            return refusal
    return None


def normalise_data(case, actor, event, data, today):
    """The event's data, checked and normalised, or GuardRefused."""
    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        raise GuardRefused("事件数据格式不正确", "Event data must be an object")
    return GUARDS[event].normalise(case, actor, data, today)

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
from .calendar import calendar_known_between, subtract_working_days
from .case import events_since, last_event
from .clocks import (
    AWARD_EXTENSION_DAYS,
    HEARING_NOTICE_WORKING_DAYS,
    arbitration_acceptance_deadline,
    award_deadline,
    award_extension_days,
    award_suspended,
    mediation_deadline,
)
from . import procedure as proc
from .errors import GuardRefused
from .rules import (
    AWARD_ITEM_KINDS,
    UNITEMISED,
    final_award_assessment,
    is_collective,
    representative_warnings,
    stated_award_type,
)

TERMS_LIMIT = 5000
PLACE_LIMIT = 200
# Why the award period restarts (《劳动人事争议仲裁办案规则》第四十六条), key: Chinese label.
RESTART_REASONS = MappingProxyType({
    "party_added": "追加当事人或第三人",
    "claims_changed": "增加、变更仲裁请求",
    "counterclaim_merged": "合并处理反申请",
    "transferred": "案件移送管辖",
})
RESTART_REASONS_EN = MappingProxyType({
    "party_added": "A party or third party was added",
    "claims_changed": "Claims were added or changed",
    "counterclaim_merged": "A counterclaim was joined",
    "transferred": "The case was transferred to another commission",
})

# Why a party goes from mediation (or without it) to arbitration: 《劳动争议调解仲裁法》第五条、
# 第十四条第三款、第十五条. Key: Chinese label. Derived from the state when not given.
ARBITRATION_GROUNDS = MappingProxyType({
    "unwilling_to_mediate": "不愿调解（第五条）",
    "unwilling_to_continue": "不愿继续调解（第五条）",
    "mediation_failed": "调解不成（第五条）",
    "mediation_period_expired": "自调解组织收到申请之日起十五日内未达成调解协议（第十四条第三款）",
    "agreement_not_performed": "达成调解协议后不履行（第五条、第十五条）",
    "mediation_declined": "调解组织不予受理调解申请",
})
ARBITRATION_GROUNDS_EN = MappingProxyType({
    "unwilling_to_mediate": "Not willing to mediate (Art. 5)",
    "unwilling_to_continue": "Not willing to go on mediating (Art. 5)",
    "mediation_failed": "Mediation failed (Art. 5)",
    "mediation_period_expired": "No mediation agreement within 15 days of the mediation body receiving the application (Art. 14(3))",
    "agreement_not_performed": "The mediation agreement was not performed (Arts 5, 15)",
    "mediation_declined": "The mediation body declined the application",
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
        body = data.get("mediation_body")
        if body not in (None, ""):
            fields.choice(body, "mediation_body", proc.MEDIATION_BODIES, missing_zh="调解组织类型不正确",
                          missing_en="Unknown kind of mediation body")
        return _result(
            data,
            terms=fields.text(data["terms"], "terms", missing_zh=zh, missing_en=en, limit=TERMS_LIMIT),
            amount=fields.amount(data["amount"], "amount"),
            pay_by=fields.date_not_before(data["pay_by"], today, "pay_by"),
            mediation_body=body or None,
            payment_only=fields.flag(data.get("payment_only"), "payment_only") or None,
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


def _default_ground(case, today):
    if case.state == "in_mediation":
        return "mediation_period_expired" if today > mediation_deadline(case).due else "unwilling_to_continue"
    return {"submitted": "unwilling_to_mediate", "not_accepted": "mediation_declined",
            "mediation_failed": "mediation_failed", "mediated": "agreement_not_performed"}[case.state]


_GROUNDS_BY_STATE = {
    "submitted": {"unwilling_to_mediate"},
    "in_mediation": {"unwilling_to_continue", "mediation_failed", "mediation_period_expired"},
    "not_accepted": {"mediation_declined", "unwilling_to_mediate"},
    "mediation_failed": {"mediation_failed", "mediation_period_expired"},
    "mediated": {"agreement_not_performed"},
}


def _apply_arbitration(case, actor, data, today):
    """Art. 5: a party may go to arbitration at any time — unwilling to mediate, unwilling to go on
    mediating, mediation failed, or an agreement not performed (Art. 15). Art. 14(3)'s 15 days are
    a fallback for a mediation that drags on, not a bar. The ground is recorded."""
    extra = _agreement_breached(case, data, today) if case.state == "mediated" else {}
    ground = data.get("ground")
    if ground in (None, ""):
        ground = _default_ground(case, today)
    allowed = _GROUNDS_BY_STATE[case.state]
    if ground not in allowed:
        choices = "、".join(ARBITRATION_GROUNDS[g] for g in sorted(allowed))
        raise GuardRefused(f"申请仲裁的事由与案件所处阶段不符，可选：{choices}",
                           "The ground for arbitration does not fit the case's stage", field="ground")
    return _result(data, reason=fields.optional_text(data.get("reason"), "reason"), ground=ground,
                   ground_zh=ARBITRATION_GROUNDS[ground], **extra)


def hearing_notice_latest(hearing_day):
    """The last day the written notice of a hearing on `hearing_day` may be given.

    《劳动争议调解仲裁法》第三十五条: notice of the date and place at least five days before the
    hearing; 《劳动人事争议仲裁办案规则》第八十条 counts the Rules' 三日、五日、十日 in working days.
    """
    return subtract_working_days(hearing_day, HEARING_NOTICE_WORKING_DAYS)


def _hearing(case, actor, data, today):
    missing = ("安排开庭须填写开庭时间和地点", "A hearing needs a time and a place")
    if data.get("at") in (None, ""):
        raise GuardRefused(*missing, field="at")
    at = fields.future_datetime(data["at"], today, "at")
    notified = today
    if data.get("notified_on") not in (None, ""):
        notified = dt.date.fromisoformat(fields.date(data["notified_on"], "notified_on"))
        if notified > today:
            raise GuardRefused("书面通知日期不能晚于今天；尚未通知的，请在通知当日安排",
                               "The notice date cannot be later than today", field="notified_on")
    hearing_day = dt.datetime.fromisoformat(at).date()
    latest = hearing_notice_latest(hearing_day)
    if notified > latest:
        raise GuardRefused(
            f"开庭日期、地点应当在开庭五日前书面通知双方当事人：{hearing_day.isoformat()} 开庭，最迟应于 "
            f"{latest.isoformat()} 通知（《劳动争议调解仲裁法》第三十五条；《劳动人事争议仲裁办案规则》第八十条，"
            "按工作日计算）",
            f"The parties must be notified in writing at least five working days before the hearing: for "
            f"{hearing_day.isoformat()}, by {latest.isoformat()} (Art. 35; Rules Art. 80)",
            field="at",
        )
    extra = {"notified_on": notified.isoformat(), "notice_due_by": latest.isoformat(),
             "postponement_request_by": subtract_working_days(hearing_day, 3).isoformat()}
    if not calendar_known_between(notified, hearing_day):
        extra["calendar_provisional"] = True
    return _result(
        data, at=at,
        place=fields.text(data.get("place"), "place", missing_zh=missing[0], missing_en=missing[1],
                          limit=PLACE_LIMIT),
        **extra,
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
    if raw.get("stated") not in (None, ""):
        item["stated"] = fields.choice(
            raw["stated"], "items", ("final", "non_final"),
            missing_zh=f"第 {index + 1} 项裁决事项载明的类型应为终局裁决或非终局裁决",
            missing_en=f"Award item {index + 1}: the stated type is final or non_final")
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
    stated = stated_award_type(items, data.get("stated_type"), verdict)
    accepted = last_event(case, "accept_arbitration")
    by_default = any(r.event == "respondent_absent" for r in events_since(case, accepted)) or None
    return _result(data, amount_awarded=format(total, "f"), items=items, monthly_minimum_wage=wage,
                   final_award={**verdict.as_data(), **stated}, by_default=by_default)


def _lawsuit(case, actor, data, today):
    by = fields.choice(data.get("by"), "by", ("worker", "employer"),
                       missing_zh="请选择起诉方：劳动者或用人单位", missing_en="Say who sues: the worker or the employer")
    if by == "employer" and case.state == "awarded" and case.final_award and not _award_set_aside(case):
        raise GuardRefused(
            "本案为终局裁决，用人单位不能向人民法院起诉；用人单位认为裁决有法定情形的，可以自收到裁决书之日起"
            "三十日内向仲裁委员会所在地的中级人民法院申请撤销裁决（《劳动争议调解仲裁法》第四十八条、第四十九条）",
            "This is a final award: the employer may not sue, but may apply within 30 days of receiving it "
            "to the intermediate court to set it aside (Art. 48, 49)",
            field="by",
        )
    extra = {}
    if case.state == "arbitration_applied":
        extra = {"ground": "acceptance_overdue", "ground_zh": "仲裁委员会逾期未作出受理决定（第二十九条）"}
    elif case.state == "in_arbitration":
        extra = {"ground": "award_overdue", "ground_zh": "仲裁庭逾期未作出裁决（第四十三条第一款）"}
        warnings = _overdue_award_exceptions(case, today)
        if warnings:
            extra["warnings"] = warnings
    return _result(data, by=by, court=fields.optional_text(data.get("court"), "court"), **extra)


def _overdue_award_exceptions(case, today):
    """最高人民法院劳动争议解释（一）第十二条: the court does not take a suit for an overdue award
    when the arbitration is delayed for a listed cause; those the history shows are warned about."""
    accepted = last_event(case, "accept_arbitration")
    since = events_since(case, accepted)
    found = []
    if any(r.event == "restart_award_clock" and r.data.get("reason") == "transferred" for r in since):
        found.append("案件曾移送管辖（解释（一）第十二条第一项）")
    if award_suspended(case):
        found.append("仲裁中止审理中，如系等待另案诉讼结果、评残结论或鉴定的（解释（一）第十二条第三项、第五项）")
    hearings = [r for r in since if r.event == "schedule_hearing" and r.data.get("at")]
    if hearings and dt.datetime.fromisoformat(hearings[-1].data["at"]).date() >= today:
        found.append("已安排开庭、正在等待开庭（解释（一）第十二条第四项）")
    return found


def _acceptance_overdue(case, today):
    if case.state != "arbitration_applied":
        return None
    deadline = arbitration_acceptance_deadline(case)
    if deadline is not None and today > deadline.due:
        return None
    due = deadline.due.isoformat() if deadline else "—"
    return GuardRefused(
        f"仲裁委员会应于 {due} 前作出是否受理的决定；逾期未作出决定的，申请人方可就该争议向人民法院起诉"
        "（《劳动争议调解仲裁法》第二十九条）",
        f"The commission has until {due} to decide on acceptance; only after that may the applicant sue (Art. 29)",
    )


def _award_overdue(case, today):
    if case.state != "in_arbitration":
        return None
    deadline = award_deadline(case, today)
    if deadline is not None and today > deadline.due and not award_suspended(case):
        return None
    due = deadline.due.isoformat() if deadline else "—"
    return GuardRefused(
        f"仲裁裁决期限至 {due} 届满；逾期未作出仲裁裁决的，当事人方可就该争议向人民法院起诉"
        "（《劳动争议调解仲裁法》第四十三条第一款）",
        f"The award period runs until {due}; only once it has passed without an award may a party sue (Art. 43)",
    )


def _accept_arbitration(case, actor, data, today):
    """Acceptance: the assignee, and warnings a collective case may need (Rules Art. 63)."""
    result = _assignee("arbitrator_id", "仲裁员", "arbitrator")(case, actor, data, today)
    warnings = representative_warnings(case.worker_count, case.claims, case.representative_count)
    if warnings:
        result["warnings"] = warnings
    if case.collective or is_collective(case.worker_count, case.claims):
        size = data.get("tribunal_size", 3)
        if size != 3:
            raise GuardRefused("集体劳动人事争议应当由三名仲裁员组成仲裁庭（《劳动人事争议仲裁办案规则》第六十五条）",
                               "A collective dispute is heard by a tribunal of three arbitrators (Rules Art. 65)",
                               field="tribunal_size")
        result["tribunal_size"] = 3
    return result


def _not_extended(case, today):
    if award_extension_days(case) < AWARD_EXTENSION_DAYS:
        return None
    return GuardRefused("审理期限已延长满十五日，不能再延长（《劳动争议调解仲裁法》第四十三条第一款；"
                        "《劳动人事争议仲裁办案规则》第四十五条）",
                        "The award period has already been extended by the full 15 days (Art. 43(1); Rules Art. 45)")


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


def _reject(case, actor, data, today):
    reason = fields.text(data.get("reason"), "reason",
                         missing_zh="仲裁不予受理须填写理由（《劳动争议调解仲裁法》第二十九条：书面通知并说明理由）",
                         missing_en="Give the reason for refusing arbitration (Law Art. 29: written notice with the reason)")
    return _result(data, reason=reason, **proc.reject_ground(data))


def _with_consent(normalise, act_zh):
    """Rules Art. 63: representatives who settle, withdraw or change claims need the consent of
    the workers they represent."""
    def guarded(case, actor, data, today):
        if case.collective and case.representative_count and case.state in ("in_arbitration", "arbitration_applied"):
            if not fields.flag(data.get("represented_consent"), "represented_consent"):
                raise GuardRefused(
                    f"代表人{act_zh}，须经被代表的劳动者同意，请确认已取得同意（《劳动人事争议仲裁办案规则》第六十三条）",
                    "Representatives need the represented workers' consent to settle or withdraw (Rules Art. 63)",
                    field="represented_consent")
            return {**normalise(case, actor, data, today), "represented_consent": True}
        return normalise(case, actor, data, today)
    return guarded


def _extension(case, actor, data, today):
    """Art. 43(1): a complex case may be extended by at most 15 days with the approval of the
    commission's head, the parties told in writing; Rules Art. 45: written approval by the head or
    the head of the arbitration court the head authorises. The days granted (all that is left of
    the 15 unless fewer are given) add up over several approvals to the 15 at most."""
    reason = fields.text(data.get("reason"), "reason", missing_zh="延长审理期限须填写理由",
                         missing_en="Give the reason for the extension")
    left = AWARD_EXTENSION_DAYS - award_extension_days(case)
    days = left if data.get("days") in (None, "") else fields.whole_number(data.get("days"))
    if days is None or not 1 <= days <= left:
        raise GuardRefused(f"延长的日数应为 1 至 {left} 日（延长期限合计不得超过十五日，第四十三条第一款）",
                           f"Extend by 1 to {left} days (15 days in all at most, Art. 43(1))", field="days")
    approved_by = fields.optional_text(data.get("approved_by"), "approved_by")
    extra = {} if approved_by else {"warnings": [
        "延长期限须经劳动争议仲裁委员会主任或者其委托的仲裁院负责人书面批准，并书面通知当事人"
        "（《劳动争议调解仲裁法》第四十三条第一款；《劳动人事争议仲裁办案规则》第四十五条），请记录批准人"]}
    return _result(data, reason=reason, days=days, approved_by=approved_by, **extra)


def _refer_legal_aid(case, actor, data, today):
    """法律援助法第四十三条: the 7 days run from the legal-aid agency's receipt of the application."""
    received = today
    if data.get("received_on") not in (None, ""):
        received = dt.date.fromisoformat(fields.date(data["received_on"], "received_on"))
        if received > today:
            raise GuardRefused("收到申请之日不能晚于今天", "The day of receipt cannot be later than today",
                               field="received_on")
    return _result(data, reason=fields.optional_text(data.get("reason"), "reason"), received_on=received.isoformat(),
                   needs_preservation=fields.flag(data.get("needs_preservation"), "needs_preservation") or None)


def _simple_in_use(case):
    last = last_event(case, "use_simple_procedure", "convert_to_ordinary", "accept_arbitration")
    return last is not None and last.event == "use_simple_procedure"


def _not_simple(case, today):
    if not _simple_in_use(case):
        return None
    return GuardRefused("本案已按简易处理", "The case is already under simple procedure")


def _simple(case, today):
    if _simple_in_use(case):
        return None
    return GuardRefused("本案未按简易处理", "The case is not under simple procedure")


def _pending_set_aside_record(case):
    awarded = last_event(case, "render_award")
    pending = None
    for record in events_since(case, awarded):
        if record.event == "apply_set_aside":
            pending = record
        elif record.event == "set_aside_ruled":
            pending = None
    return pending


def _no_pending_set_aside(case, today):
    if _pending_set_aside_record(case) is None and not _award_set_aside(case):
        return None
    return GuardRefused("撤销裁决的申请已在审查中或裁决已被撤销", "An application to set aside is pending or granted")


def _pending_set_aside(case, today):
    if _pending_set_aside_record(case) is not None:
        return None
    return GuardRefused("没有待审查的撤销裁决申请", "No application to set aside is pending")


def _award_set_aside(case):
    ruled = last_event(case, "set_aside_ruled")
    awarded = last_event(case, "render_award")
    return (ruled is not None and ruled.data.get("outcome") == "set_aside"
            and list(case.history).index(ruled) > list(case.history).index(awarded))


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
    "apply_arbitration": EventGuard(_apply_arbitration),
    "request_application_correction": EventGuard(proc.request_application_correction, (proc.no_correction_pending,)),
    "application_corrected": EventGuard(proc.application_corrected, (proc.correction_pending,)),
    "accept_arbitration": EventGuard(_accept_arbitration),
    "reject_arbitration": EventGuard(_reject),
    "schedule_hearing": EventGuard(_hearing),
    "extend_award": EventGuard(_extension,
                               (_not_extended, _award_period_running)),
    "restart_award_clock": EventGuard(_restart, (_not_suspended,)),
    "suspend_award_clock": EventGuard(_reason_required("中止审理须填写理由", "Give the reason for suspending"),
                                      (_not_suspended,)),
    "resume_award_clock": EventGuard(preconditions=(_suspended,)),
    "arbitral_mediation": EventGuard(_with_consent(_agreement(*_NEEDS_STATEMENT), "达成调解")),
    "render_award": EventGuard(_award, (_not_suspended,)),
    "file_lawsuit": EventGuard(_lawsuit, (_acceptance_overdue, _award_overdue)),
    "withdraw": EventGuard(_with_consent(_reason_optional, "撤回仲裁申请")),
    "close": EventGuard(),
    "refer_legal_aid": EventGuard(_refer_legal_aid),
    "serve_document": EventGuard(proc.serve_document),
    "partial_award": EventGuard(proc.partial_award, (_not_suspended,)),
    "interim_execution": EventGuard(proc.interim_execution),
    "transfer_case": EventGuard(proc.transfer_case, (_not_suspended,)),
    "request_postponement": EventGuard(proc.request_postponement, (proc.postponement_open,)),
    "treat_as_withdrawn": EventGuard(proc.treat_as_withdrawn, (proc.hearing_held,)),
    "respondent_absent": EventGuard(proc.respondent_absent, (proc.hearing_held,)),
    "use_simple_procedure": EventGuard(proc.use_simple_procedure, (_not_simple,)),
    "convert_to_ordinary": EventGuard(proc.convert_to_ordinary, (_simple, _award_period_running)),
    "apply_set_aside": EventGuard(proc.apply_set_aside, (proc.final_award_only, _no_pending_set_aside)),
    "set_aside_ruled": EventGuard(proc.set_aside_ruled, (_pending_set_aside,)),
    "lawsuit_ended": EventGuard(proc.lawsuit_ended, (proc.suit_after_award,)),
    "suspend_limitation": EventGuard(proc.suspend_limitation, (proc.not_limitation_suspended,)),
    "resume_limitation": EventGuard(preconditions=(proc.limitation_is_suspended,)),
    "apply_judicial_confirmation": EventGuard(proc.apply_judicial_confirmation, (proc.confirmation_window,)),
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

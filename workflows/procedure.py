"""Guards of the procedural events beyond the core life cycle: service, partial award, interim
execution, transfer, postponement, absence, simple procedure, set-aside, the end of a suit,
suspension of the limitation period and judicial confirmation.

Articles are of 《劳动争议调解仲裁法》 unless named; "Rules" are 《劳动人事争议仲裁办案规则》
(人社部令第33号, adopted 2017-04-24, in force 2017-07-01; no amendment found); "Interp" is
《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》 (法释〔2020〕26号). Each normaliser returns the
event's data for the history or raises GuardRefused.

The Rules' articles used here (8–10, 19, 20, 30, 31, 33, 37–39, 45–47, 50, 56, 57, 61–65, 80) were
checked on 2026-12-03 against the Rules' text as the State Council Gazette published it (国务院公报
2017年第29号, https://www.gov.cn/gongbao/content/2017/content_5232371.htm; the same 81 articles at
https://www.gov.cn/zhengce/2022-08/31/content_5711323.htm), read through a stored word-for-word copy
of that page, since this machine cannot open gov.cn itself.
"""

import datetime as dt

from . import fields
from .calendar import add_period, subtract_working_days
from .case import events_since, last_event
from .clocks import ACCEPTANCE_WORKING_DAYS, correction_outstanding
from .errors import GuardRefused
from .rules import CLAIM_KINDS, PAY_CLAIM_KINDS, is_collective, simple_procedure_eligible
from .service import DOCUMENTS, PARTIES, SERVICE_METHODS, counts_as_received

# Which documents may be recorded as served in which state.
DOCUMENT_STATES = {
    "acceptance_notice": {"in_arbitration"},
    "refusal_notice": {"arbitration_rejected"},
    "application_copy": {"in_arbitration"},
    "defence_copy": {"in_arbitration"},
    "composition_notice": {"in_arbitration"},
    "collective_notice": {"in_arbitration"},
    "hearing_notice": {"in_arbitration"},
    "partial_award": {"in_arbitration"},
    "interim_execution_ruling": {"in_arbitration"},
    "award": {"awarded", "in_litigation"},
    "mediation_statement": {"arbitration_mediated"},
    "set_aside_ruling": {"awarded"},
    "dismissal_ruling": {"awarded", "in_litigation"},
}
SERVE_STATES = tuple(sorted({state for states in DOCUMENT_STATES.values() for state in states}))

# Art. 44: 追索劳动报酬、工伤医疗费、经济补偿或者赔偿金的案件.
INTERIM_EXECUTION_KINDS = PAY_CLAIM_KINDS | {
    "economic_compensation", "unlawful_termination_compensation", "double_wages_no_contract", "work_injury",
    "medical_expenses",
}

# Rules (2017, 人社部令第33号, text of the State Council Gazette 2017 No. 29) Art. 30: four conditions
# of acceptance — (一) scope, (二) a clear claim with facts and reasons, (三) a direct interest and a
# clear respondent, (四) this commission's jurisdiction. Art. 31: failing (一)–(三), a written refusal;
# failing (四), a written explanation naming the commission to apply to. The duty to give the
# reason is the Law's (第二十九条).
REFUSAL_GROUNDS = {
    "out_of_scope": "不属于劳动人事争议仲裁受理范围（《劳动人事争议仲裁办案规则》第三十条第一项）",
    "no_clear_claim": "无明确的仲裁请求和事实、理由（第三十条第二项）",
    "not_directly_interested": "申请人不是与本案有直接利害关系的人（第三十条第三项）",
    "no_clear_respondent": "无明确的被申请人（第三十条第三项）",
    "no_jurisdiction": "本仲裁委员会无管辖权，书面说明并告知向有管辖权的仲裁委员会申请（第三十条第四项、第三十一条第一款）",
}

LIMITATION_STATES = ("submitted", "in_mediation", "not_accepted", "mediation_failed", "mediated")

MEDIATION_BODIES = {
    "enterprise_committee": "企业劳动争议调解委员会（第十条第一项）",
    "peoples_mediation": "依法设立的基层人民调解组织（第十条第二项）",
    "township_body": "乡镇、街道设立的具有劳动争议调解职能的组织（第十条第三项）",
}
JUDICIAL_CONFIRMATION_DAYS = 30  # 《民事诉讼法》（2023年修正）第二百零五条


def result(data, **normalised):
    kept = {key: value for key, value in normalised.items() if value is not None}
    return {**fields.passthrough(data, set(normalised)), **kept}


def _served_on(data, today):
    if data.get("served_on") in (None, ""):
        return today
    day = dt.date.fromisoformat(fields.date(data["served_on"], "served_on"))
    if day > today:
        raise GuardRefused("送达日期不能晚于今天", "The day of service cannot be later than today", field="served_on")
    return day


# The document served when none is named: the one each stage is about.
DEFAULT_DOCUMENT = {"in_arbitration": "application_copy", "awarded": "award", "in_litigation": "award",
                    "arbitration_rejected": "refusal_notice", "arbitration_mediated": "mediation_statement"}


def serve_document(case, actor, data, today):
    """送达: which document, on whom, how and when; the day it counts as received."""
    document = fields.choice(data.get("document") or DEFAULT_DOCUMENT[case.state], "document", DOCUMENTS,
                             missing_zh="请选择送达的文书", missing_en="Choose the document served")
    if case.state not in DOCUMENT_STATES[document]:
        raise GuardRefused(f"本案当前阶段不能记录送达“{DOCUMENTS[document]}”",
                           "That document is not served at this stage", field="document")
    party = data.get("party") or "both"
    fields.choice(party, "party", PARTIES, missing_zh="请选择受送达人：劳动者、用人单位或双方",
                  missing_en="Say on whom: worker, employer or both")
    method = data.get("method") or "direct"
    fields.choice(method, "method", SERVICE_METHODS, missing_zh="请选择送达方式", missing_en="Choose how it was served")
    served = _served_on(data, today)
    received = counts_as_received(served, method)
    return result(data, document=document, document_zh=DOCUMENTS[document], party=party, method=method,
                  served_on=served.isoformat(), received_on=received.isoformat(),
                  basis=SERVICE_BASIS.get(method, "《民事诉讼法》（2023年修正）第八十七条至第九十五条"))


# What each manner of service rests on (direct service needs no citation).
SERVICE_BASIS = {"direct": None, "left_or_posted_with_record": "《劳动人事争议仲裁办案规则》第二十条第二款、第八十条"}


def partial_award(case, actor, data, today):
    """Art. 43(2): the part of the case whose facts are already clear may be decided first."""
    if not fields.flag(data.get("facts_clear"), "facts_clear"):
        raise GuardRefused("先行裁决仅限于事实已经清楚的部分，请确认（《劳动争议调解仲裁法》第四十三条第二款）",
                           "A partial award covers only the part whose facts are clear (Art. 43(2))",
                           field="facts_clear")
    matters = fields.text(data.get("matters"), "matters", missing_zh="请写明先行裁决的事项",
                          missing_en="Say what the partial award decides")
    return result(data, facts_clear=True, matters=matters, basis="《劳动争议调解仲裁法》第四十三条第二款")


def interim_execution(case, actor, data, today):
    """Art. 44: for pay, injury medical costs, severance or damages, on application, when rights
    and duties are clear and without it the applicant's living would be seriously affected; a
    worker need not give security; the ruling goes to the court for execution."""
    kind = fields.choice(data.get("kind"), "kind", CLAIM_KINDS, missing_zh="请选择申请先予执行的请求事项",
                         missing_en="Choose the claim to execute in advance")
    if kind not in INTERIM_EXECUTION_KINDS:
        raise GuardRefused(
            f"“{CLAIM_KINDS[kind][0]}”不属于可以先予执行的事项：限于追索劳动报酬、工伤医疗费、经济补偿或者赔偿金"
            "（《劳动争议调解仲裁法》第四十四条）",
            "Interim execution is only for pay, work-injury medical costs, severance or damages (Art. 44)",
            field="kind")
    for flag, zh in (("rights_clear", "当事人之间权利义务关系明确"),
                     ("livelihood_at_risk", "不先予执行将严重影响申请人的生活")):
        if not fields.flag(data.get(flag), flag):
            raise GuardRefused(f"裁决先予执行须{zh}（《劳动争议调解仲裁法》第四十四条第二款）",
                               "Both conditions of Art. 44(2) must be met", field=flag)
    applicant = data.get("applicant") or "worker"
    fields.choice(applicant, "applicant", ("worker", "employer"), missing_zh="申请人应为劳动者或用人单位",
                  missing_en="The applicant is the worker or the employer")
    return result(data, kind=kind, rights_clear=True, livelihood_at_risk=True, applicant=applicant,
                  security_required=applicant != "worker",
                  amount=fields.amount(data["amount"], "amount") if data.get("amount") not in (None, "") else None,
                  basis="《劳动争议调解仲裁法》第四十四条；劳动者申请先予执行的，可以不提供担保；移送人民法院执行")


def request_application_correction(case, actor, data, today):
    """Rules 第二十九条第三款: an application that is not in order or lacks materials — the commission
    tells the applicant, on the spot or within 5 (working, 第八十条) days, every material to
    complete, in one notice. Until they are completed the application does not count as received
    (第四十六条第二项), so the 5-day acceptance period waits."""
    missing = fields.text(data.get("missing"), "missing",
                          missing_zh="请一次性写明需要补正的全部材料（《劳动人事争议仲裁办案规则》第二十九条第三款）",
                          missing_en="List every material to be completed, in one notice (Rules Art. 29(3))")
    applied = last_event(case, "apply_arbitration")
    notify_by = add_period(applied.on, ACCEPTANCE_WORKING_DAYS, "working_days")
    extra = {"late": True} if today > notify_by else {}
    return result(data, missing=missing, notify_by=notify_by.isoformat(), **extra,
                  basis="《劳动人事争议仲裁办案规则》第二十九条第三款、第四十六条第二项")


def application_corrected(case, actor, data, today):
    """The applicant completed the materials: the application counts as received on that day (Rules
    第四十六条第二项), and the 5-day acceptance period runs from it."""
    corrected = today
    if data.get("corrected_on") not in (None, ""):
        corrected = dt.date.fromisoformat(fields.date(data["corrected_on"], "corrected_on"))
        asked = last_event(case, "request_application_correction").on
        if corrected < asked or corrected > today:
            raise GuardRefused(f"补正日期应在告知补正之日（{asked.isoformat()}）与今天之间",
                               f"The correction date must fall between the request ({asked.isoformat()}) and today",
                               field="corrected_on")
    return result(data, corrected_on=corrected.isoformat(), basis="《劳动人事争议仲裁办案规则》第四十六条第二项")


def no_correction_pending(case, today):
    if correction_outstanding(case):
        return GuardRefused("已一次性告知补正，申请人尚未补正材料（《劳动人事争议仲裁办案规则》第二十九条第三款）",
                            "The applicant has already been told what to complete and has not yet done so (Rules Art. 29(3))")
    return None


def correction_pending(case, today):
    if not correction_outstanding(case):
        return GuardRefused("未告知申请人补正材料，无须记录补正", "No correction was requested")
    return None


def transfer_case(case, actor, data, today):
    """Rules Art. 9: an accepted case outside the commission's jurisdiction is transferred, with
    written notice to the parties; the award period runs anew from the receiving commission's
    acceptance of the transfer (Rules Art. 46)."""
    to = fields.text(data.get("to_commission"), "to_commission", missing_zh="请写明受移送的仲裁委员会",
                     missing_en="Name the commission the case goes to")
    received = today
    if data.get("received_on") not in (None, ""):
        received = dt.date.fromisoformat(fields.date(data["received_on"], "received_on"))
        if received < last_event(case, "accept_arbitration").on:
            raise GuardRefused("接受移送之日不能早于受理之日", "The transfer cannot be received before acceptance",
                               field="received_on")
    return result(data, to_commission=to, received_on=received.isoformat(),
                  reason=fields.optional_text(data.get("reason"), "reason"),
                  basis="《劳动人事争议仲裁办案规则》第九条、第四十六条")


def reject_ground(data):
    """The optional ground of a refusal (Rules Art. 30–31) and its label."""
    ground = data.get("ground")
    if ground in (None, ""):
        return {}
    fields.choice(ground, "ground", REFUSAL_GROUNDS, missing_zh="不予受理的事由不正确", missing_en="Unknown ground")
    return {"ground": ground, "ground_zh": REFUSAL_GROUNDS[ground]}


def _last_hearing(case):
    accepted = last_event(case, "accept_arbitration")
    hearings = [r for r in events_since(case, accepted) if r.event == "schedule_hearing" and r.data.get("at")]
    return hearings[-1] if hearings else None


def postponement_open(case, today):
    """Precondition: a hearing is set and it is at least three (working) days away (Art. 35)."""
    hearing = _last_hearing(case)
    if hearing is None:
        return GuardRefused("尚未安排开庭，无需申请延期", "No hearing is scheduled")
    day = dt.datetime.fromisoformat(hearing.data["at"]).date()
    latest = subtract_working_days(day, 3)
    if today > latest:
        return GuardRefused(
            f"延期开庭应当在开庭三日前提出：{day.isoformat()} 开庭，最迟应于 {latest.isoformat()} 提出"
            "（《劳动争议调解仲裁法》第三十五条；《劳动人事争议仲裁办案规则》第八十条）",
            f"Postponement must be asked by {latest.isoformat()}, three working days before the hearing (Art. 35)")
    return None


def hearing_held(case, today):
    """Precondition of an absence: the notified hearing day has come."""
    hearing = _last_hearing(case)
    if hearing is None or dt.datetime.fromisoformat(hearing.data["at"]).date() > today:
        return GuardRefused("缺席须在已书面通知的开庭日或之后记录", "Record an absence on or after the hearing day")
    return None


def request_postponement(case, actor, data, today):
    """Art. 35: a party with good reason may ask, at least three days before the hearing, to
    postpone it; the commission decides (Rules Art. 80: working days)."""
    hearing = _last_hearing(case)
    latest = subtract_working_days(dt.datetime.fromisoformat(hearing.data["at"]).date(), 3)
    reason = fields.text(data.get("reason"), "reason", missing_zh="申请延期开庭须说明正当理由",
                         missing_en="Give the good reason for postponing")
    return result(data, reason=reason, hearing_at=hearing.data["at"], asked_by=latest.isoformat(),
                  decided_by="劳动争议仲裁委员会")


def _absence(party_zh, consequence):
    def normalise(case, actor, data, today):
        hearing = _last_hearing(case)
        for flag, zh in (("notice_received", "已收到书面开庭通知"), ("without_good_reason", "无正当理由拒不到庭或未经同意中途退庭")):
            if not fields.flag(data.get(flag), flag):
                raise GuardRefused(f"{consequence}须{party_zh}{zh}（《劳动争议调解仲裁法》第三十六条）",
                                   "Art. 36 needs written notice received and absence without good reason", field=flag)
        return result(data, notice_received=True, without_good_reason=True, hearing_at=hearing.data["at"],
                      basis="《劳动争议调解仲裁法》第三十六条；《劳动人事争议仲裁办案规则》第三十九条")
    return normalise


treat_as_withdrawn = _absence("申请人", "按撤回仲裁申请处理")
respondent_absent = _absence("被申请人", "缺席裁决")


def use_simple_procedure(case, actor, data, today):
    """Rules Art. 56–57: one arbitrator, on a ground of Art. 56 and without a bar of Art. 57.

    A collective case too: Rules Art. 62(2) lets a collective dispute on a ground of Art. 56(1) be
    handled simply, free of the collective section (Arts. 62–67: the three-arbitrator tribunal of
    Art. 65, the one notice of Art. 64). Read in the Rules' text as published in the State Council
    Gazette 2017 No. 29 (gov.cn/gongbao/content/2017/content_5232371.htm), through a stored copy.
    """
    check = simple_procedure_eligible(
        facts_clear=fields.flag(data.get("facts_clear"), "facts_clear"),
        amount_claimed=data.get("amount_claimed"), average_annual_wage=data.get("average_annual_wage"),
        parties_agree=fields.flag(data.get("parties_agree"), "parties_agree"),
        public_interest=fields.flag(data.get("public_interest"), "public_interest"),
        major_social_impact=fields.flag(data.get("major_social_impact"), "major_social_impact"),
        respondent_missing=fields.flag(data.get("respondent_missing"), "respondent_missing"),
        commission_finds_unfit=fields.flag(data.get("commission_finds_unfit"), "commission_finds_unfit"),
    )
    if not check:
        why = "；".join(check.bars) if check.bars else "不具备第五十六条规定的情形"
        raise GuardRefused(f"不能简易处理：{why}（《劳动人事争议仲裁办案规则》第五十六条、第五十七条）",
                           "Simple procedure is not open to this case (Rules Art. 56, 57)")
    collective = bool(case.collective or is_collective(case.worker_count, case.claims))
    basis = ("《劳动人事争议仲裁办案规则》第六十二条第二款、第五十六条：集体劳动人事争议符合简易处理情形的，"
             "可以简易处理，不受集体争议一节规定的限制") if collective else "《劳动人事争议仲裁办案规则》第五十六条"
    return result(data, grounds=list(check.grounds), arbitrators=1, basis=basis)


def convert_to_ordinary(case, actor, data, today):
    """Rules Art. 61: a case found unfit for simple procedure is converted before the award period
    ends; the period still counts from acceptance."""
    reason = fields.text(data.get("reason"), "reason", missing_zh="请写明转为一般程序的理由",
                         missing_en="Say why the case leaves simple procedure")
    return result(data, reason=reason, basis="《劳动人事争议仲裁办案规则》第六十一条：仲裁期限自受理仲裁申请之日起计算")


def final_award_only(case, today):
    """Precondition of a set-aside: only a final award can be set aside (Art. 49)."""
    if case.final_award:
        return None
    return GuardRefused("非终局裁决不适用申请撤销，用人单位不服的可以起诉（《劳动争议调解仲裁法》第五十条）",
                        "Only a final award can be set aside; sue on a non-final one (Art. 50)")


def apply_set_aside(case, actor, data, today):
    """Art. 49: the employer applies to the intermediate court where the commission sits."""
    filed = today
    if data.get("filed_on") not in (None, ""):
        filed = dt.date.fromisoformat(fields.date(data["filed_on"], "filed_on"))
        if filed > today:
            raise GuardRefused("申请日期不能晚于今天", "The day of filing cannot be later than today", field="filed_on")
    return result(data, filed_on=filed.isoformat(), court=fields.optional_text(data.get("court"), "court"),
                  basis="《劳动争议调解仲裁法》第四十九条")


def set_aside_ruled(case, actor, data, today):
    """Art. 49(2)–(3): the court sets the award aside or rejects the application; once set aside,
    a party may sue within 15 days of receiving the ruling."""
    if last_event(case, "apply_set_aside") is None:
        raise GuardRefused("尚未记录用人单位申请撤销裁决", "No application to set aside has been recorded")
    outcome = fields.choice(data.get("outcome"), "outcome", ("set_aside", "rejected"),
                            missing_zh="请选择裁定结果：撤销裁决或驳回申请", missing_en="Set aside, or rejected")
    return result(data, outcome=outcome, basis="《劳动争议调解仲裁法》第四十九条" if outcome == "rejected"
                  else "《劳动争议调解仲裁法》第四十九条第三款")


def lawsuit_ended(case, actor, data, today):
    """The worker's suit on a final award is dismissed or withdrawn: the award stands and the
    employer may apply to set it aside within 30 days of receiving the ruling (Interp Art. 21)."""
    outcome = fields.choice(data.get("outcome"), "outcome", ("dismissed", "withdrawn"),
                            missing_zh="请选择：驳回起诉或准予撤诉", missing_en="Dismissed or withdrawn")
    return result(data, outcome=outcome, basis="《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第二十一条")


def suit_after_award(case, today):
    """Precondition of lawsuit_ended: the suit was brought against an award."""
    suit = last_event(case, "file_lawsuit")
    award = last_event(case, "render_award")
    if suit is not None and award is not None and list(case.history).index(award) < list(case.history).index(suit):
        return None
    return GuardRefused("只有对仲裁裁决提起的诉讼终结后，案件才回到裁决阶段",
                        "Only a suit brought against an award returns the case to the award")


def suspend_limitation(case, actor, data, today):
    """Art. 27(3): force majeure or another justified cause stops the limitation period running."""
    reason = fields.text(data.get("reason"), "reason", missing_zh="时效中止须写明不可抗力或其他正当理由",
                         missing_en="Give the force majeure or other justified cause")
    return result(data, reason=reason, basis="《劳动争议调解仲裁法》第二十七条第三款")


def limitation_suspended(case):
    last = last_event(case, "suspend_limitation", "resume_limitation")
    return last is not None and last.event == "suspend_limitation"


def not_limitation_suspended(case, today):
    if not limitation_suspended(case):
        return None
    return GuardRefused("仲裁时效已中止，请先记录中止事由消除", "The limitation period is suspended already")


def limitation_is_suspended(case, today):
    if limitation_suspended(case):
        return None
    return GuardRefused("仲裁时效没有中止", "The limitation period is not suspended")


def confirmation_window(case, today):
    """Precondition: within 30 days of the agreement taking effect (《民事诉讼法》（2023年修正）第二百零五条)."""
    agreement = last_event(case, "mediation_succeeded")
    latest = add_period(agreement.on, JUDICIAL_CONFIRMATION_DAYS) if agreement else None
    if latest is not None and today <= latest:
        return None
    return GuardRefused(f"应当自调解协议生效之日起三十日内申请司法确认（至 {latest.isoformat() if latest else '—'}）"
                        "（《民事诉讼法》（2023年修正）第二百零五条）", "Apply within 30 days of the agreement taking effect")


def apply_judicial_confirmation(case, actor, data, today):
    """Interp Art. 52: an agreement reached before a people's mediation committee on payment
    obligations only may be taken jointly by both parties to the basic court where the committee
    sits; 《民事诉讼法》（2023年修正）第二百零五条: within 30 days of the agreement taking effect."""
    agreement = last_event(case, "mediation_succeeded")
    body = data.get("mediation_body") or agreement.data.get("mediation_body")
    fields.choice(body, "mediation_body", MEDIATION_BODIES, missing_zh="请选择主持调解的组织",
                  missing_en="Which body mediated")
    if body != "peoples_mediation":
        raise GuardRefused(
            f"司法确认限于人民调解委员会主持下达成的调解协议，本案为{MEDIATION_BODIES[body]}"
            "（《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第五十二条）",
            "Judicial confirmation is for agreements before a people's mediation committee (Interp Art. 52)",
            field="mediation_body")
    for flag, zh in (("payment_only", "调解协议仅就给付义务达成"), ("joint", "双方当事人共同申请")):
        if not fields.flag(data.get(flag), flag):
            raise GuardRefused(f"申请司法确认须{zh}（解释（一）第五十二条；《民事诉讼法》第二百零五条）",
                               "Interp Art. 52 needs a payment-only agreement and a joint application", field=flag)
    latest = add_period(agreement.on, JUDICIAL_CONFIRMATION_DAYS)
    return result(data, mediation_body=body, payment_only=True, joint=True, apply_by=latest.isoformat(),
                  court=fields.optional_text(data.get("court"), "court"))

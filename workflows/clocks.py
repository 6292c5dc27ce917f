"""Statutory deadlines, recomputed from the case's history on every call (never stored).

Articles are of 《劳动争议调解仲裁法》 unless another source is named; "Rules" are
《劳动人事争议仲裁办案规则》 (2017). Counting follows workflows.calendar.
"""

import datetime as dt
from dataclasses import dataclass, replace
from types import MappingProxyType

from .calendar import (
    UNKNOWN_CALENDAR_NOTE,
    UNKNOWN_CALENDAR_NOTE_EN,
    add_period,
    calendar_known_between,
    calendar_known_for,
    next_working_day,
)
from .case import events_since, last_event
from .rules import PAY_CLAIM_KINDS
from .service import public_notice_days, receipt, served_since
from .states import TERMINAL_STATES

DEADLINE_LABELS = MappingProxyType({
    "limitation": MappingProxyType({"zh": "仲裁时效", "en": "Limitation period for arbitration"}),
    "mediation": MappingProxyType({"zh": "调解期限", "en": "Mediation period"}),
    "arbitration_acceptance": MappingProxyType({"zh": "仲裁受理审查", "en": "Decision on accepting arbitration"}),
    "award": MappingProxyType({"zh": "仲裁裁决期限", "en": "Award period"}),
    "lawsuit": MappingProxyType({"zh": "起诉期限", "en": "Time to sue"}),
    "set_aside": MappingProxyType({"zh": "申请撤销裁决（用人单位）", "en": "Employer's application to set aside"}),
    "legal_aid_decision": MappingProxyType({"zh": "法律援助决定", "en": "Legal-aid decision"}),
    "employer_lawsuit": MappingProxyType({"zh": "起诉期限（用人单位）", "en": "Employer's time to sue"}),
    "serve_application": MappingProxyType({"zh": "送达仲裁申请书副本", "en": "Serving the application on the respondent"}),
    "defence": MappingProxyType({"zh": "答辩期限", "en": "Respondent's defence"}),
    "composition_notice": MappingProxyType({"zh": "通知仲裁庭组成", "en": "Notice of the tribunal's composition"}),
    "collective_notice": MappingProxyType({"zh": "集体争议一次性通知", "en": "Collective case: the one notice"}),
    "judicial_confirmation": MappingProxyType({"zh": "申请司法确认", "en": "Joint application for judicial confirmation"}),
})

MEDIATION_DAYS = 15
ACCEPTANCE_WORKING_DAYS = 5
HEARING_NOTICE_WORKING_DAYS = 5  # 第三十五条 "开庭五日前"; Rules 第八十条: working days
AWARD_DAYS = 45
AWARD_EXTENSION_DAYS = 15
LAWSUIT_DAYS = 15
SET_ASIDE_DAYS = 30
LEGAL_AID_DECISION_DAYS = 7
SERVE_APPLICATION_WORKING_DAYS = 5  # 第三十条第一款; Rules 第八十条: working days
DEFENCE_WORKING_DAYS = 10  # 第三十条第二款; Rules 第八十条
COMPOSITION_NOTICE_WORKING_DAYS = 5  # 第三十二条; Rules 第八十条
LIMITATION_YEARS = 1
LIMITATION_INTERRUPTIONS = ("submit", "decline", "mediation_failed", "mediation_succeeded")


@dataclass(frozen=True)
class Deadline:
    """A period running now: when it started, its last day and the article behind it."""

    kind: str
    starts: dt.date
    due: dt.date
    basis: str
    label_zh: str
    label_en: str
    calendar_known: bool
    note: str | None = None
    actor: str | None = None  # who must act: worker, employer, either, commission, tribunal, legal_aid
    unit: str = "days"
    length: int = 0
    note_en: str | None = None

    def as_data(self):
        """A JSON-serialisable dict with ISO dates."""
        return {
            "kind": self.kind, "starts": self.starts.isoformat(), "due": self.due.isoformat(),
            "basis": self.basis, "label_zh": self.label_zh, "label_en": self.label_en,
            "calendar_known": self.calendar_known, "note": self.note, "actor": self.actor,
            "unit": self.unit, "length": self.length, "note_en": self.note_en,
        }


# Who must act before each kind of deadline.
ACTORS = MappingProxyType({
    "limitation": "worker", "mediation": "mediation_body", "arbitration_acceptance": "commission",
    "award": "tribunal", "lawsuit": "worker", "employer_lawsuit": "employer", "set_aside": "employer",
    "legal_aid_decision": "legal_aid", "serve_application": "commission", "defence": "employer",
    "composition_notice": "commission", "collective_notice": "commission", "judicial_confirmation": "either",
})

# Who must act, as pages and documents name them (the labour-dispute and the inspection tracks).
ACTOR_LABELS = MappingProxyType({key: MappingProxyType({"zh": zh, "en": en}) for key, zh, en in (
    ("worker", "劳动者", "the worker"),
    ("employer", "用人单位", "the employer"),
    ("either", "当事人双方", "either party"),
    ("mediation_body", "调解组织", "the mediation body"),
    ("commission", "劳动人事争议仲裁委员会", "the arbitration commission"),
    ("tribunal", "仲裁庭", "the arbitral tribunal"),
    ("legal_aid", "法律援助机构", "the legal-aid office"),
    ("inspectorate", "劳动保障监察机构", "the labour inspectorate"),
    ("inspection_head", "劳动保障监察机构负责人", "the head of the labour inspectorate"),
    ("complainant", "投诉人", "the complainant"),
    ("police", "公安机关", "the police"),
)})


def running_period(kind, starts, length, basis, *notes, unit="days", due=None, labels=None, actors=None):
    """A running period; each note a (Chinese, English) pair, None for a note that does not apply.
    `due` when the last day is not simply `length` units on (an order's own date); `labels` and
    `actors` the tables of names and of who must act by kind (this module's, unless another track's)."""
    due = due or add_period(starts, length, unit)
    known = calendar_known_between(starts, due) if unit == "working_days" else calendar_known_for(due)
    notes = [n for n in notes if n] + ([] if known else [(UNKNOWN_CALENDAR_NOTE, UNKNOWN_CALENDAR_NOTE_EN)])
    named = (labels or DEADLINE_LABELS)[kind]
    return Deadline(kind, starts, due, basis, named["zh"], named["en"], known,
                    "；".join(zh for zh, _ in notes) or None, (actors or ACTORS).get(kind), unit, length,
                    "; ".join(en for _, en in notes) or None)


_deadline = running_period


def mediation_deadline(case, today=None):
    """15 days from the day the mediation body received the application (第十四条)."""
    return _deadline("mediation", case.submitted_on, MEDIATION_DAYS, "《劳动争议调解仲裁法》第十四条")


def correction_outstanding(case):
    """Whether the commission has asked for the arbitration application to be completed (Rules
    第二十九条第三款) and the applicant has not yet done so."""
    last = last_event(case, "apply_arbitration", "request_application_correction", "application_corrected")
    return last is not None and last.event == "request_application_correction"


def application_received_on(case):
    """The day the arbitration application counts as received, or None while none is, or while the
    applicant is still completing it.

    Rules 第四十六条第二项: when the applicant must complete the materials, the time the commission
    received the application is counted anew from the day they are completed.
    """
    applied = last_event(case, "apply_arbitration")
    if applied is None or correction_outstanding(case):
        return None
    corrected = last_event(case, "apply_arbitration", "application_corrected")
    if corrected.event == "application_corrected":
        return dt.date.fromisoformat(corrected.data.get("corrected_on") or corrected.on.isoformat())
    return applied.on


def arbitration_acceptance_deadline(case, today=None):
    """5 working days from receipt of the arbitration application to accept or refuse it.

    第二十九条; Rules 第三十条, and Rules 第八十条: the Rules' "三日、五日、十日" are working days.
    Receipt is counted from the day a requested correction is made (Rules 第四十六条第二项); while
    the applicant is still completing the application, the commission has nothing to decide yet.
    """
    received = application_received_on(case)
    if received is None:
        return None
    corrected = last_event(case, "apply_arbitration", "application_corrected").event == "application_corrected"
    return _deadline(
        "arbitration_acceptance", received, ACCEPTANCE_WORKING_DAYS,
        "《劳动争议调解仲裁法》第二十九条；《劳动人事争议仲裁办案规则》第三十条、第八十条"
        + ("、第四十六条第二项" if corrected else ""),
        ("申请人补正材料的，收到仲裁申请的时间从材料补正之日起重新计算",
         "once the applicant completes the materials, the application counts as received from that day") if corrected else None,
        ("逾期未作出决定的，申请人可以就该争议向人民法院起诉",
         "without a decision in time, the applicant may take the dispute to court"),
        unit="working_days",
    )


def _award_clock(case, accepted, today):
    """(start, extended, days not counted, suspended since) of the award period."""
    start, extended, paused, suspended_since = accepted.on, 0, 0, None
    restarted = accepted
    for record in events_since(case, accepted):
        if record.event == "restart_award_clock":
            start, paused, suspended_since, restarted = record.on, 0, None, record
        elif record.event == "transfer_case":
            received = dt.date.fromisoformat(record.data.get("received_on", record.on.isoformat()))
            start, paused, suspended_since, restarted = received, 0, None, record
        elif record.event == "extend_award":
            extended += extension_days(record)
        elif record.event == "suspend_award_clock":
            suspended_since = record.on
        elif record.event == "resume_award_clock" and suspended_since is not None:
            paused += (record.on - suspended_since).days
            suspended_since = None
    if suspended_since is not None:
        paused += max((today - suspended_since).days, 0)
    paused += public_notice_days(case, restarted)
    return start, min(extended, AWARD_EXTENSION_DAYS), paused, suspended_since


def extension_days(record):
    """The days one extension granted: as recorded, or the full 15 for records that name none."""
    days = (record.data or {}).get("days")
    return days if isinstance(days, int) and not isinstance(days, bool) and days > 0 else AWARD_EXTENSION_DAYS


def award_suspended(case):
    """Whether the proceedings are suspended now (suspend without a later resume or restart)."""
    last = last_event(case, "suspend_award_clock", "resume_award_clock", "restart_award_clock",
                      "accept_arbitration")
    return last is not None and last.event == "suspend_award_clock"


def award_extension_days(case):
    """How many days the award period has been extended in this arbitration, in all.

    Art. 43(1) and Rules Art. 45 cap the extension at 15 days; neither says it is granted once, so
    several approvals may add up to the 15.
    """
    accepted = last_event(case, "accept_arbitration")
    granted = sum(extension_days(r) for r in events_since(case, accepted) if r.event == "extend_award")
    return min(granted, AWARD_EXTENSION_DAYS)



def award_deadline(case, today):
    """45 days from acceptance, plus the days extended, 15 at most (第四十三条; Rules 第四十五条).

    Rules 第四十六条: the period restarts when a party is added, claims change, a counter-claim is
    merged or the case is transferred; days of suspension and of service by public notice (30 days
    each, 《民事诉讼法》第九十五条) are not counted. (Item 二, completed materials, moves the day
    the application counts as received, before acceptance: application_received_on.)
    """
    accepted = last_event(case, "accept_arbitration")
    if accepted is None:
        return None
    start, extended, paused, suspended_since = _award_clock(case, accepted, today)
    notes = []
    if last_event(case, "convert_to_ordinary") is not None:
        notes.append(("简易处理转为一般程序，仲裁期限仍自受理之日起计算（《劳动人事争议仲裁办案规则》第六十一条）",
                      "converted from simplified to ordinary procedure, the period still runs from acceptance "
                      "(Rules for Handling Labour and Personnel Dispute Arbitration Cases, Art. 61)"))
    if extended:
        notes.append((f"已延长{extended}日", f"extended by {extended} days"))
    if paused:
        notes.append((f"中止审理 {paused} 日不计入", f"{paused} days of suspended proceedings not counted"))
    if suspended_since is not None:
        notes.append((f"自 {suspended_since.isoformat()} 起中止审理，恢复前期限顺延",
                      f"proceedings suspended since {suspended_since.isoformat()}; the period waits until they resume"))
    length = AWARD_DAYS + extended + paused
    return _deadline(
        "award", start, length,
        "《劳动争议调解仲裁法》第四十三条；《劳动人事争议仲裁办案规则》第四十五条、第四十六条", *notes,
    )


_RECEIPT_NOTE = ("尚未记录送达，暂按裁决作出之日推算；期限自收到裁决书之日起算，以实际送达日为准",
                 "service not yet recorded: estimated from the day of the award; the period runs from receipt "
                 "of the award, so the actual day of service governs")


def _from_receipt(case, document, party, anchor_event):
    """(start day, note) of a period that runs from `party`'s receipt of `document`."""
    anchor = last_event(case, anchor_event)
    found = receipt(case, document, party, after=anchor)
    if found is not None:
        day, record = found
        method = record.data.get("method")
        if method == "public_notice":
            return day, (f"自 {day.isoformat()} 公告送达，发出公告之日起经过三十日视为送达之日起算",
                         f"counted from {day.isoformat()}: served by public notice, deemed served 30 days after it")
        return day, (f"自 {day.isoformat()} 送达之日起算", f"counted from {day.isoformat()}, the day of service")
    return anchor.on, _RECEIPT_NOTE


def _after_award(case, *names):
    """The latest record of one of `names` after the latest award, or None."""
    awarded = last_event(case, "render_award")
    found = None
    for record in events_since(case, awarded):
        if record.event in names:
            found = record
    return found


def _award_set_aside(case):
    ruled = _after_award(case, "set_aside_ruled")
    return ruled is not None and ruled.data.get("outcome") == "set_aside"


def _from_ruling(case, document, party, ruled):
    found = receipt(case, document, party, after=ruled)
    if found is not None:
        return found[0], (f"自 {found[0].isoformat()} 收到裁定书之日起算",
                          f"counted from {found[0].isoformat()}, the day the ruling was received")
    return ruled.on, ("尚未记录裁定书送达，暂按裁定记录之日推算，以实际送达日为准",
                      "service of the ruling not yet recorded: estimated from the day it was recorded; the actual "
                      "day of service governs")


def lawsuit_deadline(case, today=None):
    """15 days from the worker's receipt of the award to sue: only the worker on a final award
    (第四十八条), either party on a non-final one, the award taking effect if nobody does (第五十条);
    after the court sets a final award aside, 15 days from receipt of the ruling (第四十九条第三款)."""
    awarded = last_event(case, "render_award")
    if awarded is None or _after_award(case, "lawsuit_ended") is not None:
        return None
    if _award_set_aside(case):
        starts, note = _from_ruling(case, "set_aside_ruling", "worker", _after_award(case, "set_aside_ruled"))
        return _deadline("lawsuit", starts, LAWSUIT_DAYS, "《劳动争议调解仲裁法》第四十九条第三款",
                         ("仲裁裁决被人民法院裁定撤销，当事人可以就该劳动争议事项起诉",
                          "the court set the award aside: a party may sue on the dispute"), note)
    starts, note = _from_receipt(case, "award", "worker", "render_award")
    if case.final_award:
        return _deadline("lawsuit", starts, LAWSUIT_DAYS, "《劳动争议调解仲裁法》第四十八条",
                         ("终局裁决：仅劳动者可以起诉", "final award: only the worker may sue"), note)
    return _deadline("lawsuit", starts, LAWSUIT_DAYS, "《劳动争议调解仲裁法》第五十条",
                     ("期满不起诉的，裁决书发生法律效力", "if nobody sues in time, the award takes legal effect"), note)


def employer_lawsuit_deadline(case, today=None):
    """15 days from the employer's receipt of a non-final award (第五十条), or of the ruling that
    sets a final award aside (第四十九条第三款); none on a final award that stands."""
    if last_event(case, "render_award") is None or _after_award(case, "lawsuit_ended") is not None:
        return None
    if _award_set_aside(case):
        starts, note = _from_ruling(case, "set_aside_ruling", "employer", _after_award(case, "set_aside_ruled"))
        return _deadline("employer_lawsuit", starts, LAWSUIT_DAYS, "《劳动争议调解仲裁法》第四十九条第三款", note)
    if case.final_award:
        return None
    starts, note = _from_receipt(case, "award", "employer", "render_award")
    return _deadline("employer_lawsuit", starts, LAWSUIT_DAYS, "《劳动争议调解仲裁法》第五十条",
                     ("用人单位不服非终局裁决的，自收到裁决书之日起十五日内起诉",
                      "an employer that contests a non-final award sues within 15 days of receiving it"), note)


def set_aside_deadline(case, today=None):
    """30 days from the employer's receipt to apply to the intermediate court to set a final
    award aside (第四十九条); none for a non-final award, none once applied for. After the worker's
    suit on it is dismissed or withdrawn, 30 days from receipt of that ruling (解释（一）第二十一条)."""
    awarded = last_event(case, "render_award")
    if awarded is None or not case.final_award or _after_award(case, "apply_set_aside") is not None:
        return None
    ended = _after_award(case, "lawsuit_ended")
    if ended is not None:
        starts, note = _from_ruling(case, "dismissal_ruling", "employer", ended)
        return _deadline("set_aside", starts, SET_ASIDE_DAYS,
                         "《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第二十一条第二款",
                         ("劳动者的起诉被驳回或者撤诉后，向仲裁委员会所在地的中级人民法院申请",
                          "after the worker's suit is dismissed or withdrawn, to the intermediate court where the "
                          "commission sits"), note)
    starts, note = _from_receipt(case, "award", "employer", "render_award")
    return _deadline("set_aside", starts, SET_ASIDE_DAYS, "《劳动争议调解仲裁法》第四十九条",
                     ("向仲裁委员会所在地的中级人民法院申请", "to the intermediate court where the commission sits"), note)


_RULES_80 = "；《劳动人事争议仲裁办案规则》第八十条（按工作日计算）"


def serve_application_deadline(case, today=None):
    """5 working days from acceptance to serve the application on the respondent (第三十条第一款)."""
    accepted = last_event(case, "accept_arbitration")
    if accepted is None or served_since(case, "application_copy", "accept_arbitration"):
        return None
    return _deadline("serve_application", accepted.on, SERVE_APPLICATION_WORKING_DAYS,
                     "《劳动争议调解仲裁法》第三十条第一款" + _RULES_80, unit="working_days")


def defence_deadline(case, today=None):
    """10 working days from the respondent's receipt of the application to file a defence
    (第三十条第二款); no defence does not stop the proceedings."""
    accepted = last_event(case, "accept_arbitration")
    found = receipt(case, "application_copy", "employer", after=accepted) if accepted else None
    if found is None:
        return None
    return _deadline("defence", found[0], DEFENCE_WORKING_DAYS, "《劳动争议调解仲裁法》第三十条第二款" + _RULES_80,
                     ("被申请人未提交答辩书的，不影响仲裁程序的进行",
                      "no defence does not stop the proceedings"), unit="working_days")


def composition_notice_deadline(case, today=None):
    """5 working days from acceptance to tell the parties in writing who the tribunal are (第三十二条)."""
    accepted = last_event(case, "accept_arbitration")
    if accepted is None or served_since(case, "composition_notice", "accept_arbitration") \
            or served_since(case, "collective_notice", "accept_arbitration"):
        return None
    return _deadline("composition_notice", accepted.on, COMPOSITION_NOTICE_WORKING_DAYS,
                     "《劳动争议调解仲裁法》第三十二条" + _RULES_80, unit="working_days")


def _claim_kinds(case):
    return {claim.kind for claim in case.claims}


def _limitation_bases(case):
    """The day each group of claims first ran from (None if unknown).

    Pay claims during an ongoing labour relationship form no group: they are not time-barred.
    """
    kinds = _claim_kinds(case)
    pay, others = kinds & PAY_CLAIM_KINDS, kinds - PAY_CLAIM_KINDS
    bases = [case.knew_of_violation_on] if others or not kinds else []
    if pay and case.relationship_ended:
        bases.append(case.relationship_ended_on or case.knew_of_violation_on)
    return bases


# The team's legal audit (domain/legal-audit.md, December 2026) records that courts differ on
# whether a claim to confirm a labour relationship is subject to the limitation period: Beijing,
# Shanghai, Liaoning and Chongqing guidance says no, Tianjin (津高法〔2019〕296号) says yes. Those
# regional texts were not re-read here: the split is stated, not decided.
CONFIRMATION_SPLIT_NOTE = ("确认劳动关系的请求是否适用仲裁时效，各地裁判口径不一（据本系统法律审查记录：北京、上海、辽宁、"
                           "重庆认为不受时效限制，天津津高法〔2019〕296号认为适用），请按本地口径判断",
                           "courts differ on whether a claim to confirm a labour relationship is time-barred (this "
                           "system's legal review: Beijing, Shanghai, Liaoning and Chongqing say it is not; Tianjin, "
                           "Jin Gao Fa [2019] No. 296, says it is): follow the local practice")


def _time_barred_note(bases, complained_on, kinds=frozenset()):
    known = [base for base in bases if base is not None]
    if not known:
        return None
    first_due = add_period(min(known), LIMITATION_YEARS, "years")
    if first_due >= complained_on:
        return None
    if kinds == {"confirm_labor_relation"}:
        zh, en = CONFIRMATION_SPLIT_NOTE
        return (f"按知道权利受侵害之日计算，一年已于 {first_due.isoformat()} 经过；" + zh,
                f"counted from the day the worker knew of the infringement, the year ended on {first_due.isoformat()}; " + en)
    return (f"按知道权利受侵害之日计算，仲裁时效已于 {first_due.isoformat()} 届满；"
            "对方提出时效抗辩的，请核实有无中断、中止事由",
            f"counted from the day the worker knew of the infringement, the limitation period ended on "
            f"{first_due.isoformat()}; if the other side pleads it, check for an interruption or suspension")


def _limitation_pauses(case, since, today):
    """Days the limitation stood still after `since` (第二十七条第三款), and the open suspension."""
    paused, open_since = 0, None
    for record in case.history:
        if record.on < since:
            continue
        if record.event == "suspend_limitation" and open_since is None:
            open_since = record.on
        elif record.event == "resume_limitation" and open_since is not None:
            paused += (record.on - open_since).days
            open_since = None
    if open_since is not None:
        paused += max((today - open_since).days, 0)
    return paused, open_since


def limitation_deadline(case, today=None):
    """One year to apply for arbitration (第二十七条).

    It runs from the day the worker knew of the infringement and restarts in full on an
    interruption (第二款): the complaint, the decision not to accept it, the failure of mediation or
    an agreement to perform. It stands still while suspended for force majeure or another justified
    cause and then runs on (第三款). Wage arrears during an ongoing labour relationship are not
    time-barred; once it has ended, one year from its end (第四款).
    """
    bases = _limitation_bases(case)
    if not bases:
        return None
    interrupted = last_event(case, *LIMITATION_INTERRUPTIONS)
    interruption = max(case.submitted_on, interrupted.on) if interrupted else case.submitted_on
    starts = min(max(base or interruption, interruption) for base in bases)
    kinds = _claim_kinds(case)
    exempt = bool(kinds & PAY_CLAIM_KINDS) and not case.relationship_ended
    paused, open_since = _limitation_pauses(case, starts, today or starts)
    notes = [
        _time_barred_note(bases, case.submitted_on, kinds),
        CONFIRMATION_SPLIT_NOTE if "confirm_labor_relation" in kinds and kinds != {"confirm_labor_relation"} else None,
        ("劳动关系存续期间拖欠劳动报酬的请求不受仲裁时效限制",
         "claims for pay withheld while the labour relationship lasts are not time-barred") if exempt else None,
        (f"时效中止 {paused} 日不计入", f"{paused} days of suspended limitation not counted")
        if paused and open_since is None else None,
        (f"自 {open_since.isoformat()} 起时效中止，中止事由消除后继续计算",
         f"limitation suspended since {open_since.isoformat()}; it runs on once the cause ends") if open_since else None,
    ]
    deadline = _deadline("limitation", starts, LIMITATION_YEARS, "《劳动争议调解仲裁法》第二十七条", *notes,
                         unit="years")
    if not paused:
        return deadline
    due = next_working_day(add_period(starts, LIMITATION_YEARS, "years") + dt.timedelta(days=paused))
    return replace(deadline, due=due, calendar_known=calendar_known_for(due))


URGENT_KINDS = ("limitation", "lawsuit", "employer_lawsuit", "set_aside")


def legal_aid_urgency(case, today, running=None):
    """Why legal aid may be given before the decision (《法律援助法》第四十四条), as one rule.

    (1) fewer than seven days remain before a limitation or filing deadline (to apply for
    arbitration, to sue, to apply to set aside); (2) preservation of property or evidence, or
    interim execution, must be asked for at once (the referral says so). Returns the reasons.
    """
    return [zh for zh, _ in _urgency_reasons(case, today, running)]


def _urgency_reasons(case, today, running=None):
    """legal_aid_urgency's reasons as (Chinese, English) pairs."""
    running = deadlines(case, today=today) if running is None else running
    reasons = [(f"距{d.label_zh}届满（{d.due.isoformat()}）不足七日，需要及时起诉或者申请仲裁（第四十四条第一项）",
                f"fewer than seven days to the end of the {d.label_en} ({d.due.isoformat()}): a claim must be brought "
                f"at once (Art. 44(1))")
               for d in running if d.kind in URGENT_KINDS and 0 <= (d.due - today).days < LEGAL_AID_DECISION_DAYS]
    referred = last_event(case, "refer_legal_aid")
    if referred is not None and referred.data.get("needs_preservation"):
        reasons.append(("需要立即申请财产保全、证据保全或者先予执行（第四十四条第二项）",
                        "preservation of property or evidence, or advance execution, must be applied for at once "
                        "(Art. 44(2))"))
    return reasons


def _legal_aid_deadline(case, today, running):
    """7 days from the agency's receipt of the application to decide (《法律援助法》第四十三条);
    flags the Art. 44 cases."""
    referred = last_event(case, "refer_legal_aid")
    if referred is None:
        return None
    received = dt.date.fromisoformat(referred.data.get("received_on") or referred.on.isoformat())
    urgent = _urgency_reasons(case, today, running)
    note = ("可以决定先行提供法律援助：" + "；".join(zh for zh, _ in urgent),
            "legal aid may be given before the decision: " + "; ".join(en for _, en in urgent)) if urgent else None
    return _deadline("legal_aid_decision", received, LEGAL_AID_DECISION_DAYS,
                     "《中华人民共和国法律援助法》第四十三条、第四十四条",
                     ("自法律援助机构收到申请之日起算", "counted from the day the legal-aid office received the application"),
                     note)


def collective_notice_deadline(case, today=None):
    """A collective case: within 5 working days of acceptance, one notice to the parties of the
    tribunal, the defence and evidence periods and the hearing's date and place (Rules 第六十四条).
    Not when the case is handled simply: Rules 第六十二条第二款 frees it from the collective section."""
    accepted = last_event(case, "accept_arbitration")
    if accepted is None or not case.collective or served_since(case, "collective_notice", "accept_arbitration"):
        return None
    if any(r.event == "use_simple_procedure" for r in events_since(case, accepted)):
        return None
    return _deadline("collective_notice", accepted.on, COMPOSITION_NOTICE_WORKING_DAYS,
                     "《劳动人事争议仲裁办案规则》第六十四条、第八十条", unit="working_days")


def judicial_confirmation_deadline(case, today=None):
    """30 days from the agreement taking effect for both parties to apply jointly for judicial
    confirmation (《民事诉讼法》（2023年修正）第二百零五条), where 解释（一）第五十二条 allows it: a
    people's mediation committee and payment obligations only."""
    agreement = last_event(case, "mediation_succeeded")
    if agreement is None or agreement.data.get("mediation_body") != "peoples_mediation" \
            or not agreement.data.get("payment_only") or last_event(case, "apply_judicial_confirmation"):
        return None
    return _deadline("judicial_confirmation", agreement.on, 30,
                     "《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第五十二条；《民事诉讼法》（2023年修正）第二百零五条",
                     ("向人民调解委员会所在地的基层人民法院共同申请",
                      "both parties apply to the basic court where the people's mediation committee sits"))


_RUNNING = {
    "submitted": (mediation_deadline, limitation_deadline),
    "in_mediation": (mediation_deadline, limitation_deadline),
    "not_accepted": (limitation_deadline,),
    "mediation_failed": (limitation_deadline,),
    "mediated": (limitation_deadline, judicial_confirmation_deadline),
    "arbitration_applied": (arbitration_acceptance_deadline,),
    "in_arbitration": (award_deadline, serve_application_deadline, composition_notice_deadline,
                       collective_notice_deadline, defence_deadline),
    "awarded": (lawsuit_deadline, employer_lawsuit_deadline, set_aside_deadline),
}


def deadlines(case, *, today):
    """The statutory periods running now for the case, overdue ones included."""
    running = [clock(case, today) for clock in _RUNNING.get(case.state, ())]
    running = [d for d in running if d is not None]
    if case.legal_aid == "referred" and case.state not in TERMINAL_STATES:
        legal_aid = _legal_aid_deadline(case, today, running)
        running += [legal_aid] if legal_aid else []
    return running

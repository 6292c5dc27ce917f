"""Statutory deadlines, recomputed from the case's history on every call (never stored).

Articles are of 《劳动争议调解仲裁法》 unless another source is named; "Rules" are
《劳动人事争议仲裁办案规则》 (2017). Counting follows workflows.calendar.
"""

import datetime as dt
from dataclasses import dataclass
from types import MappingProxyType

from .calendar import UNKNOWN_CALENDAR_NOTE, add_period, calendar_known_between, calendar_known_for
from .case import events_since, last_event
from .rules import PAY_CLAIM_KINDS
from .states import TERMINAL_STATES

DEADLINE_LABELS = MappingProxyType({
    "limitation": MappingProxyType({"zh": "仲裁时效", "en": "Limitation period for arbitration"}),
    "mediation": MappingProxyType({"zh": "调解期限", "en": "Mediation period"}),
    "arbitration_acceptance": MappingProxyType({"zh": "仲裁受理审查", "en": "Decision on accepting arbitration"}),
    "award": MappingProxyType({"zh": "仲裁裁决期限", "en": "Award period"}),
    "lawsuit": MappingProxyType({"zh": "起诉期限", "en": "Time to sue"}),
    "set_aside": MappingProxyType({"zh": "申请撤销裁决（用人单位）", "en": "Employer's application to set aside"}),
    "legal_aid_decision": MappingProxyType({"zh": "法律援助决定", "en": "Legal-aid decision"}),
})

MEDIATION_DAYS = 15
ACCEPTANCE_WORKING_DAYS = 5
HEARING_NOTICE_WORKING_DAYS = 5  # 第三十五条 "开庭五日前"; Rules 第八十条: working days
AWARD_DAYS = 45
AWARD_EXTENSION_DAYS = 15
LAWSUIT_DAYS = 15
SET_ASIDE_DAYS = 30
LEGAL_AID_DECISION_DAYS = 7
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

    def as_data(self):
        """A JSON-serialisable dict with ISO dates."""
        return {
            "kind": self.kind, "starts": self.starts.isoformat(), "due": self.due.isoformat(),
            "basis": self.basis, "label_zh": self.label_zh, "label_en": self.label_en,
            "calendar_known": self.calendar_known, "note": self.note,
        }


def _deadline(kind, starts, length, basis, *notes, unit="days"):
    due = add_period(starts, length, unit)
    known = calendar_known_between(starts, due) if unit == "working_days" else calendar_known_for(due)
    notes = [n for n in notes if n] + ([] if known else [UNKNOWN_CALENDAR_NOTE])
    labels = DEADLINE_LABELS[kind]
    return Deadline(kind, starts, due, basis, labels["zh"], labels["en"], known, "；".join(notes) or None)


def mediation_deadline(case, today=None):
    """15 days from the day the mediation body received the application (第十四条)."""
    return _deadline("mediation", case.submitted_on, MEDIATION_DAYS, "《劳动争议调解仲裁法》第十四条")


def arbitration_acceptance_deadline(case, today=None):
    """5 working days from receipt of the arbitration application to accept or refuse it.

    第二十九条; Rules 第三十条, and Rules 第八十条: the Rules' "三日、五日、十日" are working days.
    """
    applied = last_event(case, "apply_arbitration")
    if applied is None:
        return None
    return _deadline(
        "arbitration_acceptance", applied.on, ACCEPTANCE_WORKING_DAYS,
        "《劳动争议调解仲裁法》第二十九条；《劳动人事争议仲裁办案规则》第三十条、第八十条",
        "逾期未作出决定的，申请人可以就该争议向人民法院起诉",
        unit="working_days",
    )


def _award_clock(case, accepted, today):
    """(start, extended, days not counted, suspended since) of the award period."""
    start, extended, paused, suspended_since = accepted.on, False, 0, None
    for record in events_since(case, accepted):
        if record.event == "restart_award_clock":
            start, paused, suspended_since = record.on, 0, None
        elif record.event == "extend_award":
            extended = True
        elif record.event == "suspend_award_clock":
            suspended_since = record.on
        elif record.event == "resume_award_clock" and suspended_since is not None:
            paused += (record.on - suspended_since).days
            suspended_since = None
    if suspended_since is not None:
        paused += max((today - suspended_since).days, 0)
    return start, extended, paused, suspended_since


def award_suspended(case):
    """Whether the proceedings are suspended now (suspend without a later resume or restart)."""
    last = last_event(case, "suspend_award_clock", "resume_award_clock", "restart_award_clock",
                      "accept_arbitration")
    return last is not None and last.event == "suspend_award_clock"


def award_extended(case):
    """Whether the award period has been extended in this arbitration (allowed once)."""
    accepted = last_event(case, "accept_arbitration")
    return any(r.event == "extend_award" for r in events_since(case, accepted))


def award_deadline(case, today):
    """45 days from acceptance, +15 once extended (第四十三条; Rules 第四十五条).

    Rules 第四十六条: the period restarts when a party is added, claims change, a counter-claim is
    merged or the case is transferred; days of suspension (and of service by public notice,
    recorded as a suspension) are not counted.
    """
    accepted = last_event(case, "accept_arbitration")
    if accepted is None:
        return None
    start, extended, paused, suspended_since = _award_clock(case, accepted, today)
    notes = []
    if extended:
        notes.append("已延长十五日")
    if paused:
        notes.append(f"中止审理 {paused} 日不计入")
    if suspended_since is not None:
        notes.append(f"自 {suspended_since.isoformat()} 起中止审理，恢复前期限顺延")
    length = AWARD_DAYS + (AWARD_EXTENSION_DAYS if extended else 0) + paused
    return _deadline(
        "award", start, length,
        "《劳动争议调解仲裁法》第四十三条；《劳动人事争议仲裁办案规则》第四十五条、第四十六条", *notes,
    )


_RECEIPT_NOTE = "自收到裁决书之日起算，此处按裁决作出之日推算，以实际送达日为准"


def lawsuit_deadline(case, today=None):
    """15 days after the award to sue: only the worker on a final award (第四十八条), else
    either party, the award taking effect if nobody does (第五十条)."""
    awarded = last_event(case, "render_award")
    if awarded is None:
        return None
    if case.final_award:
        return _deadline("lawsuit", awarded.on, LAWSUIT_DAYS, "《劳动争议调解仲裁法》第四十八条",
                         "终局裁决：仅劳动者可以起诉", _RECEIPT_NOTE)
    return _deadline("lawsuit", awarded.on, LAWSUIT_DAYS, "《劳动争议调解仲裁法》第五十条",
                     "期满不起诉的，裁决书发生法律效力", _RECEIPT_NOTE)


def set_aside_deadline(case, today=None):
    """30 days for the employer to apply to the intermediate court to set a final award aside
    (第四十九条); none for a non-final award."""
    awarded = last_event(case, "render_award")
    if awarded is None or not case.final_award:
        return None
    return _deadline("set_aside", awarded.on, SET_ASIDE_DAYS, "《劳动争议调解仲裁法》第四十九条",
                     "向仲裁委员会所在地的中级人民法院申请", _RECEIPT_NOTE)


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


def _time_barred_note(bases, complained_on):
    known = [base for base in bases if base is not None]
    if not known:
        return None
    first_due = add_period(min(known), LIMITATION_YEARS, "years")
    if first_due >= complained_on:
        return None
    return (f"按知道权利受侵害之日计算，仲裁时效已于 {first_due.isoformat()} 届满；"
            "对方提出时效抗辩的，请核实有无中断、中止事由")


def limitation_deadline(case, today=None):
    """One year to apply for arbitration (第二十七条).

    It runs from the day the worker knew of the infringement and restarts in full on an
    interruption: the complaint, the decision not to accept it, the failure of mediation or an
    agreement to perform. Wage arrears during an ongoing labour relationship are not time-barred;
    once it has ended, one year from its end.
    """
    bases = _limitation_bases(case)
    if not bases:
        return None
    interrupted = last_event(case, *LIMITATION_INTERRUPTIONS)
    interruption = max(case.submitted_on, interrupted.on) if interrupted else case.submitted_on
    starts = min(max(base or interruption, interruption) for base in bases)
    exempt = bool(_claim_kinds(case) & PAY_CLAIM_KINDS) and not case.relationship_ended
    return _deadline(
        "limitation", starts, LIMITATION_YEARS, "《劳动争议调解仲裁法》第二十七条",
        _time_barred_note(bases, case.submitted_on),
        "劳动关系存续期间拖欠劳动报酬的请求不受仲裁时效限制" if exempt else None,
        unit="years",
    )


def _legal_aid_deadline(case, today, running):
    """7 days from the referral to decide (《法律援助法》第四十三条); flags the Art. 44 case."""
    referred = last_event(case, "refer_legal_aid")
    if referred is None:
        return None
    urgent = [d for d in running if d.kind in ("limitation", "lawsuit")
              and 0 <= (d.due - today).days < LEGAL_AID_DECISION_DAYS]
    note = None
    if urgent:
        note = f"距{urgent[0].label_zh}届满不足七日，可先行提供法律援助（《法律援助法》第四十四条）"
    return _deadline("legal_aid_decision", referred.on, LEGAL_AID_DECISION_DAYS, "《中华人民共和国法律援助法》第四十三条", note)


_RUNNING = {
    "submitted": (mediation_deadline, limitation_deadline),
    "in_mediation": (mediation_deadline, limitation_deadline),
    "not_accepted": (limitation_deadline,),
    "mediation_failed": (limitation_deadline,),
    "mediated": (limitation_deadline,),
    "arbitration_applied": (arbitration_acceptance_deadline,),
    "in_arbitration": (award_deadline,),
    "awarded": (lawsuit_deadline, set_aside_deadline),
}


def deadlines(case, *, today):
    """The statutory periods running now for the case, overdue ones included."""
    running = [clock(case, today) for clock in _RUNNING.get(case.state, ())]
    running = [d for d in running if d is not None]
    if case.legal_aid == "referred" and case.state not in TERMINAL_STATES:
        legal_aid = _legal_aid_deadline(case, today, running)
        running += [legal_aid] if legal_aid else []
    return running

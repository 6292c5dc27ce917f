"""Worked examples: one row per rule per situation, with the article, the inputs, the expected date
or decision and why. Every expected value was worked out by hand from the calendar (the State
Council's 2026 arrangement; for 2027 on, the statutory days of 《全国年节及纪念日放假办法》（2024年修订）
plus weekends, as the provisional calendar counts them), not read back from the code.

Statutory days used below (provisional years): 2027 元旦 1.1 (Fri), 春节 2.5–2.8, 清明 4.5, 劳动节 5.1–5.2,
端午 6.9, 中秋 9.15, 国庆 10.1–10.3; 2028 元旦 1.1 (Sat), 春节 1.25–1.28, 清明 4.4, 劳动节 5.1–5.2,
端午 5.28, 国庆 10.1–10.3 (中秋 10.3); 2029 元旦 1.1, 春节 2.12–2.15, 清明 4.4, 劳动节 5.1–5.2, 端午 6.16,
中秋 9.22, 国庆 10.1–10.3; 2030 元旦 1.1, 春节 2.2–2.5, 清明 4.5, 劳动节 5.1–5.2, 端午 6.5, 中秋 9.12,
国庆 10.1–10.3; 2031 元旦 1.1 (Wed). 2026 (published): off 1.1–1.3, 2.15–2.23, 4.4–4.6, 5.1–5.5,
6.19–6.21, 9.25–9.27, 10.1–10.7; make-up working days 1.4, 2.14, 2.28, 5.9, 9.20, 10.10.

Articles: "LDMAL" = 《劳动争议调解仲裁法》; "Rules" = 《劳动人事争议仲裁办案规则》（2017）; "Interp" =
最高人民法院劳动争议解释（一）（2020）; "CPL" = 《民事诉讼法》（2023年修正）.
"""

import datetime as dt
from collections import namedtuple
from decimal import Decimal

import pytest

from tests.workflows.fakes import Claim, Desk, FakeCase, PEOPLE
from workflows import (
    GuardRefused,
    WorkflowError,
    add_period,
    allowed_events,
    competent_commission,
    deadlines,
    final_award_assessment,
    hearing_notice_latest,
    statutory_holidays,
    subtract_working_days,
)

D = dt.date
Row = namedtuple("Row", "rule article inputs expected why")


def P(start, length, unit, expected, article, why):
    return Row("period", article, (D(*start), length, unit), D(*expected), why)


PERIOD = "CPL Art. 85; Rules Art. 19"
WD = "Rules Art. 80 (working days)"

COUNTING = [
    # Year ends.
    P((2026, 12, 17), 15, "days", (2027, 1, 4), PERIOD, "day 15 is 元旦 2027 (Fri), then a weekend: the audit's example"),
    P((2026, 12, 16), 15, "days", (2026, 12, 31), PERIOD, "day 15 is Thursday 31 December, a working day"),
    P((2026, 12, 18), 15, "days", (2027, 1, 4), PERIOD, "day 15 is Saturday 2 January 2027"),
    P((2026, 12, 25), 5, "working_days", (2027, 1, 4), WD, "28–31 December count four, 元旦 is skipped, Monday 4 January is the fifth"),
    P((2026, 12, 31), 10, "working_days", (2027, 1, 15), WD, "4–8 and 11–15 January 2027"),
    P((2027, 12, 17), 15, "days", (2028, 1, 3), PERIOD, "day 15 is 元旦 2028, a Saturday; 补假 unknown before the notice"),
    P((2027, 12, 27), 5, "working_days", (2028, 1, 3), WD, "28–31 December count four, Monday 3 January 2028 the fifth"),
    P((2028, 12, 17), 15, "days", (2029, 1, 2), PERIOD, "day 15 is 元旦 2029 (Mon): the next day"),
    P((2028, 12, 28), 5, "working_days", (2029, 1, 5), WD, "29 December, then 2–5 January (元旦 skipped)"),
    P((2029, 12, 17), 15, "days", (2030, 1, 2), PERIOD, "day 15 is 元旦 2030 (Tue)"),
    P((2029, 12, 31), 5, "working_days", (2030, 1, 8), WD, "元旦 skipped: 2, 3, 4, 7, 8 January"),
    P((2030, 12, 17), 15, "days", (2031, 1, 2), PERIOD, "day 15 is 元旦 2031 (Wed), computed for a year with no notice"),
    P((2026, 12, 2), 30, "days", (2027, 1, 4), "LDMAL Art. 49; CPL Art. 85", "30 days end on 元旦 2027 and roll past the weekend"),
    P((2026, 11, 17), 45, "days", (2027, 1, 4), "LDMAL Art. 43; CPL Art. 85", "45 days end on 元旦 2027"),
    P((2026, 11, 2), 60, "days", (2027, 1, 4), "LDMAL Art. 43; Rules Art. 45", "45 + 15 days end on 元旦 2027"),
    P((2025, 12, 31), 1, "years", (2026, 12, 31), "LDMAL Art. 27; Civil Code Art. 202", "the same date a year later, a Thursday"),
    P((2026, 1, 1), 1, "years", (2027, 1, 4), "LDMAL Art. 27; Civil Code Art. 203", "a year from 1 January ends on 元旦"),
    # Spring Festival weeks.
    P((2026, 2, 1), 15, "days", (2026, 2, 24), PERIOD, "day 15 is inside the published 15–23 February days off"),
    P((2026, 2, 10), 5, "working_days", (2026, 2, 24), WD, "11–13 and make-up Saturday 14 February, then 24 February"),
    P((2026, 2, 13), 10, "working_days", (2026, 3, 5), WD, "make-up Saturdays 14 and 28 February count"),
    P((2026, 1, 30), 15, "days", (2026, 2, 14), PERIOD, "day 15 is Saturday 14 February, a make-up working day: no move"),
    P((2026, 2, 8), 15, "days", (2026, 2, 24), PERIOD, "day 15 is 23 February, the last day off"),
    P((2027, 1, 21), 15, "days", (2027, 2, 9), PERIOD, "day 15 is 除夕 2027 (Fri); 6–7 weekend, 8 初三"),
    P((2027, 2, 1), 5, "working_days", (2027, 2, 10), WD, "2–4 February, then 9 and 10 (5 and 8 are off)"),
    P((2027, 1, 24), 15, "days", (2027, 2, 9), PERIOD, "day 15 is 初三, Monday 8 February"),
    P((2027, 1, 25), 15, "days", (2027, 2, 9), PERIOD, "day 15 is Tuesday 9 February: working in the provisional calendar"),
    P((2028, 1, 10), 15, "days", (2028, 1, 31), PERIOD, "day 15 is 除夕 2028 (Tue); off to Friday 28, then a weekend"),
    P((2028, 1, 21), 5, "working_days", (2028, 2, 3), WD, "24 January, then 31 January–3 February"),
    P((2028, 1, 13), 15, "days", (2028, 1, 31), PERIOD, "day 15 is 初三 2028 (Fri 28 January), then a weekend"),
    P((2029, 1, 28), 15, "days", (2029, 2, 16), PERIOD, "day 15 is 除夕 2029 (Mon); off to Thursday 15"),
    P((2029, 2, 9), 5, "working_days", (2029, 2, 22), WD, "12–15 February off: 16, 19, 20, 21, 22"),
    P((2029, 2, 1), 15, "days", (2029, 2, 16), PERIOD, "day 15 is Friday 16 February, the first working day after"),
    P((2030, 1, 19), 15, "days", (2030, 2, 6), PERIOD, "day 15 is 初一 2030 (Sun); 4–5 February off"),
    P((2030, 1, 31), 5, "working_days", (2030, 2, 11), WD, "1 February, then 6, 7, 8, 11"),
    P((2030, 1, 21), 15, "days", (2030, 2, 6), PERIOD, "day 15 is 初三, Tuesday 5 February"),
    # National Day weeks.
    P((2026, 9, 18), 15, "days", (2026, 10, 8), PERIOD, "day 15 is 3 October, inside the published 1–7 October days off"),
    P((2026, 9, 30), 5, "working_days", (2026, 10, 13), WD, "8, 9, make-up Saturday 10, 12, 13 October"),
    P((2026, 9, 25), 15, "days", (2026, 10, 10), PERIOD, "day 15 is make-up Saturday 10 October"),
    P((2026, 9, 10), 15, "days", (2026, 9, 28), PERIOD, "day 15 is 中秋 25 September; 26–27 off"),
    P((2026, 9, 24), 5, "working_days", (2026, 10, 9), WD, "28, 29, 30 September, 8, 9 October"),
    P((2027, 9, 16), 15, "days", (2027, 10, 4), PERIOD, "day 15 is 国庆 2027 (Fri); 2–3 October are also statutory days"),
    P((2027, 9, 28), 5, "working_days", (2027, 10, 6), WD, "29, 30 September, 4, 5, 6 October"),
    P((2027, 8, 31), 15, "days", (2027, 9, 16), PERIOD, "day 15 is 中秋 2027 (Wed 15 September)"),
    P((2028, 9, 17), 15, "days", (2028, 10, 4), PERIOD, "day 15 is Monday 2 October 2028; 3 October is 国庆 and 中秋"),
    P((2028, 9, 28), 5, "working_days", (2028, 10, 9), WD, "29 September, 4, 5, 6, 9 October"),
    P((2029, 9, 16), 15, "days", (2029, 10, 4), PERIOD, "day 15 is 国庆 2029 (Mon 1 October)"),
    P((2029, 9, 28), 5, "working_days", (2029, 10, 10), WD, "1–3 October off: 4, 5, 8, 9, 10"),
    P((2029, 9, 7), 15, "days", (2029, 9, 24), PERIOD, "day 15 is 中秋 2029, a Saturday"),
    P((2030, 9, 17), 15, "days", (2030, 10, 4), PERIOD, "day 15 is 2 October 2030 (Wed)"),
    P((2030, 9, 27), 5, "working_days", (2030, 10, 9), WD, "30 September, then 4, 7, 8, 9 October"),
    P((2030, 9, 20), 10, "working_days", (2030, 10, 9), WD, "23–27, 30 September, 4, 7, 8, 9 October"),
    # Other statutory days.
    P((2027, 3, 21), 15, "days", (2027, 4, 6), PERIOD, "day 15 is 清明 2027 (Mon 5 April)"),
    P((2028, 4, 16), 15, "days", (2028, 5, 3), PERIOD, "day 15 is 劳动节 2028 (Mon); 2 May too"),
    P((2029, 6, 1), 15, "days", (2029, 6, 18), PERIOD, "day 15 is 端午 2029, a Saturday"),
    P((2030, 4, 29), 5, "working_days", (2030, 5, 8), WD, "30 April, then 3, 6, 7, 8 May"),
    P((2027, 4, 16), 15, "days", (2027, 5, 3), PERIOD, "day 15 is 劳动节 2027, a Saturday; 补假 unknown"),
    P((2028, 3, 31), 5, "working_days", (2028, 4, 10), WD, "3 April, 清明 4 April skipped, 5–7, 10 April"),
    # One year (limitation).
    P((2026, 2, 22), 1, "years", (2027, 2, 22), "LDMAL Art. 27", "22 February 2027 is a Monday after the 2027 festival"),
    P((2027, 2, 5), 1, "years", (2028, 2, 7), "LDMAL Art. 27", "5 February 2028 is a Saturday"),
    P((2027, 1, 26), 1, "years", (2028, 1, 31), "LDMAL Art. 27", "26 January 2028 is 初一"),
    P((2028, 2, 29), 1, "years", (2029, 2, 28), "LDMAL Art. 27; Civil Code Art. 202", "no 29 February 2029: the month's last day"),
    P((2028, 10, 2), 1, "years", (2029, 10, 4), "LDMAL Art. 27", "2 October 2029 is 国庆"),
    P((2029, 2, 13), 1, "years", (2030, 2, 13), "LDMAL Art. 27", "13 February 2030 is a working Wednesday"),
    P((2025, 10, 1), 1, "years", (2026, 10, 8), "LDMAL Art. 27", "1 October 2026 begins the published 7 days off"),
    # 30, 45 and 60 days.
    P((2027, 8, 17), 45, "days", (2027, 10, 4), "LDMAL Art. 43", "45 days end on 国庆 2027"),
    P((2028, 12, 12), 45, "days", (2029, 1, 26), "LDMAL Art. 43", "26 January 2029 is a Friday"),
    P((2029, 12, 19), 45, "days", (2030, 2, 6), "LDMAL Art. 43", "45 days end on 除夕 2030"),
    P((2029, 12, 19), 60, "days", (2030, 2, 18), "LDMAL Art. 43; Rules Art. 45", "60 days end on Sunday 17 February 2030"),
    P((2026, 8, 17), 45, "days", (2026, 10, 8), "LDMAL Art. 43", "45 days end on 1 October 2026"),
    P((2027, 9, 1), 30, "days", (2027, 10, 4), "LDMAL Art. 49", "30 days end on 国庆 2027"),
    P((2029, 1, 13), 30, "days", (2029, 2, 16), "LDMAL Art. 49", "30 days end on 除夕 2029"),
    P((2030, 1, 4), 30, "days", (2030, 2, 6), "LDMAL Art. 49", "30 days end on 初一 2030, a Sunday"),
    # Calendar against working days from the same start.
    P((2027, 9, 24), 5, "days", (2027, 9, 29), PERIOD, "five calendar days from a Friday: Wednesday"),
    P((2027, 9, 24), 5, "working_days", (2027, 10, 4), WD, "five working days: 27–30 September, 4 October"),
    P((2030, 1, 28), 10, "days", (2030, 2, 7), PERIOD, "ten calendar days: Thursday 7 February"),
    P((2030, 1, 28), 10, "working_days", (2030, 2, 13), WD, "ten working days skip the weekends and 4–5 February"),
]


def H(hearing, expected, why):
    return Row("hearing_notice", "LDMAL Art. 35; Rules Art. 80", D(*hearing), D(*expected), why)


def Q(hearing, expected, why):
    return Row("postponement", "LDMAL Art. 35; Rules Art. 80", D(*hearing), D(*expected), why)


NOTICES = [
    H((2026, 3, 9), (2026, 3, 2), "five working days back from a Monday: the Monday before"),
    H((2026, 10, 12), (2026, 9, 29), "make-up Saturday 10 October counts; 1–7 October do not"),
    H((2027, 1, 6), (2026, 12, 29), "元旦 2027 is skipped"),
    H((2027, 2, 10), (2027, 2, 1), "除夕 and 初三 2027 (5, 8 February) are skipped"),
    H((2028, 10, 9), (2028, 9, 28), "2–3 October 2028 are skipped"),
    H((2029, 2, 19), (2029, 2, 6), "the 2029 festival, 12–15 February, is skipped"),
    H((2030, 10, 8), (2030, 9, 26), "1–3 October 2030 are skipped"),
    H((2026, 3, 4), (2026, 2, 26), "make-up Saturday 28 February 2026 counts"),
    Q((2026, 3, 16), (2026, 3, 11), "three working days before a Monday: the Wednesday before"),
    Q((2027, 10, 5), (2027, 9, 29), "国庆 2027 is skipped"),
]


# Deadlines computed from a case's history.

def _desk(submitted=(2026, 3, 2), **fields):
    case = FakeCase(submitted_on=D(*submitted), **fields)
    return Desk(case, case.submitted_on)


def _due(desk, kind):
    found = [d for d in deadlines(desk.case, today=desk.today) if d.kind == kind]
    assert len(found) == 1, (kind, deadlines(desk.case, today=desk.today))
    return found[0].due


def _arbitration(accepted, submitted=None, **fields):
    desk = _desk(submitted or accepted, **fields)
    desk.do("apply_arbitration")
    desk.do("accept_arbitration", on=D(*accepted))
    return desk


def _awarded(on, final=True):
    desk = _arbitration(on)
    items = [{"kind": "wage_arrears" if final else "tort_damages", "amount": "1000"}]
    desk.do("render_award", data={"items": items, "monthly_minimum_wage": "2540"})
    return desk


def _serve(desk, document, party, on, method="direct"):
    desk.do("serve_document", data={"document": document, "party": party, "method": method}, on=D(*on))
    return desk


def s_mediation(received):
    return _due(_desk(received), "mediation")


def s_acceptance(applied):
    desk = _desk(applied)
    desk.do("apply_arbitration")
    return _due(desk, "arbitration_acceptance")


def s_acceptance_after_correction(applied, asked, corrected):
    desk = _desk(applied)
    desk.do("apply_arbitration")
    desk.do("request_application_correction", data={"missing": "被申请人的名称和住所；工资支付记录"}, on=D(*asked))
    assert not [d for d in deadlines(desk.case, today=desk.today) if d.kind == "arbitration_acceptance"]
    desk.do("application_corrected", on=D(*corrected))
    return _due(desk, "arbitration_acceptance")


def s_award(accepted):
    return _due(_arbitration(accepted), "award")


def s_award_extended(accepted):
    desk = _arbitration(accepted)
    desk.do("extend_award")
    return _due(desk, "award")


def s_award_restarted(accepted, restarted, reason):
    desk = _arbitration(accepted)
    desk.do("restart_award_clock", data={"reason": reason}, on=D(*restarted))
    return _due(desk, "award")


def s_award_suspended(accepted, suspended, resumed):
    desk = _arbitration(accepted)
    desk.do("suspend_award_clock", on=D(*suspended))
    desk.do("resume_award_clock", on=D(*resumed))
    return _due(desk, "award")


def s_award_public_notice(accepted):
    desk = _arbitration(accepted)
    _serve(desk, "application_copy", "employer", accepted, "public_notice")
    return _due(desk, "award")


def s_award_transferred(accepted, received):
    desk = _arbitration(accepted)
    desk.do("transfer_case", data={"to_commission": "乙市仲裁委", "received_on": D(*received).isoformat()},
            on=D(*received))
    return _due(desk, "award")


def s_lawsuit(awarded, received):
    return _due(_serve(_awarded(awarded), "award", "worker", received), "lawsuit")


def s_lawsuit_unserved(awarded):
    return _due(_awarded(awarded), "lawsuit")


def s_set_aside(awarded, received, method="direct"):
    return _due(_serve(_awarded(awarded), "award", "employer", received, method), "set_aside")


def s_employer_lawsuit(awarded, received):
    return _due(_serve(_awarded(awarded, final=False), "award", "employer", received), "employer_lawsuit")


def s_defence(accepted, received):
    return _due(_serve(_arbitration(accepted), "application_copy", "employer", received), "defence")


def s_serve_application(accepted):
    return _due(_arbitration(accepted), "serve_application")


def s_composition(accepted):
    return _due(_arbitration(accepted), "composition_notice")


def s_collective_notice(accepted):
    return _due(_arbitration(accepted, worker_count=12, claims=[Claim("wage_arrears")], collective=True,
                             representative_count=3), "collective_notice")


def s_after_set_aside(awarded, ruled, received):
    desk = _awarded(awarded)
    desk.do("apply_set_aside")
    desk.do("set_aside_ruled", data={"outcome": "set_aside"}, on=D(*ruled))
    return _due(_serve(desk, "set_aside_ruling", "both", received), "lawsuit")


def s_after_dismissal(awarded, ended, received):
    desk = _awarded(awarded)
    desk.do("file_lawsuit", data={"by": "worker"})
    desk.do("lawsuit_ended", data={"outcome": "dismissed"}, on=D(*ended))
    return _due(_serve(desk, "dismissal_ruling", "employer", received), "set_aside")


def s_limitation(submitted, knew):
    return _due(_desk(submitted, knew_of_violation_on=D(*knew)), "limitation")


def s_limitation_suspended(submitted, suspended, resumed):
    desk = _desk(submitted, knew_of_violation_on=D(*submitted))
    desk.do("suspend_limitation", data={"reason": "不可抗力"}, on=D(*suspended))
    desk.do("resume_limitation", on=D(*resumed))
    return _due(desk, "limitation")


def s_legal_aid(referred, received):
    desk = _desk(referred)
    desk.do("refer_legal_aid", data={"received_on": D(*received).isoformat()})
    return _due(desk, "legal_aid_decision")


def s_judicial_confirmation(signed):
    desk = _desk(signed)
    desk.do("accept")
    desk.do("mediation_succeeded", data={"terms": "支付工资", "amount": "3000", "pay_by": D(*signed).isoformat(),
                                         "mediation_body": "peoples_mediation", "payment_only": True})
    return _due(desk, "judicial_confirmation")


def C(scenario, args, expected, article, why):
    return Row("deadline", article, (scenario, args), D(*expected), why)


CLOCKS = [
    C(s_mediation, ((2026, 12, 17),), (2027, 1, 4), "LDMAL Art. 14", "15 days from receipt end on 元旦 2027"),
    C(s_mediation, ((2027, 1, 24),), (2027, 2, 9), "LDMAL Art. 14", "15 days end on 初三 2027"),
    C(s_mediation, ((2026, 9, 18),), (2026, 10, 8), "LDMAL Art. 14", "15 days end in the 2026 National Day days off"),
    C(s_acceptance, ((2027, 9, 28),), (2027, 10, 6), "LDMAL Art. 29; Rules Art. 30, 80", "5 working days skip 国庆 2027"),
    C(s_acceptance, ((2029, 2, 9),), (2029, 2, 22), "LDMAL Art. 29; Rules Art. 80", "5 working days skip the 2029 festival"),
    C(s_acceptance, ((2026, 12, 25),), (2027, 1, 4), "LDMAL Art. 29; Rules Art. 80", "5 working days skip 元旦 2027"),
    C(s_award, ((2026, 11, 17),), (2027, 1, 4), "LDMAL Art. 43", "45 days from acceptance end on 元旦 2027"),
    C(s_award, ((2029, 12, 19),), (2030, 2, 6), "LDMAL Art. 43", "45 days end on 除夕 2030"),
    C(s_award_extended, ((2027, 8, 2),), (2027, 10, 4), "LDMAL Art. 43; Rules Art. 45", "60 days end on 国庆 2027"),
    C(s_award_restarted, ((2027, 7, 1), (2027, 8, 17), "claims_changed"), (2027, 10, 4), "Rules Art. 46",
      "a changed claim restarts the 45 days, which end on 国庆 2027"),
    C(s_acceptance_after_correction, ((2026, 3, 2), (2026, 3, 3), (2026, 3, 10)), (2026, 3, 17), "Rules Art. 29(3), 46(2)",
      "completed materials: receipt counts from the day they arrive; 5 working days from Tue 10 March"),
    C(s_acceptance_after_correction, ((2026, 9, 24), (2026, 9, 25), (2026, 9, 30)), (2026, 10, 13), "Rules Art. 46(2), 80",
      "materials completed the day before 国庆 2026: 5 working days end after the holiday and the make-up days"),
    C(s_award_suspended, ((2029, 12, 9), (2029, 12, 10), (2029, 12, 20)), (2030, 2, 6), "Rules Art. 46, 47",
      "10 suspended days added: 55 days end on 除夕 2030"),
    C(s_award_public_notice, ((2026, 3, 2),), (2026, 5, 18), "Rules Art. 46; CPL Art. 95",
      "30 days of public notice are not counted: day 75 is Saturday 16 May"),
    C(s_award_transferred, ((2027, 7, 1), (2027, 8, 17)), (2027, 10, 4), "Rules Art. 9, 46",
      "45 days run anew from the receiving commission's acceptance"),
    C(s_lawsuit, ((2026, 12, 10), (2026, 12, 17)), (2027, 1, 4), "LDMAL Art. 48",
      "15 days from the worker's receipt, not from the award, end on 元旦 2027"),
    C(s_lawsuit, ((2029, 1, 20), (2029, 1, 28)), (2029, 2, 16), "LDMAL Art. 48", "15 days from receipt end on 除夕 2029"),
    C(s_lawsuit_unserved, ((2027, 9, 16),), (2027, 10, 4), "LDMAL Art. 48",
      "no service recorded: estimated from the award day"),
    C(s_set_aside, ((2027, 8, 25), (2027, 9, 1)), (2027, 10, 4), "LDMAL Art. 49", "30 days from the employer's receipt"),
    C(s_set_aside, ((2026, 12, 2), (2026, 12, 2), "public_notice"), (2027, 2, 1), "LDMAL Art. 49; CPL Art. 95",
      "published 2 December, received 1 January 2027; 30 days end on Sunday 31 January"),
    C(s_employer_lawsuit, ((2030, 1, 10), (2030, 1, 21)), (2030, 2, 6), "LDMAL Art. 50",
      "the employer's 15 days on a non-final award end on 初三 2030"),
    C(s_defence, ((2026, 9, 22), (2026, 9, 24)), (2026, 10, 15), "LDMAL Art. 30; Rules Art. 80",
      "10 working days from receipt skip 中秋 and 国庆 2026 and count make-up 10 October"),
    C(s_serve_application, ((2028, 1, 21),), (2028, 2, 3), "LDMAL Art. 30; Rules Art. 80", "5 working days skip 春节 2028"),
    C(s_composition, ((2030, 9, 27),), (2030, 10, 9), "LDMAL Art. 32; Rules Art. 80", "5 working days skip 国庆 2030"),
    C(s_collective_notice, ((2027, 9, 28),), (2027, 10, 6), "Rules Art. 64, 80", "one notice within 5 working days"),
    C(s_after_set_aside, ((2027, 6, 1), (2027, 9, 10), (2027, 9, 16)), (2027, 10, 4), "LDMAL Art. 49(3)",
      "15 days from receipt of the ruling that sets the award aside"),
    C(s_after_dismissal, ((2028, 10, 1), (2028, 11, 28), (2028, 12, 2)), (2029, 1, 2), "Interp Art. 21",
      "30 days from the employer's receipt of the dismissal end on 元旦 2029"),
    C(s_limitation, ((2027, 1, 26), (2027, 1, 20)), (2028, 1, 31), "LDMAL Art. 27",
      "the complaint interrupts; a year later is 初一 2028"),
    C(s_limitation_suspended, ((2026, 3, 2), (2026, 4, 1), (2026, 5, 1)), (2027, 4, 1), "LDMAL Art. 27(3)",
      "30 days of suspension are added to the year"),
    C(s_legal_aid, ((2026, 9, 25), (2026, 9, 24)), (2026, 10, 8), "Legal Aid Law Art. 43",
      "7 days from the agency's receipt end on 1 October 2026"),
    C(s_legal_aid, ((2027, 1, 28), (2027, 1, 28)), (2027, 2, 4), "Legal Aid Law Art. 43", "4 February 2027 is a working Thursday"),
    C(s_judicial_confirmation, ((2026, 9, 1),), (2026, 10, 8), "Interp Art. 52; CPL Art. 205",
      "30 days from the agreement end on 1 October 2026"),
]


# Decisions.

def _try(desk, event, data=None, on=None, actor=None):
    try:
        transition = desk.do(event, actor, data, on=None if on is None else D(*on))
    except GuardRefused as refusal:
        return f"refused:{refusal.field}" if refusal.field else "refused"
    except WorkflowError:
        return "not allowed"
    return transition


def d_apply_in_mediation(on):
    desk = _desk()
    desk.do("accept")
    return _try(desk, "apply_arbitration", {}, on).data["ground"]


def d_apply_from(state_path):
    desk = _desk()
    for event in state_path:
        desk.do(event)
    return _try(desk, "apply_arbitration", {}).data["ground"]


def d_apply_mediated_early():
    desk = _desk()
    desk.do("accept")
    desk.do("mediation_succeeded")
    return _try(desk, "apply_arbitration", {})


def d_hearing(accepted, at):
    desk = _arbitration(accepted)
    result = _try(desk, "schedule_hearing", {"at": at, "place": "第一仲裁庭"})
    return result if isinstance(result, str) else "scheduled"


def d_sue_applied(applied, on):
    desk = _desk(applied)
    desk.do("apply_arbitration")
    result = _try(desk, "file_lawsuit", {"by": "worker"}, on)
    return result if isinstance(result, str) else result.to_state


def d_sue_award_overdue(accepted, on, suspended=False):
    desk = _arbitration(accepted)
    if suspended:
        desk.do("suspend_award_clock")
    result = _try(desk, "file_lawsuit", {"by": "worker"}, on)
    return result if isinstance(result, str) else result.to_state


def d_representatives(workers, representatives):
    desk = _desk(worker_count=workers, claims=[Claim("wage_arrears")], collective=workers >= 10,
                 representative_count=representatives)
    desk.do("apply_arbitration")
    return len(desk.do("accept_arbitration").data.get("warnings", []))


def d_award(items, stated_type=None, wage="2540"):
    desk = _arbitration((2026, 3, 2))
    data = desk.do("render_award", data={"items": items, "monthly_minimum_wage": wage,
                                         **({"stated_type": stated_type} if stated_type else {})}).data
    return (desk.case.final_award, len(data["final_award"]["warnings"]))


def d_employer_sues(set_aside):
    desk = _awarded((2026, 3, 2))
    if set_aside:
        desk.do("apply_set_aside")
        desk.do("set_aside_ruled", data={"outcome": "set_aside"})
    result = _try(desk, "file_lawsuit", {"by": "employer"})
    return result if isinstance(result, str) else result.to_state


def d_interim(kind, livelihood=True):
    desk = _arbitration((2026, 3, 2))
    result = _try(desk, "interim_execution", {"kind": kind, "rights_clear": True, "livelihood_at_risk": livelihood})
    return result if isinstance(result, str) else "granted"


def d_simple(collective=False, flags=None):
    flags = flags or {}
    desk = _arbitration((2026, 3, 2), **({"worker_count": 12, "claims": [Claim("wage_arrears")], "collective": True}
                                         if collective else {}))
    if "use_simple_procedure" not in allowed_events(desk.case, PEOPLE.arbitrator, today=desk.today):
        return "not allowed"
    result = _try(desk, "use_simple_procedure", flags)
    return result if isinstance(result, str) else "simple"


def d_confirmation(body, on=None):
    desk = _desk()
    desk.do("accept")
    desk.do("mediation_succeeded", data={"terms": "支付", "amount": "3000", "pay_by": "2026-03-20",
                                         "mediation_body": body, "payment_only": True})
    result = _try(desk, "apply_judicial_confirmation", {"payment_only": True, "joint": True}, on)
    return result if isinstance(result, str) else "filed"


def d_absent(on):
    desk = _arbitration((2026, 3, 2))
    desk.do("schedule_hearing", data={"at": "2026-03-16T09:30", "place": "庭"})
    result = _try(desk, "treat_as_withdrawn", {"notice_received": True, "without_good_reason": True}, on)
    return result if isinstance(result, str) else result.to_state


def d_postpone(on):
    desk = _arbitration((2026, 3, 2))
    desk.do("schedule_hearing", data={"at": "2026-03-16T09:30", "place": "庭"})
    result = _try(desk, "request_postponement", {"reason": "住院"}, on)
    return result if isinstance(result, str) else "asked"


def d_jurisdiction(places):
    return competent_commission(**places).commission


def d_final(wage, amount):
    return final_award_assessment([{"kind": "wage_arrears", "amount": Decimal(amount)}], Decimal(wage)).final


def E(scenario, args, expected, article, why):
    return Row("decision", article, (scenario, args), expected, why)


_WAGE = [{"kind": "wage_arrears", "amount": "3000"}]

DECISIONS = [
    E(d_apply_in_mediation, ((2026, 3, 3),), "unwilling_to_continue", "LDMAL Art. 5", "day 1 of mediation: allowed, not a bar"),
    E(d_apply_in_mediation, ((2026, 3, 17),), "unwilling_to_continue", "LDMAL Art. 5", "day 15 of mediation: still allowed"),
    E(d_apply_in_mediation, ((2026, 3, 18),), "mediation_period_expired", "LDMAL Art. 14(3)", "day 16: the 15 days have run"),
    E(d_apply_from, (("accept", "mediation_failed"),), "mediation_failed", "LDMAL Art. 5", "after failed mediation"),
    E(d_apply_from, ((),), "unwilling_to_mediate", "LDMAL Art. 5", "straight to arbitration without mediation"),
    E(d_apply_from, (("decline",),), "mediation_declined", "LDMAL Art. 5", "the mediation body declined"),
    E(d_apply_mediated_early, (), "refused:not_performed", "LDMAL Art. 15", "agreement not yet due and no breach stated"),
    E(d_hearing, ((2026, 3, 2), "2026-03-04T09:30"), "refused:at", "LDMAL Art. 35", "two days' notice: too short"),
    E(d_hearing, ((2026, 3, 2), "2026-03-06T09:30"), "refused:at", "LDMAL Art. 35; Rules Art. 80", "four working days: too short"),
    E(d_hearing, ((2026, 3, 2), "2026-03-09T09:30"), "scheduled", "LDMAL Art. 35; Rules Art. 80", "exactly five working days"),
    E(d_hearing, ((2026, 9, 29), "2026-10-10T09:00"), "refused:at", "Rules Art. 80", "only 4 working days across 国庆 2026"),
    E(d_hearing, ((2026, 9, 29), "2026-10-12T09:00"), "scheduled", "Rules Art. 80", "five working days across 国庆 2026"),
    E(d_hearing, ((2027, 2, 1), "2027-02-09T09:00"), "refused:at", "Rules Art. 80", "除夕 and 初三 2027 do not count"),
    E(d_hearing, ((2027, 2, 1), "2027-02-10T09:00"), "scheduled", "Rules Art. 80", "2, 3, 4, 9 February and the 10th"),
    E(d_sue_applied, ((2026, 3, 2), (2026, 3, 9)), "refused", "LDMAL Art. 29", "the acceptance decision is due that day"),
    E(d_sue_applied, ((2026, 3, 2), (2026, 3, 10)), "in_litigation", "LDMAL Art. 29", "no decision in time: may sue"),
    E(d_sue_applied, ((2027, 9, 28), (2027, 10, 6)), "refused", "LDMAL Art. 29; Rules Art. 80", "due 6 October 2027"),
    E(d_sue_applied, ((2027, 9, 28), (2027, 10, 7)), "in_litigation", "LDMAL Art. 29", "overdue after 国庆 2027"),
    E(d_sue_award_overdue, ((2026, 3, 2), (2026, 4, 16)), "refused", "LDMAL Art. 43", "the award is due that day"),
    E(d_sue_award_overdue, ((2026, 3, 2), (2026, 4, 17)), "in_litigation", "LDMAL Art. 43", "no award in time: may sue"),
    E(d_sue_award_overdue, ((2026, 3, 2), (2026, 6, 1), True), "refused", "Rules Art. 46; Interp Art. 12",
      "suspended proceedings: the period is not over"),
    E(d_representatives, (12, 2), 1, "Rules Art. 63", "2 representatives: accepted, one warning"),
    E(d_representatives, (12, 0), 1, "Rules Art. 63", "none elected: accepted, a reminder"),
    E(d_representatives, (12, 3), 0, "Rules Art. 63", "three representatives: nothing to warn"),
    E(d_representatives, (9, 1), 0, "LDMAL Art. 7", "nine workers are not a collective dispute"),
    E(d_award, ([{"kind": "wage_arrears", "amount": "40000", "stated": "final"}],), (True, 1), "Interp Art. 18",
      "stated final though over 12 × 2540: the statement binds, with a warning"),
    E(d_award, (_WAGE, "non_final"), (False, 1), "Interp Art. 18", "stated non-final though small"),
    E(d_award, ([{"kind": "wage_arrears", "amount": "30480"}],), (True, 0), "Interp Art. 19",
      "silent award, exactly 12 × 2540: final"),
    E(d_award, ([{"kind": "wage_arrears", "amount": "30480.01"}],), (False, 0), "Interp Art. 19",
      "silent award, one cent over: not final"),
    E(d_award, ([{"kind": "wage_arrears", "amount": "300", "stated": "final"},
                 {"kind": "tort_damages", "amount": "300", "stated": "non_final"}],), (False, 1), "Interp Art. 20",
      "final and non-final items: non-final when sued upon; Rules Art. 50(4) asks for separate awards"),
    E(d_employer_sues, (False,), "refused:by", "LDMAL Art. 48", "the employer cannot sue on a final award"),
    E(d_employer_sues, (True,), "in_litigation", "LDMAL Art. 49(3)", "once set aside, either party may sue"),
    E(d_interim, ("confirm_labor_relation",), "refused:kind", "LDMAL Art. 44", "not pay, medical costs, severance or damages"),
    E(d_interim, ("wage_arrears",), "granted", "LDMAL Art. 44", "pay, rights clear, living at risk"),
    E(d_interim, ("wage_arrears", False), "refused:livelihood_at_risk", "LDMAL Art. 44(2)", "one condition missing"),
    E(d_simple, (), "refused", "Rules Art. 56", "no ground of Art. 56"),
    E(d_simple, (False,), "refused", "Rules Art. 56", "no ground given"),
    E(d_simple, (True,), "refused", "Rules Art. 62(2), 56", "a collective case, but no ground of Art. 56"),
    E(d_simple, (True, {"facts_clear": True}), "simple", "Rules Art. 62(2), 56",
      "a collective case on a ground of Art. 56: simple procedure, free of the collective section"),
    E(d_confirmation, ("peoples_mediation",), "filed", "Interp Art. 52", "people's mediation, payment only, joint"),
    E(d_confirmation, ("enterprise_committee",), "refused:mediation_body", "Interp Art. 52",
      "an enterprise committee's agreement is not confirmed this way"),
    E(d_confirmation, ("peoples_mediation", (2026, 4, 2)), "refused", "CPL Art. 205", "day 31: too late"),
    E(d_absent, ((2026, 3, 13),), "refused", "LDMAL Art. 36", "before the hearing day"),
    E(d_absent, ((2026, 3, 16),), "withdrawn", "LDMAL Art. 36(1)", "absent on the day: treated as withdrawn"),
    E(d_postpone, ((2026, 3, 11),), "asked", "LDMAL Art. 35", "three working days before"),
    E(d_postpone, ((2026, 3, 12),), "refused", "LDMAL Art. 35", "two working days before: too late"),
    E(d_jurisdiction, ({"performance_places": ["甲区"], "employer_seat": "乙区", "applied_to": ["乙区", "甲区"]},),
      "甲区", "LDMAL Art. 21(2)", "both applied to: the place of performance"),
    E(d_jurisdiction, ({"performance_places": [], "employer_seat": "乙区"},), "乙区", "Rules Art. 8",
      "no clear place of performance: the employer's seat"),
    E(d_jurisdiction, ({"performance_places": ["甲区", "丙区"], "employer_seat": "乙区", "applied_to": ["丙区", "甲区"]},),
      "丙区", "Rules Art. 8", "several places of performance: the first to accept"),
    E(d_jurisdiction, ({"performance_places": ["甲区"], "employer_seat": "乙区", "applied_to": ["乙区"]},), "乙区",
      "LDMAL Art. 21(2)", "only the employer's seat applied to: it has jurisdiction"),
    E(d_final, ("2540", "30480"), True, "LDMAL Art. 47(1)", "12 × 2540 = 30480: final"),
    E(d_final, ("2740", "32880.01"), False, "LDMAL Art. 47(1)", "12 × 2740 = 32880: one cent over"),
]


def S(year, key, expected, why):
    return Row("holiday", "放假办法（2024年修订）Art. 2", (year, key), [D(*e) for e in expected], why)


HOLIDAYS = [
    S(2027, "spring_festival", [(2027, 2, 5), (2027, 2, 6), (2027, 2, 7), (2027, 2, 8)], "除夕 to 初三"),
    S(2028, "spring_festival", [(2028, 1, 25), (2028, 1, 26), (2028, 1, 27), (2028, 1, 28)], "除夕 to 初三"),
    S(2029, "spring_festival", [(2029, 2, 12), (2029, 2, 13), (2029, 2, 14), (2029, 2, 15)], "除夕 to 初三"),
    S(2030, "spring_festival", [(2030, 2, 2), (2030, 2, 3), (2030, 2, 4), (2030, 2, 5)], "除夕 to 初三"),
    S(2027, "qingming", [(2027, 4, 5)], "the solar term 清明"),
    S(2028, "qingming", [(2028, 4, 4)], "the solar term 清明"),
    S(2029, "qingming", [(2029, 4, 4)], "the solar term 清明"),
    S(2030, "qingming", [(2030, 4, 5)], "the solar term 清明"),
    S(2028, "mid_autumn", [(2028, 10, 3)], "中秋 falls on 国庆's third day"),
    S(2027, "labour_day", [(2027, 5, 1), (2027, 5, 2)], "5月1日、2日"),
]

ROWS = COUNTING + NOTICES + CLOCKS + DECISIONS + HOLIDAYS


def compute(row):
    if row.rule == "period":
        return add_period(*row.inputs)
    if row.rule == "hearing_notice":
        return hearing_notice_latest(row.inputs)
    if row.rule == "postponement":
        return subtract_working_days(row.inputs, 3)
    if row.rule in ("deadline", "decision"):
        scenario, args = row.inputs
        return scenario(*args)
    if row.rule == "holiday":
        year, key = row.inputs
        return [h.day for h in statutory_holidays(year) if h.key == key]
    raise AssertionError(row.rule)


def _id(row):
    what = row.inputs[0].__name__ if row.rule in ("deadline", "decision") else row.rule
    return f"{what}:{row.article}:{row.expected}"


def test_the_table_has_at_least_150_rows_and_each_says_why():
    assert len(ROWS) >= 150
    assert all(row.article and row.why for row in ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[_id(r) for r in ROWS])
def test_worked_example(row):
    assert compute(row) == row.expected, row.why

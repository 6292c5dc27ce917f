"""Statutory deadlines: which run in each state, their last day, basis and calendar flags."""

import datetime as dt

import pytest

from tests.workflows.fakes import Claim
from workflows import STATES, deadlines
from workflows.calendar import UNKNOWN_CALENDAR_NOTE as UNKNOWN

D = dt.date


def _only(desk, kind):
    found = [d for d in deadlines(desk.case, today=desk.today) if d.kind == kind]
    assert len(found) == 1, deadlines(desk.case, today=desk.today)
    return found[0]


RUNNING = {
    "submitted": {"mediation", "limitation"},
    "in_mediation": {"mediation", "limitation"},
    "mediated": {"limitation"},  # judicial confirmation only for a people's mediation committee's agreement
    "mediation_failed": {"limitation"},
    "not_accepted": {"limitation"},
    "arbitration_applied": {"arbitration_acceptance"},
    "in_arbitration": {"award", "serve_application", "composition_notice"},
    "arbitration_rejected": set(),
    "arbitration_mediated": set(),
    "awarded": {"lawsuit", "set_aside"},
    "in_litigation": set(),
    "closed": set(),
    "withdrawn": set(),
}


@pytest.mark.parametrize(("state", "kinds"), RUNNING.items())
def test_only_the_periods_of_the_current_state_run(case_in, state, kinds):
    desk = case_in(state)
    assert {d.kind for d in deadlines(desk.case, today=desk.today)} == kinds


# Mediation (Art. 14).

def test_mediation_deadline_is_fifteen_days_from_receipt(case_in):
    deadline = _only(case_in("in_mediation"), "mediation")
    assert (deadline.starts, deadline.due) == (D(2026, 3, 2), D(2026, 3, 17))
    assert deadline.basis == "《劳动争议调解仲裁法》第十四条"
    assert (deadline.label_zh, deadline.label_en) == ("调解期限", "Mediation period")
    assert deadline.calendar_known and deadline.note is None


def test_mediation_deadline_rolls_past_national_day(case_in):
    deadline = _only(case_in("in_mediation", submitted_on=D(2026, 9, 18)), "mediation")
    assert deadline.due == D(2026, 10, 8)  # day 15 is 3 October, inside the holiday


# Arbitration acceptance (Art. 29; Rules Art. 30, 80).

def test_acceptance_deadline_counts_five_working_days_with_make_up_saturday(make_desk):
    desk = make_desk(submitted_on=D(2026, 9, 28))
    desk.do("apply_arbitration", on=D(2026, 9, 30))
    deadline = _only(desk, "arbitration_acceptance")
    assert (deadline.starts, deadline.due) == (D(2026, 9, 30), D(2026, 10, 13))
    assert "第二十九条" in deadline.basis and "第八十条" in deadline.basis


# Award (Art. 43; Rules Art. 45, 46).

def test_award_deadline_is_forty_five_days_from_acceptance(case_in):
    deadline = _only(case_in("in_arbitration"), "award")
    assert (deadline.starts, deadline.due) == (D(2026, 3, 2), D(2026, 4, 16))
    assert "第四十三条" in deadline.basis and "第四十六条" in deadline.basis


def test_extended_award_deadline_rolls_past_labour_day(case_in):
    desk = case_in("in_arbitration")
    desk.do("extend_award", on=D(2026, 4, 10))
    deadline = _only(desk, "award")
    assert deadline.due == D(2026, 5, 6)  # day 60 is 1 May; the holiday runs to 5 May
    assert deadline.note == "已延长15日"


def test_award_clock_restarts_when_claims_change(case_in):
    desk = case_in("in_arbitration")
    desk.do("restart_award_clock", data={"reason": "claims_changed"}, on=D(2026, 3, 10))
    deadline = _only(desk, "award")
    assert (deadline.starts, deadline.due) == (D(2026, 3, 10), D(2026, 4, 24))


def test_suspended_days_are_not_counted(case_in):
    desk = case_in("in_arbitration")
    desk.do("suspend_award_clock", on=D(2026, 3, 10))
    desk.do("resume_award_clock", on=D(2026, 3, 20))
    deadline = _only(desk, "award")
    assert deadline.due == D(2026, 4, 27)  # 16 April + 10 days is Sunday 26 April
    assert deadline.note == "中止审理 10 日不计入"


def test_award_deadline_moves_while_proceedings_are_suspended(case_in):
    desk = case_in("in_arbitration")
    desk.do("suspend_award_clock", on=D(2026, 3, 10))
    desk.advance(5)
    deadline = _only(desk, "award")
    assert deadline.due == D(2026, 4, 21)
    assert "自 2026-03-10 起中止审理" in deadline.note


def test_award_period_reaching_2027_is_flagged_as_estimated(make_desk):
    desk = make_desk(submitted_on=D(2026, 11, 25))
    desk.do("apply_arbitration")
    desk.do("accept_arbitration", on=D(2026, 12, 1))
    deadline = _only(desk, "award")
    assert deadline.due == D(2027, 1, 15)
    assert deadline.calendar_known is False and deadline.note == UNKNOWN


# After the award (Art. 48–50).

def test_final_award_gives_worker_fifteen_days_and_employer_thirty_to_set_aside(case_in):
    desk = case_in("awarded")
    lawsuit, set_aside = _only(desk, "lawsuit"), _only(desk, "set_aside")
    assert (lawsuit.due, lawsuit.basis) == (D(2026, 3, 17), "《劳动争议调解仲裁法》第四十八条")
    assert "仅劳动者可以起诉" in lawsuit.note
    assert (set_aside.due, set_aside.basis) == (D(2026, 4, 1), "《劳动争议调解仲裁法》第四十九条")
    assert set_aside.label_zh == "申请撤销裁决（用人单位）"


def test_non_final_award_gives_either_party_fifteen_days(case_in):
    desk = case_in("in_arbitration")
    desk.do("render_award", data={"amount_awarded": "90000", "monthly_minimum_wage": "2690"})
    assert [d.kind for d in deadlines(desk.case, today=desk.today)] == ["lawsuit", "employer_lawsuit"]
    assert _only(desk, "lawsuit").basis == _only(desk, "employer_lawsuit").basis == "《劳动争议调解仲裁法》第五十条"


# Legal aid (法律援助法 Art. 43, 44).

def test_legal_aid_decision_is_due_seven_days_after_referral(case_in):
    desk = case_in("in_mediation")
    desk.do("refer_legal_aid")
    deadline = _only(desk, "legal_aid_decision")
    assert (deadline.due, deadline.basis) == (D(2026, 3, 9), "《中华人民共和国法律援助法》第四十三条、第四十四条")


def test_legal_aid_is_flagged_when_the_time_to_sue_is_nearly_over(case_in):
    desk = case_in("awarded")  # lawsuit due 2026-03-17
    desk.do("refer_legal_aid", on=D(2026, 3, 12))
    assert "第四十四条" in _only(desk, "legal_aid_decision").note


def test_legal_aid_decision_stops_running_once_decided_or_case_ends(case_in):
    desk = case_in("in_mediation")
    desk.do("refer_legal_aid")
    desk.do("withdraw")
    assert deadlines(desk.case, today=desk.today) == []


# Limitation (Art. 27).

def test_limitation_restarts_from_the_complaint(make_desk):
    desk = make_desk(submitted_on=D(2025, 3, 3), knew_of_violation_on=D(2025, 1, 10))
    deadline = _only(desk, "limitation")
    assert (deadline.starts, deadline.due) == (D(2025, 3, 3), D(2026, 3, 3))
    assert deadline.basis == "《劳动争议调解仲裁法》第二十七条" and deadline.note is None


def test_limitation_restarts_when_the_complaint_is_not_accepted(make_desk):
    desk = make_desk(submitted_on=D(2025, 3, 3), knew_of_violation_on=D(2025, 1, 10))
    desk.do("decline", on=D(2025, 4, 1))
    assert _only(desk, "limitation").due == D(2026, 4, 1)


def test_limitation_after_failed_mediation_rolls_past_labour_day(make_desk):
    desk = make_desk(submitted_on=D(2025, 4, 21), knew_of_violation_on=D(2025, 4, 1))
    desk.do("accept")
    desk.do("mediation_failed", on=D(2025, 5, 1))
    assert _only(desk, "limitation").due == D(2026, 5, 6)


def test_wage_arrears_during_the_relationship_are_not_time_barred(make_desk):
    desk = make_desk(claims=[Claim("wage_arrears")], knew_of_violation_on=D(2025, 1, 10))
    assert [d.kind for d in deadlines(desk.case, today=desk.today)] == ["mediation"]


def test_other_claims_keep_the_limitation_with_a_note_on_wage_arrears(make_desk):
    desk = make_desk(submitted_on=D(2025, 3, 3), claims=[Claim("wage_arrears"), Claim("social_insurance")])
    assert _only(desk, "limitation").note == "劳动关系存续期间拖欠劳动报酬的请求不受仲裁时效限制"


def test_wage_arrears_run_one_year_from_the_end_of_the_relationship(make_desk):
    desk = make_desk(submitted_on=D(2025, 3, 3), claims=[Claim("wage_arrears")],
                     relationship_ended=True, relationship_ended_on=D(2025, 8, 1))
    assert _only(desk, "limitation").due == D(2026, 8, 3)  # 1 August 2026 is a Saturday


def test_claim_known_more_than_a_year_before_the_complaint_is_flagged(make_desk):
    desk = make_desk(submitted_on=D(2025, 3, 3), knew_of_violation_on=D(2023, 12, 1))
    assert "仲裁时效已于 2024-12-02 届满" in _only(desk, "limitation").note


def test_limitation_reaching_2027_is_flagged_as_estimated(case_in):
    deadline = _only(case_in("not_accepted"), "limitation")
    assert deadline.due == D(2027, 3, 2)
    assert deadline.calendar_known is False and deadline.note == UNKNOWN


def test_deadline_as_data_is_json_friendly(case_in):
    assert _only(case_in("in_mediation"), "mediation").as_data() == {
        "kind": "mediation", "starts": "2026-03-02", "due": "2026-03-17", "basis": "《劳动争议调解仲裁法》第十四条",
        "label_zh": "调解期限", "label_en": "Mediation period", "calendar_known": True, "note": None,
        "actor": "mediation_body", "unit": "days", "length": 15, "note_en": None,
    }


def test_every_note_a_deadline_carries_is_written_in_english_too(case_in):
    from tests.disputes.test_i18n import CJK

    notes = 0
    for state in STATES:
        desk = case_in(state)
        for deadline in deadlines(desk.case, today=desk.today):
            if deadline.note:
                notes += 1
                assert deadline.note_en and not CJK.search(deadline.note_en), (state, deadline.kind, deadline.note_en)
    assert notes > 0

"""The rules the December 2026 audit found wrong, each as the statute says (legal-audit.md, 'Wrong today')."""

import datetime as dt

import pytest

from workflows import GuardRefused, allowed_events

D = dt.date


def _refusal(desk, event, data):
    with pytest.raises(GuardRefused) as refused:
        desk.do(event, data=data)
    return refused.value


# Finding 4: hearing notice at least five (working) days before the hearing (Art. 35; Rules Art. 80).

def test_hearing_the_day_after_tomorrow_is_refused(case_in):
    desk = case_in("in_arbitration")  # today Monday 2026-03-02
    refusal = _refusal(desk, "schedule_hearing", {"at": "2026-03-04T09:30", "place": "第一仲裁庭"})
    # Five working days back from Wednesday 4 March: 3, 2 March, Saturday 28 February (a make-up working
    # day of 2026), 27 and 26 February.
    assert refusal.field == "at" and "第三十五条" in refusal.message_zh and "最迟应于 2026-02-26 通知" in refusal.message_zh


def test_hearing_exactly_five_working_days_after_the_notice_is_accepted(case_in):
    desk = case_in("in_arbitration")
    data = desk.do("schedule_hearing", data={"at": "2026-03-09T09:30", "place": "第一仲裁庭"}).data
    assert (data["notified_on"], data["notice_due_by"]) == ("2026-03-02", "2026-03-02")


def test_hearing_four_working_days_after_the_notice_is_refused(case_in):
    assert _refusal(case_in("in_arbitration"), "schedule_hearing", {"at": "2026-03-06T09:30", "place": "庭"}).field == "at"


def test_notice_given_earlier_is_counted_from_its_day(case_in):
    desk = case_in("in_arbitration").advance(3)  # Thursday 5 March
    data = desk.do("schedule_hearing", data={"at": "2026-03-09T14:00", "place": "庭", "notified_on": "2026-03-02"}).data
    assert data["notified_on"] == "2026-03-02"


def test_notice_date_cannot_be_in_the_future(case_in):
    refusal = _refusal(case_in("in_arbitration"), "schedule_hearing",
                       {"at": "2026-04-09T14:00", "place": "庭", "notified_on": "2026-03-03"})
    assert refusal.field == "notified_on"


def test_hearing_after_national_day_counts_only_working_days(make_desk):
    desk = make_desk(submitted_on=D(2026, 9, 28))
    desk.do("apply_arbitration")
    desk.do("accept_arbitration", on=D(2026, 9, 29))
    # 29 Sept + 5 working days: 30 Sept, 8, 9, 10 (make-up Saturday), 12 October.
    assert _refusal(desk, "schedule_hearing", {"at": "2026-10-10T09:00", "place": "庭"}).field == "at"
    assert desk.do("schedule_hearing", data={"at": "2026-10-12T09:00", "place": "庭"}).data["notice_due_by"] == "2026-09-29"


def test_hearing_in_a_year_without_arrangement_is_flagged_provisional(make_desk):
    desk = make_desk(submitted_on=D(2026, 12, 21))
    desk.do("apply_arbitration")
    desk.do("accept_arbitration")
    data = desk.do("schedule_hearing", data={"at": "2027-01-06T09:00", "place": "庭"}).data
    assert data["calendar_provisional"] is True and data["notice_due_by"] == "2026-12-29"


def test_postponement_must_be_asked_three_working_days_before(case_in):
    data = case_in("in_arbitration").do("schedule_hearing", data={"at": "2026-03-16T09:30", "place": "庭"}).data
    assert data["postponement_request_by"] == "2026-03-11"


# Finding 5: suing when the commission or the tribunal does not act in time (Art. 29, 43).

def test_no_lawsuit_while_the_acceptance_decision_is_still_due(case_in, people):
    desk = case_in("arbitration_applied")  # applied 2026-03-02, decision due 2026-03-09
    assert "file_lawsuit" not in allowed_events(desk.case, people.worker, today=desk.today)
    assert "第二十九条" in _refusal(desk, "file_lawsuit", {"by": "worker"}).message_zh


def test_lawsuit_once_the_acceptance_decision_is_overdue(case_in, people):
    desk = case_in("arbitration_applied")
    desk.today = D(2026, 3, 10)
    assert "file_lawsuit" in allowed_events(desk.case, people.worker, today=desk.today)
    transition = desk.do("file_lawsuit", data={"by": "worker"})
    assert transition.to_state == "in_litigation" and transition.data["ground"] == "acceptance_overdue"


def test_no_lawsuit_while_the_award_period_runs(case_in):
    desk = case_in("in_arbitration")  # award due 2026-04-16
    desk.today = D(2026, 4, 16)
    assert "第四十三条" in _refusal(desk, "file_lawsuit", {"by": "worker"}).message_zh


def test_lawsuit_once_the_award_is_overdue(case_in):
    desk = case_in("in_arbitration")
    transition = desk.do("file_lawsuit", data={"by": "employer"}, on=D(2026, 4, 17))
    assert transition.data["ground"] == "award_overdue" and "warnings" not in transition.data


def test_overdue_award_warns_of_the_interpretations_exceptions(case_in):
    desk = case_in("in_arbitration")
    desk.do("restart_award_clock", data={"reason": "transferred"}, on=D(2026, 3, 3))
    desk.do("schedule_hearing", data={"at": "2026-04-30T09:00", "place": "庭"}, on=D(2026, 4, 20))
    transition = desk.do("file_lawsuit", data={"by": "worker"}, on=D(2026, 4, 20))
    assert len(transition.data["warnings"]) == 2 and "第十二条" in transition.data["warnings"][0]


def test_no_lawsuit_for_an_overdue_award_while_suspended(case_in):
    desk = case_in("in_arbitration")
    desk.do("suspend_award_clock", on=D(2026, 3, 3))
    desk.today = D(2026, 6, 1)
    assert _refusal(desk, "file_lawsuit", {"by": "worker"}).message_zh.startswith("仲裁裁决期限")


# Finding 2: the award type is what the award states (Interp Art. 18); Art. 19 only as a check.

def _award(desk, items, **extra):
    return desk.do("render_award", data={"items": items, "monthly_minimum_wage": "2500", **extra}).data


def test_stated_final_items_make_a_final_award(case_in):
    desk = case_in("in_arbitration")
    data = _award(desk, [{"kind": "wage_arrears", "amount": "3000", "stated": "final"}])
    assert desk.case.final_award is True and data["final_award"]["stated"] == "per_item"
    assert data["final_award"]["warnings"] == [] and "第十八条" in data["final_award"]["basis"]


def test_stated_type_wins_over_the_computation_with_a_warning(case_in):
    desk = case_in("in_arbitration")  # 12 × 2500 = 30000
    data = _award(desk, [{"kind": "wage_arrears", "amount": "40000", "stated": "final"}])
    assert desk.case.final_award is True and data["final_award"]["computed_final"] is False
    assert "以裁决书载明为准" in data["final_award"]["warnings"][0]


def test_stated_non_final_award_is_non_final_even_when_small(case_in):
    desk = case_in("in_arbitration")
    data = _award(desk, [{"kind": "wage_arrears", "amount": "300"}], stated_type="non_final")
    assert desk.case.final_award is False and data["final_award"]["stated"] == "award"
    assert len(data["final_award"]["warnings"]) == 1


def test_stated_mixed_award_is_non_final_when_sued_upon(case_in):
    desk = case_in("in_arbitration")
    data = _award(desk, [{"kind": "wage_arrears", "amount": "300", "stated": "final"},
                         {"kind": "confirm_labor_relation", "stated": "non_final"}])
    assert desk.case.final_award is False and data["final_award"]["mixed"] is True
    assert "第二十条" in data["final_award"]["basis"]


def test_award_silent_on_its_type_is_judged_by_article_19(case_in):
    desk = case_in("in_arbitration")
    data = _award(desk, [{"kind": "wage_arrears", "amount": "30000"}])
    assert desk.case.final_award is True and data["final_award"]["stated"] is None
    assert "第十九条" in data["final_award"]["basis"]


def test_type_stated_for_some_items_only_is_refused(case_in):
    refusal = _refusal(case_in("in_arbitration"), "render_award", {
        "items": [{"kind": "wage_arrears", "amount": "300", "stated": "final"}, {"kind": "overtime", "amount": "10"}],
        "monthly_minimum_wage": "2500"})
    assert refusal.field == "items"


@pytest.mark.parametrize(("data", "field"), [
    ({"items": [{"kind": "wage_arrears", "amount": "300", "stated": "binding"}]}, "items"),
    ({"items": [{"kind": "wage_arrears", "amount": "300"}], "stated_type": "partly"}, "stated_type"),
])
def test_unknown_stated_types_are_refused(case_in, data, field):
    assert _refusal(case_in("in_arbitration"), "render_award", {**data, "monthly_minimum_wage": "2500"}).field == field


# Approximations tightened: the extension needs the head's written approval (Art. 43; Rules Art. 45).

def test_extension_without_a_recorded_approval_is_kept_with_a_warning(case_in):
    data = case_in("in_arbitration").do("extend_award", data={"reason": "需要鉴定"}).data
    assert "第四十五条" in data["warnings"][0]


def test_extension_with_the_heads_approval_needs_no_warning(case_in):
    data = case_in("in_arbitration").do("extend_award", data={"reason": "需要鉴定", "approved_by": "仲裁委主任张某"}).data
    assert data["approved_by"] == "仲裁委主任张某" and "warnings" not in data

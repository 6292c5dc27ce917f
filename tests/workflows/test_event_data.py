"""What each event needs in `data`, how it is normalised, and the rules that depend on it."""

import datetime as dt
from decimal import Decimal

import pytest

from tests.workflows.fakes import Claim, valid_data
from workflows import GuardRefused, allowed_events, deadlines

D = dt.date


def deadline_due(desk, kind):
    return next(d.due for d in deadlines(desk.case, today=desk.today) if d.kind == kind)


def _refusal(desk, event, data, actor=None):
    with pytest.raises(GuardRefused) as refused:
        desk.do(event, actor, data)
    return refused.value


def _agreement(**changes):
    return {"terms": "平台支付经济补偿", "amount": "6000", "pay_by": "2026-03-20", **changes}


# Amounts, dates and texts.

@pytest.mark.parametrize(("given", "stored"), [
    ("6000", "6000.00"), (6000, "6000.00"), (Decimal("6000.5"), "6000.50"), ("12,345.67", "12345.67"),
    (" 88.8 ", "88.80"),
])
def test_amounts_are_stored_as_two_decimal_strings(case_in, given, stored):
    transition = case_in("in_mediation").do("mediation_succeeded", data=_agreement(amount=given))
    assert transition.data["amount"] == stored


@pytest.mark.parametrize(("given", "message"), [
    (6000.5, "金额格式不正确，请填写数字，例如 1234.50"),
    ("1e5", "金额格式不正确，请填写数字，例如 1234.50"),
    ("六千元", "金额格式不正确，请填写数字，例如 1234.50"),
    (Decimal("NaN"), "金额格式不正确，请填写数字，例如 1234.50"),
    (True, "金额格式不正确，请填写数字，例如 1234.50"),
    ("100.005", "金额最多保留两位小数"),
    ("0", "金额须大于零"),
    (Decimal("-5"), "金额须大于零"),
    ("10000000000", "金额过大，请核对"),
])
def test_bad_amounts_are_refused_on_the_amount_field(case_in, given, message):
    refusal = _refusal(case_in("in_mediation"), "mediation_succeeded", _agreement(amount=given))
    assert (refusal.field, refusal.message_zh) == ("amount", message)


def test_mediation_agreement_needs_terms_amount_and_pay_by(case_in):
    for missing in ("terms", "amount", "pay_by"):
        data = _agreement()
        del data[missing]
        refusal = _refusal(case_in("in_mediation"), "mediation_succeeded", data)
        assert refusal.message_zh == "记录调解成功须填写协议内容、金额和履行期限"
        assert refusal.field == missing


def test_pay_by_cannot_be_in_the_past(case_in):
    refusal = _refusal(case_in("in_mediation"), "mediation_succeeded", _agreement(pay_by="2026-03-01"))
    assert (refusal.field, refusal.message_zh) == ("pay_by", "履行期限不能早于今天")


@pytest.mark.parametrize("given", ["2026/03/20", "20260320", "2026-02-30", "next week"])
def test_dates_must_be_iso(case_in, given):
    refusal = _refusal(case_in("in_mediation"), "mediation_succeeded", _agreement(pay_by=given))
    assert refusal.field == "pay_by" and "YYYY-MM-DD" in refusal.message_zh


def test_pay_by_today_is_accepted_and_dates_are_stored_iso(case_in):
    desk = case_in("in_mediation")
    assert desk.do("mediation_succeeded", data=_agreement(pay_by=desk.today)).data["pay_by"] == "2026-03-02"


def test_arbitral_mediation_needs_the_statement(case_in):
    refusal = _refusal(case_in("in_arbitration"), "arbitral_mediation", {"terms": "支付"})
    assert refusal.message_zh == "仲裁调解结案须填写调解书内容、金额和履行期限"


@pytest.mark.parametrize(("event", "state"), [
    ("decline", "submitted"), ("reject_arbitration", "arbitration_applied"), ("extend_award", "in_arbitration"),
    ("suspend_award_clock", "in_arbitration"),
])
def test_reason_is_required(case_in, event, state):
    for data in ({}, {"reason": "   "}):
        refusal = _refusal(case_in(state), event, data)
        assert refusal.field == "reason" and "理由" in refusal.message_zh


def test_legal_aid_refusal_needs_a_reason(case_in):
    desk = case_in("submitted")
    desk.do("refer_legal_aid")
    assert _refusal(desk, "legal_aid_declined", {}).field == "reason"


def test_reason_is_at_most_2000_characters(case_in):
    assert case_in("submitted").do("decline", data={"reason": "理" * 2000}).data["reason"] == "理" * 2000
    refusal = _refusal(case_in("submitted"), "decline", {"reason": "理" * 2001})
    assert refusal.message_zh == "内容不能超过 2000 字"


def test_reason_is_stripped(case_in):
    assert case_in("submitted").do("decline", data={"reason": "  超出受理范围 "}).data == {"reason": "超出受理范围"}


def test_extra_plain_data_is_kept_and_odd_values_refused(case_in):
    assert case_in("submitted").do("withdraw", data={"channel": "电话", "pages": 2}).data == {
        "channel": "电话", "pages": 2}
    assert _refusal(case_in("submitted"), "withdraw", {"when": D(2026, 3, 2)}).field == "when"


def test_data_must_be_a_mapping(case_in):
    assert _refusal(case_in("submitted"), "withdraw", ["reason"]).message_zh == "事件数据格式不正确"


def test_accept_refuses_a_malformed_mediator_id(case_in):
    assert _refusal(case_in("submitted"), "accept", {"mediator_id": "someone"}).field == "mediator_id"


@pytest.mark.parametrize("given", ["²", "١٢", "2147483648", "99999999999999999999999", 2**31, 0, -3, True])
def test_a_handler_id_in_other_digits_or_past_the_id_column_is_refused(case_in, given):
    assert _refusal(case_in("submitted"), "accept", {"mediator_id": given}).field == "mediator_id"


# Hearings.

def test_hearing_is_stored_with_time_and_place(case_in):
    data = case_in("in_arbitration").do("schedule_hearing", data={"at": "2026-03-12 09:30", "place": "第二仲裁庭"}).data
    assert data == {"at": "2026-03-12T09:30", "place": "第二仲裁庭", "notified_on": "2026-03-02",
                    "notice_due_by": "2026-03-05", "postponement_request_by": "2026-03-09"}


def test_hearing_time_with_an_offset_is_stored_in_china_time(case_in):
    data = case_in("in_arbitration").do("schedule_hearing", data={"at": "2026-03-12T01:30Z", "place": "第二仲裁庭"}).data
    assert data["at"] == "2026-03-12T09:30"


@pytest.mark.parametrize(("data", "field"), [
    ({"place": "第二仲裁庭"}, "at"),
    ({"at": "2026-03-12T09:30"}, "place"),
    ({"at": "2026-03-12", "place": "第二仲裁庭"}, "at"),
    ({"at": "2026-03-02T16:00", "place": "第二仲裁庭"}, "at"),
    ({"at": "2026-03-01T09:00", "place": "第二仲裁庭"}, "at"),
])
def test_hearing_needs_a_future_time_and_a_place(case_in, data, field):
    assert _refusal(case_in("in_arbitration"), "schedule_hearing", data).field == field


@pytest.mark.parametrize("at", ["9999-12-31T23:59-10:00", "2101-01-01T09:00", "0001-01-01T00:00+14:00",
                                "２０２６-03-12T09:30"])
def test_a_hearing_time_out_of_range_or_in_other_digits_is_refused_by_name(case_in, at):
    refusal = _refusal(case_in("in_arbitration"), "schedule_hearing", {"at": at, "place": "第二仲裁庭"})
    assert refusal.field == "at"


@pytest.mark.parametrize("pay_by", ["9999-12-31", "2101-01-01", "1989-12-31"])
def test_a_date_outside_1990_to_2100_is_refused_as_a_slip(case_in, pay_by):
    refusal = _refusal(case_in("in_mediation"), "mediation_succeeded", _agreement(pay_by=pay_by))
    assert refusal.field == "pay_by" and "1990-01-01" in refusal.message_zh and "2100-12-31" in refusal.message_zh


# Leaving mediation for arbitration (Art. 14, 15).

def test_arbitration_during_mediation_is_allowed_at_any_time_with_the_ground(case_in, people):
    # Art. 5: a party unwilling to (go on) mediating may apply; Art. 14(3) is a fallback, not a bar.
    desk = case_in("in_mediation")
    desk.today = D(2026, 3, 17)
    assert "apply_arbitration" in allowed_events(desk.case, people.worker, today=desk.today)
    transition = desk.do("apply_arbitration", data={})
    assert transition.data["ground"] == "unwilling_to_continue" and "第五条" in transition.data["ground_zh"]


def test_arbitration_during_mediation_may_say_mediation_failed(case_in):
    data = case_in("in_mediation").do("apply_arbitration", data={"ground": "mediation_failed"}).data
    assert data["ground_zh"] == "调解不成（第五条）"


def test_a_ground_that_does_not_fit_the_stage_is_refused(case_in):
    assert _refusal(case_in("in_mediation"), "apply_arbitration", {"ground": "agreement_not_performed"}).field == "ground"


def test_arbitration_after_fifteen_days_without_agreement(case_in):
    desk = case_in("in_mediation")
    transition = desk.do("apply_arbitration", on=D(2026, 3, 18))
    assert transition.to_state == "arbitration_applied" and transition.data["ground"] == "mediation_period_expired"


def test_unperformed_agreement_goes_to_arbitration_only_when_overdue_or_stated(case_in):
    desk = case_in("mediated")  # pay_by 2026-03-22
    refusal = _refusal(desk, "apply_arbitration", {})
    assert refusal.field == "not_performed" and "2026-03-22" in refusal.message_zh
    assert desk.do("apply_arbitration", data={"not_performed": True}).data["not_performed"] is True


def test_agreement_overdue_allows_arbitration(case_in):
    desk = case_in("mediated")
    transition = desk.do("apply_arbitration", on=D(2026, 3, 23))
    assert transition.data["agreement_overdue"] is True


# The award clock's internal events.

def test_the_award_period_is_extended_by_15_days_at_most_in_all(case_in, people):
    """Art. 43(1), Rules Art. 45: "延长期限不得超过十五日" caps the days; it does not say "once"."""
    desk = case_in("in_arbitration")
    desk.do("extend_award")  # no days given: all 15
    assert "extend_award" not in allowed_events(desk.case, people.arbitrator, today=desk.today)
    assert "延长满十五日" in _refusal(desk, "extend_award", {"reason": "再延长"}).message_zh


def test_two_approvals_may_share_the_15_days_and_the_clock_follows(case_in, people):
    desk = case_in("in_arbitration")  # accepted 2026-03-02, due 2026-04-16
    desk.do("extend_award", data={"reason": "鉴定未完成", "days": "10", "approved_by": "仲裁院负责人"})
    assert deadline_due(desk, "award") == D(2026, 4, 27)  # 04-26 is a Sunday: the next working day
    assert "第四十三条" in _refusal(desk, "extend_award", {"reason": "再延长", "days": "6"}).message_zh
    desk.do("extend_award", data={"reason": "追加当事人未到庭", "days": "5"})
    assert deadline_due(desk, "award") == D(2026, 5, 6)  # 45 + 15 days: 05-01 falls in the May Day holiday
    assert "extend_award" not in allowed_events(desk.case, people.arbitrator, today=desk.today)


@pytest.mark.parametrize("days", ["0", "16", "²", "-3", "ten"])
def test_an_extension_of_no_days_or_more_than_is_left_is_refused(case_in, days):
    refusal = _refusal(case_in("in_arbitration"), "extend_award", {"reason": "案情复杂", "days": days})
    assert refusal.field == "days"


def test_award_period_cannot_be_extended_after_it_expired(case_in):
    desk = case_in("in_arbitration")  # accepted 2026-03-02, due 2026-04-16
    refusal = _refusal(desk.advance(46), "extend_award", {"reason": "案情复杂"})
    assert "2026-04-16" in refusal.message_zh and "第四十三条" in refusal.message_zh


def test_restart_needs_one_of_the_rules_reasons(case_in):
    refusal = _refusal(case_in("in_arbitration"), "restart_award_clock", {"reason": "其他"})
    assert refusal.field == "reason" and "第四十六条" in refusal.message_zh


def test_suspension_and_resumption_alternate(case_in, people):
    desk = case_in("in_arbitration")
    assert "resume_award_clock" not in allowed_events(desk.case, people.arbitrator, today=desk.today)
    desk.do("suspend_award_clock")
    allowed = allowed_events(desk.case, people.arbitrator, today=desk.today)
    assert "resume_award_clock" in allowed
    assert not {"suspend_award_clock", "restart_award_clock", "render_award"} & set(allowed)
    assert _refusal(desk, "render_award", valid_data("render_award", desk.today)).message_zh == \
        "审理已中止，请先记录“恢复审理”"


# The award.

def test_award_needs_the_regions_minimum_wage(case_in):
    refusal = _refusal(case_in("in_arbitration"), "render_award", {"amount_awarded": "5000"})
    assert refusal.field == "monthly_minimum_wage"


def test_award_needs_an_amount_or_items(case_in):
    refusal = _refusal(case_in("in_arbitration"), "render_award", {"monthly_minimum_wage": "2690"})
    assert refusal.field == "amount_awarded"


def test_award_items_are_normalised_and_judged(case_in):
    desk = case_in("in_arbitration")
    data = desk.do("render_award", data={
        "items": [{"kind": "wage_arrears", "amount": "3000"}, {"kind": "confirm_labor_relation"}],
        "monthly_minimum_wage": "2690"}).data
    assert data["amount_awarded"] == "3000.00"
    assert data["items"] == [{"kind": "wage_arrears", "amount": "3000.00"},
                             {"kind": "confirm_labor_relation", "amount": None}]
    assert data["final_award"]["mixed"] is True
    assert desk.case.final_award is False


def test_award_given_only_as_a_total_is_judged_as_the_cases_single_claim(case_in):
    desk = case_in("in_arbitration")
    data = desk.do("render_award", data={"amount_awarded": "30000", "monthly_minimum_wage": "2690"}).data
    assert data["items"] == [{"kind": "economic_compensation", "amount": "30000.00"}]
    assert desk.case.final_award is True


def test_total_over_several_claims_is_not_final(case_in):
    desk = case_in("in_arbitration", claims=[Claim("wage_arrears"), Claim("overtime")])
    desk.do("render_award", data={"amount_awarded": "3000", "monthly_minimum_wage": "2690"})
    assert desk.case.final_award is False


def test_award_dismissing_every_claim_may_be_zero(case_in):
    desk = case_in("in_arbitration")
    assert desk.do("render_award", data={"amount_awarded": "0", "monthly_minimum_wage": "2690"}).data[
        "amount_awarded"] == "0.00"


@pytest.mark.parametrize(("items", "message"), [
    ([], "裁决事项须逐项列出"),
    ([{"kind": "bonus", "amount": "10"}], "第 1 项裁决事项的类别不正确"),
    ([{"kind": "wage_arrears"}], "第 1 项裁决事项须填写金额"),
    ([{"kind": "wage_arrears", "amount": "-1"}], "金额不能为负数"),
])
def test_bad_award_items_are_refused(case_in, items, message):
    refusal = _refusal(case_in("in_arbitration"), "render_award", {"items": items, "monthly_minimum_wage": "2690"})
    assert (refusal.field, refusal.message_zh) == ("items", message)


def test_award_total_must_match_its_items(case_in):
    refusal = _refusal(case_in("in_arbitration"), "render_award", {
        "items": [{"kind": "wage_arrears", "amount": "100"}], "amount_awarded": "200", "monthly_minimum_wage": "2690"})
    assert refusal.field == "amount_awarded"


# Going to court (Art. 48–50).

def test_lawsuit_needs_to_say_who_sues(case_in):
    assert _refusal(case_in("awarded"), "file_lawsuit", {}).field == "by"


def test_employer_may_not_sue_on_a_final_award(case_in):
    desk = case_in("awarded")
    assert desk.case.final_award is True
    refusal = _refusal(desk, "file_lawsuit", {"by": "employer"})
    assert refusal.field == "by"
    assert "中级人民法院" in refusal.message_zh and "三十日" in refusal.message_zh and "第四十九条" in refusal.message_zh


def test_employer_may_sue_on_a_non_final_award(case_in):
    desk = case_in("in_arbitration")
    desk.do("render_award", data={"items": [{"kind": "tort_damages", "amount": "500"}], "monthly_minimum_wage": "2690"})
    assert desk.do("file_lawsuit", data={"by": "employer"}).data == {"by": "employer"}


def test_employer_may_sue_after_arbitration_was_refused(case_in):
    assert case_in("arbitration_rejected").do("file_lawsuit", data={"by": "employer"}).to_state == "in_litigation"

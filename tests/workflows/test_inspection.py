"""The labour-inspection track: every transition, every refusal, the periods worked out by hand on
the 2026 and 2027 calendars, the two-year limit, the link to a dispute and the wage-arrears clues."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

import pytest

from workflows import inspection as ins
from workflows.errors import EventNotAllowed, GuardRefused, NotPermitted, UnknownEvent

D = dt.date
RECEIVED_ON = D(2026, 3, 2)  # a Monday with no holiday near it

INSPECTOR = ins.InspectionActor(51, "inspector")
OTHER_INSPECTOR = ins.InspectionActor(52, "inspector")
HEAD = ins.InspectionActor(61, "inspection_head")
WORKER = ins.InspectionActor(1, "worker", owns_matter=True)
REPORTER = ins.InspectionActor(None, "reporter")
ADMIN = ins.InspectionActor(41, "admin")


@dataclass
class Record:
    event: str
    on: dt.date
    data: dict = field(default_factory=dict)


@dataclass
class Matter:
    """Has exactly the attributes of workflows.inspection.InspectionLike."""

    state: str = "received"
    channel: str = "complaint"
    anonymous: bool = False
    received_on: dt.date = RECEIVED_ON
    inspector_id: int | None = None
    violation_on: dt.date | None = D(2026, 1, 31)
    violation_ended_on: dt.date | None = None
    violation_continuing: bool = False
    history: list = field(default_factory=list)


OWED = [{"worker": "w1", "amount": "6000.00", "months": 3}, {"worker": "w2", "amount": "4000.00", "months": 2}]
MANY_OWED = [{"worker": f"w{i}", "amount": "11000.00", "months": 4} for i in range(10)]


def valid(event, today):
    """Data that satisfies the event's data guards on `today`."""
    return {
        "request_correction": {"missing": "被投诉单位住所"},
        "decline": {"reason": "outside_remit"},
        "open_case": {},
        "extend_investigation": {"reason": "涉及多个合作用工单位，需调取平台结算记录"},
        "hear_statement": {"summary": "用人单位称资金周转困难"},
        "order_rectification": {"kind": "pay_wages", "instrument": "rectification_order",
                                "due_on": (today + dt.timedelta(days=10)).isoformat(), "owed": MANY_OWED},
        "order_complied": {"paid": "110000.00"},
        "order_compensation": {"rate": "0.5"},
        "impose_penalty": {"basis": "art25", "fine": "1000.00", "workers": 10},
        "cancel_case": {"minor": True, "corrected": True, "reason": "已补签劳动合同"},
        "propose_transfer": {"officer_ids": [51, 53], "method": "able_but_refuses", "report": "经责令支付逾期未付"},
        "approve_transfer": {"police": "某区公安分局"},
        "refuse_transfer": {"reason": "证据尚不充分，继续调查"},
        "police_opened_case": {},
        "police_declined": {"reason": "已在立案前全额支付"},
        "request_police_review": {},
        "close": {},
    }[event]


def actor_for(event):
    return HEAD if event in ("extend_investigation", "approve_transfer", "refuse_transfer") else INSPECTOR


class Desk:
    """One matter on an inspector's desk: fires events on a day and writes them to the history."""

    def __init__(self, today=RECEIVED_ON, **fields_):
        self.matter = Matter(received_on=today, **fields_)
        self.today = today

    def do(self, event, data=None, actor=None, *, on=None):
        if on is not None:
            self.today = on
        data = valid(event, self.today) if data is None else data
        transition = ins.fire(self.matter, event, actor or actor_for(event), data, today=self.today)
        self.matter.history.append(Record(event, self.today, transition.data))
        return transition

    def advance(self, days):
        self.today += dt.timedelta(days=days)
        return self

    def past_order(self):
        order = ins.current_order(self.matter)
        self.today = D.fromisoformat(order.data["due_on"]) + dt.timedelta(days=1)
        return self

    def reach(self, state):
        for step in PATHS[state]:
            if step == "past_order":
                self.past_order()
            else:
                self.do(step)
        return self


PATHS = {
    "received": (),
    "not_accepted": ("decline",),
    "investigating": ("open_case",),
    "ordered": ("open_case", "order_rectification"),
    "complied": ("open_case", "order_rectification", "order_complied"),
    "penalised": ("open_case", "hear_statement", "impose_penalty"),
    "transferred": ("open_case", "order_rectification", "past_order", "propose_transfer", "approve_transfer"),
    "criminal_case": ("open_case", "order_rectification", "past_order", "propose_transfer", "approve_transfer",
                      "police_opened_case"),
    "police_declined": ("open_case", "order_rectification", "past_order", "propose_transfer", "approve_transfer",
                        "police_declined"),
    "case_cancelled": ("open_case", "cancel_case"),
    "closed": ("open_case", "order_rectification", "order_complied", "close"),
}

# What must happen in the source state before the event can be fired there.
SETUP = {
    ("impose_penalty", "investigating"): ("hear_statement",),
    ("impose_penalty", "ordered"): ("hear_statement",),
    ("impose_penalty", "police_declined"): ("hear_statement",),
    ("order_compensation", "ordered"): ("past_order",),
    ("propose_transfer", "ordered"): ("past_order",),
    ("approve_transfer", "ordered"): ("past_order", "propose_transfer"),
    ("refuse_transfer", "ordered"): ("past_order", "propose_transfer"),
    ("propose_transfer", "penalised"): ("order_rectification_first",),
    ("approve_transfer", "penalised"): ("order_rectification_first", "propose_transfer"),
    ("refuse_transfer", "penalised"): ("order_rectification_first", "propose_transfer"),
}


def desk_in(state, event=None):
    desk = Desk()
    if (event, state) in (("propose_transfer", "penalised"), ("approve_transfer", "penalised"),
                          ("refuse_transfer", "penalised")):
        # A penalty after an order to pay that was ignored: open, order, let it lapse, hear, penalise.
        for step in ("open_case", "order_rectification", "past_order", "hear_statement"):
            desk.past_order() if step == "past_order" else desk.do(step)
        desk.do("impose_penalty", {"basis": "art30", "ground": "ignored_order", "fine": "5000.00"})
    else:
        desk.reach(state)
    for step in SETUP.get((event, state), ()):
        if step == "past_order":
            desk.past_order()
        elif step != "order_rectification_first":
            desk.do(step)
    return desk


# ---------------------------------------------------------------------------------------------
# Every transition.

@pytest.mark.parametrize(("event", "source", "target"),
                         [(e, s, t) for e, sources, t in ins.TRANSITIONS for s in sources])
def test_every_transition_moves_the_matter(event, source, target):
    desk = desk_in(source, event)
    assert desk.matter.state == source
    transition = desk.do(event)
    assert (transition.from_state, transition.to_state) == (source, target or source)
    assert desk.matter.state == (target or source)


def test_the_tables_name_every_event_and_state_once():
    assert set(ins.EVENTS) == {e for e, _, _ in ins.TRANSITIONS} == set(ins.WHO_MAY) == set(ins.EVENT_LABELS)
    for _, sources, target in ins.TRANSITIONS:
        assert set(sources) <= set(ins.STATES) and (target is None or target in ins.STATES)
        assert not set(sources) & ins.TERMINAL_STATES
    assert set(ins.STATE_LABELS) == set(ins.STATES)


def test_open_case_assigns_the_inspector_and_notes_timeliness():
    desk = Desk()
    transition = desk.do("open_case", on=RECEIVED_ON + dt.timedelta(days=9))
    assert desk.matter.inspector_id == INSPECTOR.user_id
    assert transition.data == {"inspector_id": 51, "accepted_within": False}  # 7 working days after receipt


def test_open_case_may_name_another_inspector():
    desk = Desk()
    desk.do("open_case", {"inspector_id": 52})
    assert desk.matter.inspector_id == 52
    with pytest.raises(NotPermitted):
        desk.do("hear_statement")  # the inspector is now 52, not 51


def test_allowed_events_follow_state_role_and_date():
    desk = Desk().reach("ordered")
    assert ins.allowed_events(desk.matter, INSPECTOR, today=desk.today) == [
        "hear_statement", "order_complied", "impose_penalty"]
    desk.past_order()
    assert ins.allowed_events(desk.matter, INSPECTOR, today=desk.today) == [
        "hear_statement", "order_complied", "order_compensation", "impose_penalty", "propose_transfer"]
    assert ins.allowed_events(desk.matter, HEAD, today=desk.today) == []
    assert ins.allowed_events(desk.matter, WORKER, today=desk.today) == []


def test_the_order_to_pay_records_the_total_and_its_basis():
    data = Desk().reach("ordered").matter.history[-1].data
    assert data["amount"] == "110000.00" and data["basis"].endswith("第二十六条第（一）项（克扣或者无故拖欠工资报酬）")


def test_compensation_is_computed_on_the_sum_owed():
    desk = desk_in("ordered", "order_compensation")
    assert desk.do("order_compensation", {"rate": "0.75"}).data["compensation"] == "82500.00"


def test_late_compliance_is_marked_late():
    desk = Desk().reach("ordered").past_order()
    assert desk.do("order_complied").data["late"] is True


# ---------------------------------------------------------------------------------------------
# Every refusal.

def test_unknown_event():
    with pytest.raises(UnknownEvent):
        ins.fire(Matter(), "fly", INSPECTOR, today=RECEIVED_ON)


def test_event_not_allowed_from_the_state_lists_what_is():
    with pytest.raises(EventNotAllowed) as refused:
        ins.fire(Matter(), "close", INSPECTOR, today=RECEIVED_ON)
    assert refused.value.allowed == ["request_correction", "decline", "open_case"]


@pytest.mark.parametrize("actor", [WORKER, REPORTER, HEAD, ADMIN])
def test_only_an_inspector_decides_on_acceptance(actor):
    with pytest.raises(NotPermitted):
        ins.fire(Matter(), "open_case", actor, {}, today=RECEIVED_ON)


@pytest.mark.parametrize("event", ["extend_investigation", "approve_transfer", "refuse_transfer"])
def test_only_the_head_extends_and_decides_on_transfer(event):
    desk = desk_in("ordered", "approve_transfer") if event != "extend_investigation" else Desk().reach("investigating")
    with pytest.raises(NotPermitted) as refused:
        desk.do(event, actor=INSPECTOR)
    assert "劳动保障行政部门负责人" in refused.value.message_zh


def test_another_inspector_may_not_act_on_an_assigned_matter():
    desk = Desk().reach("investigating")
    with pytest.raises(NotPermitted) as refused:
        desk.do("hear_statement", actor=OTHER_INSPECTOR)
    assert "其他监察员" in refused.value.message_zh


def test_the_inspector_role_is_checked():
    with pytest.raises(ValueError):
        ins.InspectionActor(1, "mediator")


def _refused(desk, event, data, match=None):
    with pytest.raises(GuardRefused) as refused:
        desk.do(event, data)
    if match:
        assert match in refused.value.message_zh
    return refused.value


def test_correction_is_for_complaints_and_names_what_is_missing():
    _refused(Desk(), "request_correction", {}, "补正的内容")
    _refused(Desk(channel="report"), "request_correction", {"missing": "地址"}, "仅适用于投诉")


@pytest.mark.parametrize(("data", "match"), [
    ({}, "请选择不予受理的理由"),
    ({"reason": "time_barred"}, "在二年之内"),
    ({"reason": "no_grounds"}, "若干规定第十八条"),
    ({"reason": "other_department"}, "有管辖权的部门"),
])
def test_decline_refusals(data, match):
    _refused(Desk(), "decline", data, match)


def test_a_report_may_be_declined_for_want_of_grounds_and_a_complaint_gets_written_notice():
    assert Desk(channel="report", anonymous=True).do("decline", {"reason": "no_grounds"}).data["written_notice"] is False
    assert Desk().do("decline", {"reason": "dispute_procedure"}).data["written_notice"] is True


@pytest.mark.parametrize("channel", ["complaint", "report"])
def test_a_violation_older_than_two_years_is_not_opened_but_declined(channel):
    desk = Desk(channel=channel, violation_on=D(2024, 2, 1))
    _refused(desk, "open_case", {}, "条例第二十条")
    assert desk.do("decline", {"reason": "time_barred"}).to_state == "not_accepted"


def test_extension_refusals():
    desk = Desk().reach("investigating")
    _refused(desk, "extend_investigation", {}, "案情复杂")
    desk.do("extend_investigation")
    _refused(desk, "extend_investigation", valid("extend_investigation", desk.today), "只能延长一次")
    late = Desk().reach("investigating")
    late.today = ins.investigation_deadline(late.matter).due + dt.timedelta(days=1)
    _refused(late, "extend_investigation", valid("extend_investigation", late.today), "已于")


@pytest.mark.parametrize(("data", "match"), [
    ({"instrument": "rectification_order", "due_on": "2026-04-01"}, "请选择责令事项"),
    ({"kind": "pay_wages", "due_on": "2026-04-01"}, "责令文书"),
    ({"kind": "pay_wages", "instrument": "handling_decision", "due_on": "2026-04-01", "owed": OWED}, "第十九条"),
    ({"kind": "sign_contract", "instrument": "rectification_order", "due_on": RECEIVED_ON.isoformat()}, "今天之后"),
    ({"kind": "pay_wages", "instrument": "rectification_order", "due_on": "2026-04-01"}, "每名劳动者"),
    ({"kind": "pay_wages", "instrument": "rectification_order", "due_on": "2026-04-01", "owed": "6000"}, "格式"),
    ({"kind": "pay_wages", "instrument": "rectification_order", "due_on": "2026-04-01",
      "owed": [{"amount": "10", "months": -1}]}, "月数"),
])
def test_order_refusals(data, match):
    _refused(Desk().reach("investigating"), "order_rectification", data, match)


def test_a_handling_decision_follows_the_employers_statement():
    desk = Desk().reach("investigating")
    desk.do("hear_statement")
    data = {"kind": "pay_wages", "instrument": "handling_decision", "due_on": "2026-04-01", "owed": OWED}
    assert desk.do("order_rectification", data).data["amount"] == "10000.00"


def test_compliance_cannot_be_recorded_in_the_future():
    desk = Desk().reach("ordered")
    _refused(desk, "order_complied", {"on": (desk.today + dt.timedelta(days=1)).isoformat()}, "不能晚于今天")


def test_compensation_refusals():
    desk = Desk().reach("ordered")
    _refused(desk, "order_compensation", {"rate": "0.5"}, "尚未届满")
    desk.past_order()
    _refused(desk, "order_compensation", {"rate": "1.5"}, "50%以上1倍以下")
    _refused(desk, "order_compensation", {"rate": "a lot"}, "50%以上1倍以下")
    contract = Desk().reach("investigating")
    contract.do("order_rectification", {"kind": "sign_contract", "instrument": "rectification_order",
                                        "due_on": "2026-03-20"})
    contract.today = D(2026, 3, 21)
    _refused(contract, "order_compensation", {"rate": "0.5"}, "第二十六条")


@pytest.mark.parametrize(("data", "match"), [
    ({"basis": "art25", "fine": "100.00", "workers": 10}, "1000 元至 5000 元"),
    ({"basis": "art25", "fine": "600.00"}, "人数"),
    ({"basis": "nowhere"}, "处罚依据"),
    ({"basis": "art30", "fine": "3000.00"}, "第三十条第一款所列"),
    ({"basis": "art30", "ground": "retaliation", "fine": "3000.00"}, "未规定罚款"),
    ({"basis": "art30", "ground": "obstruction", "fine": "30000.00"}, "2000 元至 20000 元"),
])
def test_penalty_refusals(data, match):
    desk = Desk().reach("investigating")
    desk.do("hear_statement")
    _refused(desk, "impose_penalty", data, match)


def test_no_penalty_without_hearing_the_employer():
    _refused(Desk().reach("investigating"), "impose_penalty", valid("impose_penalty", RECEIVED_ON), "陈述、申辩")


def test_ignoring_an_order_is_penalised_only_after_its_date():
    desk = Desk().reach("ordered")
    desk.do("hear_statement")
    data = {"basis": "art30", "ground": "ignored_order", "fine": "5000.00"}
    _refused(desk, "impose_penalty", data, "逾期未改正")
    desk.past_order()
    assert desk.do("impose_penalty", data).data["ground"] == "ignored_order"


def test_a_case_is_withdrawn_only_when_minor_and_corrected():
    _refused(Desk().reach("investigating"), "cancel_case", {"minor": True, "reason": "x"}, "情节轻微且已改正")


def test_transfer_waits_for_the_order_to_pay_to_lapse():
    desk = Desk().reach("ordered")
    _refused(desk, "propose_transfer", valid("propose_transfer", desk.today), "尚未届满")
    contract = Desk().reach("investigating")
    contract.do("order_rectification", {"kind": "sign_contract", "instrument": "rectification_order",
                                        "due_on": "2026-03-20"})
    contract.today = D(2026, 3, 21)
    _refused(contract, "propose_transfer", valid("propose_transfer", contract.today), "责令支付仍不支付")


@pytest.mark.parametrize(("change", "match"), [
    ({"officer_ids": [51]}, "2名以上"),
    ({"officer_ids": [51, 51]}, "2名以上"),
    ({"method": None}, "逃避支付"),
    ({"report": ""}, "调查报告"),
    ({"single_threshold": "25000"}, "5000 元至 20000 元"),
    ({"group_threshold": "120000"}, "30000 元至 100000 元"),
    ({"group_threshold": "100000"}, "文件名称"),
])
def test_transfer_report_refusals(change, match):
    desk = desk_in("ordered", "propose_transfer")
    _refused(desk, "propose_transfer", {**valid("propose_transfer", desk.today), **change}, match)


def test_transfer_below_the_threshold_or_within_the_range_without_the_local_figure():
    for owed, match in ((OWED, "数额标准"),
                        ([{"worker": "w1", "amount": "8000.00", "months": 4}], "高级人民法院确定的数额标准")):
        desk = Desk().reach("investigating")
        desk.do("order_rectification", {"kind": "pay_wages", "instrument": "rectification_order",
                                        "due_on": "2026-03-20", "owed": owed})
        desk.today = D(2026, 3, 21)
        _refused(desk, "propose_transfer", valid("propose_transfer", desk.today), match)


def test_transfer_with_the_provincial_figure_and_its_source():
    desk = Desk().reach("investigating")
    desk.do("order_rectification", {"kind": "pay_wages", "instrument": "rectification_order",
                                    "due_on": "2026-03-20", "owed": [{"worker": "w1", "amount": "8000.00",
                                                                       "months": 4}]})
    desk.today = D(2026, 3, 21)
    data = {**valid("propose_transfer", desk.today), "single_threshold": "8000", "threshold_source": "本省标准文件"}
    assert desk.do("propose_transfer", data).data["assessment"]["suspected"] is True


def test_one_transfer_report_at_a_time_and_decisions_need_one():
    desk = desk_in("ordered", "propose_transfer")
    _refused(Desk().reach("ordered").past_order(), "approve_transfer", {"police": "x"}, "没有待审批")
    desk.do("propose_transfer")
    _refused(desk, "propose_transfer", valid("propose_transfer", desk.today), "待审批")
    _refused(desk, "approve_transfer", {}, "公安机关")
    with pytest.raises(GuardRefused, match="理由记录在案"):
        desk.do("refuse_transfer", {}, HEAD)
    desk.do("refuse_transfer", actor=HEAD)
    _refused(desk, "refuse_transfer", {"reason": "x"}, "没有待审批")


def test_approval_records_whether_it_came_within_three_days():
    desk = desk_in("ordered", "approve_transfer")
    desk.advance(5)
    assert desk.do("approve_transfer").data["decided_in_time"] is False


def test_police_notice_and_reconsideration_refusals():
    desk = Desk().reach("transferred")
    _refused(desk, "police_declined", {"reason": "x", "notice_received_on": "2030-01-01"}, "不能晚于今天")
    _refused(desk, "police_declined", {}, "不予立案的理由")
    desk.do("police_declined", {"reason": "已支付", "notice_received_on": desk.today.isoformat()})
    late = desk.today + dt.timedelta(days=10)
    _refused(Desk().reach("police_declined").advance(10), "request_police_review", {}, "期限已于")
    desk.do("request_police_review")
    with pytest.raises(GuardRefused, match="已提请复议"):
        ins.fire(desk.matter, "request_police_review", INSPECTOR, {}, today=late)


def test_event_data_must_be_an_object():
    with pytest.raises(GuardRefused):
        ins.fire(Matter(), "open_case", INSPECTOR, ["x"], today=RECEIVED_ON)


# ---------------------------------------------------------------------------------------------
# Intake.

def _intake(channel="complaint", actor=WORKER, **data):
    base = {"employer_name": "某某配送服务有限公司", "facts": "三个月工资未发", "place": "某市某区"}
    return ins.intake(channel, actor, {**base, **data}, today=RECEIVED_ON)


def test_a_named_complaint_and_an_anonymous_report():
    assert _intake()["filer_id"] == 1
    report = _intake("report", REPORTER, anonymous=True, employer_code="9111-0000")
    assert "filer_id" not in report and report["anonymous"] is True
    assert "employer_code" not in report  # a malformed code is dropped, not guessed


@pytest.mark.parametrize(("channel", "actor", "data", "match"), [
    ("complaint", WORKER, {"anonymous": True}, "匿名举报"),
    ("complaint", REPORTER, {}, "其他人可以举报"),
    ("report", INSPECTOR, {}, "举报人"),
    ("letter", WORKER, {}, "投诉或举报"),
    ("complaint", WORKER, {"employer_name": ""}, "用人单位名称"),
    ("complaint", WORKER, {"facts": " "}, "违法事实"),
    ("complaint", WORKER, {"place": None}, "用工所在地"),
    ("complaint", WORKER, {"violation_on": "2026/01/01"}, "YYYY-MM-DD"),
])
def test_intake_refusals(channel, actor, data, match):
    with pytest.raises(GuardRefused, match=match):
        _intake(channel, actor, **data)


# ---------------------------------------------------------------------------------------------
# The periods, worked by hand. 2026 from the State Council's notice (Spring Festival 15-23 Feb,
# make-up Saturdays 14 and 28 Feb; Mid-Autumn 25-27 Sep, National Day 1-7 Oct, make-up Sunday
# 20 Sep and Saturday 10 Oct); 2027 is provisional (no notice: 除夕 and 初一至初三 = 5-8 Feb,
# Mid-Autumn 15 Sep, National Day 1-3 Oct, weekends).

ACCEPTANCE_EXAMPLES = [
    # received, last day to decide, calendar known, why
    (D(2026, 2, 12), D(2026, 2, 26), True, "Fri 13, Sat 14 (make-up), then 24, 25, 26"),
    (D(2026, 2, 13), D(2026, 2, 27), True, "Sat 14 (make-up), then 24, 25, 26, 27"),
    (D(2026, 2, 23), D(2026, 2, 28), True, "received on a holiday: 24-27 and Saturday 28 (make-up)"),
    (D(2026, 9, 24), D(2026, 10, 9), True, "25-27 Sep off: 28, 29, 30 Sep, 8, 9 Oct"),
    (D(2026, 9, 30), D(2026, 10, 13), True, "1-7 Oct off: 8, 9, 10 (make-up), 12, 13"),
    (D(2027, 2, 4), D(2027, 2, 15), False, "5 and 8 Feb off: 9, 10, 11, 12, 15"),
    (D(2027, 9, 30), D(2027, 10, 8), False, "1 Oct off: 4-8 Oct"),
]


@pytest.mark.parametrize(("received", "due", "known", "why"), ACCEPTANCE_EXAMPLES)
def test_worked_examples_of_the_five_working_days_to_decide_on_a_complaint(received, due, known, why):
    matter = Matter(received_on=received, violation_on=received - dt.timedelta(days=30))
    (acceptance, _limit) = ins.deadlines(matter, today=received)
    assert (acceptance.kind, acceptance.due, acceptance.calendar_known) == ("complaint_acceptance", due, known)
    assert acceptance.unit == "working_days" and acceptance.length == 5
    assert "若干规定" in acceptance.basis and "未能核实" in acceptance.basis
    assert ("尚未公布" in acceptance.note) is (not known) and "受理之日即立案" in acceptance.note


INVESTIGATION_EXAMPLES = [
    # opened, extended, last day, calendar known, why
    (D(2026, 1, 5), False, D(2026, 4, 3), True, "Spring Festival (9 days off, 2 make-up Saturdays) and Qingming"),
    (D(2026, 1, 5), True, D(2026, 5, 20), True, "+30: Qingming Monday, Labour Day 1-5 May, make-up 9 May"),
    (D(2026, 9, 1), False, D(2026, 11, 30), True, "Mid-Autumn and National Day, make-up 20 Sep and 10 Oct"),
    (D(2026, 9, 1), True, D(2027, 1, 12), False, "+30 runs into 2027 (1 Jan off, provisional)"),
    (D(2026, 12, 1), False, D(2027, 2, 26), False, "1 Jan, 5 and 8 Feb 2027 off (provisional)"),
    (D(2026, 12, 1), True, D(2027, 4, 12), False, "+30 across Qingming 2027 (provisional)"),
]


@pytest.mark.parametrize(("opened", "extended", "due", "known", "why"), INVESTIGATION_EXAMPLES)
def test_worked_examples_of_the_investigation_period(opened, extended, due, known, why):
    desk = Desk(today=opened - dt.timedelta(days=1), violation_on=opened - dt.timedelta(days=60))
    desk.do("open_case", on=opened)
    if extended:
        desk.do("extend_investigation")
    (clock,) = ins.deadlines(desk.matter, today=desk.today)
    assert (clock.kind, clock.due, clock.calendar_known) == ("investigation", due, known)
    assert clock.length == (90 if extended else 60) and clock.basis.endswith("第十七条")


def test_investigation_period_counted_independently():
    """The same 60 working days counted day by day from the notice's days off."""
    days_off = {D(2026, 1, 1) + dt.timedelta(days=n) for n in range(3)} | \
        {D(2026, 2, 15) + dt.timedelta(days=n) for n in range(9)} | {D(2026, 4, 4) + dt.timedelta(days=n) for n in range(3)}
    make_up = {D(2026, 1, 4), D(2026, 2, 14), D(2026, 2, 28)}
    day, counted = D(2026, 1, 5), 0
    while counted < 60:
        day += dt.timedelta(days=1)
        counted += day in make_up or (day.weekday() < 5 and day not in days_off)
    assert day == D(2026, 4, 3)


TRANSFER_EXAMPLES = [
    # clock, start, due, why
    ("transfer_decision", D(2026, 9, 30), D(2026, 10, 8), "3 days end 3 Oct, a holiday: next working day 8 Oct"),
    ("transfer_decision", D(2026, 2, 11), D(2026, 2, 14), "3 days end on the make-up Saturday 14 Feb"),
    ("police_review", D(2026, 2, 13), D(2026, 2, 24), "3 days end 16 Feb, in the Spring Festival: 24 Feb"),
    ("police_review", D(2027, 2, 3), D(2027, 2, 9), "3 days end Saturday 6 Feb, 除夕 to 初三 off: 9 Feb"),
]


@pytest.mark.parametrize(("kind", "start", "due", "why"), TRANSFER_EXAMPLES)
def test_worked_examples_of_the_transfer_periods(kind, start, due, why):
    desk = Desk(today=start - dt.timedelta(days=40), violation_on=start - dt.timedelta(days=100))
    desk.do("open_case")
    desk.do("order_rectification", {"kind": "pay_wages", "instrument": "rectification_order",
                                    "due_on": (start - dt.timedelta(days=2)).isoformat(), "owed": MANY_OWED})
    desk.do("propose_transfer", on=start if kind == "transfer_decision" else start - dt.timedelta(days=1))
    if kind == "police_review":
        desk.do("approve_transfer", on=start)
    clocks = {d.kind: d for d in ins.deadlines(desk.matter, today=desk.today)}
    assert clocks[kind].due == due and "移送涉嫌犯罪案件的规定" in clocks[kind].basis


def test_reconsideration_and_handover_run_from_the_police_notice():
    desk = Desk().reach("transferred")
    notice = desk.today
    desk.do("police_declined", {"reason": "不构成犯罪", "notice_received_on": notice.isoformat()},
            on=notice + dt.timedelta(days=1))
    (clock,) = ins.deadlines(desk.matter, today=desk.today)
    assert clock.kind == "police_reconsideration" and clock.starts == notice and clock.basis.endswith("第九条第一款")
    desk.do("request_police_review")
    assert ins.deadlines(desk.matter, today=desk.today) == []
    opened = Desk().reach("criminal_case")
    (handover,) = ins.deadlines(opened.matter, today=opened.today)
    assert handover.kind == "materials_handover" and handover.basis.endswith("第十二条")


def test_the_order_clock_is_the_date_in_the_order():
    desk = Desk().reach("ordered")
    (clock,) = ins.deadlines(desk.matter, today=desk.today)
    assert clock.kind == "order_due" and clock.due == D(2026, 3, 12) and clock.basis.endswith("第二十六条")
    assert "50%以上1倍以下" in clock.note


def test_reports_have_no_acceptance_clock_only_the_two_years():
    (limit,) = ins.deadlines(Matter(channel="report", anonymous=True), today=RECEIVED_ON)
    assert limit.kind == "violation_limit" and limit.due == D(2028, 1, 31)


def test_terminal_states_run_no_clock():
    for state in ins.TERMINAL_STATES:
        assert ins.deadlines(Desk().reach(state).matter, today=RECEIVED_ON) == []


# ---------------------------------------------------------------------------------------------
# The two-year limit (条例第二十条).

LIMIT_EXAMPLES = [
    # complained on, violation on, ended on, continuing, barred
    (D(2026, 2, 28), D(2024, 2, 29), None, False, False),  # 29 Feb: the corresponding day is 28 Feb
    (D(2026, 3, 1), D(2024, 2, 29), None, False, True),
    (D(2026, 10, 8), D(2024, 10, 7), None, False, True),  # last day 7 Oct 2026 is a holiday: not moved
    (D(2026, 10, 7), D(2024, 10, 7), None, False, False),
    (D(2027, 6, 30), D(2023, 1, 1), D(2025, 6, 30), True, False),  # continuing: from the day it ended
    (D(2027, 7, 1), D(2023, 1, 1), D(2025, 6, 30), True, True),
    (D(2030, 1, 1), D(2023, 1, 1), None, True, False),  # still going on: no limit runs
    (D(2026, 3, 2), None, None, False, None),  # day unknown: cannot say
]


@pytest.mark.parametrize(("on", "violation", "ended", "continuing", "barred"), LIMIT_EXAMPLES)
def test_worked_examples_of_the_two_year_limit(on, violation, ended, continuing, barred):
    assert ins.time_barred(on, violation, ended, continuing) is barred


def test_the_limit_clock_says_when_its_last_day_is_a_rest_day_and_when_it_has_passed():
    matter = Matter(received_on=D(2026, 10, 8), violation_on=D(2024, 10, 7))
    limit = ins.violation_limit_deadline(matter)
    assert limit.due == D(2026, 10, 7) and "未予顺延" in limit.note and "已超过二年" in limit.note
    continuing = Matter(violation_on=D(2025, 1, 1), violation_ended_on=D(2025, 6, 30), violation_continuing=True)
    assert "行为终了之日" in ins.violation_limit_deadline(continuing).note
    assert ins.violation_limit_deadline(Matter(violation_on=None)) is None


# ---------------------------------------------------------------------------------------------
# Refusal to pay wages: 法释〔2013〕3号第三条、第四条.

@pytest.mark.parametrize(("workers", "single", "group", "large"), [
    ([{"amount": "20000", "months": 3}], None, None, True),  # at the top of the range: any province
    ([{"amount": "19999.99", "months": 3}], None, None, None),  # depends on the province
    ([{"amount": "19999.99", "months": 3}], "10000", None, True),
    ([{"amount": "4999.99", "months": 6}], None, None, False),  # below the bottom of the range
    ([{"amount": "30000", "months": 2}], None, None, False),  # under three months, one worker
    ([{"amount": "10000", "months": 1}] * 10, None, None, True),  # ten workers, 100,000 in all
    ([{"amount": "5000", "months": 1}] * 10, None, None, None),
    ([{"amount": "5000", "months": 1}] * 10, None, "50000", True),
    ([{"amount": "2900", "months": 1}] * 10, None, None, False),
    ([{"amount": "20000", "months": 1}] * 9, None, None, False),  # nine workers: the group limb does not apply
])
def test_the_amount_limbs_of_the_interpretation(workers, single, group, large):
    result = ins.assess_refusal_to_pay(workers, ordered_unpaid=True, single_threshold=single, group_threshold=group)
    assert result.amount_large is large and result.suspected is (large is True)


def test_no_suspicion_without_an_ignored_order():
    result = ins.assess_refusal_to_pay([{"amount": "50000", "months": 5}], ordered_unpaid=False)
    assert result.amount_large is True and not result.suspected and "第四条" in result.missing[0]


# ---------------------------------------------------------------------------------------------
# The link to a dispute.

def test_filing_both_opens_both_and_says_what_goes_where():
    plan = ins.filing_plan("both", ["wage_arrears", "confirm_labor_relation"], relationship_confirmed=False)
    assert plan["opens_dispute"] and plan["opens_complaint"]
    assert plan["complaint_kinds"] == ["wage_arrears"]
    assert plan["dispute_kinds"] == ["wage_arrears", "confirm_labor_relation"]
    assert any("confirm_labor_relation" in n and "第二十一条第二款" in n for n in plan["notes"])
    assert any("第九条" in n for n in plan["notes"]) and any("劳动关系尚未确认" in n for n in plan["notes"])


def test_filing_a_dispute_only_or_a_complaint_only():
    assert ins.filing_plan("dispute", ["wage_arrears"]) == {
        "choice": "dispute", "opens_dispute": True, "opens_complaint": False, "complaint_kinds": [],
        "dispute_kinds": ["wage_arrears"], "notes": []}
    complaint = ins.filing_plan("complaint", ["discrimination"])
    assert not complaint["opens_dispute"] and "建议同时申请调解仲裁" in complaint["notes"][0]
    with pytest.raises(GuardRefused):
        ins.filing_plan("letter", ["wage_arrears"])


def test_the_link_row_reads_both_ways():
    row = ins.link_record(7, 3, choice="both", linked_on=D(2026, 3, 2))
    assert row == {"dispute_id": 7, "inspection_id": 3, "choice": "both", "origin": "filed_together",
                   "linked_on": "2026-03-02"}
    with pytest.raises(GuardRefused):
        ins.link_record(7, 3, choice="both", linked_on=D(2026, 3, 2), origin="guessed")
    with pytest.raises(GuardRefused):
        ins.link_record(0, 3, choice="both", linked_on=D(2026, 3, 2))


# ---------------------------------------------------------------------------------------------
# Wage-arrears clues.

CODE = "91110105MA01ABCD2X"


def sig(ref, **kw):
    base = {"source": "complaint", "reported_on": D(2026, 3, 2)}
    return ins.ArrearsSignal(ref=ref, **{**base, **kw})


def test_the_same_employer_by_code_or_by_normalised_name_is_one_clue():
    clues = ins.group_arrears_clues([
        sig("c1", employer_code=CODE, employer_name="北京某某配送有限责任公司", workers=("w1",), amount=Decimal("6000")),
        sig("d1", source="dispute", employer_name="北京 某某配送有限公司", workers=("w1",), amount=Decimal("5000")),
        sig("a1", source="alert", employer_code=CODE.lower(), worker_count=12, amount=Decimal("40000")),
        sig("x1", employer_name="别的公司", workers=("w9",), amount=Decimal("100")),
    ], today=D(2026, 3, 3))
    first, other = sorted(clues, key=lambda c: len(c.refs), reverse=True)
    assert first.refs == ("a1", "c1", "d1") and first.key == f"employer:{CODE}"
    assert first.workers == ("w1",) and first.unnamed_workers == 12 and first.worker_total == 13
    assert first.amount == Decimal("46000.00")  # w1 counted once at the larger sum, plus the alert
    assert dict(first.sources) == {"alert": 1, "complaint": 1, "dispute": 1}
    assert "many_workers" in first.flags and other.refs == ("x1",)


def test_one_name_under_two_credit_codes_is_two_employers_and_a_signal_without_a_code_joins_neither():
    other_code = "91110105MA01ABCD3X"
    clues = ins.group_arrears_clues([
        sig("c1", employer_code=CODE, employer_name="货运科技有限公司", workers=("w1",)),
        sig("c2", employer_code=other_code, employer_name="货运科技有限公司", workers=("w2",)),
        sig("d1", source="dispute", employer_name="货运科技有限公司", workers=("w3",)),
    ], today=D(2026, 3, 3))
    assert sorted(c.refs for c in clues) == [("c1",), ("c2",), ("d1",)]


def test_a_chain_of_two_links_joins_and_a_platform_alone_does_not():
    clues = ins.group_arrears_clues([
        sig("c1", employer_name="甲站点公司", chain=("某平台", "甲合作商")),
        sig("c2", employer_name="乙劳务公司", chain=("某平台", "甲合作商")),
        sig("c3", employer_name="丙公司", chain=("某平台",)),
    ], today=D(2026, 3, 3))
    assert sorted(c.refs for c in clues) == [("c1", "c2"), ("c3",)]


def test_a_site_joins_within_its_region_only_and_joining_is_transitive():
    clues = ins.group_arrears_clues([
        sig("c1", employer_name="甲公司", site="望京站", region="110105"),
        sig("c2", employer_name="乙公司", site="望 京 站", region="110105"),
        sig("c3", employer_name="乙公司", region="110108"),
        sig("c4", employer_name="丁公司", site="望京站", region="310101"),
    ], today=D(2026, 3, 3))
    big = max(clues, key=lambda c: len(c.refs))
    assert big.refs == ("c1", "c2", "c3") and len(clues) == 2
    assert big.route_to == "110105" and big.regions == ("110105", "110108") and "multiple_places" in big.flags


def test_a_malformed_credit_code_is_not_used_to_join():
    clues = ins.group_arrears_clues([sig("c1", employer_code="123"), sig("c2", employer_code="123")],
                                    today=D(2026, 3, 3))
    assert len(clues) == 2 and ins.normalise_credit_code("91110105ma01abcd2x") == CODE


ESCALATION_EXAMPLES = [
    # first reported, today, status, level, due of the reached level
    (D(2026, 2, 13), D(2026, 2, 27), "new", 0, D(2026, 2, 27)),  # 5th working day (make-up 14 Feb counts)
    (D(2026, 2, 13), D(2026, 2, 28), "escalated", 1, D(2026, 2, 27)),
    (D(2026, 2, 13), D(2026, 3, 5), "escalated", 1, D(2026, 2, 27)),  # 10th: 28 Feb (make-up), 2-5 Mar
    (D(2026, 2, 13), D(2026, 3, 6), "escalated", 2, D(2026, 3, 5)),
    (D(2026, 9, 30), D(2026, 10, 13), "new", 0, D(2026, 10, 13)),
    (D(2026, 9, 30), D(2026, 10, 14), "escalated", 1, D(2026, 10, 13)),
]


@pytest.mark.parametrize(("first", "today", "status", "level", "due"), ESCALATION_EXAMPLES)
def test_worked_examples_of_escalating_a_clue_nobody_acted_on(first, today, status, level, due):
    (clue,) = ins.group_arrears_clues([sig("c1", employer_name="甲公司", reported_on=first)], today=today)
    assert (clue.status, clue.escalation.level, clue.escalation.due) == (status, level, due)
    assert "非法定期限" in clue.escalation.basis


def test_a_clue_someone_acts_on_is_in_progress_and_one_all_done_is_resolved():
    late = D(2026, 6, 1)
    (acting,) = ins.group_arrears_clues([sig("c1", employer_name="甲公司"),
                                         sig("d1", employer_name="甲公司", status="in_progress")], today=late)
    assert acting.status == "in_progress" and acting.escalation is None
    (done,) = ins.group_arrears_clues([sig("c1", employer_name="甲公司", status="resolved"),
                                       sig("d1", employer_name="甲公司", status="dismissed")], today=late)
    assert done.status == "resolved"
    (noted,) = ins.group_arrears_clues([sig("c1", employer_name="甲公司", acted_on=D(2026, 3, 3))], today=late)
    assert noted.status == "in_progress"


def test_the_criminal_threshold_flag_needs_the_top_of_a_range():
    (one,) = ins.group_arrears_clues([sig("c1", employer_name="甲", workers=("w1",), amount=Decimal("20000"),
                                          months=3)], today=D(2026, 3, 3))
    (short,) = ins.group_arrears_clues([sig("c1", employer_name="甲", workers=("w1",), amount=Decimal("19999"),
                                            months=3)], today=D(2026, 3, 3))
    assert "criminal_threshold_reachable" in one.flags and "criminal_threshold_reachable" not in short.flags


def test_signals_from_plain_records_and_the_dashboard_counts():
    records = [
        {"source": "dispute", "ref": 11, "reported_on": "2026-01-05", "employer_name": "甲公司", "amount": "3000",
         "workers": ["w1"], "status": "in_progress"},
        {"source": "alert", "ref": "a2", "reported_on": "2026-02-13", "employer_name": "乙公司", "worker_count": 4},
        {"source": "complaint", "ref": "c3", "reported_on": "2026-03-02", "employer_name": "丙公司"},
    ]
    clues = ins.group_arrears_clues(records, today=D(2026, 3, 4))
    assert [c.status for c in clues] == ["in_progress", "escalated", "new"]
    assert clues[0].as_data()["amount"] == "3000.00" and clues[0].refs == ("11",)
    counts = ins.clue_counts(clues)
    assert counts["by_status"] == {"new": 1, "in_progress": 1, "escalated": 1, "resolved": 0}
    assert counts["by_age"] == {"0-5": 1, "6-20": 1, "21-60": 1, "60+": 0}
    with pytest.raises(ValueError):
        ins.ArrearsSignal(source="rumour", ref="x", reported_on=D(2026, 3, 2))


# ---------------------------------------------------------------------------------------------
# The sources.

def test_every_source_says_how_it_was_checked_and_the_provisions_are_flagged():
    sources = ins.sources()
    assert {s["status"] for s in sources.values()} <= {"primary_text", "quoted_by_government"}
    assert sources["lsi_provisions"]["status"] == "quoted_by_government"
    assert sources["lsi_regulation"]["number"] == "国务院令第423号"
    assert all(s["checked_in"] for s in sources.values())


def test_every_choice_of_article_text_has_its_english_beside_it():
    for chinese, english in ((ins.DECLINE_REASONS, ins.DECLINE_REASONS_EN), (ins.ORDER_KINDS, ins.ORDER_KINDS_EN),
                             (ins.PENALTY_BASES, ins.PENALTY_BASES_EN)):
        assert set(chinese) == set(english) and all(english.values())

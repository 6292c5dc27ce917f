"""Service (送达) and the procedure the audit found missing: periods from receipt, defence,
composition notice, partial award, interim execution, transfer, postponement, absence, simple
procedure, set-aside, the end of a suit, limitation suspension, legal aid, judicial confirmation."""

import datetime as dt

import pytest

from tests.workflows.fakes import Claim
from workflows import GuardRefused, allowed_events, deadlines
from workflows.clocks import legal_aid_urgency

D = dt.date


def _only(desk, kind):
    found = [d for d in deadlines(desk.case, today=desk.today) if d.kind == kind]
    assert len(found) == 1, deadlines(desk.case, today=desk.today)
    return found[0]


def _kinds(desk):
    return {d.kind for d in deadlines(desk.case, today=desk.today)}


def _refusal(desk, event, data):
    with pytest.raises(GuardRefused) as refused:
        desk.do(event, data=data)
    return refused.value


def _serve(desk, document, party="both", on=None, **extra):
    return desk.do("serve_document", data={"document": document, "party": party, **extra}, on=on)


# Service and the periods from receipt (Art. 48–50).

def test_lawsuit_runs_from_the_workers_receipt_of_the_award(case_in):
    desk = case_in("awarded")  # final award on 2026-03-02
    _serve(desk, "award", "worker", on=D(2026, 3, 9))
    lawsuit = _only(desk, "lawsuit")
    assert (lawsuit.starts, lawsuit.due) == (D(2026, 3, 9), D(2026, 3, 24))
    assert "2026-03-09" in lawsuit.note and "推算" not in lawsuit.note


def test_without_service_the_lawsuit_is_estimated_from_the_award(case_in):
    assert "尚未记录送达" in _only(case_in("awarded"), "lawsuit").note


def test_set_aside_runs_from_the_employers_receipt(case_in):
    desk = case_in("awarded")
    _serve(desk, "award", "worker", on=D(2026, 3, 3))
    _serve(desk, "award", "employer", on=D(2026, 3, 10))
    assert _only(desk, "set_aside").due == D(2026, 4, 9)
    assert _only(desk, "lawsuit").due == D(2026, 3, 18)


def test_public_notice_counts_as_received_thirty_days_later(case_in):
    desk = case_in("awarded")
    data = _serve(desk, "award", "employer", method="public_notice").data
    assert data["received_on"] == "2026-04-01" and "第八十七条" in data["basis"]
    assert _only(desk, "set_aside").starts == D(2026, 4, 1)


def test_a_document_left_or_posted_with_a_record_counts_as_served_three_working_days_later(case_in):
    """Rules Art. 20(2): a refusal to sign, or a stopped enterprise with ten or more workers: "经过3日"."""
    desk = case_in("awarded")
    data = _serve(desk, "award", "employer", method="left_or_posted_with_record", on=D(2026, 3, 6)).data
    assert data["received_on"] == "2026-03-11"  # Friday; then Mon 9, Tue 10, Wed 11
    assert _only(desk, "set_aside").starts == D(2026, 3, 11)


def test_service_date_cannot_be_in_the_future(case_in):
    assert _refusal(case_in("awarded"), "serve_document", {"document": "award", "served_on": "2026-03-03"}).field == "served_on"


def test_a_document_of_another_stage_cannot_be_served(case_in):
    assert _refusal(case_in("awarded"), "serve_document", {"document": "application_copy"}).field == "document"


def test_non_final_award_gives_each_party_fifteen_days_from_its_own_receipt(case_in):
    desk = case_in("in_arbitration")
    desk.do("render_award", data={"items": [{"kind": "tort_damages", "amount": "500"}], "monthly_minimum_wage": "2690"})
    _serve(desk, "award", "worker", on=D(2026, 3, 4))
    _serve(desk, "award", "employer", on=D(2026, 3, 6))
    assert (_only(desk, "lawsuit").due, _only(desk, "employer_lawsuit").due) == (D(2026, 3, 19), D(2026, 3, 23))


# Arbitration steps after acceptance (Art. 30, 32; Rules Art. 64, 80).

def test_application_served_within_five_working_days_and_defence_in_ten(case_in):
    desk = case_in("in_arbitration")  # accepted Monday 2026-03-02
    assert _only(desk, "serve_application").due == D(2026, 3, 9)
    _serve(desk, "application_copy", "employer", on=D(2026, 3, 5))
    assert "serve_application" not in _kinds(desk)
    defence = _only(desk, "defence")
    assert (defence.starts, defence.due, defence.unit) == (D(2026, 3, 5), D(2026, 3, 19), "working_days")
    assert "不影响仲裁程序的进行" in defence.note


def test_composition_notice_is_due_five_working_days_after_acceptance(case_in):
    desk = case_in("in_arbitration")
    assert _only(desk, "composition_notice").due == D(2026, 3, 9)
    _serve(desk, "composition_notice")
    assert "composition_notice" not in _kinds(desk)


def test_collective_case_gets_the_one_notice_and_three_arbitrators(case_in):
    desk = case_in("in_arbitration", worker_count=12, claims=[Claim("wage_arrears")], collective=True,
                   representative_count=3)
    assert desk.case.history[-1].data["tribunal_size"] == 3
    assert "第六十四条" in _only(desk, "collective_notice").basis
    _serve(desk, "collective_notice")
    assert not {"collective_notice", "composition_notice"} & _kinds(desk)


def test_collective_case_refuses_a_sole_arbitrator(case_in):
    desk = case_in("arbitration_applied", worker_count=12, claims=[Claim("wage_arrears")], collective=True)
    assert _refusal(desk, "accept_arbitration", {"tribunal_size": 1}).field == "tribunal_size"


def test_representatives_settle_only_with_the_represented_workers_consent(case_in):
    desk = case_in("in_arbitration", worker_count=12, claims=[Claim("wage_arrears")], collective=True,
                   representative_count=3)
    data = {"terms": "分期支付", "amount": "60000", "pay_by": "2026-04-01"}
    assert _refusal(desk, "arbitral_mediation", data).field == "represented_consent"
    assert desk.do("arbitral_mediation", data={**data, "represented_consent": True}).to_state == "arbitration_mediated"


# Partial award, interim execution (Art. 43(2), 44).

def test_partial_award_needs_facts_already_clear(case_in):
    desk = case_in("in_arbitration")
    assert _refusal(desk, "partial_award", {"matters": "支付工资"}).field == "facts_clear"
    assert desk.do("partial_award", data={"facts_clear": True, "matters": "支付工资"}).to_state == "in_arbitration"


@pytest.mark.parametrize(("kind", "ok"), [("wage_arrears", True), ("economic_compensation", True),
                                          ("medical_expenses", True), ("confirm_labor_relation", False),
                                          ("social_insurance", False)])
def test_interim_execution_only_for_pay_medical_costs_severance_or_damages(case_in, kind, ok):
    desk = case_in("in_arbitration")
    data = {"kind": kind, "rights_clear": True, "livelihood_at_risk": True}
    if ok:
        assert desk.do("interim_execution", data=data).data["security_required"] is False
    else:
        assert "第四十四条" in _refusal(desk, "interim_execution", data).message_zh


def test_interim_execution_needs_both_conditions(case_in):
    data = {"kind": "wage_arrears", "rights_clear": True}
    assert _refusal(case_in("in_arbitration"), "interim_execution", data).field == "livelihood_at_risk"


# Transfer (Rules Art. 9, 46) and refusal for want of jurisdiction (Rules Art. 30–31).

def test_transfer_restarts_the_award_period_from_receipt_by_the_other_commission(case_in):
    desk = case_in("in_arbitration")
    desk.do("transfer_case", data={"to_commission": "乙区仲裁委", "received_on": "2026-03-10"}, on=D(2026, 3, 10))
    assert (_only(desk, "award").starts, _only(desk, "award").due) == (D(2026, 3, 10), D(2026, 4, 24))


def test_refusal_for_want_of_jurisdiction_says_where_to_apply(case_in):
    data = case_in("arbitration_applied").do("reject_arbitration", data={"reason": "用人单位及履行地均在外省",
                                                                         "ground": "no_jurisdiction"}).data
    assert "第三十一条" in data["ground_zh"]


# Postponement and absence (Art. 35, 36).

def test_postponement_is_asked_three_working_days_before_the_hearing(case_in, people):
    desk = case_in("in_arbitration")
    desk.do("schedule_hearing", data={"at": "2026-03-16T09:30", "place": "庭"})
    assert desk.do("request_postponement", data={"reason": "住院"}, on=D(2026, 3, 11)).data["asked_by"] == "2026-03-11"
    desk.today = D(2026, 3, 12)
    assert "request_postponement" not in allowed_events(desk.case, people.worker, today=desk.today)


def test_absent_applicant_is_treated_as_withdrawn_after_the_hearing_day(case_in, people):
    desk = case_in("in_arbitration")
    desk.do("schedule_hearing", data={"at": "2026-03-16T09:30", "place": "庭"})
    assert "treat_as_withdrawn" not in allowed_events(desk.case, people.arbitrator, today=D(2026, 3, 13))
    flags = {"notice_received": True, "without_good_reason": True}
    assert desk.do("treat_as_withdrawn", data=flags, on=D(2026, 3, 16)).to_state == "withdrawn"


def test_absent_respondent_leads_to_an_award_by_default(case_in):
    desk = case_in("in_arbitration")
    desk.do("schedule_hearing", data={"at": "2026-03-16T09:30", "place": "庭"})
    assert _refusal(desk.advance(14), "respondent_absent", {"notice_received": True}).field == "without_good_reason"
    desk.do("respondent_absent", data={"notice_received": True, "without_good_reason": True})
    assert desk.do("render_award").data["by_default"] is True


# Simple procedure (Rules Art. 56–61).

def test_simple_procedure_needs_a_ground_and_converts_without_restarting(case_in, people):
    desk = case_in("in_arbitration")
    assert "第五十六条" in _refusal(desk, "use_simple_procedure", {}).message_zh
    assert desk.do("use_simple_procedure", data={"facts_clear": True}).data["arbitrators"] == 1
    desk.do("convert_to_ordinary", data={"reason": "需要鉴定"}, on=D(2026, 3, 20))
    award = _only(desk, "award")
    assert award.starts == D(2026, 3, 2) and "第六十一条" in award.note


def test_a_collective_case_on_a_ground_of_art_56_may_be_handled_simply_and_leaves_the_collective_section(case_in, people):
    """Rules Art. 62(2): simple procedure is open to a collective case; Arts. 63–65 then do not bind."""
    desk = case_in("in_arbitration", worker_count=12, claims=[Claim("wage_arrears")], collective=True)
    assert "collective_notice" in _kinds(desk)
    transition = desk.do("use_simple_procedure", data={"facts_clear": True})
    assert transition.data["arbitrators"] == 1 and "第六十二条第二款" in transition.data["basis"]
    assert "collective_notice" not in _kinds(desk)


# Set-aside (Art. 49) and the end of the worker's suit (Interp Art. 21).

def test_after_a_set_aside_either_party_may_sue_within_fifteen_days_of_the_ruling(case_in):
    desk = case_in("awarded")
    desk.do("apply_set_aside", data={"court": "某市中级人民法院"}, on=D(2026, 3, 20))
    assert "set_aside" not in _kinds(desk)
    desk.do("set_aside_ruled", data={"outcome": "set_aside"}, on=D(2026, 5, 6))
    _serve(desk, "set_aside_ruling", on=D(2026, 5, 8))
    lawsuit = _only(desk, "lawsuit")
    assert (lawsuit.due, lawsuit.basis) == (D(2026, 5, 25), "《劳动争议调解仲裁法》第四十九条第三款")
    assert _only(desk, "employer_lawsuit").due == D(2026, 5, 25)
    assert desk.do("file_lawsuit", data={"by": "employer"}).to_state == "in_litigation"


def test_a_rejected_set_aside_leaves_the_final_award_standing(case_in):
    desk = case_in("awarded")
    desk.do("apply_set_aside")
    desk.do("set_aside_ruled", data={"outcome": "rejected"})
    assert _refusal(desk, "file_lawsuit", {"by": "employer"}).field == "by"


def test_no_set_aside_of_a_non_final_award(case_in, people):
    desk = case_in("in_arbitration")
    desk.do("render_award", data={"items": [{"kind": "tort_damages", "amount": "500"}], "monthly_minimum_wage": "2690"})
    assert "apply_set_aside" not in allowed_events(desk.case, people.arbitrator, today=desk.today)


def test_after_the_workers_suit_is_withdrawn_the_employer_has_thirty_days_from_the_ruling(case_in):
    desk = case_in("in_litigation")
    desk.do("lawsuit_ended", data={"outcome": "withdrawn"}, on=D(2026, 4, 1))
    assert desk.case.state == "awarded"
    _serve(desk, "dismissal_ruling", "employer", on=D(2026, 4, 3))
    set_aside = _only(desk, "set_aside")
    assert (set_aside.due, "第二十一条" in set_aside.basis) == (D(2026, 5, 6), True)
    assert "lawsuit" not in _kinds(desk)


def test_a_suit_not_brought_against_an_award_does_not_return_to_one(case_in, people):
    desk = case_in("arbitration_rejected")
    desk.do("file_lawsuit")
    assert "lawsuit_ended" not in allowed_events(desk.case, people.arbitrator, today=desk.today)


# Limitation: suspension (Art. 27(3)) and the regional split on confirmation claims.

def test_suspension_pauses_the_limitation_and_it_runs_on(make_desk):
    desk = make_desk(submitted_on=D(2026, 3, 2), knew_of_violation_on=D(2026, 2, 1))
    desk.do("suspend_limitation", data={"reason": "地震"}, on=D(2026, 4, 1))
    assert "自 2026-04-01 起时效中止" in _only(desk.advance(10), "limitation").note
    desk.do("resume_limitation", on=D(2026, 5, 1))
    limitation = _only(desk, "limitation")
    assert limitation.due == D(2027, 4, 1) and "时效中止 30 日不计入" in limitation.note  # 2 March 2027 + 30 days


def test_confirmation_claims_state_the_regional_split_instead_of_expired(make_desk):
    desk = make_desk(submitted_on=D(2026, 3, 2), knew_of_violation_on=D(2024, 1, 1),
                     claims=[Claim("confirm_labor_relation")])
    note = _only(desk, "limitation").note
    assert "各地裁判口径不一" in note and "届满" not in note


# Legal aid (法律援助法 Art. 43, 44): from receipt, and urgency as one rule.

def test_legal_aid_decision_runs_from_the_agencys_receipt(case_in):
    desk = case_in("in_mediation")
    desk.do("refer_legal_aid", data={"received_on": "2026-02-27"})
    assert _only(desk, "legal_aid_decision").due == D(2026, 3, 6)


def test_legal_aid_is_urgent_when_preservation_is_needed(case_in):
    desk = case_in("in_arbitration")
    desk.do("refer_legal_aid", data={"needs_preservation": True})
    assert "第四十四条第二项" in legal_aid_urgency(desk.case, desk.today)[0]


def test_legal_aid_urgency_counts_the_set_aside_period_too(case_in):
    desk = case_in("awarded")  # set aside due 2026-04-01
    desk.do("refer_legal_aid", on=D(2026, 3, 27))
    assert any("申请撤销裁决" in reason for reason in legal_aid_urgency(desk.case, desk.today))


# Judicial confirmation (Interp Art. 52; Civil Procedure Law Art. 205).

def _peoples_mediation(case_in):
    desk = case_in("in_mediation")
    desk.do("mediation_succeeded", data={"terms": "支付工资", "amount": "5000", "pay_by": "2026-03-20",
                                         "mediation_body": "peoples_mediation", "payment_only": True})
    return desk


def test_judicial_confirmation_within_thirty_days_for_a_peoples_mediation_agreement(case_in):
    desk = _peoples_mediation(case_in)
    assert _only(desk, "judicial_confirmation").due == D(2026, 4, 1)
    assert desk.do("apply_judicial_confirmation", data={"payment_only": True, "joint": True}).data["apply_by"] == "2026-04-01"
    assert "judicial_confirmation" not in _kinds(desk)


def test_judicial_confirmation_refused_for_an_enterprise_committee(case_in):
    desk = case_in("mediated")
    refusal = _refusal(desk, "apply_judicial_confirmation",
                       {"mediation_body": "enterprise_committee", "payment_only": True, "joint": True})
    assert refusal.field == "mediation_body" and "第五十二条" in refusal.message_zh


def test_judicial_confirmation_closes_after_thirty_days(case_in, people):
    desk = _peoples_mediation(case_in)
    assert "apply_judicial_confirmation" not in allowed_events(desk.case, people.worker, today=D(2026, 4, 2))

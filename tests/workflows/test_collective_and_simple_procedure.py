"""Collective disputes (Art. 7; Rules Art. 63) and simple procedure (Rules Art. 56, 57)."""

from decimal import Decimal

import pytest

from tests.workflows.fakes import Claim
from workflows import allowed_events, is_collective, representative_warnings, simple_procedure_eligible


def test_ten_workers_with_a_common_claim_are_a_collective_dispute():
    assert is_collective(10, [Claim("wage_arrears")])
    assert is_collective(10, ["wage_arrears"])
    assert is_collective(12, [{"kind": "overtime"}])


def test_nine_workers_are_not_a_collective_dispute():
    assert not is_collective(9, [Claim("wage_arrears")])


def test_workers_without_a_claim_are_not_a_collective_dispute():
    assert not is_collective(30, [])


@pytest.mark.parametrize("representatives, warned", [(0, "尚未推举"), (1, "已推举 1 名"), (2, "已推举 2 名"),
                                                     (3, None), (5, None), (6, "已推举 6 名")])
def test_representatives_are_a_may_so_other_numbers_warn_and_never_refuse(representatives, warned):
    # Rules Art. 63: ten or more workers with a common claim *may* elect three to five representatives.
    warnings = representative_warnings(10, [Claim("wage_arrears")], representatives)
    assert (warnings == []) if warned is None else (len(warnings) == 1 and warned in warnings[0] and "第六十三条" in warnings[0])


def test_representatives_are_not_checked_for_small_cases():
    assert representative_warnings(4, [Claim("wage_arrears")], 2) == []


def test_collective_arbitration_with_two_representatives_is_accepted_with_a_warning(case_in, people):
    # Rules Art. 63: the workers *may* elect three to five representatives; acceptance is Rules Art. 30.
    desk = case_in("arbitration_applied", worker_count=12, claims=[Claim("wage_arrears")], collective=True,
                   representative_count=2)
    assert "accept_arbitration" in allowed_events(desk.case, people.arbitrator, today=desk.today)
    transition = desk.do("accept_arbitration")
    assert desk.case.state == "in_arbitration"
    assert "第六十三条" in transition.data["warnings"][0] and "2 名" in transition.data["warnings"][0]


def test_collective_case_without_representatives_is_accepted_with_a_reminder(case_in):
    desk = case_in("arbitration_applied", worker_count=12, claims=[Claim("wage_arrears")], collective=True)
    assert "可以推举三至五名代表人" in desk.do("accept_arbitration").data["warnings"][0]


@pytest.mark.parametrize("representatives", [3, 5])
def test_three_to_five_representatives_need_no_warning(case_in, representatives):
    desk = case_in("arbitration_applied", worker_count=12, claims=[Claim("wage_arrears")], collective=True,
                   representative_count=representatives)
    assert "warnings" not in desk.do("accept_arbitration").data


def test_simple_procedure_on_clear_facts():
    result = simple_procedure_eligible(facts_clear=True)
    assert result and result.grounds == ("事实清楚、权利义务关系明确、争议不大",)


def test_simple_procedure_for_an_amount_up_to_the_average_annual_wage():
    assert simple_procedure_eligible(amount_claimed=Decimal("120000"), average_annual_wage=Decimal("120000"))
    assert not simple_procedure_eligible(amount_claimed=Decimal("120000.01"), average_annual_wage=Decimal("120000"))


def test_simple_procedure_when_both_parties_agree():
    assert simple_procedure_eligible(parties_agree=True)


def test_no_ground_no_simple_procedure():
    assert not simple_procedure_eligible()


@pytest.mark.parametrize("bar", ["public_interest", "major_social_impact", "respondent_missing", "commission_finds_unfit"])
def test_article_57_bars_simple_procedure(bar):
    result = simple_procedure_eligible(parties_agree=True, **{bar: True})
    assert not result and len(result.bars) == 1

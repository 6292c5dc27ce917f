"""The final-award rule (一裁终局): item by item against 12 × the monthly minimum wage."""

import json
from decimal import Decimal

import pytest

from workflows import final_award_assessment

WAGE = Decimal("2690.00")  # 12 × = 32280.00


def _judge(*items):
    return final_award_assessment([{"kind": kind, "amount": amount} for kind, amount in items], WAGE)


def test_threshold_is_twelve_months_of_minimum_wage():
    assert _judge().threshold == Decimal("32280.00")


def test_amount_of_exactly_twelve_times_is_final():
    result = _judge(("wage_arrears", Decimal("32280.00")))
    assert (result.final, result.mixed) == (True, False)


def test_one_cent_above_twelve_times_is_not_final():
    result = _judge(("wage_arrears", Decimal("32280.01")))
    assert (result.final, result.mixed) == (False, False)
    assert "超过" in result.items[0].reason_zh


def test_items_are_judged_one_by_one_not_summed():
    result = _judge(("wage_arrears", Decimal("30000")), ("economic_compensation", Decimal("30000")))
    assert result.final is True


def test_final_and_non_final_items_make_a_mixed_non_final_award():
    result = _judge(("wage_arrears", Decimal("3000")), ("unlawful_termination_compensation", Decimal("50000")))
    assert (result.final, result.mixed) == (False, True)
    assert [v.final for v in result.items] == [True, False]


@pytest.mark.parametrize("kind", ["social_insurance", "working_time"])
def test_national_standard_disputes_are_final_whatever_the_amount(kind):
    assert _judge((kind, Decimal("900000"))).final is True
    assert _judge((kind, None)).final is True


@pytest.mark.parametrize("kind", ["confirm_labor_relation", "tort_damages", "discrimination", "deposit_refund",
                                  "other"])
def test_claims_outside_article_47_are_never_final(kind):
    verdict = _judge((kind, Decimal("100"))).items[0]
    assert verdict.final is False and "第四十七条" in verdict.reason_zh


@pytest.mark.parametrize("kind", ["work_injury", "medical_expenses"])
def test_injury_items_are_final_only_as_work_injury_medical_costs(kind):
    assert _judge((kind, Decimal("100"))).final is False
    medical = final_award_assessment([{"kind": kind, "amount": Decimal("100"), "work_injury_medical": True}], WAGE)
    assert medical.final is True


def test_money_item_without_an_amount_is_not_final():
    assert _judge(("overtime", None)).final is False


def test_award_without_items_is_not_final():
    assert (_judge().final, _judge().mixed) == (False, False)


def test_items_may_be_objects_with_kind_and_amount():
    class Item:
        kind, amount = "holiday_pay", Decimal("100")
    assert final_award_assessment([Item()], WAGE).final is True


def test_result_as_data_is_json_serialisable():
    data = _judge(("wage_arrears", Decimal("1.50"))).as_data()
    assert json.loads(json.dumps(data))["items"][0]["amount"] == "1.50"
    assert data["threshold"] == "32280.00"

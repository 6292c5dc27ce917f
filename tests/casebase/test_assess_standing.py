"""Issue 21: facts that decide by law (a pension, a signed labour contract, a driver hired by a vehicle's
owner under 挂靠), evidence that proves the relationship (social insurance), a factor shown only in part,
and how confident a decided answer may say it is. Accounts are written as a worker would say them."""
from __future__ import annotations

from casebase.assess import CANNOT_TELL, STANDING_CONFIDENCE, assess
from casebase.factors import STANDING_WEIGHT


def line_of(result, kind):
    return [line for line in result.lines if line.kind == kind]


def test_a_worker_drawing_a_pension_is_in_a_labour_service_relationship_whatever_the_management():
    facts = "我退休后领着退休金，到配送站送外卖，站长每天排班，迟到扣钱，按月发工资。"
    result = assess(facts, library=[])
    assert (result.status, result.result) == ("decided", "civil_relation")
    assert "第三十二条" in result.status_reason_zh
    assert "依法" in result.explanation_zh
    assert result.confidence >= STANDING_CONFIDENCE


CONTRACT_ELSEWHERE = "我和北京某某人力资源有限公司签了劳动合同，被派到站点送外卖，时间自己定，想跑就跑，可以拒单。"


def test_a_labour_contract_with_a_company_not_among_the_respondents_does_not_decide_the_relationship_with_them():
    result = assess(CONTRACT_ELSEWHERE, respondents=[{"name": "某某配送有限公司", "kind": "cooperating_company"}],
                    library=[])
    assert result.result == "civil_relation"  # free hours and free orders decide, not the other company's contract
    contract = line_of(result, "standing")[0]
    assert "“北京某某人力资源有限公司”" in contract.text and "不在所列被申请人中" in contract.text
    assert "not among the listed respondents" in contract.in_language("en")
    assert result.standing[0]["effect"] == "other_party" and result.standing[0]["party"] == "北京某某人力资源有限公司"


def test_a_labour_contract_with_a_listed_respondent_still_decides_under_a_shorter_name():
    facts = "我和某某配送公司签了劳动合同，站长每天排班，按月发工资。"
    result = assess(facts, respondents=[{"name": "北京某某配送有限公司", "kind": "cooperating_company"}], library=[])
    assert (result.status, result.result) == ("decided", "labor_relation")
    assert "劳动合同法第十条" in result.status_reason_zh
    assert result.managing_party.name == "北京某某配送有限公司"  # the employer is the party that signed
    assert "订立合同的一方是用人单位" in result.managing_party.reason_zh


def test_a_signed_labour_contract_decides_a_labour_relationship():
    result = assess("2020年我进了这家物流公司，双方签了三年的书面劳动合同，工资按单量按月发。", library=[])
    assert (result.status, result.result) == ("decided", "labor_relation")
    assert "劳动合同法第十条" in result.status_reason_zh
    verdict = next(item for item in result.categories if item["key"] == "labor_relation")
    assert verdict["met"] and "订立了书面劳动合同" in verdict["why"]


def test_a_labour_contract_against_stated_freedom_of_time_and_orders_cannot_tell():
    facts = "双方签订了劳动合同。但什么时候上线我自己决定，单子自己抢，想接就接。"
    result = assess(facts, library=[])
    assert result.status == CANNOT_TELL
    assert "相互矛盾" in result.status_reason_zh


def test_a_driver_hired_by_the_owner_of_a_vehicle_run_under_the_company_is_not_its_employee():
    facts = "这辆货车挂靠在运输公司名下，实际车主老王雇我开车，工资每月由老王发。"
    result = assess(facts, library=[])
    assert (result.status, result.result) == ("decided", "civil_relation")
    assert "工伤保险行政案件" in result.status_reason_zh
    standing = line_of(result, "standing")[0]
    assert standing.quotes and facts[standing.quotes[0]["start"]:standing.quotes[0]["end"]] == standing.quotes[0]["text"]


def test_social_insurance_the_company_pays_is_evidence_toward_a_labour_relationship():
    without = assess("站长每天排班，配送费是公司定的。", library=[])
    with_insurance = assess("站长每天排班，配送费是公司定的。公司还给我交了社保。", library=[])
    assert with_insurance.score == without.score + STANDING_WEIGHT
    assert "用工凭证+1.5分" in with_insurance.explanation_zh
    assert [fact["key"] for fact in with_insurance.to_dict()["standing"]] == ["social_insurance_paid"]


def test_a_bare_dispatch_counts_half_and_says_so():
    result = assess("订单都是系统派的，配送费平台定，超时扣钱。", library=[])
    dispatch = next(factor for factor in result.factors if factor.key == "platform_assigns_orders_no_refusal")
    assert dispatch.partial and dispatch.weight == 1.5
    line = next(line for line in result.lines if line.factor == dispatch.key)
    assert "按一半计分" in line.text and "+1.5分" in line.text


def test_the_score_line_adds_up_to_the_score():
    result = assess("订单都是系统派的，配送费平台定，超时扣钱。公司给我买了雇主责任险。", library=[])
    toward = sum(factor.weight for factor in result.factors if factor.direction == "toward_labor")
    away = sum(factor.weight for factor in result.factors if factor.direction == "away")
    assert result.score == round(toward - away + STANDING_WEIGHT, 2)
    assert f"合计{result.score:g}分" in result.explanation_zh


def test_a_decided_answer_is_never_stated_below_even_odds():
    for facts in ("什么时候上线我自己决定，报价是我自己定的，想接就接",
                  "站长每天排班，早上九点必须到站打卡，按单计酬，差评扣钱"):
        result = assess(facts, library=[])
        assert result.status == "decided" and 0.5 <= result.confidence <= 0.95


def test_cannot_tell_stays_at_most_0_55():
    assert assess("配送费是公司定的，差评扣钱", library=[]).confidence <= 0.55


def test_a_signed_labour_contract_asks_nothing_more_about_hours_or_orders():
    result = assess("我和公司签了劳动合同，工资每月由公司发放，违反规章要罚款，送外卖就是这家公司的主要业务。", library=[])
    assert (result.status, result.result) == ("decided", "labor_relation")
    assert result.questions == []

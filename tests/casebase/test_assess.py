"""The labour-relationship assessment (casebase.assess): categories, factors, similar cases, wording."""
from __future__ import annotations

import json

import pytest

from casebase.assess import WEIGHTS, AssessmentInputInvalid, assess, categorise
from casebase.records import FACTOR_KEYS, load_library
from casebase.tokenize import words
from tests.casebase.factories import make_record

LIBRARY = load_library()
# The ten national cases (MOHRSS-SPC 2023 batch, SPC guiding cases 237-240).
NATIONAL_IDS = [f"hrss2023-c{n}" for n in range(1, 7)] + [f"gc{n}" for n in range(237, 241)]

DOMINATED = {
    "platform_controls_hours": True,
    "platform_assigns_orders_no_refusal": True,
    "attendance_or_online_time_required": True,
    "platform_sets_pay": True,
}
MANAGED_NOT_DOMINATED = {
    "platform_controls_hours": False,
    "platform_assigns_orders_no_refusal": False,
    "attendance_or_online_time_required": False,
    "platform_sets_pay": True,
    "penalties_or_rules_enforced": True,
}
SELF_EMPLOYED = {"platform_controls_hours": False, "platform_sets_pay": False, "can_work_multi_platform": True}


def factor(assessment, key):
    return next(item for item in assessment.factors if item.key == key)


def is_labor(category: str) -> bool:
    return category == "labor_relation"


# --- categories ----------------------------------------------------------------------------------

def test_dominating_management_is_a_labour_relationship():
    result = assess(factors=DOMINATED, library=[])
    assert result.category == "labor_relation"
    assert factor(result, "platform_controls_hours").direction == "toward_labor"


def test_platform_pay_and_penalties_without_control_of_time_is_the_middle_category():
    # 人社部发〔2021〕56号: managed labour short of a labour relationship (人社部函〔2023〕36号案例2).
    assert assess(factors=MANAGED_NOT_DOMINATED, library=[]).category == "incomplete_labor_relation"


def test_setting_ones_own_price_and_multi_homing_is_civil():
    assert assess(factors=SELF_EMPLOYED, library=[]).category == "civil_relation"


def test_one_controlled_factor_is_not_domination_when_hours_are_free():
    values = {"platform_controls_hours": False, "platform_assigns_orders_no_refusal": True,
              "platform_sets_pay": True, "penalties_or_rules_enforced": True, "worker_owns_main_tools": True}
    assert assess(factors=values, library=[]).category == "incomplete_labor_relation"


MANAGED_CORE_WORK = {key: True for key in ("platform_sets_pay", "penalties_or_rules_enforced", "work_is_core_business",
                                             "long_term_stable_work", "pay_main_income")}


def test_a_high_score_with_free_hours_and_no_dominating_factor_is_not_a_labour_relationship():
    values = {**MANAGED_CORE_WORK, "platform_controls_hours": False}
    assert categorise(values, score=4.5) == "incomplete_labor_relation"


def test_rules_pay_and_core_business_with_nothing_said_of_freedom_meet_the_2005_elements():
    # 劳社部发〔2005〕12号第一条: rules apply, paid work the enterprise arranges, part of its business
    assert categorise(MANAGED_CORE_WORK, score=7.5) == "labor_relation"
    assert categorise({**MANAGED_CORE_WORK, "work_is_core_business": None}, score=6.5) == "incomplete_labor_relation"


def test_a_labour_relationship_on_the_2005_elements_says_so_and_asks_about_hours_and_orders():
    result = assess(factors=MANAGED_CORE_WORK, library=[])
    assert (result.status, result.result) == ("decided", "labor_relation")
    assert "劳社部发〔2005〕12号第一条所列情形均已具备" in result.explanation_zh
    assert {question.factor for question in result.questions} & {
        "platform_controls_hours", "platform_assigns_orders_no_refusal", "attendance_or_online_time_required"}


def test_the_weight_table_ranks_strong_factors_above_medium_above_weak():
    size = {weight.key: max(abs(weight.if_true), abs(weight.if_false)) for weight in WEIGHTS}
    strong = [size[w.key] for w in WEIGHTS if w.strength == "强"]
    medium = [size[w.key] for w in WEIGHTS if w.strength == "中"]
    weak = [size[w.key] for w in WEIGHTS if w.strength == "弱"]
    assert min(strong) > max(medium) > max(weak)
    assert [w.key for w in WEIGHTS] == list(FACTOR_KEYS)


def test_registration_as_an_individual_business_carries_no_weight():
    result = assess(factors={**DOMINATED, "registered_as_individual_business": True}, library=[])
    item = factor(result, "registered_as_individual_business")
    assert (item.weight, item.direction) == (0.0, "neutral")
    assert result.category == "labor_relation"
    assert "指导性案例238号" in result.explanation_zh


def test_a_cooperation_label_does_not_change_the_category():
    facts = "站长排班，每天早上要打卡，系统派单不能拒，底薪加提成按月发。"
    labelled = "双方签了《合作协议》，协议写明是合作关系、不存在劳动关系。" + facts
    plain, with_label = assess(facts, library=[]), assess(labelled, library=[])
    assert plain.category == with_label.category == "labor_relation"
    assert "《合作协议》" in with_label.contract_labels
    assert "不决定法律关系" in with_label.explanation_zh


# --- where factors come from ---------------------------------------------------------------------

def test_a_given_factor_overrides_what_the_text_shows():
    result = assess("不需要打卡，系统派单。", factors={"attendance_or_online_time_required": True}, library=[])
    given = factor(result, "attendance_or_online_time_required")
    assert (given.value, given.source) == (True, "given")
    text = factor(result, "platform_assigns_orders_no_refusal")
    assert (text.value, text.source) == (True, "text")
    assert text.evidence == ["系统派单"]


def test_a_given_none_leaves_the_texts_finding_in_place():
    result = assess("不需要打卡。", factors={"attendance_or_online_time_required": None}, library=[])
    assert factor(result, "attendance_or_online_time_required").source == "text"


def test_a_factor_nobody_knows_is_neutral_and_weightless():
    item = factor(assess("不需要打卡。", library=[]), "pay_main_income")
    assert (item.value, item.source, item.direction, item.weight) == (None, "unknown", "neutral", 0.0)


@pytest.mark.parametrize(("factors", "occupation", "field"), [
    ({"platform_controls_hour": True}, None, "factors.platform_controls_hour"),
    ({"platform_controls_hours": "yes"}, None, "factors.platform_controls_hours"),
    ({}, "astronaut", "occupation"),
])
def test_input_it_cannot_use_is_refused_with_the_field_named(factors, occupation, field):
    with pytest.raises(AssessmentInputInvalid) as refused:
        assess(factors=factors, occupation=occupation, library=[])
    assert field in refused.value.errors


# --- confidence, explanation, JSON ---------------------------------------------------------------

def test_confidence_is_low_with_nothing_known_and_higher_with_clear_facts():
    unknown = assess(library=[]).confidence
    clear = assess(factors={**DOMINATED, "penalties_or_rules_enforced": True}, library=[]).confidence
    assert 0 <= unknown < 0.4 < clear <= 1


def test_the_explanation_cites_the_tests_and_says_it_is_not_a_ruling():
    explanation = assess(factors=MANAGED_NOT_DOMINATED, library=[]).explanation_zh
    for citation in ("劳社部发〔2005〕12号", "指导性案例237号", "支配性劳动管理", "人社部发〔2021〕56号"):
        assert citation in explanation
    assert "不是裁决" in explanation
    assert "小时最低工资" in explanation


def test_the_explanation_names_the_factors_each_way():
    explanation = assess(factors={"platform_controls_hours": True, "can_work_multi_platform": True},
                         library=[]).explanation_zh
    assert "指向劳动关系：企业控制工作时间" in explanation
    assert "指向相反：可在多个平台工作" in explanation


def test_a_factor_that_is_false_is_named_by_what_it_shows():
    explanation = assess(factors={"platform_controls_hours": False}, library=[]).explanation_zh
    assert "指向相反：自主决定工作时间" in explanation


def test_the_result_is_json_for_the_api():
    body = assess("站长排班，系统派单。", library=LIBRARY).to_dict()
    assert json.loads(json.dumps(body, ensure_ascii=False)) == body
    assert {"category", "confidence", "factors", "similar_cases", "explanation", "managing_party"} <= set(body)
    assert len(body["factors"]) == len(FACTOR_KEYS)


def test_the_assessment_names_the_respondent_that_manages():
    facts = ("站点由一家货运代理公司承包。站长排班，请假要经站长报货代公司批准，工资由货代公司每月发放，"
             "系统派单不能拒。劳务公司从未管理过骑手。")
    respondents = [{"name": "某外卖平台公司", "kind": "platform"},
                   {"name": "某货运代理有限公司", "kind": "cooperating_company"}]
    result = assess(facts, respondents=respondents, library=[])
    assert result.managing_party.name == "某货运代理有限公司"
    assert "某货运代理有限公司" in result.explanation_zh


# --- similar cases -------------------------------------------------------------------------------

def test_similar_cases_rank_by_shared_factors_and_say_which():
    close = make_record(id="close", factors={**dict.fromkeys(FACTOR_KEYS), **DOMINATED})
    far = make_record(id="far", outcome="civil_relation",
                      factors={**dict.fromkeys(FACTOR_KEYS), **SELF_EMPLOYED})
    cases = assess(factors=DOMINATED, library=[far, close]).similar_cases
    assert [case.id for case in cases] == ["close"]
    assert "platform_controls_hours" in cases[0].matching_factors
    assert cases[0].why_zh.startswith("要素一致：企业控制工作时间")


def test_similar_cases_leave_out_excluded_and_unpublished_cases():
    draft = make_record(id="draft", status="draft", factors={**dict.fromkeys(FACTOR_KEYS), **DOMINATED})
    kept = make_record(id="kept", factors={**dict.fromkeys(FACTOR_KEYS), **DOMINATED})
    left_out = make_record(id="left-out", factors={**dict.fromkeys(FACTOR_KEYS), **DOMINATED})
    cases = assess(factors=DOMINATED, library=[draft, kept, left_out], exclude_ids=["left-out"]).similar_cases
    assert [case.id for case in cases] == ["kept"]


def test_similar_cases_from_text_share_words_with_the_facts():
    result = assess("我是专送骑手，站长排班，每天早会打卡，系统派单不能拒，拒单扣钱，底薪加提成。", library=LIBRARY)
    top = result.similar_cases[0]
    assert top.outcome == "labor_relation"
    assert "案情用语相近" in top.why_zh


def test_the_words_given_as_shared_are_whole_telling_words_of_both_texts():
    # 电动车 is shared, not 动车 or 电动 inside it; 每天, 自己, 不能 and 公司 say nothing of the case.
    facts = "我骑自己的电动车在美团送外卖，站长每天早会点名，不能拒单，超时要罚款，送餐途中摔伤了，公司说我是个体户。"
    result = assess(facts, library=LIBRARY)
    named = [word for case in result.similar_cases for reason in case.why_zh.split("；")
             if reason.startswith("案情用语相近：") for word in reason.split("：", 1)[1].split("、")]
    assert named and {"电动车", "站长", "早会"} & set(named)
    assert not set(named) & {"动车", "电动", "个体", "每天", "自己", "不能", "公司", "才能"}
    by_id = {record.id: record for record in LIBRARY}
    for case in result.similar_cases:
        for reason in case.why_zh.split("；"):
            if reason.startswith("案情用语相近："):
                for word in reason.split("：", 1)[1].split("、"):
                    assert word in words(facts) and word in words(by_id[case.id].facts)


# --- accuracy on the library and on accounts worded differently -----------------------------------

@pytest.mark.parametrize("case_id", NATIONAL_IDS)
def test_each_national_case_is_right_from_its_text_with_itself_left_out(case_id):
    case = next(case for case in LIBRARY if case.id == case_id)
    result = assess(case.facts, library=LIBRARY, exclude_ids=[case.id])
    assert is_labor(result.category) == is_labor(case.outcome)
    assert case.id not in [similar.id for similar in result.similar_cases]


def test_leave_one_out_accuracy_from_text_alone_on_the_real_collection():
    # 85% held on the old library, 35 of whose 45 cases were written for it. On the 105 real
    # published cases (issue 20) the extractor gets 77 right (73%): 34/39 civil, 21/24 other, but
    # only 22/42 labour relationships, whose accounts name control in words it does not know yet.
    # This floor guards against falling further; raising it is casebase/factors.py's work.
    right = sum(is_labor(assess(case.facts, library=LIBRARY, exclude_ids=[case.id]).category) == is_labor(case.outcome)
                for case in LIBRARY)
    assert right / len(LIBRARY) >= 0.70


@pytest.mark.parametrize(("account", "expected"), [
    ("我在县城的快递驿站干了一年半，老板每天早上七点半要我们到驿站把件分好，九点前必须出去送，下午四点回来揽件。"
     "派件路线都是老板划的，一个月按件结一次工资，投诉一次从工资里扣二十。车是驿站的，我只管骑。", "labor_relation"),
    ("我给一家冷链物流公司开车，车是公司的，每天凌晨四点到冷库装货，跑完固定的线路才能下班，每月工资六千五，"
     "迟到或者货损都要扣钱，跟了公司三年，一直没签合同。", "labor_relation"),
    ("站点让我们每个人都去注册了个体户，说是为了方便结算，但平时还是站长排班，每天必须跑满十个小时，不许拒单，"
     "拒一单扣五块。", "labor_relation"),
    ("我是众包骑手，不用打卡，也没人给我排班，想上线就上线。不过配送费都是平台定死的，超时了系统自动扣钱，"
     "差评还要罚款。", "incomplete_labor_relation"),
    ("闪送这种活儿是我自己想接就接的，平台也不管我几点上线，但是价格平台说了算，被投诉一次扣三十，还会降我的等级。",
     "incomplete_labor_relation"),
    ("我是自由摄影师，在几个约拍平台上都挂了作品，报价是我自己定的，设备都是我自己的，接不接单我说了算。",
     "civil_relation"),
    ("我在抖音上自己做账号卖家乡的土特产，和一家MCN签了合作，他们帮我投流，收益按我们商量的比例分，"
     "直不直播、什么时候播我自己决定。", "civil_relation"),
])
def test_accounts_worded_unlike_the_library_are_placed_as_a_mediator_would(account, expected):
    assert assess(account, library=LIBRARY).category == expected

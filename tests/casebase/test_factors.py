"""Reading the labour-relationship factors (casebase.factors) and the managing party
(casebase.managing_party) from a worker's own account."""
from __future__ import annotations

import pytest

from casebase.factors import CUES, extract_factors, find_contract_labels
from casebase.managing_party import find_managing_party
from casebase.records import FACTOR_KEYS


def value_of(text: str, key: str) -> bool | None:
    return extract_factors(text)[key].value


def test_every_factor_is_reported_even_for_empty_text():
    findings = extract_factors("")
    assert list(findings) == list(FACTOR_KEYS)
    assert all(finding.value is None and finding.evidence == [] for finding in findings.values())


def test_every_cue_names_a_known_factor_and_gives_a_reason():
    assert {cue.factor for cue in CUES} <= set(FACTOR_KEYS)
    assert all(cue.why for cue in CUES)


@pytest.mark.parametrize(("text", "key", "expected"), [
    ("站长每周排班，早上九点必须到站", "platform_controls_hours", True),
    ("请假要站长批准", "platform_controls_hours", True),
    ("系统派单，不能拒单，拒单扣五十", "platform_assigns_orders_no_refusal", True),
    ("每天早上开早会，上下班要打卡", "attendance_or_online_time_required", True),
    ("底薪两千加每单提成，按月发工资", "platform_sets_pay", True),
    ("超时一单罚二十元，差评扣钱", "penalties_or_rules_enforced", True),
    ("合作期间不得在其他平台接单", "can_work_multi_platform", False),
    ("工服、工牌都是公司发的", "uniform_or_brand_required", True),
    ("一周干六七天，每天在线十个小时", "long_term_stable_work", True),
    ("这份收入是家里的主要来源", "pay_main_income", True),
    ("合同里写着要服从站长的安排和指挥", "platform_controls_hours", True),
    ("我接受公司指派的任务，必须去指定地点服务", "platform_assigns_orders_no_refusal", True),
    ("每月须完成50小时直播和22个有效天", "attendance_or_online_time_required", True),
    ("工资由站点负责发放", "platform_sets_pay", True),
    ("不去就要受罚", "penalties_or_rules_enforced", True),
    ("上门用的工具和用品均自备，油费也是我自己承担", "worker_owns_main_tools", True),
    ("公司除每单五毛钱外不负担他的交通、车辆费用", "worker_owns_main_tools", True),
])
def test_words_of_management_point_toward_labour(text, key, expected):
    assert value_of(text, key) is expected


@pytest.mark.parametrize(("text", "key"), [
    ("订单靠抢单，想接就接", "platform_assigns_orders_no_refusal"),
    ("想什么时候上线就什么时候上线，随时下线", "platform_controls_hours"),
    ("价格是我自己定的，跟客户当场商量", "platform_sets_pay"),
    ("分成比例是我跟公司谈了两轮才定的", "platform_sets_pay"),
    ("客户付的钱直接进他自己的账户", "platform_sets_pay"),
    ("每周上线三到六天，每天两到五个小时不等", "long_term_stable_work"),
    ("白天在厂里上班，厂里给他交着社保", "pay_main_income"),
    ("平台只提供信息服务，收取信息服务费", "work_is_core_business"),
    ("做完手头的单子就可以走，不用坐班", "platform_controls_hours"),
    ("公司派的单，我可以接也可以拒", "platform_assigns_orders_no_refusal"),
    ("看中哪单就接哪单，接一单挣一单的钱", "platform_assigns_orders_no_refusal"),
    ("没有单子的日子也不用去公司", "attendance_or_online_time_required"),
    ("片区包给我经营，自负盈亏，剩余利润归我自己", "platform_sets_pay"),
    ("我和公司彼此没有约束和管理", "penalties_or_rules_enforced"),
    ("我的主要收入来自自己向寄件人收取的快递费", "pay_main_income"),
])
def test_words_of_autonomy_point_away(text, key):
    assert value_of(text, key) is False


def test_working_on_several_platforms_at_once_is_recorded():
    # For this factor "true" is the value that points away from a labour relationship.
    assert value_of("我同时在三个平台上接单", "can_work_multi_platform") is True


@pytest.mark.parametrize(("text", "key"), [
    ("不需要打卡", "attendance_or_online_time_required"),
    ("无需签到", "attendance_or_online_time_required"),
    ("不用参加早会", "attendance_or_online_time_required"),
    ("平台不强制考勤", "attendance_or_online_time_required"),
    ("也没人给我排班", "platform_controls_hours"),
    ("平台既不规定上下班时间", "platform_controls_hours"),
    ("可以自由拒单", "platform_assigns_orders_no_refusal"),
    ("完不成也不罚", "penalties_or_rules_enforced"),
])
def test_a_negation_turns_a_sign_of_management_around(text, key):
    finding = extract_factors(text)[key]
    assert finding.value is False
    assert finding.evidence == [text]


def test_no_base_pay_does_not_mean_the_worker_sets_the_price():
    # factors.md: pay points away only when the worker sets or bargains the price or the customer pays;
    # "没有底薪" says only that the pay has no fixed part.
    assert value_of("没有底薪", "platform_sets_pay") is None
    assert value_of("没有底薪，全靠公司按单给的提成", "platform_sets_pay") is True


def test_a_negation_does_not_reach_past_a_condition():
    # "没有订单时" is a condition, not a denial: the worker must still follow instructions (GC 237).
    assert value_of("没有配送任务时还得在站里干杂活", "platform_controls_hours") is True


def test_being_unable_to_refuse_is_not_read_as_being_free_to_refuse():
    assert value_of("派的单不能拒，也不可以拒", "platform_assigns_orders_no_refusal") is True


def test_a_negation_does_not_cross_a_comma():
    assert value_of("没有签合同，每天要打卡", "attendance_or_online_time_required") is True


def test_quotation_marks_do_not_hide_a_penalty():
    assert value_of("运力公司还会扣“服务分”", "penalties_or_rules_enforced") is True


def test_evidence_and_rule_say_what_showed_the_factor():
    finding = extract_factors("他每天按站点排班表上线。其他没什么。")["platform_controls_hours"]
    assert finding.evidence == ["他每天按站点排班表上线"]
    assert "排班" in finding.rule


def test_what_actually_happened_outweighs_what_the_agreement_says():
    text = "协议写明双方是合作关系，没有底薪。但实际上公司每月发基本报酬，再按单计酬。"
    assert value_of(text, "platform_sets_pay") is True


def test_contradictory_statements_of_equal_weight_leave_the_factor_open():
    finding = extract_factors("订单靠抢单。派的单不能拒。")["platform_assigns_orders_no_refusal"]
    assert finding.value is None
    assert "矛盾" in finding.rule


def test_a_bare_dispatch_gives_way_to_a_statement_about_refusing():
    # That orders come from the system says nothing of refusing them; the statement that does decides.
    assert value_of("订单靠抢单。系统派单。", "platform_assigns_orders_no_refusal") is False
    assert value_of("系统派单，不能拒单", "platform_assigns_orders_no_refusal") is True


def test_contract_labels_are_listed_but_decide_no_factor():
    text = "双方签订《合作协议》，约定为承揽关系，不存在劳动关系。"
    assert find_contract_labels(text) == ["《合作协议》", "承揽", "不存在劳动关系"]
    assert all(finding.value is None for finding in extract_factors(text).values())


def test_registration_arranged_by_the_company_is_recorded_as_not_decisive():
    finding = extract_factors("站点负责人让他下载APP认证，事后他才知道自己被登记成了个体工商户。")[
        "registered_as_individual_business"]
    assert finding.value is True
    assert "不具决定性" in finding.rule and "238" in finding.rule


def test_a_genuine_business_registration_is_recorded_plainly():
    finding = extract_factors("他开了一家维修店，有营业执照。")["registered_as_individual_business"]
    assert finding.value is True
    assert "不具决定性" not in finding.rule


def test_platforms_the_company_required_are_not_free_multi_homing():
    assert value_of("她按公司的要求在两个直播平台开了直播间", "can_work_multi_platform") is None


def test_own_vehicle_is_recorded_as_a_weak_factor():
    finding = extract_factors("他骑自己的电动车送餐")["worker_owns_main_tools"]
    assert finding.value is True
    assert "较弱" in finding.rule


def test_clock_times_show_the_length_of_the_working_day():
    assert value_of("每天从上午十点到晚上九点在线", "long_term_stable_work") is True
    assert value_of("一般晚上七点到十点跑一会儿", "long_term_stable_work") is False


# --- who manages ---------------------------------------------------------------------------------

CHAIN = (
    "站点由一家货运代理公司承包，骑手都和一家劳务公司签协议。站长每天排班，请假要经站长报货代公司批准；"
    "工资由货代公司每月发放。劳务公司从未管理过骑手。"
)


def test_the_station_contractor_that_manages_and_pays_is_the_managing_party():
    party = find_managing_party(CHAIN)
    assert (party.name, party.kind) == ("货运代理公司", "cooperating_company")
    assert "案例3" in party.reason_zh
    assert "劳务公司未实际管理" in party.reason_zh
    assert any("每月发放" in clause for clause in party.evidence)


def test_the_managing_party_is_matched_to_the_listed_respondents():
    respondents = [{"name": "某外卖平台科技有限公司", "kind": "platform"},
                   {"name": "某某货运代理有限公司", "kind": "cooperating_company"},
                   {"name": "某劳务服务有限公司", "kind": "dispatch_agency"}]
    party = find_managing_party(CHAIN, respondents)
    assert (party.name, party.kind) == ("某某货运代理有限公司", "cooperating_company")


def test_a_labour_dispatch_contract_makes_the_agency_the_employer():
    text = "陈某和一家人力资源公司签了劳务派遣合同，被派到配送公司当骑手。配送公司给他排班，工资由人力资源公司每月发。"
    party = find_managing_party(text)
    assert party.name == "人力资源公司"
    assert "第五十八条" in party.reason_zh


def test_the_contractor_that_took_over_delivery_manages_though_a_third_party_pays_it_over():
    text = ("一家网络科技公司承包了这个片区的配送业务。第三方管理公司每月把钱转给他。"
            "站长排班，考勤规则由公司制定，薪资规则也由公司决定。")
    assert find_managing_party(text).name == "网络科技公司"


def test_without_management_or_pay_in_the_account_no_party_is_named():
    party = find_managing_party("我每天送外卖，后来摔伤了。")
    assert party.name is None
    assert "进一步查明" in party.reason_zh

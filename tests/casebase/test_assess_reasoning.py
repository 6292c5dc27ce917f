"""Issue 21: the assessment reads the facts clause by clause, explains itself from its own table with
the words it rests on, names the three categories and says "cannot tell yet" with the questions to ask.

The accounts are written as a worker would say them, not taken from the library."""
from __future__ import annotations

import json

import pytest

from casebase.assess import CANNOT_TELL, assess
from casebase.factors import extract_factors, segments

AUDIT = "每天的班是站长在系统里排好的，早上9点必须上线，按单计酬，干了两年"


def finding(text, key):
    return extract_factors(text)[key]


def decisive(text, key):
    return [span for span in finding(text, key).spans if span.decisive]


# --- the audit scenario --------------------------------------------------------------------------

def test_the_audit_scenario_finds_hours_attendance_pay_and_continuity():
    found = extract_factors(AUDIT)
    assert found["platform_controls_hours"].value is True
    assert found["attendance_or_online_time_required"].value is True
    assert found["platform_sets_pay"].value is True
    assert found["long_term_stable_work"].value is True


def test_the_audit_scenario_names_the_station_manager_as_who_schedules():
    spans = decisive(AUDIT, "platform_controls_hours")
    assert spans[0].actor == "station_manager"
    assert AUDIT[spans[0].start:spans[0].end] == "每天的班是站长在系统里排好的"


def test_the_audit_scenarios_explanation_agrees_with_its_table():
    result = assess(AUDIT, library=[])
    assert result.result == "labor_relation"
    for factor in result.factors:
        line = next((line for line in result.lines if line.factor == factor.key and line.kind == "factor"), None)
        if factor.value is None and not factor.spans:
            assert line is None
            continue
        assert {True: "：是。", False: "：否。", None: "：不清楚。"}[factor.value] in line.text
        for quote in line.quotes:
            assert AUDIT[quote["start"]:quote["end"]] == quote["text"]
            assert quote["text"] in line.text
    assert "得分" not in result.explanation_zh
    assert "合计9.5分" in result.explanation_zh


def test_the_audit_scenario_asks_whom_the_station_belongs_to():
    result = assess(AUDIT, library=[])
    assert result.managing_party.name is None
    assert "站点属于谁" in result.managing_party.open_question_zh
    assert "用人单位待查明" in result.explanation_zh


# --- actors, negation, conditions, agreement against practice ------------------------------------

@pytest.mark.parametrize(("text", "key", "actor"), [
    ("站长每天给我们排班", "platform_controls_hours", "station_manager"),
    ("单子都是系统派的，不能拒", "platform_assigns_orders_no_refusal", "platform"),
    ("劳务公司每个月发工资，按单计酬", "platform_sets_pay", "cooperating_company"),
    ("什么时候上线我自己决定", "platform_controls_hours", "worker"),
])
def test_each_statement_names_who_acts(text, key, actor):
    assert decisive(text, key)[0].actor == actor


def test_a_negation_is_recorded_on_the_span():
    span = decisive("我们这里不要求打卡", "attendance_or_online_time_required")[0]
    assert span.value is False and span.negated


@pytest.mark.parametrize("text", ["可以拒单但会扣分", "我可以拒单，但拒单会扣钱", "单子可以不接，但是不接会扣分"])
def test_a_freedom_that_is_penalised_is_control(text):
    found = finding(text, "platform_assigns_orders_no_refusal")
    assert found.value is True
    assert found.spans[0].condition
    assert "拒单受罚" in found.rule


def test_a_penalty_about_something_else_is_not_a_condition_on_the_freedom():
    assert finding("可以自己决定什么时候上线，但是差评会扣钱", "platform_controls_hours").value is False


def test_what_happened_decides_over_what_the_agreement_says():
    text = "协议写明不用打卡，但实际每天都要打卡"
    found = finding(text, "attendance_or_online_time_required")
    assert found.value is True
    assert "以实际履行为准" in found.rule
    modes = {span.mode for span in found.spans}
    assert modes == {"contract", "practice"}
    assert [span.mode for span in found.spans if span.decisive] == ["practice"]


def test_a_party_s_denial_is_its_account_to_the_end_of_the_sentence():
    text = "公司否认劳动关系，称何时上线都由他自主决定，公司只是代发工资。法院查明，站长每天排班。"
    found = finding(text, "platform_controls_hours")
    assert [(span.value, span.mode) for span in found.spans] == [(False, "claim"), (True, "practice")]
    assert found.value is True


def test_an_advertisement_or_a_promise_of_terms_is_weighed_like_an_agreement():
    text = "招聘广告写着早上9点必须上线。公司答复底薪五千。实际上她什么时候上线都由自己决定。"
    hours = finding(text, "platform_controls_hours")
    assert {span.mode for span in finding(text, "platform_sets_pay").spans} == {"contract"}
    assert hours.value is False and [span.mode for span in hours.spans if span.decisive] == ["practice"]


def test_a_party_s_account_goes_on_past_a_semicolon():
    text = "公司辩称双方是承揽关系；他的工作时间完全自由。站点按排班表安排他上岗。"
    found = finding(text, "platform_controls_hours")
    assert [(span.value, span.mode) for span in found.spans] == [(False, "claim"), (True, "plain")]
    assert found.value is True


def test_an_agreement_alone_is_used_but_marked():
    found = finding("合同约定每天必须在线八小时", "attendance_or_online_time_required")
    assert found.value is True
    assert "仅见协议约定" in found.rule


def test_what_a_party_asserts_counts_below_what_happened():
    found = finding("公司称他可以自己决定上线时间。实际上站长每天给他排班。", "platform_controls_hours")
    assert found.value is True


def test_segments_keep_offsets_into_the_original_text_with_full_width_digits_and_quotes():
    text = "站长说“早上９点”必须到站，迟到扣钱"
    for segment in segments(text):
        assert segment.start < segment.end <= len(text)
    penalty = decisive(text, "penalties_or_rules_enforced")[0]
    assert text[penalty.start:penalty.end] == "迟到扣钱"


@pytest.mark.parametrize(("text", "expected"), [
    ("在这个站干了两年", True), ("跑了八个月外卖", True), ("才干了一个月就出事了", False), ("做了三个月", None),
])
def test_how_long_the_work_went_on_is_continuity(text, expected):
    assert finding(text, "long_term_stable_work").value is expected


# --- categories, cannot tell, questions ----------------------------------------------------------

# --- whole accounts, each decided the way the guiding cases decide its kind -----------------------
# 指导性案例237号-240号 and 人社部函〔2023〕36号: a station rider, a courier on a rota, a streamer on a
# base pay in the company's studio and an employee-model domestic worker are employees; a crowd-sourced
# rider, a driver on their own car and time, a guild streamer on a share, a nanny placed by an agency,
# a truck run under another's name and a courier who contracts an area are not.

ACCOUNTS = [
    ("我是美团专送骑手，每天早上8点到站点开早会打卡，站长排班，超时一单扣5元，按单计酬，每月10号发工资，穿公司发的工服，干了两年。", True),
    ("我在众包平台注册跑单，想什么时候上线就什么时候上线，订单都是自己抢的，不想接就不接，同时还在饿了么跑，按单结算。", False),
    ("我开自己的车在滴滴上拉活，什么时候出车自己定，平台从车费里抽成20%，没有底薪，也没人管我考勤。", False),
    ("我在公会当主播，收入是打赏的五五分成，什么时候开播、播多久都是我自己决定，用的是自己的手机和声卡。", False),
    ("我和传媒公司签了主播合同，底薪4000加提成，公司规定每天上午10点到下午6点在公司直播间直播，迟到要扣钱，设备都是公司的，干了一年多。", True),
    ("我在员工制家政公司上班，公司每天安排我去哪家服务，统一培训、统一穿工服，工资由公司每月发，不能私下接活。", True),
    ("中介公司把我介绍到雇主家当保姆，工资由雇主直接付给我，公司只收了一次中介费，干活时间跟雇主商量。", False),
    ("我的货车挂靠在物流公司名下，车是我自己买的，活都是我自己在网上找的，运费由货主直接付给我，每年交挂靠费。", False),
    ("我在代驾平台接单，平台推送订单可以选择接或不接，上线时间完全自由，收入按单结算，平台抽取信息服务费。", False),
    ("我承包了快递网点的一个片区，自负盈亏，自己雇人派件，每月向网点交承包费。", False),
    ("我在快递网点当快递员，每天早上7点到网点分拣，网点排班，计件工资每月由网点发放，丢件要罚款，干了三年。", True),
    ("每天的班是站长在系统里排好的，早上9点必须上线，按单计酬，干了两年。", True),
    ("我在配送站送外卖，站长安排班次，不能拒单，拒单扣钱，工资按月发，已经干了一年半。", True),
    ("我平时在厂里上班，周末才跑几单外卖，都是自己抢单，跑多少全凭自己。", False),
    ("公司与我签的是《合作协议》，但实际上我每天必须按公司规定时间上下班打卡，请假要经理批准，公司按月发工资，违反规定要罚款。", True),
    ("平台只是提供信息撮合服务，我自己定价格，跟客户自己谈，钱直接打到我账户，平台收10%的服务费。", False),
]


@pytest.mark.parametrize(("text", "is_labour"), ACCOUNTS)
def test_a_plain_account_is_decided_on_the_side_the_guiding_cases_put_it(text, is_labour):
    result = assess(text)
    assert result.status == "decided", result.status_reason_zh
    assert (result.category == "labor_relation") is is_labour


def test_the_three_categories_are_each_stated_with_a_reason():
    result = assess(AUDIT, library=[])
    keys = [item["key"] for item in result.categories]
    assert keys == ["labor_relation", "incomplete_labor_relation", "civil_relation"]
    assert [item["met"] for item in result.categories] == [True, False, False]
    assert all(item["why"] and item["basis"] for item in result.categories)
    assert "不完全符合确立劳动关系情形：不符合" in result.explanation_zh


def test_management_without_known_control_of_time_is_cannot_tell_with_questions():
    result = assess("配送费是公司定的，差评扣钱", library=[])
    assert result.status == CANNOT_TELL and result.result == CANNOT_TELL
    assert result.category == "incomplete_labor_relation"  # the leaning, for callers that store it
    asked = [question.factor for question in result.questions]
    assert 2 <= len(asked) <= 3
    assert asked[0] in ("platform_controls_hours", "platform_assigns_orders_no_refusal",
                        "attendance_or_online_time_required")
    assert all(question.evidence_zh and question.holder_zh for question in result.questions)
    assert "暂无法判断" in result.explanation_zh and "待查明1" in result.explanation_zh
    assert "劳社部发〔2005〕12号第二条" in result.explanation_zh
    assert result.confidence <= 0.55


def test_management_with_free_hours_and_other_signs_of_autonomy_is_decided_incomplete():
    # dispatch is the one sign of domination; free hours, own vehicle and a second platform outweigh it
    result = assess("按单计酬，超时会扣钱，订单是系统派的。什么时候上线我自己决定，电动车是我自己买的，"
                    "也同时跑另一个平台。", library=[])
    assert (result.status, result.result) == ("decided", "incomplete_labor_relation")
    assert result.score < 2
    assert result.questions  # what would still change it is asked


def test_management_with_free_hours_but_nothing_else_against_domination_cannot_tell():
    result = assess("按单计酬，超时会扣钱，订单是系统派的。什么时候上线我自己决定。", library=[])
    assert result.status == CANNOT_TELL and result.category == "incomplete_labor_relation"


def test_nothing_known_is_cannot_tell():
    assert assess("我在一个平台上干活", library=[]).status == CANNOT_TELL


def test_clear_autonomy_is_decided_civil():
    result = assess("什么时候上线我自己决定，报价是我自己定的，想接就接", library=[])
    assert (result.status, result.result) == ("decided", "civil_relation")
    assert result.questions == []


def test_free_hours_and_orders_with_platform_pay_is_the_middle_category_decided():
    result = assess("我是众包骑手，不用打卡，也没人给我排班，想上线就上线，单子自己抢。不过配送费是平台定的，超时扣钱。",
                    library=[])
    assert (result.status, result.result) == ("decided", "incomplete_labor_relation")
    assert "小时最低工资" in result.explanation_zh


def test_the_result_with_spans_and_questions_is_json():
    body = assess("配送费是公司定的，差评扣钱", library=[]).to_dict()
    assert json.loads(json.dumps(body, ensure_ascii=False)) == body
    assert {"result", "status", "questions", "categories", "explanation_lines"} <= set(body)
    pay = next(item for item in body["factors"] if item["key"] == "platform_sets_pay")
    assert pay["spans"][0]["quote"] == "配送费是公司定的"


def test_a_chain_names_the_platform_and_the_contractor_that_manages():
    facts = "站点由一家配送公司承包。站长排班，工资由配送公司每月发放。平台只管派单。"
    party = assess(facts, library=[]).managing_party
    assert party.name == "配送公司"
    assert any(link["name"] == "配送公司" for link in party.chain)


def test_work_passed_to_an_individual_cites_the_2005_notice_article_4():
    facts = "快递公司把站点承包给了个人，站长每月给我发工资、安排派件。"
    assert "第四条" in assess(facts, library=[]).managing_party.reason_zh


# --- one sign of domination, well corroborated ---------------------------------------------------

def test_one_sign_of_domination_with_years_of_full_time_core_work_is_labour_and_asks_what_is_left():
    result = assess("站长给我排班，每天早上8点上班，我是全职的，在这个配送站干了三年，配送站是专门做外卖配送的。")
    assert (result.status, result.category) == ("decided", "labor_relation")
    assert {question.factor for question in result.questions} >= {"platform_sets_pay"}


def test_one_sign_of_domination_with_little_else_stays_cannot_tell():
    result = assess("站长给我排班。")
    assert result.status == CANNOT_TELL


def test_one_sign_of_domination_against_a_stated_freedom_stays_cannot_tell():
    result = assess("站长给我排班，但接不接单我自己决定，我在配送站全职干了三年，配送站是专门做外卖配送的。")
    assert result.status == CANNOT_TELL

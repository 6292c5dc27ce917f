"""The assessment in English: every sentence it writes in Chinese it also writes in English, point for
point, and the only Chinese left in the English is what it quotes from the account or a published case."""
from __future__ import annotations

import re

import pytest

from casebase.assess import assess
from casebase.records import load_library

from .test_assess_reasoning import ACCOUNTS, AUDIT

# Han ideographs and CJK and full-width punctuation, as tests/disputes/test_i18n.py reads a page.
CJK = re.compile("[\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]+")
RESPONDENTS = [{"name": "某某配送公司", "kind": "cooperating_company"}]
STANDING = [
    "我退休后领着养老金，每天在平台上接单送外卖。",
    "我和配送公司签了劳动合同，站长每天排班，必须打卡。",
    "车辆挂靠在物流公司名下，车主张某雇我开车跑运输。",
    "公司给我交了社保，系统派单不能拒，每天干十个小时。",
]
CHAINS = [
    "我在美团的站点送外卖，站点是某某配送公司承包的，工资由某某配送公司发，劳务公司从没管过我。",
    "站长把站点转包给了个人，站长个人每月给我发工资，平台派单。",
    "我和人力资源公司签了劳务派遣合同，被派到快递公司分拣。",
]


def _chinese_outside(text: str, sources: list[str]) -> set[str]:
    return {run for run in CJK.findall(text) if not any(run in source for source in sources)}


@pytest.fixture(scope="module")
def library():
    return [case for case in load_library() if case.published]


def _accounts():
    return [AUDIT, *(text for text, _ in ACCOUNTS), *STANDING, *CHAINS]


@pytest.mark.parametrize("text", _accounts())
def test_the_english_explanation_quotes_the_account_and_is_otherwise_english(text, library):
    result = assess(text, respondents=RESPONDENTS, library=library)
    names = [text, *(party["name"] for party in RESPONDENTS), *(case.title for case in library),
             *(case.facts for case in library)]
    english = result.to_dict("en")
    texts = [english["explanation"], english["status_reason"], english["result_label"], english["disclaimer"],
             english["managing_party"]["reason"], english["managing_party"]["open_question"],
             *(link["role"] for link in english["managing_party"]["chain"]),
             *(question[part] for question in english["questions"] for part in ("question", "holder", "burden", "why")),
             *(item for question in english["questions"] for item in question["evidence"]),
             *(category[part] for category in english["categories"] for part in ("label", "why", "basis")),
             *(case["why"] for case in english["similar_cases"])]
    leftovers = set().union(*(_chinese_outside(part or "", names) for part in texts))
    assert not leftovers, leftovers


@pytest.mark.parametrize("text", _accounts())
def test_both_languages_say_the_same_points_in_the_same_order(text, library):
    result = assess(text, library=library)
    chinese, english = result.to_dict("zh"), result.to_dict("en")
    assert [line["kind"] for line in chinese["explanation_lines"]] == [line["kind"] for line in english["explanation_lines"]]
    assert [line["quotes"] for line in chinese["explanation_lines"]] == [line["quotes"] for line in english["explanation_lines"]]
    assert (chinese["result"], chinese["confidence"], chinese["score"]) == (english["result"], english["confidence"],
                                                                           english["score"])
    assert all(line["text"] for line in english["explanation_lines"])


def test_the_audit_scenario_in_english_names_its_factors_quotes_and_points():
    lines = [line.in_language("en") for line in assess(AUDIT).lines]
    hours = next(line for line in lines if line.startswith("The enterprise controls working hours"))
    assert "“每天的班是站长在系统里排好的”" in hours and "the station manager" in hours and "+3 points" in hours
    assert lines[0] == "First view: Labour relationship."


def test_english_cites_the_texts_as_english_legal_writing_does():
    english = assess(AUDIT).to_dict("en")["explanation"]
    assert "Lao She Bu Fa [2005] No. 12, Art. 1" in english
    assert "Guiding Case No. 237" in english and "Ren She Bu Fa [2021] No. 56" in english


def test_cannot_tell_says_why_and_what_to_ask_in_english():
    result = assess("我在平台上送外卖，配送费由公司统一定价，超时会被罚款。")
    english = result.to_dict("en")
    assert english["result"] == "cannot_tell" and english["result_label"] == "Cannot tell yet"
    assert english["status_reason"].startswith("the enterprise is seen managing pay or penalties")
    assert english["questions"][0]["question"].startswith("When do you go online")
    assert "Labour Dispute Mediation and Arbitration Law, Arts 6, 39" in english["questions"][0]["burden"]


def test_a_fact_of_standing_decides_with_its_reason_in_english():
    english = assess(STANDING[0]).to_dict("en")
    assert english["result"] == "civil_relation"
    assert "draws a pension" in english["status_reason"]
    assert "Interpretation (I) of the Supreme People's Court on Issues of Law in Labour Dispute Cases, Art. 32(1)" \
        in english["status_reason"]


def test_chinese_stays_the_default():
    result = assess(AUDIT)
    assert result.to_dict()["language"] == "zh" and result.to_dict()["explanation"] == result.explanation_zh
    assert result.explanation_zh.startswith("初步判断：劳动关系。")


def test_hours_of_an_incentive_the_worker_joined_are_quoted_and_said_not_to_count_in_both_languages():
    text = "我报名参加了平台的冲单奖励活动，活动要求每天晚高峰必须在线。订单是我自己在APP上抢的。"
    result = assess(text)
    hours = next(line for line in result.lines if line.factor == "platform_controls_hours")
    assert "奖励、补贴或劳动者自愿参加的活动所附的条件" in hours.text and hours.text.endswith("不计分。")
    assert "an incentive the worker chose to join, not work the enterprise imposes" in hours.in_language("en")
    assert result.values()["platform_controls_hours"] is None


def test_beside_each_factor_is_who_holds_its_evidence_and_who_must_prove_it_in_both_languages():
    factors = {factor["key"]: factor for factor in assess(AUDIT).to_dict("en")["factors"]}
    dispatch = factors["platform_assigns_orders_no_refusal"]["proof"]
    assert dispatch["holder"].startswith("The platform holds the dispatch and refusal logs")
    assert "Arts 6, 39" in dispatch["burden"] and "dispatch and refusal records (screenshots of the app)" in dispatch["ask_for"]
    assert factors["long_term_stable_work"]["proof"]["burden"].startswith("The party asserting it proves it")
    assert factors["uniform_or_brand_required"]["proof"] is None
    chinese = {factor["key"]: factor for factor in assess(AUDIT).to_dict()["factors"]}
    assert chinese["attendance_or_online_time_required"]["proof"]["holder"] == "企业掌握考勤记录"

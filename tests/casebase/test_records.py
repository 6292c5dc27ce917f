"""The typical-case record: validation lists every problem, and the dict and file forms round-trip."""
from __future__ import annotations

import json

import pytest

from casebase.records import (
    DUPLICATE_SIMILARITY,
    FACTOR_KEYS,
    Instance,
    RecordInvalid,
    curate,
    facts_similarity,
    dump_library,
    load_library,
    record_from_dict,
)
from tests.casebase.factories import make_record, record_dict


def errors_of(data) -> dict[str, str]:
    with pytest.raises(RecordInvalid) as caught:
        record_from_dict(data)
    return caught.value.errors


def library_errors(tmp_path, document) -> dict[str, str]:
    path = tmp_path / "library.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(RecordInvalid) as caught:
        load_library(path)
    return caught.value.errors


# --- round trips ---------------------------------------------------------------------------------


def test_dict_form_round_trips_to_an_equal_record():
    record = make_record(region=None, statutes=(), number=None)
    assert record_from_dict(record.to_dict()) == record


def test_dict_form_survives_json():
    record = make_record(also_reported_at=["https://news.example.org/a"], arrangement="station",
                         instances=(Instance("arbitration", "某仲裁委", None, "不予受理"),
                                    Instance("first_instance", "某区人民法院", "（2023）京0105民初1号", "确认劳动关系")))
    assert record_from_dict(json.loads(json.dumps(record.to_dict()))) == record


def test_dict_form_lists_factors_in_the_table_order():
    assert list(make_record().to_dict()["factors"]) == list(FACTOR_KEYS)


def test_library_file_round_trips(tmp_path):
    records = [make_record(), make_record(status="draft", holding="", reasoning="")]
    path = tmp_path / "data" / "cases.json"
    dump_library(records, path)
    assert load_library(path) == records
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 2


def test_a_version_one_export_is_still_read(tmp_path):
    old = {key: value for key, value in record_dict(id="old").items()
           if key not in ("arrangement", "factor_evidence", "instances")}
    old["source"] = {"body": "某仲裁委", "release": "旧版导出", "year": 2021, "number": None, "illustrative": False}
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"version": 1, "cases": [old]}, ensure_ascii=False), encoding="utf-8")
    (record,) = load_library(path)
    assert (record.id, record.source.year, record.source.url, record.instances) == ("old", 2021, None, ())


def test_a_folder_is_read_file_by_file_with_ids_unique_across_files(tmp_path):
    for name, ids in (("a.json", ["one", "two"]), ("b.json", ["three", "one"])):
        cases = [record_dict(id=case_id) for case_id in ids]
        (tmp_path / name).write_text(json.dumps({"version": 2, "cases": cases}, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(RecordInvalid) as caught:
        load_library(tmp_path)
    assert caught.value.errors == {"b.json:cases[1].id": "重复的编号：one（与 a.json:cases[0] 相同）"}
    (tmp_path / "b.json").unlink()
    assert [record.id for record in load_library(tmp_path)] == ["one", "two"]


def test_record_factors_cannot_be_changed_through_the_callers_dict():
    factors = {key: None for key in FACTOR_KEYS}
    record = make_record(factors=factors)
    factors["pay_main_income"] = True
    assert record.factors["pay_main_income"] is None
    with pytest.raises(TypeError):
        record.factors["pay_main_income"] = True  # type: ignore[index]


def test_records_are_hashable_by_their_fields():
    record = make_record(id="same")
    assert hash(record) == hash(record_from_dict(record.to_dict()))


# --- validation of one record --------------------------------------------------------------------


def test_valid_dict_builds_a_record():
    assert record_from_dict(record_dict(id="gc237")).id == "gc237"


@pytest.mark.parametrize(
    ("overrides", "path", "message"),
    [
        ({"occupation": "pilot"}, "occupation", "未知的职业：pilot"),
        ({"outcome": "maybe"}, "outcome", "未知的结论：maybe"),
        ({"status": "archived"}, "status", "未知的状态：archived"),
        ({"region": "火星"}, "region", "未知的省份：火星"),
        ({"region": 11}, "region", "应为省级行政区名称或 null"),
        ({"claims": ["wage_arrears", "bonus"]}, "claims[1]", "未知的请求类型：bonus"),
        ({"claims": ["overtime", "overtime"]}, "claims[1]", "重复的请求类型：overtime"),
        ({"claims": []}, "claims", "至少需要一项"),
        ({"claims": "overtime"}, "claims", "应为列表"),
        ({"respondent_kinds": ["employer"]}, "respondent_kinds[0]", "未知的被申请人类型：employer"),
        ({"title": ""}, "title", "不能为空"),
        ({"title": 5}, "title", "应为字符串"),
        ({"facts": ...}, "facts", "缺少字段"),
        ({"statutes": [""]}, "statutes[0]", "应为非空字符串"),
        ({"id": "has space"}, "id", "编号只能包含字母、数字、点、下划线和连字符（不超过 80 个字符）"),
        ({"colour": "red"}, "colour", "未知的字段：colour"),
        ({"source": "人社部"}, "source", "应为对象"),
        ({"factors": None}, "factors", "应为对象"),
    ],
)
def test_each_kind_of_problem_is_named_at_its_path(overrides, path, message):
    assert errors_of(record_dict(**overrides)) == {path: message}


@pytest.mark.parametrize(
    ("source_changes", "path", "message"),
    [
        ({"year": "2023"}, "source.year", "应为整数"),
        ({"year": True}, "source.year", "应为整数"),
        ({"year": 1949}, "source.year", "年份应在 1990 至 2100 之间"),
        ({"illustrative": "no"}, "source.illustrative", "应为 true 或 false"),
        ({"number": ""}, "source.number", "应为非空字符串或 null"),
        ({"body": None}, "source.body", "应为字符串"),
        ({"url": "x"}, "source.url", "应为 http:// 或 https:// 开头的网址"),
        ({"url": "ftp://example.org/a"}, "source.url", "应为 http:// 或 https:// 开头的网址"),
        ({"url": None}, "source.url", "缺少来源链接：公开的案例必须附原文网址（http 或 https）"),
        ({"illustrative": True}, "source.illustrative", "案例库只收录真实公开的案例，不收虚构或示例案例"),
        ({"date": "2023-13"}, "source.date", "不存在的日期：2023-13"),
        ({"date": "2023/05/01"}, "source.date", "日期应为 YYYY-MM-DD、YYYY-MM 或 YYYY"),
        ({"date": "2022-05-01"}, "source.year", "应与日期的年份一致（2022）"),
        ({"date": None}, "source.date", "缺少日期：没有日期时须在 date_note 中说明原因"),
        ({"year": None}, "source.year", "公开的案例须写明年份"),
        ({"also_reported_at": ["mirror"]}, "source.also_reported_at[0]", "应为 http:// 或 https:// 开头的网址"),
        ({"colour": "red"}, "source.colour", "未知的字段：colour"),
    ],
)
def test_source_problems_are_named_inside_source(source_changes, path, message):
    source = make_record().to_dict()["source"] | source_changes
    assert errors_of(record_dict(source=source)) == {path: message}


def test_factor_problems_are_named_per_factor():
    factors = {key: None for key in FACTOR_KEYS}
    del factors["pay_main_income"]
    factors["platform_sets_pay"] = "yes"
    factors["likes_cats"] = True
    assert errors_of(record_dict(factors=factors, factor_evidence={})) == {
        "factors.likes_cats": "未知的字段：likes_cats",
        "factors.platform_sets_pay": "要素取值应为 true、false 或 null",
        "factors.pay_main_income": "缺少要素",
    }


def test_every_problem_of_a_record_is_listed_at_once():
    data = record_dict(occupation="pilot", outcome="maybe", title="", claims=["bonus"], region=...)
    assert set(errors_of(data)) == {"occupation", "outcome", "title", "claims[0]", "region"}


def test_a_draft_may_lack_holding_and_reasoning():
    record = record_from_dict(record_dict(status="draft", holding="", reasoning=""))
    assert record.status == "draft"


def test_a_published_case_needs_holding_and_reasoning():
    assert errors_of(record_dict(holding=" ", reasoning="")) == {"holding": "不能为空", "reasoning": "不能为空"}


def test_an_undated_source_says_why_and_a_draft_may_lack_date_year_and_url():
    source = make_record().to_dict()["source"] | {"date": None, "date_note": "页面未载明日期"}
    assert record_from_dict(record_dict(source=source)).source.date_note == "页面未载明日期"
    draft_source = source | {"date_note": None, "year": None, "url": None}
    assert record_from_dict(record_dict(source=draft_source, status="draft")).source.url is None


def test_an_own_closed_case_needs_no_url_date_or_factor_evidence():
    source = make_record().to_dict()["source"] | {"url": None, "date": None, "own_case": True}
    record = record_from_dict(record_dict(source=source, factor_evidence={}))
    assert record.source.own_case and record.published


def test_every_known_factor_of_a_published_case_has_its_facts_and_no_unknown_one_has():
    factors = {key: None for key in FACTOR_KEYS} | {"platform_controls_hours": True, "platform_sets_pay": False}
    evidence = {"platform_controls_hours": "站长排班", "pay_main_income": "收入主要来自此", "likes_cats": "x"}
    assert errors_of(record_dict(factors=factors, factor_evidence=evidence)) == {
        "factor_evidence.pay_main_income": "该要素未查明（null），不应附事实",
        "factor_evidence.likes_cats": "未知的要素：likes_cats",
        "factor_evidence.platform_sets_pay": "已认定的要素须写明支持它的事实",
    }


def test_instance_problems_are_named_per_instance():
    instances = [{"level": "arbitration", "court_or_body": "某仲裁委", "number": None, "result": "裁决"},
                 {"level": "supreme", "court_or_body": "", "number": None, "result": "改判", "judge": "x"}]
    assert errors_of(record_dict(instances=instances)) == {
        "instances[1].judge": "未知的字段：judge",
        "instances[1].level": "未知的审级：supreme",
        "instances[1].court_or_body": "不能为空",
    }


def test_an_unknown_arrangement_is_refused():
    assert errors_of(record_dict(arrangement="gig")) == {"arrangement": "未知的用工安排：gig"}


# --- curation: duplicates, fiction, cases without a source -----------------------------------------

OTHER_FACTS = "网约车司机李某自备车辆在平台注册，自行决定是否上线接单，车费由乘客支付，平台按比例抽成。"


def test_a_second_record_of_the_same_judgment_is_refused_whoever_published_it():
    first = make_record(id="first", instances=(Instance("appeal", "某中院", "（2023）京01民终6036号", "驳回上诉"),))
    second = make_record(id="second", facts=OTHER_FACTS, source_body="某报", number="（2023）京01民终6036号")
    (problem,) = curate([second], existing=[first])
    assert (problem.record_id, problem.code, problem.action, problem.other_id) == ("second", "duplicate_number", "refuse", "first")


def test_the_same_publisher_release_and_number_is_one_case():
    first, second = make_record(id="first"), make_record(id="second", facts=OTHER_FACTS)
    assert [(p.record_id, p.code) for p in curate([first, second])] == [("second", "duplicate_source")]


def test_facts_told_again_in_other_words_are_a_duplicate():
    retold = "外卖骑手王某在平台接单，站点每天给他排班，早会要打卡，不许拒单，超时就扣款。他请求确认劳动关系、支付经济补偿。"
    assert facts_similarity(retold, make_record().facts) >= DUPLICATE_SIMILARITY
    problems = curate([make_record(id="again", number="案例9", facts=retold)], existing=[make_record(id="first")])
    assert [(p.code, p.other_id) for p in problems] == [("duplicate_facts", "first")]
    assert facts_similarity(OTHER_FACTS, make_record().facts) < DUPLICATE_SIMILARITY


def test_an_update_of_a_stored_case_is_not_its_duplicate():
    assert curate([make_record(id="same")], existing=[make_record(id="same")]) == []


def test_fiction_is_refused_and_a_case_without_a_url_waits_as_a_draft():
    fiction = make_record(id="demo", illustrative=True, number="示例1")
    no_url = make_record(id="nourl", url=None, number="案例2", facts=OTHER_FACTS)
    assert [(p.record_id, p.code, p.action) for p in curate([fiction, no_url])] == [
        ("demo", "fiction", "refuse"), ("nourl", "no_source_url", "hold")]


def test_a_record_must_be_an_object():
    assert errors_of(["not", "a", "record"]) == {"$": "应为对象"}


# --- validation of a library file ----------------------------------------------------------------


def test_library_problems_are_prefixed_with_the_case_position(tmp_path):
    cases = [record_dict(id="a"), record_dict(id="b", occupation="pilot"), record_dict(id="c", claims=[])]
    assert library_errors(tmp_path, {"version": 2, "cases": cases}) == {
        "cases[1].occupation": "未知的职业：pilot",
        "cases[2].claims": "至少需要一项",
    }


def test_library_refuses_duplicate_ids(tmp_path):
    cases = [record_dict(id="same"), record_dict(id="other"), record_dict(id="same")]
    assert library_errors(tmp_path, {"version": 2, "cases": cases}) == {
        "cases[2].id": "重复的编号：same（与 cases[0] 相同）",
    }


def test_library_needs_a_known_version_and_a_list_of_cases(tmp_path):
    assert library_errors(tmp_path, {"version": 3, "cases": {}}) == {
        "version": "不支持的版本：3（应为 2，或旧版导出文件的 1）",
        "cases": "应为列表",
    }


def test_library_reports_a_case_that_is_not_an_object(tmp_path):
    assert library_errors(tmp_path, {"version": 2, "cases": [record_dict(), 3]}) == {"cases[1]": "应为对象"}


def test_library_reports_broken_json(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"version": 1, "cases": [', encoding="utf-8")
    with pytest.raises(RecordInvalid) as caught:
        load_library(path)
    assert list(caught.value.errors) == ["$"]

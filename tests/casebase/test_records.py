"""The typical-case record: validation lists every problem, and the dict and file forms round-trip."""
from __future__ import annotations

import json

import pytest

from casebase.records import (
    FACTOR_KEYS,
    RecordInvalid,
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
    record = make_record(illustrative=True)
    assert record_from_dict(json.loads(json.dumps(record.to_dict()))) == record


def test_dict_form_lists_factors_in_the_table_order():
    assert list(make_record().to_dict()["factors"]) == list(FACTOR_KEYS)


def test_library_file_round_trips(tmp_path):
    records = [make_record(), make_record(status="draft", holding="", reasoning="")]
    path = tmp_path / "data" / "cases.json"
    dump_library(records, path)
    assert load_library(path) == records
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 1


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
        ({"url": "x"}, "source.url", "未知的字段：url"),
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
    assert errors_of(record_dict(factors=factors)) == {
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


def test_a_record_must_be_an_object():
    assert errors_of(["not", "a", "record"]) == {"$": "应为对象"}


# --- validation of a library file ----------------------------------------------------------------


def test_library_problems_are_prefixed_with_the_case_position(tmp_path):
    cases = [record_dict(id="a"), record_dict(id="b", occupation="pilot"), record_dict(id="c", claims=[])]
    assert library_errors(tmp_path, {"version": 1, "cases": cases}) == {
        "cases[1].occupation": "未知的职业：pilot",
        "cases[2].claims": "至少需要一项",
    }


def test_library_refuses_duplicate_ids(tmp_path):
    cases = [record_dict(id="same"), record_dict(id="other"), record_dict(id="same")]
    assert library_errors(tmp_path, {"version": 1, "cases": cases}) == {
        "cases[2].id": "重复的编号：same（与 cases[0] 相同）",
    }


def test_library_needs_version_one_and_a_list_of_cases(tmp_path):
    assert library_errors(tmp_path, {"version": 2, "cases": {}}) == {
        "version": "不支持的版本：2（应为 1）",
        "cases": "应为列表",
    }


def test_library_reports_a_case_that_is_not_an_object(tmp_path):
    assert library_errors(tmp_path, {"version": 1, "cases": [record_dict(), 3]}) == {"cases[1]": "应为对象"}


def test_library_reports_broken_json(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"version": 1, "cases": [', encoding="utf-8")
    with pytest.raises(RecordInvalid) as caught:
        load_library(path)
    assert list(caught.value.errors) == ["$"]

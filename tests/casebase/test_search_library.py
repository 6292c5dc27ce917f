"""The audit's queries (issue 19) against the library as shipped, on every engine: the everyday
words, synonyms, several words at once and traditional characters that used to find nothing."""
from __future__ import annotations

import pytest

from casebase import ENGINES, SearchQuery, load_library, open_engine

# The app indexes only published cases; a draft may still lack its year.
LIBRARY = [record for record in load_library() if record.status == "published"]
RIDERS = {record.id for record in LIBRARY if record.occupation == "delivery_rider"}
RIDERS_ON_LABOUR_RELATION = {
    record.id for record in LIBRARY
    if record.occupation == "delivery_rider" and "confirm_labor_relation" in record.claims
}
WORK_INJURY = {record.id for record in LIBRARY if "work_injury" in record.claims}
COURIERS_INJURED = {
    record.id for record in LIBRARY
    if record.occupation == "courier" and (
        "work_injury" in record.claims or any(word in record.facts for word in ("工伤", "受伤", "职业伤害")))
}


@pytest.fixture(scope="module", params=ENGINES)
def engine(request, tmp_path_factory):
    built = open_engine(request.param, tmp_path_factory.mktemp(request.param) / "index")
    built.rebuild(LIBRARY)
    yield built
    built.close()


def found(engine, text, **options):
    result = engine.search(SearchQuery(text=text, per_page=100, **options))
    # The cases found, without those a short page goes on with (``extended``, fewer words).
    return result, [hit.id for hit in result.hits[:len(result.hits) - result.extended]]


def test_the_library_still_holds_what_the_audit_counted():
    assert len(RIDERS) >= 14 and len(WORK_INJURY) >= 11 and len(COURIERS_INJURED) >= 2


@pytest.mark.parametrize("text", ["外卖骑手", "外卖员", "送餐员", "外卖小哥", "网约配送员", "骑手", "外賣騎手"])
def test_every_name_of_a_rider_finds_every_rider_case_riders_first(engine, text):
    result, ids = found(engine, text)
    assert RIDERS <= set(ids) and not result.partial
    assert ids[0] in RIDERS


def test_rider_and_labour_relation_find_the_riders_who_asked_for_it(engine):
    result, ids = found(engine, "外卖骑手 劳动关系")
    assert RIDERS_ON_LABOUR_RELATION <= set(ids) and not result.partial


@pytest.mark.parametrize("text", ["快递员 工伤", "快递小哥 受伤", "快遞員 工傷"])
def test_courier_and_work_injury_find_the_injured_couriers(engine, text):
    result, ids = found(engine, text)
    assert COURIERS_INJURED <= set(ids) and not result.partial


@pytest.mark.parametrize("text", ["工伤", "受伤", "职业伤害"])
def test_each_word_for_an_injury_finds_every_work_injury_case(engine, text):
    assert WORK_INJURY <= set(found(engine, text)[1])


@pytest.mark.parametrize("text", ["欠薪", "拖欠工资", "工资没发"])
def test_each_word_for_unpaid_wages_finds_the_wage_arrears_cases(engine, text):
    arrears = {record.id for record in LIBRARY if "wage_arrears" in record.claims}
    assert arrears <= set(found(engine, text)[1])


def test_a_question_in_plain_words_finds_the_cases(engine):
    result, ids = found(engine, "送外卖的受伤了怎么办？")
    assert not result.partial and ids and set(ids) <= RIDERS | WORK_INJURY | {
        record.id for record in LIBRARY if "骑手" in record.facts}


def test_a_filter_narrows_an_expanded_query(engine):
    _, ids = found(engine, "外卖员", filters={"claim": "work_injury"})
    assert set(ids) == RIDERS & WORK_INJURY | {
        record.id for record in LIBRARY if "work_injury" in record.claims and "骑手" in record.facts}


def test_a_typo_is_answered_with_a_suggestion(engine):
    result, _ = found(engine, "劳动关细")
    assert result.suggestion == "劳动关系"
    assert found(engine, result.suggestion)[0].total > 0

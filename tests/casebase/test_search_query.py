"""Reading a query, cutting a snippet, and choosing an engine: the engine-independent parts."""
from __future__ import annotations

import pytest

from casebase import ENGINES, SearchQuery, open_engine
from casebase.engines.analysis import SUGGEST_PAIR_LOOKUPS, make_snippet, parse_query, sounds_alike, suggest
from casebase.engines.vocabulary import vocabulary, within_one


def test_empty_filter_values_are_dropped_and_years_become_numbers():
    query = SearchQuery(filters={"occupation": "", "region": None, "year": "2023", "claim": "overtime"})
    assert query.filters == {"year": 2023, "claim": "overtime"}


@pytest.mark.parametrize(
    "options",
    [
        {"filters": {"colour": "red"}},
        {"filters": {"year": "twenty"}},
        {"filters": {"occupation": 3}},
        {"page": 0},
        {"per_page": 0},
        {"per_page": 101},
        {"sort": "title"},
    ],
)
def test_invalid_query_options_raise_value_error(options):
    with pytest.raises(ValueError):
        SearchQuery(**options)


def test_parse_query_separates_words_and_phrases():
    parsed = parse_query('骑手 "平台 派单" 加班费')
    assert set(parsed.terms) == {"骑手", "加班费"}
    assert parsed.phrases == (("平台", "派单"),)


def test_a_quoted_word_is_exact_and_a_plain_word_brings_its_synonyms_and_facet():
    quoted, plain = parse_query('"骑手"').clauses[0], parse_query("骑手").clauses[0]
    assert quoted.exact and quoted.alternatives == (("骑手",),) and quoted.facets == ()
    assert plain.alternatives[0] == ("骑手",) and ("外卖员",) in plain.alternatives
    assert plain.facets == (("occupation", "delivery_rider"),)


@pytest.mark.parametrize(
    ("text", "concepts"),
    [
        ("外卖骑手 劳动关系", ["delivery_rider", "labour_relation"]),
        ("外卖员", ["delivery_rider"]),
        ("送餐员", ["delivery_rider"]),
        ("外卖小哥", ["delivery_rider"]),
        ("网约配送员", ["delivery_rider"]),
        ("快递小哥", ["courier"]),
        ("快递员工伤", ["courier", "work_injury"]),
        ("外賣騎手", ["delivery_rider"]),
        ("快遞員 工傷", ["courier", "work_injury"]),
        ("工资没发", ["wage_arrears"]),
        ("欠薪", ["wage_arrears"]),
        ("拖欠工资", ["wage_arrears"]),
        ("受伤", ["work_injury"]),
        ("职业伤害", ["work_injury"]),
        ("送餐员受伤了怎么办", ["delivery_rider", "work_injury"]),
        ("N+1怎么算", ["economic_compensation"]),
    ],
)
def test_everyday_words_are_read_as_the_fields_concepts(text, concepts):
    assert [clause.concept for clause in parse_query(text).clauses] == concepts


def test_question_words_and_particles_are_dropped():
    parsed = parse_query("骑手们算不算员工吗")
    assert "吗" in parsed.ignored and "们" in parsed.ignored
    assert all(clause.text not in ("吗", "们") for clause in parsed.clauses)


def test_two_forms_of_one_concept_count_once():
    assert len(parse_query("外卖员 送餐员 骑手").clauses) == 1


def test_synonyms_are_highlighted_too():
    assert {"外卖员", "骑手", "网约配送员"} <= set(parse_query("外卖员").marks)


@pytest.mark.parametrize(
    ("first", "second", "near"),
    [("骑首", "骑手", True), ("劳动关细", "劳动关系", True), ("快递员", "快员", True), ("快递", "快递员", True),
     ("工伤", "主播", False), ("外卖骑手", "骑手", False)],
)
def test_near_misses_differ_by_one_character(first, second, near):
    assert within_one(first, second) is near


@pytest.mark.parametrize("word", ["外卖员", "外卖页", "外员", "送外卖员", "劳动关细", "仲栽", "工上", "火星", "n+2"])
def test_the_forms_near_a_word_are_those_a_scan_of_every_form_finds(word):
    forms = vocabulary().by_form
    assert vocabulary().forms_within_one(word) == {
        form for form in forms if len(form) >= 2 and within_one(word, form)}


def test_suggest_replaces_only_the_word_that_matches_nothing():
    index_words = {"骑手": 14, "劳动关系": 44, "工伤": 10}
    suggestion = suggest(
        "骑手 劳动关细", lambda text: text in index_words,
        lambda prefix: [(word, count) for word, count in index_words.items() if word.startswith(prefix)])
    assert suggestion == "骑手 劳动关系"


def test_a_character_that_sounds_the_same_is_the_likelier_slip():
    # The pinyin keyboard offers 公 for gong: 公伤 is 工伤 mistyped, not 受伤, though both are one change away.
    assert sounds_alike("公伤", "工伤") and not sounds_alike("公伤", "受伤")
    index_words = {"受伤": 40, "工伤": 10}
    assert suggest("公伤", lambda text: text in index_words,
                   lambda prefix: [(w, c) for w, c in index_words.items() if w.startswith(prefix)]) == "工伤"


def test_of_two_words_equally_near_the_commoner_is_suggested():
    index_words = {"劳动关系": 44, "劳务关系": 9}
    assert suggest("劳东关系", lambda text: text in index_words,
                   lambda prefix: [(w, c) for w, c in index_words.items() if w.startswith(prefix)]) == "劳动关系"


def test_a_long_run_that_matches_nothing_costs_a_bounded_number_of_lookups():
    # Every pair of 中国农科院 has dozens of two-character words starting like it; did-you-mean
    # looks up the likeliest mends only, not one per word of every pair.
    looked_up = []
    common = [(first + second, 100 - rank) for first in "中国农科" for rank, second in enumerate("央心华学共间山部外小原南")]

    def matches(text):
        looked_up.append(text)
        return False

    assert suggest("中国农科院", matches, lambda prefix: [pair for pair in common if pair[0].startswith(prefix)]) is None
    assert len(looked_up) == 1 + SUGGEST_PAIR_LOOKUPS  # the run as typed, then its likeliest mends


def test_a_mend_that_sounds_the_same_is_looked_up_before_commoner_words():
    # 家证服务员: 证 and 政 are both zheng, so 家政 is tried first although 家庭 and 家具 are commoner.
    index = {"家庭": 900, "家具": 800, "家政": 5}
    looked_up = []

    def matches(text):
        looked_up.append(text)
        return text == "家政服务员"

    assert suggest("家证服务员", matches, lambda prefix: [(w, c) for w, c in index.items() if w.startswith(prefix)]) \
        == "家政服务员"
    assert "家庭服务员" not in looked_up


def test_suggest_gives_nothing_when_every_word_is_known_or_nothing_is_near():
    assert suggest("骑手", lambda text: True, lambda prefix: []) is None
    assert suggest("火星", lambda text: False, lambda prefix: []) is None


def test_a_query_without_words_is_empty():
    assert parse_query(" ，。！😀 ").empty


def test_a_long_query_is_capped():
    assert len(parse_query(" ".join(f"w{number}" for number in range(500))).terms) == 32


def test_snippet_starts_at_the_text_when_nothing_matches():
    assert make_snippet(["", "第二段 <b>"], ["无关"]) == "第二段 &lt;b&gt;"


def test_snippet_never_cuts_a_mark_in_two():
    text = "开始" + "乙" * 116 + "劳动关系" + "丙" * 50
    assert make_snippet([text], ["开始", "劳动关系"]).endswith("<mark>劳动关系</mark>…")


def test_snippet_is_placed_on_a_quoted_phrase_before_single_words():
    text = "确认" + "乙" * 200 + "确认劳动关系"
    snippet = make_snippet([text], ["确认", "劳动关系"], ["确认劳动关系"])
    assert snippet.endswith("<mark>确认劳动关系</mark>")


def test_open_engine_knows_every_engine(tmp_path):
    for name in ENGINES:
        assert open_engine(name, tmp_path / name).name == name


def test_open_engine_refuses_an_unknown_name(tmp_path):
    with pytest.raises(ValueError, match="tantivy, whoosh"):
        open_engine("elastic", tmp_path)

"""Reading a query, cutting a snippet, and choosing an engine: the engine-independent parts."""
from __future__ import annotations

import pytest

from casebase import ENGINES, SearchQuery, open_engine
from casebase.engines.analysis import make_snippet, parse_query


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
    parsed = parse_query('骑手 "确认劳动关系" 加班费')
    assert parsed.terms == ("骑手", "加班费")
    assert parsed.phrases == (("确认", "劳动关系"),)


def test_a_quoted_single_word_is_a_plain_word():
    assert parse_query('"骑手"').terms == ("骑手",) and parse_query('"骑手"').phrases == ()


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

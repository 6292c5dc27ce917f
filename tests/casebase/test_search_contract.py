"""The search contract, kept by every engine: words, phrases, filters, facets, paging, snippets,
similar cases, writes from several processes, and a missing or broken index."""
from __future__ import annotations

import fcntl
import json
import multiprocessing
import re
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casebase import ENGINES, IndexBusy, IndexUnavailable, SearchQuery, open_engine
from tests.casebase.factories import make_record
from tests.casebase.worker_process import upsert_cases

CORPUS = (
    make_record(
        id="rider-2023-a", year=2023, region="北京市", claims=("confirm_labor_relation", "economic_compensation"),
        facts="外卖骑手张某在专送站点工作，站点排班、早会打卡、系统派单，不能拒单。张某请求确认劳动关系。",
    ),
    make_record(
        id="rider-2023-c", year=2023, region="北京市", claims=("overtime",),
        title="外卖骑手每天工作十二小时能否主张加班费",
        facts="外卖骑手赵某由站点排班，每天在线十二小时，一周七天，超时罚款，请求支付加班费。",
    ),
    make_record(
        id="rider-2021", year=2021, region="上海市", outcome="civil_relation", claims=("confirm_labor_relation",),
        title="众包骑手自由抢单是否构成劳动关系",
        facts="众包骑手李某自由抢单，什么时候上线由自己决定。李某主张双方存在劳动关系，平台不予确认。",
    ),
    make_record(
        id="driver-2022", year=2022, region="广东省", occupation="ride_hailing_driver",
        outcome="civil_relation", claims=("work_injury",), title="网约车司机在接单途中受伤",
        facts="网约车司机陈某使用自己的车辆，自主决定是否接单，在接单途中发生交通事故受伤。",
    ),
    make_record(
        id="streamer-2024", year=2024, region="浙江省", occupation="live_streamer", outcome="civil_relation",
        claims=("wage_arrears",), source_body="最高人民法院", title="网络主播与经纪公司之间的关系",
        facts="主播小林自行决定开播时间和内容，与经纪公司协商分成比例，公司未对其进行考勤管理。",
    ),
    make_record(
        id="courier-2023-b", year=2023, region=None, occupation="courier", outcome="incomplete_labor_relation",
        claims=("illegal_deduction",), title="快递员被违规扣款",
        facts="快递员孙某称公司以<script>alert('x')</script>为名扣款 & 罚款，请求返还被扣的钱。",
    ),
    make_record(
        id="domestic-2020", year=2020, region="北京市", occupation="domestic_worker", outcome="other",
        claims=("wage_arrears",), title="家政服务员追讨报酬", holding="家政服务员可以依法主张劳动报酬。",
        reasoning="家政公司与服务员之间的关系应根据实际用工情况认定。",
        facts="家政服务员周某通过平台接受家政订单，公司拖欠三个月报酬。",
    ),
)
ALL_IDS_NEWEST_FIRST = [
    "streamer-2024", "courier-2023-b", "rider-2023-a", "rider-2023-c", "driver-2022", "rider-2021",
    "domestic-2020",
]
MARK = re.compile(r"</?mark>")


@pytest.fixture(scope="module", params=ENGINES)
def library(request, tmp_path_factory):
    """A read-only engine of each kind over the corpus, built once per module."""
    engine = open_engine(request.param, tmp_path_factory.mktemp(request.param) / "index")
    engine.rebuild(CORPUS)
    yield engine
    engine.close()


def ids(result) -> list[str]:
    """The cases the query found, without those a short page goes on with (``extended``)."""
    return [hit.id for hit in result.hits[:len(result.hits) - result.extended]]


def all_ids(result) -> list[str]:
    return [hit.id for hit in result.hits]


def search(engine, text="", **options):
    return engine.search(SearchQuery(text=text, per_page=options.pop("per_page", 20), **options))


# --- words, phrases and order -------------------------------------------------------------------


def test_a_chinese_word_finds_the_cases_containing_it(library):
    assert set(ids(search(library, "骑手"))) == {"rider-2023-a", "rider-2023-c", "rider-2021"}


def test_a_word_inside_a_longer_word_finds_it(library):
    assert set(ids(search(library, "外卖"))) == {"rider-2023-a", "rider-2023-c"}


def test_words_are_all_required(library):
    assert ids(search(library, "骑手 加班费")) == ["rider-2023-c"]


def test_a_quoted_phrase_matches_only_those_words_together(library):
    assert set(ids(search(library, "确认 劳动关系"))) == {"rider-2023-a", "rider-2021"}
    assert ids(search(library, '"确认劳动关系"')) == ["rider-2023-a"]


def test_chinese_quotes_also_make_a_phrase(library):
    assert ids(search(library, "“确认劳动关系”")) == ["rider-2023-a"]


def test_relevance_orders_by_score(library):
    scores = [hit.score for hit in search(library, "排班").hits]
    assert scores == sorted(scores, reverse=True) and all(score > 0 for score in scores)


def test_an_empty_query_lists_everything_newest_first_then_by_id(library):
    result = search(library, "")
    assert ids(result) == ALL_IDS_NEWEST_FIRST and result.total == len(CORPUS)


def test_sort_by_date_puts_newest_first(library):
    assert ids(search(library, "骑手", sort="date")) == ["rider-2023-a", "rider-2023-c", "rider-2021"]


def test_a_synonym_finds_the_cases_that_use_another_form(library):
    assert set(ids(search(library, "外卖员"))) == {"rider-2023-a", "rider-2023-c", "rider-2021"}
    assert ids(search(library, "快递小哥")) == ["courier-2023-b"]


def test_traditional_characters_find_the_simplified_text(library):
    assert ids(search(library, "快遞員")) == ids(search(library, "快递员")) == ["courier-2023-b"]


def test_a_case_filed_under_the_concept_matches_without_the_word(make_engine):
    engine = make_engine()
    engine.rebuild([
        make_record(id="filed", occupation="courier", title="派送员被罚款", facts="孙某在网点派送包裹，被罚款。"),
        make_record(id="other", occupation="live_streamer", title="主播分成", facts="主播小林与公司分成。"),
    ])
    assert ids(search(engine, "快递员")) == ["filed"]


def test_a_word_cut_differently_in_the_text_is_still_found(make_engine):
    engine = make_engine()
    engine.rebuild([make_record(id="compound", title="某案", facts="他是一名快递员，工作三年。"),
                    make_record(id="none", title="某案", facts="主播小林与公司分成。")])
    assert ids(search(engine, "递员")) == ["compound"]  # 递员 lies inside the word 快递员


def test_cases_matching_all_words_come_without_the_partial_flag(library):
    result = search(library, "骑手 加班费")
    assert ids(result) == ["rider-2023-c"] and result.total == 1
    assert not result.partial and result.suggestion is None


def test_a_short_page_of_all_words_goes_on_with_the_cases_having_some_of_them(library):
    result = search(library, "骑手 加班费")
    assert ids(result) == ["rider-2023-c"] and result.extended == len(result.hits) - 1 >= 2
    assert [hit.matched for hit in result.hits[1:]] == [1] * result.extended
    assert {"rider-2023-a", "rider-2021"} <= set(all_ids(result)[1:])


def test_a_full_page_or_an_order_by_date_is_not_extended(library):
    assert search(library, "骑手 加班费", per_page=1).extended == 0
    assert search(library, "骑手 站点", per_page=1).extended == 0
    by_date = search(library, "骑手 加班费", sort="date")
    assert ids(by_date) == ["rider-2023-c"] and by_date.extended == 0


def test_a_single_word_is_not_extended(library):
    assert search(library, "主播").extended == 0


def test_without_a_case_matching_all_words_partial_matches_come_flagged_most_words_first(library):
    result = search(library, "骑手 加班费 主播")
    matched = [hit.matched for hit in result.hits]
    assert result.partial and ids(result)[0] == "rider-2023-c" and matched[0] == 2
    assert matched == sorted(matched, reverse=True) and set(matched) == {1, 2}
    assert {"streamer-2024", "rider-2021"} <= set(ids(result))


def test_a_word_matching_nothing_is_left_out_of_a_partial_result(library):
    result = search(library, "骑手 加班费 火星")
    assert result.partial and ids(result) == ["rider-2023-c"] and [hit.matched for hit in result.hits] == [2]
    assert result.total == 1 and result.facets["occupation"] == {"delivery_rider": 1}


def test_a_single_word_matching_nothing_is_not_partial(library):
    result = search(library, "火星")
    assert result.total == 0 and not result.partial


@pytest.mark.parametrize(("text", "suggestion"), [("骑首", "骑手"), ("骑手 加班废", "骑手 加班费"), ("排斑", "排班"),
                                                 ("家证服务员", "家政服务员")])
def test_a_near_miss_gets_a_did_you_mean(library, text, suggestion):
    assert search(library, text, autocorrect=False).suggestion == suggestion


def test_a_typo_that_finds_nothing_is_answered_with_its_correction_and_says_so(library):
    typed = search(library, "骑首", autocorrect=False)
    corrected = search(library, "骑首")
    assert typed.total == 0 and corrected.corrected_to == "骑手"
    assert set(ids(corrected)) == set(ids(search(library, "骑手"))) and not corrected.partial


def test_a_correction_that_finds_nothing_either_leaves_the_answer_as_it_was(library):
    result = search(library, "火星")
    assert result.total == 0 and result.corrected_to is None


def test_a_word_for_an_arrangement_ranks_the_cases_filed_under_it_first(make_engine):
    engine = make_engine()
    engine.rebuild([
        make_record(id="station", year=2024, arrangement="station", title="骑手工伤", facts="骑手送餐时受伤。",
                    holding="依法处理。", reasoning="依法。"),
        make_record(id="crowd", year=2020, arrangement="crowdsourced", title="骑手工伤", facts="骑手送餐时受伤。",
                    holding="依法处理。", reasoning="依法。"),
    ])
    # Neither text says 众包: the record's arrangement decides, and every rider is still found.
    assert ids(search(engine, "众包骑手")) == ["crowd", "station"]
    assert ids(search(engine, "专送骑手")) == ["station", "crowd"]


def test_the_title_counts_above_the_facts(make_engine):
    engine = make_engine()
    engine.rebuild([
        make_record(id="in-facts", year=2024, title="某案", facts="双方约定押金。", holding="依法处理。", reasoning="依法。"),
        make_record(id="in-title", year=2020, title="押金", facts="双方约定押金。", holding="依法处理。", reasoning="依法。"),
    ])
    assert ids(search(engine, "押金")) == ["in-title", "in-facts"]


def test_the_holding_counts_above_the_facts(make_engine):
    engine = make_engine()
    engine.rebuild([
        make_record(id="in-facts", year=2024, title="某案", facts="双方约定押金。", holding="依法处理。", reasoning="依法。"),
        make_record(id="in-holding", year=2020, title="某案", facts="双方有约定。", holding="押金应退还。", reasoning="依法。"),
    ])
    assert ids(search(engine, "押金")) == ["in-holding", "in-facts"]


def test_equal_relevance_puts_the_newer_case_first(make_engine):
    engine = make_engine()
    text = {"title": "某案", "facts": "双方约定押金。", "holding": "依法处理。", "reasoning": "依法。"}
    engine.rebuild([make_record(id="old", year=2019, **text), make_record(id="new", year=2025, **text),
                    make_record(id="mid", year=2022, **text)])
    assert ids(search(engine, "押金")) == ["new", "mid", "old"]


# --- filters and facets -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"occupation": "live_streamer"}, {"streamer-2024"}),
        ({"outcome": "incomplete_labor_relation"}, {"courier-2023-b"}),
        ({"claim": "wage_arrears"}, {"streamer-2024", "domestic-2020"}),
        ({"region": "上海市"}, {"rider-2021"}),
        ({"year": 2022}, {"driver-2022"}),
        ({"year": "2022"}, {"driver-2022"}),
        ({"source_body": "最高人民法院"}, {"streamer-2024"}),
        ({"region": "北京", "occupation": "delivery_rider"}, set()),
        ({"region": "北京市", "occupation": "delivery_rider"}, {"rider-2023-a", "rider-2023-c"}),
    ],
)
def test_filters_match_exactly(library, filters, expected):
    assert set(ids(search(library, filters=filters))) == expected


def test_filters_combine_with_words(library):
    assert ids(search(library, "骑手", filters={"region": "上海市"})) == ["rider-2021"]


def test_facets_count_the_whole_filtered_result_set(library):
    result = search(library, "骑手", per_page=1)
    assert result.facets == {
        "occupation": {"delivery_rider": 3},
        "outcome": {"labor_relation": 2, "civil_relation": 1},
        "claim": {"confirm_labor_relation": 2, "economic_compensation": 1, "overtime": 1},
        "region": {"北京市": 2, "上海市": 1},
        "year": {"2023": 2, "2021": 1},
        "source_body": {"人力资源社会保障部": 3},
    }


def test_facets_follow_the_filters(library):
    facets = search(library, filters={"region": "北京市"}).facets
    assert facets["region"] == {"北京市": 3}
    assert facets["occupation"] == {"delivery_rider": 2, "domestic_worker": 1}


def test_a_case_without_region_is_left_out_of_the_region_facet(library):
    assert search(library).facets["region"] == {"北京市": 3, "上海市": 1, "广东省": 1, "浙江省": 1}


# --- paging and snippets ------------------------------------------------------------------------


def test_pages_split_the_list_without_overlap(library):
    pages = [search(library, page=page, per_page=3) for page in (1, 2, 3)]
    assert [ids(page) for page in pages] == [
        ALL_IDS_NEWEST_FIRST[0:3], ALL_IDS_NEWEST_FIRST[3:6], ALL_IDS_NEWEST_FIRST[6:]]
    assert {page.total for page in pages} == {len(CORPUS)}
    assert (pages[1].page, pages[1].per_page) == (2, 3)


def test_a_page_past_the_end_is_empty_but_keeps_the_total(library):
    result = search(library, "骑手", page=9, per_page=2)
    assert result.hits == [] and result.total == 3


def test_snippet_marks_the_matches(library):
    snippet = search(library, "抢单").hits[0].snippet
    assert "<mark>抢单</mark>" in snippet


def test_snippet_escapes_html_in_the_facts(library):
    snippet = search(library, "扣款").hits[0].snippet
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in snippet
    assert "<mark>扣款</mark> &amp; <mark>罚款</mark>" in snippet  # 罚款: a form of the same claim
    assert "<script>" not in snippet


def test_snippet_is_about_120_characters_around_the_first_match(library):
    long_facts = "前情" * 200 + "关键事实：骑手被罚款。" + "后续" * 200
    engine_dir = library.index_dir.parent / "snippet-index"
    with open_engine(library.name, engine_dir) as engine:
        engine.rebuild([make_record(id="long", facts=long_facts)])
        snippet = engine.search(SearchQuery("罚款")).hits[0].snippet
    text = MARK.sub("", snippet)
    assert "罚款</mark>" in snippet and text.startswith("…") and text.endswith("…")
    assert 110 <= len(text) <= 130


def test_hits_carry_what_the_result_list_shows(library):
    hit = search(library, "主播").hits[0]
    assert (hit.id, hit.title, hit.outcome, hit.occupation, hit.year, hit.region) == (
        "streamer-2024", "网络主播与经纪公司之间的关系", "civil_relation", "live_streamer", 2024, "浙江省")


# --- any text is plain words --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ['"骑手', '骑手"', "(骑手", "[骑手]", "{骑手}", "骑手*", "骑手~", "骑手^", "+骑手 -", "\\骑手",
             "骑手😀", "\x00骑手\x07", "骑手?", "《骑手》"],
)
def test_query_syntax_characters_are_ignored_around_words(library, text):
    assert set(ids(search(library, text))) == {"rider-2023-a", "rider-2023-c", "rider-2021"}


@pytest.mark.parametrize(
    "text",
    [
        "骑手 AND 工伤", "骑手 OR 主播", "NOT 骑手", "骑手~2", "骑手^3", "title:骑手", "facts:(骑手 OR 司机)",
        '"', '""', ":", "*", "~", "AND", "\ud800", "骑手" * 1000, "a b c d e f " * 340,
    ],
)
def test_operators_and_odd_text_never_raise(library, text):
    result = search(library, text)
    assert result.total >= 0


@settings(max_examples=40, deadline=None)
@given(text=st.text(max_size=200), region=st.sampled_from(["", "北京市", "<b>"]))
def test_arbitrary_text_never_raises_and_snippets_stay_safe(library, text, region):
    result = search(library, text, filters={"region": region}, per_page=5)
    assert result.total >= len(result.hits)
    for hit in result.hits:
        assert "<" not in MARK.sub("", hit.snippet)


# --- similar cases ------------------------------------------------------------------------------


def test_similar_cases_share_telling_words_and_exclude_the_case_itself(library):
    similar = ids_of(library.similar("rider-2023-a", limit=3))
    assert similar[0] == "rider-2023-c" and "rider-2023-a" not in similar


def test_similar_to_an_unknown_case_is_empty(library):
    assert library.similar("no-such-case") == []


def test_similar_to_free_text_finds_matching_cases(library):
    assert ids_of(library.similar_to_text("我在外卖站点送餐，每天排班打卡，超时罚款", limit=2))[0].startswith("rider-2023")


def ids_of(hits) -> list[str]:
    return [hit.id for hit in hits]


# --- writing ------------------------------------------------------------------------------------


def test_upsert_adds_a_case(make_engine):
    engine = make_engine()
    engine.rebuild(CORPUS[:2])
    engine.upsert(make_record(id="new-case", facts="代驾司机刘某通过平台接单。"))
    assert ids(search(engine, "代驾")) == ["new-case"] and engine.count() == 3


def test_upsert_replaces_the_case_with_the_same_id(make_engine):
    engine = make_engine()
    engine.rebuild(CORPUS[:2])
    engine.upsert(make_record(id="rider-2023-a", title="改写", facts="代驾司机刘某。", holding="改", reasoning="改"))
    assert ids(search(engine, "代驾")) == ["rider-2023-a"]
    assert "rider-2023-a" not in ids(search(engine, "早会")) and engine.count() == 2


def test_remove_deletes_a_case_and_ignores_unknown_ids(make_engine):
    engine = make_engine()
    engine.rebuild(CORPUS)
    engine.remove("rider-2021")
    engine.remove("no-such-case")
    assert "rider-2021" not in ids(search(engine)) and engine.count() == len(CORPUS) - 1


def test_another_process_sees_each_write(make_engine):
    reader, writer = make_engine(), make_engine()
    writer.rebuild(CORPUS[:2])
    assert reader.count() == 2
    writer.upsert(make_record(id="new-case"))
    writer.remove("rider-2023-a")
    assert set(ids(search(reader))) == {"rider-2023-c", "new-case"}


def test_writers_in_separate_processes_do_not_lose_each_others_cases(make_engine):
    engine = make_engine()
    engine.rebuild(CORPUS[:1])
    spawn = multiprocessing.get_context("spawn")
    workers = [
        spawn.Process(target=upsert_cases, args=(engine.name, engine.index_dir, prefix, 8))
        for prefix in ("first", "second")
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert [worker.exitcode for worker in workers] == [0, 0]
    assert engine.count() == 17


def _search_and_report(engine, text: str, answers) -> None:
    engine.clear_cache()  # counted afresh in this process, not taken from what the parent kept
    answers.put(search(engine, text).total)


def test_a_forked_worker_searches_with_an_engine_its_parent_used(make_engine):
    # gunicorn and the job worker fork after the parent has searched (and started whatever threads
    # the engine counts with); the child must answer, not wait for a thread it did not inherit.
    engine = make_engine()
    engine.rebuild(CORPUS)
    assert search(engine, "骑手").total == 3
    fork = multiprocessing.get_context("fork")
    answers = fork.Queue()
    child = fork.Process(target=_search_and_report, args=(engine, "骑手 劳动关系", answers))
    child.start()
    child.join(timeout=30)
    if child.is_alive():
        child.kill()
    assert child.exitcode == 0 and answers.get(timeout=5) == search(engine, "骑手 劳动关系").total


def lock_is_held(engine) -> bool:
    with open(engine.index_dir / ".lock", "a+b") as lock_file:
        try:
            fcntl.flock(lock_file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(lock_file.fileno(), fcntl.LOCK_UN)
        return False


def test_sync_reads_its_source_under_the_writer_lock_and_stamps_what_it_read(make_engine):
    """Whoever writes a record last has also read it last, so two processes cannot leave the older state."""
    engine = make_engine()
    engine.rebuild(CORPUS[:2], generation=4)
    held = []

    def read():
        held.append(lock_is_held(engine))
        return 5, [make_record(id="new-case", facts="代驾司机刘某通过平台接单。")], ["rider-2023-a"]

    engine.sync(read)
    assert held == [True] and engine.generation() == 5
    assert set(ids(search(engine))) == {"rider-2023-c", "new-case"}


def test_a_rebuild_reads_its_generation_under_the_writer_lock_before_the_records(make_engine):
    engine = make_engine()
    order = []

    def generation():
        order.append(("generation", lock_is_held(engine)))
        return 9

    def records():
        order.append(("records", lock_is_held(engine)))
        yield from CORPUS[:2]

    engine.rebuild(records(), generation=generation)
    assert order == [("generation", True), ("records", True)] and engine.generation() == 9


def test_a_rebuild_elsewhere_switches_readers_to_the_new_index(make_engine):
    reader, writer = make_engine(), make_engine()
    writer.rebuild(CORPUS[:2])
    assert reader.count() == 2
    writer.rebuild(CORPUS[4:5])
    assert ids(search(reader)) == ["streamer-2024"]


def test_a_failed_rebuild_leaves_the_old_index_serving(make_engine):
    engine = make_engine()
    engine.rebuild(CORPUS[:2])
    folders = sorted(path.name for path in engine.index_dir.iterdir() if path.is_dir())

    def broken_records():
        yield CORPUS[3]
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        engine.rebuild(broken_records())
    assert engine.count() == 2
    assert sorted(path.name for path in engine.index_dir.iterdir() if path.is_dir()) == folders


def test_rebuild_keeps_only_the_index_it_replaced(make_engine):
    engine = make_engine()
    for _ in range(3):
        engine.rebuild(CORPUS[:1])
    assert len([path for path in engine.index_dir.iterdir() if path.is_dir()]) == 2


def test_rebuild_reports_progress_and_returns_the_count(make_engine):
    records = [make_record(facts=f"骑手第{number}号案件。") for number in range(130)]
    reported = []
    assert make_engine().rebuild(records, progress=reported.append) == 130
    assert sum(reported) == 130


def test_generation_is_stamped_by_rebuild_and_set_generation(make_engine):
    engine = make_engine()
    assert engine.generation() is None
    engine.rebuild(CORPUS[:1], generation=5)
    assert engine.generation() == 5
    engine.upsert(CORPUS[1])
    engine.set_generation(7)
    assert engine.generation() == 7 and make_engine().generation() == 7


def test_a_writer_gives_up_with_index_busy_while_another_holds_the_lock(make_engine):
    engine = make_engine(lock_timeout=0.1)
    engine.rebuild(CORPUS[:1])
    with open(engine.index_dir / ".lock", "a+b") as lock_file:
        fcntl.flock(lock_file.fileno(), fcntl.LOCK_EX)
        with pytest.raises(IndexBusy):
            engine.upsert(CORPUS[1])
        fcntl.flock(lock_file.fileno(), fcntl.LOCK_UN)
    engine.upsert(CORPUS[1])
    assert engine.count() == 2


# --- a missing or broken index ------------------------------------------------------------------


def assert_unavailable(engine):
    for read in (lambda: search(engine, "骑手"), lambda: engine.similar("rider-2023-a"), engine.count):
        with pytest.raises(IndexUnavailable):
            read()


def test_an_index_never_built_is_unavailable(make_engine):
    engine = make_engine()
    assert_unavailable(engine)
    with pytest.raises(IndexUnavailable):
        engine.upsert(CORPUS[0])


def test_a_deleted_index_is_unavailable_until_rebuilt(make_engine):
    engine = make_engine()
    engine.rebuild(CORPUS)
    shutil.rmtree(engine.index_dir)
    assert_unavailable(engine)
    assert engine.generation() is None
    engine.rebuild(CORPUS)
    assert search(engine, "骑手").total == 3


def test_a_corrupt_meta_file_is_unavailable_until_rebuilt(make_engine):
    engine = make_engine()
    engine.rebuild(CORPUS)
    (engine.index_dir / "meta.json").write_text("{not json", encoding="utf-8")
    assert_unavailable(engine)
    engine.rebuild(CORPUS)
    assert engine.count() == len(CORPUS)


def test_corrupt_index_files_are_unavailable_until_rebuilt(make_engine):
    engine = make_engine()
    engine.rebuild(CORPUS)
    active = engine.index_dir / json.loads((engine.index_dir / "meta.json").read_text())["active"]
    for path in active.iterdir():
        path.write_bytes(b"\x00garbage" * 8)
    assert_unavailable(make_engine())
    engine.rebuild(CORPUS)
    assert engine.count() == len(CORPUS)


def test_an_index_built_by_the_other_engine_is_unavailable(make_engine, engine_name, tmp_path):
    other = next(name for name in ENGINES if name != engine_name)
    with open_engine(other, tmp_path / "index") as built:
        built.rebuild(CORPUS)
    assert_unavailable(make_engine())

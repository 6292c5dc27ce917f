"""Segmentation: legal-domain words stay whole, and the index and queries see the same words."""
from __future__ import annotations

import threading

import pytest

from casebase import tokenize

DOMAIN_TERMS = (
    "骑手", "外卖骑手", "网约车", "网约配送员", "个体工商户", "劳动关系", "一裁终局", "劳动报酬",
    "经济补偿", "用工合作企业", "站点", "众包", "专送", "派单", "抢单", "拒单", "排班", "考勤",
    "打卡", "全勤奖", "平台企业", "代驾", "主播", "家政", "职业伤害", "工伤",
)


@pytest.mark.parametrize("term", DOMAIN_TERMS)
def test_domain_term_stays_one_word_in_a_sentence(term):
    assert term in tokenize.words(f"申请人称其{term}相关情况属实，请求依法处理。")


def test_inner_words_share_the_position_of_their_word():
    groups = tokenize.term_groups("外卖骑手请求确认劳动关系")
    assert ("外卖骑手", "外卖", "骑手") in groups
    assert ("确认劳动关系", "确认", "劳动", "关系", "劳动关系") in groups


def test_tokens_drop_punctuation_and_whitespace_and_fold_case_and_width():
    assert tokenize.tokens("ＡＰＰ 派单，\n  Hello！") == ["app", "派单", "hello"]


def test_segment_joins_the_search_mode_tokens_with_spaces():
    assert tokenize.segment("外卖骑手") == "外卖 骑手 外卖骑手"


def test_query_terms_drop_stopwords_and_repeats():
    assert tokenize.query_terms("骑手的工伤和骑手") == ["骑手", "工伤"]


def test_a_query_of_only_stopwords_keeps_them():
    assert tokenize.query_terms("的") == ["的"]


def test_segmenter_is_built_once_even_when_threads_race(monkeypatch):
    monkeypatch.setattr(tokenize, "_segmenter", None)
    seen = []
    threads = [threading.Thread(target=lambda: seen.append(tokenize.segmenter())) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(tokenizer) for tokenizer in seen}) == 1


def test_traditional_characters_are_folded_to_simplified():
    assert tokenize.words("外賣騎手請求確認勞動關係") == tokenize.words("外卖骑手请求确认劳动关系")
    assert tokenize.normalise("快遞員 工傷") == "快递员 工伤"


def test_a_lone_surrogate_does_not_stop_folding():
    assert tokenize.normalise("\ud800騎手") == "骑手"


def test_vocabulary_forms_are_words_of_the_segmenter():
    assert tokenize.words("我是外卖小哥，工资没发") == ["我", "是", "外卖小哥", "工资没发"]


def test_bigrams_cover_each_chinese_run_and_stop_at_punctuation():
    assert tokenize.gram_groups("快递员，工伤ab骑") == [("快递",), ("递员",), (), ("工伤",)]
    assert tokenize.bigrams("快递员") == ["快递", "递员"] and tokenize.bigrams("app") == []


@pytest.mark.parametrize("name", sorted(tokenize.SEGMENTERS))
def test_each_segmenter_knows_dictionary_words_from_prefixes(name):
    segmenter = tokenize.make_segmenter(name)
    assert segmenter.is_word("骑手") and segmenter.is_word("外卖小哥") and not segmenter.is_word("外卖骑")


def test_rjieba_cuts_the_library_exactly_as_jieba_does():
    from casebase import load_library

    rjieba, jieba = tokenize.make_segmenter("rjieba"), tokenize.make_segmenter("jieba")
    texts = [tokenize.normalise(text) for record in load_library()
             for text in (record.title, record.facts, record.holding, record.reasoning)]
    assert [rjieba.cut(text) for text in texts] == [jieba.cut(text) for text in texts]
    assert tokenize.segmenter().name == "rjieba"

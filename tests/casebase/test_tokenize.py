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
    assert ("劳动关系", "劳动", "关系") in groups


def test_tokens_drop_punctuation_and_whitespace_and_fold_case_and_width():
    assert tokenize.tokens("ＡＰＰ 派单，\n  Hello！") == ["app", "派单", "hello"]


def test_segment_joins_the_search_mode_tokens_with_spaces():
    assert tokenize.segment("外卖骑手") == "外卖 骑手 外卖骑手"


def test_query_terms_drop_stopwords_and_repeats():
    assert tokenize.query_terms("骑手的工伤和骑手") == ["骑手", "工伤"]


def test_a_query_of_only_stopwords_keeps_them():
    assert tokenize.query_terms("的") == ["的"]


def test_tokenizer_is_built_once_even_when_threads_race(monkeypatch):
    monkeypatch.setattr(tokenize, "_tokenizer", None)
    seen = []
    threads = [threading.Thread(target=lambda: seen.append(tokenize.jieba_tokenizer())) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(tokenizer) for tokenizer in seen}) == 1

"""Anonymisation before publication: each category, consistency, false positives, and a property
test that no name, ID number, phone number or plate of the source survives anywhere."""
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.cn import ric

from casebase.anonymize import KnownParty, anonymize, anonymize_many, leaks

SENTENCE = ("骑手刘洋（身份证号110105199003071234，电话138-1234-5678）驾驶京A·D12345电动车在朝阳区工体北路8号"
            "被罚款，站长王建国说城达配送服务有限公司不管，案号（2026）京0105民初123号，编号2026-0001234。")


def test_every_category_is_removed_from_a_realistic_sentence():
    result = anonymize(SENTENCE, parties=[KnownParty("刘洋", "person")], case_numbers=["2026-0001234"])
    for secret in ("刘洋", "110105199003071234", "138-1234-5678", "京A·D12345", "工体北路8号", "王建国", "城达配送",
                   "（2026）京0105民初123号", "2026-0001234"):
        assert secret not in result.text, secret
    assert "刘某" in result.text and "王某" in result.text and "朝阳区" in result.text and "某配送公司" in result.text
    assert {r.category for r in result.replacements} >= {"person", "id_number", "phone", "plate", "address", "company"}


def test_the_same_person_is_the_same_alias_in_every_field_and_namesakes_differ():
    result = anonymize_many({"facts": "刘洋和刘强一起跑单。", "holding": "刘洋胜诉，刘强败诉。"},
                            parties=[KnownParty("刘洋", "person"), KnownParty("刘强", "person")])
    assert result["facts"].text == "刘某和刘某某一起跑单。" or result["facts"].text == "刘某某和刘某一起跑单。"
    first = result["facts"].text[:result["facts"].text.index("和")]
    assert result["holding"].text.startswith(first)


def test_platform_names_may_be_kept_and_other_companies_are_generalised():
    text = "某外卖科技有限公司与顺远人力资源有限公司签了合作协议。"
    kept = anonymize(text, keep_companies=["某外卖科技有限公司"])
    assert "某外卖科技有限公司" in kept.text and "顺远" not in kept.text


def test_ordinary_words_are_not_taken_for_names():
    text = "王牌骑手在高温天气周末加班，请张贴通知，许多人同意。"
    assert anonymize(text).text == text


def test_anonymising_twice_changes_nothing_more():
    options = {"parties": [KnownParty("刘洋", "person")], "case_numbers": ["2026-0001234"]}
    once = anonymize(SENTENCE, **options).text
    assert anonymize(once, **options).text == once


def test_strange_input_never_raises():
    for text in ("", "\x00\x01", "💥" * 1000, "刘" * 50000, "1" * 40):
        anonymize(text)


def test_leaks_finds_a_planted_secret_even_with_separators():
    assert leaks("电话 138 1234 5678", ["13812345678"]) == ["13812345678"]
    assert leaks("仅称洋洋", ["刘洋洋"]) == ["刘洋洋"]
    assert leaks("干净的文本", ["刘洋", "13812345678"]) == []


SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭"
GIVEN = "伟芳娜敏静强磊军洋勇杰涛明超秀英建华"
names = st.builds(lambda s, g: s + g, st.sampled_from(SURNAMES), st.text(alphabet=GIVEN, min_size=1, max_size=2))
phones = st.builds(lambda p, n: f"1{p}{n:09d}", st.sampled_from("3456789"), st.integers(0, 10**9 - 1))
plates = st.builds(lambda p, l, n: f"{p}{l}{n}", st.sampled_from("京沪粤川苏浙"), st.sampled_from("ABCDEFG"),
                   st.text(alphabet="0123456789ABCDEFGHJK", min_size=5, max_size=5))
ids = st.builds(lambda d, s: (lambda body: body + ric.calc_check_digit(body + "0"))(f"110105{d:%Y%m%d}{s:03d}"),
                st.dates(min_value=date(1950, 1, 1), max_value=date(2008, 12, 31)),
                st.integers(0, 999))
companies = st.builds(lambda w, b: f"{w}{b}有限公司", st.sampled_from(["城达", "顺远", "众联", "速通", "优选"]),
                      st.sampled_from(["配送服务", "人力资源", "劳务派遣", "物流", "科技"]))
filler = st.sampled_from(["每天跑单十个小时，", "站点排班，", "系统派单不能拒，", "超时罚款二十元，", "工资一直拖欠，",
                          "后来被告知不用再来了。", "他说：", "电话是", "车牌号", "身份证号", "联系", "（", "）", " "])


@st.composite
def source_cases(draw):
    worker, colleague = draw(names), draw(names)
    secrets = {"worker": worker, "colleague": colleague, "phone": draw(phones), "plate": draw(plates),
               "id": draw(ids), "company": draw(companies)}
    separators = draw(st.sampled_from(["", " ", "-"]))
    phone_shown = secrets["phone"] if not separators else separators.join(
        [secrets["phone"][:3], secrets["phone"][3:7], secrets["phone"][7:]])
    pieces = [f"骑手{worker}", f"同事{colleague}", phone_shown, secrets["plate"], secrets["id"], secrets["company"]]
    fields = {}
    for field in ("facts", "holding", "reasoning"):
        chosen = draw(st.lists(st.sampled_from(pieces), min_size=1, max_size=6))
        glue = draw(st.lists(filler, min_size=len(chosen) + 1, max_size=len(chosen) + 1))
        fields[field] = "".join(g + p for g, p in zip(glue, chosen + [""]))
    return secrets, fields


@given(source_cases())
@settings(max_examples=200, deadline=None)
def test_nothing_identifying_of_the_source_case_survives_anywhere(generated):
    secrets, fields = generated
    parties = [KnownParty(secrets["worker"], "person"), KnownParty(secrets["colleague"], "person"),
               KnownParty(secrets["company"], "company")]
    result = anonymize_many(fields, parties=parties)
    for name, anonymised in result.items():
        assert leaks(anonymised.text, secrets.values()) == [], (name, fields[name], anonymised.text)

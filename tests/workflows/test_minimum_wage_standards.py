"""Minimum wage standards as dated, sourced records (issue 18): data file and the pure lookup."""

import datetime as dt
import json
from decimal import Decimal

import pytest

from workflows.minimum_wages import (
    ARTICLE_47_1,
    final_award_threshold,
    first_tier_on,
    load_standards,
    normalize_province_code,
    stale_provinces,
    standard_on,
    standard_in_force,
    within_twelve_months,
)

TODAY = dt.date(2026, 12, 3)

PROVINCES = {
    "110000": "北京市", "120000": "天津市", "130000": "河北省", "140000": "山西省", "150000": "内蒙古自治区",
    "210000": "辽宁省", "220000": "吉林省", "230000": "黑龙江省", "310000": "上海市", "320000": "江苏省",
    "330000": "浙江省", "340000": "安徽省", "350000": "福建省", "360000": "江西省", "370000": "山东省",
    "410000": "河南省", "420000": "湖北省", "430000": "湖南省", "440000": "广东省", "450000": "广西壮族自治区",
    "460000": "海南省", "500000": "重庆市", "510000": "四川省", "520000": "贵州省", "530000": "云南省",
    "540000": "西藏自治区", "610000": "陕西省", "620000": "甘肃省", "630000": "青海省", "640000": "宁夏回族自治区",
    "650000": "新疆维吾尔自治区",
}


@pytest.fixture(scope="module")
def standards():
    return load_standards()


def _write(tmp_path, rows):
    path = tmp_path / "standards.json"
    path.write_text(json.dumps({"standards": rows}, ensure_ascii=False), encoding="utf-8")
    return load_standards(path)


def _row(code="990000", name="测试省", effective_on="2024-01-01", tiers=None, level="official", basis="announced"):
    return {"province_code": code, "province_name": name, "effective_on": effective_on,
            "effective_on_basis": basis, "title": "测试通知", "issuer": "测试省人民政府",
            "document_number": None, "issued_on": None, "url": "https://example.gov.cn/x",
            "tiers": tiers or [{"tier": "全省", "rank": 1, "monthly": "2000", "hourly": "20",
                                "places": [{"rest_of_province": True}]}],
            "verified": {"by": "test", "on": "2026-12-03", "level": level}, "notes": None}


# ------------------------------------------------------------------------------------- data

def test_all_31_mainland_provinces_have_records_under_their_names(standards):
    assert set(standards) == set(PROVINCES)
    for code, rows in standards.items():
        assert {s.province_name for s in rows} == {PROVINCES[code]}


@pytest.mark.parametrize("code", sorted(PROVINCES))
def test_every_province_has_a_current_first_tier_with_a_source_address(standards, code):
    tier = first_tier_on(code, TODAY, standards=standards)
    standard = standard_in_force(code, TODAY, standards=standards).standard
    assert tier is not None and tier.monthly >= Decimal("1800")
    assert standard.url and standard.url.startswith("http")
    assert standard.verified.level in ("official", "secondary", "unverified")
    assert TODAY - dt.timedelta(days=366) <= standard.verified.on <= dt.date.today()


def test_every_record_is_dated_sourced_and_ordered(standards):
    for rows in standards.values():
        dates = [s.effective_on for s in rows]
        assert dates == sorted(dates) and len(set(dates)) == len(dates)
        for s in rows:
            assert s.title and s.issuer and s.tiers
            assert s.url or s.verified.level == "unverified"
            assert all(t.monthly > 0 for t in s.tiers)


def test_official_records_come_from_government_pages(standards):
    official = [s for rows in standards.values() for s in rows if s.verified.level == "official"]
    assert official, "at least one record read on a government page"
    assert all(".gov.cn/" in s.url for s in official)


def test_the_tianjin_notice_is_read_from_the_government_page(standards):
    s = standard_in_force("12", dt.date(2025, 9, 1), standards=standards)
    assert (s.tier.monthly, s.tier.hourly, s.standard.verified.level) == (Decimal("2510"), Decimal("26.6"), "official")


def test_province_codes_accept_two_or_six_digits():
    assert normalize_province_code("42") == normalize_province_code(420000) == "420000"
    with pytest.raises(ValueError):
        normalize_province_code("4201")


def test_an_unknown_verification_level_is_refused(tmp_path):
    with pytest.raises(ValueError):
        _write(tmp_path, [_row(level="probably")])


# ------------------------------------------------------------------- threshold per province

# One listed place per province whose current standard lists places (or has one tier).
SAMPLES = [
    ("110000", None, "2540"), ("120000", "天津市和平区", "2510"), ("310000", "上海市浦东新区", "2740"),
    ("540000", "拉萨市城关区", "2360"),
    ("140000", "太原市小店区", "2150"), ("140000", "大同市浑源县", "1950"),
    ("220000", "长春市朝阳区", "2230"), ("220000", "延吉市", "2020"), ("220000", "榆树市", "1870"),
    ("230000", "哈尔滨市南岗区", "2270"), ("230000", "哈尔滨市呼兰区", "2010"), ("230000", "黑河市区", "1910"),
    ("350000", "思明区", "2265"), ("350000", "福建省晋江市", "2195"), ("350000", "武夷山市", "2045"),
    ("440000", "广州市天河区", "2500"), ("440000", "深圳市南山区", "2520"), ("440000", "茂名市", "1750"),
    ("500000", "重庆市渝中区", "2330"), ("500000", "巫溪县", "2200"),
    ("520000", "贵阳市花溪区", "2130"), ("520000", "遵义市湄潭县", "1980"), ("520000", "铜仁市松桃县", "1890"),
    ("530000", "昆明市五华区", "2170"), ("530000", "德钦县", "2020"),
    # Yunnan's class 2 as the notice describes it (county-level cities and districts outside Kunming):
    ("530000", "曲靖市麒麟区", "2020"), ("530000", "芒市", "2020"), ("530000", "曲靖市富源县", "1870"),
    # The last class of Shaanxi, Shanxi and Gansu: the rest of the province (lists of the others read whole).
    ("610000", "安康市汉滨区", "2140"), ("140000", "临汾市隰县", "1950"),
    ("640000", "银川市兴庆区", "2235"), ("640000", "固原市西吉县", "2080"),
    ("650000", "乌鲁木齐市天山区", "2070"), ("650000", "塔什库尔干塔吉克自治县", "1900"),
    ("610000", "西安市碑林区", "2376"), ("430000", "永州市", "1800"),
]


@pytest.mark.parametrize("code, place, monthly", SAMPLES)
def test_final_award_threshold_is_twelve_months_of_the_places_tier(standards, code, place, monthly):
    threshold = final_award_threshold(code, TODAY, place, standards=standards)
    assert threshold.lookup.tier.monthly == Decimal(monthly)
    assert threshold.amount == Decimal(monthly) * 12
    assert threshold.article == ARTICLE_47_1 and "第四十七条" in threshold.article
    assert threshold.lookup.standard.url


@pytest.mark.parametrize("code", ["130000", "150000", "210000", "320000", "330000", "340000", "360000", "370000",
                                  "410000", "420000", "450000", "460000", "510000", "620000", "630000"])
def test_provinces_without_published_places_give_no_threshold_for_a_place(standards, code):
    threshold = final_award_threshold(code, TODAY, "某某县", standards=standards)
    assert threshold.amount is None and threshold.lookup.matched_by == "unmatched"
    assert threshold.covers(Decimal("1")) is None


@pytest.mark.parametrize("place, monthly", [("兰州市城关区", "2020"), ("临夏回族自治州永靖县", "1850")])
def test_gansus_2023_classes_hold_for_an_award_before_the_2025_standard(standards, place, monthly):
    # The fourth class is the rest of the province: the other three lists were read whole.
    threshold = final_award_threshold("620000", dt.date(2025, 6, 30), place, standards=standards)
    assert threshold.lookup.tier.monthly == Decimal(monthly)
    assert threshold.lookup.standard.document_number == "甘政办发〔2023〕83号"


@pytest.mark.parametrize("place, monthly, matched_by", [
    ("鄂尔多斯市东胜区", "2270", "place"), ("兴安盟突泉县", "2140", "place"), ("赤峰市宁城县", "2140", "rest_of_province")])
def test_inner_mongolias_2024_third_class_is_the_rest_of_the_region(standards, place, monthly, matched_by):
    # 32 + 30 places read whole, 41 in the third class by the HRSS report: the region's 103 county-level units.
    threshold = final_award_threshold("150000", dt.date(2025, 6, 30), place, standards=standards)
    assert threshold.lookup.tier.monthly == Decimal(monthly)
    assert threshold.lookup.standard.document_number == "内政办发〔2024〕46号"
    assert threshold.lookup.matched_by == matched_by


def test_no_place_names_no_tier_when_there_are_several(standards):
    lookup = standard_in_force("220000", TODAY, None, standards=standards)
    assert lookup.tier is None and lookup.matched_by == "no_place"
    assert [t.monthly for t in lookup.tiers] == [Decimal("2230"), Decimal("2020"), Decimal("1870")]


def test_a_single_tier_province_needs_no_place(standards):
    lookup = standard_in_force("110000", TODAY, standards=standards)
    assert lookup.matched_by == "only_tier" and lookup.tier.monthly == Decimal("2540")


def test_a_city_whose_parts_sit_in_different_tiers_is_too_broad(standards):
    lookup = standard_in_force("220000", TODAY, "长春市", standards=standards)
    assert lookup.tier is None and lookup.matched_by == "too_broad"


def test_a_place_missing_from_an_incomplete_list_does_not_fall_to_the_rest_tier(tmp_path):
    # A class-2 list the page did not carry whole: a county on no list may be class 2 or the rest.
    data = _write(tmp_path, [_row(code="530000", name="云南省", tiers=[
        {"tier": "一类地区", "rank": 1, "monthly": "2070", "places": ["昆明市五华区"]},
        {"tier": "二类地区", "rank": 2, "monthly": "1920", "places": ["昆明市东川区"], "places_complete": False},
        {"tier": "三类地区", "rank": 3, "monthly": "1770", "places": [{"rest_of_province": True}]}])])
    lookup = standard_in_force("530000", TODAY, "曲靖市麒麟区", standards=data)
    assert lookup.tier is None and lookup.matched_by == "unmatched"
    assert {t.label for t in lookup.candidates} == {"二类地区", "三类地区"}


def test_an_excluded_district_goes_to_the_tier_that_names_it(standards):
    assert standard_in_force("230000", TODAY, "哈尔滨市双城区", standards=standards).tier.monthly == Decimal("2010")
    older = standard_in_force("230000", dt.date(2025, 1, 1), "哈尔滨市双城区", standards=standards)
    assert older.tier.monthly == Decimal("1750")


def test_the_same_name_in_two_tiers_is_ambiguous(tmp_path):
    tiers = [{"tier": "一类", "rank": 1, "monthly": "2300", "places": ["甲市城区"]},
             {"tier": "二类", "rank": 2, "monthly": "2100", "places": ["乙市城区", {"rest_of_province": True}]}]
    data = _write(tmp_path, [_row(tiers=tiers)])
    lookup = standard_in_force("990000", TODAY, "城区", standards=data)
    assert lookup.tier is None and lookup.matched_by == "ambiguous" and len(lookup.candidates) == 2
    assert standard_in_force("990000", TODAY, "甲市城区", standards=data).tier.label == "一类"
    assert standard_in_force("990000", TODAY, "丙县", standards=data).matched_by == "rest_of_province"


def test_the_announcement_is_there_for_citing(standards):
    lookup = standard_in_force("140000", TODAY, "太原市小店区", standards=standards)
    cite = lookup.standard.citation()
    assert "晋政办发〔2024〕58号" in cite and "2025-01-01" in cite and "shanxi.gov.cn" in cite
    assert lookup.warnings == ()


def test_secondary_and_undated_sources_are_flagged(standards):
    assert any("secondary" in w for w in standard_in_force("220000", TODAY, "长春市朝阳区",
                                                           standards=standards).warnings)
    early = standard_in_force("530000", dt.date(2024, 9, 30), "昆明市五华区", standards=standards)
    assert early.tier.monthly == Decimal("1990")
    assert any("secondary" in w for w in early.warnings)
    undated = standard_in_force("540000", dt.date(2025, 6, 1), "拉萨市城关区", standards=standards)
    assert undated.tier.monthly == Decimal("2100")
    assert any("unknown start date" in w for w in undated.warnings)


# ----------------------------------------------------------------------------- change days

@pytest.mark.parametrize("code, place, before, change_day, old, new", [
    ("220000", "长春市朝阳区", dt.date(2025, 11, 30), dt.date(2025, 12, 1), "2120", "2230"),
    ("230000", "大庆市区", dt.date(2024, 4, 30), dt.date(2024, 5, 1), "1860", "2080"),
    ("120000", None, dt.date(2025, 8, 31), dt.date(2025, 9, 1), "2320", "2510"),
    ("640000", "银川市兴庆区", dt.date(2025, 9, 30), dt.date(2025, 10, 1), "2050", "2235"),
    ("150000", "包头市昆都仑区", dt.date(2025, 11, 30), dt.date(2025, 12, 1), "2270", "2380"),
])
def test_a_date_straddling_a_change_uses_the_older_standard_before_and_the_newer_from_the_day(
        standards, code, place, before, change_day, old, new):
    before_lookup = standard_in_force(code, before, place, standards=standards)
    on_lookup = standard_in_force(code, change_day, place, standards=standards)
    after_lookup = standard_in_force(code, change_day + dt.timedelta(days=1), place, standards=standards)
    assert before_lookup.standard.first_tier.monthly == Decimal(old)
    assert on_lookup.standard.effective_on == change_day
    assert on_lookup.standard.first_tier.monthly == after_lookup.standard.first_tier.monthly == Decimal(new)


def test_before_the_first_record_there_is_no_standard(standards):
    lookup = standard_in_force("220000", dt.date(2021, 11, 30), "长春市朝阳区", standards=standards)
    assert lookup.standard is None and lookup.matched_by == "no_standard"
    assert final_award_threshold("220000", dt.date(2021, 11, 30), "长春市朝阳区", standards=standards).amount is None


# ------------------------------------------------------------------------ 12x, inclusive

def test_twelve_months_is_inclusive():
    assert within_twelve_months(Decimal("26760.00"), Decimal("2230")) is True
    assert within_twelve_months(Decimal("26760.01"), Decimal("2230")) is False
    assert within_twelve_months("100", "2230") is True


def test_threshold_covers_exactly_twelve_months_but_not_a_fen_more(standards):
    threshold = final_award_threshold("220000", TODAY, "长春市朝阳区", standards=standards)
    assert threshold.amount == Decimal("26760.00")
    assert threshold.covers(Decimal("26760.00")) is True
    assert threshold.covers(Decimal("26760.01")) is False


# ---------------------------------------------------------------------------------- stale

def test_stale_provinces_lists_those_not_adjusted_within_two_years(standards):
    stale = {p.province_code: p for p in stale_provinces(TODAY, standards=standards)}
    assert "340000" in stale and stale["340000"].newest_effective_on == dt.date(2023, 3, 1)
    assert "120000" not in stale and "220000" not in stale
    assert set(stale) <= set(PROVINCES)


def test_stale_boundary_is_exactly_two_years(tmp_path):
    data = _write(tmp_path, [_row(code="980000", effective_on="2024-12-03"),
                             _row(code="970000", effective_on="2024-12-02")])
    assert [p.province_code for p in stale_provinces(TODAY, standards=data)] == ["970000"]
    assert [p.province_code for p in stale_provinces(TODAY, years=3, standards=data)] == []


def test_stale_ignores_records_dated_after_today(tmp_path):
    data = _write(tmp_path, [_row(code="960000", effective_on="2023-01-01"),
                             _row(code="960000", effective_on="2027-01-01")])
    assert [p.newest_effective_on for p in stale_provinces(TODAY, standards=data)] == [dt.date(2023, 1, 1)]


# ------------------------------------------------------- partial city lists (Jiangsu 2026)

JIANGSU_2026 = dt.date(2026, 1, 1)


@pytest.mark.parametrize("place, monthly", [
    ("常州市武进区", "2660"),     # 常州市区 (常人社发〔2025〕121号, official)
    ("溧阳市", "2660"),
    ("苏州市吴江区", "2660"),     # 苏州市区 (reprint)
    ("昆山市", "2660"),
    ("镇江市丹徒区", "2660"),     # 镇江市区 (official)
    ("扬中市", "2660"),
    ("徐州市鼓楼区", "2430"),     # 徐州市区 less 铜山区 (reprints)
    ("徐州市铜山区", "2180"),
    ("邳州市", "2180"),
])
def test_jiangsu_2026_places_read_from_city_notices_get_their_tier(standards, place, monthly):
    threshold = final_award_threshold("320000", JIANGSU_2026, place, standards=standards)
    assert threshold.lookup.matched_by == "place"
    assert threshold.lookup.standard.document_number == "苏人社规〔2025〕3号"
    assert threshold.amount == Decimal(monthly) * 12


def test_jiangsu_2026_a_city_not_yet_read_gets_no_tier(standards):
    lookup = standard_in_force("320000", JIANGSU_2026, "南京市玄武区", standards=standards)
    assert lookup.tier is None and lookup.matched_by == "unmatched"
    assert final_award_threshold("320000", JIANGSU_2026, "南京市玄武区", standards=standards).amount is None
    assert standard_in_force("320000", JIANGSU_2026, "徐州市", standards=standards).matched_by == "too_broad"


def test_zhejiang_2026_hangzhou_districts_are_first_tier_but_its_counties_are_open(standards):
    assert final_award_threshold("330000", JIANGSU_2026, "杭州市西湖区", standards=standards).amount == Decimal("31920.00")
    assert standard_in_force("330000", JIANGSU_2026, "杭州市建德市", standards=standards).tier is None


@pytest.mark.parametrize("place", ["乐山市市中区", "乐山市峨眉山市", "四川省乐山市马边彝族自治县"])
def test_sichuan_2025_leshan_is_second_tier_in_every_county(standards, place):
    """乐山's own notice (reported by 乐山发布, 2025-04-02) puts the whole city in 第二档, back to 2025-01-01."""
    threshold = final_award_threshold("510000", dt.date(2025, 6, 30), place, standards=standards)
    assert threshold.lookup.matched_by == "place" and threshold.amount == Decimal("26400.00")


def test_sichuan_2025_a_city_not_yet_read_gets_no_tier(standards):
    assert standard_in_force("510000", dt.date(2025, 6, 30), "绵阳市涪城区", standards=standards).tier is None


@pytest.mark.parametrize(("day", "first_tier", "effective_on"), [
    (dt.date(2024, 6, 1), "2000", dt.date(2024, 4, 1)),   # the round once recorded as from 2025-04-01
    (dt.date(2026, 1, 5), "2240", dt.date(2025, 12, 1)),  # the round in force since 2025-12-01
])
def test_jiangxis_award_day_picks_the_round_then_in_force(standards, day, first_tier, effective_on):
    standard = standard_on("360000", day, standards=standards)
    assert standard.effective_on == effective_on and standard.first_tier.monthly == Decimal(first_tier)



def test_jiangxis_2024_round_places_jizhou_district_in_the_second_class(standards):
    threshold = final_award_threshold("360000", dt.date(2024, 6, 1), "吉安市吉州区", standards=standards)
    assert threshold.lookup.tier.label == "二类区域" and threshold.amount == Decimal("1870") * 12
